// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEvent>
#include <QKeyEvent>
#include <QKeySequence>
#include <QObject>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace Rallybook {

/** Typing is committed this long after the last keystroke (the promise is within one second). */
inline constexpr int kCommitDelayMs = 600;

/** A new editing session: commits within one session merge into one undo step. */
inline int nextTypingSession()
{
    static int session = 0;
    return ++session;
}

/**
 * Commits typing in one input widget: after a pause of kCommitDelayMs, when focus leaves, or when
 * asked (flush). Each time focus enters, a new session starts, so that the commits of one visit
 * merge into one undo step.
 */
class TypingCommitter : public QObject
{
public:
    TypingCommitter(QWidget *input, std::function<void(int session)> commit)
        : QObject(input)
        , m_commit(std::move(commit))
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(kCommitDelayMs);
        connect(&m_timer, &QTimer::timeout, this, &TypingCommitter::flush);
        input->installEventFilter(this);
    }

    /** The user changed the input: commit after the pause. */
    void changed()
    {
        m_pending = true;
        m_timer.start();
    }

    void flush()
    {
        m_timer.stop();
        if (m_pending) {
            m_pending = false;
            m_commit(m_session);
        }
    }

    bool isPending() const { return m_pending; }
    /** Keeps the input as typed (it was not accepted yet); the next change commits again. */
    void keepPending() { m_pending = true; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        // Undo and redo belong to the window's one history, not to the box's own: leave the
        // shortcut to the window (which first commits what is typed here).
        if (event->type() == QEvent::ShortcutOverride) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
                return true;
            }
        }
        if (event->type() == QEvent::FocusOut) {
            flush();
        } else if (event->type() == QEvent::FocusIn) {
            m_session = nextTypingSession();
        }
        return false;
    }

private:
    std::function<void(int)> m_commit;
    QTimer m_timer;
    bool m_pending = false;
    int m_session = 0;
};

} // namespace Rallybook
