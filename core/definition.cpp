// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/definition.h"

#include "core/checkkinds.h"
#include "core/exportprofiles.h"
#include "core/jsonerror.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <array>

namespace Rallybook::Core {

namespace {

constexpr qsizetype kMaxDefinitionSize = 4 * 1024 * 1024;

const QHash<QString, FieldType> &typeNames()
{
    static const QHash<QString, FieldType> names{
        {QStringLiteral("text"), FieldType::Text},
        {QStringLiteral("longtext"), FieldType::LongText},
        {QStringLiteral("choice"), FieldType::Choice},
        {QStringLiteral("checklist"), FieldType::Checklist},
        {QStringLiteral("number"), FieldType::Number},
        {QStringLiteral("date"), FieldType::Date},
        {QStringLiteral("due"), FieldType::Due},
        {QStringLiteral("flag"), FieldType::Flag},
        {QStringLiteral("list"), FieldType::List},
        {QStringLiteral("group"), FieldType::Group},
    };
    return names;
}

/** What a role accepts; `owner` is set for a list column's role: the role of its list. */
struct RoleSpec
{
    Role role;
    const char *name;
    FieldTypes accepts;
    std::optional<Role> owner = std::nullopt;
};

const QList<RoleSpec> &roleSpecs()
{
    using F = FieldType;
    static const QList<RoleSpec> specs{
        {Role::LeaderName, "leaderName", kTextTypes},
        {Role::TribeName, "tribeName", kTextTypes},
        {Role::Slogan, "slogan", kTextTypes},
        {Role::IdentityLine, "identityLine", kTextTypes},
        {Role::Stage, "stage", typeBit(F::Choice)},
        {Role::MiniManifesto, "miniManifesto", kTextTypes},
        {Role::ManifestoTitle, "manifestoTitle", kTextTypes},
        {Role::ManifestoBody, "manifestoBody", typeBit(F::LongText)},
        {Role::LeaderBeat, "leaderBeat", kTextTypes},
        {Role::MovementBeat, "movementBeat", kTextTypes},
        {Role::UsVersusThemBeats, "usVersusThemBeats", typeBit(F::Group)},
        {Role::StandBeat, "standBeat", kTextTypes},
        {Role::DifferenceBeat, "differenceBeat", kTextTypes},
        {Role::EnemyBeat, "enemyBeat", kTextTypes},
        {Role::IdentityBeat, "identityBeat", kTextTypes},
        {Role::Pricing, "pricing", typeBit(F::Group)},
        {Role::OfferStack, "offerStack", typeBit(F::List)},
        {Role::OfferName, "offerName", kTextTypes, Role::OfferStack},
        {Role::OfferPrice, "offerPrice", kTextTypes | typeBit(F::Number), Role::OfferStack},
        {Role::OfferType, "offerType", typeBit(F::Choice), Role::OfferStack},
        {Role::FanRings, "fanRings", typeBit(F::Group)},
        {Role::FanEconomics, "fanEconomics", typeBit(F::Group)},
        {Role::FollowerLog, "followerLog", typeBit(F::List)},
        {Role::PublishingCadence, "publishingCadence", typeBit(F::Group)},
        {Role::Milestones, "milestones", typeBit(F::List)},
        {Role::Outreach, "outreach", typeBit(F::List)},
    };
    return specs;
}

const RoleSpec *roleSpec(QStringView name)
{
    for (const RoleSpec &spec : roleSpecs()) {
        if (name == QLatin1String(spec.name)) {
            return &spec;
        }
    }
    return nullptr;
}

/** "text or longtext", for messages. */
QString acceptedTypes(FieldTypes accepted)
{
    QStringList names;
    for (int t = 0; t <= int(FieldType::Group); ++t) {
        if (accepted & typeBit(FieldType(t))) {
            names.append(fieldTypeName(FieldType(t)));
        }
    }
    return names.join(Definition::tr(" or "));
}

/** Walks the JSON, remembering where it is, and stops at the first problem. */
class Parser
{
public:
    explicit Parser(QString source)
        : m_source(std::move(source))
    {}

    bool failed() const { return !m_error.isEmpty(); }
    Error error() const
    {
        return Error{
            ErrorCode::InvalidDefinition,
            Definition::tr("The framework definition %1 is not valid: %2").arg(m_source, m_error),
            m_error};
    }

    bool fail(const QString &place, const QString &problem)
    {
        if (m_error.isEmpty()) {
            m_error = place.isEmpty() ? problem : place + QStringLiteral(": ") + problem;
        }
        return false;
    }

    bool onlyKeys(const QJsonObject &object,
                  const QString &place,
                  std::initializer_list<const char *> allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key(); // built once: a key is not stored as a QString
            bool known = false;
            for (const char *name : allowed) {
                if (key == QLatin1String(name)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                return fail(place, Definition::tr("unknown key \"%1\"").arg(key));
            }
        }
        return true;
    }

