// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/value.h"
#include "core/workbookjson.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "tests/core/testutil.h"

using namespace Rallybook::Core;

/** JSON interchange and the Shipwrights demo workbook. */
class TestWorkbookJson : public QObject
{
    Q_OBJECT

private slots:
    void demoFillsEveryField()
    {
        const Definition definition = TestUtil::definition();
        auto content = WorkbookJson::demoContent(definition, TestUtil::today());
        QVERIFY2(content.ok(), content.ok() ? "" : qPrintable(content.error().message));
        QCOMPARE(content->name, QStringLiteral("Shipwrights"));
        for (const Field *field : definition.storedFields()) {
            if (field->type == FieldType::List) {
                QVERIFY2(!content->lists.value(field->id).isEmpty(), qPrintable(field->id));
            } else {
                QVERIFY2(!Values::isEmpty(content->values.value(field->id)), qPrintable(field->id));
            }
        }
        QCOMPARE(content->values.value(QStringLiteral("AC1")).toString(),
                 QStringLiteral("Dana Okafor"));
        QCOMPARE(content->values.value(QStringLiteral("CA3")).toString(),
                 QStringLiteral("Shipwrights"));
    }

    void demoDatesAreRelativeToItsCreation()
    {
        const Definition definition = TestUtil::definition();
        auto content = WorkbookJson::demoContent(definition, TestUtil::today());
        QVERIFY(content.ok());
        // docs/content-rules.md, "The Shipwrights demo": the invitations go out within two weeks.
        const QList<ListRow> outreach = content->lists.value(QStringLiteral("AP3"));
        QVERIFY(!outreach.isEmpty());
        QCOMPARE(outreach.first().cells.value(QStringLiteral("date")).toString(),
                 TestUtil::today().addDays(14).toString(Qt::ISODate));
        auto later = WorkbookJson::demoContent(definition, TestUtil::today().addDays(100));
        QCOMPARE(later->lists.value(QStringLiteral("AP3"))
                     .first()
                     .cells.value(QStringLiteral("date"))
                     .toString(),
                 TestUtil::today().addDays(114).toString(Qt::ISODate));
    }

