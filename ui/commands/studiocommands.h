// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/commands/workbookcommands.h"

namespace Rallybook {

/**
 * The studio's own commands: the manifesto's drafts. (The storyboard and the wallpaper are
 * workbook settings, changed with SetValueCommand and ValueTarget::setting().)
 */

/** Keeps a draft of the manifesto; undo removes it, redo puts the same draft back. */
class AddDraftCommand : public WorkbookCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddDraftCommand)

public:
    AddDraftCommand(WorkbookDocument *document,
                    const QString &name,
                    const QString &body,
                    QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    /** The draft's id, once redo() has run; 0 before. */
    qint64 draftId() const { return std::get<Operation::AddDraft>(m_redo).draft.id; }

private:
    WorkbookOperation m_redo;
};

/** Deletes a draft; undo puts it back with its id, name, date and text. */
class RemoveDraftCommand : public WorkbookCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveDraftCommand)

public:
    RemoveDraftCommand(WorkbookDocument *document, qint64 draftId, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    WorkbookOperation m_redo;
    WorkbookOperation m_undo;
};

} // namespace Rallybook