    QString string(const QJsonObject &object, const char *key, const QString &place, bool required)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (required) {
                fail(place, Definition::tr("missing \"%1\"").arg(QLatin1String(key)));
            }
            return {};
        }
        if (!value.isString()) {
            fail(place, Definition::tr("\"%1\" must be a string").arg(QLatin1String(key)));
            return {};
        }
        if (required && value.toString().trimmed().isEmpty()) {
            fail(place, Definition::tr("\"%1\" must not be empty").arg(QLatin1String(key)));
        }
        return value.toString();
    }

    QJsonArray
    array(const QJsonObject &object, const char *key, const QString &place, bool required)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (required) {
                fail(place, Definition::tr("missing \"%1\"").arg(QLatin1String(key)));
            }
            return {};
        }
        if (!value.isArray()) {
            fail(place, Definition::tr("\"%1\" must be an array").arg(QLatin1String(key)));
            return {};
        }
        return value.toArray();
    }

    std::optional<double> number(const QJsonObject &object, const char *key, const QString &place)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined()) {
            return std::nullopt;
        }
        if (!value.isDouble()) {
            fail(place, Definition::tr("\"%1\" must be a number").arg(QLatin1String(key)));
            return std::nullopt;
        }
        return value.toDouble();
    }

    QJsonObject object(const QJsonValue &value, const QString &place)
    {
        if (!value.isObject()) {
            fail(place, Definition::tr("must be an object"));
            return {};
        }
        return value.toObject();
    }

    /** Registers an id as used, failing on a duplicate. */
    bool unique(QSet<QString> &ids, const QString &id, const QString &place)
    {
        if (ids.contains(id)) {
            return fail(place, Definition::tr("duplicate id \"%1\"").arg(id));
        }
        ids.insert(id);
        return true;
    }

    Field field(const QJsonValue &value, const QString &place, const QString &prefix, int depth);
    void role(const QJsonObject &object, const QString &place, int depth, Field &field);

    QSet<QString> fieldIds;
    /** Where each role was given, for duplicates. */
    QHash<int, QString> rolePlaces;

private:
    QString m_source;
    QString m_error;
};

QString describe(const QString &place, const QString &id)
{
    return id.isEmpty() ? place : QStringLiteral("%1 (%2)").arg(place, id);
}

// depth 0: a section's field; 1: a group part; 2: a list column.
Field Parser::field(const QJsonValue &value,
                    const QString &basePlace,
                    const QString &prefix,
                    int depth)
{
    Field field;
    const QJsonObject object = this->object(value, basePlace);
    if (failed()) {
        return field;
    }
    field.localId = object.value(QLatin1String("id")).toString();
    const QString place = describe(basePlace, field.localId);
    onlyKeys(object,
             place,
             {"id",
              "label",
              "type",
              "question",
              "hint",
              "maxLength",
              "choices",
              "unit",
              "money",
              "min",
              "max",
              "decimals",
              "default",
              "columns",
              "parts",
              "role"});
    string(object, "id", place, true);
    field.id = prefix.isEmpty() ? field.localId : prefix + u'.' + field.localId;
    field.label = string(object, "label", place, true);
    field.question = string(object, "question", place, depth == 0);
    field.hint = string(object, "hint", place, false);
    const QString typeName = string(object, "type", place, true);
    if (failed()) {
        return field;
    }
    const auto type = typeNames().constFind(typeName);
    if (type == typeNames().constEnd()) {
        fail(place, Definition::tr("unknown field type \"%1\"").arg(typeName));
        return field;
    }
    field.type = type.value();
    if (depth == 1 && field.type == FieldType::Group) {
        fail(place, Definition::tr("a group cannot hold another group"));
        return field;
    }
    if (depth == 2 && !field.isScalar()) {
        fail(place, Definition::tr("a list column must hold one value, not a %1").arg(typeName));
        return field;
    }
    if (depth < 2) {
        unique(fieldIds, field.id, place);
    }
    role(object, place, depth, field);

    if (auto maxLength = number(object, "maxLength", place)) {
        if (*maxLength < 1 || *maxLength > 100000) {
            fail(place, Definition::tr("\"maxLength\" must be between 1 and 100000"));
        }
        field.maxLength = int(*maxLength);
    }
    if (field.type == FieldType::Choice || field.type == FieldType::Checklist) {
        const QJsonArray choices = array(object, "choices", place, true);
        if (!failed() && choices.isEmpty()) {
            fail(place, Definition::tr("\"choices\" must not be empty"));
        }
        QSet<QString> choiceIds;
        for (qsizetype i = 0; i < choices.size() && !failed(); ++i) {
            const QString choicePlace = place + QStringLiteral(".choices[%1]").arg(i);
            const QJsonObject choiceObject = this->object(choices.at(i), choicePlace);
            if (failed()) {
                break;
            }
            onlyKeys(choiceObject, choicePlace, {"id", "label"});
            Choice choice{string(choiceObject, "id", choicePlace, true),
                          string(choiceObject, "label", choicePlace, true)};
            unique(choiceIds, choice.id, choicePlace);
            field.choices.append(choice);
        }
    } else if (object.contains(QLatin1String("choices"))) {
        fail(place, Definition::tr("only choice and checklist fields have \"choices\""));
    }
    field.unit = string(object, "unit", place, false);
    field.money = object.value(QLatin1String("money")).toBool(false);
    field.min = number(object, "min", place).value_or(0);
    field.max = number(object, "max", place).value_or(1e9);
    field.decimals = int(number(object, "decimals", place).value_or(0));
    field.defaultValue = number(object, "default", place);
    if (field.min > field.max) {
        fail(place, Definition::tr("\"min\" is larger than \"max\""));
    }
    if (field.decimals < 0 || field.decimals > 6) {
        fail(place, Definition::tr("\"decimals\" must be between 0 and 6"));
    }

    if (field.type == FieldType::List) {
        const QJsonArray columns = array(object, "columns", place, true);
        if (!failed() && columns.isEmpty()) {
            fail(place, Definition::tr("a list needs at least one column"));
        }
        QSet<QString> columnIds;
        for (qsizetype i = 0; i < columns.size() && !failed(); ++i) {
            Field column = this->field(
                columns.at(i), place + QStringLiteral(".columns[%1]").arg(i), QString(), 2);
            unique(columnIds, column.id, place + QStringLiteral(".columns[%1]").arg(i));
            // A column's role belongs to a list with its owner's role (the offer stack's price).
            if (column.role && !failed()) {
                const RoleSpec *spec = roleSpec(roleName(*column.role));
                if (field.role != spec->owner) {
                    fail(describe(place + QStringLiteral(".columns[%1]").arg(i), column.id),
                         Definition::tr("the role \"%1\" belongs on a column of the field with "
                                        "the role \"%2\"")
                             .arg(roleName(*column.role), roleName(*spec->owner)));
                }
            }
            field.columns.append(column);
        }
    } else if (object.contains(QLatin1String("columns"))) {
        fail(place, Definition::tr("only list fields have \"columns\""));
    }
    if (field.type == FieldType::Group) {
        const QJsonArray parts = array(object, "parts", place, true);
        if (!failed() && parts.isEmpty()) {
            fail(place, Definition::tr("a group needs at least one part"));
        }
        for (qsizetype i = 0; i < parts.size() && !failed(); ++i) {
            field.parts.append(
                this->field(parts.at(i), place + QStringLiteral(".parts[%1]").arg(i), field.id, 1));
        }
    } else if (object.contains(QLatin1String("parts"))) {
        fail(place, Definition::tr("only group fields have \"parts\""));
    }
    return field;
}

