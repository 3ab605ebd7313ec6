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

/** US Letter where it is the custom (the Americas that use it, the Philippines), A4 elsewhere. */
QPageSize pageSize(const QLocale &locale = QLocale());
/** Margins in millimetres: 25 on every side (about one inch). */
QMarginsF marginsMillimetres();
/** The page layout of the plan: pageSize(locale), portrait, marginsMillimetres(). */
QPageLayout pageLayout(const QLocale &locale = QLocale());

/** The manifesto's title (TL3): Noto Serif, bold, 20 pt. */
QFont manifestoTitleFont();
/** The manifesto's body (TL4): Noto Serif, 11.5 pt. */
QFont manifestoBodyFont();
/** Line height of manifesto paragraphs, in percent of the font's line spacing. */
inline constexpr int kManifestoLineHeight = 135;
/** Space after a manifesto paragraph, in points. */
inline constexpr qreal kManifestoParagraphSpacing = 7.0;

} // namespace Rallybook::Render::PageStyle
