// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/workbook.h"
#include "core/workbookjson.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QString>
#include <QTest>

namespace TestUtil {

/** The definition shipped in the program; fails the test if it does not load. */
inline Rallybook::Core::Definition definition()
{
    auto loaded = Rallybook::Core::Definition::standard();
    if (!loaded) {
        qFatal("standard definition: %s", qPrintable(loaded.error().message));
    }
    return loaded.value();
}

/** A fixed "today" for everything date-dependent. */
inline QDate today()
{
    return QDate(2026, 11, 22);
}

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

/** Creates the Shipwrights demo workbook at `path`. */
inline std::unique_ptr<Rallybook::Core::Workbook> createDemo(const QString &path)
{
    const auto def = definition();
    auto content = Rallybook::Core::WorkbookJson::demoContent(def, today());
    if (!content) {
        qWarning("demo content: %s", qPrintable(content.error().message));
        return nullptr;
    }
    auto created = Rallybook::Core::Workbook::create(path, def, content.value());
    if (!created) {
        qWarning("create demo: %s", qPrintable(created.error().message));
        return nullptr;
    }
    return std::move(created.value());
}

} // namespace TestUtil
