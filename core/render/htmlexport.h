// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/plancontent.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

/**
 * The plan as one self-contained HTML file for publishing: styles inline, the cover image as a
 * data URL, no script, and a Content-Security-Policy that forbids fetching anything. Every
 * typed text is escaped, so HTML or Markdown in an answer shows as the characters typed.
 */
namespace Rallybook::Render::HtmlExport {

QByteArray render(const PlanContent &content, const PlanOptions &options);
/** Builds the plan of `content` and writes it to `path` all or nothing; refuses a symbolic link. */
Core::Result<void> exportPlan(const Core::Definition &definition,
                              const Core::WorkbookContent &content,
                              const PlanOptions &options,
                              const QString &path);

} // namespace Rallybook::Render::HtmlExport
