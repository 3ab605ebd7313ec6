// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text.h"

#include <QCoreApplication>
#include <QTextBoundaryFinder>

namespace Rallybook::Core::Text {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Core::Text", text);
}

constexpr char16_t kApostrophes[] = {u'\u2019', u'\u2018', u'\u02BC'};

bool isTypographicApostrophe(QChar c)
{
    for (char16_t a : kApostrophes) {
        if (c == QChar(a)) {
            return true;
        }
    }
    return false;
}

/** The code point at `i` (joining a surrogate pair) and how many UTF-16 units it takes. */
char32_t codePointAt(QStringView text, qsizetype i, qsizetype *units)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    *units = 1;
    return c.unicode();
}

bool holdsWordCharacter(QStringView text)
{
    for (qsizetype i = 0; i < text.size();) {
        qsizetype units = 1;
        if (QChar::isLetterOrNumber(codePointAt(text, i, &units))) {
            return true;
        }
        i += units;
    }
    return false;
}

/** A character that joins two word segments into one word when it stands alone between them. */
bool isJoiner(QChar c)
{
    return c == u'\'' || c == u'.' || c == u'/' || isTypographicApostrophe(c)
           || c.category() == QChar::Punctuation_Dash;
}

/** ".", "!", "?", "…" and their relatives in other scripts, which end a sentence before a space. */
bool isSpacedTerminator(QChar c)
{
    switch (c.unicode()) {
    case u'.':
    case u'!':
    case u'?':
    case u'\u2026': // …
    case u'\u203C': // ‼
    case u'\u2047': // ⁇
    case u'\u2048': // ⁈
    case u'\u2049': // ⁉
    case u'\u037E': // Greek question mark
    case u'\u061F': // Arabic question mark
    case u'\u06D4': // Arabic full stop
    case u'\u0964': // Devanagari danda
    case u'\u0965': // Devanagari double danda
        return true;
    default:
        return false;
    }
}

/** Full stops of scripts written without spaces: they end a sentence on their own. */
bool isUnspacedTerminator(QChar c)
{
    switch (c.unicode()) {
    case u'\u3002': // 。
    case u'\uFF01': // ！
    case u'\uFF1F': // ？
    case u'\uFF0E': // ．
    case u'\uFF61': // ｡
        return true;
    default:
        return false;
    }
}

bool isClosing(QChar c)
{
    const QChar::Category category = c.category();
    return c == u'"' || c == u'\'' || category == QChar::Punctuation_Close
           || category == QChar::Punctuation_FinalQuote || c == u'\u2019' || c == u'\u201D'
           || c == u'\u00BB' || c == u'\u300D' || c == u'\u300F';
}

bool isOpening(QChar c)
{
    const QChar::Category category = c.category();
    return c == u'"' || c == u'\'' || category == QChar::Punctuation_Open
           || category == QChar::Punctuation_InitialQuote || c == u'\u201C' || c == u'\u2018'
           || c == u'\u00AB';
}

