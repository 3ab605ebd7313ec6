// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QStringView>

/**
 * Text measures and matching for the readiness checks. Everything here is Unicode-aware, pure
 * and independent of the locale, so the same text gives the same answer on every machine.
 */
namespace Rallybook::Core::Text {

/**
 * The number of words in `text`. Words are the word segments of Unicode (UAX #29, through
 * QTextBoundaryFinder) that hold a letter or a digit, so punctuation and emoji are not words and
 * each Chinese or Japanese ideograph counts as one, as word processors count them. Segments
 * joined by one apostrophe, hyphen, dash, slash or full stop with no space around it count as
 * one word: "co-founder", "e.g.", "Ask–Build–Ship", "either/or".
 */
int wordCount(QStringView text);

/**
 * The number of sentences in `text`. A sentence ends at ".", "!" or "?" (or "…", or a run of
 * them) followed, after any closing quotes or brackets, by white space or the end of the text;
 * the ideographic full stop and the full-width "！" and "？" end one without a space. A full stop
 * that ends one of `abbreviations` ("e.g.", "Dr.", compared without regard to case) does not end
 * a sentence. Only stretches that hold a word count, so empty text has no sentence and text
 * without a final stop still has one.
 */
int sentenceCount(QStringView text, const QStringList &abbreviations);

/** `text` with typographic apostrophes (’ ‘ ʼ) turned into the plain one ('), for matching. */
QString plainApostrophes(QStringView text);

/** True when the two texts are equal once trimmed, ignoring case and apostrophe style. */
bool sameText(QStringView a, QStringView b);

/** True when `text` contains `part`, ignoring case and apostrophe style. */
bool containsText(QStringView text, QStringView part);

/** True when `text` (trimmed) starts with one of `prefixes`, ignoring case and apostrophe style. */
bool startsWithAny(QStringView text, const QStringList &prefixes);

/**
 * A list of words and phrases matched as whole words and without regard to case ("more" matches
 * "More life" but not "moreover"; the spaces of a phrase match any run of white space), plus
 * optional regular expressions matched as they are (`\b\w+er than\b`). Compiled once; cheap to
 * copy. An empty matcher matches nothing.
 */
class WordMatcher
{
public:
    WordMatcher() = default;

    /** Compiles the list; fails with ErrorCode::InvalidDefinition on a bad pattern. */
    static Result<WordMatcher> create(const QStringList &words, const QStringList &patterns = {});

    bool isEmpty() const { return !m_expression.isValid() || m_expression.pattern().isEmpty(); }
    bool matches(QStringView text) const;
    /** The first match in `text`, as written there; empty when nothing matches. */
    QString firstMatch(QStringView text) const;
    /** `text` with every match replaced by `replacement`. */
    QString replaced(QStringView text, const QString &replacement) const;

private:
    QRegularExpression m_expression;
};

/**
 * True when `text` holds what looks like a person's name: two adjacent capitalised words
 * ("Elon Musk"), once the phrases matched by `notNames` ("Permission Culture") are taken out.
 */
bool containsPersonName(QStringView text, const WordMatcher &notNames);

} // namespace Rallybook::Core::Text
