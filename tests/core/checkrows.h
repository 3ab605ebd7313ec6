// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/checks.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <optional>

/**
 * Every readiness check of the movement framework, with rows that fire and rows that pass, each
 * one edit away from the Shipwrights demo. Rows name what they edit through the definition: an
 * input of a check or of a derived figure, or a part or column of one, never a field id. So a
 * field renamed in the definition is renamed in the rows too, and a name that no longer
 * resolves (or a choice id a field no longer has) fails the row instead of passing it.
 */
namespace CheckRows {

using namespace Rallybook::Core;

/** What a name resolves to: a field or part id and, for a list column, the column's id. */
struct Ref
{
    QString field;
    QString column;
};

/** Resolves names for one row; what does not resolve is collected in `errors`. */
struct Names
{
    const Definition &definition;
    QString check; ///< the row's check, for arg()
    QStringList errors;

    std::optional<Ref> fail(const QString &why)
    {
        errors.append(why);
        return std::nullopt;
    }

    std::optional<Ref>
    input(const Inputs &inputs, const QString &owner, const char *name, int index)
    {
        const Input *input = inputs.find(QString::fromLatin1(name));
        if (!input || index >= input->fields.size()) {
            return fail(QStringLiteral("%1 has no input \u201c%2\u201d[%3]")
                            .arg(owner, QLatin1String(name))
                            .arg(index));
        }
        if (input->lists.isEmpty()) {
            return Ref{input->fields.at(index)->id, {}};
        }
        return Ref{input->lists.at(index)->id, input->fields.at(index)->id};
    }

