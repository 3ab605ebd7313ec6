// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/titlesequence.h"

#include "core/fileutil.h"
#include "core/render/brand.h"
#include "core/workbook.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace Rallybook::Render::TitleSequence {

using Core::Error;
using Core::ErrorCode;
using Core::Result;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Render::TitleSequence", text);
}

const QColor kNight(0x1C, 0x1B, 0x1F);

QColor defaultBackground(const QString &kind)
{
    // The banner red on the beats that name the movement and the viewer; night between.
    return kind == QLatin1String("movement") || kind == QLatin1String("identity")
               ? Brand::accent(false)
               : kNight;
}

QString timestamp(int milliseconds)
{
    const int hours = milliseconds / 3600000;
    const int minutes = milliseconds / 60000 % 60;
    const int seconds = milliseconds / 1000 % 60;
    return QStringLiteral("%1:%2:%3,%4")
        .arg(hours, 2, 10, QLatin1Char('0'))
        .arg(minutes, 2, 10, QLatin1Char('0'))
        .arg(seconds, 2, 10, QLatin1Char('0'))
        .arg(milliseconds % 1000, 3, 10, QLatin1Char('0'));
}

QString clock(int milliseconds)
{
    return QStringLiteral("%1:%2.%3")
        .arg(milliseconds / 60000)
        .arg(milliseconds / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(milliseconds / 100 % 10);
}

/** The largest font, up to `wanted` pixels, at which `text` fits `box` wrapped at words. */
QFont fittedFont(QPainter &painter, const QRectF &box, const QString &text, qreal wanted, int flags)
{
    QFont font(Brand::headingFamily());
    font.setWeight(QFont::Bold);
    int size = std::max(1, int(wanted));
    const int smallest = std::max(1, int(wanted / 4));
    for (; size > smallest; size = size * 9 / 10) {
        font.setPixelSize(size);
        painter.setFont(font);
        const QRectF used = painter.boundingRect(box, flags, text);
        if (used.width() <= box.width() && used.height() <= box.height()) {
            break;
        }
    }
    font.setPixelSize(size);
    return font;
}

void paintCaption(QPainter &painter, const QRectF &rect, const QString &caption)
{
    QFont font(Brand::bodyFamily());
    font.setPixelSize(std::max(1, int(rect.height() * 0.028)));
    painter.setFont(font);
    painter.setPen(QColor(255, 255, 255, 170));
    const qreal margin = rect.height() * 0.05;
    painter.drawText(rect.adjusted(margin, margin, -margin, -margin),
                     Qt::AlignLeft | Qt::AlignBottom | Qt::TextSingleLine,
                     caption);
}

} // namespace

QStringList standardKinds()
{
    return {QStringLiteral("leader"),
            QStringLiteral("movement"),
            QStringLiteral("stand"),
            QStringLiteral("different"),
            QStringLiteral("fight"),
            QStringLiteral("identity")};
}

QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("leader")) {
        return tr("The leader");
    }
    if (kind == QLatin1String("movement")) {
        return tr("The movement");
    }
    if (kind == QLatin1String("stand")) {
        return tr("Our stand");
    }
    if (kind == QLatin1String("different")) {
        return tr("Why we\u2019re different");
    }
    if (kind == QLatin1String("fight")) {
        return tr("What we fight");
    }
    if (kind == QLatin1String("identity")) {
        return tr("Who you are");
    }
    return tr("Card");
}

QString fieldOf(const Core::Definition &definition, const QString &kind)
{
    using Core::Role;
    static const QList<std::pair<QString, Role>> roles{
        {QStringLiteral("leader"), Role::LeaderBeat},
        {QStringLiteral("movement"), Role::MovementBeat},
        {QStringLiteral("stand"), Role::StandBeat},
        {QStringLiteral("different"), Role::DifferenceBeat},
        {QStringLiteral("fight"), Role::EnemyBeat},
        {QStringLiteral("identity"), Role::IdentityBeat},
    };
    for (const auto &[name, role] : roles) {
        if (name == kind) {
            return definition.idFor(role);
        }
    }
    return {};
}

