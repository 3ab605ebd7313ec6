// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/definition.h"
#include "core/workbook.h"
#include "ui/commands/studiocommands.h"
#include "ui/commands/workbookcommands.h"
#include "ui/workbookdocument.h"

#include <QFile>
#include <QLockFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>

#include "tests/ui/uitestutil.h"

using namespace Rallybook;

namespace {

/** One user action: the command that performs it, and what of the workbook it changes. */
struct Action
{
    std::function<QUndoCommand *(WorkbookDocument *)> make;
    std::function<QVariant(const Core::Workbook &)> observe;
};

const QString kText = QStringLiteral("AC1"); // a one-line text field
const QString kList = QStringLiteral("AC4"); // a list of parables: title, moment, lesson
const QString kColumn = QStringLiteral("title");
const QString kSetting = QStringLiteral("testSetting");

QVariant rowsOf(const Core::Workbook &workbook, const QString &fieldId)
{
    QVariantList rows;
    for (const Core::ListRow &row : workbook.rows(fieldId)) {
        rows.append(QVariant(QVariantList{row.id, row.cells}));
    }
    return rows;
}

QVariant draftsOf(const Core::Workbook &workbook)
{
    QVariantList drafts;
    for (const Core::Draft &draft : workbook.drafts()) {
        // The file keeps the date to the second.
        drafts.append(QVariant(
            QVariantList{draft.id, draft.name, draft.body, draft.created.toSecsSinceEpoch()}));
    }
    return drafts;
}

qint64 firstRow(const WorkbookDocument *document)
{
    return document->workbook().rows(kList).value(0).id;
}

/** A place of each kind in the demo: a text field, a list cell, a setting. */
ValueTarget targetOf(ValueTarget::Kind kind, const WorkbookDocument *document)
{
    switch (kind) {
    case ValueTarget::Kind::Field:
        return ValueTarget::field(kText);
    case ValueTarget::Kind::Cell:
        return ValueTarget::cell(kList, firstRow(document), kColumn);
    case ValueTarget::Kind::Setting:
        return ValueTarget::setting(kSetting);
    }
    Q_UNREACHABLE();
}

/** A sync client moves the file away while it is open: the next write fails (and is refused). */
bool breakTheFile(const QString &path)
{
    return QFile::rename(path, path + QStringLiteral(".moved"));
}

} // namespace

Q_DECLARE_METATYPE(Action)

/**
 * Every undo command against the real file: do, undo and redo; merging; and failure, after
 * which the command is dropped, editing stops, undo and redo are disabled, and the rescue copy
 * holds the change that could not be written.
 */
class TestCommands : public QObject
{
    Q_OBJECT

private:
    Core::Definition m_definition = Core::Definition::standard().value();
    std::unique_ptr<QTemporaryDir> m_dir;

    std::unique_ptr<WorkbookDocument> open(const QString &path)
    {
        auto document = WorkbookDocument::open(path, m_definition);
        if (!document) {
            qWarning("cannot open %s: %s", qPrintable(path), qPrintable(document.error().message));
            return nullptr;
        }
        return std::move(document.value());
    }

    /** What `observe` sees in the file itself, opened afresh. */
    QVariant inFile(const QString &path, const Action &action)
    {
        auto workbook = Core::Workbook::open(path, m_definition, {.readOnly = true});
        return workbook ? action.observe(*workbook.value())
                        : QVariant(QStringLiteral("unreadable"));
    }

