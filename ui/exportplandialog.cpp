// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/exportplandialog.h"

#include "core/exportprofiles.h"
#include "core/render/brand.h"
#include "core/render/htmlexport.h"
#include "core/render/pdfexport.h"
#include "core/render/planchoices.h"
#include "core/render/plandocument.h"
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

/** Reports progress to `box`; false (stop) once the user cancelled. */
Render::Progress progressFor(QProgressDialog *box)
{
    return [box](int done, int total) {
        box->setMaximum(total);
        box->setValue(done);
        return !box->wasCanceled();
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

std::unique_ptr<QProgressDialog> ExportPlanDialog::progressBox(const QString &text)
{
    auto box = std::make_unique<QProgressDialog>(text, tr("Cancel"), 0, 1, this);
    box->setObjectName(QStringLiteral("planProgress"));
    box->setMinimumDuration(500);
    box->setWindowModality(Qt::WindowModal);
    return box;
}

Core::Result<Render::PlanOptions> ExportPlanDialog::options() const
{
    Render::PlanChoices choices;
    choices.profile = m_profile->currentText();
    choices.theme = Render::PlanTheme(m_theme->currentData().toInt());
    choices.accent = m_accentColour;
    choices.pageSize = QPageSize(QPageSize::PageSizeId(m_pageSize->currentData().toInt()));
    return choices.options(m_document->workbook(), m_document->readiness(), QDate::currentDate());
}

void ExportPlanDialog::preview()
{
    m_document->flushPendingEdits();
    const auto chosen = options();
    if (!chosen) {
        Dialogs::error(this, tr("Cannot Show the Plan"), chosen.error());
        return;
    }
    auto plan = [&] {
        // The progress box goes as soon as the plan is laid out (see progressBox()).
        const auto progress = progressBox(tr("Laying out the plan\u2026"));
        return Render::PlanDocument::create(m_document->definition(),
                                            m_document->workbook().content(),
                                            chosen.value(),
                                            progressFor(progress.get()));
    }();
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
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [this, &plan](QPrinter *target) {
        if (auto painted = plan.value()->print(target); !painted) {
            // Said once the preview has finished painting, not from inside its paint request.
            QMetaObject::invokeMethod(
                this,
                [this, error = painted.error()] {
                    Dialogs::error(this, tr("Cannot Show the Plan"), error);
                },
                Qt::QueuedConnection);
        }
    });
    dialog.resize(1100, 760);
    dialog.exec();
}

void ExportPlanDialog::print()
{
    m_document->flushPendingEdits();
    const auto chosen = options();
    if (!chosen) {
        Dialogs::error(this, tr("Cannot Print the Plan"), chosen.error());
        return;
    }
    auto plan = Render::PlanDocument::create(
        m_document->definition(), m_document->workbook().content(), chosen.value());
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
    const auto progress = progressBox(tr("Printing the plan\u2026"));
    const auto printed = plan.value()->print(&printer, progressFor(progress.get()));
    progress->reset();
    if (!printed && printed.error().code != Core::ErrorCode::Cancelled) {
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
    const auto chosen = options();
    if (!chosen) {
        Dialogs::error(this, tr("Cannot Export the Plan"), chosen.error());
        return false;
    }
    const auto progress = progressBox(tr("Exporting the plan\u2026"));
    auto written = Render::PdfExport::exportPlan(m_document->definition(),
                                                 m_document->workbook().content(),
                                                 chosen.value(),
                                                 path,
                                                 progressFor(progress.get()));
    progress->reset();
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
    const auto chosen = options();
    if (!chosen) {
        Dialogs::error(this, tr("Cannot Export the Plan"), chosen.error());
        return false;
    }
    auto written = Render::HtmlExport::exportPlan(
        m_document->definition(), m_document->workbook().content(), chosen.value(), path);
    if (!written) {
        Dialogs::error(this, tr("Cannot Export the Plan"), written.error());
        return false;
    }
    return true;
}

} // namespace Rallybook
