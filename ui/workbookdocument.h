// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/checks.h"
#include "core/result.h"
#include "core/workbook.h"

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QUndoStack>

#include <memory>
#include <optional>

namespace Rallybook {

/** FieldLocation::fieldId of a workbook setting: this prefix, then the setting's key. */
inline constexpr const char *kSettingLocation = "setting:";

/** Where an edit happened: a field or part, one cell of a list row, or a setting. */
struct FieldLocation
{
    QString fieldId;
    qint64 rowId = 0;
    QString columnId;
};

/**
 * An open workbook as the window sees it: the workbook itself, its one undo stack, the lock that
 * keeps a second Rallybook from writing to it, and what happened to the last write.
 *
 * Every change goes through undo commands pushed on undoStack(); each command commits to the file
 * in its own transaction. When a write fails, editing stops (isEditable() turns false), the
 * value that could not be written is kept in unsavedValues(), and rescueTo() saves everything,
 * that value included, into a new file.
 */
class WorkbookDocument : public QObject
{
    Q_OBJECT

public:
    ~WorkbookDocument() override;

    /** Opens `path`; read-only (with a reason) when another Rallybook holds its lock. */
    static Core::Result<std::unique_ptr<WorkbookDocument>> open(const QString &path,
                                                                const Core::Definition &definition);

    Core::Workbook &workbook() const { return *m_workbook; }
    const Core::Definition &definition() const { return m_workbook->definition(); }
    QUndoStack *undoStack() const { return m_undoStack; }

    bool isEditable() const { return !m_workbook->isReadOnly() && !m_failed && !m_lockedElsewhere; }
    bool isLockedElsewhere() const { return m_lockedElsewhere; }
    /** Why the workbook cannot be edited, for the window to show; empty when it can. */
    QString readOnlyReason() const;
    bool hasFailed() const { return m_failed; }
    const Core::Error &failure() const { return m_failure; }
    QDateTime lastSaved() const { return m_lastSaved; }

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
     * Called by commands with the outcome of one write: notes the save, or the failure (a value
     * the field refuses is not a failed write). Returns true when it was committed.
     */
    bool
    noteWrite(const Core::Result<void> &result, const FieldLocation &where, const QVariant &value);
    /** Called by commands: a change was committed, or could not be. */
    void noteSaved();
    void
    noteWriteFailed(const Core::Error &error, const FieldLocation &where, const QVariant &value);
    /** Called by commands after undo or redo, so that views move to the changed field. */
    void noteUndoRedo(const FieldLocation &where);

    /**
     * Saves a complete copy to `path`, with the edits that could not be written applied to the
     * copy. Returns the copy's path on success; the window then opens it.
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

private:
    explicit WorkbookDocument(std::unique_ptr<Core::Workbook> workbook);
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
    QList<QPair<FieldLocation, QVariant>> m_unsaved;
    std::optional<Core::Checker> m_checker;
    Core::Readiness m_readiness;
    bool m_evaluationScheduled = false;
};

/** The lock file beside a workbook: `.NAME.rallybook.lock` in the same folder. */
QString lockFilePath(const QString &workbookPath);

} // namespace Rallybook

Q_DECLARE_METATYPE(Rallybook::FieldLocation)