    static void addActions()
    {
        QTest::addColumn<Action>("action");
        QTest::newRow("field") << Action{
            [](WorkbookDocument *d) {
                return new SetValueCommand(d, ValueTarget::field(kText), QStringLiteral("Lena"));
            },
            [](const Core::Workbook &w) {
                return w.value(kText);
            }};
        QTest::newRow("cell") << Action{[](WorkbookDocument *d) {
                                            return new SetValueCommand(
                                                d,
                                                ValueTarget::cell(kList, firstRow(d), kColumn),
                                                QStringLiteral("Pager at the wedding"));
                                        },
                                        [](const Core::Workbook &w) {
                                            return rowsOf(w, kList);
                                        }};
        QTest::newRow("setting") << Action{[](WorkbookDocument *d) {
                                               return new SetValueCommand(
                                                   d,
                                                   ValueTarget::setting(kSetting),
                                                   QStringLiteral("[1,2]"),
                                                   QStringLiteral("Change"));
                                           },
                                           [](const Core::Workbook &w) {
                                               return w.setting(kSetting);
                                           }};
        QTest::newRow("insert-row") << Action{
            [](WorkbookDocument *d) {
                return new InsertRowCommand(d, kList, 1, {{kColumn, QStringLiteral("New")}});
            },
            [](const Core::Workbook &w) {
                return rowsOf(w, kList);
            }};
        QTest::newRow("remove-row")
            << Action{[](WorkbookDocument *d) {
                          return new RemoveRowCommand(d, kList, firstRow(d));
                      },
                      [](const Core::Workbook &w) {
                          return rowsOf(w, kList);
                      }};
        QTest::newRow("move-row") << Action{[](WorkbookDocument *d) {
                                                return new MoveRowCommand(d, kList, firstRow(d), 2);
                                            },
                                            [](const Core::Workbook &w) {
                                                return rowsOf(w, kList);
                                            }};
        QTest::newRow("add-draft")
            << Action{[](WorkbookDocument *d) {
                          return new AddDraftCommand(
                              d, QStringLiteral("First cut"), QStringLiteral("We build."));
                      },
                      [](const Core::Workbook &w) {
                          return draftsOf(w);
                      }};
        QTest::newRow("macro") << Action{
            [](WorkbookDocument *d) {
                // Two changes as one step, as the wallpaper's picture.
                auto *step = new StepCommand(QStringLiteral("Both"));
                new SetValueCommand(
                    d, ValueTarget::setting(kSetting), QStringLiteral("a"), {}, 0, step);
                new SetValueCommand(
                    d, ValueTarget::field(kText), QStringLiteral("Both"), {}, 0, step);
                return step;
            },
            [](const Core::Workbook &w) {
                return QVariantList{w.setting(kSetting), w.value(kText)};
            }};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        UiTestUtil::start(*m_dir);
    }

    void cleanup() { m_dir.reset(); }

    void doUndoRedoReachTheFile_data() { addActions(); }

    void doUndoRedoReachTheFile()
    {
        QFETCH(Action, action);
        const QString path = UiTestUtil::newDemo(*m_dir);
        auto document = open(path);
        QVERIFY(document);
        const QVariant before = action.observe(document->workbook());
        QSignalSpy saved(document.get(), &WorkbookDocument::saved);

        QVERIFY(document->push(action.make(document.get())).ok());
        const QVariant after = action.observe(document->workbook());
        QVERIFY(after != before);
        QCOMPARE(inFile(path, action), after);
        QVERIFY(!saved.isEmpty()); // the document noted the commit itself
        QCOMPARE(document->undoStack()->count(), 1);

        QVERIFY(document->undo().ok());
        QCOMPARE(action.observe(document->workbook()), before);
        QCOMPARE(inFile(path, action), before);
        QVERIFY(document->redo().ok());
        QCOMPARE(action.observe(document->workbook()), after); // the same row and draft ids
        QCOMPARE(inFile(path, action), after);
    }

    void removedDraftComesBackWithItsIdNameAndDate()
    {
        const QString path = UiTestUtil::newDemo(*m_dir);
        auto document = open(path);
        QVERIFY(document);
        auto *add = new AddDraftCommand(document.get(), QStringLiteral("One"), QStringLiteral("x"));
        QVERIFY(document->push(add).ok());
        const QVariant kept = draftsOf(document->workbook());
        QVERIFY(document->push(new RemoveDraftCommand(document.get(), add->draftId())).ok());
        QCOMPARE(document->workbook().drafts().size(), 0);
        QVERIFY(document->undo().ok());
        QCOMPARE(draftsOf(document->workbook()), kept);
        QVERIFY(document->redo().ok());
        QCOMPARE(document->workbook().drafts().size(), 0);
    }