int Sequence::totalMilliseconds() const
{
    int total = 0;
    for (const Beat &beat : beats) {
        total += beat.milliseconds;
    }
    return total;
}

QList<int> Sequence::starts() const
{
    QList<int> result;
    int at = 0;
    for (const Beat &beat : beats) {
        result.append(at);
        at += beat.milliseconds;
    }
    return result;
}

Sequence Sequence::fromFields(const Core::Workbook &workbook)
{
    Sequence sequence;
    for (const QString &kind : standardKinds()) {
        sequence.beats.append(Beat{kind,
                                   workbook.value(fieldOf(workbook.definition(), kind)).toString(),
                                   kDefaultMilliseconds,
                                   defaultBackground(kind)});
    }
    return sequence;
}

Sequence Sequence::of(const Core::Workbook &workbook)
{
    const QString stored = workbook.setting(QLatin1String(kSettingKey)).toString();
    if (!stored.isEmpty()) {
        if (auto parsed = fromJson(stored)) {
            return parsed.value();
        }
    }
    return fromFields(workbook);
}

Result<Sequence> Sequence::fromJson(const QString &json)
{
    auto invalid = [](const QString &why) {
        return Error{ErrorCode::InvalidJson,
                     tr("The stored title sequence cannot be read: %1. The beats of the Title of "
                        "Liberty section are shown instead.")
                         .arg(why),
                     QString()};
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (!document.isObject()) {
        return invalid(parseError.errorString());
    }
    const QJsonArray beats = document.object().value(QLatin1String("beats")).toArray();
    if (beats.size() > kMaximumBeats) {
        return invalid(tr("it has more than %1 beats").arg(kMaximumBeats));
    }
    Sequence sequence;
    sequence.edited = true;
    for (const QJsonValue &value : beats) {
        const QJsonObject object = value.toObject();
        Beat beat;
        beat.kind = object.value(QLatin1String("kind")).toString();
        if (!standardKinds().contains(beat.kind)) {
            beat.kind = QStringLiteral("custom");
        }
        beat.text = object.value(QLatin1String("text")).toString().left(kMaximumTextLength);
        beat.milliseconds =
            std::clamp(object.value(QLatin1String("ms")).toInt(kDefaultMilliseconds),
                       kMinimumMilliseconds,
                       kMaximumMilliseconds);
        beat.background = QColor::fromString(object.value(QLatin1String("background")).toString());
        if (!beat.background.isValid()) {
            beat.background = defaultBackground(beat.kind);
        }
        sequence.beats.append(beat);
    }
    return sequence;
}

QString Sequence::toJson() const
{
    QJsonArray array;
    for (const Beat &beat : beats) {
        array.append(QJsonObject{{QLatin1String("kind"), beat.kind},
                                 {QLatin1String("text"), beat.text},
                                 {QLatin1String("ms"), beat.milliseconds},
                                 {QLatin1String("background"), beat.background.name()}});
    }
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QLatin1String("beats"), array}}).toJson(QJsonDocument::Compact));
}

void paintBeat(QPainter &painter, const QRectF &rect, const Beat &beat)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(rect, beat.background.isValid() ? beat.background : kNight);
    const QString text = beat.text.trimmed();
    if (!text.isEmpty()) {
        const QRectF box = rect.adjusted(
            rect.width() * 0.1, rect.height() * 0.15, -rect.width() * 0.1, -rect.height() * 0.15);
        const int flags = Qt::AlignCenter | Qt::TextWordWrap;
        painter.setFont(fittedFont(painter, box, text, rect.height() * 0.085, flags));
        painter.setPen(Qt::white);
        painter.drawText(box, flags, text);
    }
    painter.restore();
}

QImage frame(const Beat &beat, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    paintBeat(painter, QRectF(QPointF(0, 0), size), beat);
    return image;
}