void Parser::role(const QJsonObject &object, const QString &place, int depth, Field &field)
{
    const QString name = string(object, "role", place, false);
    if (name.isEmpty() || failed()) {
        return;
    }
    const RoleSpec *spec = roleSpec(name);
    if (!spec) {
        fail(place, Definition::tr("unknown role \"%1\"").arg(name));
        return;
    }
    if (!(spec->accepts & typeBit(field.type))) {
        fail(place,
             Definition::tr("the role \"%1\" needs a field of type %2, not %3")
                 .arg(name, acceptedTypes(spec->accepts), fieldTypeName(field.type)));
        return;
    }
    if (spec->owner && depth != 2) {
        fail(place,
             Definition::tr("the role \"%1\" belongs on a column of the field with the role "
                            "\"%2\"")
                 .arg(name, roleName(*spec->owner)));
        return;
    }
    if (!spec->owner && depth == 2) {
        fail(place, Definition::tr("the role \"%1\" cannot be given to a list column").arg(name));
        return;
    }
    const int key = int(spec->role);
    if (rolePlaces.contains(key)) {
        fail(place,
             Definition::tr("the role \"%1\" is already given to %2")
                 .arg(name, rolePlaces.value(key)));
        return;
    }
    rolePlaces.insert(key, place);
    field.role = spec->role;
}

/**
 * Resolves the "inputs" of a check or derived figure against its kind: each field, part and
 * column must exist and be of a type the input accepts, each choice must be one of its field's.
 * Stops at the first problem, naming the place through the parser.
 */
class InputResolver
{
public:
    InputResolver(Parser &parser,
                  const QHash<QString, const Field *> &fields,
                  const QHash<QString, const DerivedFigure *> &figures)
        : m_parser(parser)
        , m_fields(fields)
        , m_figures(figures)
    {}

    Inputs resolve(const Kind &kind, const QJsonValue &json, const QString &basePlace)
    {
        Inputs inputs;
        const QString place = basePlace + QStringLiteral(".inputs");
        if (!json.isUndefined() && !json.isObject()) {
            m_parser.fail(place, Definition::tr("must be an object"));
            return inputs;
        }
        const QJsonObject object = json.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool known =
                std::any_of(kind.inputs.cbegin(), kind.inputs.cend(), [&](const InputSpec &spec) {
                    return it.key() == QLatin1String(spec.name);
                });
            if (!known) {
                m_parser.fail(place,
                              Definition::tr("the kind \"%1\" takes no input \"%2\"")
                                  .arg(QLatin1String(kind.name), it.key()));
                return inputs;
            }
        }
        for (const InputSpec &spec : kind.inputs) {
            const QJsonValue value = object.value(QLatin1String(spec.name));
            if (value.isUndefined()) {
                if (!spec.optional) {
                    m_parser.fail(place,
                                  Definition::tr("missing \"%1\" (%2)")
                                      .arg(QLatin1String(spec.name), Kinds::describe(spec.type)));
                    return inputs;
                }
                continue;
            }
            Input input;
            input.name = QLatin1String(spec.name);
            if (!resolve(spec, value, place + u'.' + input.name, inputs, input)) {
                return inputs;
            }
            inputs.list.append(input);
        }
        return inputs;
    }

