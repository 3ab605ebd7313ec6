// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/checks.h"

#include "core/checkkinds.h"
#include "core/text.h"
#include "core/value.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

namespace Rallybook::Core {

namespace {

using namespace Qt::StringLiterals;

/** Where a constant is used, for messages: a check or figure and its input. */
struct Use
{
    QString owner; ///< "AC-C1"
    QString input; ///< "min"; empty for a constant core reads by name

    QString text() const
    {
        return input.isEmpty() ? owner : Checker::tr("%1, input \u201c%2\u201d").arg(owner, input);
    }
};

/** Reads the constants the inputs name, collecting every problem so that one message names all. */
class ConstantsReader
{
public:
    explicit ConstantsReader(const QJsonObject &constants)
        : m_constants(constants)
    {}

    const QStringList &problems() const { return m_problems; }

    QStringList words(const QString &key, const Use &use)
    {
        const QJsonValue value = m_constants.value(key);
        QStringList words;
        bool ok = value.isArray();
        for (const QJsonValue &word : value.toArray()) {
            ok = ok && word.isString();
            words.append(word.toString());
        }
        if (!ok) {
            m_problems.append(
                Checker::tr("\u201c%1\u201d must be a list of words (%2)").arg(key, use.text()));
        }
        return words;
    }

    /** Compiled once per pair of keys: checks that share a word list share its expression. */
    Text::WordMatcher matcher(const QString &wordsKey, const QString &patternsKey, const Use &use)
    {
        const QString cacheKey = wordsKey + u'\n' + patternsKey;
        if (const auto cached = m_matchers.constFind(cacheKey); cached != m_matchers.constEnd()) {
            return cached.value();
        }
        const QStringList list = words(wordsKey, use);
        const QStringList patterns =
            patternsKey.isEmpty() ? QStringList() : words(patternsKey, use);
        auto matcher = Text::WordMatcher::create(list, patterns);
        if (!matcher) {
            m_problems.append(QStringLiteral("\u201c%1\u201d (%2): %3")
                                  .arg(patternsKey.isEmpty() ? wordsKey : patternsKey,
                                       use.text(),
                                       matcher.error().message));
            return {};
        }
        m_matchers.insert(cacheKey, matcher.value());
        return matcher.value();
    }

    double number(const QString &key, const Use &use)
    {
        const QJsonValue value = m_constants.value(key);
        if (!value.isDouble() || value.toDouble() < 0) {
            m_problems.append(
                Checker::tr("\u201c%1\u201d must be a number from 0 (%2)").arg(key, use.text()));
            return 0;
        }
        return value.toDouble();
    }

    /** A number inside an object of constants ("scorePenalties.error"). */
    double number(const char *objectKey, const char *key)
    {
        const QJsonValue value =
            m_constants.value(QLatin1String(objectKey)).toObject().value(QLatin1String(key));
        if (!value.isDouble() || value.toDouble() < 0) {
            m_problems.append(Checker::tr("\u201c%1.%2\u201d must be a number from 0")
                                  .arg(QLatin1String(objectKey), QLatin1String(key)));
            return 0;
        }
        return value.toDouble();
    }

private:
    const QJsonObject &m_constants;
    QStringList m_problems;
    QHash<QString, Text::WordMatcher> m_matchers;
};

bool isFilledCell(const QVariant &value)
{
    // An unticked flag is how a new row starts; on its own it is not an answer.
    return !Values::isEmpty(value) && !(value.typeId() == QMetaType::Bool && !value.toBool());
}

bool isFilledRow(const ListRow &row)
{
    return std::any_of(row.cells.begin(), row.cells.end(), isFilledCell);
}

/**
 * Read access to a workbook's answers, as the checks need them. Answers are read through the
 * fields the definition resolved, never through an id typed in code, so an unknown field
 * cannot be asked for.
 */
class Answers
{
public:
    explicit Answers(const WorkbookContent &content)
        : m_content(content)
    {}

