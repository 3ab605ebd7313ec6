// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/definition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Rallybook::Core;

/** The framework definition: the shipped one is complete, and broken ones are refused. */
class TestDefinition : public QObject
{
    Q_OBJECT

private:
    static QJsonObject minimal()
    {
        return QJsonDocument::fromJson(R"({
            "format": "rallybook-framework", "formatVersion": 1, "id": "t", "version": 1,
            "title": "Test",
            "sections": [
              {"id": "one", "code": "O", "title": "One", "fields": [
                {"id": "O1", "label": "Name", "type": "text", "question": "Who?"},
                {"id": "O2", "label": "Kind", "type": "choice", "question": "Which?",
                 "choices": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]},
                {"id": "O3", "label": "Rows", "type": "list", "question": "What?",
                 "columns": [{"id": "c", "label": "C", "type": "text"}]},
                {"id": "O4", "label": "Parts", "type": "group", "question": "How?",
                 "parts": [{"id": "p", "label": "P", "type": "longtext"}]}
              ],
              "checks": [{"id": "O-C1", "severity": "tip", "title": "T", "message": "M",
                          "fields": ["O4.p"]}]}
            ]})")
            .object();
    }

    static QByteArray bytes(const QJsonObject &object) { return QJsonDocument(object).toJson(); }

    /** Applies `edit` to the first section's field `index` of the minimal definition. */
    template<typename Edit>
    static QByteArray withField(int index, Edit edit)
    {
        QJsonObject root = minimal();
        QJsonArray sections = root[QStringLiteral("sections")].toArray();
        QJsonObject section = sections[0].toObject();
        QJsonArray fields = section[QStringLiteral("fields")].toArray();
        QJsonObject field = fields[index].toObject();
        edit(field, fields);
        if (index < fields.size()) {
            fields[index] = field;
        }
        section[QStringLiteral("fields")] = fields;
        sections[0] = section;
        root[QStringLiteral("sections")] = sections;
        return bytes(root);
    }

