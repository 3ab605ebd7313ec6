// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/wallpaper.h"

#include "core/fileutil.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QRegularExpression>

#include <algorithm>

namespace Rallybook::Render::Wallpaper {

using Core::Error;
using Core::ErrorCode;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Render::Wallpaper", text);
}

/** Largest picture we decode: about 50 megapixels, 256 MiB of memory. */
constexpr int kMaxImageSide = 12000;
constexpr qint64 kMaxImagePixels = 50'000'000;
constexpr int kAllocationLimitMb = 256;
constexpr int kStoredSide = 2800;

QColor colorOr(const QJsonValue &value, const QColor &fallback)
{
    const QColor color = QColor::fromString(value.toString());
    return color.isValid() ? color : fallback;
}

int intIn(const QJsonValue &value, int low, int high, int fallback)
{
    if (!value.isDouble()) {
        return fallback;
    }
    return std::clamp(value.toInt(fallback), low, high);
}

/** Which format a file's first bytes say it is: "png", "jpeg", or empty. */
QByteArray sniff(const QByteArray &head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n")) {
        return "png";
    }
    if (head.startsWith("\xff\xd8\xff")) {
        return "jpeg";
    }
    return {};
}

QImage readLimited(QIODevice *device, const QByteArray &format, QString *why)
{
    QImageReader reader(device, format);
    reader.setAutoDetectImageFormat(false);
    reader.setDecideFormatFromContent(false);
    reader.setAllocationLimit(kAllocationLimitMb);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty()) {
        *why = tr("it is not a readable PNG or JPEG image");
        return {};
    }
    if (size.width() > kMaxImageSide || size.height() > kMaxImageSide
        || qint64(size.width()) * size.height() > kMaxImagePixels) {
        *why = tr("it is too large (%1 \u00d7 %2 pixels; at most 50 megapixels)")
                   .arg(size.width())
                   .arg(size.height());
        return {};
    }
    QImage image = reader.read();
    if (image.isNull()) {
        *why = tr("it could not be read (%1)").arg(reader.errorString());
    }
    return image;
}

void paintBackground(QPainter &painter, const Design &design, QSize size, const QImage &image)
{
    const QRect all(QPoint(0, 0), size);
    if (design.background == Background::Image && !image.isNull()) {
        // Cover the screen, centred, cropping what does not fit.
        const QSize scaled = image.size().scaled(size, Qt::KeepAspectRatioByExpanding);
        const QRect target(
            QPoint((size.width() - scaled.width()) / 2, (size.height() - scaled.height()) / 2),
            scaled);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(target, image);
        return;
    }
    if (design.background == Background::Gradient) {
        QLinearGradient gradient(0, 0, 0, size.height());
        gradient.setColorAt(0, design.color);
        gradient.setColorAt(1, design.color2);
        painter.fillRect(all, gradient);
        return;
    }
    painter.fillRect(all, design.color);
}

int textFlags(const Design &design)
{
    const Qt::Alignment horizontal = design.alignment & Qt::AlignHorizontal_Mask;
    return int(horizontal ? horizontal : Qt::AlignHCenter) | Qt::AlignVCenter | Qt::TextWordWrap;
}

} // namespace

Design Design::fromJson(const QString &json)
{
    Design design;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    const QString background = object.value(QLatin1String("background")).toString();
    if (background == QLatin1String("solid")) {
        design.background = Background::Solid;
    } else if (background == QLatin1String("image")) {
        design.background = Background::Image;
    } else if (background == QLatin1String("gradient")) {
        design.background = Background::Gradient;
    }
    design.color = colorOr(object.value(QLatin1String("color")), design.color);
    design.color2 = colorOr(object.value(QLatin1String("color2")), design.color2);
    design.textColor = colorOr(object.value(QLatin1String("textColor")), design.textColor);
    const QString family = object.value(QLatin1String("fontFamily")).toString();
    if (!family.isEmpty() && family.size() <= 100) {
        design.fontFamily = family;
    }
    design.fontSize = intIn(object.value(QLatin1String("fontSize")), 12, 400, design.fontSize);
    design.fontWeight =
        intIn(object.value(QLatin1String("fontWeight")), 100, 900, design.fontWeight);
    const QString alignment = object.value(QLatin1String("alignment")).toString();
    if (alignment == QLatin1String("left")) {
        design.alignment = Qt::AlignLeft;
    } else if (alignment == QLatin1String("right")) {
        design.alignment = Qt::AlignRight;
    } else if (alignment == QLatin1String("center")) {
        design.alignment = Qt::AlignHCenter;
    }
    design.safeTop = intIn(object.value(QLatin1String("safeTop")), 0, 45, design.safeTop);
    design.safeBottom = intIn(object.value(QLatin1String("safeBottom")), 0, 45, design.safeBottom);
    design.safeSide = intIn(object.value(QLatin1String("safeSide")), 0, 30, design.safeSide);
    const QSize size = parseSize(object.value(QLatin1String("size")).toString());
    if (size.isValid()) {
        design.size = size;
    }
    return design;
}

