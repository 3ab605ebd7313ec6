// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/checkkinds.h"
#include "core/definition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
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
              "checks": [{"id": "O-C1", "kind": "required", "inputs": {"fields": ["O4.p"]},
                          "severity": "tip", "title": "T", "message": "M",
                          "fields": ["O4.p"]}]}
            ]})")
            .object();
    }

    static QByteArray bytes(const QJsonObject &object) { return QJsonDocument(object).toJson(); }

    /** The minimal definition with `edit` applied to its one section. */
    template<typename Edit>
    static QByteArray withSection(Edit edit)
    {
        QJsonObject root = minimal();
        QJsonArray sections = root[QStringLiteral("sections")].toArray();
        QJsonObject section = sections[0].toObject();
        edit(section);
        sections[0] = section;
        root[QStringLiteral("sections")] = sections;
        return bytes(root);
    }

    /** The minimal definition with its one check's kind and inputs replaced. */
    static QByteArray withCheck(const QString &kind, const QJsonObject &inputs)
    {
        return withSection([&](QJsonObject &section) {
            QJsonArray checks = section[QStringLiteral("checks")].toArray();
            QJsonObject check = checks[0].toObject();
            if (kind.isEmpty()) {
                check.remove(QStringLiteral("kind"));
            } else {
                check[QStringLiteral("kind")] = kind;
            }
            check[QStringLiteral("inputs")] = inputs;
            checks[0] = check;
            section[QStringLiteral("checks")] = checks;
        });
    }

    /** The minimal definition with `role` given to field `index` (or its column or part). */
    static QByteArray withRole(int index, const char *role, const char *inside = nullptr)
    {
        return withField(index, [&](QJsonObject &f, QJsonArray &) {
            if (!inside) {
                f[QStringLiteral("role")] = QLatin1String(role);
                return;
            }
            const QString key = QLatin1String(inside);
            QJsonArray children = f[key].toArray();
            QJsonObject child = children[0].toObject();
            child[QStringLiteral("role")] = QLatin1String(role);
            children[0] = child;
            f[key] = children;
        });
    }

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

    void everyFieldHasALabelAQuestionAndItsSection()
    {
        const Definition definition = Definition::standard().value();
        int fields = 0;
        for (const Section &section : definition.sections()) {
            QVERIFY2(!section.fields.isEmpty(), qPrintable(section.id));
            for (const Field &field : section.fields) {
                ++fields;
                QCOMPARE(definition.field(field.id), &field);
                QVERIFY2(!field.label.isEmpty(), qPrintable(field.id));
                QVERIFY2(!field.question.isEmpty(), qPrintable(field.id));
                QCOMPARE(definition.sectionOf(field.id), &section);
                for (const Field &part : field.parts) {
                    QCOMPARE(part.id, field.id + u'.' + part.localId);
                    QCOMPARE(definition.field(part.id), &part);
                    QCOMPARE(definition.sectionOf(part.id), &section);
                }
            }
        }
        QVERIFY(fields > 0);
    }

    void storedFieldsAreTheScalarsPartsAndListsInOrder()
    {
        const Definition definition = Definition::standard().value();
        QList<const Field *> expected;
        for (const Section &section : definition.sections()) {
            for (const Field &field : section.fields) {
                if (field.type == FieldType::Group) {
                    for (const Field &part : field.parts) {
                        expected.append(&part);
                    }
                } else {
                    expected.append(&field);
                }
            }
        }
        QCOMPARE(definition.storedFields(), expected);
    }

    void checksAreNumberedByTheirSectionsCode()
    {
        // The content spec numbers each section's checks CODE-C1, CODE-C2, ... in order.
        const Definition definition = Definition::standard().value();
        for (const Section &section : definition.sections()) {
            for (int i = 0; i < section.checks.size(); ++i) {
                const Check &check = section.checks.at(i);
                QCOMPARE(check.id, QStringLiteral("%1-C%2").arg(section.code).arg(i + 1));
                QCOMPARE(definition.check(check.id), &check);
                QCOMPARE(check.sectionId, section.id);
                QVERIFY2(!check.message.isEmpty(), qPrintable(check.id));
                QVERIFY2(!check.title.isEmpty(), qPrintable(check.id));
                for (const QString &fieldId : check.fields) {
                    QVERIFY2(definition.field(fieldId), qPrintable(check.id + u' ' + fieldId));
                }
            }
        }
    }

    void checkInputsAreResolvedAgainstTheirKind()
    {
        const Definition definition = Definition::standard().value();
        int checks = 0;
        for (const Section &section : definition.sections()) {
            for (const Check &check : section.checks) {
                ++checks;
                const Kind *kind = Kinds::check(check.kind);
                QVERIFY2(kind, qPrintable(check.id));
                for (const InputSpec &spec : kind->inputs) {
                    const Input *input = check.inputs.find(QString::fromLatin1(spec.name));
                    QVERIFY2(input || spec.optional,
                             qPrintable(check.id + u' ' + QLatin1String(spec.name)));
                    if (!input) {
                        continue;
                    }
                    for (const Field *field : input->fields) {
                        QVERIFY2(spec.accepts & typeBit(field->type),
                                 qPrintable(check.id + u' ' + field->id));
                    }
                    const bool column =
                        spec.type == InputType::Column || spec.type == InputType::Columns;
                    QCOMPARE(input->lists.size(), column ? input->fields.size() : 0);
                }
            }
        }
        QVERIFY(checks > 0);
    }

    void everyRoleIsOnOneFieldOfItsType()
    {
        const Definition definition = Definition::standard().value();
        QSet<const Field *> seen;
        for (int r = 0; r < kRoleCount; ++r) {
            const Role role = Role(r);
            const Field *field = definition.fieldFor(role);
            QVERIFY2(field, qPrintable(roleName(role)));
            QCOMPARE(field->role, std::optional<Role>(role));
            QCOMPARE(definition.idFor(role), field->id);
            QVERIFY2(!seen.contains(field), qPrintable(roleName(role)));
            seen.insert(field);
        }
        // The offer stack's columns are columns of the offer stack.
        const Field *stack = definition.fieldFor(Role::OfferStack);
        for (const Role column : {Role::OfferName, Role::OfferPrice, Role::OfferType}) {
            QCOMPARE(stack->column(definition.idFor(column)), definition.fieldFor(column));
        }
    }

    void derivedFiguresNameTheirInputs()
    {
        const Definition definition = Definition::standard().value();
        for (const Kind &kind : Kinds::figures()) {
            const DerivedFigure *figure = definition.figure(QString::fromLatin1(kind.name));
            QVERIFY2(figure, kind.name);
            for (const InputSpec &spec : kind.inputs) {
                QVERIFY2(figure->inputs.find(QString::fromLatin1(spec.name)), spec.name);
            }
        }
    }

    void exportProfilesComeFromTheDefinition()
    {
        const Definition definition = Definition::standard().value();
        const QList<BuiltInProfile> &profiles = definition.profiles();
        QVERIFY(!profiles.isEmpty());
        // "sections": "all" is every section and the appendix.
        QStringList all;
        for (const Section &section : definition.sections()) {
            all.append(section.id);
        }
        all.append(QStringLiteral("readiness"));
        QCOMPARE(profiles.first().sections, all);
        for (const BuiltInProfile &profile : profiles) {
            QVERIFY(!profile.name.isEmpty());
            for (const QString &id : profile.sections) {
                QVERIFY2(definition.section(id) || id == QLatin1String("readiness"),
                         qPrintable(id));
            }
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
        QVERIFY(pages >= definition.sections().size());
        QCOMPARE(definition.introIngredients().size(), 3);
        QVERIFY(!definition.introDuration().isEmpty());
    }

    void groupPartsAreAddressedByGroupAndPartId()
    {
        const Definition definition = Definition::standard().value();
        int groups = 0;
        for (const Section &section : definition.sections()) {
            for (const Field &group : section.fields) {
                if (group.type != FieldType::Group) {
                    continue;
                }
                ++groups;
                QVERIFY(!group.parts.isEmpty());
                QVERIFY(!definition.storedFields().contains(&group));
                for (const Field &part : group.parts) {
                    QCOMPARE(definition.field(group.id + u'.' + part.localId), &part);
                    QVERIFY(definition.storedFields().contains(&part));
                }
            }
        }
        QVERIFY(groups > 0);
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
        QTest::newRow("check-on-unknown-field") << withSection([](QJsonObject &section) {
            QJsonArray checks = section[QStringLiteral("checks")].toArray();
            QJsonObject check = checks[0].toObject();
            check[QStringLiteral("fields")] = QJsonArray{QStringLiteral("O9")};
            checks[0] = check;
            section[QStringLiteral("checks")] = checks;
        }) << "check O-C1: unknown field \"O9\"";

        // Checks: a kind core implements, and inputs that resolve to fields of the right type.
        const QString check = QStringLiteral("sections[0] (one).checks[0] (O-C1)");
        QTest::newRow("check-without-kind")
            << withCheck(QString(), {}) << check + QStringLiteral(": missing \"kind\"");
        QTest::newRow("unknown-check-kind")
            << withCheck(QStringLiteral("forbidsEverything"), {})
            << check + QStringLiteral(": unknown check kind \"forbidsEverything\"");
        QTest::newRow("input-names-an-unknown-field")
            << withCheck(QStringLiteral("required"),
                         {{QStringLiteral("fields"), QJsonArray{QStringLiteral("O9")}}})
            << check + QStringLiteral(".inputs.fields[0]: unknown field \"O9\"");
        QTest::newRow("input-of-the-wrong-type")
            << withCheck(QStringLiteral("minCount"),
                         {{QStringLiteral("field"), QStringLiteral("O1")},
                          {QStringLiteral("min"), QStringLiteral("least")}})
            << check
                   + QStringLiteral(".inputs.field: \"O1\" is a text field; this input takes "
                                    "checklist or list or group");
        QTest::newRow("input-missing") << withCheck(
            QStringLiteral("minCount"), {{QStringLiteral("field"), QStringLiteral("O3")}})
                                       << check + QStringLiteral(".inputs: missing \"min\"");
        QTest::newRow("input-the-kind-does-not-take")
            << withCheck(QStringLiteral("required"),
                         {{QStringLiteral("fields"), QJsonArray{QStringLiteral("O1")}},
                          {QStringLiteral("words"), QStringLiteral("w")}})
            << check + QStringLiteral(".inputs: the kind \"required\" takes no input \"words\"");
        QTest::newRow("unknown-column")
            << withCheck(QStringLiteral("needsCellContaining"),
                         {{QStringLiteral("column"), QStringLiteral("O3.x")},
                          {QStringLiteral("terms"), QStringLiteral("t")}})
            << check + QStringLiteral(".inputs.column: the list \"O3\" has no column \"x\"");
        QTest::newRow("column-of-a-field-that-is-no-list")
            << withCheck(QStringLiteral("needsCellContaining"),
                         {{QStringLiteral("column"), QStringLiteral("O1.c")},
                          {QStringLiteral("terms"), QStringLiteral("t")}})
            << check + QStringLiteral(".inputs.column: \"O1.c\" is not a column of a list field");
        QTest::newRow("choice-the-field-does-not-have")
            << withCheck(QStringLiteral("forbidsChoice"),
                         {{QStringLiteral("field"), QStringLiteral("O2")},
                          {QStringLiteral("choice"), QStringLiteral("z")}})
            << check + QStringLiteral(".inputs.choice: \"z\" is not a choice of \"O2\"");
        QTest::newRow("figure-that-does-not-exist")
            << withCheck(QStringLiteral("gapToClose"),
                         {{QStringLiteral("figure"), QStringLiteral("nothing")}})
            << check
                   + QStringLiteral(".inputs.figure: \"nothing\" is not a derived figure of the "
                                    "kind \"fansNeeded\"");
        QTest::newRow("unknown-figure-kind") << withSection([](QJsonObject &section) {
            section[QStringLiteral("derived")] =
                QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("F")},
                                       {QStringLiteral("kind"), QStringLiteral("magic")},
                                       {QStringLiteral("label"), QStringLiteral("F")}}};
        }) << "sections[0] (one).derived[0]: unknown kind of derived figure \"magic\"";

        // Roles: known, on a field of a type they allow, once, columns' on their list.
        QTest::newRow("unknown-role")
            << withRole(0, "hero") << "sections[0] (one).fields[0] (O1): unknown role \"hero\"";
        QTest::newRow("role-on-a-field-of-the-wrong-type")
            << withRole(1, "manifestoBody")
            << "sections[0] (one).fields[1] (O2): the role \"manifestoBody\" needs a field of "
               "type longtext, not choice";
        QTest::newRow("role-given-twice")
            <<
            [] {
                QJsonObject root = QJsonDocument::fromJson(withRole(0, "miniManifesto")).object();
                QJsonArray sections = root[QStringLiteral("sections")].toArray();
                QJsonObject section = sections[0].toObject();
                QJsonArray fields = section[QStringLiteral("fields")].toArray();
                QJsonObject group = fields[3].toObject();
                QJsonArray parts = group[QStringLiteral("parts")].toArray();
                QJsonObject part = parts[0].toObject();
                part[QStringLiteral("role")] = QStringLiteral("miniManifesto");
                parts[0] = part;
                group[QStringLiteral("parts")] = parts;
                fields[3] = group;
                section[QStringLiteral("fields")] = fields;
                sections[0] = section;
                root[QStringLiteral("sections")] = sections;
                return bytes(root);
            }()
            << "sections[0] (one).fields[3] (O4).parts[0] (p): the role \"miniManifesto\" is "
               "already given to sections[0] (one).fields[0] (O1)";
        QTest::newRow("column-role-on-a-field")
            << withRole(0, "offerName")
            << "sections[0] (one).fields[0] (O1): the role \"offerName\" belongs on a column of "
               "the field with the role \"offerStack\"";
        QTest::newRow("column-role-on-another-list")
            << withRole(2, "offerName", "columns")
            << "sections[0] (one).fields[2] (O3).columns[0] (c): the role \"offerName\" belongs "
               "on a column of the field with the role \"offerStack\"";
        QTest::newRow("field-role-on-a-column")
            << withRole(2, "tribeName", "columns")
            << "sections[0] (one).fields[2] (O3).columns[0] (c): the role \"tribeName\" cannot "
               "be given to a list column";

        QTest::newRow("profile-with-an-unknown-section") << [] {
            QJsonObject root = minimal();
            root[QStringLiteral("exportProfiles")] = QJsonArray{
                QJsonObject{{QStringLiteral("name"), QStringLiteral("X")},
                            {QStringLiteral("sections"), QJsonArray{QStringLiteral("nope")}}}};
            return bytes(root);
        }() << "exportProfiles[0]: unknown section \"nope\"";
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