    void demoRoundTripIsLossless()
    {
        QTemporaryDir dir;
        const Definition definition = TestUtil::definition();
        auto demo = TestUtil::createDemo(dir.filePath(QStringLiteral("demo.rallybook")));
        QVERIFY(demo);
        const QString json = dir.filePath(QStringLiteral("demo.json"));
        QVERIFY(WorkbookJson::exportFile(*demo, json).ok());

        auto imported = WorkbookJson::importFile(
            json, dir.filePath(QStringLiteral("again.rallybook")), definition);
        QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
        WorkbookContent a = demo->content();
        WorkbookContent b = imported.value()->content();
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.values, a.values);
        QCOMPARE(b.lists.keys().size(), a.lists.keys().size());
        for (auto it = a.lists.constBegin(); it != a.lists.constEnd(); ++it) {
            const QList<ListRow> &other = b.lists.value(it.key());
            QCOMPARE(other.size(), it->size());
            for (int i = 0; i < other.size(); ++i) {
                QCOMPARE(other.at(i).cells, it->at(i).cells);
            }
        }
        const QString json2 = dir.filePath(QStringLiteral("again.json"));
        QVERIFY(WorkbookJson::exportFile(*imported.value(), json2).ok());
        QCOMPARE(TestUtil::readAll(json2), TestUtil::readAll(json));
    }

    void exportIsVersionedAndReadable()
    {
        QTemporaryDir dir;
        auto demo = TestUtil::createDemo(dir.filePath(QStringLiteral("demo.rallybook")));
        QVERIFY(demo);
        const QJsonObject root =
            QJsonDocument::fromJson(WorkbookJson::toJson(demo->definition(), demo->content()))
                .object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
                 QStringLiteral("rallybook-workbook"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), WorkbookJson::kFormatVersion);
        QCOMPARE(root.value(QStringLiteral("framework")).toString(), QStringLiteral("movement"));
        const QJsonObject values = root.value(QStringLiteral("values")).toObject();
        QCOMPARE(values.value(QStringLiteral("AC2")).toString(), QStringLiteral("reluctant-hero"));
        QVERIFY(values.value(QStringLiteral("AC9")).isObject());
        QVERIFY(values.value(QStringLiteral("AC4")).isArray());
    }

    void badJsonIsRefusedAndNothingIsWritten_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        const QByteArray head =
            R"("format": "rallybook-workbook", "version": 1, "framework": "movement")";
        QTest::newRow("not-json") << QByteArray(
            "{\n  \"format\": \"rallybook-workbook\",\n  \"version\": 1\n  \"values\": {}\n}")
                                  << "line 4, column 3";
        QTest::newRow("empty-file") << QByteArray() << "not valid JSON";
        QTest::newRow("top-level-array") << QByteArray("[1, 2]") << "not a JSON object";
        QTest::newRow("wrong-format") << QByteArray(R"({"format": "something-else", "version": 1})")
                                      << "not a Rallybook workbook export";
        QTest::newRow("newer-version") << QByteArray(
            R"({"format": "rallybook-workbook", "version": 2, "framework": "movement"})")
                                       << "format version 2";
        QTest::newRow("other-framework")
            << QByteArray(R"({"format": "rallybook-workbook", "version": 1, "framework": "diet"})")
            << "framework";
        QTest::newRow("unknown-field") << "{" + head + R"(, "values": {"AC1": "Dana", "XX7": "?"}})"
                                       << "values.XX7: unknown field";
        QTest::newRow("unknown-part") << "{" + head + R"(, "values": {"AC9": {"prologue": "?"}}})"
                                      << "values.AC9.prologue: unknown part";
        QTest::newRow("part-addressed-directly")
            << "{" + head + R"(, "values": {"AC9.backstory": "?"}})"
            << "values.AC9.backstory: unknown field";
        QTest::newRow("unknown-column")
            << "{" + head + R"(, "values": {"AC5": [{"flaw": "x", "colour": "red"}]}})"
            << "values.AC5[0].colour: unknown column";
        QTest::newRow("unknown-top-key") << "{" + head + R"(, "owner": "me"})"
                                         << "owner";
        QTest::newRow("number-as-text")
            << "{" + head + R"(, "values": {"MS9": {"trueFans": "38"}}})"
            << "values.MS9.trueFans: expected a number";
        QTest::newRow("unknown-choice") << "{" + head + R"(, "values": {"AC2": "emperor"}})"
                                        << "values.AC2";
        QTest::newRow("text-too-long")
            << "{" + head + ", \"values\": {\"AC1\": \"" + QByteArray(200, 'x') + "\"}}"
            << "longer than 120";
        QTest::newRow("bad-date") << "{" + head + R"(, "values": {"AP3": [{"date": "next week"}]}})"
                                  << "values.AP3[0].date";
        QTest::newRow("relative-date-outside-demo")
            << "{" + head + R"(, "values": {"AP3": [{"date": "{today+3}"}]}})"
            << "values.AP3[0].date";
    }

    void badJsonIsRefusedAndNothingIsWritten()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.json"));
        QVERIFY(TestUtil::writeAll(in, json));
        const QString out = dir.filePath(QStringLiteral("out.rallybook"));
        auto imported = WorkbookJson::importFile(in, out, TestUtil::definition());
        QVERIFY(!imported.ok());
        QCOMPARE(imported.error().code, ErrorCode::InvalidJson);
        QVERIFY2(imported.error().message.contains(says), qPrintable(imported.error().message));
        QVERIFY2(imported.error().message.contains(QStringLiteral("in.json")),
                 qPrintable(imported.error().message));
        QVERIFY2(imported.error().message.contains(QStringLiteral("Nothing was written")),
                 qPrintable(imported.error().message));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
                 QStringList{QStringLiteral("in.json")});
    }

    void exportRefusesASymbolicLink()
    {
        QTemporaryDir dir;
        auto demo = TestUtil::createDemo(dir.filePath(QStringLiteral("demo.rallybook")));
        QVERIFY(demo);
        const QString target = dir.filePath(QStringLiteral("elsewhere.txt"));
        QVERIFY(TestUtil::writeAll(target, "keep me"));
        const QString link = dir.filePath(QStringLiteral("link.json"));
        QVERIFY(QFile::link(target, link));
        QVERIFY(!WorkbookJson::exportFile(*demo, link).ok());
        QCOMPARE(TestUtil::readAll(target), QByteArray("keep me"));
    }
};

QTEST_GUILESS_MAIN(TestWorkbookJson)
#include "tst_workbookjson.moc"