private:
    bool resolve(const InputSpec &spec,
                 const QJsonValue &value,
                 const QString &place,
                 const Inputs &earlier,
                 Input &input)
    {
        switch (spec.type) {
        case InputType::Field:
        case InputType::Column:
            return reference(spec, value, place, input);
        case InputType::Fields:
        case InputType::Columns: {
            if (!value.isArray() || value.toArray().isEmpty()) {
                return m_parser.fail(
                    place, Definition::tr("must be %1, not empty").arg(Kinds::describe(spec.type)));
            }
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!reference(spec, array.at(i), place + QStringLiteral("[%1]").arg(i), input)) {
                    return false;
                }
            }
            return true;
        }
        case InputType::Choice:
            return choice(spec, value, place, earlier, input);
        case InputType::Number:
        case InputType::Words:
        case InputType::Patterns:
        case InputType::Strings:
            // The constant's value is read and checked by Checker::create, which uses it.
            if (!value.isString() || value.toString().isEmpty()) {
                return m_parser.fail(place, Definition::tr("must be the key of a constant"));
            }
            input.values.append(value.toString());
            return true;
        case InputType::Minimums: {
            const QJsonObject object = value.toObject();
            if (!value.isObject() || object.isEmpty()) {
                return m_parser.fail(place,
                                     Definition::tr("must be %1").arg(Kinds::describe(spec.type)));
            }
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (!reference(spec, QJsonValue(it.key()), place, input)) {
                    return false;
                }
                if (!it.value().isString() || it.value().toString().isEmpty()) {
                    return m_parser.fail(place + u'.' + it.key(),
                                         Definition::tr("must be the key of a constant"));
                }
                input.values.append(it.value().toString());
            }
            return true;
        }
        case InputType::Flag:
            if (!value.isBool()) {
                return m_parser.fail(place, Definition::tr("must be true or false"));
            }
            input.flag = value.toBool();
            return true;
        case InputType::Figure: {
            const DerivedFigure *figure = m_figures.value(value.toString());
            if (!figure || figure->kind != QLatin1String(spec.of)) {
                return m_parser.fail(
                    place,
                    Definition::tr("\"%1\" is not a derived figure of the kind "
                                   "\"%2\"")
                        .arg(value.toVariant().toString(), QLatin1String(spec.of)));
            }
            input.values.append(figure->id);
            return true;
        }
        }
        return false;
    }

    /** A field, part or column named by `value`, type-checked, appended to `input`. */
    bool
    reference(const InputSpec &spec, const QJsonValue &value, const QString &place, Input &input)
    {
        const QString path = value.toString();
        if (!value.isString() || path.isEmpty()) {
            return m_parser.fail(place,
                                 Definition::tr("must be %1").arg(Kinds::describe(spec.type)));
        }
        const bool column = spec.type == InputType::Column || spec.type == InputType::Columns;
        const Field *field = nullptr;
        const Field *list = nullptr;
        if (column) {
            const qsizetype dot = path.lastIndexOf(u'.');
            list = dot > 0 ? m_fields.value(path.left(dot)) : nullptr;
            if (!list || list->type != FieldType::List) {
                return m_parser.fail(
                    place, Definition::tr("\"%1\" is not a column of a list field").arg(path));
            }
            field = list->column(path.mid(dot + 1));
            if (!field) {
                return m_parser.fail(place,
                                     Definition::tr("the list \"%1\" has no column \"%2\"")
                                         .arg(list->id, path.mid(dot + 1)));
            }
        } else {
            field = m_fields.value(path);
            if (!field) {
                return m_parser.fail(place, Definition::tr("unknown field \"%1\"").arg(path));
            }
        }
        if (!(spec.accepts & typeBit(field->type))) {
            return m_parser.fail(
                place,
                Definition::tr("\"%1\" is a %2 field; this input takes %3")
                    .arg(path, fieldTypeName(field->type), acceptedTypes(spec.accepts)));
        }
        input.fields.append(field);
        if (column) {
            input.lists.append(list);
        }
        return true;
    }

    /** A choice id of every field of the input named by spec.of (a figure's: its stage). */
    bool choice(const InputSpec &spec,
                const QJsonValue &value,
                const QString &place,
                const Inputs &earlier,
                Input &input)
    {
        const QString id = value.toString();
        if (!value.isString() || id.isEmpty()) {
            return m_parser.fail(place, Definition::tr("must be a choice id"));
        }
        const Input *of = earlier.find(QString::fromLatin1(spec.of));
        QList<const Field *> fields;
        if (of && of->fields.isEmpty() && !of->values.isEmpty()) {
            const DerivedFigure *figure = m_figures.value(of->value());
            const Input *stage = figure ? figure->inputs.find(u"stage") : nullptr;
            if (stage) {
                fields = stage->fields;
            }
        } else if (of) {
            fields = of->fields;
        }
        if (fields.isEmpty()) {
            return m_parser.fail(
                place,
                Definition::tr("a choice needs the input \"%1\"").arg(QLatin1String(spec.of)));
        }
        for (const Field *field : std::as_const(fields)) {
            if (!field->choice(id)) {
                return m_parser.fail(
                    place, Definition::tr("\"%1\" is not a choice of \"%2\"").arg(id, field->id));
            }
        }
        input.values.append(id);
        return true;
    }

    Parser &m_parser;
    const QHash<QString, const Field *> &m_fields;
    const QHash<QString, const DerivedFigure *> &m_figures;
};

} // namespace

