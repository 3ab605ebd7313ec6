// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/checkkinds.h"
#include "core/checks.h"
#include "core/workbookjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>

#include "checkrows.h"
#include "testutil.h"

using namespace Rallybook::Core;
using namespace CheckRows;

namespace {

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

Q_DECLARE_METATYPE(CheckRows::CheckRow)

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

    /** The demo with `edit` applied; the names it uses must resolve. */
    static WorkbookContent edited(const Edit &edit, const char *check = "")
    {
        WorkbookContent content = demo();
        Names names{TestUtil::definition(), QString::fromLatin1(check), {}};
        edit(content, names);
        if (!names.errors.isEmpty()) {
            qWarning("%s", qPrintable(names.errors.join(QStringLiteral("; "))));
        }
        return content;
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
    void init()
    {
        // A name in a row or an edit that does not resolve warns, and so fails the test.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }

    void everyKindOfCheckIsImplemented()
    {
        QStringList kinds;
        for (const Kind &kind : Kinds::checks()) {
            kinds.append(QLatin1String(kind.name));
        }
        QStringList implemented = Checker::implementedKinds();
        implemented.sort();
        kinds.sort();
        QCOMPARE(implemented, kinds);
        auto created = Checker::create(TestUtil::definition());
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    }

    void everyCheckHasAKind()
    {
        for (const Section &section : TestUtil::definition().sections()) {
            for (const Check &check : section.checks) {
                QVERIFY2(Kinds::check(check.kind), qPrintable(check.id));
            }
        }
    }

    void unusableConstantsAreReported_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing-threshold")
            << QStringLiteral("parablesMin") << QJsonValue(QJsonValue::Undefined)
            << QStringLiteral("\u201cparablesMin\u201d must be a number from 0 (AC-C1, input "
                              "\u201cmin\u201d)");
        QTest::newRow("negative-threshold")
            << QStringLiteral("danceMaxWords") << QJsonValue(-1)
            << QStringLiteral("\u201cdanceMaxWords\u201d must be a number from 0 (MS-C1, input "
                              "\u201cmaxWords\u201d)");
        QTest::newRow("words-not-a-list")
            << QStringLiteral("hedgeWords") << QJsonValue(QStringLiteral("maybe"))
            << QStringLiteral("\u201chedgeWords\u201d must be a list of words (AC-C3, input "
                              "\u201cwords\u201d)");
        QTest::newRow("bad-pattern")
            << QStringLiteral("futurePatterns") << QJsonValue(QJsonArray{QStringLiteral("(by")})
            << QStringLiteral("\u201cfuturePatterns\u201d (CA-C2, input \u201cwords\u201d)");
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
        const Definition definition = TestUtil::definition();
        const TextStats mini = checker().textStats(
            demo().values.value(definition.idFor(Role::MiniManifesto)).toString());
        QCOMPARE(mini.words, 27);
        QCOMPARE(mini.sentences, 4);
        QCOMPARE(
            checker()
                .textStats(demo().values.value(definition.idFor(Role::ManifestoBody)).toString())
                .words,
            112);
    }

    void suggestedStageFollowsTheLog_data()
    {
        QTest::addColumn<int>("followerCount");
        QTest::addColumn<QString>("suggested");
        QTest::newRow("none") << 0 << QStringLiteral("lone-nut");
        QTest::newRow("one") << 1 << QStringLiteral("first-follower");
        QTest::newRow("two") << 2 << QStringLiteral("crowd");
        QTest::newRow("twenty-nine") << 29 << QStringLiteral("crowd");
        QTest::newRow("thirty") << 30 << QStringLiteral("momentum");
        QTest::newRow("three-hundred") << 300 << QStringLiteral("momentum");
    }

    void suggestedStageFollowsTheLog()
    {
        QFETCH(int, followerCount);
        QFETCH(QString, suggested);
        const WorkbookContent content = edited(all({followers(followerCount), clear(stage())}));
        const Figures figures = checker().figures(content);
        QCOMPARE(figures.followerCount, followerCount);
        QCOMPARE(figures.suggestedStage, suggested);
        QCOMPARE(figures.stage, suggested); // an unanswered stage: the log's stands in
    }

    void fansNeededNeedsAnIncome()
    {
        const Figures none = checker().figures(edited(clear(fig("fansNeeded", "income"))));
        QVERIFY(!none.fansNeeded);
        QVERIFY(!none.gap);
        const Figures figures =
            checker().figures(edited(all({set(fig("fansNeeded", "income"), 60000.0),
                                          set(fig("fansNeeded", "team"), 3.0),
                                          set(fig("fansNeeded", "profit"), 100.0)})));
        QCOMPARE(figures.fansNeeded, std::optional<int>(1800));
        QCOMPARE(figures.gap, std::optional<int>(1762));
    }

    void check_data()
    {
        QTest::addColumn<CheckRow>("row");
        for (const CheckRow &row : checkRows(TestUtil::today())) {
            QTest::newRow(qPrintable(row.tag)) << row;
        }
    }

    void check()
    {
        QFETCH(CheckRow, row);
        const QString failure = verify(checker(), demo(), row, TestUtil::today());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void everyCheckHasPassingAndFailingRows()
    {
        QSet<QString> fired;
        QSet<QString> passed;
        for (const CheckRow &row : checkRows(TestUtil::today())) {
            (row.fires ? fired : passed).insert(row.check);
        }
        for (const Section &section : TestUtil::definition().sections()) {
            for (const Check &check : section.checks) {
                QVERIFY2(fired.contains(check.id),
                         qPrintable(check.id + QStringLiteral(" has no failing row")));
                QVERIFY2(passed.contains(check.id),
                         qPrintable(check.id + QStringLiteral(" has no passing row")));
            }
        }
    }

    void findingsFollowDefinitionOrder()
    {
        const WorkbookContent content = edited(all({
            clear(in("AC-C2", "fields")),         // AC-C2 warning
            clear(in("TB-C6", "fields")),         // TB-C6 error
            clear(listOf(in("AP-C5", "column"))), // AP-C5 tip
            clear(in("MS-C2", "fields")),         // MS-C2 warning
        }));
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
        // A finding is about its fields, a group's parts and a part's group.
        const Definition definition = TestUtil::definition();
        const Field *economics = definition.fieldFor(Role::FanEconomics);
        QCOMPARE(ids(readiness.findingsFor(economics->parts.first().id)),
                 QStringList{QStringLiteral("MS-C6")});
        QCOMPARE(
            ids(readiness.findingsFor(
                definition.check(QStringLiteral("TB-C3"))->inputs.find(u"fields")->field()->id)),
            QStringList{QStringLiteral("TB-C3")});
        QCOMPARE(ids(readiness.findingsFor(definition.idFor(Role::FanRings))),
                 QStringList{QStringLiteral("MS-C6")});
        QCOMPARE(
            readiness.findingsFor(definition.check(QStringLiteral("TB-C6"))->fields.first()).size(),
            1);
        QVERIFY(readiness.findingsFor(definition.check(QStringLiteral("CA-C2"))->fields.first())
                    .isEmpty());
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
            return *c.evaluate(edited(edit), TestUtil::today()).section(s(sectionId));
        };
        // One finding in an otherwise complete Cause: 100 minus its weight.
        QCOMPARE(section(set(in("CA-C1", "fields"), s("More freedom")), "cause").score,
                 85); // warning
        QCOMPARE(section(set(in("CA-C2", "field"), s("Engineers own products.")), "cause").score,
                 95); // tip
        // An error, and the field it is about now empty: completion × (100 − 40).
        const SectionReadiness market =
            section(all({set(in("TB-C3", "fields", 0), s("yes")), clear(in("TB-C6", "fields"))}),
                    "true-believers");
        QCOMPARE(market.errors, 1);
        QCOMPARE(market.warnings + market.tips, 0);
        QCOMPARE(market.filledFields, market.totalFields - 1);
        QCOMPARE(market.score, int(std::lround(market.completion() * 60)));
        // Penalties add up and stop at zero: 3 warnings, 4 tips and an error.
        const SectionReadiness cause = section(all({clear(in("CA-C2", "field")),
                                                    set(in("CA-C3", "field"), s("We are crew")),
                                                    clear(in("CA-C5", "fields")),
                                                    clear(in("CA-C6", "fields")),
                                                    clear(in("CA-C7", "fields")),
                                                    clear(in("CA-C8", "fields")),
                                                    clear(in("CA-C9", "fields", 1))}),
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
        // A section with some of its stored fields emptied, and no finding, scores that share.
        const Definition definition = TestUtil::definition();
        const Section *offer = definition.section(QStringLiteral("new-opportunity"));
        QVERIFY(offer);
        QSet<QString> checked; // what the section's checks read stays, so that none fires
        for (const Check &check : offer->checks) {
            for (const Input &input : check.inputs.list) {
                for (const Field *field : input.fields) {
                    checked.insert(field->id);
                }
                for (const Field *list : input.lists) {
                    checked.insert(list->id);
                }
            }
        }
        WorkbookContent content = demo();
        int total = 0;
        int emptied = 0;
        for (const Field *field : definition.storedFields()) {
            if (definition.sectionOf(field->id) != offer) {
                continue;
            }
            ++total;
            if (!checked.contains(field->id)) {
                content.values.remove(field->id);
                content.lists.remove(field->id);
                ++emptied;
            }
        }
        QVERIFY(emptied > 0);
        const Readiness readiness = checker().evaluate(content, TestUtil::today());
        const SectionReadiness *ready = readiness.section(offer->id);
        QVERIFY(ready);
        QCOMPARE(ready->totalFields, total);
        QCOMPARE(ready->filledFields, total - emptied);
        QCOMPARE(ready->warnings + ready->errors + ready->tips, 0);
        QCOMPARE(ready->score, int(std::lround(100.0 * (total - emptied) / total)));
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
