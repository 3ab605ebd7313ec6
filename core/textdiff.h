// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

/**
 * Reading time and a word-level diff of prose. Words and sentences are counted by core/text.h,
 * as the readiness checks count them.
 */
namespace Rallybook::Core::TextDiff {

/** Seconds to read `words` silently (200 words a minute) or aloud (130 words a minute). */
int readingSeconds(int words);
int speakingSeconds(int words);

/** One stretch of a word diff. */
struct DiffPart
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text; ///< as written, with its spacing
};

/** A word-level comparison of two texts. */
struct Diff
{
    /** `before` cut into Same and Removed stretches. */
    QList<DiffPart> before;
    /** `after` cut into Same and Added stretches. */
    QList<DiffPart> after;
    int wordsRemoved = 0;
    int wordsAdded = 0;
};

/**
 * Compares two texts word by word (Myers' algorithm); spacing and line breaks alone are not
 * differences. Past a few thousand changed words it reports the whole text as replaced rather
 * than take long.
 */
Diff diffWords(const QString &before, const QString &after);

} // namespace Rallybook::Core::TextDiff
