// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/workbookcommands.h"

#include "core/value.h"
#include "ui/workbookdocument.h"

namespace Rallybook {

namespace {

QString fieldLabel(WorkbookDocument *document, const QString &fieldId)
{
    const Core::Field *field = document->definition().field(fieldId);
    return field ? field->label : fieldId;
}

} // namespace

// --- SetValueCommand -----------------------------------------------------------------------

SetValueCommand::SetValueCommand(WorkbookDocument *document,
                                 const QString &fieldId,
                                 const QVariant &value,
                                 int session)
    : m_document(document)
    , m_fieldId(fieldId)
    , m_old(document->workbook().value(fieldId))
    , m_new(value)
    , m_session(session)
{
    setText(tr("Edit \u201c%1\u201d").arg(fieldLabel(document, fieldId)));
}

void SetValueCommand::redo()
{
    const bool ok = m_document->noteWrite(
        m_document->workbook().setValue(m_fieldId, m_new), {m_fieldId, 0, {}}, m_new);
    if (!ok) {
        setObsolete(true);
    } else if (!m_first) {
        m_document->noteUndoRedo({m_fieldId, 0, {}});
    }
    m_first = false;
}

void SetValueCommand::undo()
{
    m_document->noteWrite(
        m_document->workbook().setValue(m_fieldId, m_old), {m_fieldId, 0, {}}, m_old);
    m_document->noteUndoRedo({m_fieldId, 0, {}});
}

bool SetValueCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetValueCommand *>(other);
    if (next->m_fieldId != m_fieldId || m_session == 0 || next->m_session != m_session) {
        return false;
    }
    m_new = next->m_new;
    // Typing back to where the field started leaves nothing to undo.
    setObsolete(m_new == m_old);
    return true;
}

// --- SetCellCommand ------------------------------------------------------------------------

SetCellCommand::SetCellCommand(WorkbookDocument *document,
                               const QString &fieldId,
                               qint64 rowId,
                               const QString &columnId,
                               const QVariant &value,
                               int session)
    : m_document(document)
    , m_fieldId(fieldId)
    , m_rowId(rowId)
    , m_columnId(columnId)
    , m_new(value)
    , m_session(session)
{
    const Core::Workbook &workbook = document->workbook();
    const int index = workbook.rowIndex(fieldId, rowId);
    if (index >= 0) {
        m_old = workbook.rows(fieldId).at(index).cells.value(columnId);
    }
    setText(tr("Edit \u201c%1\u201d").arg(fieldLabel(document, fieldId)));
}

void SetCellCommand::redo()
{
    if (!m_document->noteWrite(
            m_document->workbook().setCell(m_fieldId, m_rowId, m_columnId, m_new),
            {m_fieldId, m_rowId, m_columnId},
            m_new)) {
        setObsolete(true);
    }
}

void SetCellCommand::undo()
{
    m_document->noteWrite(m_document->workbook().setCell(m_fieldId, m_rowId, m_columnId, m_old),
                          {m_fieldId, m_rowId, m_columnId},
                          m_old);
    m_document->noteUndoRedo({m_fieldId, m_rowId, m_columnId});
}

bool SetCellCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetCellCommand *>(other);
    if (next->m_fieldId != m_fieldId || next->m_rowId != m_rowId || next->m_columnId != m_columnId
        || m_session == 0 || next->m_session != m_session) {
        return false;
    }
    m_new = next->m_new;
    setObsolete(m_new == m_old);
    return true;
}

// --- Rows ----------------------------------------------------------------------------------

InsertRowCommand::InsertRowCommand(WorkbookDocument *document,
                                   const QString &fieldId,
                                   int index,
                                   const QVariantHash &cells)
    : m_document(document)
    , m_fieldId(fieldId)
    , m_index(index)
    , m_cells(cells)
{
    setText(tr("Add a row to \u201c%1\u201d").arg(fieldLabel(document, fieldId)));
}

void InsertRowCommand::redo()
{
    auto inserted = m_document->workbook().insertRow(m_fieldId, m_index, m_cells, m_rowId);
    if (!inserted) {
        m_document->noteWrite(inserted.error(), {m_fieldId, 0, {}}, QVariant());
        setObsolete(true);
        return;
    }
    const bool again = m_rowId != 0;
    m_rowId = inserted.value();
    m_document->noteSaved();
    if (again) {
        m_document->noteUndoRedo({m_fieldId, m_rowId, {}});
    }
}

void InsertRowCommand::undo()
{
    m_document->noteWrite(
        m_document->workbook().removeRow(m_fieldId, m_rowId), {m_fieldId, 0, {}}, QVariant());
    m_document->noteUndoRedo({m_fieldId, 0, {}});
}

RemoveRowCommand::RemoveRowCommand(WorkbookDocument *document, const QString &fieldId, qint64 rowId)
    : m_document(document)
    , m_fieldId(fieldId)
{
    const Core::Workbook &workbook = document->workbook();
    m_index = workbook.rowIndex(fieldId, rowId);
    if (m_index >= 0) {
        m_row = workbook.rows(fieldId).at(m_index);
    }
    setText(tr("Remove a row from \u201c%1\u201d").arg(fieldLabel(document, fieldId)));
}

void RemoveRowCommand::redo()
{
    if (m_index < 0
        || !m_document->noteWrite(m_document->workbook().removeRow(m_fieldId, m_row.id),
                                  {m_fieldId, 0, {}},
                                  QVariant())) {
        setObsolete(true);
        return;
    }
    m_document->noteUndoRedo({m_fieldId, 0, {}});
}

void RemoveRowCommand::undo()
{
    auto inserted = m_document->workbook().insertRow(m_fieldId, m_index, m_row.cells, m_row.id);
    if (!inserted) {
        m_document->noteWrite(inserted.error(), {m_fieldId, 0, {}}, QVariant());
        return;
    }
    m_document->noteSaved();
    m_document->noteUndoRedo({m_fieldId, m_row.id, {}});
}

MoveRowCommand::MoveRowCommand(WorkbookDocument *document,
                               const QString &fieldId,
                               qint64 rowId,
                               int toIndex)
    : m_document(document)
    , m_fieldId(fieldId)
    , m_rowId(rowId)
    , m_from(document->workbook().rowIndex(fieldId, rowId))
    , m_to(toIndex)
{
    setText(tr("Move a row in \u201c%1\u201d").arg(fieldLabel(document, fieldId)));
}

void MoveRowCommand::redo()
{
    if (m_from < 0 || m_from == m_to
        || !m_document->noteWrite(m_document->workbook().moveRow(m_fieldId, m_rowId, m_to),
                                  {m_fieldId, m_rowId, {}},
                                  QVariant())) {
        setObsolete(true);
        return;
    }
    m_document->noteUndoRedo({m_fieldId, m_rowId, {}});
}

void MoveRowCommand::undo()
{
    m_document->noteWrite(m_document->workbook().moveRow(m_fieldId, m_rowId, m_from),
                          {m_fieldId, m_rowId, {}},
                          QVariant());
    m_document->noteUndoRedo({m_fieldId, m_rowId, {}});
}

} // namespace Rallybook