/** True when the full stop at `stop` ends one of `abbreviations` ("e.g.", "Dr."). */
bool endsAbbreviation(QStringView text, qsizetype stop, const QStringList &abbreviations)
{
    qsizetype start = stop;
    while (start > 0 && !text.at(start - 1).isSpace()) {
        --start;
    }
    while (start < stop && isOpening(text.at(start))) {
        ++start;
    }
    const QStringView token = text.mid(start, stop - start + 1);
    for (const QString &abbreviation : abbreviations) {
        if (token.compare(abbreviation, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

/** A word or phrase as a pattern: escaped, any white space for its spaces, any apostrophe. */
QString wordPattern(const QString &word)
{
    QString pattern;
    const QStringList pieces = word.simplified().split(u' ');
    for (qsizetype p = 0; p < pieces.size(); ++p) {
        if (p > 0) {
            pattern += QStringLiteral("\\s+");
        }
        QStringList parts = plainApostrophes(pieces.at(p)).split(u'\'');
        for (QString &part : parts) {
            part = QRegularExpression::escape(part);
        }
        pattern += parts.join(QStringLiteral("['\u2019\u2018\u02BC]"));
    }
    return pattern;
}

} // namespace

int wordCount(QStringView text)
{
    if (text.isEmpty()) {
        return 0;
    }
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    int words = 0;
    qsizetype start = 0;
    qsizetype previousWordEnd = -1; // end of the last segment that was a word, or -1
    for (qsizetype end = finder.toNextBoundary(); end > 0; end = finder.toNextBoundary()) {
        const QStringView segment = text.mid(start, end - start);
        if (holdsWordCharacter(segment)) {
            // "co-founder", "e.g": two segments around a lone joiner are one word.
            const bool joined = previousWordEnd >= 0 && start - previousWordEnd == 1
                                && isJoiner(text.at(previousWordEnd));
            if (!joined) {
                ++words;
            }
            previousWordEnd = end;
        } else if (segment.size() != 1 || !isJoiner(segment.front()) || start != previousWordEnd) {
            previousWordEnd = -1;
        }
        start = end;
    }
    return words;
}

int sentenceCount(QStringView text, const QStringList &abbreviations)
{
    int sentences = 0;
    bool hasWord = false; // the sentence being read holds a letter or digit
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = text.at(i);
        const bool unspaced = isUnspacedTerminator(c);
        if (unspaced || isSpacedTerminator(c)) {
            qsizetype after = i;
            while (
                after < n
                && (isSpacedTerminator(text.at(after)) || isUnspacedTerminator(text.at(after)))) {
                ++after;
            }
            qsizetype next = after;
            while (next < n && isClosing(text.at(next))) {
                ++next;
            }
            const bool ends = unspaced || next == n || text.at(next).isSpace();
            const bool abbreviation =
                c == u'.' && after == i + 1 && endsAbbreviation(text, i, abbreviations);
            if (ends && !abbreviation && hasWord) {
                ++sentences;
                hasWord = false;
            }
            i = next;
            continue;
        }
        qsizetype units = 1;
        if (QChar::isLetterOrNumber(codePointAt(text, i, &units))) {
            hasWord = true;
        }
        i += units;
    }
    return hasWord ? sentences + 1 : sentences;
}

QString plainApostrophes(QStringView text)
{
    QString plain = text.toString();
    for (QChar &c : plain) {
        if (isTypographicApostrophe(c)) {
            c = u'\'';
        }
    }
    return plain;
}

bool sameText(QStringView a, QStringView b)
{
    return plainApostrophes(a.trimmed()).compare(plainApostrophes(b.trimmed()), Qt::CaseInsensitive)
           == 0;
}

bool containsText(QStringView text, QStringView part)
{
    return plainApostrophes(text).contains(plainApostrophes(part), Qt::CaseInsensitive);
}

bool startsWithAny(QStringView text, const QStringList &prefixes)
{
    const QString plain = plainApostrophes(text.trimmed());
    for (const QString &prefix : prefixes) {
        if (!prefix.isEmpty() && plain.startsWith(plainApostrophes(prefix), Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

Result<WordMatcher> WordMatcher::create(const QStringList &words, const QStringList &patterns)
{
    QStringList alternatives;
    QStringList wordPatterns;
    for (const QString &word : words) {
        if (!word.trimmed().isEmpty()) {
            wordPatterns.append(wordPattern(word));
        }
    }
    if (!wordPatterns.isEmpty()) {
        // Whole words: no letter, digit, mark or underscore may touch the match on either side.
        alternatives.append(
            QStringLiteral("(?<![\\p{L}\\p{N}\\p{M}_])(?:%1)(?![\\p{L}\\p{N}\\p{M}_])")
                .arg(wordPatterns.join(u'|')));
    }
    const QRegularExpression::PatternOptions options =
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
    for (const QString &pattern : patterns) {
        const QRegularExpression alone(pattern, options);
        if (!alone.isValid()) {
            return Error{ErrorCode::InvalidDefinition,
                         tr("The pattern \u201c%1\u201d is not a valid regular expression: %2")
                             .arg(pattern, alone.errorString()),
                         pattern};
        }
        alternatives.append(QStringLiteral("(?:%1)").arg(pattern));
    }
    WordMatcher matcher;
    if (!alternatives.isEmpty()) {
        matcher.m_expression = QRegularExpression(alternatives.join(u'|'), options);
        if (!matcher.m_expression.isValid()) {
            return Error{
                ErrorCode::InvalidDefinition,
                tr("The word list cannot be matched: %1").arg(matcher.m_expression.errorString()),
                matcher.m_expression.pattern()};
        }
        matcher.m_expression.optimize();
    }
    return matcher;
}

bool WordMatcher::matches(QStringView text) const
{
    return !isEmpty() && !text.isEmpty() && m_expression.match(text).hasMatch();
}

QString WordMatcher::firstMatch(QStringView text) const
{
    if (isEmpty() || text.isEmpty()) {
        return {};
    }
    return m_expression.match(text).captured(0);
}

QString WordMatcher::replaced(QStringView text, const QString &replacement) const
{
    QString result = text.toString();
    if (!isEmpty()) {
        result.replace(m_expression, replacement);
    }
    return result;
}

bool containsPersonName(QStringView text, const WordMatcher &notNames)
{
    // Whitelisted phrases become a mark that is neither a word nor a space, so they pair with
    // nothing.
    const QString masked = notNames.replaced(text, QStringLiteral("\u25A1"));
    static const QRegularExpression words(QStringLiteral("[\\p{L}\\p{M}\\p{N}'\u2019-]+"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    qsizetype previousEnd = -1;
    bool previousCapitalised = false;
    for (const QRegularExpressionMatch &word : words.globalMatch(masked)) {
        const QChar first = word.captured(0).front();
        const bool capitalised = first.isUpper() || first.isTitleCase();
        bool adjacent = previousEnd >= 0 && word.capturedStart() > previousEnd;
        for (qsizetype i = previousEnd; adjacent && i < word.capturedStart(); ++i) {
            adjacent = masked.at(i).isSpace();
        }
        if (adjacent && capitalised && previousCapitalised) {
            return true;
        }
        previousEnd = word.capturedEnd();
        previousCapitalised = capitalised;
    }
    return false;
}

} // namespace Rallybook::Core::Text
