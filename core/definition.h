// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Rallybook::Core {

/** The kinds of field a framework definition may use (resources/frameworks/FORMAT.md). */
enum class FieldType {
    Text,      ///< one line, at most maxLength characters
    LongText,  ///< plain text of any length
    Choice,    ///< one choice id
    Checklist, ///< any set of choice ids
    Number,    ///< a number within [min, max]
    Date,      ///< an ISO date
    Due,       ///< an ISO date or "day N"
    Flag,      ///< true or false
    List,      ///< rows of columns, each row with a stable id
    Group,     ///< parts, each a field of its own
};

enum class Severity { Error, Warning, Tip };

/**
 * What a view treats specially: a field (or part, or list column) carries a role in the
 * definition ("role": "manifestoBody"), and views find it by role, never by its id
 * (docs/definition.md, "Roles"). Each role is on at most one field, of the types it allows.
 */
enum class Role {
    LeaderName,        ///< the leader's (the Attractive Character's) name: text
    TribeName,         ///< what members call themselves: text
    Slogan,            ///< the campaign slogan: text
    IdentityLine,      ///< the "I am" line: text
    Stage,             ///< the movement's stage: choice
    MiniManifesto,     ///< the mini manifesto of the wallpaper: text or long text
    ManifestoTitle,    ///< the manifesto's title: text
    ManifestoBody,     ///< the manifesto, in Markdown: long text
    LeaderBeat,        ///< title sequence, beat 1 (the leader): text or long text
    MovementBeat,      ///< title sequence, beat 2 (the movement): text or long text
    UsVersusThemBeats, ///< title sequence, beat 3: a group of the following four parts
    StandBeat,         ///< our stand: text or long text
    DifferenceBeat,    ///< why we're different: text or long text
    EnemyBeat,         ///< what we fight: text or long text
    IdentityBeat,      ///< who you are: text or long text
    Pricing,           ///< the offer's prices beside the competitors': group
    OfferStack,        ///< the offers, level by level: list
    OfferName,         ///< a column of the offer stack: text
    OfferPrice,        ///< a column of the offer stack: text or number
    OfferType,         ///< a column of the offer stack: choice
    FanRings,          ///< true fans, regular fans, audience: group
    FanEconomics,      ///< profit per fan, income, team: group
    FollowerLog,       ///< the people who joined: list
    PublishingCadence, ///< where, how often and how long: group
    Milestones,        ///< dated actions: list
    Outreach,          ///< first followers invited personally: list
};
inline constexpr int kRoleCount = int(Role::Outreach) + 1;

QString fieldTypeName(FieldType type);
QString severityName(Severity severity);
/** The role's name in the definition ("manifestoBody"). */
QString roleName(Role role);

struct Choice
{
    QString id;
    QString label;
};

/**
 * One field of the definition. For a group part, `id` is the full storage id (the group's id,
 * a full stop and the part's id) and `localId` the part's own ("backstory"); for a list column
 * both are the column id.
 */
struct Field
{
    QString id;
    QString localId;
    QString label;
    QString question;
    QString hint;
    FieldType type = FieldType::Text;
    int maxLength = 120;
    QList<Choice> choices;
    QString unit;
    bool money = false;
    double min = 0;
    double max = 1e9;
    int decimals = 0;
    std::optional<double> defaultValue;
    std::optional<Role> role; ///< what a view treats this field as, if anything
    QList<Field> columns;     ///< List only
    QList<Field> parts;       ///< Group only

    /** True for types that hold one value (not List or Group). */
    bool isScalar() const { return type != FieldType::List && type != FieldType::Group; }
    const Choice *choice(const QString &choiceId) const;
    const Field *column(const QString &columnId) const;
};

/**
 * One input of a check or derived figure, resolved when the definition loads: the fields, parts
 * or list columns it names, or the choice ids, constant keys or flag it gives
 * (core/checkkinds.h lists what each kind takes).
 */
struct Input
{
    QString name; ///< the input's key in "inputs" ("field", "min")
    /** Field(s): the fields or parts; Column(s): the columns; Minimums: the number fields. */
    QList<const Field *> fields;
    /** Column(s): the list (a field or part) that holds each column, else empty. */
    QList<const Field *> lists;
    /** Choice: the choice id; a constant: its key; Minimums: the key per field; Figure: id. */
    QStringList values;
    bool flag = false; ///< Flag

