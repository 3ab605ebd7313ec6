// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
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

QString fieldTypeName(FieldType type);
QString severityName(Severity severity);

struct Choice
{
    QString id;
    QString label;
};

/**
 * One field of the definition. For a group part, `id` is the full storage id
 * ("AC9.backstory") and `localId` the part's own ("backstory"); for a list column both are the
 * column id.
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
    QList<Field> columns; ///< List only
    QList<Field> parts;   ///< Group only

    /** True for types that hold one value (not List or Group). */
    bool isScalar() const { return type != FieldType::List && type != FieldType::Group; }
    const Choice *choice(const QString &choiceId) const;
    const Field *column(const QString &columnId) const;
};

struct Check
{
    QString id;
    QString sectionId;
    Severity severity = Severity::Warning;
    QString title;
    QString message;
    /** Optional: the message when the count {n} is 1 ("1 warning remains."). */
    QString messageOne;
    QString why;
    QStringList fields;
};

struct DerivedFigure
{
    QString id;
    QString label;
    QString question;
    QString hint;
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
    /** Looks up a top-level field or a group part ("AC9.backstory"). */
    const Field *field(const QString &fieldId) const;
    /** The section that holds a field or part. */
    const Section *sectionOf(const QString &fieldId) const;
    const Check *check(const QString &checkId) const;
    /** Every field that stores data, in definition order: scalar fields, parts and lists. */
    const QList<const Field *> &storedFields() const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace Rallybook::Core
