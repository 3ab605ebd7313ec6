// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/result.h"
#include "core/workbook.h"

#include <QByteArray>
#include <QDate>

#include <memory>
#include <optional>

/**
 * The JSON interchange format of a workbook (`rallybook-workbook`, version 1), documented in
 * README.md. Export writes every filled value; import checks the whole file against the
 * framework definition before anything is written.
 */
namespace Rallybook::Core::WorkbookJson {

inline constexpr int kFormatVersion = 1;
/** Import refuses files larger than this. */
inline constexpr qint64 kMaxFileSize = 32 * 1024 * 1024;

struct ImportOptions
{
    /**
     * When set, strings of the form "{today+N}" or "{today-N}" in date values become the date N
     * days from this one. Used for the demo workbook, whose dates are relative to its creation.
     */
    std::optional<QDate> relativeTo;
};

QByteArray toJson(const Definition &definition, const WorkbookContent &content);
Result<WorkbookContent> fromJson(const Definition &definition,
                                 const QByteArray &json,
                                 const QString &sourceName,
                                 ImportOptions options = {});

/** Writes the workbook's content to `path` (QSaveFile: all or nothing). */
Result<void> exportFile(const Workbook &workbook, const QString &path);
/** Reads `jsonPath` and creates a new workbook at `workbookPath` in one transaction. */
Result<std::unique_ptr<Workbook>> importFile(const QString &jsonPath,
                                             const QString &workbookPath,
                                             const Definition &definition,
                                             bool replace = false);

/** The Shipwrights demo workbook (resources/demo/shipwrights.json), dated from `today`. */
Result<WorkbookContent> demoContent(const Definition &definition, QDate today);

} // namespace Rallybook::Core::WorkbookJson