QString Design::toJson() const
{
    QJsonObject object;
    const char *backgrounds[] = {"solid", "gradient", "image"};
    object.insert(QLatin1String("background"), QLatin1String(backgrounds[int(background)]));
    object.insert(QLatin1String("color"), color.name());
    object.insert(QLatin1String("color2"), color2.name());
    object.insert(QLatin1String("textColor"), textColor.name());
    object.insert(QLatin1String("fontFamily"), fontFamily);
    object.insert(QLatin1String("fontSize"), fontSize);
    object.insert(QLatin1String("fontWeight"), fontWeight);
    object.insert(QLatin1String("alignment"),
                  QLatin1String(alignment & Qt::AlignLeft    ? "left"
                                : alignment & Qt::AlignRight ? "right"
                                                             : "center"));
    object.insert(QLatin1String("safeTop"), safeTop);
    object.insert(QLatin1String("safeBottom"), safeBottom);
    object.insert(QLatin1String("safeSide"), safeSide);
    object.insert(QLatin1String("size"),
                  QStringLiteral("%1x%2").arg(size.width()).arg(size.height()));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QList<ScreenSize> standardSizes()
{
    return {
        {QSize(1170, 2532), tr("Phone 1170 \u00d7 2532 (iPhone 12\u201314)")},
        {QSize(1290, 2796), tr("Phone 1290 \u00d7 2796 (iPhone Pro Max)")},
        {QSize(1080, 2400), tr("Phone 1080 \u00d7 2400 (Android)")},
        {QSize(1920, 1080), tr("Desktop 1920 \u00d7 1080 (Full HD)")},
        {QSize(2560, 1440), tr("Desktop 2560 \u00d7 1440 (QHD)")},
    };
}

QSize parseSize(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d{2,5})\\s*[xX\u00d7]\\s*(\\d{2,5})\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return {};
    }
    const int width = match.captured(1).toInt();
    const int height = match.captured(2).toInt();
    if (width < 16 || height < 16 || width > kMaximumSide || height > kMaximumSide) {
        return {};
    }
    return QSize(width, height);
}

QRect safeArea(const Design &design, QSize size)
{
    const bool portrait = size.height() >= size.width();
    const int top = portrait ? design.safeTop : kDesktopTopPercent;
    const int bottom = portrait ? design.safeBottom : kDesktopBottomPercent;
    const int side = portrait ? design.safeSide : kDesktopSidePercent;
    const int left = size.width() * side / 100;
    const int topPx = size.height() * top / 100;
    const int bottomPx = size.height() * bottom / 100;
    return QRect(left,
                 topPx,
                 std::max(1, size.width() - 2 * left),
                 std::max(1, size.height() - topPx - bottomPx));
}

