// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workbook.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QVariant>

namespace Rallybook {

class WorkbookDocument;

/**
 * Replaces a workbook setting (the storyboard's or the wallpaper's JSON) with a new value; undo
 * puts the old one back. Consecutive edits of the same key in one typing session merge.
 */
class SetSettingCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetSettingCommand)

public:
    SetSettingCommand(WorkbookDocument *document,
                      const QString &key,
                      const QVariant &value,
                      const QString &text,
                      int session = 0);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    WorkbookDocument *m_document;
    QString m_key;
    QVariant m_old;
    QVariant m_new;
    int m_session;
};

/** Keeps a draft of the manifesto; undo removes it, redo puts the same draft back. */
class AddDraftCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddDraftCommand)

public:
    AddDraftCommand(WorkbookDocument *document, const QString &name, const QString &body);

    void redo() override;
    void undo() override;
    qint64 draftId() const { return m_draft.id; }

private:
    WorkbookDocument *m_document;
    Core::Draft m_draft;
};

/** Deletes a draft; undo puts it back with its id, name, date and text. */
class RemoveDraftCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveDraftCommand)

public:
    RemoveDraftCommand(WorkbookDocument *document, qint64 draftId);

    void redo() override;
    void undo() override;

private:
    WorkbookDocument *m_document;
    Core::Draft m_draft;
};

} // namespace Rallybook
