// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/pagestyle.h"

#include "core/render/brand.h"

namespace Rallybook::Render::PageStyle {

QPageSize pageSize(const QLocale &locale)
{
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::Venezuela:
    case QLocale::Philippines:
    case QLocale::PuertoRico:
    case QLocale::Guatemala:
    case QLocale::CostaRica:
        return QPageSize(QPageSize::Letter);
    default:
        return QPageSize(QPageSize::A4);
    }
}

QMarginsF marginsMillimetres()
{
    return QMarginsF(25, 25, 25, 25);
}

QPageLayout pageLayout(const QLocale &locale)
{
    return QPageLayout(pageSize(locale), QPageLayout::Portrait, marginsMillimetres(),
                       QPageLayout::Millimeter);
}

QFont manifestoTitleFont()
{
    QFont font(Brand::headingFamily());
    font.setPointSizeF(20);
    font.setWeight(QFont::Bold);
    return font;
}

QFont manifestoBodyFont()
{
    QFont font(Brand::headingFamily());
    font.setPointSizeF(11.5);
    return font;
}

} // namespace Rallybook::Render::PageStyle
