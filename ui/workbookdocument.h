// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/checks.h"
#include "core/result.h"
#include "core/workbook.h"
#include "ui/commands/workbookoperation.h"
#include "ui/fieldlocation.h"

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>

namespace Rallybook {

class WorkbookCommand;

/**
 * An open workbook as the window sees it: the workbook itself (read-only for views), its one
 * undo history, the lock that keeps a second Rallybook from writing to it, and what happened to
 * the writes.
 *
 * Every change is a command given to push(); each command commits its operations through
 * perform(), one transaction each. The document keeps its own books by listening to the
 * workbook's signals: a committed change is "saved"; Core::Workbook::writeFailed stops editing
 * (isEditable() turns false, undo and redo are disabled), and the operations that could not be
 * written are kept so that rescueTo() replays them onto a complete copy. See
 * docs/architecture.md.
 */
class WorkbookDocument : public QObject
{
    Q_OBJECT

public:
    ~WorkbookDocument() override;

    /** Opens `path`; read-only (with a reason) when another Rallybook holds its lock. */
    static Core::Result<std::unique_ptr<WorkbookDocument>> open(const QString &path,
                                                                const Core::Definition &definition);

    /** The workbook, for reading. Changes go through push() (and keepSetting()). */
    const Core::Workbook &workbook() const { return *m_workbook; }
    const Core::Definition &definition() const { return m_workbook->definition(); }
    /** The undo history, for views (texts, count, signals); push, undo and redo are here. */
    const QUndoStack *undoStack() const { return m_undoStack; }

    /**
     * Performs one user action: pushes `command` on the undo history, which runs its redo().
     * Returns the first failure among its operations (a refused value, or a write that failed
     * and stopped editing), or success. The command is gone after a failure; after success it
     * stays on the history unless it merged into the previous step.
     */
    Core::Result<void> push(QUndoCommand *command);
    /** Commits what is being typed, then undoes the last step; views move to what it changed. */
    Core::Result<void> undo();
    /** Commits what is being typed, then redoes the next step; views move to what it changed. */
    Core::Result<void> redo();
    /** True when there is a step to undo and editing has not stopped. */
    bool canUndo() const;
    bool canRedo() const;

    /**
     * Stores a setting that is the application's bookkeeping, not the user's work (such as the
     * wizard page to resume at): it bypasses the undo history. Like every write it goes through
     * perform(), so a failure stops editing and is kept for the rescue.
     */
    Core::Result<void> keepSetting(const QString &key, const QVariant &value);

    bool isEditable() const { return !m_workbook->isReadOnly() && !m_failed && !m_lockedElsewhere; }
    bool isLockedElsewhere() const { return m_lockedElsewhere; }
    /** Why the workbook cannot be edited, for the window to show; empty when it can. */
    QString readOnlyReason() const;
    bool hasFailed() const { return m_failed; }
    const Core::Error &failure() const { return m_failure; }
    QDateTime lastSaved() const { return m_lastSaved; }
    /** The operations that could not be written since editing stopped, in order. */
    const QList<WorkbookOperation> &unsavedOperations() const { return m_unsaved; }

    /**
     * The readiness checks as of the last change: evaluated again (in well under a millisecond)
     * whenever the workbook changes, then readinessChanged() is emitted.
     */
    const Core::Readiness &readiness() const { return m_readiness; }
    /** Words and sentences of a text, counted as the checks count them. */
    Core::TextStats textStats(QStringView text) const;

    /** Asks every editor to commit what is typed but not yet saved. */
    void flushPendingEdits();

    /**
     * Saves a complete copy to `path`, then replays onto the copy the operations that could not
     * be written here, so that the copy holds everything the window shows. The window then opens
     * the copy.
     */
    Core::Result<void> rescueTo(const QString &path);

signals:
    void readinessChanged();
    void flushRequested();
    void saved(const QDateTime &when);
    void editableChanged(bool editable);
    void writeFailed(const Rallybook::Core::Error &error);
    /** Undo or redo changed this place; views show it. */
    void locationChanged(const Rallybook::FieldLocation &where);
    void canUndoChanged(bool canUndo);
    void canRedoChanged(bool canRedo);

private:
    friend class WorkbookCommand;

    explicit WorkbookDocument(std::unique_ptr<Core::Workbook> workbook);
    /**
     * Performs one operation on the workbook (for commands): refused when the workbook cannot be
     * edited; after editing has stopped, the operation is kept for the rescue instead.
     */
    Core::Result<void> perform(WorkbookOperation &operation);
    /** Runs one undo-history step (push, undo or redo) and returns its first failure. */
    Core::Result<void> step(const std::function<void()> &run, bool navigate);
    /** Undo or redo (`can` and `go` of the stack): one step, and views move to what it changed. */
    Core::Result<void> travel(bool (QUndoStack::*can)() const, void (QUndoStack::*go)());
    void noteSaved();
    void noteWriteFailed(const Core::Error &error);
    void emitUndoAvailability();
    void scheduleEvaluation();
    void evaluate();

    std::unique_ptr<Core::Workbook> m_workbook;
    std::unique_ptr<QLockFile> m_lock;
    QUndoStack *m_undoStack = nullptr;
    bool m_lockedElsewhere = false;
    QString m_lockOwner;
    bool m_failed = false;
    Core::Error m_failure;
    QDateTime m_lastSaved;
    QList<WorkbookOperation> m_unsaved;
    /** The step being run: its first failure, and (for undo and redo) the place it changed. */
    struct Step
    {
        std::optional<Core::Error> error;
        bool navigate = false;
        FieldLocation changed;
    };
    std::optional<Step> m_step;
    std::optional<Core::Checker> m_checker;
    Core::Readiness m_readiness;
    bool m_evaluationScheduled = false;
};

/** The lock file beside a workbook: `.NAME.rallybook.lock` in the same folder. */
QString lockFilePath(const QString &workbookPath);

} // namespace Rallybook
