// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/plandocument.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

/**
 * The plan as a PDF file: painted by Qt's PDF writer (fonts embedded, text selectable), then
 * finished with qpdf's library, which adds what Qt's writer cannot: the outline (a bookmark for
 * every section), links from the contents to the pages, and the document information (title,
 * author, subject, language).
 */
namespace Rallybook::Render::PdfExport {

/** The finished PDF's bytes. */
Core::Result<QByteArray> render(const PlanDocument &plan, const Progress &progress = {});
/** Writes the finished PDF to `path` all or nothing; refuses a symbolic link. */
Core::Result<void>
write(const PlanDocument &plan, const QString &path, const Progress &progress = {});
/** Lays out and writes the plan of `content` in one step (the command line's --export-pdf). */
Core::Result<void> exportPlan(const Core::Definition &definition,
                              const Core::WorkbookContent &content,
                              const PlanOptions &options,
                              const QString &path,
                              const Progress &progress = {});

} // namespace Rallybook::Render::PdfExport
