// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/checks.h"
#include "core/exportprofiles.h"
#include "core/render/htmlexport.h"
#include "core/render/manifesto.h"
#include "core/render/pdfexport.h"
#include "core/render/plandocument.h"
#include "core/value.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "../core/testutil.h"
#include "plantestutil.h"

using namespace Rallybook;
using namespace PlanTestUtil;

/**
 * The PDF plan, exported headless and read back with poppler-utils and qpdf: every heading and
 * answer in the text, the contents' page numbers, embedded fonts, a clean structure, the
 * outline, profiles, long lists, hostile text and page sizes.
 */
class TestPdfPlan : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pdf;
    Core::WorkbookContent m_demo;

    static Render::PlanOptions optionsFor(const Core::Definition &definition,
                                          const Core::WorkbookContent &content,
                                          const QStringList &sections = {})
    {
        Render::PlanOptions options;
        options.pageSize = QPageSize(QPageSize::A4);
        options.sections = sections;
        options.date = TestUtil::today();
        auto checker = Core::Checker::create(definition);
        if (checker) {
            options.readiness =
                Render::readinessFromChecks(checker->evaluate(content, TestUtil::today()));
        }
        return options;
    }

    /** The plan's text without running heads and page numbers, all spaces removed. */
    static QString bodyText(const QStringList &pages, const QString &movement)
    {
        static const QRegularExpression pageLine(QStringLiteral("^Page \\d+ of \\d+$"));
        QString body;
        for (const QString &page : pages) {
            QStringList lines = page.split(u'\n');
            // The running head: the movement's name, then the section's title.
            int heads = 0;
            while (!lines.isEmpty() && heads < 2
                   && (lines.first().trimmed().isEmpty()
                       || lines.first().trimmed() == movement.toUpper() || heads == 1)) {
                if (!lines.first().trimmed().isEmpty()) {
                    ++heads;
                }
                lines.removeFirst();
                if (heads == 1 && !lines.isEmpty() && lines.first().trimmed().isEmpty()) {
                    continue;
                }
            }
            for (const QString &line : lines) {
                if (!pageLine.match(line.trimmed()).hasMatch()) {
                    body += line + u'\n';
                }
            }
        }
        return squeezed(body);
    }

    static QStringList expectedAnswers(const Core::Definition &definition,
                                       const Core::WorkbookContent &content)
    {
        QStringList answers;
        auto scalar = [&](const Core::Field &field, const QVariant &value) {
            if (Core::Values::isEmpty(value)) {
                return;
            }
            switch (field.type) {
            case Core::FieldType::Checklist:
                for (const QString &id : value.toStringList()) {
                    answers.append(field.choice(id)->label);
                }
                break;
            case Core::FieldType::Number: {
                QLocale grouped;
                grouped.setNumberOptions(grouped.numberOptions() & ~QLocale::OmitGroupSeparator);
                answers.append(grouped.toString(value.toDouble(), 'f', field.decimals));
                break;
            }
            case Core::FieldType::Flag:
                if (value.toBool()) {
                    answers.append(Core::Values::display(field, value));
                }
                break;
            default:
                answers.append(Core::Values::display(field, value));
            }
        };
        for (const Core::Field *field : definition.storedFields()) {
            if (field->type == Core::FieldType::List) {
                for (const Core::ListRow &row : content.lists.value(field->id)) {
                    for (const Core::Field &column : field->columns) {
                        scalar(column, row.cells.value(column.id));
                    }
                }
            } else {
                scalar(*field, content.values.value(field->id));
            }
        }
        return answers;
    }

    static QJsonArray outline(const QString &pdf)
    {
        const Output json =
            run(QStringLiteral("qpdf"),
                {QStringLiteral("--json=2"), QStringLiteral("--json-key=outlines"), pdf});
        return QJsonDocument::fromJson(json.out)
            .object()
            .value(QStringLiteral("outlines"))
            .toArray();
    }

    static QStringList outlineTitles(const QString &pdf)
    {
        QStringList titles;
        for (const QJsonValue &entry : outline(pdf)) {
            titles.append(entry.toObject().value(QStringLiteral("title")).toString());
        }
        return titles;
    }

    QString exportPlan(const Core::WorkbookContent &content,
                       Render::PlanOptions options,
                       const QString &name)
    {
        const QString path = m_dir.filePath(name);
        auto written =
            Render::PdfExport::exportPlan(TestUtil::definition(), content, options, path);
        if (!written) {
            qWarning("export: %s (%s)",
                     qPrintable(written.error().message),
                     qPrintable(written.error().detail));
            return {};
        }
        return path;
    }

