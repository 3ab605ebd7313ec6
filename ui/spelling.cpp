// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/spelling.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTextBlock>
#include <QTextBoundaryFinder>
#include <QTextCursor>

#include <hunspell.hxx>
#include <optional>

namespace Rallybook {

namespace {

const QString kDictionaryFolder = QStringLiteral("/usr/share/hunspell");

std::optional<QString> &testPath()
{
    static std::optional<QString> path;
    return path;
}

QSet<QString> readPersonal()
{
    QSet<QString> words;
    QFile file(SpellChecker::personalDictionaryPath());
    if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        // A personal dictionary is small; more than 1 MiB is not one of ours.
        const QByteArray bytes = file.read(1 << 20);
        for (const QString &line : QString::fromUtf8(bytes).split(u'\n')) {
            const QString word = line.trimmed();
            if (!word.isEmpty() && word.size() <= 100) {
                words.insert(word);
            }
        }
    }
    return words;
}

bool hasDigit(QStringView word)
{
    for (const QChar c : word) {
        if (c.isDigit()) {
            return true;
        }
    }
    return false;
}

} // namespace

SpellChecker::SpellChecker(QObject *parent)
    : QObject(parent)
    , m_personal(readPersonal())
{}

SpellChecker::~SpellChecker() = default;

QStringList SpellChecker::availableLanguages()
{
    QStringList languages;
    const QDir folder(kDictionaryFolder);
    for (const QString &dic : folder.entryList({QStringLiteral("*.dic")}, QDir::Files)) {
        const QString language = QFileInfo(dic).completeBaseName();
        if (folder.exists(language + QStringLiteral(".aff")) && !language.startsWith(u'.')) {
            languages.append(language);
        }
    }
    languages.sort();
    return languages;
}

QString SpellChecker::personalDictionaryPath()
{
    if (testPath()) {
        return *testPath();
    }
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("personal-dictionary.txt"));
}

void SpellChecker::setPersonalDictionaryPathForTesting(const QString &path)
{
    testPath() = path;
}

bool SpellChecker::setLanguage(const QString &language)
{
    if (language == m_language && m_hunspell) {
        return true;
    }
    m_hunspell.reset();
    m_language.clear();
    if (!availableLanguages().contains(language)) {
        emit changed();
        return false;
    }
    const QString base = QDir(kDictionaryFolder).filePath(language);
    m_hunspell =
        std::make_unique<Hunspell>(QFile::encodeName(base + QStringLiteral(".aff")).constData(),
                                   QFile::encodeName(base + QStringLiteral(".dic")).constData());
    m_utf8 =
        QString::fromStdString(m_hunspell->get_dict_encoding()).toUpper() == QLatin1String("UTF-8");
    m_language = language;
    for (const QString &word : std::as_const(m_personal)) {
        m_hunspell->add(encode(word).toStdString());
    }
    emit changed();
    return true;
}

QByteArray SpellChecker::encode(const QString &word) const
{
    if (m_utf8) {
        return word.toUtf8();
    }
    QStringEncoder encoder(m_hunspell->get_dict_encoding().c_str());
    return encoder.isValid() ? QByteArray(encoder.encode(word)) : word.toLatin1();
}

QString SpellChecker::decode(const std::string &word) const
{
    if (m_utf8) {
        return QString::fromStdString(word);
    }
    QStringDecoder decoder(m_hunspell->get_dict_encoding().c_str());
    const QByteArray bytes(word.data(), qsizetype(word.size()));
    return decoder.isValid() ? QString(decoder.decode(bytes)) : QString::fromLatin1(bytes);
}

bool SpellChecker::isCorrect(const QString &word) const
{
    if (!m_hunspell || m_personal.contains(word)) {
        return true;
    }
    // Hunspell knows the straight apostrophe; typographic ones are the same letter to a reader.
    QString plain = word;
    plain.replace(u'\u2019', u'\'');
    return m_hunspell->spell(encode(plain).toStdString());
}

QStringList SpellChecker::suggestions(const QString &word, int limit) const
{
    QStringList result;
    if (!m_hunspell) {
        return result;
    }
    for (const std::string &suggestion : m_hunspell->suggest(encode(word).toStdString())) {
        result.append(decode(suggestion));
        if (result.size() >= limit) {
            break;
        }
    }
    return result;
}

bool SpellChecker::addToPersonalDictionary(const QString &word)
{
    const QString trimmed = word.trimmed();
    if (trimmed.isEmpty() || m_personal.contains(trimmed)) {
        return true;
    }
    m_personal.insert(trimmed);
    if (m_hunspell) {
        m_hunspell->add(encode(trimmed).toStdString());
    }
    const QString path = personalDictionaryPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QStringList words(m_personal.cbegin(), m_personal.cend());
    words.sort();
    QSaveFile file(path);
    bool saved = file.open(QIODevice::WriteOnly | QIODevice::Text);
    saved = saved && file.write((words.join(u'\n') + u'\n').toUtf8()) >= 0;
    saved = saved && file.commit();
    emit changed();
    return saved;
}

