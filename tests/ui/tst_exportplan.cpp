// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/planchoices.h"
#include "core/render/plandocument.h"
#include "core/workbookjson.h"
#include "ui/exportplandialog.h"
#include "ui/settings.h"
#include "ui/style.h"
#include "ui/workbookdocument.h"

#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "tests/ui/uitestutil.h"

using namespace Rallybook;

/** File > Export Plan: the options a user picks reach the PDF and HTML files. */
class TestExportPlan : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Core::Definition m_definition = Core::Definition::standard().value();

    std::unique_ptr<WorkbookDocument> openDemo()
    {
        const QString path = UiTestUtil::newDemo(*m_dir);
        auto document = WorkbookDocument::open(path, m_definition);
        return document ? std::move(document.value()) : nullptr;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Settings::useFileForTesting(m_dir->filePath(QStringLiteral("settings.ini")));
        Style::applyTheme(Theme::Light);
    }

    void chosenProfileAndThemeReachTheFiles()
    {
        auto document = openDemo();
        QVERIFY(document);
        ExportPlanDialog dialog(document.get());
        auto *profile = dialog.findChild<QComboBox *>(QStringLiteral("profile"));
        QVERIFY(profile->findText(QStringLiteral("Offer only")) >= 0);
        profile->setCurrentText(QStringLiteral("Offer only"));
        dialog.findChild<QComboBox *>(QStringLiteral("planTheme"))->setCurrentIndex(2);
        const auto chosen = dialog.options();
        QVERIFY(chosen.ok());
        const Render::PlanOptions &options = chosen.value();
        QCOMPARE(options.profileName, QStringLiteral("Offer only"));
        QVERIFY(options.sections.contains(QStringLiteral("new-opportunity")));
        QVERIFY(!options.sections.contains(QStringLiteral("cause")));
        QCOMPARE(options.theme, Render::PlanTheme::Bold);
        QVERIFY(options.readiness.has_value());
        // The cover carries the mini manifesto's wallpaper as the studio designs it.
        QVERIFY(!options.wallpaper.isNull());

        const QString pdf = m_dir->filePath(QStringLiteral("plan.pdf"));
        QVERIFY(dialog.exportPdf(pdf));
        QVERIFY(readAll(pdf).startsWith("%PDF-"));
        const QString html = m_dir->filePath(QStringLiteral("plan.html"));
        QVERIFY(dialog.exportHtml(html));
        const QByteArray page = readAll(html);
        QVERIFY(page.contains("The Micro-Product Path"));
        QVERIFY(!page.contains("Permission culture")); // the Cause is not in "Offer only"
    }

    void previewLeavesNoProgressBoxBehind()
    {
        // QProgressDialog shows itself by a timer started when it is made: a box left alive
        // during the preview appeared 4 s after the pages were laid out, and kept animating.
        auto document = openDemo();
        QVERIFY(document);
        ExportPlanDialog dialog(document.get());
        bool previewed = false;
        QTimer::singleShot(0, &dialog, [&] {
            auto *preview = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
            QVERIFY(preview);
            auto *pages = preview->findChild<QPrintPreviewWidget *>();
            QVERIFY(pages);
            QTRY_VERIFY(pages->pageCount() > 10); // every page laid out and painted
            // No progress box is left to show itself later.
            QVERIFY(dialog.findChildren<QProgressDialog *>().isEmpty());
            previewed = true;
            preview->reject();
        });
        dialog.preview();
        QVERIFY(previewed);
        QVERIFY(dialog.findChildren<QProgressDialog *>().isEmpty());
    }

    void commandLineAndDialogBuildTheSameOptions()
    {
        // Render::PlanChoices is the one place both assemble the plan options.
        auto document = openDemo();
        QVERIFY(document);
        ExportPlanDialog dialog(document.get());
        dialog.findChild<QComboBox *>(QStringLiteral("profile"))
            ->setCurrentText(QStringLiteral("Manifesto and cause only"));
        dialog.findChild<QComboBox *>(QStringLiteral("planTheme"))->setCurrentIndex(1);
        const auto fromDialog = dialog.options();
        QVERIFY(fromDialog.ok());
        Render::PlanChoices choices;
        choices.profile = QStringLiteral("manifesto AND cause only"); // as typed after --profile
        choices.theme = Render::PlanTheme::Modern;
        choices.accent = fromDialog.value().accent;
        choices.pageSize = fromDialog.value().pageSize;
        const auto fromCommandLine =
            choices.options(document->workbook(), document->readiness(), QDate::currentDate());
        QVERIFY(fromCommandLine.ok());
        QCOMPARE(fromCommandLine.value().sections, fromDialog.value().sections);
        QCOMPARE(fromCommandLine.value().profileName, fromDialog.value().profileName);
        QCOMPARE(fromCommandLine.value().theme, fromDialog.value().theme);
        QCOMPARE(fromCommandLine.value().wallpaper, fromDialog.value().wallpaper);
        QVERIFY(fromCommandLine.value().readiness.has_value());
        choices.profile = QStringLiteral("For the bank");
        const auto unknown =
            choices.options(document->workbook(), document->readiness(), QDate::currentDate());
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().message.contains(QStringLiteral("\u201cOffer only\u201d")));
    }

    void planIsInkOnPaperInADarkTheme()
    {
        // Printing from a dark window must not print light text on white paper.
        Style::applyTheme(Theme::Dark);
        auto document = openDemo();
        QVERIFY(document);
        ExportPlanDialog dialog(document.get());
        const auto options = dialog.options();
        QVERIFY(options.ok());
        auto plan = Render::PlanDocument::create(
            m_definition, document->workbook().content(), options.value());
        QVERIFY(plan.ok());
        const QSizeF points = plan.value()->pageSizePoints();
        QImage image(points.toSize(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        plan.value()->paintPage(&painter, 2); // a page of answers
        painter.end();
        int dark = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                dark += qGray(image.pixel(x, y)) < 90 ? 1 : 0;
            }
        }
        QVERIFY2(dark > 500, qPrintable(QString::number(dark)));
        Style::applyTheme(Theme::Light);
    }
};

QTEST_MAIN(TestExportPlan)
#include "tst_exportplan.moc"
