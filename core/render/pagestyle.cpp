// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/pagestyle.h"

#include "core/render/brand.h"

#include <algorithm>

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

QMarginsF marginsPoints(QSizeF pageSizePoints)
{
    const qreal column = std::min(pageSizePoints.width() - 2 * 62, 430.0);
    const qreal side = (pageSizePoints.width() - column) / 2;
    return QMarginsF(side, 74, side, 70);
}

QPageLayout pageLayout(const QLocale &locale)
{
    const QPageSize size = pageSize(locale);
    return QPageLayout(size,
                       QPageLayout::Portrait,
                       marginsPoints(size.size(QPageSize::Point)),
                       QPageLayout::Point);
}

QFont manifestoTitleFont()
{
    QFont font(Brand::headingFamily());
    font.setPointSizeF(28);
    return font;
}

QFont manifestoBodyFont()
{
    QFont font(Brand::headingFamily());
    font.setPointSizeF(13);
    return font;
}

} // namespace Rallybook::Render::PageStyle
