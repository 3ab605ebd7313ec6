// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonParseError>
#include <QString>

namespace Rallybook::Core {

/** A JSON parse error as a user reads it: what is wrong, at which line and column (1-based). */
QString describeJsonError(const QByteArray &json, const QJsonParseError &error);

} // namespace Rallybook::Core
