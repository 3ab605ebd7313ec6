// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/brand.h"

#include <QCoreApplication>

namespace Rallybook::Render::Brand {

QColor accent(bool darkBackground)
{
    return darkBackground ? QColor(0xF2, 0xB8, 0xB5) : QColor(0xB3, 0x26, 0x1E);
}

QColor severityColor(Core::Severity severity)
{
    switch (severity) {
    case Core::Severity::Error:
        return QColor(0xB3, 0x26, 0x1E);
    case Core::Severity::Warning:
        return QColor(0xB2, 0x6A, 0x00);
    case Core::Severity::Tip:
        return QColor(0x1F, 0x5F, 0xA8);
    }
    return {};
}

QString severityWord(Core::Severity severity)
{
    switch (severity) {
    case Core::Severity::Error:
        return QCoreApplication::translate("Rallybook::Render::Brand", "Error");
    case Core::Severity::Warning:
        return QCoreApplication::translate("Rallybook::Render::Brand", "Warning");
    case Core::Severity::Tip:
        return QCoreApplication::translate("Rallybook::Render::Brand", "Tip");
    }
    return {};
}

QString headingFamily()
{
    return QStringLiteral("Noto Serif");
}

QString bodyFamily()
{
    return QStringLiteral("Noto Sans");
}

} // namespace Rallybook::Render::Brand
