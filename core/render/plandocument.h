// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/render/plancontent.h"
#include "core/result.h"
#include "core/workbook.h"

#include <QList>
#include <QPageSize>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QPainter;

namespace Rallybook::Render {

/** A bookmark of the plan: a section (level 0) or a part of one (level 1). */
struct PlanOutlineEntry
{
    int level = 0;
    QString title;
    int page = 0; ///< 0-based page index
    qreal y = 0;  ///< points from the top of the page
};

/** A link inside the plan (contents entry to its page). Rectangles are in points. */
struct PlanLink
{
    int page = 0;
    QRectF rect;
    int targetPage = 0;
    qreal targetY = 0;
};

/**
 * The plan, laid out in pages: a painted cover, the contents with page numbers, each section,
 * the manifesto on a page of its own, and the readiness appendix.
 *
 * The layout is made once, for one page size, independent of any device (at 1200 dpi with
 * design metrics); paintPage() and print() then paint it onto anything: a QPdfWriter for the
 * exported file, a QPrinter or a print preview in the interface, a QImage for thumbnails. All
 * user text is inserted as plain text (QTextCursor::insertText), so nothing typed is ever read
 * as HTML or Markdown, and nothing is fetched.
 *
 * Usage in the interface (ui/, which may link PrintSupport):
 * @code
 *   Render::PlanOptions options;                      // theme, accent, sections of a profile
 *   options.pageSize = printer.pageLayout().pageSize(); // lay out for the chosen paper
 *   options.readiness = Render::readinessFromChecks(checker.evaluate(workbook, today));
 *   auto plan = Render::PlanDocument::create(definition, workbook.content(), options);
 *   printer.setFullPage(true);                        // paint from the paper's corner
 *   plan.value()->print(&printer, progress);          // pageCount() pages; progress may cancel
 * @endcode
 * A print preview calls print() from its paintRequested signal. PDF files go through
 * PdfExport::write(), which adds the outline. Create and use a plan in one thread.
 */
class PlanDocument
{
public:
    /** Builds and lays out the plan. Fails only when `progress` cancels (ErrorCode::Cancelled). */
    static Core::Result<std::unique_ptr<PlanDocument>> create(const Core::Definition &definition,
                                                              const Core::WorkbookContent &content,
                                                              const PlanOptions &options,
                                                              const Progress &progress = {});
    ~PlanDocument();
    PlanDocument(const PlanDocument &) = delete;
    PlanDocument &operator=(const PlanDocument &) = delete;

    const PlanContent &content() const;
    const PlanOptions &options() const;
    QPageSize pageSize() const;
    /** The page's size in points. */
    QSizeF pageSizePoints() const;
    int pageCount() const;

    /**
     * Paints one page (0-based). The painter's coordinates must be points from the top-left
     * corner of the paper (scale a device's painter by dpi / 72 first).
     */
    void paintPage(QPainter *painter, int page) const;
    /**
     * Paints every page onto `device`, one device page each: sets the device's page size to the
     * plan's, asks for zero margins, and starts a new page between pages. `progress` is called
     * after each page and may cancel.
     */
    Core::Result<void> print(QPagedPaintDevice *device, const Progress &progress = {}) const;

    /** One entry per section (and the appendix), with entries for the manifesto and such below. */
    QList<PlanOutlineEntry> outline() const;
    /** The contents page's entries as links to their pages. */
    QList<PlanLink> links() const;
    /**
     * Headings left alone at the foot of a page, away from what they introduce. Empty after a
     * normal layout; there for tests and diagnostics.
     */
    QStringList strandedHeadings() const;

    /** For the PDF's information: "NAME: the movement plan", the leader, profile and slogan. */
    QString title() const;
    QString author() const;
    QString subject() const;

private:
    PlanDocument();
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Rallybook::Render
