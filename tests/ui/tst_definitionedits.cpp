// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The promise of the framework definition (docs/definition.md): a new field is one entry in the
// definition plus its place on a wizard page, and a renamed field is one rename in the
// definition (and the data), with no change to the code. Both are done here to copies of the
// shipped definition and demo, and followed through the editor, the wizard, JSON, the checks
// and the plan (PDF and HTML).
#include "core/checks.h"
#include "core/render/htmlexport.h"
#include "core/render/pdfexport.h"
#include "core/value.h"
#include "core/workbookjson.h"
#include "ui/fieldbox.h"
#include "ui/sectionpage.h"
#include "ui/wizard/planningwizard.h"
#include "ui/workbookdocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "tests/core/checkrows.h"
#include "tests/core/testutil.h"
#include "tests/render/plantestutil.h"
#include "tests/ui/uitestutil.h"

using namespace Rallybook;
using Core::Field;
using Core::FieldType;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

QByteArray bytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson();
}

QJsonObject object(std::initializer_list<std::pair<const char *, QJsonValue>> pairs)
{
    QJsonObject out;
    for (const auto &[key, value] : pairs) {
        out.insert(QLatin1String(key), value);
    }
    return out;
}

QJsonObject choice(const char *id, const char *label)
{
    return object({{"id", QLatin1String(id)}, {"label", QLatin1String(label)}});
}

/** A list column or group part. */
QJsonObject item(const char *id, const char *label, const char *type)
{
    return object({{"id", QLatin1String(id)},
                   {"label", QLatin1String(label)},
                   {"type", QLatin1String(type)}});
}

/** One new field of each type, as the definition writes it, and its value as the demo does. */
struct NewField
{
    QJsonObject definition;
    QJsonValue value;
};

QList<NewField> newFields()
{
    auto field = [](const char *id, const char *type, const char *label) {
        return object({{"id", QLatin1String(id)},
                       {"label", QLatin1String(label)},
                       {"type", QLatin1String(type)},
                       {"question", QStringLiteral("What about %1?").arg(QLatin1String(label))},
                       {"hint", QStringLiteral("A field added to the definition only.")}});
    };
    QJsonObject choiceField = field("CA11", "choice", "Sailing hour");
    choiceField[QStringLiteral("choices")] =
        QJsonArray{choice("dawn", "At dawn"), choice("dusk", "At dusk")};
    QJsonObject checklist = field("CA12", "checklist", "Means of propulsion");
    checklist[QStringLiteral("choices")] =
        QJsonArray{choice("oars", "Oars"), choice("sails", "Sails"), choice("engine", "Engine")};
    QJsonObject number = field("CA13", "number", "Cruising speed");
    number[QStringLiteral("unit")] = QStringLiteral("knots");
    QJsonObject list = field("CA14", "list", "Crew roster");
    list[QStringLiteral("columns")] =
        QJsonArray{item("crew", "Crew member", "text"), item("berths", "Berths", "number")};
    QJsonObject group = field("CA15", "group", "Home harbour");
    group[QStringLiteral("parts")] =
        QJsonArray{item("port", "Home port", "text"), item("founded", "Founded on", "date")};
    return {
        {field("CA16", "text", "Harbour motto"), QStringLiteral("Lights on every Friday")},
        {field("CA17", "longtext", "Ship log"),
         QStringLiteral("Every member keeps a ship log.\n\nThe log is read aloud each quarter.")},
        {choiceField, QStringLiteral("dusk")},
        {checklist, QJsonArray{QStringLiteral("oars"), QStringLiteral("sails")}},
        {number, 12},
        {field("CA18", "date", "Launch day"), QStringLiteral("2027-03-14")},
        {field("CA19", "due", "First regatta"), QStringLiteral("day 45")},
        {field("CA20", "flag", "Harbour open to guests"), true},
        {list,
         QJsonArray{QJsonObject{{QStringLiteral("crew"), QStringLiteral("Ada Quill")},
                                {QStringLiteral("berths"), 4}},
                    QJsonObject{{QStringLiteral("crew"), QStringLiteral("Ben Rowe")},
                                {QStringLiteral("berths"), 2}}}},
        {group,
         QJsonObject{{QStringLiteral("port"), QStringLiteral("Port Kestrel")},
                     {QStringLiteral("founded"), QStringLiteral("2025-06-01")}}},
    };
}