private slots:
    void oneManifestoPageMeansTheSameInTheStudioAndThePlan_data()
    {
        QTest::addColumn<int>("words");
        for (const int words : {100, 150, 196, 200, 202, 210, 260, 400}) {
            QTest::newRow(qPrintable(QStringLiteral("%1-words").arg(words))) << words;
        }
    }

    void oneManifestoPageMeansTheSameInTheStudioAndThePlan()
    {
        // The studio's one-page meter and the plan's manifesto page agree, whatever the length.
        QFETCH(int, words);
        QStringList paragraphs;
        QString paragraph;
        for (int i = 1; i <= words; ++i) {
            paragraph += QStringLiteral("word ");
            if (i % 40 == 0 || i == words) {
                paragraphs.append(paragraph.trimmed());
                paragraph.clear();
            }
        }
        const QString body = paragraphs.join(QStringLiteral("\n\n"));
        const Core::Definition definition = TestUtil::definition();
        Core::WorkbookContent content =
            Core::WorkbookJson::demoContent(definition, TestUtil::today()).value();
        content.values.insert(QStringLiteral("TL4"), body);
        Render::ManifestoPage meter(QLocale(QLocale::English, QLocale::UnitedKingdom));
        meter.setContent(content.values.value(QStringLiteral("TL3")).toString(), body);
        Render::PlanOptions options;
        options.pageSize = QPageSize(QPageSize::A4);
        auto plan = Render::PlanDocument::create(definition, content, options);
        QVERIFY(plan.ok());
        const QList<Render::PlanOutlineEntry> outline = plan.value()->outline();
        int pages = -1;
        for (int i = 0; i + 1 < outline.size(); ++i) {
            if (outline.at(i).title == QLatin1String("The manifesto")) {
                pages = outline.at(i + 1).page - outline.at(i).page;
            }
        }
        QVERIFY(pages > 0);
        QCOMPARE(meter.fit().fits, pages == 1);
    }

    void initTestCase()
    {
        if (const QString tool = missingTool(); !tool.isEmpty()) {
            QSKIP(
                qPrintable(QStringLiteral("%1 is not installed (poppler-utils, qpdf)").arg(tool)));
        }
        if (!hasBrandFonts()) {
            QSKIP(
                "Noto Sans and Noto Serif are not installed (fonts-noto-core); the plan would use "
                "fallback fonts");
        }
        QVERIFY(m_dir.isValid());
        const auto definition = TestUtil::definition();
        auto demo = Core::WorkbookJson::demoContent(definition, TestUtil::today());
        QVERIFY(demo.ok());
        m_demo = demo.value();
        m_pdf = exportPlan(m_demo, optionsFor(definition, m_demo), QStringLiteral("demo.pdf"));
        QVERIFY(!m_pdf.isEmpty());
    }

    void everySectionHeadingAndAnswerIsInTheText()
    {
        const auto definition = TestUtil::definition();
        const QString text = bodyText(pageTexts(m_pdf), QStringLiteral("Shipwrights"));
        for (const Core::Section &section : definition.sections()) {
            QVERIFY2(text.contains(squeezed(section.title)), qPrintable(section.title));
        }
        for (const QString &answer : expectedAnswers(definition, m_demo)) {
            QVERIFY2(text.contains(squeezed(answer)), qPrintable(answer));
        }
        // The cover and the appendix.
        QVERIFY(text.contains(squeezed(QStringLiteral("Led by Dana Okafor"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Readiness score"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Money doubt"))));
    }

    void offerTotalsAndFanFiguresAreShown()
    {
        const QString text = squeezed(pageTexts(m_pdf).join(u'\n'));
        // $29 + $1,500 one-off; $19/month and $6,000/year apart, never added.
        QVERIFY(text.contains(squeezed(QStringLiteral("One-off total $1,529"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("$19/month"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("$6,000/year"))));
        // From the checks' figures: 800 fans needed, 762 to go.
        QVERIFY(text.contains(squeezed(QStringLiteral("True fans needed 800"))));
        QVERIFY(text.contains(squeezed(QStringLiteral("Still to find 762"))));
    }

    void contentsPageNumbersAreRight()
    {
        const auto definition = TestUtil::definition();
        const QStringList pages = pageTexts(m_pdf);
        const QStringList layout = pageTexts(m_pdf, true);
        QVERIFY(layout.size() > 2);
        QVERIFY(layout.at(1).contains(QStringLiteral("Contents")));
        QHash<QString, int> listed;
        static const QRegularExpression entry(
            QStringLiteral("^\\s*(?:\\d+|A)?\\s+(\\S.*?)\\s{2,}(\\d+)\\s*$"));
        for (const QString &line : layout.at(1).split(u'\n')) {
            const QRegularExpressionMatch match = entry.match(line);
            if (match.hasMatch()) {
                listed.insert(match.captured(1).trimmed(), match.captured(2).toInt());
            }
        }
        int number = 0;
        for (const Core::Section &section : definition.sections()) {
            ++number;
            QVERIFY2(listed.contains(section.title), qPrintable(section.title));
            const int page = listed.value(section.title);
            QVERIFY(page >= 3 && page <= pages.size());
            // The section opens on that page, and not before.
            const QString eyebrow = QStringLiteral("SECTION %1").arg(number);
            QVERIFY2(pages.at(page - 1).contains(eyebrow), qPrintable(section.title));
            QVERIFY2(pages.at(page - 1).contains(section.title), qPrintable(section.title));
            QVERIFY(!pages.at(page - 2).contains(eyebrow));
        }
        QVERIFY(listed.contains(QStringLiteral("The manifesto")));
        QVERIFY(pages.at(listed.value(QStringLiteral("The manifesto")) - 1)
                    .contains(QStringLiteral("The Shipwright Manifesto")));
        QVERIFY(pages.at(listed.value(QStringLiteral("Readiness")) - 1)
                    .contains(QStringLiteral("APPENDIX")));
        // Page numbers in the footer: "Page n of m".
        QVERIFY(pages.at(2).contains(QStringLiteral("Page 3 of %1").arg(pages.size())));
    }

    void fontsAreEmbeddedBrandFonts()
    {
        const Output fonts = run(QStringLiteral("pdffonts"), {m_pdf});
        QCOMPARE(fonts.exitCode, 0);
        const QStringList lines =
            QString::fromUtf8(fonts.out).split(u'\n', Qt::SkipEmptyParts).mid(2);
        QVERIFY(!lines.isEmpty());
        for (const QString &line : lines) {
            const QStringList columns = line.split(u' ', Qt::SkipEmptyParts);
            QVERIFY2(columns.size() >= 7, qPrintable(line));
            // name type [encoding] emb sub uni object ID: "emb" is the fifth from the end.
            QCOMPARE(columns.at(columns.size() - 5), QStringLiteral("yes"));
            // Noto Sans and Serif, and Noto's symbols for the arrows of a few choices.
            QVERIFY2(columns.first().startsWith(QStringLiteral("Noto")), qPrintable(line));
        }
    }

    void qpdfFindsNoError()
    {
        const Output check = run(QStringLiteral("qpdf"), {QStringLiteral("--check"), m_pdf});
        QVERIFY2(check.exitCode == 0, check.out + check.err);
        QVERIFY(check.out.contains("No syntax or stream encoding errors found"));
    }

    void outlineHasOneEntryPerSection()
    {
        const auto definition = TestUtil::definition();
        QStringList expected;
        for (const Core::Section &section : definition.sections()) {
            expected.append(section.title);
        }
        expected.append(QStringLiteral("Readiness"));
        QCOMPARE(outlineTitles(m_pdf), expected);
        // Each entry points at the page the contents names.
        const QJsonArray entries = outline(m_pdf);
        const QStringList pages = pageTexts(m_pdf);
        for (const QJsonValue &value : entries) {
            const QJsonObject entry = value.toObject();
            const int page = entry.value(QStringLiteral("destpageposfrom1")).toInt();
            QVERIFY(page >= 3 && page <= pages.size());
            QVERIFY2(pages.at(page - 1).contains(entry.value(QStringLiteral("title")).toString()),
                     qPrintable(entry.value(QStringLiteral("title")).toString()));
        }
        // The contents link to their pages, with internal destinations only.
        const QByteArray structure =
            run(QStringLiteral("qpdf"), {QStringLiteral("--json=2"), m_pdf}).out;
        QVERIFY(structure.count("\"/Subtype\": \"/Link\"") >= definition.sections().size());
        QVERIFY(!structure.contains("/URI"));
        // The manifesto, storyboard, offer stack and fan economics sit below their sections.
        const QJsonObject liberty = entries.at(3).toObject();
        QCOMPARE(liberty.value(QStringLiteral("kids")).toArray().size(), 2);
    }

    void informationIsSet()
    {
        const QString info = QString::fromUtf8(run(QStringLiteral("pdfinfo"), {m_pdf}).out);
        QVERIFY(info.contains(QStringLiteral("Shipwrights: the movement plan")));
        QVERIFY(info.contains(QRegularExpression(QStringLiteral("Author:\\s+Dana Okafor"))));
        QVERIFY(info.contains(
            QRegularExpression(QStringLiteral("Subject:\\s+The next thing you ship is yours."))));
        QVERIFY(info.contains(
            QRegularExpression(QStringLiteral("Page size:\\s+595.* x 84[12].* \\(A4\\)"))));
    }

    void profilesIncludeExactlyTheirSections_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::newRow("manifesto-and-cause") << QStringLiteral("Manifesto and cause only");
        QTest::newRow("offer-only") << QStringLiteral("offer ONLY");
        QTest::newRow("saved-custom") << QStringLiteral("For the coach");
    }

    void profilesIncludeExactlyTheirSections()
    {
        QFETCH(QString, profile);
        QTemporaryDir dir;
        const auto definition = TestUtil::definition();
        auto workbook = TestUtil::createDemo(dir.filePath(QStringLiteral("d.rallybook")));
        QVERIFY(workbook);
        const Core::ExportProfile coach{QStringLiteral("For the coach"),
                                        {QStringLiteral("action-plan"),
                                         QStringLiteral("attractive-character"),
                                         QLatin1String(Core::ExportProfiles::kReadinessId)},
                                        false};
        QVERIFY(Core::ExportProfiles::save(*workbook, {coach}).ok());
        const auto found =
            Core::ExportProfiles::find(Core::ExportProfiles::all(*workbook), profile);
        QVERIFY(found.has_value());
        Render::PlanOptions options = optionsFor(definition, workbook->content(), found->sections);
        options.profileName = found->name;
        const QString pdf = exportPlan(workbook->content(), options, QStringLiteral("profile.pdf"));
        QVERIFY(!pdf.isEmpty());

        QStringList expected;
        const QString all = pageTexts(pdf).join(u'\n');
        int number = 0;
        for (const Core::Section &section : definition.sections()) {
            ++number;
            const bool included = found->sections.contains(section.id);
            if (included) {
                expected.append(section.title);
            }
            QCOMPARE(all.contains(QStringLiteral("SECTION %1\n").arg(number)), included);
        }
        if (found->sections.contains(QLatin1String(Core::ExportProfiles::kReadinessId))) {
            expected.append(QStringLiteral("Readiness"));
        }
        QCOMPARE(outlineTitles(pdf), expected);
        QVERIFY(run(QStringLiteral("pdfinfo"), {pdf}).out.contains(found->name.toUtf8()));
    }

    void unknownAndBuiltInProfileNames()
    {
        const auto definition = TestUtil::definition();
        const auto builtIn = Core::ExportProfiles::builtIn(definition);
        QCOMPARE(builtIn.size(), 3);
        QCOMPARE(builtIn.at(0).sections.size(), definition.sections().size() + 1);
        QVERIFY(!Core::ExportProfiles::find(builtIn, QStringLiteral("nope")));
        // Saved entries that are malformed, unnamed or named like a built-in one are ignored.
        const auto parsed = Core::ExportProfiles::parse(
            definition,
            QStringLiteral(
                R"([{"name":"Full plan","sections":["cause"]},{"name":"","sections":["cause"]},)"
                R"({"name":"Mine","sections":["cause","no-such-section"]},42])"));
        QCOMPARE(parsed.size(), 1);
        QCOMPARE(parsed.at(0).sections, QStringList{QStringLiteral("cause")});
        QVERIFY(Core::ExportProfiles::parse(definition, QStringLiteral("{not json")).isEmpty());
    }

    void longListHasNoStrandedHeading()
    {
        const auto definition = TestUtil::definition();
        Core::WorkbookContent content = m_demo;
        QList<Core::ListRow> rows;
        for (int i = 0; i < 2000; ++i) {
            QString notes = QStringLiteral("Follower %1 joined through the newsletter").arg(i);
            for (int k = 0; k < i % 5; ++k) {
                notes += QStringLiteral(" and came back for another Friday session");
            }
            rows.append({0,
                         {{QStringLiteral("name"), QStringLiteral("Member %1").arg(i)},
                          {QStringLiteral("joined"),
                           QDate(2026, 1, 1).addDays(i % 300).toString(Qt::ISODate)},
                          {QStringLiteral("ring"),
                           i % 7 ? QStringLiteral("audience") : QStringLiteral("true")},
                          {QStringLiteral("channel"), QStringLiteral("Newsletter")},
                          {QStringLiteral("notes"), notes}}});
        }
        content.lists.insert(QStringLiteral("MS12"), rows);
        const Render::PlanOptions options = optionsFor(definition, content);
        QElapsedTimer timer;
        timer.start();
        auto plan = Render::PlanDocument::create(definition, content, options);
        QVERIFY(plan.ok());
        qInfo(
            "2,000 rows: %d pages laid out in %lld ms", plan.value()->pageCount(), timer.elapsed());
        QVERIFY(plan.value()->pageCount() > 40);
        QCOMPARE(plan.value()->strandedHeadings(), QStringList());

        const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
        QVERIFY(Render::PdfExport::write(*plan.value(), pdf).ok());
        // No page ends on a heading: its last line is never a field's label or question.
        QSet<QString> headings;
        for (const Core::Section &section : definition.sections()) {
            headings.insert(section.title);
            for (const Core::Field &field : section.fields) {
                headings.insert(field.label);
                headings.insert(field.question);
                for (const Core::Field &part : field.parts) {
                    headings.insert(part.label);
                }
            }
        }
        const QStringList pages = pageTexts(pdf, true);
        static const QRegularExpression pageLine(QStringLiteral("^\\s*Page \\d+ of \\d+\\s*$"));
        for (int p = 2; p < pages.size(); ++p) {
            QStringList lines = pages.at(p).split(u'\n', Qt::SkipEmptyParts);
            while (
                !lines.isEmpty()
                && (lines.last().trimmed().isEmpty() || pageLine.match(lines.last()).hasMatch())) {
                lines.removeLast();
            }
            QVERIFY(!lines.isEmpty());
            QVERIFY2(!headings.contains(lines.last().trimmed()),
                     qPrintable(QStringLiteral("page %1 ends on \u201c%2\u201d")
                                    .arg(p + 1)
                                    .arg(lines.last().trimmed())));
        }
    }

    void hostileTextIsPrintedLiterally()
    {
        const auto definition = TestUtil::definition();
        Core::WorkbookContent content = m_demo;
        const QString html = QStringLiteral("<b>Dana</b> <img src=\"file:///etc/hostname\">");
        const QString markdown =
            QStringLiteral("[click me](javascript:alert(1)) **loud** &lt;b&gt;");
        const QString script =
            QStringLiteral("<script>alert(1)</script> <a href=\"http://example.com/x\">link</a>");
        content.values.insert(QStringLiteral("AC1"), html);
        content.values.insert(QStringLiteral("AC3"), markdown);
        content.values.insert(QStringLiteral("TL4"), script + QStringLiteral("\n\n") + markdown);
        const Render::PlanOptions options = optionsFor(definition, content);
        const QString pdf = exportPlan(content, options, QStringLiteral("hostile.pdf"));
        QVERIFY(!pdf.isEmpty());
        const QString text = squeezed(pageTexts(pdf).join(u'\n'));
        QVERIFY(text.contains(squeezed(html)));
        QVERIFY(text.contains(squeezed(markdown)));
        QVERIFY(text.contains(squeezed(script)));
        // Nothing was fetched or linked: no images, no URI actions.
        const Output images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        QCOMPARE(images.out.split('\n').size(), 3); // the header lines only
        const Output json = run(QStringLiteral("qpdf"), {QStringLiteral("--json=2"), pdf});
        QVERIFY(!json.out.contains("/URI"));
        QVERIFY(!json.out.contains("/JavaScript"));

        const QByteArray page = Render::HtmlExport::render(
            Render::PlanContent::build(definition, content, options), options);
        QVERIFY(page.contains(
            "&lt;b&gt;Dana&lt;/b&gt; &lt;img src=&quot;file:///etc/hostname&quot;&gt;"));
        QVERIFY(page.contains("[click me](javascript:alert(1)) **loud** &amp;lt;b&amp;gt;"));
        QVERIFY(!page.contains("<img src=\"file"));
        QVERIFY(!page.contains("<script"));
        QVERIFY(!page.contains("href=\"http"));
        QVERIFY(!page.contains("href=\"javascript"));
        QVERIFY(page.contains("Content-Security-Policy"));
    }

    void htmlHoldsThePlanInOneFile()
    {
        const auto definition = TestUtil::definition();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.html"));
        const Render::PlanOptions options = optionsFor(definition, m_demo);
        QVERIFY(Render::HtmlExport::exportPlan(definition, m_demo, options, path).ok());
        const QByteArray page = TestUtil::readAll(path);
        for (const Core::Section &section : definition.sections()) {
            QVERIFY(page.contains(section.title.toHtmlEscaped().toUtf8()));
        }
        QVERIFY(page.contains("The Shipwright Manifesto"));
        QVERIFY(page.contains("$1,529"));
        // Self-contained: nothing outside the file is referenced.
        QVERIFY(!page.contains("<link"));
        QVERIFY(!page.contains("src=\"http"));
        QVERIFY(!page.contains("url("));
    }

    void pageSizes_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a4") << int(QPageSize::A4) << QStringLiteral("(A4)");
        QTest::newRow("letter") << int(QPageSize::Letter)
                                << QStringLiteral("612 x 792 pts (letter)");
    }

    void pageSizes()
    {
        QFETCH(int, size);
        QFETCH(QString, expected);
        const auto definition = TestUtil::definition();
        Render::PlanOptions options = optionsFor(definition, m_demo);
        options.pageSize = QPageSize(QPageSize::PageSizeId(size));
        options.sections = {QStringLiteral("cause")};
        const QString pdf = exportPlan(m_demo, options, QStringLiteral("size.pdf"));
        QVERIFY(run(QStringLiteral("pdfinfo"), {pdf}).out.contains(expected.toUtf8()));
    }

    void themesUseTheAccent_data()
    {
        QTest::addColumn<QString>("theme");
        for (const QString &name : Render::planThemeNames()) {
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void themesUseTheAccent()
    {
        QFETCH(QString, theme);
        const auto definition = TestUtil::definition();
        Render::PlanOptions options = optionsFor(definition, m_demo, {QStringLiteral("cause")});
        options.theme = *Render::planThemeFromName(theme);
        options.accent = QColor(0x1F, 0x7A, 0x4D);
        auto plan = Render::PlanDocument::create(definition, m_demo, options);
        QVERIFY(plan.ok());
        auto accentPixels = [&](int page) {
            const QSizeF points = plan.value()->pageSizePoints();
            QImage image((points * 1.5).toSize(), QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.scale(1.5, 1.5);
            plan.value()->paintPage(&painter, page);
            painter.end();
            int count = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    count += std::abs(c.red() - 0x1F) < 12 && std::abs(c.green() - 0x7A) < 12
                             && std::abs(c.blue() - 0x4D) < 12;
                }
            }
            return count;
        };
        QVERIFY(accentPixels(0) > 20); // the cover
        QVERIFY(accentPixels(2) > 20); // the section's first page
        QVERIFY(Render::PdfExport::render(*plan.value()).ok());
    }

    void wallpaperGoesOnTheCover()
    {
        const auto definition = TestUtil::definition();
        Render::PlanOptions options = optionsFor(definition, m_demo, {QStringLiteral("cause")});
        QImage wallpaper(180, 390, QImage::Format_RGB32);
        wallpaper.fill(QColor(0x12, 0x34, 0x56));
        options.wallpaper = wallpaper;
        const QString pdf = exportPlan(m_demo, options, QStringLiteral("wallpaper.pdf"));
        const Output images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        QVERIFY2(images.out.split('\n').size() >= 4, images.out);
        QVERIFY(images.out.contains("\n   1"));
    }

    void refusesASymbolicLink()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("target.txt"));
        QVERIFY(TestUtil::writeAll(target, "keep"));
        const QString link = dir.filePath(QStringLiteral("plan.pdf"));
        QVERIFY(QFile::link(target, link));
        const auto definition = TestUtil::definition();
        const auto written =
            Render::PdfExport::exportPlan(definition, m_demo, optionsFor(definition, m_demo), link);
        QVERIFY(!written.ok());
        QVERIFY(written.error().message.contains(QStringLiteral("plan.pdf")));
        QCOMPARE(TestUtil::readAll(target), QByteArray("keep"));
        // A folder that does not exist: an error naming the file, nothing written.
        const QString missing = dir.filePath(QStringLiteral("no/such/plan.pdf"));
        const auto failed = Render::PdfExport::exportPlan(
            definition, m_demo, optionsFor(definition, m_demo), missing);
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().message.contains(QStringLiteral("plan.pdf")));
    }

    void emptySectionSaysSoInOneLine()
    {
        const auto definition = TestUtil::definition();
        Core::WorkbookContent blank;
        blank.name = QStringLiteral("Blank");
        Render::PlanOptions options = optionsFor(definition, blank);
        const QString pdf = exportPlan(blank, options, QStringLiteral("blank.pdf"));
        const QString text = pageTexts(pdf).join(u'\n');
        QCOMPARE(text.count(QStringLiteral("Nothing has been filled in here yet.")),
                 definition.sections().size());
        QVERIFY(!text.contains(QStringLiteral("Character name")));
    }

    void cancelStopsTheExport()
    {
        const auto definition = TestUtil::definition();
        auto plan =
            Render::PlanDocument::create(definition, m_demo, optionsFor(definition, m_demo));
        QVERIFY(plan.ok());
        int calls = 0;
        auto result = Render::PdfExport::render(*plan.value(), [&](int, int) {
            return ++calls < 3;
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Core::ErrorCode::Cancelled);
    }

    void pricesAreReadWithoutGuessing_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("read");
        QTest::addColumn<double>("amount");
        QTest::addColumn<QString>("period");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("dollars") << QStringLiteral("$1,500") << true << 1500.0 << QString()
                                 << QStringLiteral("$1,500");
        QTest::newRow("monthly") << QStringLiteral("$19/month") << true << 19.0
                                 << QStringLiteral("month") << QStringLiteral("$19/month");
        QTest::newRow("per-year") << QStringLiteral("$6,000 per year") << true << 6000.0
                                  << QStringLiteral("year") << QStringLiteral("$6,000/year");
        QTest::newRow("euro-suffix") << QStringLiteral("1.500,50 €") << true << 1500.5 << QString()
                                     << QStringLiteral("1.500,50 €");
        QTest::newRow("code") << QStringLiteral("EUR 29 monthly") << true << 29.0
                              << QStringLiteral("month") << QStringLiteral("EUR 29/month");
        QTest::newRow("cents") << QStringLiteral("$9.99/mo") << true << 9.99
                               << QStringLiteral("month") << QStringLiteral("$9.99/month");
        QTest::newRow("free") << QStringLiteral("free") << false << 0.0 << QString() << QString();
        QTest::newRow("words") << QStringLiteral("pay what you want") << false << 0.0 << QString()
                               << QString();
        QTest::newRow("range") << QStringLiteral("$199-$999") << false << 0.0 << QString()
                               << QString();
    }

    void pricesAreReadWithoutGuessing()
    {
        QFETCH(QString, typed);
        QFETCH(bool, read);
        QFETCH(double, amount);
        QFETCH(QString, period);
        QFETCH(QString, formatted);
        const auto price = Render::parsePrice(typed);
        QCOMPARE(price.has_value(), read);
        if (read) {
            QCOMPARE(price->amount, amount);
            QCOMPARE(price->period, period);
            QCOMPARE(Render::formatPrice(*price), formatted);
        }
    }
};

QTEST_MAIN(TestPdfPlan)
#include "tst_pdfplan.moc"
