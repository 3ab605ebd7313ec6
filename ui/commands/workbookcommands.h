// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/commands/workbookoperation.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QVariant>

namespace Rallybook {

class WorkbookDocument;

/** Merge ids of the commands that merge, in one place (as Tiled's undocommands.h). */
enum class CommandId {
    SetValue = 1,
};

/**
 * The base of every command on a workbook. A command only performs operations, through
 * WorkbookDocument::perform(), and reports whether they succeeded; the document does the
 * bookkeeping (the time of the last save, the failure that stops editing, what the rescue copy
 * must replay, where undo and redo moved). Each redo() and undo() is one committed transaction
 * per operation. A redo() that cannot be written makes the command obsolete, so QUndoStack
 * drops it.
 */
class WorkbookCommand : public QUndoCommand
{
public:
    WorkbookDocument *document() const { return m_document; }

protected:
    WorkbookCommand(WorkbookDocument *document, QUndoCommand *parent);

    /** Performs `operation`; true when it was committed. */
    bool perform(WorkbookOperation &operation);
    /** For redo(): performs `operation`, and makes the command obsolete when it fails. */
    bool performRedo(WorkbookOperation &operation);

private:
    WorkbookDocument *m_document;
};

/**
 * Several commands as one step (its children): the wallpaper's picture and the switch to it.
 * Like a single command that fails, it is dropped when none of its commands could be performed.
 */
class StepCommand : public QUndoCommand
{
public:
    explicit StepCommand(const QString &text, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
    {}

    void redo() override;
};

/**
 * Changes the value of a field or part, of a list cell, or of a workbook setting: one class for
 * every place that holds one value (after Tiled's ChangeValue). Consecutive commands for the
 * same place in the same editing session (`session` non-zero) merge into one undo step, unless
 * the later one failed: a command that could not be written never merges, so the undo step
 * keeps what the file holds. Typing back to where the place started leaves nothing to undo.
 */
class SetValueCommand : public WorkbookCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetValueCommand)

public:
    /** `text` empty: "Edit “label”" for a field or cell. */
    SetValueCommand(WorkbookDocument *document,
                    const ValueTarget &target,
                    const QVariant &value,
                    const QString &text = {},
                    int session = 0,
                    QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return int(CommandId::SetValue); }
    bool mergeWith(const QUndoCommand *other) override;

    const ValueTarget &target() const { return m_target; }
    /** The value redo() writes (after merging, the last one typed). */
    const QVariant &value() const { return std::get<Operation::SetValue>(m_redo).value; }

private:
    ValueTarget m_target;
    WorkbookOperation m_redo;
    WorkbookOperation m_undo;
    int m_session;
};

/** Adds a row to a list; undo removes it, redo puts back the same row with the same id. */
class InsertRowCommand : public WorkbookCommand
{
    Q_DECLARE_TR_FUNCTIONS(InsertRowCommand)

public:
    InsertRowCommand(WorkbookDocument *document,
                     const QString &fieldId,
                     int index,
                     const QVariantHash &cells = {},
                     QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    /** The new row's id, once redo() has run; 0 before. */
    qint64 rowId() const { return std::get<Operation::InsertRow>(m_redo).rowId; }

private:
    WorkbookOperation m_redo;
    WorkbookOperation m_undo;
};

/** Removes a row; undo puts it back where it was, with its id and cells. */
class RemoveRowCommand : public WorkbookCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveRowCommand)

public:
    RemoveRowCommand(WorkbookDocument *document,
                     const QString &fieldId,
                     qint64 rowId,
                     QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    WorkbookOperation m_redo;
    WorkbookOperation m_undo;
};

/** Moves a row within its list; undo moves it back. */
class MoveRowCommand : public WorkbookCommand
{
    Q_DECLARE_TR_FUNCTIONS(MoveRowCommand)

public:
    MoveRowCommand(WorkbookDocument *document,
                   const QString &fieldId,
                   qint64 rowId,
                   int toIndex,
                   QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    WorkbookOperation m_redo;
    WorkbookOperation m_undo;
    bool m_moves;
};

} // namespace Rallybook
