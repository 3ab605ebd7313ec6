// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/workbook.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

/** The mini manifesto as a phone or desktop wallpaper. */
namespace Rallybook::Render::Wallpaper {

/** Workbook settings that hold the design (JSON) and the picked background image (base64). */
inline constexpr const char *kDesignKey = "wallpaper";
inline constexpr const char *kImageKey = "wallpaperImage";

/**
 * The safe area of a portrait (phone) screen, in percent of its height and width: the top 30 %
 * is the lock screen's clock and date, the bottom 15 % its torch, camera and home-indicator
 * controls, 8 % on each side keeps text off rounded corners. Landscape (desktop) screens keep
 * 10 % at the top and 12 % at the bottom for a menu bar, task bar or dock, and 15 % on each side
 * so that lines stay short enough to read at a glance.
 */
inline constexpr int kPhoneClockPercent = 30;
inline constexpr int kPhoneControlsPercent = 15;
inline constexpr int kPhoneSidePercent = 8;
inline constexpr int kDesktopTopPercent = 10;
inline constexpr int kDesktopBottomPercent = 12;
inline constexpr int kDesktopSidePercent = 15;

/** Font sizes are given for a screen whose shorter side is this many pixels. */
inline constexpr int kReferenceShortSide = 1080;
/** The smallest size text shrinks to, at the reference screen. */
inline constexpr int kMinimumFontSize = 30;
/** Exports are at most this large on either side. */
inline constexpr int kMaximumSide = 8192;

enum class Background { Solid, Gradient, Image };

/** Everything the designer chooses. Stored as JSON in the workbook (kDesignKey). */
struct Design
{
    Background background = Background::Gradient;
    QColor color = QColor(0xB3, 0x26, 0x1E);  ///< solid colour, or the gradient's top
    QColor color2 = QColor(0x4A, 0x0E, 0x0A); ///< the gradient's bottom
    QString fontFamily = QStringLiteral("Noto Serif");
    int fontSize = 72; ///< pixels at kReferenceShortSide
    int fontWeight = 700;
    Qt::Alignment alignment = Qt::AlignHCenter;
    QColor textColor = QColor(Qt::white);
    int safeTop = kPhoneClockPercent;       ///< portrait screens only
    int safeBottom = kPhoneControlsPercent; ///< portrait screens only
    int safeSide = kPhoneSidePercent;       ///< portrait screens only
    QSize size = QSize(1170, 2532);         ///< the device previewed and exported by default

    bool operator==(const Design &other) const = default;

    /** Reads a stored design; anything missing or out of range takes its default. */
    static Design fromJson(const QString &json);
    QString toJson() const;
};

/** A screen size worth offering, with a label. */
struct ScreenSize
{
    QSize size;
    QString label;
};
/** Phones 1170x2532, 1290x2796, 1080x2400; desktops 1920x1080, 2560x1440. */
QList<ScreenSize> standardSizes();
/** Parses "WxH"; an invalid QSize when it is not two whole numbers in 16..kMaximumSide. */
QSize parseSize(const QString &text);

/** The rectangle text must stay inside on a screen of `size`. */
QRect safeArea(const Design &design, QSize size);

/** What rendering made of the text. */
struct Rendered
{
    QImage image;
    /** Where the text was drawn (empty when there is no text). */
    QRect textRect;
    QRect safeArea;
    int fontPixelSize = 0;
    /** Text was made smaller than the design's size to fit. */
    bool shrunk = false;
    /** False when even the minimum size does not fit; the image then shows no text. */
    bool fits = true;
};

/** Renders the wallpaper at `size`. `background` is the decoded image for Background::Image. */
Rendered
render(const Design &design, const QString &text, QSize size, const QImage &background = {});

/**
 * The workbook's wallpaper as the studio designs it (its design, background image and mini
 * manifesto TL1), at the design's size; a null image when there is no text or it does not fit.
 * The plan's cover shows it.
 */
QImage ofWorkbook(const Core::Workbook &workbook);

/**
 * Reads an image the user picked (PNG or JPEG, told apart by their signatures, never by
 * guessing), within an allocation limit and a size check, and returns it scaled to at most
 * 2800 pixels on its longer side and encoded as JPEG, ready to keep in the workbook.
 */
Core::Result<QByteArray> importImage(const QString &path);
/** Decodes an image kept by importImage() (base64 JPEG or PNG); a null image on failure. */
QImage decodeStoredImage(const QByteArray &base64);

/**
 * Exports the wallpaper as a PNG of exactly `size`. Fails, writing nothing, when there is no
 * text or the text does not fit the safe area even at the minimum size.
 */
Core::Result<void> exportPng(const Design &design,
                             const QString &text,
                             QSize size,
                             const QImage &background,
                             const QString &path,
                             bool replace);

} // namespace Rallybook::Render::Wallpaper