// --- SpellHighlighter ----------------------------------------------------------------------

SpellHighlighter::SpellHighlighter(QPlainTextEdit *editor, SpellChecker *checker)
    : QSyntaxHighlighter(editor->document())
    , m_editor(editor)
    , m_checker(checker)
{
    connect(checker, &SpellChecker::changed, this, &QSyntaxHighlighter::rehighlight);
}

QList<SpellHighlighter::Word> SpellHighlighter::checkedWords(const QString &text) const
{
    // Stretches not to check: `code`, link targets (](...)), <autolinks> and bare addresses.
    static const QRegularExpression skip(
        QStringLiteral("`[^`]*`|\\]\\([^)]*\\)|<[^>\\s]+>|\\b(?:https?|mailto|file):\\S+"));
    QList<QPair<int, int>> skipped;
    for (auto it = skip.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        skipped.append({int(match.capturedStart()), int(match.capturedEnd())});
    }
    QList<Word> words;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    int start = 0;
    while (finder.toNextBoundary() >= 0) {
        const int end = int(finder.position());
        if (finder.boundaryReasons() & QTextBoundaryFinder::EndOfItem) {
            const QStringView word = QStringView(text).mid(start, end - start);
            bool letters = false;
            for (const QChar c : word) {
                letters = letters || c.isLetter();
            }
            bool inSkipped = false;
            for (const auto &[from, to] : std::as_const(skipped)) {
                inSkipped = inSkipped || (start >= from && start < to);
            }
            if (letters && !hasDigit(word) && !inSkipped) {
                words.append({start, end - start});
            }
        }
        start = end;
    }
    return words;
}

QStringList SpellHighlighter::misspelt(const QString &text) const
{
    QStringList result;
    if (!m_checker) {
        return result;
    }
    for (const Word &word : checkedWords(text)) {
        const QString w = text.mid(word.start, word.length);
        if (!m_checker->isCorrect(w)) {
            result.append(w);
        }
    }
    return result;
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    // A little Markdown: headings in bold.
    static const QRegularExpression heading(QStringLiteral("^#{1,6}\\s"));
    if (heading.match(text).hasMatch()) {
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        setFormat(0, int(text.size()), bold);
    }
    if (!m_checker || !m_checker->isReady()) {
        return;
    }
    for (const Word &word : checkedWords(text)) {
        if (!m_checker->isCorrect(text.mid(word.start, word.length))) {
            QTextCharFormat format = this->format(word.start);
            format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
            format.setUnderlineColor(QColor(0xD3, 0x2F, 0x2F));
            setFormat(word.start, word.length, format);
        }
    }
}

void SpellHighlighter::addSpellingActions(QMenu *menu, int position)
{
    if (!m_checker || !m_checker->isReady()) {
        return;
    }
    const QTextBlock block = m_editor->document()->findBlock(position);
    const int inBlock = position - block.position();
    for (const Word &word : checkedWords(block.text())) {
        if (inBlock < word.start || inBlock > word.start + word.length) {
            continue;
        }
        const QString text = block.text().mid(word.start, word.length);
        if (m_checker->isCorrect(text)) {
            return;
        }
        QAction *first = menu->actions().value(0);
        const QStringList suggestions = m_checker->suggestions(text);
        const int from = block.position() + word.start;
        for (const QString &suggestion : suggestions) {
            auto *action = new QAction(suggestion, menu);
            connect(
                action, &QAction::triggered, m_editor, [editor = m_editor, from, text, suggestion] {
                    QTextCursor cursor(editor->document());
                    cursor.setPosition(from);
                    cursor.setPosition(from + int(text.size()), QTextCursor::KeepAnchor);
                    if (cursor.selectedText() == text) {
                        cursor.insertText(suggestion);
                    }
                });
            menu->insertAction(first, action);
        }
        if (suggestions.isEmpty()) {
            auto *none = new QAction(tr("No suggestions"), menu);
            none->setEnabled(false);
            menu->insertAction(first, none);
        }
        auto *add = new QAction(tr("Add \u201c%1\u201d to Dictionary").arg(text), menu);
        add->setObjectName(QStringLiteral("addToDictionary"));
        connect(add, &QAction::triggered, m_checker.data(), [checker = m_checker, text] {
            if (checker) {
                checker->addToPersonalDictionary(text);
            }
        });
        menu->insertAction(first, add);
        menu->insertSeparator(first);
        return;
    }
}

} // namespace Rallybook
