// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/studiocommands.h"

#include "ui/commands/workbookcommands.h"
#include "ui/workbookdocument.h"

namespace Rallybook {

namespace {

FieldLocation settingLocation(const QString &key)
{
    return {QLatin1String(kSettingLocation) + key, 0, {}};
}

} // namespace

// --- SetSettingCommand ---------------------------------------------------------------------

SetSettingCommand::SetSettingCommand(WorkbookDocument *document,
                                     const QString &key,
                                     const QVariant &value,
                                     const QString &text,
                                     int session)
    : m_document(document)
    , m_key(key)
    , m_old(document->workbook().setting(key))
    , m_new(value)
    , m_session(session)
{
    setText(text);
}

void SetSettingCommand::redo()
{
    if (!m_document->noteWrite(
            m_document->workbook().setSetting(m_key, m_new), settingLocation(m_key), m_new)) {
        setObsolete(true);
    }
}

void SetSettingCommand::undo()
{
    m_document->noteWrite(
        m_document->workbook().setSetting(m_key, m_old), settingLocation(m_key), m_old);
}

int SetSettingCommand::id() const
{
    return int(CommandId::SetSetting);
}

bool SetSettingCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetSettingCommand *>(other);
    if (next->m_key != m_key || m_session == 0 || next->m_session != m_session) {
        return false;
    }
    m_new = next->m_new;
    setObsolete(m_new == m_old);
    return true;
}

// --- Drafts --------------------------------------------------------------------------------

AddDraftCommand::AddDraftCommand(WorkbookDocument *document,
                                 const QString &name,
                                 const QString &body)
    : m_document(document)
    , m_draft{0, name, {}, body}
{
    setText(tr("Save draft \u201c%1\u201d").arg(name.trimmed()));
}

void AddDraftCommand::redo()
{
    auto added = m_document->workbook().addDraft(m_draft);
    if (!added) {
        m_document->noteWrite(added.error(), {}, QVariant());
        setObsolete(true);
        return;
    }
    // Keep the id and date, so that redo after undo brings back the same draft.
    m_draft = *m_document->workbook().draft(added.value());
    m_document->noteSaved();
}

void AddDraftCommand::undo()
{
    m_document->noteWrite(m_document->workbook().removeDraft(m_draft.id), {}, QVariant());
}

RemoveDraftCommand::RemoveDraftCommand(WorkbookDocument *document, qint64 draftId)
    : m_document(document)
{
    if (const Core::Draft *draft = document->workbook().draft(draftId)) {
        m_draft = *draft;
    }
    setText(tr("Delete draft \u201c%1\u201d").arg(m_draft.name));
}

void RemoveDraftCommand::redo()
{
    if (m_draft.id == 0
        || !m_document->noteWrite(m_document->workbook().removeDraft(m_draft.id), {}, QVariant())) {
        setObsolete(true);
    }
}

void RemoveDraftCommand::undo()
{
    auto added = m_document->workbook().addDraft(m_draft);
    if (!added) {
        m_document->noteWrite(added.error(), {}, QVariant());
        return;
    }
    m_document->noteSaved();
}

} // namespace Rallybook
