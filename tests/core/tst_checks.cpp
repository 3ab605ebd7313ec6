// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/checks.h"
#include "core/workbookjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>

#include "testutil.h"

using namespace Rallybook::Core;

namespace {

/** One change to the demo workbook's content. */
using Edit = std::function<void(WorkbookContent &)>;

/** One data row of the `check` test: a check, an edit of the demo, and what must follow. */
struct CheckRow
{
    QString tag;
    QString check;
    Edit edit;
    bool fires = false;
    std::optional<Severity> severity; ///< when it fires; the definition's when unset
    QString message;                  ///< when it fires; the definition's when empty
};

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Edit nothing()
{
    return [](WorkbookContent &) {};
}

Edit set(const char *fieldId, const QVariant &value)
{
    return [=](WorkbookContent &c) {
        c.values.insert(s(fieldId), value);
    };
}

/** Clears a scalar field, a part or a list. */
Edit clear(const char *fieldId)
{
    return [=](WorkbookContent &c) {
        c.values.remove(s(fieldId));
        c.lists.remove(s(fieldId));
    };
}

Edit keepRows(const char *fieldId, int count)
{
    return [=](WorkbookContent &c) {
        c.lists[s(fieldId)].resize(count);
    };
}

Edit rows(const char *fieldId, const QList<QVariantHash> &cells)
{
    return [=](WorkbookContent &c) {
        QList<ListRow> list;
        for (const QVariantHash &row : cells) {
            list.append(ListRow{0, row});
        }
        c.lists.insert(s(fieldId), list);
    };
}

Edit addRow(const char *fieldId, const QVariantHash &cells)
{
    return [=](WorkbookContent &c) {
        c.lists[s(fieldId)].append(ListRow{0, cells});
    };
}

Edit cell(const char *fieldId, int row, const char *columnId, const QVariant &value)
{
    return [=](WorkbookContent &c) {
        c.lists[s(fieldId)][row].cells.insert(s(columnId), value);
    };
}

Edit all(std::initializer_list<Edit> edits)
{
    const QList<Edit> list(edits);
    return [=](WorkbookContent &c) {
        for (const Edit &edit : list) {
            edit(c);
        }
    };
}

QString words(int count, const char *word = "ship")
{
    return QStringList(count, s(word)).join(u' ');
}

QString isoDate(int daysFromToday)
{
    return TestUtil::today().addDays(daysFromToday).toString(Qt::ISODate);
}

QList<QVariantHash> followerLog(int count)
{
    QList<QVariantHash> log;
    for (int i = 0; i < count; ++i) {
        log.append({{s("name"), QStringLiteral("Follower %1").arg(i)}, {s("ring"), s("audience")}});
    }
    return log;
}

CheckRow fires(const char *check,
               const char *tag,
               Edit edit,
               std::optional<Severity> severity = {},
               const char *message = "")
{
    return CheckRow{
        s(check) + u'-' + s(tag), s(check), std::move(edit), true, severity, s(message)};
}

CheckRow passes(const char *check, const char *tag, Edit edit)
{
    return CheckRow{s(check) + u'-' + s(tag), s(check), std::move(edit), false, {}, {}};
}

/** Every check, with rows that fire and rows that pass, each one edit away from the demo. */
QList<CheckRow> checkRows()
{
    const QVariantHash blankRow;
    const QString demoMini =
        s("I'm a Shipwright. I build small things people pay for. I ask before I build "
          "and ship before I polish. The next thing I ship is mine.");
    return {
        // §1 Attractive Character
        passes("AC-C1", "three-parables", nothing()),
        fires("AC-C1", "two-parables", keepRows("AC4", 2)),
        fires(
            "AC-C1", "blank-rows-do-not-count", all({keepRows("AC4", 2), addRow("AC4", blankRow)})),
        fires("AC-C2", "no-flaws", clear("AC5")),
        passes("AC-C2", "one-flaw", keepRows("AC5", 1)),
        fires("AC-C3", "no-stances", clear("AC6")),
        fires("AC-C3",
              "every-stance-hedged",
              rows("AC6",
                   {{{s("stance"), s("Maybe charge from day one")}},
                    {{s("stance"), s("VC is arguably optional")}},
                    {{s("stance"), s("IT DEPENDS on your savings")}}})),
        passes("AC-C3",
               "one-firm-stance",
               rows("AC6",
                    {{{s("stance"), s("Perhaps skip VC")}},
                     {{s("stance"), s("Charge from day one")}}})),
        passes("AC-C3",
               "hedge-word-inside-a-word",
               rows("AC6", {{{s("stance"), s("Maybelline ads lie")}}})),
        fires("AC-C4",
              "leader-without-results",
              all({set("AC2", s("leader")), clear("AC9.framework")})),
        passes("AC-C4", "leader-with-results", set("AC2", s("leader"))),
        passes("AC-C4", "reluctant-hero-without-results", clear("AC9.framework")),
        fires("AC-C5", "missing-epiphany", clear("AC9.epiphany")),
        fires("AC-C5", "blank-achievement", set("AC9.achievement", s("   "))),
        passes("AC-C5", "all-five-phases", nothing()),
        fires("AC-C6", "mainstream", set("AC8", s("mainstream"))),
        fires("AC-C6", "crazy-zone", set("AC8", s("crazy-zone"))),
        passes("AC-C6", "prolific-zone", nothing()),
        passes("AC-C6", "unanswered", clear("AC8")),
        fires("AC-C7", "one-storyline", set("AC7", QStringList{s("us-vs-them")})),
        fires("AC-C7", "no-storyline", clear("AC7")),
        passes("AC-C7", "two-storylines", set("AC7", QStringList{s("us-vs-them"), s("other")})),

        // §2 True Believers
        fires("TB-C1", "two-signals", all({clear("TB7.events"), clear("TB7.experts")})),
        fires("TB-C1",
              "no-signals",
              all({clear("TB7.communities"),
                   clear("TB7.vocabulary"),
                   clear("TB7.events"),
                   clear("TB7.experts")})),
        passes("TB-C1", "three-signals", clear("TB7.events")),
        fires("TB-C2", "no-experts", clear("TB7.experts")),
        passes("TB-C2", "experts-named", nothing()),
        fires("TB-C3", "willing-unsure-is-a-tip", nothing(), Severity::Tip),
        fires("TB-C3", "able-no-is-a-warning", set("TB8.able", s("no")), Severity::Warning),
        fires("TB-C3", "willing-no-is-a-warning", set("TB8.willing", s("no")), Severity::Warning),
        passes("TB-C3", "both-yes", set("TB8.willing", s("yes"))),
        passes("TB-C3", "unanswered", all({clear("TB8.willing"), clear("TB8.able")})),
        fires("TB-C4", "category-is-a-niche", set("TB4", s("  freelancing "))),
        passes("TB-C4", "new-category", nothing()),
        passes("TB-C4",
               "niche-inside-a-new-category",
               set("TB4", s("Freelancing for engineers, productised"))),
        fires("TB-C5", "satisfied", set("TB10", s("satisfied"))),
        fires("TB-C5", "diehard", set("TB10", s("diehard"))),
        passes("TB-C5", "frustrated", nothing()),
        passes("TB-C5", "unanswered", clear("TB10")),
        fires("TB-C6", "no-place", clear("TB9"), Severity::Error),
        fires("TB-C6",
              "only-blank-rows",
              rows("TB9", {blankRow, {{s("place"), s("   ")}}}),
              Severity::Error),
        passes("TB-C6", "one-place", keepRows("TB9", 1)),

        // §3 The Cause
        fires("CA-C1", "more", set("CA2", s("More freedom for engineers"))),
        fires("CA-C1", "improve", set("CA2", s("Improve your career"))),
        fires("CA-C1", "er-than", set("CA2", s("Freer than your boss"))),
        passes("CA-C1", "new-future", nothing()),
        passes("CA-C1", "word-inside-a-word", set("CA2", s("Ship without anymore permission"))),
        fires("CA-C2", "present-tense", set("CA1", s("Engineers own small products."))),
        fires("CA-C2", "empty", clear("CA1")),
        passes("CA-C2", "will", nothing()),
        passes("CA-C2", "someday", set("CA1", s("Someday every engineer owns a product."))),
        passes("CA-C2", "by-year", set("CA1", s("By 2031 every engineer owns a product."))),
        fires("CA-C3", "we-are", set("CA4", s("We are Shipwrights."))),
        fires("CA-C3", "empty", clear("CA4")),
        passes("CA-C3", "i-am", set("CA4", s("I am a Shipwright."))),
        passes("CA-C3", "typographic-apostrophe", set("CA4", s("I\u2019m a Shipwright."))),
        fires("CA-C4", "other-name", set("CA4", s("I'm a maker."))),
        passes("CA-C4", "singular", nothing()),
        passes("CA-C4", "plural-any-case", set("CA4", s("I am one of the SHIPWRIGHTS"))),
        passes("CA-C4", "no-tribe-name", clear("CA3")),
        fires("CA-C5", "no-story", clear("CA5.story"), Severity::Warning),
        passes("CA-C5", "story-without-followers", clear("CA5.followers")),
        fires("CA-C6", "no-award", clear("CA6")),
        passes("CA-C6", "one-award", keepRows("CA6", 1)),
        fires("CA-C7", "no-mission", clear("CA7")),
        passes("CA-C7", "mission", nothing()),
        fires("CA-C8", "no-enemy", clear("CA8")),
        passes("CA-C8", "enemy", nothing()),
        fires("CA-C9", "no-interest", clear("CA9"), Severity::Error),
        fires("CA-C9", "no-channel", clear("CA10"), Severity::Error),
        passes("CA-C9", "interest-and-channels", nothing()),

        // §4 Title of Liberty
        fires("TL-C1", "five-sentences", set("TL1", demoMini + s(" Every Friday."))),
        fires("TL-C1", "fifty-one-words", set("TL1", words(51) + u'.')),
        passes("TL-C1", "four-sentences-27-words", nothing()),
        passes("TL-C1", "fifty-words", set("TL1", words(50) + u'.')),
        passes("TL-C1",
               "abbreviation-does-not-end-a-sentence",
               set("TL1", s("I'm a Shipwright, e.g. a maker. I build. I ask. I ship."))),
        fires("TL-C2", "401-words", set("TL4", s("Shipwrights ") + words(400))),
        passes("TL-C2", "400-words", set("TL4", s("Shipwrights ") + words(399))),
        passes("TL-C2", "112-words", nothing()),
        fires("TL-C3", "99-words", set("TL4", s("Shipwrights ") + words(98))),
        fires("TL-C3", "empty", clear("TL4")),
        passes("TL-C3", "100-words", set("TL4", s("Shipwrights ") + words(99))),
        passes("TL-C3", "112-words", nothing()),
        fires("TL-C4", "no-identity", set("TL4", s("We build small things people pay for."))),
        passes("TL-C4", "tribe-name", nothing()),
        passes("TL-C4",
               "i-am-line",
               all({set("CA3", s("Harbor Crew")),
                    set("TL4", s("We ship. I'm a Shipwright, and proud."))})),
        passes("TL-C4",
               "nothing-to-name",
               all({clear("CA3"), clear("CA4"), set("TL4", s("We build small things."))})),
        fires("TL-C5", "no-leader", clear("TL5")),
        passes("TL-C5", "leader", nothing()),
        fires("TL-C6", "no-enemy", clear("TL7.fight")),
        passes("TL-C6", "enemy", nothing()),
        fires("TL-C7", "person", set("TL7.fight", s("Jeff Bezos"))),
        fires("TL-C7",
              "person-in-a-phrase",
              set("TL7.fight", s("everything Mark Zuckerberg stands for"))),
        passes("TL-C7", "idea", nothing()),
        passes("TL-C7", "whitelisted", set("TL7.fight", s("Hustle Culture"))),

        // §5 New Opportunity
        fires("NO-C1", "name", set("NO3", s("The Better Startup"))),
        fires("NO-C1", "positioning", set("NO4", s("It's a faster startup."))),
        fires("NO-C1", "front-offer", set("NO10.frontOffer", s("Upgrade Kit"))),
        passes("NO-C1", "new-vehicle", nothing()),
        fires("NO-C2", "tried-vehicle", set("NO3", s("freelancing"))),
        fires("NO-C2", "existing-niche", set("NO3", s("No-code agencies"))),
        passes("NO-C2", "new-vehicle", nothing()),
        fires("NO-C3", "middle", set("NO10.corePrice", 500)),
        passes("NO-C3", "most-expensive", nothing()),
        passes("NO-C3", "cheapest", set("NO10.corePrice", 99)),
        passes("NO-C3", "at-the-top", set("NO10.corePrice", 999)),
        passes("NO-C3", "competitors-unknown", clear("NO10.competitorMin")),
        fires("NO-C4", "no-status", clear("NO7")),
        passes("NO-C4", "status", nothing()),
        fires("NO-C5", "no-risks", clear("NO8")),
        fires("NO-C5", "blank-reducer", cell("NO8", 1, "reducer", QVariant())),
        passes("NO-C5", "every-risk-reduced", nothing()),
        fires("NO-C6", "two-switches", cell("NO11", 1, "type", s("switch"))),
        passes("NO-C6", "one-switch", nothing()),
        fires("NO-C7", "you-failed", set("NO6", s("You failed because you gave up too soon."))),
        fires("NO-C7", "your-mistake", set("NO6", s("Your mistake was trusting ladders."))),
        passes("NO-C7", "old-vehicle-blamed", nothing()),

        // §6 Movement Stages
        fires("MS-C1", "21-words", set("MS2", words(21))),
        passes("MS-C1", "20-words", set("MS2", words(20))),
        passes("MS-C1", "short-dance", nothing()),
        fires("MS-C2", "hidden", clear("MS4")),
        passes("MS-C2", "on-show", nothing()),
        fires("MS-C3", "no-first-followers", clear("MS3")),
        fires("MS-C3", "blank-equals", cell("MS3", 1, "equals", QVariant())),
        fires("MS-C3", "stage-unanswered-log-says-crowd", all({clear("MS1"), clear("MS3")})),
        passes("MS-C3", "lone-nut", all({set("MS1", s("lone-nut")), clear("MS3")})),
        passes("MS-C3",
               "stage-unanswered-empty-log",
               all({clear("MS1"), clear("MS3"), clear("MS12")})),
        passes("MS-C3", "honoured", nothing()),
        fires("MS-C4", "no-peer-links", clear("MS5.withEachOther")),
        passes("MS-C4", "peer-links", nothing()),
        fires("MS-C5", "third-party", set("MS11", s("third-party"))),
        passes("MS-C5", "exporting-platform", set("MS11", s("exporting-platform"))),
        passes("MS-C5", "own-list", nothing()),
        fires("MS-C6", "demo-gap", nothing(), {}, "You need 800 true fans. 762 to go."),
        fires("MS-C6",
              "defaults",
              all({clear("MS10.profitPerFan"), clear("MS10.teamSize")}),
              {},
              "You need 1200 true fans. 1162 to go."),
        fires("MS-C6",
              "rounded-up",
              all({set("MS10.targetIncome", 1000), set("MS9.trueFans", 0)}),
              {},
              "You need 7 true fans. 7 to go."),
        fires("MS-C6",
              "true-fans-from-the-log",
              clear("MS9.trueFans"),
              {},
              "You need 800 true fans. 794 to go."),
        passes("MS-C6", "gap-closed", set("MS9.trueFans", 800)),
        passes("MS-C6", "no-income", clear("MS10.targetIncome")),
        fires("MS-C7", "99", set("MS10.profitPerFan", 99)),
        passes("MS-C7", "100", set("MS10.profitPerFan", 100)),
        passes("MS-C7", "default", clear("MS10.profitPerFan")),
        fires("MS-C8", "no-heresy", clear("MS7")),
        passes("MS-C8", "heresy", nothing()),
        fires("MS-C9",
              "in-crowd-with-twelve",
              set("MS1", s("in-crowd")),
              {},
              "Your log says Crowd (second follower); update the stage or the log."),
        fires("MS-C9",
              "lone-nut-with-twelve",
              set("MS1", s("lone-nut")),
              {},
              "Your log says Crowd (second follower); update the stage or the log."),
        fires("MS-C9",
              "first-follower-at-critical-mass",
              all({set("MS1", s("first-follower")), rows("MS12", followerLog(30))}),
              {},
              "Your log says Momentum/tipping point; update the stage or the log."),
        passes("MS-C9", "one-stage-away", set("MS1", s("momentum"))),
        passes("MS-C9",
               "below-critical-mass",
               all({set("MS1", s("crowd")), rows("MS12", followerLog(29))})),
        passes("MS-C9", "no-log", all({set("MS1", s("late-joiners")), clear("MS12")})),
        passes("MS-C9", "stage-unanswered", clear("MS1")),

        // §7 Action Plan
        fires("AP-C1", "less-than-weekly", set("AP1.postsPerWeek", 0.5)),
        fires("AP-C1", "six-months", set("AP1.months", 6)),
        passes(
            "AP-C1", "weekly-for-a-year", all({set("AP1.postsPerWeek", 1), set("AP1.months", 12)})),
        passes("AP-C1", "unanswered", all({clear("AP1.postsPerWeek"), clear("AP1.months")})),
        fires("AP-C2", "undated", cell("AP2", 2, "due", QVariant())),
        passes("AP-C2", "all-dated", nothing()),
        passes("AP-C2", "blank-row-ignored", addRow("AP2", {{s("done"), false}})),
        fires("AP-C3", "no-outreach", clear("AP3")),
        fires("AP-C3", "too-far-ahead", cell("AP3", 0, "date", isoDate(31))),
        fires("AP-C3", "too-long-ago", cell("AP3", 0, "date", isoDate(-31))),
        fires("AP-C3", "undated", cell("AP3", 0, "date", QVariant())),
        passes("AP-C3", "in-two-weeks", nothing()),
        passes("AP-C3", "today", cell("AP3", 0, "date", isoDate(0))),
        passes("AP-C3", "in-thirty-days", cell("AP3", 0, "date", isoDate(30))),
        passes("AP-C3", "ten-days-ago", cell("AP3", 0, "date", isoDate(-10))),
        fires("AP-C4", "two-warnings", all({clear("AC5"), clear("MS4")}), {}, "2 warnings remain."),
        fires("AP-C4",
              "money-doubt-no-is-a-warning",
              set("TB8.able", s("no")),
              {},
              "1 warning remains."),
        passes("AP-C4", "tips-only", nothing()),
        passes("AP-C4", "errors-are-not-warnings", clear("TB9")),
        passes("AP-C4", "own-section-not-counted", clear("AP3")),
        fires("AP-C5", "no-metrics", clear("AP5")),
        fires("AP-C5", "no-fan-metric", rows("AP5", {{{s("metric"), s("Subscribers")}}})),
        passes("AP-C5", "true-fans", nothing()),
        passes("AP-C5",
               "fan-inside-a-word",
               rows("AP5", {{{s("metric"), s("Monthly FANBASE size")}}})),
    };
}

QByteArray standardJson()
{
    QFile file(QStringLiteral(":/frameworks/movement.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** The shipped definition with `edit` applied to its JSON. */
Result<Definition> editedDefinition(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = QJsonDocument::fromJson(standardJson()).object();
    edit(root);
    return Definition::fromJson(QJsonDocument(root).toJson(), QStringLiteral("edited.json"));
}

void editConstants(QJsonObject &root, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject constants = root[QStringLiteral("constants")].toObject();
    edit(constants);
    root[QStringLiteral("constants")] = constants;
}

} // namespace

Q_DECLARE_METATYPE(Edit)

/** The readiness checks: each one on its own, the demo, the derived figures and the score. */
class TestChecks : public QObject
{
    Q_OBJECT

private:
    static WorkbookContent demo()
    {
        return WorkbookJson::demoContent(TestUtil::definition(), TestUtil::today()).value();
    }

    static Checker checker()
    {
        auto created = Checker::create(TestUtil::definition());
        if (!created) {
            qFatal("checker: %s", qPrintable(created.error().message));
        }
        return created.value();
    }

    static QStringList ids(const QList<Finding> &findings)
    {
        QStringList list;
        for (const Finding &finding : findings) {
            list.append(finding.checkId);
        }
        return list;
    }

private slots:
    void everyCheckOfTheDefinitionIsImplemented()
    {
        const Definition definition = TestUtil::definition();
        QStringList defined;
        for (const Section &section : definition.sections()) {
            for (const Check &check : section.checks) {
                defined.append(check.id);
            }
        }
        QCOMPARE(defined.size(), 50);
        QStringList implemented = Checker::implementedCheckIds();
        implemented.sort();
        defined.sort();
        QCOMPARE(implemented, defined);
        auto created = Checker::create(definition);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    }

    void mismatchedChecksAreReported_data()
    {
        QTest::addColumn<QString>("remove");
        QTest::addColumn<QString>("add");
        QTest::addColumn<QString>("says");
        QTest::newRow("check-without-implementation")
            << QString() << QStringLiteral("AC-C99")
            << QStringLiteral("no implementation for AC-C99");
        QTest::newRow("implementation-without-check")
            << QStringLiteral("MS-C9") << QString()
            << QStringLiteral("no check in the definition for MS-C9");
    }

    void mismatchedChecksAreReported()
    {
        QFETCH(QString, remove);
        QFETCH(QString, add);
        QFETCH(QString, says);
        auto definition = editedDefinition([&](QJsonObject &root) {
            QJsonArray sections = root[QStringLiteral("sections")].toArray();
            for (qsizetype i = 0; i < sections.size(); ++i) {
                QJsonObject section = sections[i].toObject();
                QJsonArray checks = section[QStringLiteral("checks")].toArray();
                for (qsizetype c = checks.size() - 1; c >= 0; --c) {
                    if (checks[c].toObject()[QStringLiteral("id")].toString() == remove) {
                        checks.removeAt(c);
                    }
                }
                if (i == 0 && !add.isEmpty()) {
                    checks.append(QJsonObject{{QStringLiteral("id"), add},
                                              {QStringLiteral("severity"), QStringLiteral("tip")},
                                              {QStringLiteral("title"), QStringLiteral("New")},
                                              {QStringLiteral("message"), QStringLiteral("New.")}});
                }
                section[QStringLiteral("checks")] = checks;
                sections[i] = section;
            }
            root[QStringLiteral("sections")] = sections;
        });
        QVERIFY2(definition.ok(), definition.ok() ? "" : qPrintable(definition.error().message));
        auto created = Checker::create(definition.value());
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::InvalidDefinition);
        QVERIFY2(created.error().message.contains(says), qPrintable(created.error().message));
        QVERIFY(!evaluate(definition.value(), demo(), TestUtil::today()).ok());
    }

    void unusableConstantsAreReported_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing-threshold")
            << QStringLiteral("parablesMin") << QJsonValue(QJsonValue::Undefined)
            << QStringLiteral("\u201cparablesMin\u201d must be a number");
        QTest::newRow("negative-threshold")
            << QStringLiteral("danceMaxWords") << QJsonValue(-1)
            << QStringLiteral("\u201cdanceMaxWords\u201d must be a number");
        QTest::newRow("words-not-a-list")
            << QStringLiteral("hedgeWords") << QJsonValue(QStringLiteral("maybe"))
            << QStringLiteral("\u201chedgeWords\u201d must be a list");
        QTest::newRow("bad-pattern")
            << QStringLiteral("futurePatterns") << QJsonValue(QJsonArray{QStringLiteral("(by")})
            << QStringLiteral("\u201cfuturePatterns\u201d");
        QTest::newRow("missing-penalties")
            << QStringLiteral("scorePenalties") << QJsonValue(QJsonValue::Undefined)
            << QStringLiteral("\u201cscorePenalties.error\u201d");
    }

    void unusableConstantsAreReported()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, says);
        auto definition = editedDefinition([&](QJsonObject &root) {
            editConstants(root, [&](QJsonObject &constants) {
                if (value.isUndefined()) {
                    constants.remove(key);
                } else {
                    constants[key] = value;
                }
            });
        });
        QVERIFY(definition.ok());
        auto created = Checker::create(definition.value());
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::InvalidDefinition);
        QVERIFY2(created.error().message.contains(says), qPrintable(created.error().message));
    }

    void thresholdsAndWordListsComeFromTheDefinition()
    {
        auto definition = editedDefinition([](QJsonObject &root) {
            editConstants(root, [](QJsonObject &constants) {
                constants[QStringLiteral("parablesMin")] = 4;
                constants[QStringLiteral("improvementWords")] = QJsonArray{QStringLiteral("next")};
                constants[QStringLiteral("criticalMass")] = 10;
                constants[QStringLiteral("fanMetricTerms")] =
                    QJsonArray{QStringLiteral("subscriber")};
            });
        });
        QVERIFY(definition.ok());
        auto created = Checker::create(definition.value());
        QVERIFY(created.ok());
        const Readiness readiness = created->evaluate(demo(), TestUtil::today());
        QVERIFY(readiness.finding(QStringLiteral("AC-C1"))); // 3 parables < 4
        QVERIFY(readiness.finding(QStringLiteral("CA-C1"))); // "The next thing..."
        QCOMPARE(readiness.figures.suggestedStage, QStringLiteral("momentum")); // 12 rows ≥ 10
        QVERIFY(!readiness.finding(QStringLiteral("AP-C5")));                   // "Subscribers"
    }

    void demoYieldsExactlyTheExpectedFindings()
    {
        const Readiness readiness = checker().evaluate(demo(), TestUtil::today());
        QCOMPARE(ids(readiness.findings),
                 (QStringList{QStringLiteral("TB-C3"), QStringLiteral("MS-C6")}));
        const Finding &money = readiness.findings.at(0);
        QCOMPARE(money.severity, Severity::Tip);
        QCOMPARE(money.sectionId, QStringLiteral("true-believers"));
        QCOMPARE(
            money.message,
            QStringLiteral("They must be both willing and able to pay. Test it before you build."));
        QCOMPARE(money.title, QStringLiteral("Money doubt"));
        QVERIFY(!money.why.isEmpty());
        QCOMPARE(money.fields, QStringList{QStringLiteral("TB8")});
        const Finding &gap = readiness.findings.at(1);
        QCOMPARE(gap.severity, Severity::Tip);
        QCOMPARE(gap.sectionId, QStringLiteral("movement-stages"));
        QCOMPARE(gap.message, QStringLiteral("You need 800 true fans. 762 to go."));
        QVERIFY(!readiness.hasErrors());
        QCOMPARE(readiness.count(Severity::Tip), 2);
        QCOMPARE(readiness.count(Severity::Warning), 0);
    }

    void demoFigures()
    {
        const Figures figures = checker().figures(demo());
        QCOMPARE(figures.fansNeeded, std::optional<int>(800));
        QCOMPARE(figures.gap, std::optional<int>(762));
        QCOMPARE(figures.trueFans, 38);
        QCOMPARE(figures.followerCount, 12);
        QCOMPARE(figures.trueFansInLog, 6);
        QCOMPARE(figures.suggestedStage, QStringLiteral("crowd"));
        QCOMPARE(figures.suggestedStageLabel, QStringLiteral("Crowd (second follower)"));
        QCOMPARE(figures.stage, QStringLiteral("crowd"));
        const TextStats mini =
            checker().textStats(demo().values.value(QStringLiteral("TL1")).toString());
        QCOMPARE(mini.words, 27);
        QCOMPARE(mini.sentences, 4);
        QCOMPARE(checker().textStats(demo().values.value(QStringLiteral("TL4")).toString()).words,
                 112);
    }

    void suggestedStageFollowsTheLog_data()
    {
        QTest::addColumn<int>("followers");
        QTest::addColumn<QString>("stage");
        QTest::newRow("none") << 0 << QStringLiteral("lone-nut");
        QTest::newRow("one") << 1 << QStringLiteral("first-follower");
        QTest::newRow("two") << 2 << QStringLiteral("crowd");
        QTest::newRow("twenty-nine") << 29 << QStringLiteral("crowd");
        QTest::newRow("thirty") << 30 << QStringLiteral("momentum");
        QTest::newRow("three-hundred") << 300 << QStringLiteral("momentum");
    }

    void suggestedStageFollowsTheLog()
    {
        QFETCH(int, followers);
        QFETCH(QString, stage);
        WorkbookContent content = demo();
        rows("MS12", followerLog(followers))(content);
        content.values.remove(QStringLiteral("MS1"));
        const Figures figures = checker().figures(content);
        QCOMPARE(figures.followerCount, followers);
        QCOMPARE(figures.suggestedStage, stage);
        QCOMPARE(figures.stage, stage); // unanswered MS1: the log's stage stands in
    }

    void fansNeededNeedsAnIncome()
    {
        WorkbookContent content = demo();
        content.values.remove(QStringLiteral("MS10.targetIncome"));
        const Figures figures = checker().figures(content);
        QVERIFY(!figures.fansNeeded);
        QVERIFY(!figures.gap);
        content.values.insert(QStringLiteral("MS10.targetIncome"), 60000.0);
        content.values.insert(QStringLiteral("MS10.teamSize"), 3.0);
        content.values.insert(QStringLiteral("MS10.profitPerFan"), 100.0);
        QCOMPARE(checker().figures(content).fansNeeded, std::optional<int>(1800));
        QCOMPARE(checker().figures(content).gap, std::optional<int>(1762));
    }

    void check_data()
    {
        QTest::addColumn<QString>("check");
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<bool>("fires");
        QTest::addColumn<int>("severity"); // -1: the definition's
        QTest::addColumn<QString>("message");
        for (const CheckRow &row : checkRows()) {
            QTest::newRow(qPrintable(row.tag))
                << row.check << row.edit << row.fires << (row.severity ? int(*row.severity) : -1)
                << row.message;
        }
    }

    void check()
    {
        QFETCH(QString, check);
        QFETCH(Edit, edit);
        QFETCH(bool, fires);
        QFETCH(int, severity);
        QFETCH(QString, message);
        WorkbookContent content = demo();
        edit(content);
        const Readiness readiness = checker().evaluate(content, TestUtil::today());
        const Finding *finding = readiness.finding(check);
        QVERIFY2(bool(finding) == fires, qPrintable(ids(readiness.findings).join(u' ')));
        if (!finding) {
            return;
        }
        const Check *defined = TestUtil::definition().check(check);
        QVERIFY(defined);
        QCOMPARE(finding->severity, severity < 0 ? defined->severity : Severity(severity));
        QCOMPARE(finding->message, message.isEmpty() ? defined->message : message);
        QVERIFY2(!finding->message.contains(u'{'), qPrintable(finding->message));
        QCOMPARE(finding->title, defined->title);
        QCOMPARE(finding->sectionId, defined->sectionId);
        QCOMPARE(finding->fields, defined->fields);
    }

    void everyCheckHasPassingAndFailingRows()
    {
        QSet<QString> fired;
        QSet<QString> passed;
        for (const CheckRow &row : checkRows()) {
            (row.fires ? fired : passed).insert(row.check);
        }
        for (const QString &id : Checker::implementedCheckIds()) {
            QVERIFY2(fired.contains(id), qPrintable(id + QStringLiteral(" has no failing row")));
            QVERIFY2(passed.contains(id), qPrintable(id + QStringLiteral(" has no passing row")));
        }
    }

    void findingsFollowDefinitionOrder()
    {
        WorkbookContent content = demo();
        clear("AC5")(content); // AC-C2 warning
        clear("TB9")(content); // TB-C6 error
        clear("AP5")(content); // AP-C5 tip
        clear("MS4")(content); // MS-C2 warning
        const Readiness readiness = checker().evaluate(content, TestUtil::today());
        QCOMPARE(ids(readiness.findings),
                 (QStringList{QStringLiteral("AC-C2"),
                              QStringLiteral("TB-C3"),
                              QStringLiteral("TB-C6"),
                              QStringLiteral("MS-C2"),
                              QStringLiteral("MS-C6"),
                              QStringLiteral("AP-C4"),
                              QStringLiteral("AP-C5")}));
        QVERIFY(readiness.hasErrors());
        QCOMPARE(ids(readiness.findingsIn(QStringLiteral("true-believers"))),
                 (QStringList{QStringLiteral("TB-C3"), QStringLiteral("TB-C6")}));
        QCOMPARE(ids(readiness.findingsFor(QStringLiteral("MS10.targetIncome"))),
                 QStringList{QStringLiteral("MS-C6")});
        QCOMPARE(ids(readiness.findingsFor(QStringLiteral("TB8.willing"))),
                 QStringList{QStringLiteral("TB-C3")});
        QCOMPARE(ids(readiness.findingsFor(QStringLiteral("MS9"))),
                 QStringList{QStringLiteral("MS-C6")});
        QVERIFY(readiness.findingsFor(QStringLiteral("TB9")).size() == 1);
        QVERIFY(readiness.findingsFor(QStringLiteral("CA1")).isEmpty());
    }

    void demoScore()
    {
        const Readiness readiness = checker().evaluate(demo(), TestUtil::today());
        QCOMPARE(readiness.sections.size(), 7);
        for (const SectionReadiness &section : readiness.sections) {
            QCOMPARE(section.filledFields, section.totalFields); // the demo fills every field
            const bool hasTip = section.sectionId == QLatin1String("true-believers")
                                || section.sectionId == QLatin1String("movement-stages");
            QCOMPARE(section.score, hasTip ? 95 : 100);
            QCOMPARE(section.tips, hasTip ? 1 : 0);
        }
        QCOMPARE(readiness.score, 99); // (5 × 100 + 2 × 95) ÷ 7 = 98.6
    }

    void scoreWeighsErrorsMostAndTipsLeast()
    {
        const Checker c = checker();
        auto section = [&](const Edit &edit, const char *sectionId) {
            WorkbookContent content = demo();
            edit(content);
            return *c.evaluate(content, TestUtil::today()).section(s(sectionId));
        };
        // One finding in an otherwise complete Cause: 100 minus its weight.
        QCOMPARE(section(set("CA2", s("More freedom")), "cause").score, 85);            // warning
        QCOMPARE(section(set("CA1", s("Engineers own products.")), "cause").score, 95); // tip
        // An error, and the field it is about now empty: completion × (100 − 40).
        const SectionReadiness market =
            section(all({set("TB8.willing", s("yes")), clear("TB9")}), "true-believers");
        QCOMPARE(market.errors, 1);
        QCOMPARE(market.warnings + market.tips, 0);
        QCOMPARE(market.filledFields, market.totalFields - 1);
        QCOMPARE(market.score, int(std::lround(market.completion() * 60)));
        // Penalties add up and stop at zero: 3 warnings, 4 tips and an error.
        const SectionReadiness cause = section(all({clear("CA1"),
                                                    set("CA4", s("We are crew")),
                                                    clear("CA5.story"),
                                                    clear("CA6"),
                                                    clear("CA7"),
                                                    clear("CA8"),
                                                    clear("CA10")}),
                                               "cause");
        QCOMPARE(cause.errors, 1);
        QCOMPARE(cause.warnings, 3);
        QCOMPARE(cause.tips, 4);
        QCOMPARE(cause.score, 0);
    }

    void unfilledSectionsAreNotReady()
    {
        const Readiness blank = checker().evaluate(WorkbookContent{}, TestUtil::today());
        QCOMPARE(blank.score, 0);
        for (const SectionReadiness &section : blank.sections) {
            QCOMPARE(section.filledFields, 0);
            QCOMPARE(section.score, 0);
        }
        // Half a section without findings scores half.
        WorkbookContent content = demo();
        for (const char *id : {"NO1", "NO2", "NO5", "NO9", "NO10.frontPrice", "NO11"}) {
            clear(id)(content);
        }
        const Readiness readiness = checker().evaluate(content, TestUtil::today());
        const SectionReadiness *offer = readiness.section(QStringLiteral("new-opportunity"));
        QVERIFY(offer);
        QCOMPARE(offer->totalFields, 15);
        QCOMPARE(offer->filledFields, 9);
        QCOMPARE(offer->warnings + offer->errors + offer->tips, 0);
        QCOMPARE(offer->score, 60);
    }

    void workbookAndContentGiveTheSameReadiness()
    {
        QTemporaryDir dir;
        auto workbook = TestUtil::createDemo(dir.filePath(QStringLiteral("demo.rallybook")));
        QVERIFY(workbook);
        const Checker c = checker();
        const Readiness fromFile = c.evaluate(*workbook, TestUtil::today());
        const Readiness fromContent = c.evaluate(demo(), TestUtil::today());
        QCOMPARE(fromFile.findings, fromContent.findings);
        QCOMPARE(fromFile.score, fromContent.score);
        QCOMPARE(fromFile.figures, fromContent.figures);
        // An edit shows at once, and evaluating twice gives the same answer.
        QVERIFY(workbook->setValue(QStringLiteral("TB8.willing"), QStringLiteral("yes")).ok());
        QVERIFY(!c.evaluate(*workbook, TestUtil::today()).finding(QStringLiteral("TB-C3")));
        QCOMPARE(c.evaluate(*workbook, TestUtil::today()).findings,
                 c.evaluate(*workbook, TestUtil::today()).findings);
    }

    void todayIsAnInput()
    {
        const Checker c = checker();
        const WorkbookContent content = demo(); // outreach dated today + 14
        QVERIFY(!c.evaluate(content, TestUtil::today()).finding(QStringLiteral("AP-C3")));
        QVERIFY(
            !c.evaluate(content, TestUtil::today().addDays(44)).finding(QStringLiteral("AP-C3")));
        QVERIFY(
            c.evaluate(content, TestUtil::today().addDays(45)).finding(QStringLiteral("AP-C3")));
        QVERIFY(
            c.evaluate(content, TestUtil::today().addDays(-17)).finding(QStringLiteral("AP-C3")));
    }
};

QTEST_GUILESS_MAIN(TestChecks)
#include "tst_checks.moc"
