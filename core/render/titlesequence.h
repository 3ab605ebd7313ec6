// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

namespace Rallybook::Core {
class Definition;
class Workbook;
} // namespace Rallybook::Core

/** The video title sequence (the beats' roles of the definition): a storyboard of timed beats. */
namespace Rallybook::Render::TitleSequence {

/** The workbook setting that holds an edited storyboard (JSON). */
inline constexpr const char *kSettingKey = "titleSequence";
/** A new beat lasts this long. */
inline constexpr int kDefaultMilliseconds = 4000;
inline constexpr int kMinimumMilliseconds = 500;
inline constexpr int kMaximumMilliseconds = 60000;
inline constexpr int kMaximumBeats = 60;
inline constexpr int kMaximumTextLength = 300;
/** Frames and the player cross-fade between beats over this long. */
inline constexpr int kTransitionMilliseconds = 600;

/** One card of the storyboard. */
struct Beat
{
    /** "leader", "movement", "stand", "different", "fight", "identity", or "custom". */
    QString kind;
    QString text;
    int milliseconds = kDefaultMilliseconds;
    QColor background;

    bool operator==(const Beat &other) const = default;
};

/** The six beats' kinds, in the order they play (docs/definition.md, "Roles"). */
QStringList standardKinds();
/** A kind as the storyboard names it ("The leader"). */
QString kindLabel(const QString &kind);
/**
 * The id of the field (or part) a standard beat's text comes from: the one with the beat's role
 * in `definition` (Role::EnemyBeat for "fight"); empty for a custom beat or a missing role.
 */
QString fieldOf(const Core::Definition &definition, const QString &kind);

/** The whole storyboard. */
struct Sequence
{
    QList<Beat> beats;
    /** True once the user edited it; until then its texts follow the beats' fields. */
    bool edited = false;

    bool operator==(const Sequence &other) const = default;

    int totalMilliseconds() const;
    /** When each beat starts, in milliseconds from the start. */
    QList<int> starts() const;

    /** The six beats, their texts from the fields with the beats' roles, 4 s each. */
    static Sequence fromFields(const Core::Workbook &workbook);
    /** The stored storyboard, or fromFields() while the user has not edited it. */
    static Sequence of(const Core::Workbook &workbook);
    /** Reads a stored storyboard; a malformed one gives an error that says what is wrong. */
    static Core::Result<Sequence> fromJson(const QString &json);
    QString toJson() const;
};

/** Paints one beat full-bleed into `rect`: its background and its text, centred, fitted. */
void paintBeat(QPainter &painter, const QRectF &rect, const Beat &beat);
/** One beat as a frame of `size` (1920x1080 by default). */
QImage frame(const Beat &beat, QSize size = QSize(1920, 1080));

/** SubRip subtitles: one cue per beat that has text, at its time in the sequence. */
QByteArray toSrt(const Sequence &sequence);
/** A PDF of one 16:9 slide per beat, with its number, kind and time under the text. */
QByteArray toPdf(const Sequence &sequence);

/** Writes toSrt() or toPdf() by `path`'s extension (.srt or .pdf), whole or not at all. */
Core::Result<void> exportFile(const Sequence &sequence, const QString &path, bool replace);
/**
 * Writes one 1920x1080 PNG per beat into `folder`: title-01-leader.png, title-02-movement.png...
 * (names made from the beat's number and kind, never from its text). Returns the files written.
 */
Core::Result<QStringList>
exportFrames(const Sequence &sequence, const QString &folder, bool replace);

} // namespace Rallybook::Render::TitleSequence