Rendered render(const Design &design, const QString &text, QSize size, const QImage &background)
{
    Rendered out;
    out.image = QImage(size, QImage::Format_RGB32);
    out.safeArea = safeArea(design, size);
    QPainter painter(&out.image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintBackground(painter, design, size, background);

    const QString shown = text.trimmed();
    if (shown.isEmpty()) {
        return out;
    }
    const qreal scale = qreal(std::min(size.width(), size.height())) / kReferenceShortSide;
    const int wanted = std::max(1, qRound(design.fontSize * scale));
    const int minimum = std::min(wanted, std::max(1, qRound(kMinimumFontSize * scale)));
    QFont font(design.fontFamily);
    font.setWeight(QFont::Weight(design.fontWeight));
    const int flags = textFlags(design);
    const QRect area = out.safeArea;
    auto fitsAt = [&](int pixels, QRect *used) {
        font.setPixelSize(pixels);
        painter.setFont(font);
        *used = painter.boundingRect(area, flags, shown);
        return used->width() <= area.width() && used->height() <= area.height();
    };
    // The largest size from `minimum` to `wanted` at which the text fits.
    QRect used;
    if (fitsAt(wanted, &used)) {
        out.fontPixelSize = wanted;
    } else if (!fitsAt(minimum, &used)) {
        out.fits = false;
        return out;
    } else {
        int low = minimum;
        int high = wanted;
        while (high - low > 1) {
            const int middle = (low + high) / 2;
            QRect tried;
            if (fitsAt(middle, &tried)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        out.fontPixelSize = low;
        out.shrunk = true;
        fitsAt(low, &used);
    }
    font.setPixelSize(out.fontPixelSize);
    painter.setFont(font);
    if (design.background == Background::Image) {
        // A soft shadow keeps text legible on a busy picture.
        painter.setPen(QColor(0, 0, 0, 110));
        const int offset = std::max(1, out.fontPixelSize / 24);
        painter.drawText(area.translated(offset, offset), flags, shown);
    }
    painter.setPen(design.textColor);
    painter.drawText(area, flags, shown, &used);
    out.textRect = used;
    return out;
}

Core::Result<QByteArray> importImage(const QString &path)
{
    const QString name = QStringLiteral("\u201c%1\u201d").arg(QFileInfo(path).fileName());
    auto failed = [&](const QString &why) {
        return Error{ErrorCode::InvalidValue,
                     tr("Rallybook cannot use %1 as a background: %2. The wallpaper was not "
                        "changed.")
                         .arg(name, why),
                     path};
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failed(file.errorString());
    }
    const QByteArray format = sniff(file.peek(16));
    if (format.isEmpty()) {
        return failed(tr("only PNG and JPEG images can be used"));
    }
    QString why;
    QImage image = readLimited(&file, format, &why);
    if (image.isNull()) {
        return failed(why);
    }
    if (std::max(image.width(), image.height()) > kStoredSide) {
        image =
            image.scaled(kStoredSide, kStoredSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(90);
    if (!writer.write(image.convertToFormat(QImage::Format_RGB32))) {
        return failed(writer.errorString());
    }
    return bytes.toBase64();
}

QImage ofWorkbook(const Core::Workbook &workbook)
{
    const QString text =
        workbook.value(workbook.definition().idFor(Core::Role::MiniManifesto)).toString();
    if (text.trimmed().isEmpty()) {
        return {};
    }
    const Design design = Design::fromJson(workbook.setting(QLatin1String(kDesignKey)).toString());
    const QImage background =
        design.background == Background::Image
            ? decodeStoredImage(workbook.setting(QLatin1String(kImageKey)).toByteArray())
            : QImage();
    const Rendered rendered = render(design, text, design.size, background);
    return rendered.fits ? rendered.image : QImage();
}

QImage decodeStoredImage(const QByteArray &base64)
{
    const QByteArray bytes = QByteArray::fromBase64(base64);
    const QByteArray format = sniff(bytes.left(16));
    if (format.isEmpty()) {
        return {};
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QString why;
    return readLimited(&buffer, format, &why);
}

Core::Result<void> exportPng(const Design &design,
                             const QString &text,
                             QSize size,
                             const QImage &background,
                             const QString &path,
                             bool replace)
{
    const QString name = QStringLiteral("\u201c%1\u201d").arg(QFileInfo(path).fileName());
    if (text.trimmed().isEmpty()) {
        return Error{
            ErrorCode::InvalidValue,
            tr("The mini manifesto is empty, so %1 was not written. Write it first.").arg(name),
            path};
    }
    if (!size.isValid() || size.width() > kMaximumSide || size.height() > kMaximumSide) {
        return Error{ErrorCode::InvalidValue,
                     tr("%1 \u00d7 %2 is not a size Rallybook can export (16 to %3 pixels a side); "
                        "nothing was written.")
                         .arg(size.width())
                         .arg(size.height())
                         .arg(kMaximumSide),
                     path};
    }
    const Rendered rendered = render(design, text, size, background);
    if (!rendered.fits) {
        return Error{ErrorCode::InvalidValue,
                     tr("The mini manifesto does not fit the safe area of a %1 \u00d7 %2 screen, "
                        "even at the smallest legible size, so %3 was not written. Shorten it, "
                        "or make the safe margins smaller.")
                         .arg(size.width())
                         .arg(size.height())
                         .arg(name),
                     path};
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!rendered.image.save(&buffer, "PNG")) {
        return Error{ErrorCode::Internal, tr("The wallpaper could not be encoded as PNG."), path};
    }
    return Core::Files::writeFile(path, bytes, replace);
}

} // namespace Rallybook::Render::Wallpaper