    QString text(const Field &field) const { return m_content.values.value(field.id).toString(); }
    bool isEmpty(const Field &field) const
    {
        return Values::isEmpty(m_content.values.value(field.id));
    }
    QStringList checklist(const Field &field) const
    {
        return m_content.values.value(field.id).toStringList();
    }
    /** The number given, else the field's default; none when neither exists. */
    std::optional<double> number(const Field &field) const
    {
        const QVariant value = m_content.values.value(field.id);
        if (!Values::isEmpty(value)) {
            bool ok = false;
            const double number = value.toDouble(&ok);
            if (ok) {
                return number;
            }
        }
        return field.defaultValue;
    }
    /** The rows of a list that hold anything; blank rows are skipped. */
    QList<const ListRow *> rows(const Field &list) const
    {
        QList<const ListRow *> filled;
        const auto it = m_content.lists.constFind(list.id);
        if (it != m_content.lists.constEnd()) {
            for (const ListRow &row : it.value()) {
                if (isFilledRow(row)) {
                    filled.append(&row);
                }
            }
        }
        return filled;
    }
    int rowCount(const Field &list) const
    {
        const auto it = m_content.lists.constFind(list.id);
        if (it == m_content.lists.constEnd()) {
            return 0;
        }
        return int(std::count_if(it->begin(), it->end(), isFilledRow));
    }
    /** A list with a row, a group with every part filled, a value that is not empty. */
    bool isFilled(const Field &field) const
    {
        switch (field.type) {
        case FieldType::List:
            return rowCount(field) > 0;
        case FieldType::Group:
            return std::all_of(field.parts.begin(), field.parts.end(), [this](const Field &part) {
                return isFilled(part);
            });
        default:
            return !isEmpty(field);
        }
    }
    /** Rows of a list, ticked items of a checklist, filled parts of a group. */
    int count(const Field &field) const
    {
        switch (field.type) {
        case FieldType::List:
            return rowCount(field);
        case FieldType::Checklist:
            return int(checklist(field).size());
        case FieldType::Group:
            return int(
                std::count_if(field.parts.begin(), field.parts.end(), [this](const Field &p) {
                    return isFilled(p);
                }));
        default:
            return isFilled(field) ? 1 : 0;
        }
    }

    static QString cell(const ListRow *row, const Field &column)
    {
        return row->cells.value(column.id).toString();
    }
    static bool isBlankCell(const ListRow *row, const Field &column)
    {
        return !isFilledCell(row->cells.value(column.id));
    }

private:
    const WorkbookContent &m_content;
};

/** What one check says about a workbook. */
struct Verdict
{
    bool fired = false;
    std::optional<Severity> severity; ///< overrides the definition's
    QList<std::pair<QString, QString>> placeholders;
};

/** True when the verdict counts exactly one thing ({n} is 1), for the singular message. */
bool isOne(const Verdict &verdict)
{
    return std::any_of(verdict.placeholders.begin(), verdict.placeholders.end(), [](const auto &p) {
        return p.first == QLatin1String("n") && p.second == QLatin1String("1");
    });
}

Verdict when(bool fired)
{
    return Verdict{fired, std::nullopt, {}};
}

/**
 * The inputs of one check or figure with its constants read: what an implementation works with.
 * Every input the kind requires is there (Definition resolved them); optional ones may not be.
 */
class Params
{
public:
    Params() = default;
    explicit Params(const Inputs *inputs)
        : m_inputs(inputs)
    {}

