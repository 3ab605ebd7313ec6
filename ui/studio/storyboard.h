// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/titlesequence.h"
#include "ui/workbookdocument.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace Rallybook {

class TypingCommitter;

/**
 * Plays the title sequence over the whole window: each beat for its duration, cross-fading into
 * the next. Space pauses and resumes, Left and Right step, Esc closes.
 */
class SequencePlayer : public QWidget
{
    Q_OBJECT

public:
    SequencePlayer(const Render::TitleSequence::Sequence &sequence, QWidget *window);

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    /** Milliseconds into the sequence. */
    int position() const;
    int currentBeat() const;
    void seek(int milliseconds);

signals:
    void finished();

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void tick();

    Render::TitleSequence::Sequence m_sequence;
    QList<int> m_starts;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    int m_offset = 0;
    bool m_paused = false;
};

/**
 * The storyboard of the video title sequence: one card per beat with its on-screen text,
 * duration and background; cards added, removed and reordered with undo; a full-window preview;
 * slides (PDF), subtitles (SRT) and 1920x1080 frames (PNG).
 */
class Storyboard : public QWidget
{
    Q_OBJECT

public:
    explicit Storyboard(WorkbookDocument *document, QWidget *parent = nullptr);

    Render::TitleSequence::Sequence sequence() const;
    int currentCard() const;
    void setCurrentCard(int index);
    void addCard();
    void removeCard();
    void moveCard(int delta);
    SequencePlayer *play();
    SequencePlayer *player() const { return m_player; }
    void commitPending();
    /** Exports: "pdf", "srt" or "png" (frames into a folder). */
    bool exportAs(const QString &kind);

private:
    void refresh();
    void showCard();
    void
    store(const Render::TitleSequence::Sequence &sequence, const QString &text, int session = 0);

    WorkbookDocument *m_document;
    QListWidget *m_cards = nullptr;
    QLineEdit *m_text = nullptr;
    QDoubleSpinBox *m_duration = nullptr;
    QPushButton *m_background = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_follows = nullptr;
    TypingCommitter *m_typing = nullptr;
    int m_durationSession = 0;
    bool m_updating = false;
    QPointer<SequencePlayer> m_player;
};

} // namespace Rallybook