private slots:
    void standardDefinitionHasTheSevenSections()
    {
        auto loaded = Definition::standard();
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        const Definition &definition = loaded.value();
        QCOMPARE(definition.id(), QStringLiteral("movement"));
        const QStringList codes{QStringLiteral("AC"),
                                QStringLiteral("TB"),
                                QStringLiteral("CA"),
                                QStringLiteral("TL"),
                                QStringLiteral("NO"),
                                QStringLiteral("MS"),
                                QStringLiteral("AP")};
        QCOMPARE(definition.sections().size(), codes.size());
        for (int i = 0; i < codes.size(); ++i) {
            QCOMPARE(definition.sections().at(i).code, codes.at(i));
            QVERIFY(!definition.sections().at(i).title.isEmpty());
        }
    }

    void standardDefinitionHasEveryFieldAndCheckOfTheSpec_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("fields");
        QTest::addColumn<int>("checks");
        // Field and check counts of DOMAIN.md §1-§7.
        QTest::newRow("AC") << "AC" << 10 << 7;
        QTest::newRow("TB") << "TB" << 11 << 6;
        QTest::newRow("CA") << "CA" << 10 << 9;
        QTest::newRow("TL") << "TL" << 7 << 7;
        QTest::newRow("NO") << "NO" << 11 << 7;
        QTest::newRow("MS") << "MS" << 12 << 9;
        QTest::newRow("AP") << "AP" << 6 << 5;
    }

    void standardDefinitionHasEveryFieldAndCheckOfTheSpec()
    {
        QFETCH(QString, code);
        QFETCH(int, fields);
        QFETCH(int, checks);
        const Definition definition = Definition::standard().value();
        const Section *section = nullptr;
        for (const Section &s : definition.sections()) {
            if (s.code == code) {
                section = &s;
            }
        }
        QVERIFY(section);
        QCOMPARE(section->fields.size(), fields);
        QCOMPARE(section->checks.size(), checks);
        for (int i = 1; i <= fields; ++i) {
            const QString id = code + QString::number(i);
            const Field *field = definition.field(id);
            QVERIFY2(field, qPrintable(id));
            QVERIFY2(!field->label.isEmpty(), qPrintable(id));
            QVERIFY2(!field->question.isEmpty(), qPrintable(id));
            QCOMPARE(definition.sectionOf(id), section);
        }
        for (int i = 1; i <= checks; ++i) {
            const QString id = code + QStringLiteral("-C") + QString::number(i);
            const Check *check = definition.check(id);
            QVERIFY2(check, qPrintable(id));
            QVERIFY2(!check->message.isEmpty(), qPrintable(id));
        }
    }

    void wizardPagesHoldEveryFieldOnce()
    {
        const Definition definition = Definition::standard().value();
        int pages = 0;
        for (const Section &section : definition.sections()) {
            QStringList onPages;
            for (const WizardPage &page : section.wizard) {
                QVERIFY(!page.title.isEmpty());
                QVERIFY2(page.text.size() > 40, qPrintable(page.id)); // a real explanation
                QVERIFY(page.fields.size() <= 4);                     // never a wall of fields
                onPages += page.fields;
                ++pages;
            }
            QStringList fields;
            for (const Field &field : section.fields) {
                fields.append(field.id);
            }
            // Every field exactly once; a page may take them in its own order.
            onPages.sort();
            fields.sort();
            QCOMPARE(onPages, fields);
        }
        QCOMPARE(pages, 30);
        QCOMPARE(definition.introIngredients().size(), 3);
        QVERIFY(!definition.introDuration().isEmpty());
    }

    void groupPartsAreAddressedByGroupAndPartId()
    {
        const Definition definition = Definition::standard().value();
        const Field *origin = definition.field(QStringLiteral("AC9"));
        QVERIFY(origin);
        QCOMPARE(origin->type, FieldType::Group);
        QCOMPARE(origin->parts.size(), 5);
        const Field *part = definition.field(origin->parts.first().id);
        QVERIFY(part);
        QVERIFY(part->id.startsWith(QLatin1String("AC9.")));
        QCOMPARE(part->type, FieldType::LongText);
        QVERIFY(!definition.storedFields().contains(origin));
        QVERIFY(definition.storedFields().contains(part));
    }

    void minimalDefinitionLoads()
    {
        auto loaded = Definition::fromJson(bytes(minimal()), QStringLiteral("t.json"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        QCOMPARE(loaded->storedFields().size(), 4);
        QVERIFY(loaded->field(QStringLiteral("O4.p")));
    }

    void brokenDefinitionIsRefusedNamingThePlace_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");

        QTest::newRow("unknown-type") << withField(0, [](QJsonObject &f, QJsonArray &) {
            f[QStringLiteral("type")] = QStringLiteral("paragraph");
        }) << "sections[0] (one).fields[0] (O1): unknown field type \"paragraph\"";
        QTest::newRow("duplicate-id") << withField(1, [](QJsonObject &f, QJsonArray &) {
            f[QStringLiteral("id")] = QStringLiteral("O1");
        }) << "sections[0] (one).fields[1] (O1): duplicate id \"O1\"";
        QTest::newRow("missing-label") << withField(2, [](QJsonObject &f, QJsonArray &) {
            f.remove(QStringLiteral("label"));
        }) << "sections[0] (one).fields[2] (O3): missing \"label\"";
        QTest::newRow("empty-label") << withField(0, [](QJsonObject &f, QJsonArray &) {
            f[QStringLiteral("label")] = QStringLiteral("  ");
        }) << "sections[0] (one).fields[0] (O1): \"label\" must not be empty";
        QTest::newRow("column-missing-label") << withField(2, [](QJsonObject &f, QJsonArray &) {
            f[QStringLiteral("columns")] =
                QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("c")},
                                       {QStringLiteral("type"), QStringLiteral("text")}}};
        }) << "sections[0] (one).fields[2] (O3).columns[0] (c): missing \"label\"";
        QTest::newRow("duplicate-choice") << withField(1, [](QJsonObject &f, QJsonArray &) {
            f[QStringLiteral("choices")] =
                QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                                       {QStringLiteral("label"), QStringLiteral("A")}},
                           QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                                       {QStringLiteral("label"), QStringLiteral("B")}}};
        }) << "sections[0] (one).fields[1] (O2).choices[1]: duplicate id \"a\"";
        QTest::newRow("unknown-key") << withField(0, [](QJsonObject &f, QJsonArray &) {
            f[QStringLiteral("lable")] = QStringLiteral("x");
        }) << "sections[0] (one).fields[0] (O1): unknown key \"lable\"";
        QTest::newRow("nested-group") << withField(3, [](QJsonObject &f, QJsonArray &) {
            f[QStringLiteral("parts")] =
                QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("g")},
                                       {QStringLiteral("label"), QStringLiteral("G")},
                                       {QStringLiteral("type"), QStringLiteral("group")}}};
        }) << "sections[0] (one).fields[3] (O4).parts[0] (g): a group cannot hold another group";
        QTest::newRow("check-on-unknown-field") << [] {
            QJsonObject root = minimal();
            QJsonArray sections = root[QStringLiteral("sections")].toArray();
            QJsonObject section = sections[0].toObject();
            section[QStringLiteral("checks")] = QJsonArray{
                QJsonObject{{QStringLiteral("id"), QStringLiteral("O-C1")},
                            {QStringLiteral("severity"), QStringLiteral("tip")},
                            {QStringLiteral("title"), QStringLiteral("T")},
                            {QStringLiteral("message"), QStringLiteral("M")},
                            {QStringLiteral("fields"), QJsonArray{QStringLiteral("O9")}}}};
            sections[0] = section;
            root[QStringLiteral("sections")] = sections;
            return bytes(root);
        }() << "check O-C1: unknown field \"O9\"";
        QTest::newRow("wizard-field-twice") << [] {
            QJsonObject root = minimal();
            QJsonArray sections = root[QStringLiteral("sections")].toArray();
            QJsonObject section = sections[0].toObject();
            section[QStringLiteral("wizard")] =
                QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                                       {QStringLiteral("title"), QStringLiteral("A")},
                                       {QStringLiteral("text"), QStringLiteral("T")},
                                       {QStringLiteral("fields"),
                                        QJsonArray{QStringLiteral("O1"), QStringLiteral("O2")}}},
                           QJsonObject{{QStringLiteral("id"), QStringLiteral("b")},
                                       {QStringLiteral("title"), QStringLiteral("B")},
                                       {QStringLiteral("text"), QStringLiteral("T")},
                                       {QStringLiteral("fields"),
                                        QJsonArray{QStringLiteral("O2"),
                                                   QStringLiteral("O3"),
                                                   QStringLiteral("O4")}}}};
            sections[0] = section;
            root[QStringLiteral("sections")] = sections;
            return bytes(root);
        }() << "sections[0] (one).wizard[1]: \"O2\" is already on the page \"a\"";
        QTest::newRow("wizard-field-missing") << [] {
            QJsonObject root = minimal();
            QJsonArray sections = root[QStringLiteral("sections")].toArray();
            QJsonObject section = sections[0].toObject();
            section[QStringLiteral("wizard")] = QJsonArray{QJsonObject{
                {QStringLiteral("id"), QStringLiteral("a")},
                {QStringLiteral("title"), QStringLiteral("A")},
                {QStringLiteral("text"), QStringLiteral("T")},
                {QStringLiteral("fields"),
                 QJsonArray{QStringLiteral("O1"), QStringLiteral("O2"), QStringLiteral("O3")}}}};
            sections[0] = section;
            root[QStringLiteral("sections")] = sections;
            return bytes(root);
        }() << "sections[0] (one).wizard: the field \"O4\" is on no page";
        QTest::newRow("not-json") << QByteArray("{\n  \"format\": ,\n}")
                                  << "illegal value at line 2, column 13";
    }

    void brokenDefinitionIsRefusedNamingThePlace()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto loaded = Definition::fromJson(json, QStringLiteral("broken.json"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::InvalidDefinition);
        QVERIFY2(loaded.error().message.contains(expected), qPrintable(loaded.error().message));
        QVERIFY2(loaded.error().message.contains(QLatin1String("broken.json")),
                 qPrintable(loaded.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDefinition)
#include "tst_definition.moc"
