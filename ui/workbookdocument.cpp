// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workbookdocument.h"

#include "core/text.h"

#include <QDate>
#include <QFileInfo>

namespace Rallybook {

QString lockFilePath(const QString &workbookPath)
{
    const QFileInfo info(workbookPath);
    return QStringLiteral("%1/.%2.lock").arg(info.absolutePath(), info.fileName());
}

WorkbookDocument::WorkbookDocument(std::unique_ptr<Core::Workbook> workbook)
    : m_workbook(std::move(workbook))
    , m_undoStack(new QUndoStack(this))
{
    if (auto checker = Core::Checker::create(m_workbook->definition())) {
        m_checker = checker.value();
    } else {
        qWarning("Readiness checks are unavailable: %s", qPrintable(checker.error().message));
    }
    Core::Workbook *book = m_workbook.get();
    connect(book, &Core::Workbook::valueChanged, this, &WorkbookDocument::scheduleEvaluation);
    connect(book, &Core::Workbook::rowInserted, this, &WorkbookDocument::scheduleEvaluation);
    connect(book, &Core::Workbook::rowRemoved, this, &WorkbookDocument::scheduleEvaluation);
    connect(book, &Core::Workbook::rowMoved, this, &WorkbookDocument::scheduleEvaluation);
    connect(book, &Core::Workbook::cellChanged, this, &WorkbookDocument::scheduleEvaluation);
    evaluate();
}

Core::TextStats WorkbookDocument::textStats(QStringView text) const
{
    if (m_checker) {
        return m_checker->textStats(text);
    }
    return Core::TextStats{Core::Text::wordCount(text), Core::Text::sentenceCount(text, {})};
}

void WorkbookDocument::scheduleEvaluation()
{
    // Several changes in one turn of the event loop (an undo macro) are evaluated once.
    if (!m_evaluationScheduled) {
        m_evaluationScheduled = true;
        QMetaObject::invokeMethod(this, &WorkbookDocument::evaluate, Qt::QueuedConnection);
    }
}

void WorkbookDocument::evaluate()
{
    m_evaluationScheduled = false;
    if (m_checker) {
        m_readiness = m_checker->evaluate(*m_workbook, QDate::currentDate());
        emit readinessChanged();
    }
}

WorkbookDocument::~WorkbookDocument()
{
    // Commands refer to the workbook; drop them before it goes.
    m_undoStack->clear();
}

Core::Result<std::unique_ptr<WorkbookDocument>>
WorkbookDocument::open(const QString &path, const Core::Definition &definition)
{
    // Take the lock before opening for writing, so two windows never both write (RELIABILITY P5).
    auto lock = std::make_unique<QLockFile>(lockFilePath(path));
    lock->setStaleLockTime(0); // a live owner keeps it however long; a dead one's lock is stale
    bool lockedElsewhere = false;
    QString owner;
    if (QFileInfo::exists(path) && !lock->tryLock(100)) {
        if (lock->error() == QLockFile::LockFailedError) {
            lockedElsewhere = true;
            qint64 pid = 0;
            QString host;
            QString application;
            if (lock->getLockInfo(&pid, &host, &application)) {
                owner = tr("Rallybook (process %1 on %2)").arg(pid).arg(host);
            }
        }
        // A folder where no lock can be made (read-only medium) is handled by the workbook,
        // which then opens read-only.
        lock.reset();
    }
    auto opened = Core::Workbook::open(path, definition, {.readOnly = lockedElsewhere});
    if (!opened) {
        return opened.error();
    }
    auto document =
        std::unique_ptr<WorkbookDocument>(new WorkbookDocument(std::move(opened.value())));
    document->m_lock = std::move(lock);
    document->m_lockedElsewhere = lockedElsewhere;
    document->m_lockOwner = owner;
    return document;
}

QString WorkbookDocument::readOnlyReason() const
{
    if (m_failed) {
        return m_failure.message;
    }
    if (m_lockedElsewhere) {
        return m_lockOwner.isEmpty()
                   ? tr("This workbook is open in another Rallybook window, so it is open here "
                        "for reading only.")
                   : tr("This workbook is open in another window: %1. It is open here for reading "
                        "only; close it there to edit it here.")
                         .arg(m_lockOwner);
    }
    return m_workbook->readOnlyReason();
}

void WorkbookDocument::flushPendingEdits()
{
    emit flushRequested();
}

bool WorkbookDocument::noteWrite(const Core::Result<void> &result,
                                 const FieldLocation &where,
                                 const QVariant &value)
{
    if (result) {
        noteSaved();
        return true;
    }
    if (result.error().code != Core::ErrorCode::InvalidValue) {
        noteWriteFailed(result.error(), where, value);
    }
    return false;
}

void WorkbookDocument::noteSaved()
{
    m_lastSaved = QDateTime::currentDateTime();
    emit saved(m_lastSaved);
}

void WorkbookDocument::noteWriteFailed(const Core::Error &error,
                                       const FieldLocation &where,
                                       const QVariant &value)
{
    m_unsaved.append({where, value});
    if (m_failed) {
        return;
    }
    m_failed = true;
    m_failure = error;
    emit writeFailed(error);
    emit editableChanged(false);
}

void WorkbookDocument::noteUndoRedo(const FieldLocation &where)
{
    emit locationChanged(where);
}

Core::Result<void> WorkbookDocument::rescueTo(const QString &path)
{
    if (auto copied = m_workbook->saveCopyAs(path); !copied) {
        return copied;
    }
    if (m_unsaved.isEmpty()) {
        return {};
    }
    auto copy = Core::Workbook::open(path, definition());
    if (!copy) {
        return copy.error();
    }
    for (const auto &[where, value] : std::as_const(m_unsaved)) {
        Core::Result<void> applied;
        if (where.fieldId.startsWith(QLatin1String(kSettingLocation))) {
            applied = copy.value()->setSetting(where.fieldId.mid(qstrlen(kSettingLocation)), value);
        } else if (where.fieldId.isEmpty()) {
            continue; // a draft added or removed: the copy keeps the drafts as they were
        } else if (where.rowId == 0) {
            applied = copy.value()->setValue(where.fieldId, value);
        } else if (copy.value()->rowIndex(where.fieldId, where.rowId) >= 0) {
            applied = copy.value()->setCell(where.fieldId, where.rowId, where.columnId, value);
        }
        if (!applied) {
            return applied;
        }
    }
    return {};
}

} // namespace Rallybook