QString roleName(Role role)
{
    for (const RoleSpec &spec : roleSpecs()) {
        if (spec.role == role) {
            return QLatin1String(spec.name);
        }
    }
    return {};
}

QString fieldTypeName(FieldType type)
{
    return typeNames().key(type);
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Tip:
        return QStringLiteral("tip");
    }
    return {};
}

const Choice *Field::choice(const QString &choiceId) const
{
    for (const Choice &c : choices) {
        if (c.id == choiceId) {
            return &c;
        }
    }
    return nullptr;
}

const Field *Field::column(const QString &columnId) const
{
    for (const Field &c : columns) {
        if (c.id == columnId) {
            return &c;
        }
    }
    return nullptr;
}

struct Definition::Data
{
    QString id;
    int version = 0;
    QString title;
    QJsonObject constants;
    QString introSummary;
    QStringList introFacts;
    QList<Note> introIngredients;
    QString introStages;
    QString introDuration;
    QList<Note> notes;
    QList<Section> sections;
    // Indexes into `sections`; built once the lists above are final, never changed after.
    QHash<QString, const Field *> fields;
    QHash<QString, const Section *> sectionOfField;
    QHash<QString, const Section *> sectionById;
    QHash<QString, const Check *> checks;
    QHash<QString, const DerivedFigure *> figuresById;
    QList<const Field *> storedFields;
    std::array<const Field *, kRoleCount> roles{};
    QList<BuiltInProfile> profiles;
};

