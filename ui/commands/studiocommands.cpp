// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/studiocommands.h"

#include "ui/workbookdocument.h"

namespace Rallybook {

AddDraftCommand::AddDraftCommand(WorkbookDocument *document,
                                 const QString &name,
                                 const QString &body,
                                 QUndoCommand *parent)
    : WorkbookCommand(document, parent)
    , m_redo(Operation::AddDraft{Core::Draft{0, name, {}, body}})
{
    setText(tr("Save draft \u201c%1\u201d").arg(name.trimmed()));
}

void AddDraftCommand::redo()
{
    performRedo(m_redo);
}

void AddDraftCommand::undo()
{
    WorkbookOperation remove = Operation::RemoveDraft{draftId()};
    perform(remove);
}

RemoveDraftCommand::RemoveDraftCommand(WorkbookDocument *document,
                                       qint64 draftId,
                                       QUndoCommand *parent)
    : WorkbookCommand(document, parent)
    , m_redo(Operation::RemoveDraft{draftId})
{
    const Core::Draft *draft = document->workbook().draft(draftId);
    const Core::Draft kept = draft ? *draft : Core::Draft{};
    m_undo = Operation::AddDraft{kept};
    setText(tr("Delete draft \u201c%1\u201d").arg(kept.name));
}

void RemoveDraftCommand::redo()
{
    performRedo(m_redo);
}

void RemoveDraftCommand::undo()
{
    perform(m_undo);
}

} // namespace Rallybook
