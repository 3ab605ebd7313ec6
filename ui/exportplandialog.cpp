// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/exportplandialog.h"

#include "core/exportprofiles.h"
#include "core/render/brand.h"
#include "core/render/htmlexport.h"
#include "core/render/pdfexport.h"
#include "core/render/plandocument.h"
#include "core/render/wallpaper.h"
#include "ui/dialogs.h"
#include "ui/style.h"
#include "ui/workbookdocument.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QVBoxLayout>

namespace Rallybook {

namespace {

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(colour);
    return QIcon(pixmap);
}

/** Shows progress for work longer than half a second; the user may cancel. */
Render::Progress progressFor(QProgressDialog *dialog)
{
    return [dialog](int done, int total) {
        dialog->setMaximum(total);
        dialog->setValue(done);
        return !dialog->wasCanceled();
    };
}

} // namespace

ExportPlanDialog::ExportPlanDialog(WorkbookDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_accentColour(Render::Brand::accent(false))
{
    setObjectName(QStringLiteral("exportPlanDialog"));
    setWindowTitle(tr("Export Plan"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(Style::kGrid * 2);
    layout->addWidget(Style::textLabel(
        tr("The plan is a book of your workbook: a cover, the contents with page numbers, each "
           "part, the manifesto on a page of its own, and the readiness appendix."),
        this));

    auto *form = new QFormLayout;
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profile"));
    for (const Core::ExportProfile &profile : Core::ExportProfiles::all(document->workbook())) {
        m_profile->addItem(profile.name);
    }
    form->addRow(tr("&For whom:"), m_profile);
    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("planTheme"));
    for (const Render::PlanTheme theme :
         {Render::PlanTheme::Classic, Render::PlanTheme::Modern, Render::PlanTheme::Bold}) {
        QString name = Render::planThemeName(theme);
        name[0] = name.at(0).toUpper();
        m_theme->addItem(name, int(theme));
    }
    form->addRow(tr("&Theme:"), m_theme);
    m_accent = new QPushButton(tr("Choose\u2026"), this);
    m_accent->setObjectName(QStringLiteral("accent"));
    m_accent->setIcon(swatch(m_accentColour));
    connect(m_accent, &QPushButton::clicked, this, [this] {
        const QColor chosen = Dialogs::color(this, tr("Accent Colour"), m_accentColour);
        if (chosen.isValid()) {
            m_accentColour = chosen;
            m_accent->setIcon(swatch(chosen));
        }
    });
    form->addRow(tr("&Accent colour:"), m_accent);
    m_pageSize = new QComboBox(this);
    m_pageSize->setObjectName(QStringLiteral("pageSize"));
    m_pageSize->addItem(tr("A4"), int(QPageSize::A4));
    m_pageSize->addItem(tr("US Letter"), int(QPageSize::Letter));
    m_pageSize->setCurrentIndex(Render::defaultPageSize().id() == QPageSize::Letter ? 1 : 0);
    form->addRow(tr("&Page size:"), m_pageSize);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *previewButton =
        buttons->addButton(tr("Pre&view\u2026"), QDialogButtonBox::ActionRole);
    QPushButton *printButton = buttons->addButton(tr("P&rint\u2026"), QDialogButtonBox::ActionRole);
    QPushButton *htmlButton =
        buttons->addButton(tr("Export &HTML\u2026"), QDialogButtonBox::ActionRole);
    QPushButton *pdfButton =
        buttons->addButton(tr("Export P&DF\u2026"), QDialogButtonBox::AcceptRole);
    pdfButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(previewButton, &QPushButton::clicked, this, &ExportPlanDialog::preview);
    connect(printButton, &QPushButton::clicked, this, &ExportPlanDialog::print);
    connect(htmlButton, &QPushButton::clicked, this, [this] {
        if (exportHtml()) {
            accept();
        }
    });
    connect(pdfButton, &QPushButton::clicked, this, [this] {
        if (exportPdf()) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

Render::PlanOptions ExportPlanDialog::options() const
{
    Render::PlanOptions options;
    options.theme = Render::PlanTheme(m_theme->currentData().toInt());
    options.accent = m_accentColour;
    options.pageSize = QPageSize(QPageSize::PageSizeId(m_pageSize->currentData().toInt()));
    const auto profiles = Core::ExportProfiles::all(m_document->workbook());
    if (auto profile = Core::ExportProfiles::find(profiles, m_profile->currentText())) {
        options.sections = profile->sections;
        options.profileName = profile->name;
    }
    options.date = QDate::currentDate();
    options.readiness = Render::readinessFromChecks(m_document->readiness());
    // The cover shows the mini-manifesto wallpaper as the studio designs it.
    options.wallpaper = Render::Wallpaper::ofWorkbook(m_document->workbook());
    return options;
}

void ExportPlanDialog::preview()
{
    m_document->flushPendingEdits();
    QProgressDialog progress(tr("Laying out the plan\u2026"), tr("Cancel"), 0, 1, this);
    progress.setMinimumDuration(500);
    progress.setWindowModality(Qt::WindowModal);
    auto plan = Render::PlanDocument::create(m_document->definition(),
                                             m_document->workbook().content(),
                                             options(),
                                             progressFor(&progress));
    if (!plan) {
        if (plan.error().code != Core::ErrorCode::Cancelled) {
            Dialogs::error(this, tr("Cannot Show the Plan"), plan.error());
        }
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setFullPage(true);
    printer.setPageSize(plan.value()->pageSize());
    printer.setDocName(plan.value()->title());
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Plan Preview \u2014 %1").arg(m_document->workbook().name()));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [&plan](QPrinter *target) {
        (void)plan.value()->print(target);
    });
    dialog.resize(1100, 760);
    dialog.exec();
}

void ExportPlanDialog::print()
{
    m_document->flushPendingEdits();
    auto plan = Render::PlanDocument::create(
        m_document->definition(), m_document->workbook().content(), options());
    if (!plan) {
        Dialogs::error(this, tr("Cannot Print the Plan"), plan.error());
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setFullPage(true);
    printer.setPageSize(plan.value()->pageSize());
    printer.setDocName(plan.value()->title());
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QProgressDialog progress(
        tr("Printing the plan\u2026"), tr("Cancel"), 0, plan.value()->pageCount(), this);
    progress.setMinimumDuration(500);
    progress.setWindowModality(Qt::WindowModal);
    if (auto printed = plan.value()->print(&printer, progressFor(&progress));
        !printed && printed.error().code != Core::ErrorCode::Cancelled) {
        Dialogs::error(this, tr("Cannot Print the Plan"), printed.error());
    }
}

bool ExportPlanDialog::exportPdf(const QString &given)
{
    m_document->flushPendingEdits();
    const QString path =
        given.isEmpty() ? Dialogs::exportFileName(this,
                                                  tr("Export Plan as PDF"),
                                                  m_document->workbook().name() + tr(" plan.pdf"),
                                                  tr("PDF documents (*.pdf)"),
                                                  QStringLiteral(".pdf"))
                        : given;
    if (path.isEmpty()) {
        return false;
    }
    QProgressDialog progress(tr("Exporting the plan\u2026"), tr("Cancel"), 0, 1, this);
    progress.setMinimumDuration(500);
    progress.setWindowModality(Qt::WindowModal);
    auto written = Render::PdfExport::exportPlan(m_document->definition(),
                                                 m_document->workbook().content(),
                                                 options(),
                                                 path,
                                                 progressFor(&progress));
    if (!written) {
        if (written.error().code != Core::ErrorCode::Cancelled) {
            Dialogs::error(this, tr("Cannot Export the Plan"), written.error());
        }
        return false;
    }
    return true;
}

bool ExportPlanDialog::exportHtml(const QString &given)
{
    m_document->flushPendingEdits();
    const QString path =
        given.isEmpty() ? Dialogs::exportFileName(this,
                                                  tr("Export Plan as HTML"),
                                                  m_document->workbook().name() + tr(" plan.html"),
                                                  tr("Web pages (*.html)"),
                                                  QStringLiteral(".html"))
                        : given;
    if (path.isEmpty()) {
        return false;
    }
    auto written = Render::HtmlExport::exportPlan(
        m_document->definition(), m_document->workbook().content(), options(), path);
    if (!written) {
        Dialogs::error(this, tr("Cannot Export the Plan"), written.error());
        return false;
    }
    return true;
}

} // namespace Rallybook