Result<Definition> Definition::fromJson(const QByteArray &json, const QString &sourceName)
{
    Parser parser(sourceName);
    if (json.size() > kMaxDefinitionSize) {
        parser.fail(QString(), Definition::tr("the file is larger than 4 MiB"));
        return parser.error();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        parser.fail(QString(), describeJsonError(json, parseError));
        return parser.error();
    }
    if (!document.isObject()) {
        parser.fail(QString(), Definition::tr("the top level must be an object"));
        return parser.error();
    }
    const QJsonObject root = document.object();
    auto data = std::make_shared<Data>();
    parser.onlyKeys(root,
                    QString(),
                    {"format",
                     "formatVersion",
                     "id",
                     "version",
                     "title",
                     "constants",
                     "intro",
                     "notes",
                     "sections",
                     "exportProfiles"});
    if (root.value(QLatin1String("format")).toString() != QLatin1String("rallybook-framework")) {
        parser.fail(QStringLiteral("format"), Definition::tr("must be \"rallybook-framework\""));
    }
    if (root.value(QLatin1String("formatVersion")).toInt() != 1) {
        parser.fail(
            QStringLiteral("formatVersion"),
            Definition::tr("format version %1 is not supported; this Rallybook reads version 1")
                .arg(root.value(QLatin1String("formatVersion")).toVariant().toString()));
    }
    data->id = parser.string(root, "id", QString(), true);
    data->version = root.value(QLatin1String("version")).toInt(0);
    if (data->version < 1) {
        parser.fail(QStringLiteral("version"), Definition::tr("must be a whole number from 1"));
    }
    data->title = parser.string(root, "title", QString(), true);
    data->constants = root.value(QLatin1String("constants")).toObject();

    const QJsonObject intro = root.value(QLatin1String("intro")).toObject();
    parser.onlyKeys(
        intro, QStringLiteral("intro"), {"summary", "facts", "ingredients", "stages", "duration"});
    data->introSummary = parser.string(intro, "summary", QStringLiteral("intro"), false);
    data->introStages = parser.string(intro, "stages", QStringLiteral("intro"), false);
    data->introDuration = parser.string(intro, "duration", QStringLiteral("intro"), false);
    const QJsonArray ingredients =
        parser.array(intro, "ingredients", QStringLiteral("intro"), false);
    for (qsizetype i = 0; i < ingredients.size() && !parser.failed(); ++i) {
        const QString place = QStringLiteral("intro.ingredients[%1]").arg(i);
        const QJsonObject item = parser.object(ingredients.at(i), place);
        parser.onlyKeys(item, place, {"title", "text"});
        data->introIngredients.append(Note{QString(),
                                           parser.string(item, "title", place, true),
                                           parser.string(item, "text", place, true)});
    }
    for (const QJsonValue &fact : parser.array(intro, "facts", QStringLiteral("intro"), false)) {
        data->introFacts.append(fact.toString());
    }

    const QJsonArray notes = parser.array(root, "notes", QString(), false);
    for (qsizetype i = 0; i < notes.size() && !parser.failed(); ++i) {
        const QString place = QStringLiteral("notes[%1]").arg(i);
        const QJsonObject note = parser.object(notes.at(i), place);
        parser.onlyKeys(note, place, {"id", "title", "text"});
        data->notes.append(Note{parser.string(note, "id", place, true),
                                parser.string(note, "title", place, true),
                                parser.string(note, "text", place, true)});
    }

    QSet<QString> sectionIds;
    QSet<QString> checkIds;
    QSet<QString> figureKinds;
    // Inputs are resolved once every field is known: a check may read another section's.
    struct Pending
    {
        qsizetype section;
        qsizetype index; ///< in the section's checks, or derived figures
        const Kind *kind;
        QJsonValue inputs;
        QString place;
    };
    QList<Pending> pendingChecks;
    QList<Pending> pendingFigures;
    const QJsonArray sections = parser.array(root, "sections", QString(), true);
    if (!parser.failed() && sections.isEmpty()) {
        parser.fail(QStringLiteral("sections"),
                    Definition::tr("there must be at least one section"));
    }
    for (qsizetype s = 0; s < sections.size() && !parser.failed(); ++s) {
        const QJsonObject object =
            parser.object(sections.at(s), QStringLiteral("sections[%1]").arg(s));
        if (parser.failed()) {
            break;
        }
        Section section;
        section.id = object.value(QLatin1String("id")).toString();
        const QString place = describe(QStringLiteral("sections[%1]").arg(s), section.id);
        parser.onlyKeys(
            object,
            place,
            {"id", "code", "title", "purpose", "fields", "derived", "wizard", "checks"});
        parser.string(object, "id", place, true);
        parser.unique(sectionIds, section.id, place);
        section.code = parser.string(object, "code", place, true);
        section.title = parser.string(object, "title", place, true);
        section.purpose = parser.string(object, "purpose", place, false);
        const QJsonArray fields = parser.array(object, "fields", place, true);
        for (qsizetype f = 0; f < fields.size() && !parser.failed(); ++f) {
            section.fields.append(parser.field(
                fields.at(f), place + QStringLiteral(".fields[%1]").arg(f), QString(), 0));
        }
        const QJsonArray derived = parser.array(object, "derived", place, false);
        for (qsizetype d = 0; d < derived.size() && !parser.failed(); ++d) {
            const QString derivedPlace = place + QStringLiteral(".derived[%1]").arg(d);
            const QJsonObject item = parser.object(derived.at(d), derivedPlace);
            parser.onlyKeys(
                item, derivedPlace, {"id", "kind", "inputs", "label", "question", "hint"});
            DerivedFigure figure;
            figure.id = parser.string(item, "id", derivedPlace, true);
            figure.sectionId = section.id;
            figure.kind = parser.string(item, "kind", derivedPlace, true);
            figure.label = parser.string(item, "label", derivedPlace, true);
            figure.question = parser.string(item, "question", derivedPlace, false);
            figure.hint = parser.string(item, "hint", derivedPlace, false);
            parser.unique(parser.fieldIds, figure.id, derivedPlace);
            const Kind *kind = Kinds::figure(figure.kind);
            if (!kind && !parser.failed()) {
                parser.fail(
                    derivedPlace,
                    Definition::tr("unknown kind of derived figure \"%1\"").arg(figure.kind));
            }
            parser.unique(figureKinds, figure.kind, derivedPlace);
            pendingFigures.append(Pending{data->sections.size(),
                                          section.derived.size(),
                                          kind,
                                          item.value(QLatin1String("inputs")),
                                          describe(derivedPlace, figure.id)});
            section.derived.append(figure);
        }
        // The wizard's pages: each field of the section on exactly one page. Without any, the
        // whole section is one page.
        const QJsonArray wizard = parser.array(object, "wizard", place, false);
        QSet<QString> pageIds;
        QHash<QString, QString> pageOfField;
        for (qsizetype w = 0; w < wizard.size() && !parser.failed(); ++w) {
            const QString pagePlace = place + QStringLiteral(".wizard[%1]").arg(w);
            const QJsonObject item = parser.object(wizard.at(w), pagePlace);
            parser.onlyKeys(item, pagePlace, {"id", "title", "text", "fields"});
            WizardPage page{parser.string(item, "id", pagePlace, true),
                            section.id,
                            parser.string(item, "title", pagePlace, true),
                            parser.string(item, "text", pagePlace, true),
                            {}};
            parser.unique(pageIds, page.id, pagePlace);
            const QJsonArray pageFields = parser.array(item, "fields", pagePlace, true);
            if (!parser.failed() && pageFields.isEmpty()) {
                parser.fail(pagePlace, Definition::tr("a wizard page needs at least one field"));
            }
            for (const QJsonValue &value : pageFields) {
                const QString fieldId = value.toString();
                const bool inSection = std::any_of(
                    section.fields.cbegin(), section.fields.cend(), [&](const Field &f) {
                        return f.id == fieldId;
                    });
                if (!inSection) {
                    parser.fail(
                        pagePlace,
                        Definition::tr("\"%1\" is not a field of this section").arg(fieldId));
                } else if (pageOfField.contains(fieldId)) {
                    parser.fail(pagePlace,
                                Definition::tr("\"%1\" is already on the page \"%2\"")
                                    .arg(fieldId, pageOfField.value(fieldId)));
                }
                pageOfField.insert(fieldId, page.id);
                page.fields.append(fieldId);
            }
            section.wizard.append(page);
        }
        if (!parser.failed() && !wizard.isEmpty()) {
            for (const Field &field : std::as_const(section.fields)) {
                if (!pageOfField.contains(field.id)) {
                    parser.fail(place + QStringLiteral(".wizard"),
                                Definition::tr("the field \"%1\" is on no page").arg(field.id));
                    break;
                }
            }
        }
        if (wizard.isEmpty()) {
            WizardPage whole{section.id, section.id, section.title, section.purpose, {}};
            for (const Field &field : std::as_const(section.fields)) {
                whole.fields.append(field.id);
            }
            section.wizard.append(whole);
        }

        const QJsonArray checks = parser.array(object, "checks", place, false);
        for (qsizetype c = 0; c < checks.size() && !parser.failed(); ++c) {
            const QJsonObject item =
                parser.object(checks.at(c), place + QStringLiteral(".checks[%1]").arg(c));
            if (parser.failed()) {
                break;
            }
            Check check;
            check.id = item.value(QLatin1String("id")).toString();
            const QString checkPlace =
                describe(place + QStringLiteral(".checks[%1]").arg(c), check.id);
            parser.onlyKeys(item,
                            checkPlace,
                            {"id",
                             "kind",
                             "inputs",
                             "severity",
                             "title",
                             "message",
                             "messageOne",
                             "why",
                             "fields"});
            parser.string(item, "id", checkPlace, true);
            parser.unique(checkIds, check.id, checkPlace);
            check.sectionId = section.id;
            check.kind = parser.string(item, "kind", checkPlace, true);
            const Kind *kind = Kinds::check(check.kind);
            if (!kind && !parser.failed()) {
                parser.fail(checkPlace,
                            Definition::tr("unknown check kind \"%1\"").arg(check.kind));
            }
            pendingChecks.append(Pending{data->sections.size(),
                                         section.checks.size(),
                                         kind,
                                         item.value(QLatin1String("inputs")),
                                         checkPlace});
            const QString severity = parser.string(item, "severity", checkPlace, true);
            if (severity == QLatin1String("error")) {
                check.severity = Severity::Error;
            } else if (severity == QLatin1String("warning")) {
                check.severity = Severity::Warning;
            } else if (severity == QLatin1String("tip")) {
                check.severity = Severity::Tip;
            } else if (!parser.failed()) {
                parser.fail(checkPlace, Definition::tr("unknown severity \"%1\"").arg(severity));
            }
            check.title = parser.string(item, "title", checkPlace, true);
            check.message = parser.string(item, "message", checkPlace, true);
            check.messageOne = parser.string(item, "messageOne", checkPlace, false);
            check.why = parser.string(item, "why", checkPlace, false);
            for (const QJsonValue &fieldId : parser.array(item, "fields", checkPlace, false)) {
                check.fields.append(fieldId.toString());
            }
            section.checks.append(check);
        }
        data->sections.append(section);
    }
    if (parser.failed()) {
        return parser.error();
    }

    // Indexes. `data->sections` is final from here on, so the pointers stay valid.
    for (const Section &section : std::as_const(data->sections)) {
        data->sectionById.insert(section.id, &section);
        for (const Field &field : section.fields) {
            data->fields.insert(field.id, &field);
            data->sectionOfField.insert(field.id, &section);
            if (field.type == FieldType::Group) {
                for (const Field &part : field.parts) {
                    data->fields.insert(part.id, &part);
                    data->sectionOfField.insert(part.id, &section);
                    data->storedFields.append(&part);
                }
            } else {
                data->storedFields.append(&field);
            }
        }
        for (const Check &check : section.checks) {
            data->checks.insert(check.id, &check);
        }
    }
    // A check may only point at fields that exist.
    for (const Section &section : std::as_const(data->sections)) {
        for (const Check &check : section.checks) {
            for (const QString &fieldId : check.fields) {
                if (!data->fields.contains(fieldId)) {
                    parser.fail(QStringLiteral("check %1").arg(check.id),
                                Definition::tr("unknown field \"%1\"").arg(fieldId));
                    return parser.error();
                }
            }
        }
    }
    // Roles, indexed once the fields are final: fields, parts and list columns.
    auto indexRoles = [&](const Field &field) {
        if (field.role) {
            data->roles[size_t(*field.role)] = &field;
        }
        for (const Field &column : field.columns) {
            if (column.role) {
                data->roles[size_t(*column.role)] = &column;
            }
        }
    };
    for (const Section &section : std::as_const(data->sections)) {
        for (const Field &field : section.fields) {
            indexRoles(field);
            for (const Field &part : field.parts) {
                indexRoles(part);
            }
        }
    }
    // Inputs: first the derived figures (checks may name them), then the checks.
    InputResolver resolver(parser, data->fields, data->figuresById);
    for (const Pending &pending : std::as_const(pendingFigures)) {
        DerivedFigure &figure = data->sections[pending.section].derived[pending.index];
        figure.inputs = resolver.resolve(*pending.kind, pending.inputs, pending.place);
        if (parser.failed()) {
            return parser.error();
        }
        data->figuresById.insert(figure.id, &figure);
    }
    for (const Pending &pending : std::as_const(pendingChecks)) {
        Check &check = data->sections[pending.section].checks[pending.index];
        check.inputs = resolver.resolve(*pending.kind, pending.inputs, pending.place);
        if (parser.failed()) {
            return parser.error();
        }
    }

    // The export profiles the definition ships, once the section ids are known.
    const QJsonArray profiles = parser.array(root, "exportProfiles", QString(), false);
    QSet<QString> profileNames;
    for (qsizetype i = 0; i < profiles.size() && !parser.failed(); ++i) {
        const QString place = QStringLiteral("exportProfiles[%1]").arg(i);
        const QJsonObject item = parser.object(profiles.at(i), place);
        parser.onlyKeys(item, place, {"name", "sections"});
        BuiltInProfile profile{parser.string(item, "name", place, true).simplified(), {}};
        parser.unique(profileNames, profile.name.toCaseFolded(), place);
        if (item.value(QLatin1String("sections")) == QJsonValue(QStringLiteral("all"))) {
            for (const Section &section : std::as_const(data->sections)) {
                profile.sections.append(section.id);
            }
            profile.sections.append(QLatin1String(ExportProfiles::kReadinessId));
        } else {
            const QJsonArray ids = parser.array(item, "sections", place, true);
            if (!parser.failed() && ids.isEmpty()) {
                parser.fail(place, Definition::tr("\"sections\" must not be empty"));
            }
            for (const QJsonValue &id : ids) {
                const QString sectionId = id.toString();
                if (!data->sectionById.contains(sectionId)
                    && sectionId != QLatin1String(ExportProfiles::kReadinessId)) {
                    parser.fail(place, Definition::tr("unknown section \"%1\"").arg(sectionId));
                }
                profile.sections.append(sectionId);
            }
        }
        data->profiles.append(profile);
    }
    if (parser.failed()) {
        return parser.error();
    }

    Definition definition;
    definition.d = std::move(data);
    return definition;
}