    const Input *input(QStringView name) const { return m_inputs->find(name); }
    /** A required Field input. */
    const Field &field(QStringView name) const { return *input(name)->field(); }
    const QList<const Field *> &fields(QStringView name) const { return input(name)->fields; }
    /** An optional Fields input; empty when left out. */
    QList<const Field *> fieldsIfAny(QStringView name) const
    {
        const Input *found = input(name);
        return found ? found->fields : QList<const Field *>();
    }
    /** A required Column input: the column and its list. */
    std::pair<const Field *, const Field *> column(QStringView name) const
    {
        const Input *found = input(name);
        return {found->field(), found->lists.value(0)};
    }
    /** A Choice input's id; empty when an optional one is left out. */
    QString choice(QStringView name) const
    {
        const Input *found = input(name);
        return found ? found->value() : QString();
    }
    bool flag(QStringView name) const
    {
        const Input *found = input(name);
        return found && found->flag;
    }
    std::optional<double> number(QStringView name) const
    {
        for (const auto &[key, value] : m_numbers) {
            if (key == name) {
                return value;
            }
        }
        return std::nullopt;
    }
    const Text::WordMatcher &matcher(QStringView name) const
    {
        for (const auto &[key, value] : m_matchers) {
            if (key == name) {
                return value;
            }
        }
        static const Text::WordMatcher none;
        return none;
    }
    QStringList strings(QStringView name) const
    {
        for (const auto &[key, value] : m_strings) {
            if (key == name) {
                return value;
            }
        }
        return {};
    }
    /** Minimums: each number field with its least value. */
    const QList<std::pair<const Field *, double>> &minimums() const { return m_minimums; }

