// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/settings.h"

#include <QColor>
#include <QPalette>

class QLabel;
class QScrollArea;
class QVBoxLayout;
class QWidget;

namespace Rallybook::Style {

/** Applies Fusion with a light or dark palette and the brand accent as highlight. */
void applyTheme(Theme theme);
/** True when the application's window colour is dark. */
bool isDark();
/** The accent for text and marks on the current background (BRAND.md). */
QColor accent();
/** A muted text colour for hints on the current background. */
QColor mutedText();

/**
 * A word-wrapped, selectable plain-text label (user data is never read as rich text), optionally
 * scaled and weighted.
 */
QLabel *textLabel(const QString &text, QWidget *parent, qreal scale = 1.0, int weight = -1);
/** Gives a label the muted text colour of hints and captions. */
QLabel *mute(QLabel *label);
/** The small capitals line above a page title ("PART 2 OF 7"), in the accent colour. */
QLabel *kicker(const QString &text, QWidget *parent);
/**
 * Makes `scroll` a page: no frame, no sideways scrolling, and a reading column centred on wide
 * windows (at most readingWidth() + `extraWidth`). Returns the column's layout, to fill.
 */
QVBoxLayout *makeReadingPage(QScrollArea *scroll, int bottomMargin, int extraWidth);

/** The 8 px spacing grid (BRAND.md). */
inline constexpr int kGrid = 8;
/** The widest a reading column grows, in pixels of the default font (about 75 characters). */
int readingWidth();

} // namespace Rallybook::Style