/** What an editor (of a section page or a wizard page) shows for `field`, as text. */
QString shown(QWidget *root, const Field &field)
{
    const QString name = QStringLiteral("edit-") + field.id;
    switch (field.type) {
    case FieldType::Text:
    case FieldType::Date:
    case FieldType::Due:
        if (auto *edit = root->findChild<QLineEdit *>(name)) {
            return edit->text();
        }
        break;
    case FieldType::LongText:
        if (auto *edit = root->findChild<QPlainTextEdit *>(name)) {
            return edit->toPlainText();
        }
        break;
    case FieldType::Choice:
        if (auto *combo = root->findChild<QComboBox *>(name)) {
            return combo->currentText();
        }
        for (const Core::Choice &c : field.choices) {
            auto *button =
                root->findChild<QRadioButton *>(QStringLiteral("choice-%1-%2").arg(field.id, c.id));
            if (button && button->isChecked()) {
                return c.label;
            }
        }
        return {};
    case FieldType::Checklist: {
        QStringList ticked;
        for (const Core::Choice &c : field.choices) {
            auto *box =
                root->findChild<QCheckBox *>(QStringLiteral("check-%1-%2").arg(field.id, c.id));
            if (!box) {
                return QStringLiteral("<no editor>");
            }
            if (box->isChecked()) {
                ticked.append(c.label);
            }
        }
        return ticked.join(QStringLiteral(", "));
    }
    case FieldType::Number:
        if (auto *spin = root->findChild<QDoubleSpinBox *>(name)) {
            return QString::number(spin->value());
        }
        break;
    case FieldType::Flag:
        if (auto *box = root->findChild<QCheckBox *>(name)) {
            return box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
        }
        break;
    case FieldType::List:
        if (auto *table = root->findChild<QTableView *>(name)) {
            QStringList rows;
            for (int r = 0; r < table->model()->rowCount(); ++r) {
                QStringList cells;
                for (int c = 0; c < table->model()->columnCount(); ++c) {
                    cells.append(table->model()->index(r, c).data().toString());
                }
                rows.append(cells.join(QStringLiteral(" | ")));
            }
            return rows.join(QStringLiteral("; "));
        }
        break;
    case FieldType::Group: {
        QStringList parts;
        for (const Field &part : field.parts) {
            parts.append(shown(root, part));
        }
        return parts.join(QStringLiteral(" / "));
    }
    }
    return QStringLiteral("<no editor>");
}

/** What shown() must give for `field` holding its value in `content`. */
QString expectedShown(const Field &field, const Core::WorkbookContent &content)
{
    const QVariant value = content.values.value(field.id);
    switch (field.type) {
    case FieldType::Choice:
    case FieldType::Checklist:
        return Core::Values::display(field, value);
    case FieldType::Number:
        return QString::number(value.toDouble());
    case FieldType::Flag:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case FieldType::List: {
        QStringList rows;
        for (const Core::ListRow &row : content.lists.value(field.id)) {
            QStringList cells;
            for (const Field &column : field.columns) {
                cells.append(Core::Values::display(column, row.cells.value(column.id)));
            }
            rows.append(cells.join(QStringLiteral(" | ")));
        }
        return rows.join(QStringLiteral("; "));
    }
    case FieldType::Group: {
        QStringList parts;
        for (const Field &part : field.parts) {
            parts.append(expectedShown(part, content));
        }
        return parts.join(QStringLiteral(" / "));
    }
    default:
        return value.toString();
    }
}

/** The texts a reader must find in the plan for `field`: its label and its answer's pieces. */
QStringList planTexts(const Field &field, const Core::WorkbookContent &content)
{
    QStringList texts{field.label};
    const QVariant value = content.values.value(field.id);
    switch (field.type) {
    case FieldType::LongText:
        texts += value.toString().split(QStringLiteral("\n\n"));
        break;
    case FieldType::Checklist:
        for (const QString &id : value.toStringList()) {
            texts.append(field.choice(id)->label);
        }
        break;
    case FieldType::List:
        for (const Field &column : field.columns) {
            texts.append(column.label);
        }
        for (const Core::ListRow &row : content.lists.value(field.id)) {
            for (const Field &column : field.columns) {
                texts.append(Core::Values::display(column, row.cells.value(column.id)));
            }
        }
        break;
    case FieldType::Group:
        for (const Field &part : field.parts) {
            texts += planTexts(part, content);
        }
        break;
    default:
        texts.append(Core::Values::display(field, value));
        break;
    }
    return texts;
}