    /** Reads the constants `kind`'s inputs name; problems name `owner` ("AC-C1"). */
    void read(const Kind &kind, const QString &owner, ConstantsReader &reader)
    {
        const InputSpec *patterns = nullptr;
        for (const InputSpec &spec : kind.inputs) {
            patterns = spec.type == InputType::Patterns ? &spec : patterns;
        }
        for (const InputSpec &spec : kind.inputs) {
            const QString name = QLatin1String(spec.name);
            const Input *given = input(name);
            if (!given) {
                continue;
            }
            const Use where{owner, name};
            switch (spec.type) {
            case InputType::Number:
                m_numbers.append({name, reader.number(given->value(), where)});
                break;
            case InputType::Words: {
                const Input *extra =
                    patterns ? input(QString::fromLatin1(patterns->name)) : nullptr;
                m_matchers.append(
                    {name,
                     reader.matcher(given->value(), extra ? extra->value() : QString(), where)});
                break;
            }
            case InputType::Strings:
                m_strings.append({name, reader.words(given->value(), where)});
                break;
            case InputType::Minimums:
                for (qsizetype i = 0; i < given->fields.size(); ++i) {
                    m_minimums.append(
                        {given->fields.at(i), reader.number(given->values.at(i), where)});
                }
                break;
            default:
                break;
            }
        }
    }

private:
    const Inputs *m_inputs = nullptr;
    QList<std::pair<QString, double>> m_numbers;
    QList<std::pair<QString, Text::WordMatcher>> m_matchers;
    QList<std::pair<QString, QStringList>> m_strings;
    QList<std::pair<const Field *, double>> m_minimums;
};

struct Context
{
    const Answers &answers;
    const Params &in;
    const QStringList &abbreviations;
    const Figures &figures;
    /** The stage field of the figure that suggests a stage; nullptr without one. */
    const Field *stageField;
    QDate today;
    /** Findings of the checks evaluated before this one, with their section's position. */
    const QList<std::pair<int, Finding>> &earlier;
    int sectionIndex;
};

using CheckFunction = Verdict (*)(const Context &);

bool anySame(const QString &text, const QList<const ListRow *> &rows, const Field &column)
{
    return std::any_of(rows.begin(), rows.end(), [&](const ListRow *row) {
        return Text::sameText(text, Answers::cell(row, column));
    });
}

/** "Shipwrights" and "Shipwright": a tribe name and its singular. */
QStringList nameForms(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    QStringList forms{trimmed};
    if (trimmed.size() > 1 && trimmed.endsWith(u's', Qt::CaseInsensitive)) {
        forms.append(trimmed.chopped(1));
    }
    return forms;
}

/** A statement without its closing punctuation: "I'm a Shipwright." → "I'm a Shipwright". */
QString withoutFinalStop(const QString &text)
{
    QString trimmed = text.trimmed();
    while (!trimmed.isEmpty()
           && (trimmed.back() == u'.' || trimmed.back() == u'!' || trimmed.back() == u'?'
               || trimmed.back() == u'\u2026')) {
        trimmed.chop(1);
    }
    return trimmed.trimmed();
}

bool containsAny(const QString &text, const QStringList &parts)
{
    return std::any_of(parts.begin(), parts.end(), [&](const QString &part) {
        return Text::containsText(text, part);
    });
}

/** Where `id` is among the choices of `field`, or -1. */
qsizetype choicePosition(const Field &field, const QString &id)
{
    for (qsizetype i = 0; i < field.choices.size(); ++i) {
        if (field.choices.at(i).id == id) {
            return i;
        }
    }
    return -1;
}

/** An implemented kind of check (docs/definition.md, "Check kinds and inputs"). */
struct Implementation
{
    const char *kind;
    CheckFunction run;
};

// The kinds of check, one function each. The content rules they implement, and how they meet
// empty answers, are in docs/content-rules.md: a rule that asks for something (a count, a word,
// a prefix) fails on an empty answer; one that forbids something, and a comparison with a choice
// or a number, needs an answer.
const Implementation kImplementations[] = {
    {"required",
     [](const Context &c) {
         const QList<const Field *> &fields = c.in.fields(u"fields");
         return when(std::any_of(fields.begin(), fields.end(), [&](const Field *field) {
             return !c.answers.isFilled(*field);
         }));
     }},
    {"minCount",
     [](const Context &c) {
         return when(c.answers.count(c.in.field(u"field")) < *c.in.number(u"min"));
     }},
    {"requiredWhenChosen",
     [](const Context &c) {
         return when(c.answers.text(c.in.field(u"when")) == c.in.choice(u"is")
                     && !c.answers.isFilled(c.in.field(u"field")));
     }},
    {"expectsChoice",
     [](const Context &c) {
         const QString chosen = c.answers.text(c.in.field(u"field"));
         return when(!chosen.isEmpty() && chosen != c.in.choice(u"expected"));
     }},
    {"forbidsChoice",
     [](const Context &c) {
         return when(c.answers.text(c.in.field(u"field")) == c.in.choice(u"choice"));
     }},
    {"severityByChoice",
     [](const Context &c) {
         QStringList chosen;
         for (const Field *field : c.in.fields(u"fields")) {
             chosen.append(c.answers.text(*field));
         }
         if (chosen.contains(c.in.choice(u"warning"))) {
             return Verdict{true, Severity::Warning, {}};
         }
         if (chosen.contains(c.in.choice(u"tip"))) {
             return Verdict{true, Severity::Tip, {}};
         }
         return when(false);
     }},
    {"sameAsListItem",
     [](const Context &c) {
         const QString text = c.answers.text(c.in.field(u"field"));
         if (text.trimmed().isEmpty()) {
             return when(false);
         }
         const Input &columns = *c.in.input(u"columns");
         for (qsizetype i = 0; i < columns.fields.size(); ++i) {
             if (anySame(text, c.answers.rows(*columns.lists.at(i)), *columns.fields.at(i))) {
                 return when(true);
             }
         }
         return when(false);
     }},
    {"forbidsWords",
     [](const Context &c) {
         const Text::WordMatcher &words = c.in.matcher(u"words");
         const QList<const Field *> &fields = c.in.fields(u"fields");
         return when(std::any_of(fields.begin(), fields.end(), [&](const Field *field) {
             return words.matches(c.answers.text(*field));
         }));
     }},
    {"needsWords",
     [](const Context &c) {
         return when(!c.in.matcher(u"words").matches(c.answers.text(c.in.field(u"field"))));
     }},
    {"needsPrefix",
     [](const Context &c) {
         return when(
             !Text::startsWithAny(c.answers.text(c.in.field(u"field")), c.in.strings(u"prefixes")));
     }},
    {"mentionsName",
     [](const Context &c) {
         QStringList identity;
         for (const Field *name : c.in.fields(u"names")) {
             identity += nameForms(c.answers.text(*name));
         }
         for (const Field *line : c.in.fieldsIfAny(u"lines")) {
             const QString statement = withoutFinalStop(c.answers.text(*line));
             if (!statement.isEmpty()) {
                 identity.append(statement);
             }
         }
         return when(!identity.isEmpty()
                     && !containsAny(c.answers.text(c.in.field(u"field")), identity));
     }},
    {"tooLong",
     [](const Context &c) {
         const QString text = c.answers.text(c.in.field(u"field"));
         const auto maxSentences = c.in.number(u"maxSentences");
         const auto maxWords = c.in.number(u"maxWords");
         return when((maxSentences && Text::sentenceCount(text, c.abbreviations) > *maxSentences)
                     || (maxWords && Text::wordCount(text) > *maxWords));
     }},
    {"tooShort",
     [](const Context &c) {
         return when(Text::wordCount(c.answers.text(c.in.field(u"field")))
                     < *c.in.number(u"minWords"));
     }},
    {"forbidsPersonNames",
     [](const Context &c) {
         return when(Text::containsPersonName(c.answers.text(c.in.field(u"field")),
                                              c.in.matcher(u"notNames")));
     }},
    {"priceInTheMiddle",
     [](const Context &c) {
         const auto price = c.answers.number(c.in.field(u"price"));
         const auto low = c.answers.number(c.in.field(u"low"));
         const auto high = c.answers.number(c.in.field(u"high"));
         return when(price && low && high && *low < *price && *price < *high);
     }},
    {"listCellBlank",
     [](const Context &c) {
         const auto [column, list] = c.in.column(u"column");
         const QString unless = c.in.choice(u"unlessStage");
         if (!unless.isEmpty() && c.figures.stage == unless) {
             return when(false);
         }
         const QList<const ListRow *> rows = c.answers.rows(*list);
         return when((rows.isEmpty() && c.in.flag(u"orEmpty"))
                     || std::any_of(rows.begin(), rows.end(), [&](const ListRow *row) {
                            return Answers::isBlankCell(row, *column);
                        }));
     }},
    {"maxRowsWithChoice",
     [](const Context &c) {
         const auto [column, list] = c.in.column(u"column");
         const QString choice = c.in.choice(u"choice");
         const QList<const ListRow *> rows = c.answers.rows(*list);
         const auto chosen = std::count_if(rows.begin(), rows.end(), [&](const ListRow *row) {
             return Answers::cell(row, *column) == choice;
         });
         return when(chosen > *c.in.number(u"max"));
     }},
    {"gapToClose",
     [](const Context &c) {
         if (!c.figures.gap || *c.figures.gap <= 0) {
             return when(false);
         }
         return Verdict{true,
                        std::nullopt,
                        {{u"fans_needed"_s, QString::number(*c.figures.fansNeeded)},
                         {u"gap"_s, QString::number(*c.figures.gap)}}};
     }},
    {"minNumber",
     [](const Context &c) {
         const auto &minimums = c.in.minimums();
         return when(std::any_of(minimums.begin(), minimums.end(), [&](const auto &minimum) {
             const auto number = c.answers.number(*minimum.first);
             return number && *number < minimum.second;
         }));
     }},
    {"stageOutOfStep",
     [](const Context &c) {
         const QString chosen = c.stageField ? c.answers.text(*c.stageField) : QString();
         if (chosen.isEmpty() || c.figures.followerCount == 0) {
             return when(false);
         }
         const qsizetype a = choicePosition(*c.stageField, chosen);
         const qsizetype b = choicePosition(*c.stageField, c.figures.suggestedStage);
         if (a < 0 || b < 0 || std::abs(a - b) < *c.in.number(u"distance")) {
             return when(false);
         }
         return Verdict{true, std::nullopt, {{u"suggested"_s, c.figures.suggestedStageLabel}}};
     }},
    {"needsDateNear",
     [](const Context &c) {
         const auto [column, list] = c.in.column(u"column");
         const double days = *c.in.number(u"days");
         const QList<const ListRow *> rows = c.answers.rows(*list);
         return when(std::none_of(rows.begin(), rows.end(), [&](const ListRow *row) {
             const QDate date = QDate::fromString(Answers::cell(row, *column), Qt::ISODate);
             return date.isValid() && std::abs(c.today.daysTo(date)) <= days;
         }));
     }},
    {"warningsRemain",
     [](const Context &c) {
         const auto n = std::count_if(c.earlier.begin(), c.earlier.end(), [&](const auto &found) {
             return found.first < c.sectionIndex && found.second.severity == Severity::Warning;
         });
         if (n == 0) {
             return when(false);
         }
         return Verdict{true, std::nullopt, {{u"n"_s, QString::number(n)}}};
     }},
    {"needsCellWithoutWords",
     [](const Context &c) {
         const auto [column, list] = c.in.column(u"column");
         const Text::WordMatcher &words = c.in.matcher(u"words");
         const QList<const ListRow *> rows = c.answers.rows(*list);
         return when(std::none_of(rows.begin(), rows.end(), [&](const ListRow *row) {
             const QString text = Answers::cell(row, *column);
             return !text.trimmed().isEmpty() && !words.matches(text);
         }));
     }},
    {"needsCellContaining",
     [](const Context &c) {
         const auto [column, list] = c.in.column(u"column");
         const QStringList terms = c.in.strings(u"terms");
         const QList<const ListRow *> rows = c.answers.rows(*list);
         return when(std::none_of(rows.begin(), rows.end(), [&](const ListRow *row) {
             return containsAny(Answers::cell(row, *column), terms);
         }));
     }},
};

const Implementation *implementation(QStringView kind)
{
    for (const Implementation &entry : kImplementations) {
        if (kind == QLatin1String(entry.kind)) {
            return &entry;
        }
    }
    return nullptr;
}

int roundedScore(double score)
{
    return int(std::lround(std::clamp(score, 0.0, 100.0)));
}

} // namespace

bool Readiness::hasErrors() const
{
    return count(Severity::Error) > 0;
}

int Readiness::count(Severity severity) const
{
    return int(std::count_if(findings.begin(), findings.end(), [severity](const Finding &f) {
        return f.severity == severity;
    }));
}

QList<Finding> Readiness::findingsIn(const QString &sectionId) const
{
    QList<Finding> found;
    for (const Finding &finding : findings) {
        if (finding.sectionId == sectionId) {
            found.append(finding);
        }
    }
    return found;
}

QList<Finding> Readiness::findingsFor(const QString &fieldId) const
{
    const QString group = fieldId.section(u'.', 0, 0);
    const QString partPrefix = fieldId + u'.';
    QList<Finding> found;
    for (const Finding &finding : findings) {
        const bool names =
            std::any_of(finding.fields.begin(), finding.fields.end(), [&](const QString &f) {
                return f == fieldId || f == group || f.startsWith(partPrefix);
            });
        if (names) {
            found.append(finding);
        }
    }
    return found;
}

const SectionReadiness *Readiness::section(const QString &sectionId) const
{
    for (const SectionReadiness &s : sections) {
        if (s.sectionId == sectionId) {
            return &s;
        }
    }
    return nullptr;
}

const Finding *Readiness::finding(const QString &checkId) const
{
    for (const Finding &f : findings) {
        if (f.checkId == checkId) {
            return &f;
        }
    }
    return nullptr;
}

struct Checker::Data
{
    struct Planned
    {
        const Check *check;
        int sectionIndex;
        CheckFunction run;
        bool last;
        Params params;
    };

