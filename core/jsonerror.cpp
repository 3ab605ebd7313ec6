// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonerror.h"

#include <QCoreApplication>

namespace Rallybook::Core {

QString describeJsonError(const QByteArray &json, const QJsonParseError &error)
{
    // Qt's offset points just past the character where parsing stopped.
    const qsizetype offset = std::max<qsizetype>(0, error.offset - 1);
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((json.at(i) & 0xC0) != 0x80) { // count characters, not UTF-8 bytes
            ++column;
        }
    }
    return QCoreApplication::translate("Rallybook::Core", "%1 at line %2, column %3")
        .arg(error.errorString())
        .arg(line)
        .arg(column);
}

} // namespace Rallybook::Core
