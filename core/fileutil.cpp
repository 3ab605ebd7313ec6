// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fileutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

namespace Rallybook::Core::Files {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Core::Files", text);
}

Result<void> syncPath(const QString &path, int flags)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), flags | O_CLOEXEC);
    if (fd < 0) {
        return errnoError(errno, QStringLiteral("open for fsync"), path);
    }
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    // Some file systems cannot fsync a folder (EINVAL); the rename itself has still happened.
    if (rc != 0 && err != EINVAL) {
        return errnoError(err, QStringLiteral("fsync"), path);
    }
    return {};
}

} // namespace

Error errnoError(int err, const QString &what, const QString &path)
{
    Error error;
    switch (err) {
    case ENOSPC:
    case EDQUOT:
        error.code = ErrorCode::DiskFull;
        error.message = tr("the disk is full");
        break;
    case EROFS:
    case EACCES:
    case EPERM:
        error.code = ErrorCode::ReadOnly;
        error.message = tr("the file or the disk cannot be written to");
        break;
    case ENOENT:
        error.code = ErrorCode::NotFound;
        error.message = tr("the file or folder does not exist");
        break;
    case EEXIST:
        error.code = ErrorCode::Exists;
        error.message = tr("a file of that name already exists");
        break;
    default:
        error.code = ErrorCode::Io;
        error.message = tr("the file could not be read or written");
        break;
    }
    error.detail =
        QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(err)));
    return error;
}

Result<void> syncDirectory(const QString &directory)
{
    return syncPath(directory, O_RDONLY | O_DIRECTORY);
}

Result<void> syncFile(const QString &path)
{
    return syncPath(path, O_RDONLY);
}

Result<bool> removeIfPresent(const QString &path)
{
    if (::unlink(QFile::encodeName(path).constData()) == 0) {
        return true;
    }
    if (errno == ENOENT) {
        return false;
    }
    return errnoError(errno, QStringLiteral("remove"), path);
}

Result<void> rename(const QString &from, const QString &to, bool replace)
{
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
    if (replace) {
        if (::rename(source.constData(), target.constData()) != 0) {
            return errnoError(errno, QStringLiteral("rename to"), to);
        }
        return {};
    }
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE)
        == 0) {
        return {};
    }
    if (errno != EINVAL && errno != ENOSYS) {
        return errnoError(errno, QStringLiteral("rename to"), to);
    }
    // No RENAME_NOREPLACE on this file system: link() fails if the target exists.
    if (::link(source.constData(), target.constData()) != 0) {
        return errnoError(errno, QStringLiteral("link to"), to);
    }
    ::unlink(source.constData());
    return {};
}

Result<void> writeFile(const QString &path, const QByteArray &bytes, bool replace)
{
    const QFileInfo info(path);
    const QString name = QStringLiteral("\u201c%1\u201d").arg(info.fileName());
    auto refused = [&](ErrorCode code, const QString &why) {
        return Error{code,
                     tr("Rallybook did not write %1: %2. Nothing was written.").arg(name, why),
                     info.absoluteFilePath()};
    };
    if (info.fileName().isEmpty()) {
        return refused(ErrorCode::NotFound, tr("no file name was given"));
    }
    if (!QFileInfo(info.absolutePath()).isDir()) {
        return refused(ErrorCode::NotFound,
                       tr("the folder %1 does not exist").arg(info.absolutePath()));
    }
    if (info.isSymLink()) {
        return refused(ErrorCode::Exists, tr("it is a symbolic link"));
    }
    if (info.isDir()) {
        return refused(ErrorCode::Exists, tr("it is a folder"));
    }
    if (info.exists() && !replace) {
        return refused(ErrorCode::Exists, tr("a file of that name exists and was left as it is"));
    }
    QSaveFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly)) {
        return refused(ErrorCode::Io, file.errorString());
    }
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return refused(ErrorCode::Io, why);
    }
    if (!file.commit()) {
        return refused(ErrorCode::Io, file.errorString());
    }
    return {};
}

} // namespace Rallybook::Core::Files
