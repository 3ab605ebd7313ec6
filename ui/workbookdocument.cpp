// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workbookdocument.h"

#include "core/text.h"

#include <QDate>
#include <QFileInfo>

namespace Rallybook {

namespace {

/** A value the workbook refuses, or a row that is gone: nothing was at stake in the file. */
bool isRefusal(const Core::Error &error)
{
    return error.code == Core::ErrorCode::InvalidValue
           || error.code == Core::ErrorCode::UnknownField;
}

} // namespace

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
    const Core::Workbook *book = m_workbook.get();
    // The workbook signals a change only after its commit: that is what "saved" means.
    connect(book, &Core::Workbook::nameChanged, this, &WorkbookDocument::noteSaved);
    connect(book, &Core::Workbook::valueChanged, this, &WorkbookDocument::noteSaved);
    connect(book, &Core::Workbook::rowInserted, this, &WorkbookDocument::noteSaved);
    connect(book, &Core::Workbook::rowRemoved, this, &WorkbookDocument::noteSaved);
    connect(book, &Core::Workbook::rowMoved, this, &WorkbookDocument::noteSaved);
    connect(book, &Core::Workbook::cellChanged, this, &WorkbookDocument::noteSaved);
    connect(book, &Core::Workbook::settingChanged, this, &WorkbookDocument::noteSaved);
    connect(book, &Core::Workbook::draftAdded, this, &WorkbookDocument::noteSaved);
    connect(book, &Core::Workbook::draftRemoved, this, &WorkbookDocument::noteSaved);
    connect(book, &Core::Workbook::writeFailed, this, &WorkbookDocument::noteWriteFailed);
    // Answers feed the checks; settings and drafts do not.
    connect(book, &Core::Workbook::valueChanged, this, &WorkbookDocument::scheduleEvaluation);
    connect(book, &Core::Workbook::rowInserted, this, &WorkbookDocument::scheduleEvaluation);
    connect(book, &Core::Workbook::rowRemoved, this, &WorkbookDocument::scheduleEvaluation);
    connect(book, &Core::Workbook::rowMoved, this, &WorkbookDocument::scheduleEvaluation);
    connect(book, &Core::Workbook::cellChanged, this, &WorkbookDocument::scheduleEvaluation);
    connect(
        m_undoStack, &QUndoStack::canUndoChanged, this, &WorkbookDocument::emitUndoAvailability);
    connect(
        m_undoStack, &QUndoStack::canRedoChanged, this, &WorkbookDocument::emitUndoAvailability);
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
    // Commands refer to the document; drop them before it goes.
    m_undoStack->clear();
}

Core::Result<std::unique_ptr<WorkbookDocument>>
WorkbookDocument::open(const QString &path, const Core::Definition &definition)
{
    // Take the lock before opening for writing, so two windows never both write
    // (docs/architecture.md, "Opening a workbook").
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

// --- Changes -------------------------------------------------------------------------------

Core::Result<void> WorkbookDocument::step(const std::function<void()> &run, bool navigate)
{
    if (m_step) {
        // A step started while another runs (an editor committing from a signal) is part of it.
        run();
        return {};
    }
    m_step = Step{std::nullopt, navigate, {}};
    run();
    const Step done = *std::exchange(m_step, std::nullopt);
    if (done.navigate && !done.changed.isEmpty()) {
        emit locationChanged(done.changed);
    }
    if (done.error) {
        return *done.error;
    }
    return {};
}

Core::Result<void> WorkbookDocument::push(QUndoCommand *command)
{
    return step(
        [this, command] {
            m_undoStack->push(command);
        },
        false);
}

Core::Result<void> WorkbookDocument::undo()
{
    return travel(&QUndoStack::canUndo, &QUndoStack::undo);
}

Core::Result<void> WorkbookDocument::redo()
{
    return travel(&QUndoStack::canRedo, &QUndoStack::redo);
}

Core::Result<void> WorkbookDocument::travel(bool (QUndoStack::*can)() const,
                                            void (QUndoStack::*go)())
{
    flushPendingEdits();
    if (!isEditable()) {
        return Core::Error{Core::ErrorCode::ReadOnly, readOnlyReason(), m_workbook->path()};
    }
    if (!(m_undoStack->*can)()) {
        return {};
    }
    return step(
        [this, go] {
            (m_undoStack->*go)();
        },
        true);
}

bool WorkbookDocument::canUndo() const
{
    return isEditable() && m_undoStack->canUndo();
}

bool WorkbookDocument::canRedo() const
{
    return isEditable() && m_undoStack->canRedo();
}

void WorkbookDocument::emitUndoAvailability()
{
    emit canUndoChanged(canUndo());
    emit canRedoChanged(canRedo());
}

Core::Result<void> WorkbookDocument::keepSetting(const QString &key, const QVariant &value)
{
    WorkbookOperation operation = Operation::SetValue{ValueTarget::setting(key), value};
    return perform(operation);
}

Core::Result<void> WorkbookDocument::perform(WorkbookOperation &operation)
{
    Core::Result<void> done;
    if (m_failed) {
        // Editing has stopped: what the user still did (the rest of a macro) is kept for the
        // rescue copy, and the file is left alone.
        m_unsaved.append(operation);
        done = m_failure;
    } else if (!isEditable()) {
        done = Core::Error{Core::ErrorCode::ReadOnly, readOnlyReason(), m_workbook->path()};
    } else {
        done = apply(operation, *m_workbook);
        // A write that failed has stopped editing (noteWriteFailed, from the workbook's signal);
        // the operation is what the rescue copy must replay.
        if (!done && m_failed) {
            m_unsaved.append(operation);
        }
    }
    if (m_step) {
        if (!done && !m_step->error) {
            m_step->error = done.error();
        } else if (done && m_step->navigate) {
            if (const FieldLocation where = locationOf(operation); !where.isEmpty()) {
                m_step->changed = where;
            }
        }
    }
    return done;
}

void WorkbookDocument::noteSaved()
{
    m_lastSaved = QDateTime::currentDateTime();
    emit saved(m_lastSaved);
}

void WorkbookDocument::noteWriteFailed(const Core::Error &error)
{
    if (m_failed || isRefusal(error)) {
        return;
    }
    m_failed = true;
    m_failure = error;
    emit writeFailed(error);
    emit editableChanged(false);
    emitUndoAvailability();
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
    // Replay copies: an insert whose row id was never given picks one in the copy.
    QList<WorkbookOperation> replay = m_unsaved;
    for (WorkbookOperation &operation : replay) {
        if (auto applied = apply(operation, *copy.value()); !applied) {
            return applied;
        }
    }
    return {};
}

} // namespace Rallybook