    /** The field (or part) a ref names, failing when there is none. */
    const Field *field(const Ref &ref)
    {
        const Field *found = definition.field(ref.field);
        if (!found) {
            errors.append(QStringLiteral("no field \u201c%1\u201d").arg(ref.field));
        }
        return found;
    }
};

using Name = std::function<std::optional<Ref>(Names &)>;
using Edit = std::function<void(WorkbookContent &, Names &)>;

/** An input of the row's own check. */
inline Name arg(const char *input, int index = 0)
{
    return [=](Names &n) -> std::optional<Ref> {
        const Check *check = n.definition.check(n.check);
        if (!check) {
            return n.fail(QStringLiteral("no check %1").arg(n.check));
        }
        return n.input(check->inputs, check->id, input, index);
    };
}

/** An input of another check. */
inline Name in(const char *checkId, const char *input, int index = 0)
{
    return [=](Names &n) -> std::optional<Ref> {
        const Check *check = n.definition.check(QString::fromLatin1(checkId));
        if (!check) {
            return n.fail(QStringLiteral("no check %1").arg(QLatin1String(checkId)));
        }
        return n.input(check->inputs, check->id, input, index);
    };
}

/** An input of the derived figure of `kind`. */
inline Name fig(const char *kind, const char *input)
{
    return [=](Names &n) -> std::optional<Ref> {
        const DerivedFigure *figure = n.definition.figure(QString::fromLatin1(kind));
        if (!figure) {
            return n.fail(QStringLiteral("no derived figure %1").arg(QLatin1String(kind)));
        }
        return n.input(figure->inputs, figure->id, input, 0);
    };
}

/** The movement's stage, as the stage figure reads it. */
inline Name stage()
{
    return fig("stageFromLog", "stage");
}

/** The follower log, as the stage figure reads it. */
inline Name followerLog()
{
    return fig("stageFromLog", "log");
}

/** The list a column name belongs to. */
inline Name listOf(Name column)
{
    return [=](Names &n) -> std::optional<Ref> {
        const auto ref = column(n);
        if (!ref || ref->column.isEmpty()) {
            return n.fail(QStringLiteral("not a column: %1").arg(ref ? ref->field : QString()));
        }
        return Ref{ref->field, {}};
    };
}

/** The part `partId` of the group a name is (or the group of the part a name is). */
inline Name part(Name groupOrPart, const char *partId)
{
    return [=](Names &n) -> std::optional<Ref> {
        const auto ref = groupOrPart(n);
        if (!ref) {
            return std::nullopt;
        }
        const Field *group = n.definition.field(ref->field);
        if (group && group->type != FieldType::Group) {
            group = n.definition.field(ref->field.section(u'.', 0, 0));
        }
        if (!group || group->type != FieldType::Group) {
            return n.fail(QStringLiteral("%1 is not in a group").arg(ref->field));
        }
        const QString id = group->id + u'.' + QLatin1String(partId);
        if (!n.definition.field(id)) {
            return n.fail(
                QStringLiteral("%1 has no part %2").arg(group->id, QLatin1String(partId)));
        }
        return Ref{id, {}};
    };
}

/** Fails unless `value` is a choice (or, for a checklist, a set of choices) of `field`. */
inline bool fits(Names &n, const Field &field, const QVariant &value)
{
    QStringList ids;
    if (field.type == FieldType::Choice && !value.toString().isEmpty()) {
        ids = QStringList{value.toString()};
    } else if (field.type == FieldType::Checklist) {
        ids = value.toStringList();
    }
    for (const QString &id : std::as_const(ids)) {
        if (!field.choice(id)) {
            n.errors.append(QStringLiteral("%1 has no choice %2").arg(field.id, id));
            return false;
        }
    }
    return true;
}

inline Edit nothing()
{
    return [](WorkbookContent &, Names &) {};
}

inline Edit set(Name name, const QVariant &value)
{
    return [=](WorkbookContent &c, Names &n) {
        const auto ref = name(n);
        const Field *field = ref ? n.field(*ref) : nullptr;
        if (field && ref->column.isEmpty() && field->isScalar() && fits(n, *field, value)) {
            c.values.insert(field->id, value);
        } else if (field) {
            n.errors.append(QStringLiteral("cannot set %1").arg(ref->field));
        }
    };
}

/** Clears a scalar field, a part, every part of a group, or a list. */
inline Edit clear(Name name)
{
    return [=](WorkbookContent &c, Names &n) {
        const auto ref = name(n);
        const Field *field = ref ? n.field(*ref) : nullptr;
        if (!field || !ref->column.isEmpty()) {
            n.errors.append(QStringLiteral("cannot clear %1").arg(ref ? ref->field : QString()));
            return;
        }
        for (const Field &part : field->parts) {
            c.values.remove(part.id);
            c.lists.remove(part.id);
        }
        c.values.remove(field->id);
        c.lists.remove(field->id);
    };
}

/** The list a name is: the list itself, a column's list. */
inline const Field *listField(Names &n, const std::optional<Ref> &ref)
{
    const Field *field = ref ? n.field(*ref) : nullptr;
    if (field && field->type != FieldType::List) {
        n.errors.append(QStringLiteral("%1 is not a list").arg(field->id));
        return nullptr;
    }
    return field;
}

/** Fails unless every cell is a column of `list` and fits it. */
inline bool fitsRow(Names &n, const Field &list, const QVariantHash &cells)
{
    for (auto it = cells.begin(); it != cells.end(); ++it) {
        const Field *column = list.column(it.key());
        if (!column) {
            n.errors.append(QStringLiteral("%1 has no column %2").arg(list.id, it.key()));
            return false;
        }
        if (!fits(n, *column, it.value())) {
            return false;
        }
    }
    return true;
}

inline Edit keepRows(Name list, int count)
{
    return [=](WorkbookContent &c, Names &n) {
        if (const Field *field = listField(n, list(n))) {
            c.lists[field->id].resize(count);
        }
    };
}

/** Replaces the rows of a list. */
inline Edit rows(Name list, const QList<QVariantHash> &cells)
{
    return [=](WorkbookContent &c, Names &n) {
        const Field *field = listField(n, list(n));
        if (!field) {
            return;
        }
        QList<ListRow> replaced;
        for (const QVariantHash &row : cells) {
            if (!fitsRow(n, *field, row)) {
                return;
            }
            replaced.append(ListRow{0, row});
        }
        c.lists.insert(field->id, replaced);
    };
}

/** Replaces the rows of a column's list with one row per value, in that column. */
inline Edit texts(Name column, const QStringList &values)
{
    return [=](WorkbookContent &c, Names &n) {
        const auto ref = column(n);
        const Field *list = listField(n, ref);
        if (!list || ref->column.isEmpty()) {
            n.errors.append(QStringLiteral("not a column"));
            return;
        }
        QList<ListRow> replaced;
        for (const QString &value : values) {
            replaced.append(ListRow{0, {{ref->column, value}}});
        }
        c.lists.insert(list->id, replaced);
    };
}

inline Edit addRow(Name list, const QVariantHash &cells)
{
    return [=](WorkbookContent &c, Names &n) {
        const Field *field = listField(n, list(n));
        if (field && fitsRow(n, *field, cells)) {
            c.lists[field->id].append(ListRow{0, cells});
        }
    };
}

/** Sets one cell of an existing row, in the column a name is. */
inline Edit cell(Name column, int row, const QVariant &value)
{
    return [=](WorkbookContent &c, Names &n) {
        const auto ref = column(n);
        const Field *list = listField(n, ref);
        if (!list || ref->column.isEmpty() || row >= c.lists.value(list->id).size()
            || !fits(n, *list->column(ref->column), value)) {
            n.errors.append(
                QStringLiteral("no cell %1 of row %2").arg(ref ? ref->column : QString()).arg(row));
            return;
        }
        c.lists[list->id][row].cells.insert(ref->column, value);
    };
}

/** `count` rows in the follower log, each in the audience ring. */
inline Edit followers(int count)
{
    return [=](WorkbookContent &c, Names &n) {
        const Name ring = fig("fansNeeded", "ring");
        const auto ref = ring(n);
        const Field *list = listField(n, ref);
        if (!list || ref->column.isEmpty()) {
            return;
        }
        const QVariantHash cells{{ref->column, QStringLiteral("audience")}};
        if (!fitsRow(n, *list, cells)) {
            return;
        }
        c.lists.insert(list->id, QList<ListRow>(count, ListRow{0, cells}));
    };
}

inline Edit all(std::initializer_list<Edit> edits)
{
    const QList<Edit> list(edits);
    return [=](WorkbookContent &c, Names &n) {
        for (const Edit &edit : list) {
            edit(c, n);
        }
    };
}

/** One data row: a check, an edit of the demo, and what must follow. */
struct CheckRow
{
    QString tag;
    QString check;
    Edit edit;
    bool fires = false;
    std::optional<Severity> severity; ///< when it fires; the definition's when unset
    QString message;                  ///< when it fires; the definition's when empty
};

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

inline QString words(int count, const char *word = "ship")
{
    return QStringList(count, s(word)).join(u' ');
}

inline CheckRow fires(const char *check,
                      const char *tag,
                      Edit edit,
                      std::optional<Severity> severity = {},
                      const char *message = "")
{
    return CheckRow{
        s(check) + u'-' + s(tag), s(check), std::move(edit), true, severity, s(message)};
}

inline CheckRow passes(const char *check, const char *tag, Edit edit)
{
    return CheckRow{s(check) + u'-' + s(tag), s(check), std::move(edit), false, {}, {}};
}

/** Every check, with rows that fire and rows that pass; `today` dates the outreach rows. */
inline QList<CheckRow> checkRows(QDate today)
{
    const QVariantHash blankRow;
    const QString demoMini =
        s("I'm a Shipwright. I build small things people pay for. I ask before I build "
          "and ship before I polish. The next thing I ship is mine.");
    auto isoDate = [today](int days) {
        return today.addDays(days).toString(Qt::ISODate);
    };
    return {
        // Attractive Character
        passes("AC-C1", "three-parables", nothing()),
        fires("AC-C1", "two-parables", keepRows(arg("field"), 2)),
        fires("AC-C1",
              "blank-rows-do-not-count",
              all({keepRows(arg("field"), 2), addRow(arg("field"), blankRow)})),
        fires("AC-C2", "no-flaws", clear(arg("fields"))),
        passes("AC-C2", "one-flaw", keepRows(arg("fields"), 1)),
        fires("AC-C3", "no-stances", clear(listOf(arg("column")))),
        fires("AC-C3",
              "every-stance-hedged",
              texts(arg("column"),
                    {s("Maybe charge from day one"),
                     s("VC is arguably optional"),
                     s("IT DEPENDS on your savings")})),
        passes("AC-C3",
               "one-firm-stance",
               texts(arg("column"), {s("Perhaps skip VC"), s("Charge from day one")})),
        passes(
            "AC-C3", "hedge-word-inside-a-word", texts(arg("column"), {s("Maybelline ads lie")})),
        fires("AC-C4",
              "leader-without-results",
              all({set(arg("when"), s("leader")), clear(arg("field"))})),
        passes("AC-C4", "leader-with-results", set(arg("when"), s("leader"))),
        passes("AC-C4", "reluctant-hero-without-results", clear(arg("field"))),
        fires("AC-C5", "missing-epiphany", clear(part(arg("fields"), "epiphany"))),
        fires("AC-C5", "blank-achievement", set(part(arg("fields"), "achievement"), s("   "))),
        passes("AC-C5", "all-five-phases", nothing()),
        fires("AC-C6", "mainstream", set(arg("field"), s("mainstream"))),
        fires("AC-C6", "crazy-zone", set(arg("field"), s("crazy-zone"))),
        passes("AC-C6", "prolific-zone", nothing()),
        passes("AC-C6", "unanswered", clear(arg("field"))),
        fires("AC-C7", "one-storyline", set(arg("field"), QStringList{s("us-vs-them")})),
        fires("AC-C7", "no-storyline", clear(arg("field"))),
        passes(
            "AC-C7", "two-storylines", set(arg("field"), QStringList{s("us-vs-them"), s("other")})),

        // True Believers
        fires("TB-C1",
              "two-signals",
              all({clear(part(arg("field"), "events")), clear(part(arg("field"), "experts"))})),
        fires("TB-C1", "no-signals", clear(arg("field"))),
        passes("TB-C1", "three-signals", clear(part(arg("field"), "events"))),
        fires("TB-C2", "no-experts", clear(arg("fields"))),
        passes("TB-C2", "experts-named", nothing()),
        fires("TB-C3", "willing-unsure-is-a-tip", nothing(), Severity::Tip),
        fires("TB-C3", "able-no-is-a-warning", set(arg("fields", 1), s("no")), Severity::Warning),
        fires(
            "TB-C3", "willing-no-is-a-warning", set(arg("fields", 0), s("no")), Severity::Warning),
        passes("TB-C3", "both-yes", set(arg("fields", 0), s("yes"))),
        passes("TB-C3", "unanswered", all({clear(arg("fields", 0)), clear(arg("fields", 1))})),
        fires("TB-C4", "category-is-a-niche", set(arg("field"), s("  freelancing "))),
        passes("TB-C4", "new-category", nothing()),
        passes("TB-C4",
               "niche-inside-a-new-category",
               set(arg("field"), s("Freelancing for engineers, productised"))),
        fires("TB-C5", "satisfied", set(arg("field"), s("satisfied"))),
        fires("TB-C5", "diehard", set(arg("field"), s("diehard"))),
        passes("TB-C5", "frustrated", nothing()),
        passes("TB-C5", "unanswered", clear(arg("field"))),
        fires("TB-C6", "no-place", clear(arg("fields")), Severity::Error),
        fires("TB-C6",
              "only-blank-rows",
              rows(arg("fields"), {blankRow, {{s("place"), s("   ")}}}),
              Severity::Error),
        passes("TB-C6", "one-place", keepRows(arg("fields"), 1)),

        // The Cause
        fires("CA-C1", "more", set(arg("fields"), s("More freedom for engineers"))),
        fires("CA-C1", "improve", set(arg("fields"), s("Improve your career"))),
        fires("CA-C1", "er-than", set(arg("fields"), s("Freer than your boss"))),
        passes("CA-C1", "new-future", nothing()),
        passes("CA-C1",
               "word-inside-a-word",
               set(arg("fields"), s("Ship without anymore permission"))),
        fires("CA-C2", "present-tense", set(arg("field"), s("Engineers own small products."))),
        fires("CA-C2", "empty", clear(arg("field"))),
        passes("CA-C2", "will", nothing()),
        passes("CA-C2", "someday", set(arg("field"), s("Someday every engineer owns a product."))),
        passes("CA-C2", "by-year", set(arg("field"), s("By 2031 every engineer owns a product."))),
        fires("CA-C3", "we-are", set(arg("field"), s("We are Shipwrights."))),
        fires("CA-C3", "empty", clear(arg("field"))),
        passes("CA-C3", "i-am", set(arg("field"), s("I am a Shipwright."))),
        passes("CA-C3", "typographic-apostrophe", set(arg("field"), s("I\u2019m a Shipwright."))),
        fires("CA-C4", "other-name", set(arg("field"), s("I'm a maker."))),
        passes("CA-C4", "singular", nothing()),
        passes("CA-C4", "plural-any-case", set(arg("field"), s("I am one of the SHIPWRIGHTS"))),
        passes("CA-C4", "no-tribe-name", clear(arg("names"))),
        fires("CA-C5", "no-story", clear(arg("fields")), Severity::Warning),
        passes("CA-C5", "story-without-followers", clear(part(arg("fields"), "followers"))),
        fires("CA-C6", "no-award", clear(arg("fields"))),
        passes("CA-C6", "one-award", keepRows(arg("fields"), 1)),
        fires("CA-C7", "no-mission", clear(arg("fields"))),
        passes("CA-C7", "mission", nothing()),
        fires("CA-C8", "no-enemy", clear(arg("fields"))),
        passes("CA-C8", "enemy", nothing()),
        fires("CA-C9", "no-interest", clear(arg("fields", 0)), Severity::Error),
        fires("CA-C9", "no-channel", clear(arg("fields", 1)), Severity::Error),
        passes("CA-C9", "interest-and-channels", nothing()),

        // Title of Liberty
        fires("TL-C1", "five-sentences", set(arg("field"), demoMini + s(" Every Friday."))),
        fires("TL-C1", "fifty-one-words", set(arg("field"), words(51) + u'.')),
        passes("TL-C1", "four-sentences-27-words", nothing()),
        passes("TL-C1", "fifty-words", set(arg("field"), words(50) + u'.')),
        passes("TL-C1",
               "abbreviation-does-not-end-a-sentence",
               set(arg("field"), s("I'm a Shipwright, e.g. a maker. I build. I ask. I ship."))),
        fires("TL-C2", "401-words", set(arg("field"), s("Shipwrights ") + words(400))),
        passes("TL-C2", "400-words", set(arg("field"), s("Shipwrights ") + words(399))),
        passes("TL-C2", "112-words", nothing()),
        fires("TL-C3", "99-words", set(arg("field"), s("Shipwrights ") + words(98))),
        fires("TL-C3", "empty", clear(arg("field"))),
        passes("TL-C3", "100-words", set(arg("field"), s("Shipwrights ") + words(99))),
        passes("TL-C3", "112-words", nothing()),
        fires(
            "TL-C4", "no-identity", set(arg("field"), s("We build small things people pay for."))),
        passes("TL-C4", "tribe-name", nothing()),
        passes("TL-C4",
               "i-am-line",
               all({set(arg("names"), s("Harbor Crew")),
                    set(arg("field"), s("We ship. I'm a Shipwright, and proud."))})),
        passes("TL-C4",
               "nothing-to-name",
               all({clear(arg("names")),
                    clear(arg("lines")),
                    set(arg("field"), s("We build small things."))})),
        fires("TL-C5", "no-leader", clear(arg("fields"))),
        passes("TL-C5", "leader", nothing()),
        fires("TL-C6", "no-enemy", clear(arg("fields"))),
        passes("TL-C6", "enemy", nothing()),
        fires("TL-C7", "person", set(arg("field"), s("Jeff Bezos"))),
        fires("TL-C7",
              "person-in-a-phrase",
              set(arg("field"), s("everything Mark Zuckerberg stands for"))),
        passes("TL-C7", "idea", nothing()),
        passes("TL-C7", "whitelisted", set(arg("field"), s("Hustle Culture"))),

        // New Opportunity
        fires("NO-C1", "name", set(arg("fields", 0), s("The Better Startup"))),
        fires("NO-C1", "positioning", set(arg("fields", 1), s("It's a faster startup."))),
        fires("NO-C1", "front-offer", set(arg("fields", 2), s("Upgrade Kit"))),
        passes("NO-C1", "new-vehicle", nothing()),
        fires("NO-C2", "tried-vehicle", set(arg("field"), s("Chasing promotion"))),
        fires("NO-C2", "existing-niche", set(arg("field"), s("No-code agencies"))),
        fires("NO-C2", "both", set(arg("field"), s("freelancing"))),
        passes("NO-C2", "new-vehicle", nothing()),
        fires("NO-C3", "middle", set(arg("price"), 500)),
        passes("NO-C3", "most-expensive", nothing()),
        passes("NO-C3", "cheapest", set(arg("price"), 99)),
        passes("NO-C3", "at-the-top", set(arg("price"), 999)),
        passes("NO-C3", "competitors-unknown", clear(arg("low"))),
        fires("NO-C4", "no-status", clear(arg("fields"))),
        passes("NO-C4", "status", nothing()),
        fires("NO-C5", "no-risks", clear(listOf(arg("column")))),
        fires("NO-C5", "blank-reducer", cell(arg("column"), 1, QVariant())),
        passes("NO-C5", "every-risk-reduced", nothing()),
        fires("NO-C6", "two-switches", cell(arg("column"), 1, s("switch"))),
        passes("NO-C6", "one-switch", nothing()),
        fires("NO-C7",
              "you-failed",
              set(arg("fields"), s("You failed because you gave up too soon."))),
        fires("NO-C7", "your-mistake", set(arg("fields"), s("Your mistake was trusting ladders."))),
        passes("NO-C7", "old-vehicle-blamed", nothing()),

        // Movement Stages
        fires("MS-C1", "21-words", set(arg("field"), words(21))),
        passes("MS-C1", "20-words", set(arg("field"), words(20))),
        passes("MS-C1", "short-dance", nothing()),
        fires("MS-C2", "hidden", clear(arg("fields"))),
        passes("MS-C2", "on-show", nothing()),
        fires("MS-C3", "no-first-followers", clear(listOf(arg("column")))),
        fires("MS-C3", "blank-equals", cell(arg("column"), 1, QVariant())),
        fires("MS-C3",
              "stage-unanswered-log-says-crowd",
              all({clear(stage()), clear(listOf(arg("column")))})),
        passes(
            "MS-C3", "lone-nut", all({set(stage(), s("lone-nut")), clear(listOf(arg("column")))})),
        passes("MS-C3",
               "stage-unanswered-empty-log",
               all({clear(stage()), clear(listOf(arg("column"))), clear(followerLog())})),
        passes("MS-C3", "honoured", nothing()),
        fires("MS-C4", "no-peer-links", clear(arg("fields"))),
        passes("MS-C4", "peer-links", nothing()),
        fires("MS-C5", "third-party", set(arg("field"), s("third-party"))),
        passes("MS-C5", "exporting-platform", set(arg("field"), s("exporting-platform"))),
        passes("MS-C5", "own-list", nothing()),
        fires("MS-C6", "demo-gap", nothing(), {}, "You need 800 true fans. 762 to go."),
        fires("MS-C6",
              "defaults",
              all({clear(fig("fansNeeded", "profit")), clear(fig("fansNeeded", "team"))}),
              {},
              "You need 1200 true fans. 1162 to go."),
        fires("MS-C6",
              "rounded-up",
              all({set(fig("fansNeeded", "income"), 1000), set(fig("fansNeeded", "trueFans"), 0)}),
              {},
              "You need 7 true fans. 7 to go."),
        fires("MS-C6",
              "true-fans-from-the-log",
              clear(fig("fansNeeded", "trueFans")),
              {},
              "You need 800 true fans. 794 to go."),
        passes("MS-C6", "gap-closed", set(fig("fansNeeded", "trueFans"), 800)),
        passes("MS-C6", "no-income", clear(fig("fansNeeded", "income"))),
        fires("MS-C7", "99", set(arg("minimums"), 99)),
        passes("MS-C7", "100", set(arg("minimums"), 100)),
        passes("MS-C7", "default", clear(arg("minimums"))),
        fires("MS-C8", "no-heresy", clear(arg("fields"))),
        passes("MS-C8", "heresy", nothing()),
        fires("MS-C9",
              "in-crowd-with-twelve",
              set(stage(), s("in-crowd")),
              {},
              "Your log says Crowd (second follower); update the stage or the log."),
        fires("MS-C9",
              "lone-nut-with-twelve",
              set(stage(), s("lone-nut")),
              {},
              "Your log says Crowd (second follower); update the stage or the log."),
        fires("MS-C9",
              "first-follower-at-critical-mass",
              all({set(stage(), s("first-follower")), followers(30)}),
              {},
              "Your log says Momentum/tipping point; update the stage or the log."),
        passes("MS-C9", "one-stage-away", set(stage(), s("momentum"))),
        passes("MS-C9", "below-critical-mass", all({set(stage(), s("crowd")), followers(29)})),
        passes("MS-C9", "no-log", all({set(stage(), s("late-joiners")), clear(followerLog())})),
        passes("MS-C9", "stage-unanswered", clear(stage())),

        // Action Plan
        fires("AP-C1", "less-than-weekly", set(part(arg("minimums"), "postsPerWeek"), 0.5)),
        fires("AP-C1", "six-months", set(part(arg("minimums"), "months"), 6)),
        passes("AP-C1",
               "weekly-for-a-year",
               all({set(part(arg("minimums"), "postsPerWeek"), 1),
                    set(part(arg("minimums"), "months"), 12)})),
        passes("AP-C1",
               "unanswered",
               all({clear(part(arg("minimums"), "postsPerWeek")),
                    clear(part(arg("minimums"), "months"))})),
        fires("AP-C2", "undated", cell(arg("column"), 2, QVariant())),
        passes("AP-C2", "all-dated", nothing()),
        passes("AP-C2", "blank-row-ignored", addRow(listOf(arg("column")), {{s("done"), false}})),
        fires("AP-C3", "no-outreach", clear(listOf(arg("column")))),
        fires("AP-C3", "too-far-ahead", cell(arg("column"), 0, isoDate(31))),
        fires("AP-C3", "too-long-ago", cell(arg("column"), 0, isoDate(-31))),
        fires("AP-C3", "undated", cell(arg("column"), 0, QVariant())),
        passes("AP-C3", "in-two-weeks", nothing()),
        passes("AP-C3", "today", cell(arg("column"), 0, isoDate(0))),
        passes("AP-C3", "in-thirty-days", cell(arg("column"), 0, isoDate(30))),
        passes("AP-C3", "ten-days-ago", cell(arg("column"), 0, isoDate(-10))),
        fires("AP-C4",
              "two-warnings",
              all({clear(in("AC-C2", "fields")), clear(in("MS-C2", "fields"))}),
              {},
              "2 warnings remain."),
        fires("AP-C4",
              "money-doubt-no-is-a-warning",
              set(in("TB-C3", "fields", 1), s("no")),
              {},
              "1 warning remains."),
        passes("AP-C4", "tips-only", nothing()),
        passes("AP-C4", "errors-are-not-warnings", clear(in("TB-C6", "fields"))),
        passes("AP-C4", "own-section-not-counted", clear(listOf(in("AP-C3", "column")))),
        fires("AP-C5", "no-metrics", clear(listOf(arg("column")))),
        fires("AP-C5", "no-fan-metric", texts(arg("column"), {s("Subscribers")})),
        passes("AP-C5", "true-fans", nothing()),
        passes("AP-C5", "fan-inside-a-word", texts(arg("column"), {s("Monthly FANBASE size")})),
    };
}

/**
 * Applies `row` to `demo` and evaluates it with `checker`: empty when the row holds, else what
 * went wrong (a name that did not resolve, the check not firing or firing wrongly).
 */
inline QString
verify(const Checker &checker, const WorkbookContent &demo, const CheckRow &row, QDate today)
{
    const Definition &definition = checker.definition();
    Names names{definition, row.check, {}};
    WorkbookContent content = demo;
    row.edit(content, names);
    if (!names.errors.isEmpty()) {
        return QStringLiteral("%1: %2").arg(row.tag, names.errors.join(QStringLiteral("; ")));
    }
    const Readiness readiness = checker.evaluate(content, today);
    const Finding *finding = readiness.finding(row.check);
    if (bool(finding) != row.fires) {
        QStringList ids;
        for (const Finding &f : readiness.findings) {
            ids.append(f.checkId);
        }
        return QStringLiteral("%1: %2 %3 (findings: %4)")
            .arg(row.tag,
                 row.check,
                 row.fires ? QStringLiteral("did not fire") : QStringLiteral("fired"),
                 ids.join(u' '));
    }
    if (!finding) {
        return {};
    }
    const Check *defined = definition.check(row.check);
    const Severity severity = row.severity.value_or(defined->severity);
    const QString message = row.message.isEmpty() ? defined->message : row.message;
    if (finding->severity != severity || finding->message != message
        || finding->message.contains(u'{') || finding->title != defined->title
        || finding->sectionId != defined->sectionId || finding->fields != defined->fields) {
        return QStringLiteral("%1: the finding is %2 \u201c%3\u201d")
            .arg(row.tag, severityName(finding->severity), finding->message);
    }
    return {};
}

} // namespace CheckRows