/** Replaces every JSON string (and key) equal to `from` by `to`. */
QJsonValue renamed(const QJsonValue &value, const QString &from, const QString &to)
{
    if (value.isString()) {
        return value.toString() == from ? QJsonValue(to) : value;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray()) {
            out.append(renamed(item, from, to));
        }
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            out.insert(it.key() == from ? to : it.key(), renamed(it.value(), from, to));
        }
        return out;
    }
    return value;
}

/** The plan of `content` as PDF text (pdftotext) and as HTML, both written into `dir`. */
struct Plan
{
    QString pdfText;
    int pages = 0;
    QString html;
    QString error;

    bool prints(const QString &text) const
    {
        return PlanTestUtil::squeezed(pdfText).contains(PlanTestUtil::squeezed(text))
               && html.contains(text.toHtmlEscaped());
    }
};

Plan exportPlan(const Core::Definition &definition,
                const Core::WorkbookContent &content,
                const QTemporaryDir &dir)
{
    Plan plan;
    auto checker = Core::Checker::create(definition);
    if (!checker) {
        plan.error = checker.error().message;
        return plan;
    }
    Render::PlanOptions options;
    options.date = TestUtil::today();
    options.readiness = Render::readinessFromChecks(checker->evaluate(content, TestUtil::today()));
    const QString pdf = dir.filePath(QStringLiteral("plan.pdf"));
    const QString html = dir.filePath(QStringLiteral("plan.html"));
    auto wrotePdf = Render::PdfExport::exportPlan(definition, content, options, pdf);
    auto wroteHtml = Render::HtmlExport::exportPlan(definition, content, options, html);
    if (!wrotePdf || !wroteHtml) {
        plan.error = !wrotePdf ? wrotePdf.error().message : wroteHtml.error().message;
        return plan;
    }
    const QStringList pages = PlanTestUtil::pageTexts(pdf);
    plan.pages = int(pages.size());
    plan.pdfText = pages.join(u'\n');
    plan.html = QString::fromUtf8(TestUtil::readAll(html));
    return plan;
}

} // namespace

