// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/textdiff.h"

#include <QTextBoundaryFinder>

#include <algorithm>
#include <vector>

namespace Rallybook::Core::TextDiff {

namespace {

bool holdsWordCharacter(QStringView text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            return true;
        }
    }
    return false;
}

/** A word and the spacing after it, or a run of punctuation. */
struct Token
{
    QString key;  ///< what is compared: the text without its spacing
    QString text; ///< the text with its spacing
    bool word = false;
};

QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const qsizetype start = i;
        if (text.at(i).isSpace()) {
            while (i < n && text.at(i).isSpace()) {
                ++i;
            }
            if (tokens.isEmpty()) {
                tokens.append({QString(), text.mid(start, i - start), false});
            } else {
                tokens.last().text += text.mid(start, i - start);
            }
            continue;
        }
        while (i < n && !text.at(i).isSpace()) {
            ++i;
        }
        const QString piece = text.mid(start, i - start);
        tokens.append({piece, piece, holdsWordCharacter(piece)});
    }
    return tokens;
}

/** Myers' O((N+M)D) diff; returns for each token of a and b whether it is kept. */
bool myers(const QList<Token> &a,
           const QList<Token> &b,
           std::vector<bool> *keptA,
           std::vector<bool> *keptB,
           int maxEdits)
{
    const int n = int(a.size());
    const int m = int(b.size());
    const int offset = n + m + 1;
    std::vector<int> v(size_t(2 * offset + 1), 0);
    // Each step keeps only the diagonals it can reach, so memory grows with D², not D·(N+M).
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= n + m && d <= maxEdits; ++d) {
        trace.emplace_back(v.begin() + (offset - d - 1 < 0 ? 0 : offset - d - 1),
                           v.begin() + std::min<int>(offset + d + 2, int(v.size())));
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                        ? v[size_t(offset + k + 1)]
                        : v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && a.at(x).key == b.at(y).key) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        if (found >= 0) {
            break;
        }
    }
    if (found < 0) {
        return false;
    }
    keptA->assign(size_t(n), false);
    keptB->assign(size_t(m), false);
    int x = n;
    int y = m;
    for (int d = found; d >= 0; --d) {
        const std::vector<int> &slice = trace[size_t(d)];
        const int base = std::max(offset - d - 1, 0);
        auto vd = [&](int index) {
            return slice[size_t(index - base)];
        };
        const int k = x - y;
        int prevK = 0;
        if (d == 0) {
            prevK = 0;
        } else if (k == -d || (k != d && vd(offset + k - 1) < vd(offset + k + 1))) {
            prevK = k + 1;
        } else {
            prevK = k - 1;
        }
        const int prevX = d == 0 ? 0 : vd(offset + prevK);
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            --x;
            --y;
            (*keptA)[size_t(x)] = true;
            (*keptB)[size_t(y)] = true;
        }
        if (d > 0) {
            x = prevX;
            y = prevY;
        }
    }
    return true;
}

QList<DiffPart> parts(const QList<Token> &tokens,
                      const std::vector<bool> &kept,
                      DiffPart::Kind changed,
                      int *changedWords)
{
    QList<DiffPart> out;
    for (int i = 0; i < tokens.size(); ++i) {
        const DiffPart::Kind kind = kept[size_t(i)] ? DiffPart::Kind::Same : changed;
        if (kind == changed && tokens.at(i).word) {
            ++*changedWords;
        }
        if (!out.isEmpty() && out.last().kind == kind) {
            out.last().text += tokens.at(i).text;
        } else {
            out.append({kind, tokens.at(i).text});
        }
    }
    return out;
}

} // namespace

int readingSeconds(int words)
{
    return (words * 60 + 199) / 200;
}

int speakingSeconds(int words)
{
    return (words * 60 + 129) / 130;
}

Diff diffWords(const QString &before, const QString &after)
{
    const QList<Token> a = tokenize(before);
    const QList<Token> b = tokenize(after);
    std::vector<bool> keptA;
    std::vector<bool> keptB;
    if (!myers(a, b, &keptA, &keptB, 2000)) {
        keptA.assign(size_t(a.size()), false);
        keptB.assign(size_t(b.size()), false);
    }
    Diff diff;
    diff.before = parts(a, keptA, DiffPart::Kind::Removed, &diff.wordsRemoved);
    diff.after = parts(b, keptB, DiffPart::Kind::Added, &diff.wordsAdded);
    return diff;
}

} // namespace Rallybook::Core::TextDiff
