// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/manifesto.h"
#include "ui/workbookdocument.h"

#include <QPlainTextEdit>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTextEdit;
class QTimer;
class QVBoxLayout;

namespace Rallybook {

class FieldEditor;
class SpellChecker;
class SpellHighlighter;
class TypingCommitter;

/** Paints the manifesto on paper as the PDF plan prints it, with any overflow below the page. */
class PagePreview : public QWidget
{
    Q_OBJECT

public:
    explicit PagePreview(QWidget *parent = nullptr);
    void setContent(const QString &title, const QString &markdown);
    const Render::ManifestoPage &page() const { return m_page; }
    QSize sizeHint() const override { return QSize(420, 560); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Render::ManifestoPage m_page;
};

/** The Markdown source editor: spelling suggestions on right-click. */
class ManifestoSourceEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    using QPlainTextEdit::QPlainTextEdit;
    void setHighlighter(SpellHighlighter *highlighter) { m_highlighter = highlighter; }
    /** The context menu the user gets at `position` (document position), for tests. */
    QMenu *createMenuAt(int position);

signals:
    void focusModeExitRequested();

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    SpellHighlighter *m_highlighter = nullptr;
};

/**
 * The one-page manifesto: TL3 and TL4's Markdown beside a typeset preview on the PDF plan's
 * page, a one-page meter measured by layout, word count and reading time, spelling, named
 * drafts with a word diff and restore, and a distraction-free mode.
 */
class ManifestoEditor : public QWidget
{
    Q_OBJECT

public:
    ManifestoEditor(WorkbookDocument *document, SpellChecker *spelling, QWidget *parent = nullptr);
    ~ManifestoEditor() override;

    void commitPending();
    void setEditable(bool editable);
    /** Full screen with a centred text column, or back. */
    void setFocusMode(bool on);
    bool isFocusMode() const { return m_focusWindow != nullptr; }
    /** Shows a draft beside the current text, words removed and added marked. */
    void compareDraft(qint64 draftId);
    void closeComparison();
    /** Asks for a name and keeps the current text as a draft. */
    void saveDraftAs();
    /** Puts a draft's text back as the manifesto (one undo step). */
    void restoreDraft(qint64 draftId);

private:
    void refreshText();
    void refreshDrafts();
    void updatePreview();
    void updateMeasures();
    qint64 selectedDraft() const;

    WorkbookDocument *m_document;
    SpellChecker *m_spelling;
    FieldEditor *m_title = nullptr;
    ManifestoSourceEdit *m_source = nullptr;
    SpellHighlighter *m_highlighter = nullptr;
    TypingCommitter *m_typing = nullptr;
    bool m_settingText = false;
    QComboBox *m_language = nullptr;
    QSplitter *m_splitter = nullptr;
    QVBoxLayout *m_sourceLayout = nullptr;
    QStackedWidget *m_right = nullptr;
    PagePreview *m_preview = nullptr;
    QTimer *m_previewTimer = nullptr;
    QProgressBar *m_meter = nullptr;
    QLabel *m_meterText = nullptr;
    QLabel *m_stats = nullptr;
    QLabel *m_findings = nullptr;
    QListWidget *m_drafts = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_delete = nullptr;
    QTextEdit *m_diffBefore = nullptr;
    QTextEdit *m_diffAfter = nullptr;
    QLabel *m_diffSummary = nullptr;
    qint64 m_comparedDraft = 0;
    QWidget *m_focusWindow = nullptr;
};

} // namespace Rallybook