Result<Definition> Definition::fromFile(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::NotFound,
                     Definition::tr("The framework definition %1 cannot be read: %2")
                         .arg(name, file.errorString()),
                     path};
    }
    return fromJson(file.read(kMaxDefinitionSize + 1), name);
}

Result<Definition> Definition::standard()
{
    static const Result<Definition> loaded = fromFile(QStringLiteral(":/frameworks/movement.json"));
    return loaded;
}

const QString &Definition::id() const
{
    return d->id;
}
int Definition::version() const
{
    return d->version;
}
const QString &Definition::title() const
{
    return d->title;
}
const QJsonObject &Definition::constants() const
{
    return d->constants;
}
const QString &Definition::introSummary() const
{
    return d->introSummary;
}
const QStringList &Definition::introFacts() const
{
    return d->introFacts;
}
const QList<Note> &Definition::introIngredients() const
{
    return d->introIngredients;
}
const QString &Definition::introStages() const
{
    return d->introStages;
}
const QString &Definition::introDuration() const
{
    return d->introDuration;
}
const QList<Note> &Definition::notes() const
{
    return d->notes;
}
const QList<Section> &Definition::sections() const
{
    return d->sections;
}

const Section *Definition::section(const QString &sectionId) const
{
    return d->sectionById.value(sectionId);
}

const Field *Definition::field(const QString &fieldId) const
{
    return d->fields.value(fieldId);
}

const Section *Definition::sectionOf(const QString &fieldId) const
{
    return d->sectionOfField.value(fieldId);
}

const Check *Definition::check(const QString &checkId) const
{
    return d->checks.value(checkId);
}

const DerivedFigure *Definition::figure(QStringView kind) const
{
    for (const DerivedFigure *figure : std::as_const(d->figuresById)) {
        if (figure->kind == kind) {
            return figure;
        }
    }
    return nullptr;
}

const QList<const Field *> &Definition::storedFields() const
{
    return d->storedFields;
}

const Field *Definition::fieldFor(Role role) const
{
    return d->roles[size_t(role)];
}

QString Definition::idFor(Role role) const
{
    const Field *field = fieldFor(role);
    return field ? field->id : QString();
}

const QList<BuiltInProfile> &Definition::profiles() const
{
    return d->profiles;
}

const Input *Inputs::find(QStringView name) const
{
    for (const Input &input : list) {
        if (input.name == name) {
            return &input;
        }
    }
    return nullptr;
}

} // namespace Rallybook::Core
