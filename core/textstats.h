// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

/** Counting and comparing prose: words, sentences, reading time, and a word-level diff. */
namespace Rallybook::Core::TextStats {

/** Words: Unicode word segments (UAX #29) that hold a letter or a digit. */
int wordCount(QStringView text);
/**
 * Sentences: stretches ended by ".", "!", "?" or "…" (then a space, a closing quote or the end)
 * that hold a word; text without a final stop still counts as one sentence.
 */
int sentenceCount(QStringView text);
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

} // namespace Rallybook::Core::TextStats
