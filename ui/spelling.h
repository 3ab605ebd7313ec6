// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QSyntaxHighlighter>

#include <memory>

class Hunspell;
class QPlainTextEdit;
class QMenu;

namespace Rallybook {

/**
 * Spell checking with Hunspell: the dictionaries installed in /usr/share/hunspell (Debian's
 * hunspell-* packages) and one personal dictionary per user, a word a line, in the application
 * data folder (QStandardPaths::AppDataLocation), shared by every language.
 */
class SpellChecker : public QObject
{
    Q_OBJECT

public:
    explicit SpellChecker(QObject *parent = nullptr);
    ~SpellChecker() override;

    /** Language codes with a dictionary installed ("en_US", "de_DE"), sorted. */
    static QStringList availableLanguages();
    /** Where the personal dictionary lives; tests point it elsewhere. */
    static QString personalDictionaryPath();
    static void setPersonalDictionaryPathForTesting(const QString &path);

    /** Loads a language's dictionary; false (and nothing checked) when it is not installed. */
    bool setLanguage(const QString &language);
    QString language() const { return m_language; }
    bool isReady() const { return m_hunspell != nullptr; }

    /** True for a correct word, and for anything when no dictionary is loaded. */
    bool isCorrect(const QString &word) const;
    QStringList suggestions(const QString &word, int limit = 8) const;
    /** Adds a word to the personal dictionary (kept in its file) and to the loaded one. */
    bool addToPersonalDictionary(const QString &word);

signals:
    /** The language or the personal dictionary changed: everything needs checking again. */
    void changed();

private:
    QByteArray encode(const QString &word) const;
    QString decode(const std::string &word) const;

    std::unique_ptr<Hunspell> m_hunspell;
    QString m_language;
    bool m_utf8 = true;
    QSet<QString> m_personal;
};

/**
 * Underlines misspelt words of a plain-text (Markdown) editor as the user types, and offers
 * suggestions, "Add to Dictionary" and the usual edit actions on right-click. Code spans,
 * link targets and words with digits are not checked.
 */
class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    SpellHighlighter(QPlainTextEdit *editor, SpellChecker *checker);

    /** The misspelt words of a text, in order, as this highlighter finds them. */
    QStringList misspelt(const QString &text) const;
    /** Adds the spelling actions for the word at `position` to the top of `menu`. */
    void addSpellingActions(QMenu *menu, int position);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Word
    {
        int start;
        int length;
    };
    QList<Word> checkedWords(const QString &text) const;

    QPlainTextEdit *m_editor;
    QPointer<SpellChecker> m_checker;
};

} // namespace Rallybook