    const Field *field() const { return fields.value(0); }
    QString value() const { return values.value(0); }
};

/** The inputs of a check or figure, by name. */
struct Inputs
{
    QList<Input> list;

    /** The input called `name`; nullptr when the definition leaves an optional one out. */
    const Input *find(QStringView name) const;
};

struct Check
{
    QString id;
    QString sectionId;
    QString kind; ///< what the check does, implemented in core ("forbidsWords")
    Inputs inputs;
    Severity severity = Severity::Warning;
    QString title;
    QString message;
    /** Optional: the message when the count {n} is 1 ("1 warning remains."). */
    QString messageOne;
    QString why;
    /** The fields the finding is about, for "go to" and for findingsFor(); from the definition. */
    QStringList fields;
};

/** A figure computed from answers, with the inputs it reads ("kind": "fansNeeded"). */
struct DerivedFigure
{
    QString id;
    QString sectionId;
    QString kind;
    Inputs inputs;
    QString label;
    QString question;
    QString hint;
};

/** An export profile the definition ships (README "Export profiles"). */
struct BuiltInProfile
{
    QString name;
    /** Section ids, and "readiness" for the appendix; every one for "sections": "all". */
    QStringList sections;
};

/** One page of the guided wizard: a coherent group of a section's fields, with an explanation. */
struct WizardPage
{
    QString id; ///< unique within its section
    QString sectionId;
    QString title;
    QString text;       ///< two or three sentences in the product's voice
    QStringList fields; ///< top-level field ids of the section, in order
};

struct Section
{
    QString id;
    QString code;
    QString title;
    QString purpose;
    QList<Field> fields;
    QList<DerivedFigure> derived;
    /** The wizard's pages for this section; together they hold every field exactly once. */
    QList<WizardPage> wizard;
    QList<Check> checks;
};

struct Note
{
    QString id;
    QString title;
    QString text;
};

/**
 * A framework definition: the sections, fields, questions, hints and checks that describe what
 * a workbook holds. Cheap to copy (shared, immutable). Every view reads this one object.
 */
class Definition
{
    Q_DECLARE_TR_FUNCTIONS(Rallybook::Core::Definition)

public:
    /** Parses and validates a definition; `sourceName` names the file in error messages. */
    static Result<Definition> fromJson(const QByteArray &json, const QString &sourceName);
    static Result<Definition> fromFile(const QString &path);
    /** The definition shipped in the program (resources/frameworks/movement.json). */
    static Result<Definition> standard();

    const QString &id() const;
    int version() const;
    const QString &title() const;
    const QJsonObject &constants() const;
    const QString &introSummary() const;
    const QStringList &introFacts() const;
    /** Brunson's three ingredients, as title and text (the id is empty). */
    const QList<Note> &introIngredients() const;
    /** The first-follower stages in a few sentences. */
    const QString &introStages() const;
    /** How long the wizard takes, and that answers are saved as they are typed. */
    const QString &introDuration() const;
    const QList<Note> &notes() const;
    const QList<Section> &sections() const;

    const Section *section(const QString &sectionId) const;
    /** Looks up a top-level field or a group part (by its storage id, GROUP.PART). */
    const Field *field(const QString &fieldId) const;
    /** The section that holds a field or part. */
    const Section *sectionOf(const QString &fieldId) const;
    const Check *check(const QString &checkId) const;
    /** The derived figure of `kind` ("fansNeeded"), or nullptr when the definition has none. */
    const DerivedFigure *figure(QStringView kind) const;
    /** Every field that stores data, in definition order: scalar fields, parts and lists. */
    const QList<const Field *> &storedFields() const;
    /**
     * The field (part or list column) that carries `role`, type-checked when the definition
     * loaded; nullptr when the definition gives the role to no field. For a column role, the
     * column (its id is the column's own); the list is fieldFor() of the list's role.
     */
    const Field *fieldFor(Role role) const;
    /** The id of fieldFor(role), or an empty string. */
    QString idFor(Role role) const;
    /** The export profiles the definition ships, in order. */
    const QList<BuiltInProfile> &profiles() const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace Rallybook::Core
