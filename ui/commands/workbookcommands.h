// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workbook.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QVariant>

namespace Rallybook {

class WorkbookDocument;

/** Merge ids of the commands that merge, in one place (as Tiled's undocommands.h). */
enum class CommandId {
    SetValue = 1,
    SetCell = 2,
    SetSetting = 3,
};

/**
 * Sets a scalar field or part. Consecutive commands for the same field in the same typing session
 * merge into one undo step. Each redo() and undo() is one committed transaction; a redo() that
 * cannot be written makes the command obsolete, so QUndoStack drops it.
 */
class SetValueCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetValueCommand)

public:
    SetValueCommand(WorkbookDocument *document,
                    const QString &fieldId,
                    const QVariant &value,
                    int session = 0);

    void redo() override;
    void undo() override;
    int id() const override { return int(CommandId::SetValue); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    WorkbookDocument *m_document;
    QString m_fieldId;
    QVariant m_old;
    QVariant m_new;
    int m_session;
    bool m_first = true;
};

/** Sets one cell of a list row; merges like SetValueCommand. */
class SetCellCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetCellCommand)

public:
    SetCellCommand(WorkbookDocument *document,
                   const QString &fieldId,
                   qint64 rowId,
                   const QString &columnId,
                   const QVariant &value,
                   int session = 0);

    void redo() override;
    void undo() override;
    int id() const override { return int(CommandId::SetCell); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    WorkbookDocument *m_document;
    QString m_fieldId;
    qint64 m_rowId;
    QString m_columnId;
    QVariant m_old;
    QVariant m_new;
    int m_session;
};

/** Adds a row to a list; undo removes it, redo puts back the same row with the same id. */
class InsertRowCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(InsertRowCommand)

public:
    InsertRowCommand(WorkbookDocument *document,
                     const QString &fieldId,
                     int index,
                     const QVariantHash &cells = {});

    void redo() override;
    void undo() override;
    qint64 rowId() const { return m_rowId; }

private:
    WorkbookDocument *m_document;
    QString m_fieldId;
    int m_index;
    QVariantHash m_cells;
    qint64 m_rowId = 0;
};

/** Removes a row; undo puts it back where it was, with its id and cells. */
class RemoveRowCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveRowCommand)

public:
    RemoveRowCommand(WorkbookDocument *document, const QString &fieldId, qint64 rowId);

    void redo() override;
    void undo() override;

private:
    WorkbookDocument *m_document;
    QString m_fieldId;
    Core::ListRow m_row;
    int m_index = -1;
};

/** Moves a row within its list. */
class MoveRowCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(MoveRowCommand)

public:
    MoveRowCommand(WorkbookDocument *document, const QString &fieldId, qint64 rowId, int toIndex);

    void redo() override;
    void undo() override;

private:
    WorkbookDocument *m_document;
    QString m_fieldId;
    qint64 m_rowId;
    int m_from;
    int m_to;
};

} // namespace Rallybook
