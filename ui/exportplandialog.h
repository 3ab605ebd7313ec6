// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/plancontent.h"
#include "core/result.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QProgressDialog;
class QPushButton;

namespace Rallybook {

class WorkbookDocument;

/**
 * File > Export Plan: choose the reader (export profile), the theme, the accent colour and the
 * page size, then preview, print, or export as PDF or HTML. Long exports show their progress.
 */
class ExportPlanDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportPlanDialog(WorkbookDocument *document, QWidget *parent = nullptr);

    /**
     * The plan options as chosen, with the workbook's readiness and wallpaper filled in, built
     * by Render::PlanChoices as the command line builds them.
     */
    Core::Result<Render::PlanOptions> options() const;

    void preview();
    void print();
    /** Exports to `path` (asks for one when empty); true when written. */
    bool exportPdf(const QString &path = {});
    bool exportHtml(const QString &path = {});

private:
    /**
     * A window-modal progress box for work that may take longer than half a second, which the
     * user may cancel. Destroy it (or reset() it) as soon as the work is done: QProgressDialog
     * starts a timer when it is made that shows the box later whether or not work is still going
     * on (the print preview was left with a box that kept animating, 4 s after it had laid out
     * every page).
     */
    std::unique_ptr<QProgressDialog> progressBox(const QString &text);

    WorkbookDocument *m_document;
    QComboBox *m_profile = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_pageSize = nullptr;
    QPushButton *m_accent = nullptr;
    QColor m_accentColour;
};

} // namespace Rallybook