QByteArray toSrt(const Sequence &sequence)
{
    QString out;
    int number = 0;
    int at = 0;
    for (const Beat &beat : sequence.beats) {
        const int end = at + beat.milliseconds;
        QString text = beat.text.trimmed();
        if (!text.isEmpty()) {
            // A blank line would end the cue early: keep the text's lines, drop empty ones.
            QStringList lines = text.split(u'\n');
            lines.removeIf([](const QString &line) {
                return line.trimmed().isEmpty();
            });
            out += QStringLiteral("%1\n%2 --> %3\n%4\n\n")
                       .arg(++number)
                       .arg(timestamp(at), timestamp(end), lines.join(u'\n'));
        }
        at = end;
    }
    return out.toUtf8();
}

QByteArray toPdf(const Sequence &sequence)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(tr("Title sequence"));
    writer.setCreator(QStringLiteral("Rallybook"));
    writer.setResolution(144);
    // A 16:9 slide, 254 × 142.875 mm (10 × 5.625 inches), with no margins. QPageSize is given
    // upright; the layout turns it.
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(142.875, 254), QPageSize::Millimeter),
                                     QPageLayout::Landscape,
                                     QMarginsF(),
                                     QPageLayout::Millimeter));
    QPainter painter;
    const QList<int> starts = sequence.starts();
    for (int i = 0; i < sequence.beats.size(); ++i) {
        if (i == 0) {
            if (!painter.begin(&writer)) {
                return {};
            }
        } else {
            writer.newPage();
        }
        const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        const Beat &beat = sequence.beats.at(i);
        paintBeat(painter, page, beat);
        paintCaption(painter,
                     page,
                     tr("%1 / %2  \u00b7  %3  \u00b7  %4\u2013%5")
                         .arg(i + 1)
                         .arg(sequence.beats.size())
                         .arg(kindLabel(beat.kind),
                              clock(starts.at(i)),
                              clock(starts.at(i) + beat.milliseconds)));
    }
    if (painter.isActive()) {
        painter.end();
    }
    return bytes;
}

Result<void> exportFile(const Sequence &sequence, const QString &path, bool replace)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString name = QStringLiteral("\u201c%1\u201d").arg(QFileInfo(path).fileName());
    if (sequence.beats.isEmpty()) {
        return Error{ErrorCode::InvalidValue,
                     tr("The title sequence has no beats, so %1 was not written.").arg(name),
                     path};
    }
    if (suffix == QLatin1String("srt")) {
        return Core::Files::writeFile(path, toSrt(sequence), replace);
    }
    if (suffix == QLatin1String("pdf")) {
        const QByteArray pdf = toPdf(sequence);
        if (pdf.isEmpty()) {
            return Error{ErrorCode::Internal, tr("The slides could not be drawn."), path};
        }
        return Core::Files::writeFile(path, pdf, replace);
    }
    return Error{ErrorCode::InvalidValue,
                 tr("%1 ends in neither .pdf nor .srt, so Rallybook does not know which to write; "
                    "nothing was written.")
                     .arg(name),
                 path};
}

Result<QStringList> exportFrames(const Sequence &sequence, const QString &folder, bool replace)
{
    const QDir dir(folder);
    if (!QFileInfo(folder).isDir()) {
        return Error{ErrorCode::NotFound,
                     tr("The folder %1 does not exist; no frames were written.").arg(folder),
                     folder};
    }
    QStringList written;
    for (int i = 0; i < sequence.beats.size(); ++i) {
        const Beat &beat = sequence.beats.at(i);
        const QString file = dir.filePath(
            QStringLiteral("title-%1-%2.png").arg(i + 1, 2, 10, QLatin1Char('0')).arg(beat.kind));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        frame(beat).save(&buffer, "PNG");
        if (auto done = Core::Files::writeFile(file, bytes, replace); !done) {
            return done.error();
        }
        written.append(file);
    }
    return written;
}

} // namespace Rallybook::Render::TitleSequence