    Definition definition;
    QStringList abbreviations;
    double errorPenalty = 0;
    double warningPenalty = 0;
    double tipPenalty = 0;
    // The derived figures, when the definition has them (nullptr kinds are left out).
    const DerivedFigure *fans = nullptr;
    Params fansParams;
    const DerivedFigure *stage = nullptr;
    Params stageParams;
    QList<Planned> plan;                       // definition order
    QList<QList<const Field *>> sectionFields; // stored fields, by section position

    Figures figures(const Answers &answers) const;
    const Field *stageField() const { return stage ? &stageParams.field(u"stage") : nullptr; }
};

Figures Checker::Data::figures(const Answers &answers) const
{
    Figures figures;
    if (stage) {
        const Params &in = stageParams;
        const int followers = int(answers.rows(in.field(u"log")).size());
        figures.followerCount = followers;
        figures.suggestedStage = followers == 0   ? in.choice(u"loneNut")
                                 : followers == 1 ? in.choice(u"firstFollower")
                                 : followers < *in.number(u"criticalMass") ? in.choice(u"crowd")
                                                                           : in.choice(u"momentum");
        const Field &stageField = in.field(u"stage");
        figures.suggestedStageLabel = stageField.choice(figures.suggestedStage)->label;
        const QString chosen = answers.text(stageField);
        figures.stage = chosen.isEmpty() ? figures.suggestedStage : chosen;
    }
    if (fans) {
        const Params &in = fansParams;
        const auto [ring, log] = in.column(u"ring");
        const QString trueRing = in.choice(u"trueRing");
        const QList<const ListRow *> rows = answers.rows(*log);
        figures.trueFansInLog =
            int(std::count_if(rows.begin(), rows.end(), [&](const ListRow *row) {
                return Answers::cell(row, *ring) == trueRing;
            }));
        const auto typedTrueFans = answers.number(in.field(u"trueFans"));
        figures.trueFans = typedTrueFans ? int(*typedTrueFans) : figures.trueFansInLog;

        const auto income = answers.number(in.field(u"income"));
        const auto team = answers.number(in.field(u"team"));
        const auto profit = answers.number(in.field(u"profit"));
        if (income && team && profit && *profit > 0) {
            // Tolerate binary rounding (120000 × 1 ÷ 150 must give 800, not 801).
            const double needed = std::ceil(*income * *team / *profit - 1e-9);
            figures.fansNeeded =
                int(std::clamp(needed, 0.0, double(std::numeric_limits<int>::max() / 2)));
            figures.gap = *figures.fansNeeded - figures.trueFans;
        }
    }
    return figures;
}

Result<Checker> Checker::create(const Definition &definition)
{
    auto data = std::make_shared<Data>();
    data->definition = definition;
    const Definition &own = data->definition; // the plan points into this copy's (shared) data
    ConstantsReader read(own.constants());

    data->fans = own.figure(u"fansNeeded");
    if (data->fans) {
        data->fansParams = Params(&data->fans->inputs);
        data->fansParams.read(*Kinds::figure(u"fansNeeded"), data->fans->id, read);
    }
    data->stage = own.figure(u"stageFromLog");
    if (data->stage) {
        data->stageParams = Params(&data->stage->inputs);
        data->stageParams.read(*Kinds::figure(u"stageFromLog"), data->stage->id, read);
    }

    // Each check's kind must be implemented here; its inputs were resolved by the definition.
    QStringList unimplemented;
    for (int s = 0; s < own.sections().size(); ++s) {
        const Section &section = own.sections().at(s);
        for (const Check &check : section.checks) {
            const Implementation *entry = implementation(check.kind);
            const Kind *kind = Kinds::check(check.kind);
            if (!entry || !kind) {
                unimplemented.append(tr("\u201c%1\u201d (%2)").arg(check.kind, check.id));
                continue;
            }
            Params params(&check.inputs);
            params.read(*kind, check.id, read);
            data->plan.append(Data::Planned{&check, s, entry->run, kind->runsLast, params});
        }
        QList<const Field *> fields;
        for (const Field *field : own.storedFields()) {
            if (own.sectionOf(field->id) == &section) {
                fields.append(field);
            }
        }
        data->sectionFields.append(fields);
    }
    if (!unimplemented.isEmpty()) {
        const QString problems =
            tr("no implementation for the check kind %1").arg(unimplemented.join(u", "_s));
        return Error{ErrorCode::InvalidDefinition,
                     tr("The checks of the framework definition \u201c%1\u201d do not match this "
                        "Rallybook: %2.")
                         .arg(own.id(), problems),
                     problems};
    }

    // Read by core under their own names: how sentences are counted, and the score.
    data->abbreviations = read.words(u"abbreviations"_s, Use{tr("word and sentence counts"), {}});
    data->errorPenalty = read.number("scorePenalties", "error");
    data->warningPenalty = read.number("scorePenalties", "warning");
    data->tipPenalty = read.number("scorePenalties", "tip");
    if (!read.problems().isEmpty()) {
        const QString problems = read.problems().join(QStringLiteral("; "));
        return Error{
            ErrorCode::InvalidDefinition,
            tr("The constants of the framework definition \u201c%1\u201d are not usable: %2.")
                .arg(own.id(), problems),
            problems};
    }

    Checker checker;
    checker.d = std::move(data);
    return checker;
}

QStringList Checker::implementedKinds()
{
    QStringList kinds;
    for (const Implementation &entry : kImplementations) {
        kinds.append(QLatin1String(entry.kind));
    }
    return kinds;
}

const Definition &Checker::definition() const
{
    return d->definition;
}

Figures Checker::figures(const WorkbookContent &content) const
{
    return d->figures(Answers(content));
}

TextStats Checker::textStats(QStringView text) const
{
    return TextStats{Text::wordCount(text), Text::sentenceCount(text, d->abbreviations)};
}

Readiness Checker::evaluate(const Workbook &workbook, QDate today) const
{
    return evaluate(workbook.content(), today);
}

Readiness Checker::evaluate(const WorkbookContent &content, QDate today) const
{
    const Answers answers(content);
    Readiness readiness;
    readiness.figures = d->figures(answers);

    // Each check sees the findings before it; those that look at findings run last.
    QList<std::pair<int, Finding>> found; // section position, finding
    std::vector<std::optional<Finding>> byPosition(size_t(d->plan.size()));
    auto run = [&](qsizetype position) {
        const Data::Planned &planned = d->plan.at(position);
        const Verdict verdict = planned.run(Context{answers,
                                                    planned.params,
                                                    d->abbreviations,
                                                    readiness.figures,
                                                    d->stageField(),
                                                    today,
                                                    found,
                                                    planned.sectionIndex});
        if (!verdict.fired) {
            return;
        }
        const Check &check = *planned.check;
        Finding finding{check.id,
                        check.sectionId,
                        verdict.severity.value_or(check.severity),
                        check.title,
                        isOne(verdict) && !check.messageOne.isEmpty() ? check.messageOne
                                                                      : check.message,
                        check.why,
                        check.fields};
        for (const auto &[key, value] : verdict.placeholders) {
            finding.message.replace(QStringLiteral("{%1}").arg(key), value);
        }
        found.append({planned.sectionIndex, finding});
        byPosition[size_t(position)] = std::move(finding);
    };
    for (qsizetype i = 0; i < d->plan.size(); ++i) {
        if (!d->plan.at(i).last) {
            run(i);
        }
    }
    for (qsizetype i = 0; i < d->plan.size(); ++i) {
        if (d->plan.at(i).last) {
            run(i);
        }
    }
    for (std::optional<Finding> &finding : byPosition) {
        if (finding) {
            readiness.findings.append(std::move(*finding));
        }
    }

    // Scores: completion × (100 − penalties) per section; the workbook's is their mean.
    const QList<Section> &sections = d->definition.sections();
    double total = 0;
    for (qsizetype s = 0; s < sections.size(); ++s) {
        SectionReadiness section;
        section.sectionId = sections.at(s).id;
        for (const Field *field : d->sectionFields.at(s)) {
            ++section.totalFields;
            section.filledFields += answers.isFilled(*field) ? 1 : 0;
        }
        for (const Finding &finding : readiness.findings) {
            if (finding.sectionId != section.sectionId) {
                continue;
            }
            section.errors += finding.severity == Severity::Error ? 1 : 0;
            section.warnings += finding.severity == Severity::Warning ? 1 : 0;
            section.tips += finding.severity == Severity::Tip ? 1 : 0;
        }
        const double penalty = section.errors * d->errorPenalty
                               + section.warnings * d->warningPenalty
                               + section.tips * d->tipPenalty;
        section.score = roundedScore(section.completion() * std::max(0.0, 100.0 - penalty));
        total += section.score;
        readiness.sections.append(section);
    }
    readiness.score = sections.isEmpty() ? 0 : roundedScore(total / double(sections.size()));
    return readiness;
}

Result<Readiness>
evaluate(const Definition &definition, const WorkbookContent &content, QDate today)
{
    auto checker = Checker::create(definition);
    if (!checker) {
        return checker.error();
    }
    return checker->evaluate(content, today);
}

} // namespace Rallybook::Core
