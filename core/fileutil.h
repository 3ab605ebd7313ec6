// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
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
/** Removes a file if it is there: true when one was removed, false when there was none. */
Result<bool> removeIfPresent(const QString &path);
/**
 * Writes an export (PNG, PDF, SRT) whole or not at all (RELIABILITY.md P7): through QSaveFile,
 * its commit checked. Refuses a symbolic link or a folder at `path`, and an existing file unless
 * `replace`. The error message names the file and says that nothing was written.
 */
Result<void> writeFile(const QString &path, const QByteArray &bytes, bool replace);
/** An Error for errno after a failed call, with `what` and `path` in the detail. */
Error errnoError(int err, const QString &what, const QString &path);

} // namespace Rallybook::Core::Files
