// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/workbookcommands.h"

#include "ui/workbookdocument.h"

namespace Rallybook {

namespace {

QString fieldLabel(const WorkbookDocument *document, const QString &fieldId)
{
    const Core::Field *field = document->definition().field(fieldId);
    return field ? field->label : fieldId;
}

} // namespace

// --- WorkbookCommand -----------------------------------------------------------------------

WorkbookCommand::WorkbookCommand(WorkbookDocument *document, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
{}

bool WorkbookCommand::perform(WorkbookOperation &operation)
{
    return m_document->perform(operation).ok();
}

bool WorkbookCommand::performRedo(WorkbookOperation &operation)
{
    if (!perform(operation)) {
        setObsolete(true);
        return false;
    }
    return true;
}

// --- StepCommand --------------------------------------------------------------------------

void StepCommand::redo()
{
    QUndoCommand::redo();
    bool performed = false;
    for (int i = 0; i < childCount(); ++i) {
        performed = performed || !child(i)->isObsolete();
    }
    setObsolete(!performed);
}

// --- SetValueCommand -----------------------------------------------------------------------

SetValueCommand::SetValueCommand(WorkbookDocument *document,
                                 const ValueTarget &target,
                                 const QVariant &value,
                                 const QString &text,
                                 int session,
                                 QUndoCommand *parent)
    : WorkbookCommand(document, parent)
    , m_target(target)
    , m_redo(Operation::SetValue{target, value})
    , m_undo(Operation::SetValue{target, target.read(document->workbook())})
    , m_session(session)
{
    if (!text.isEmpty() || target.kind == ValueTarget::Kind::Setting) {
        setText(text);
    } else {
        setText(tr("Edit \u201c%1\u201d").arg(fieldLabel(document, target.id)));
    }
}

void SetValueCommand::redo()
{
    performRedo(m_redo);
}

void SetValueCommand::undo()
{
    perform(m_undo);
}

bool SetValueCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetValueCommand *>(other);
    // QUndoStack offers a command for merging before it looks at whether the command is
    // obsolete: one that could not be written must not become part of this step, or the step
    // would redo a value the file never held.
    if (next->isObsolete() || next->document() != document() || next->m_target != m_target
        || m_session == 0 || next->m_session != m_session) {
        return false;
    }
    m_redo = next->m_redo;
    // Typing back to where the place started leaves nothing to undo.
    setObsolete(std::get<Operation::SetValue>(m_redo).value
                == std::get<Operation::SetValue>(m_undo).value);
    return true;
}

// --- Rows ----------------------------------------------------------------------------------

InsertRowCommand::InsertRowCommand(WorkbookDocument *document,
                                   const QString &fieldId,
                                   int index,
                                   const QVariantHash &cells,
                                   QUndoCommand *parent)
    : WorkbookCommand(document, parent)
    , m_redo(Operation::InsertRow{fieldId, index, cells, 0})
    , m_undo(Operation::RemoveRow{fieldId, 0})
{
    setText(tr("Add a row to \u201c%1\u201d").arg(fieldLabel(document, fieldId)));
}

void InsertRowCommand::redo()
{
    if (performRedo(m_redo)) {
        std::get<Operation::RemoveRow>(m_undo).rowId = rowId();
    }
}

void InsertRowCommand::undo()
{
    perform(m_undo);
}

RemoveRowCommand::RemoveRowCommand(WorkbookDocument *document,
                                   const QString &fieldId,
                                   qint64 rowId,
                                   QUndoCommand *parent)
    : WorkbookCommand(document, parent)
    , m_redo(Operation::RemoveRow{fieldId, rowId})
{
    const Core::Workbook &workbook = document->workbook();
    const int index = workbook.rowIndex(fieldId, rowId);
    const QVariantHash cells = index >= 0 ? workbook.rows(fieldId).at(index).cells : QVariantHash();
    m_undo = Operation::InsertRow{fieldId, index, cells, rowId};
    setText(tr("Remove a row from \u201c%1\u201d").arg(fieldLabel(document, fieldId)));
}

void RemoveRowCommand::redo()
{
    performRedo(m_redo);
}

void RemoveRowCommand::undo()
{
    perform(m_undo);
}

MoveRowCommand::MoveRowCommand(WorkbookDocument *document,
                               const QString &fieldId,
                               qint64 rowId,
                               int toIndex,
                               QUndoCommand *parent)
    : WorkbookCommand(document, parent)
    , m_redo(Operation::MoveRow{fieldId, rowId, toIndex})
    , m_undo(Operation::MoveRow{fieldId, rowId, document->workbook().rowIndex(fieldId, rowId)})
    , m_moves(std::get<Operation::MoveRow>(m_undo).toIndex != toIndex)
{
    setText(tr("Move a row in \u201c%1\u201d").arg(fieldLabel(document, fieldId)));
}

void MoveRowCommand::redo()
{
    // A row that stays where it is leaves nothing to undo; a row that is gone fails in core.
    if (performRedo(m_redo) && !m_moves) {
        setObsolete(true);
    }
}

void MoveRowCommand::undo()
{
    perform(m_undo);
}

} // namespace Rallybook