/** A field added to, or renamed in, the definition alone reaches every view. */
class TestDefinitionEdits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    static QJsonObject standardDefinition()
    {
        return readJson(QStringLiteral(":/frameworks/movement.json"));
    }
    static QJsonObject standardDemo()
    {
        return readJson(QStringLiteral(":/demo/shipwrights.json"));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        UiTestUtil::start(*m_dir);
    }

    void cleanup() { m_dir.reset(); }

    void addedFieldsReachEveryView()
    {
        if (!PlanTestUtil::missingTool().isEmpty()) {
            QSKIP("poppler-utils or qpdf is not installed (scripts/install-deps)");
        }
        // The one edit: ten fields in the Cause section and on its first wizard page; and
        // their values in a copy of the demo.
        const QString sectionId = QStringLiteral("cause");
        QJsonObject root = standardDefinition();
        QJsonObject demo = standardDemo();
        QJsonArray sections = root[QStringLiteral("sections")].toArray();
        qsizetype index = 0;
        while (sections[index].toObject()[QStringLiteral("id")].toString() != sectionId) {
            ++index;
        }
        QJsonObject section = sections[index].toObject();
        QJsonArray fields = section[QStringLiteral("fields")].toArray();
        QJsonArray wizard = section[QStringLiteral("wizard")].toArray();
        QJsonObject page = wizard[0].toObject();
        QJsonArray pageFields = page[QStringLiteral("fields")].toArray();
        QJsonObject values = demo[QStringLiteral("values")].toObject();
        QStringList added;
        QStringList types;
        for (const NewField &field : newFields()) {
            const QString id = field.definition[QStringLiteral("id")].toString();
            fields.append(field.definition);
            pageFields.append(id);
            values.insert(id, field.value);
            added.append(id);
            types.append(field.definition[QStringLiteral("type")].toString());
        }
        page[QStringLiteral("fields")] = pageFields;
        wizard[0] = page;
        section[QStringLiteral("wizard")] = wizard;
        section[QStringLiteral("fields")] = fields;
        sections[index] = section;
        root[QStringLiteral("sections")] = sections;
        demo[QStringLiteral("values")] = values;

        auto loaded = Core::Definition::fromJson(bytes(root), QStringLiteral("added.json"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        const Core::Definition definition = loaded.value();
        auto content = Core::WorkbookJson::fromJson(
            definition, bytes(demo), QStringLiteral("demo.json"), {TestUtil::today()});
        QVERIFY2(content.ok(), content.ok() ? "" : qPrintable(content.error().message));
        const QString path = m_dir->filePath(QStringLiteral("added.rallybook"));
        QVERIFY(Core::Workbook::create(path, definition, content.value()).ok());
        auto opened = WorkbookDocument::open(path, definition);
        QVERIFY(opened.ok());
        WorkbookDocument *document = opened.value().get();
        const Core::Section &defined = *definition.section(sectionId);
        QStringList fieldTypes;

        // The editor: the section's page shows each field with its value.
        SectionPage sectionPage(document, defined, 3, int(definition.sections().size()), {});
        for (const QString &id : std::as_const(added)) {
            const Field &field = *definition.field(id);
            fieldTypes.append(Core::fieldTypeName(field.type));
            QVERIFY2(sectionPage.findChild<FieldBox *>(QStringLiteral("field-") + id),
                     qPrintable(id));
            QCOMPARE(shown(&sectionPage, field), expectedShown(field, content.value()));
        }
        QCOMPARE(fieldTypes, types);

        // The wizard: the page they were added to shows them, with their values.
        PlanningWizard planningWizard(document, {});
        planningWizard.startAtSection(sectionId);
        QWidget *current = planningWizard.findChild<QStackedWidget *>()->currentWidget();
        QCOMPARE(planningWizard.stepKey(planningWizard.currentStep()),
                 sectionId + u'/' + page[QStringLiteral("id")].toString());
        for (const QString &id : std::as_const(added)) {
            QVERIFY2(current->findChild<FieldBox *>(QStringLiteral("field-") + id), qPrintable(id));
            QCOMPARE(shown(current, *definition.field(id)),
                     expectedShown(*definition.field(id), content.value()));
        }

        // JSON: exported, imported into a new workbook, and the same again.
        const QString json = m_dir->filePath(QStringLiteral("added.json"));
        QVERIFY(Core::WorkbookJson::exportFile(document->workbook(), json).ok());
        const QJsonObject exported = readJson(json)[QStringLiteral("values")].toObject();
        auto imported = Core::WorkbookJson::importFile(
            json, m_dir->filePath(QStringLiteral("imported.rallybook")), definition);
        QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
        const Core::WorkbookContent back = imported.value()->content();
        for (const QString &id : std::as_const(added)) {
            QVERIFY2(exported.contains(id), qPrintable(id));
            const Field &field = *definition.field(id);
            QCOMPARE(expectedShown(field, back), expectedShown(field, content.value()));
        }
        QCOMPARE(back.values, content->values);

        // The plan: the PDF (as pdftotext reads it) and the HTML print every one.
        const Plan plan = exportPlan(definition, content.value(), *m_dir);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        for (const QString &id : std::as_const(added)) {
            for (const QString &text : planTexts(*definition.field(id), content.value())) {
                QVERIFY2(plan.prints(text), qPrintable(id + QStringLiteral(": ") + text));
            }
        }
        qInfo("add-a-field: %d fields (%s) added to the definition's section \"%s\" and its "
              "wizard page \"%s\", with values in a copy of the demo, no code changed: each "
              "shown in the section page and on the wizard page, kept by JSON export and "
              "import, printed in the PDF plan (%d pages, pdftotext) and the HTML plan",
              int(added.size()),
              qPrintable(types.join(QStringLiteral(", "))),
              qPrintable(sectionId),
              qPrintable(page[QStringLiteral("id")].toString()),
              plan.pages);
    }

    void renamedFieldKeepsItsChecksAndItsPlace()
    {
        if (!PlanTestUtil::missingTool().isEmpty()) {
            QSKIP("poppler-utils or qpdf is not installed (scripts/install-deps)");
        }
        // The opportunity's name, renamed everywhere the definition and the demo say it.
        const Core::Definition standard = TestUtil::definition();
        const QString from =
            standard.check(QStringLiteral("NO-C2"))->inputs.find(u"field")->field()->id;
        const QString to = QStringLiteral("opportunityName");
        auto loaded =
            Core::Definition::fromJson(bytes(renamed(standardDefinition(), from, to).toObject()),
                                       QStringLiteral("renamed.json"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        const Core::Definition definition = loaded.value();
        QVERIFY(!definition.field(from));
        const Field *name = definition.field(to);
        QVERIFY(name);
        auto content =
            Core::WorkbookJson::fromJson(definition,
                                         bytes(renamed(standardDemo(), from, to).toObject()),
                                         QStringLiteral("demo.json"),
                                         {TestUtil::today()});
        QVERIFY2(content.ok(), content.ok() ? "" : qPrintable(content.error().message));
        auto checker = Core::Checker::create(definition);
        QVERIFY2(checker.ok(), checker.ok() ? "" : qPrintable(checker.error().message));

        // Both checks read the renamed field, and every row of theirs holds as before.
        const Core::Check *improvement = definition.check(QStringLiteral("NO-C1"));
        const Core::Check *oldVehicle = definition.check(QStringLiteral("NO-C2"));
        QCOMPARE(improvement->inputs.find(u"fields")->field(), name);
        QCOMPARE(oldVehicle->inputs.find(u"field")->field(), name);
        QVERIFY(improvement->fields.contains(to) && oldVehicle->fields.contains(to));
        int fired = 0;
        int passed = 0;
        for (const CheckRows::CheckRow &row : CheckRows::checkRows(TestUtil::today())) {
            if (row.check != improvement->id && row.check != oldVehicle->id) {
                continue;
            }
            const QString failure =
                CheckRows::verify(*checker, content.value(), row, TestUtil::today());
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            ++(row.fires ? fired : passed);
        }
        QVERIFY(fired >= 4 && passed >= 2);
        // Typed into the renamed field, an improvement word and a tried vehicle still fire.
        Core::WorkbookContent edited = content.value();
        edited.values.insert(to, QStringLiteral("The Better Startup"));
        const Core::Readiness better = checker->evaluate(edited, TestUtil::today());
        QVERIFY(better.finding(improvement->id));
        QCOMPARE(better.findingsFor(to).size(), 1);
        edited.values.insert(to, QStringLiteral("Freelancing"));
        QVERIFY(checker->evaluate(edited, TestUtil::today()).finding(oldVehicle->id));
        // The demo itself is as ready as before.
        const Core::Readiness demo = checker->evaluate(content.value(), TestUtil::today());
        QStringList ids;
        for (const Core::Finding &finding : demo.findings) {
            ids.append(finding.checkId);
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("TB-C3"), QStringLiteral("MS-C6")}));
        QCOMPARE(demo.score, 99);

        // The plan prints the field under its label, with its answer.
        const Plan plan = exportPlan(definition, content.value(), *m_dir);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        const QString answer = content->values.value(to).toString();
        QVERIFY(!answer.isEmpty());
        QVERIFY2(plan.prints(name->label), qPrintable(name->label));
        QVERIFY2(plan.prints(answer), qPrintable(answer));
        qInfo("rename: %s renamed to %s in copies of the definition and the demo, no code "
              "changed: NO-C1 and NO-C2 read %s and their %d firing and %d passing rows hold; "
              "the demo still gives %s, score %d; the PDF and HTML plans print \"%s: %s\"",
              qPrintable(from),
              qPrintable(to),
              qPrintable(to),
              fired,
              passed,
              qPrintable(ids.join(QStringLiteral(" and "))),
              demo.score,
              qPrintable(name->label),
              qPrintable(answer));
    }
};

QTEST_MAIN(TestDefinitionEdits)
#include "tst_definitionedits.moc"
