// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QLocale>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QSizeF>

/**
 * The page of the PDF plan and the manifesto's typography on it: one place for the plan's
 * writer and for the studio's one-page meter, so that "fits on one page" means the same in both.
 */
namespace Rallybook::Render::PageStyle {

/** The resolution documents are laid out at for the page: QPdfWriter's, 1200 dots per inch. */
inline constexpr int kResolution = 1200;

/**
 * US Letter where it is the custom (the Americas that use it, the Philippines), A4 elsewhere.
 * The plan's default page size (Render::defaultPageSize) is this for the system's locale.
 */
QPageSize pageSize(const QLocale &locale = QLocale());
/**
 * The plan's margins in points for a page of `pageSizePoints`: a centred reading column of about
 * 75 characters (at most 430 pt), 74 pt at the top for the running head, 70 pt at the foot.
 */
QMarginsF marginsPoints(QSizeF pageSizePoints);
/** The page layout of the plan: pageSize(locale), portrait, marginsPoints(). */
QPageLayout pageLayout(const QLocale &locale = QLocale());

/** The manifesto's title (TL3): Noto Serif, 28 pt. */
QFont manifestoTitleFont();
/** The manifesto's body (TL4): Noto Serif, 13 pt. */
QFont manifestoBodyFont();
/** Line height of manifesto paragraphs, in percent of the font's line spacing. */
inline constexpr int kManifestoLineHeight = 150;
/** Space after a manifesto paragraph, in points. */
inline constexpr qreal kManifestoParagraphSpacing = 6.0;
/**
 * Space after the title, in points: the gap, the line that holds the short rule under it (a line
 * of the plan's body type), and the gap after that.
 */
inline constexpr qreal kManifestoTitleSpacing = 8.0 + 4.0 + 14.0 + 22.0;
/** Space above the title, in points: the gap, the small "THE MANIFESTO" line, and its gap. */
inline constexpr qreal kManifestoHeadSpacing = 56.0 + 12.5 + 10.0;

} // namespace Rallybook::Render::PageStyle