    void failedDraftRemovalReachesTheRescueCopy()
    {
        const QString path = UiTestUtil::newDemo(*m_dir);
        auto document = open(path);
        QVERIFY(document);
        auto *add = new AddDraftCommand(document.get(), QStringLiteral("One"), QStringLiteral("x"));
        QVERIFY(document->push(add).ok());
        const qint64 draft = add->draftId();
        QVERIFY(breakTheFile(path));
        QVERIFY(!document->push(new RemoveDraftCommand(document.get(), draft)).ok());
        QCOMPARE(document->undoStack()->count(), 1); // the draft's addition only
        QVERIFY(document->workbook().draft(draft));
        const QString rescued = m_dir->filePath(QStringLiteral("rescued.rallybook"));
        QVERIFY(document->rescueTo(rescued).ok());
        auto copy = Core::Workbook::open(rescued, m_definition);
        QVERIFY(copy.ok());
        QVERIFY(copy.value()->drafts().isEmpty());
    }

    void typingInOnePlaceMergesIntoOneStep_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("field") << int(ValueTarget::Kind::Field);
        QTest::newRow("cell") << int(ValueTarget::Kind::Cell);
        QTest::newRow("setting") << int(ValueTarget::Kind::Setting);
    }

    void typingInOnePlaceMergesIntoOneStep()
    {
        QFETCH(int, kind);
        const QString path = UiTestUtil::newDemo(*m_dir);
        auto document = open(path);
        QVERIFY(document);
        const ValueTarget target = targetOf(ValueTarget::Kind(kind), document.get());
        const QVariant before = target.read(document->workbook());
        const int session = 7;
        for (const QString &typed :
             {QStringLiteral("D"), QStringLiteral("Da"), QStringLiteral("Dana")}) {
            QVERIFY(document
                        ->push(new SetValueCommand(
                            document.get(), target, typed, QStringLiteral("Type"), session))
                        .ok());
        }
        QCOMPARE(document->undoStack()->count(), 1);
        QCOMPARE(target.read(document->workbook()), QVariant(QStringLiteral("Dana")));
        // Another session is another step.
        QVERIFY(document
                    ->push(new SetValueCommand(document.get(),
                                               target,
                                               QStringLiteral("Dan"),
                                               QStringLiteral("Type"),
                                               session + 1))
                    .ok());
        QCOMPARE(document->undoStack()->count(), 2);
        QVERIFY(document->undo().ok());
        QVERIFY(document->undo().ok());
        QCOMPARE(target.read(document->workbook()), before);
        // Typing back to where the place started leaves nothing to undo.
        QVERIFY(document
                    ->push(new SetValueCommand(document.get(),
                                               target,
                                               QStringLiteral("X"),
                                               QStringLiteral("Type"),
                                               session + 2))
                    .ok());
        QVERIFY(document
                    ->push(new SetValueCommand(
                        document.get(), target, before, QStringLiteral("Type"), session + 2))
                    .ok());
        QCOMPARE(document->undoStack()->count(), 0);
    }

    void aFailedWriteNeverMergesIntoThePreviousStep_data()
    {
        typingInOnePlaceMergesIntoOneStep_data();
    }

    void aFailedWriteNeverMergesIntoThePreviousStep()
    {
        QFETCH(int, kind);
        const QString path = UiTestUtil::newDemo(*m_dir);
        auto document = open(path);
        QVERIFY(document);
        const ValueTarget target = targetOf(ValueTarget::Kind(kind), document.get());
        const int session = 3;
        QVERIFY(document
                    ->push(new SetValueCommand(document.get(),
                                               target,
                                               QStringLiteral("Dana"),
                                               QStringLiteral("Type"),
                                               session))
                    .ok());
        QVERIFY(breakTheFile(path));
        const auto failed = document->push(new SetValueCommand(
            document.get(), target, QStringLiteral("Dana Ok"), QStringLiteral("Type"), session));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, Core::ErrorCode::Io);
        // One step, which holds what the file holds.
        QCOMPARE(document->undoStack()->count(), 1);
        const auto *step = static_cast<const SetValueCommand *>(document->undoStack()->command(0));
        QCOMPARE(step->value(), QVariant(QStringLiteral("Dana")));
        QCOMPARE(target.read(document->workbook()), QVariant(QStringLiteral("Dana")));
        // The rescue copy holds what is on screen.
        const QString rescued = m_dir->filePath(QStringLiteral("rescued.rallybook"));
        QVERIFY(document->rescueTo(rescued).ok());
        auto copy = Core::Workbook::open(rescued, m_definition);
        QVERIFY(copy.ok());
        QCOMPARE(target.read(*copy.value()), QVariant(QStringLiteral("Dana Ok")));
    }

    void failedCommandIsDroppedAndTheRescueCopyHoldsIt_data() { addActions(); }

    void failedCommandIsDroppedAndTheRescueCopyHoldsIt()
    {
        QFETCH(Action, action);
        const QString path = UiTestUtil::newDemo(*m_dir);
        QVariant expected;
        {
            // What the action does when it can be written: the copy must hold the same.
            const QString trial = UiTestUtil::newDemo(*m_dir, QStringLiteral("trial.rallybook"));
            auto document = open(trial);
            QVERIFY(document);
            QVERIFY(document->push(action.make(document.get())).ok());
            expected = action.observe(document->workbook());
        }
        auto document = open(path);
        QVERIFY(document);
        const QVariant before = action.observe(document->workbook());
        QSignalSpy failedSpy(document.get(), &WorkbookDocument::writeFailed);
        QSignalSpy canUndo(document.get(), &WorkbookDocument::canUndoChanged);
        QVERIFY(breakTheFile(path));

        const auto pushed = document->push(action.make(document.get()));
        QVERIFY(!pushed.ok());
        QCOMPARE(failedSpy.count(), 1); // from the workbook's own writeFailed
        QVERIFY(document->hasFailed());
        QVERIFY(!document->isEditable());
        QCOMPARE(document->undoStack()->count(), 0);
        QVERIFY(!document->canUndo());
        QCOMPARE(action.observe(document->workbook()), before);
        QCOMPARE(inFile(path + QStringLiteral(".moved"), action), before);
        QVERIFY(!document->unsavedOperations().isEmpty());

        // Save a Copy replays the change onto the copy (defect: the row commands were replayed
        // as scalar fields, "has no field AC4 that holds a single value").
        const QString rescued = m_dir->filePath(QStringLiteral("rescued.rallybook"));
        const auto copied = document->rescueTo(rescued);
        QVERIFY2(copied.ok(), qPrintable(copied.error().message));
        auto copy = Core::Workbook::open(rescued, m_definition);
        QVERIFY(copy.ok());
        const QVariant inCopy = action.observe(*copy.value());
        if (QByteArray(QTest::currentDataTag()) == "insert-row") {
            // The copy gives the row an id of its own: compare the cells in order.
            const QVariantList rows = inCopy.toList();
            const QVariantList wanted = expected.toList();
            QCOMPARE(rows.size(), wanted.size());
            for (int i = 0; i < rows.size(); ++i) {
                QCOMPARE(rows.at(i).toList().at(1), wanted.at(i).toList().at(1));
            }
        } else if (QByteArray(QTest::currentDataTag()) == "add-draft") {
            QCOMPARE(copy.value()->drafts().size(), 1);
            QCOMPARE(copy.value()->drafts().first().body, QStringLiteral("We build."));
        } else {
            QCOMPARE(inCopy, expected);
        }
    }

    void undoAndRedoAreDisabledOnceEditingStops()
    {
        const QString path = UiTestUtil::newDemo(*m_dir);
        auto document = open(path);
        QVERIFY(document);
        QVERIFY(document
                    ->push(new SetValueCommand(
                        document.get(), ValueTarget::field(kText), QStringLiteral("A")))
                    .ok());
        QVERIFY(document
                    ->push(new SetValueCommand(
                        document.get(), ValueTarget::field(kText), QStringLiteral("B")))
                    .ok());
        QVERIFY(document->undo().ok());
        QVERIFY(document->canUndo());
        QVERIFY(document->canRedo());
        QSignalSpy canUndo(document.get(), &WorkbookDocument::canUndoChanged);
        QSignalSpy canRedo(document.get(), &WorkbookDocument::canRedoChanged);
        QVERIFY(breakTheFile(path));
        QVERIFY(!document
                     ->push(new SetValueCommand(document.get(),
                                                ValueTarget::field(QStringLiteral("AC3")),
                                                QStringLiteral("C")))
                     .ok());
        QVERIFY(!document->canUndo());
        QVERIFY(!document->canRedo());
        QVERIFY(!canUndo.isEmpty() && !canUndo.last().at(0).toBool());
        QVERIFY(!canRedo.isEmpty() && !canRedo.last().at(0).toBool());
        QVERIFY(!document->undo().ok());
        QVERIFY(!document->redo().ok());
        QCOMPARE(document->workbook().value(kText), QVariant(QStringLiteral("A")));
    }

    void undoTellsViewsWhereItChanged()
    {
        const QString path = UiTestUtil::newDemo(*m_dir);
        auto document = open(path);
        QVERIFY(document);
        QSignalSpy moved(document.get(), &WorkbookDocument::locationChanged);
        const qint64 row = firstRow(document.get());
        QVERIFY(document
                    ->push(new SetValueCommand(document.get(),
                                               ValueTarget::cell(kList, row, kColumn),
                                               QStringLiteral("X")))
                    .ok());
        QCOMPARE(moved.count(), 0); // the user is there already
        QVERIFY(document->undo().ok());
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.last().at(0).value<FieldLocation>(), (FieldLocation{kList, row, kColumn}));
    }

    void aRefusedValueIsReportedAndEditingGoesOn()
    {
        const QString path = UiTestUtil::newDemo(*m_dir);
        auto document = open(path);
        QVERIFY(document);
        const auto refused =
            document->push(new SetValueCommand(document.get(),
                                               ValueTarget::field(QStringLiteral("AC2")),
                                               QStringLiteral("no such choice")));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Core::ErrorCode::InvalidValue);
        const auto gone = document->push(new RemoveRowCommand(document.get(), kList, 999999));
        QVERIFY(!gone.ok());
        QCOMPARE(document->undoStack()->count(), 0);
        QVERIFY(document->isEditable());
        QVERIFY(document->unsavedOperations().isEmpty());
    }

    void wizardPageIsBookkeepingOutsideTheHistory()
    {
        const QString path = UiTestUtil::newDemo(*m_dir);
        auto document = open(path);
        QVERIFY(document);
        QVERIFY(
            document->keepSetting(QStringLiteral("wizardPage"), QStringLiteral("cause/0")).ok());
        QCOMPARE(document->undoStack()->count(), 0);
        QCOMPARE(document->workbook().setting(QStringLiteral("wizardPage")).toString(),
                 QStringLiteral("cause/0"));
        // A failure there stops editing like any other write, and is kept for the rescue.
        QVERIFY(breakTheFile(path));
        QVERIFY(
            !document->keepSetting(QStringLiteral("wizardPage"), QStringLiteral("cause/1")).ok());
        QVERIFY(document->hasFailed());
        QCOMPARE(document->unsavedOperations().size(), 1);
    }

    void aReadOnlyWorkbookRefusesEveryCommand()
    {
        const QString path = UiTestUtil::newDemo(*m_dir);
        QLockFile other(lockFilePath(path));
        QVERIFY(other.tryLock(0));
        auto document = open(path);
        QVERIFY(document);
        QVERIFY(!document->isEditable());
        const auto refused = document->push(
            new SetValueCommand(document.get(), ValueTarget::field(kText), QStringLiteral("X")));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Core::ErrorCode::ReadOnly);
        QVERIFY(!document->hasFailed()); // nothing failed: nothing to rescue
        QVERIFY(document->unsavedOperations().isEmpty());
    }
};

QTEST_MAIN(TestCommands)
#include "tst_commands.moc"
