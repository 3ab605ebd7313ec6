// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QString>

/** Small file-system steps that the standard library and Qt do not offer with error codes. */
namespace Rallybook::Core::Files {

/** fsync()s a folder so that a rename or unlink in it survives a power loss. */
Result<void> syncDirectory(const QString &directory);
/** fsync()s a file by path. */
Result<void> syncFile(const QString &path);
/**
 * Renames `from` to `to` atomically. With `replace` false, fails with ErrorCode::Exists when
 * `to` exists (renameat2 RENAME_NOREPLACE, or link + unlink where the file system lacks it).
 */
Result<void> rename(const QString &from, const QString &to, bool replace);
/**
 * Writes `bytes` to `path` all or nothing (QSaveFile), for exports (RELIABILITY.md P7): refuses
 * a symbolic link, since QSaveFile would follow it, and reports a failed commit. Messages name
 * the file.
 */
Result<void> writeExport(const QString &path, const QByteArray &bytes);
/** An Error for errno after a failed call, with `what` and `path` in the detail. */
Error errnoError(int err, const QString &what, const QString &path);

} // namespace Rallybook::Core::Files
