// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/definition.h"
#include "core/value.h"
#include "core/workbookjson.h"
#include "ui/commands/workbookcommands.h"
#include "ui/dialogs.h"
#include "ui/fieldeditors.h"
#include "ui/findbar.h"
#include "ui/findhighlight.h"
#include "ui/mainwindow.h"
#include "ui/sectionpage.h"
#include "ui/settings.h"
#include "ui/style.h"
#include "ui/workbookdocument.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLockFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include "tests/ui/uitestutil.h"

using namespace Rallybook;

/** The editor window, driven as a user drives it: keys and clicks on widgets found by name. */
class TestEditor : public QObject
{
    Q_OBJECT

private:
    Core::Definition m_definition = Core::Definition::standard().value();
    std::unique_ptr<QTemporaryDir> m_dir;

    QString newBlank(const QString &name = QStringLiteral("blank.rallybook"))
    {
        return UiTestUtil::newBlank(*m_dir, name);
    }
    QString newDemo(const QString &name = QStringLiteral("demo.rallybook"))
    {
        return UiTestUtil::newDemo(*m_dir, name);
    }
    template<typename T>
    static T *find(QWidget *root, const QString &name)
    {
        return UiTestUtil::find<T>(root, name);
    }
    /** Shows the field's section, then returns its editor widget. */
    template<typename T>
    static T *editor(MainWindow &window, const QString &fieldId)
    {
        window.showLocation({fieldId, 0, {}});
        return find<T>(&window, QStringLiteral("edit-") + fieldId);
    }

    static QAction *action(MainWindow &window, const QString &text)
    {
        for (QAction *a : window.findChildren<QAction *>()) {
            if (a->text().remove(u'&').startsWith(text)) {
                return a;
            }
        }
        qWarning("no action %s", qPrintable(text));
        return nullptr;
    }

    static Core::WorkbookContent reopen(const QString &path, const Core::Definition &definition)
    {
        auto workbook = Core::Workbook::open(path, definition);
        return workbook ? workbook.value()->content() : Core::WorkbookContent{};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        UiTestUtil::start(*m_dir);
    }

    void cleanup() { m_dir.reset(); }

    void opensTheDemoWorkbookWithEverySectionFilled()
    {
        const QString path = newDemo();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Shipwrights")));
        auto *sidebar = find<QListWidget>(&window, QStringLiteral("sidebar"));
        QCOMPARE(sidebar->count(), 9); // the seven sections, the studio, then Readiness
        for (int i = 0; i < 7; ++i) {
            const QString detail = sidebar->item(i)->data(Qt::UserRole + 2).toString();
            QVERIFY2(QRegularExpression(QStringLiteral("^(\\d+) of \\1 filled"))
                         .match(detail)
                         .hasMatch(),
                     qPrintable(detail));
        }
        // The Shipwrights demo passes every check but two tips (docs/content-rules.md).
        QCOMPARE(sidebar->item(8)->data(Qt::UserRole + 2).toString(), QStringLiteral("2 tips"));
        QCOMPARE(sidebar->item(8)->data(Qt::UserRole + 1).toInt(),
                 window.document()->readiness().score);
        QCOMPARE(editor<QLineEdit>(window, QStringLiteral("AC1"))->text(),
                 QStringLiteral("Dana Okafor"));
        QVERIFY(!find<QWidget>(&window, QStringLiteral("infoBar"))->isVisible());
        QVERIFY(Settings::instance().recentFiles().contains(path));
    }

    void findingsAppearNextToTheFieldAsYouType()
    {
        const QString path = newDemo();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLineEdit *name = editor<QLineEdit>(window, QStringLiteral("NO3"));
        auto *findings = find<QWidget>(&window, QStringLiteral("findings-NO3"));
        QVERIFY(!findings->isVisible());
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("A better micro-product path"));
        // An improvement word: NO-C1 shows next to the field once the typing is saved.
        QTRY_VERIFY(findings->isVisible());
        QVERIFY(findings->findChild<QWidget *>(QStringLiteral("finding-NO-C1")));
        auto *message = findings->findChild<QLabel *>(QStringLiteral("findingMessage"));
        QVERIFY(
            message->text().startsWith(QStringLiteral("Warning: This reads as an improvement.")));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("The Micro-Product Path"));
        QTRY_VERIFY(!findings->isVisible());
    }

    void readinessPageGoesToTheField()
    {
        const QString path = newDemo();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
        auto *page = find<QWidget>(&window, QStringLiteral("page-readiness"));
        QVERIFY(page->isVisible());
        QCOMPARE(find<QLabel>(page, QStringLiteral("readinessScore"))->text(),
                 QStringLiteral("%1 / 100").arg(window.document()->readiness().score));
        QVERIFY(page->findChild<QWidget *>(QStringLiteral("finding-TB-C3")));
        auto *go = find<QToolButton>(page, QStringLiteral("goTo-MS-C6"));
        QTest::mouseClick(go, Qt::LeftButton);
        QCOMPARE(window.currentPage()->section().id, QStringLiteral("movement-stages"));
        QTRY_VERIFY(
            QApplication::focusWidget()
            && QApplication::focusWidget()->objectName().startsWith(QStringLiteral("edit-MS9")));
    }

    void welcomePageOpensTheExample()
    {
        MainWindow window(m_definition);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(find<QWidget>(&window, QStringLiteral("welcomePage"))->isVisible());
        QVERIFY(!window.document());
        qputenv("XDG_DATA_HOME", m_dir->filePath(QStringLiteral("data")).toUtf8());
        QTest::mouseClick(find<QPushButton>(&window, QStringLiteral("openExample")),
                          Qt::LeftButton);
        QVERIFY(window.document());
        QCOMPARE(window.document()->workbook().name(), QStringLiteral("Shipwrights"));
    }

    void typedValuesOfEveryFieldTypeSurviveReopening()
    {
        const QString path = newBlank();
        {
            MainWindow window(m_definition);
            QVERIFY(window.openFile(path));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));

            // Short text, typed.
            QLineEdit *name = editor<QLineEdit>(window, QStringLiteral("AC1"));
            name->setFocus();
            QTest::keyClicks(name, QStringLiteral("Dana Okafor"));
            // Long text, typed, with a line break.
            QPlainTextEdit *backstory = editor<QPlainTextEdit>(window, QStringLiteral("AC3"));
            backstory->setFocus(); // focus leaving the name commits it at once
            QTest::keyClicks(backstory, QStringLiteral("Fourteen years"));
            QTest::keyClick(backstory, Qt::Key_Return);
            QTest::keyClicks(backstory, QStringLiteral("as an engineer."));
            // A group part.
            QPlainTextEdit *part = editor<QPlainTextEdit>(window, QStringLiteral("AC9.backstory"));
            part->setFocus();
            QTest::keyClicks(part, QStringLiteral("Secure job."));
            // Choice as radio buttons, choice as a combo box, a checklist.
            window.showLocation({QStringLiteral("AC2"), 0, {}});
            QTest::mouseClick(find<QRadioButton>(&window, QStringLiteral("choice-AC2-leader")),
                              Qt::LeftButton);
            QComboBox *stage = editor<QComboBox>(window, QStringLiteral("MS1"));
            stage->setFocus();
            QTest::keyClick(stage, Qt::Key_Down);
            QTest::keyClick(stage, Qt::Key_Down);
            window.showLocation({QStringLiteral("CA10"), 0, {}});
            QTest::mouseClick(find<QCheckBox>(&window, QStringLiteral("check-CA10-forum")),
                              Qt::LeftButton);
            // A number with its unit.
            QDoubleSpinBox *fans = editor<QDoubleSpinBox>(window, QStringLiteral("MS9.trueFans"));
            fans->setFocus();
            fans->selectAll();
            QTest::keyClicks(fans, QStringLiteral("38"));
            // A list: add a row and type into its first cell.
            window.showLocation({QStringLiteral("AC5"), 0, {}});
            QTest::mouseClick(find<QPushButton>(&window, QStringLiteral("add-AC5")),
                              Qt::LeftButton);
            QTableView *flaws = find<QTableView>(&window, QStringLiteral("edit-AC5"));
            QTRY_VERIFY(flaws->indexWidget(flaws->currentIndex())
                        || QApplication::focusWidget() != flaws);
            QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Over-engineers"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QTRY_COMPARE(QApplication::focusWidget(), flaws);
            // Closing the window commits anything still being typed.
            window.close();
        }
        const Core::WorkbookContent saved = reopen(path, m_definition);
        QCOMPARE(saved.values.value(QStringLiteral("AC1")).toString(),
                 QStringLiteral("Dana Okafor"));
        QCOMPARE(saved.values.value(QStringLiteral("AC3")).toString(),
                 QStringLiteral("Fourteen years\nas an engineer."));
        QCOMPARE(saved.values.value(QStringLiteral("AC9.backstory")).toString(),
                 QStringLiteral("Secure job."));
        QCOMPARE(saved.values.value(QStringLiteral("AC2")).toString(), QStringLiteral("leader"));
        QCOMPARE(saved.values.value(QStringLiteral("MS1")).toString(),
                 QStringLiteral("first-follower"));
        QCOMPARE(saved.values.value(QStringLiteral("CA10")).toStringList(),
                 QStringList{QStringLiteral("forum")});
        QCOMPARE(saved.values.value(QStringLiteral("MS9.trueFans")).toDouble(), 38.0);
        QCOMPARE(saved.lists.value(QStringLiteral("AC5")).size(), 1);
        QCOMPARE(saved.lists.value(QStringLiteral("AC5"))
                     .first()
                     .cells.value(QStringLiteral("flaw"))
                     .toString(),
                 QStringLiteral("Over-engineers"));
    }

    void typingIsSavedWithinASecondWithoutLeavingTheField()
    {
        const QString path = newBlank();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        QLineEdit *name = editor<QLineEdit>(window, QStringLiteral("AC1"));
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral("Lena"));
        QSignalSpy saved(window.document(), &WorkbookDocument::saved);
        QVERIFY(saved.wait(1000));
        QVERIFY(name->hasFocus());
        QCOMPARE(reopen(path, m_definition).values.value(QStringLiteral("AC1")).toString(),
                 QStringLiteral("Lena"));
        QVERIFY(find<QLabel>(&window, QStringLiteral("savedLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Saved at")));
    }

    void typingInOneFieldIsOneUndoStep()
    {
        const QString path = newBlank();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        QLineEdit *name = editor<QLineEdit>(window, QStringLiteral("AC1"));
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral("Da"));
        QSignalSpy saved(window.document(), &WorkbookDocument::saved);
        QVERIFY(saved.wait(1000)); // committed once mid-word
        QTest::keyClicks(name, QStringLiteral("na"));
        editor<QPlainTextEdit>(window, QStringLiteral("AC3"))->setFocus(); // and again on leaving
        const QUndoStack *stack = window.document()->undoStack();
        QCOMPARE(stack->count(), 1);
        QCOMPARE(window.document()->workbook().value(QStringLiteral("AC1")).toString(),
                 QStringLiteral("Dana"));
        name->setFocus();
        QTest::keySequence(name, QKeySequence::Undo); // the window's undo, not the box's own
        QCOMPARE(window.document()->workbook().value(QStringLiteral("AC1")), QVariant());
        QCOMPARE(name->text(), QString());
        QVERIFY(name->hasFocus()); // undo moves to the field it changes
    }

    void undoAndRedoCoverEveryFieldType_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("text") << "AC1" << QVariant(QStringLiteral("Lena"));
        QTest::newRow("longtext") << "AC3" << QVariant(QStringLiteral("Line\nline"));
        QTest::newRow("choice-radio") << "AC2" << QVariant(QStringLiteral("leader"));
        QTest::newRow("choice-combo") << "MS1" << QVariant(QStringLiteral("momentum"));
        QTest::newRow("checklist") << "AC7" << QVariant(QStringList{QStringLiteral("us-vs-them")});
        QTest::newRow("number") << "MS10.teamSize" << QVariant(3.0);
        QTest::newRow("group-part") << "AC10.fears" << QVariant(QStringLiteral("keep your job"));
    }

    void undoAndRedoCoverEveryFieldType()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        const QString path = newDemo();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        WorkbookDocument *document = window.document();
        const QVariant before = document->workbook().value(field);
        auto normalized = Core::Values::normalize(*m_definition.field(field), value);
        QVERIFY(normalized.ok());
        QVERIFY(normalized.value() != before);
        // What an editor does when the user changes it; then undo from another section.
        window.showSection(6);
        QVERIFY(
            document
                ->push(new SetValueCommand(document, ValueTarget::field(field), normalized.value()))
                .ok());
        QCOMPARE(document->workbook().value(field), normalized.value());
        action(window, QStringLiteral("Undo"))->trigger();
        QCOMPARE(document->workbook().value(field), before);
        QCOMPARE(window.currentPage()->section().id, m_definition.sectionOf(field)->id);
        action(window, QStringLiteral("Redo"))->trigger();
        QCOMPARE(document->workbook().value(field), normalized.value());
        window.close();
        QCOMPARE(reopen(path, m_definition).values.value(field), normalized.value());
    }

    void listRowsAreAddedReorderedRemovedAndUndone()
    {
        const QString path = newBlank();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showLocation({QStringLiteral("AC6"), 0, {}});
        QTableView *table = find<QTableView>(&window, QStringLiteral("edit-AC6"));
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Core::Workbook &workbook = window.document()->workbook();
        auto typeRow = [&](const QString &stance) {
            table->setFocus();
            QTest::keyClick(table, Qt::Key_Insert); // keyboard: add a row below the current one
            QTRY_VERIFY(QApplication::focusWidget() != table);
            QWidget *cell = QApplication::focusWidget();
            QTest::keyClicks(cell, stance);
            QTest::keyClick(cell, Qt::Key_Return);
            // The view commits the cell from the event loop, right after the key.
            QTRY_COMPARE(QApplication::focusWidget(), table);
        };
        typeRow(QStringLiteral("A"));
        typeRow(QStringLiteral("B"));
        typeRow(QStringLiteral("C"));
        auto stances = [&] {
            QStringList texts;
            for (const Core::ListRow &row : workbook.rows(QStringLiteral("AC6"))) {
                texts.append(row.cells.value(QStringLiteral("stance")).toString());
            }
            return texts;
        };
        QCOMPARE(stances(),
                 (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
        // Move C up with the keyboard, then B down with the button.
        table->setFocus();
        table->setCurrentIndex(table->model()->index(2, 0));
        QTest::keyClick(table, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(stances(),
                 (QStringList{QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("B")}));
        QCOMPARE(table->currentIndex().row(), 1);
        QTest::keyClick(table, Qt::Key_Delete, Qt::ControlModifier);
        QCOMPARE(stances(), (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
        QCOMPARE(table->model()->rowCount(), 2);

        QAction *undo = action(window, QStringLiteral("Undo"));
        undo->trigger(); // the removal
        QCOMPARE(stances(),
                 (QStringList{QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("B")}));
        undo->trigger(); // the move
        QCOMPARE(stances(),
                 (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
        action(window, QStringLiteral("Redo"))->trigger();
        QCOMPARE(stances(),
                 (QStringList{QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("B")}));
        window.close();
        QCOMPARE(reopen(path, m_definition).lists.value(QStringLiteral("AC6")).size(), 3);
    }

    /** The find bar's marks in the window: overlays, long texts' extra selections, cells. */
    static int countMarks(QWidget *window)
    {
        int marks = 0;
        for (auto *mark : window->findChildren<FindHighlight *>()) {
            marks += mark->isVisible() ? 1 : 0;
        }
        for (auto *text : window->findChildren<QPlainTextEdit *>()) {
            for (const QTextEdit::ExtraSelection &selection : text->extraSelections()) {
                marks += selection.format.property(FindHighlight::kProperty).toBool() ? 1 : 0;
            }
        }
        for (auto *table : window->findChildren<QTableView *>()) {
            const QAbstractItemModel *model = table->model();
            for (int row = 0; model && row < model->rowCount(); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    marks += model->index(row, column).data(Qt::BackgroundRole).isValid() ? 1 : 0;
                }
            }
        }
        return marks;
    }

    /** Opens the demo and searches for `text` with Ctrl+F; returns the find field. */
    QLineEdit *startFind(MainWindow &window, const QString &text)
    {
        if (!window.openFile(newDemo())) {
            return nullptr;
        }
        window.show();
        if (!QTest::qWaitForWindowExposed(&window)) {
            return nullptr;
        }
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_F));
        auto *findEdit = find<QLineEdit>(&window, QStringLiteral("findEdit"));
        if (!findEdit || !QTest::qWaitFor([&] {
                return findEdit->hasFocus();
            })) {
            return nullptr;
        }
        QTest::keyClicks(findEdit, text);
        return findEdit;
    }

    void findNeverEditsAnAnswer()
    {
        // Enter used to select the match in the answer itself, and Enter again replaced it with
        // a line break ("Ask–Build–Ship loop" became "Ask–Build–Ship⏎"), which was saved.
        MainWindow window(m_definition);
        QLineEdit *findEdit = startFind(window, QStringLiteral("loop"));
        QVERIFY(findEdit);
        const QString path = window.document()->workbook().path();
        const Core::WorkbookContent before = window.document()->workbook().content();
        for (int i = 0; i < 20; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QCOMPARE(QApplication::focusWidget(), findEdit); // the keyboard stays in the bar
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3);
        QCOMPARE(QApplication::focusWidget(), findEdit);
        window.document()->flushPendingEdits();
        QCOMPARE(window.document()->undoStack()->count(), 0);
        QCOMPARE(window.document()->workbook().content(), before);
        window.close();
        QCOMPARE(reopen(path, m_definition), before);
    }

    void findMarksOnlyTheCurrentMatchInItsOwnColour()
    {
        MainWindow window(m_definition);
        QLineEdit *findEdit = startFind(window, QStringLiteral("permission culture"));
        QVERIFY(findEdit);
        const QList<FindMatch> matches =
            findInWorkbook(window.document()->workbook(), QStringLiteral("permission culture"));
        QVERIFY(matches.size() >= 3);
        QCOMPARE(countMarks(&window), 0);
        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(findEdit, Qt::Key_Return);
            const FindMatch &match = matches.at(i);
            QCOMPARE(window.currentPage()->section().id,
                     m_definition.sectionOf(match.where.fieldId)->id);
            QCOMPARE(countMarks(&window), 1); // the previous one is cleared
            // Nothing is selected: the mark is not the selection.
            QWidget *field = window.currentPage()->editorFor(match.where.fieldId)->focusTarget();
            if (auto *line = qobject_cast<QLineEdit *>(field)) {
                QVERIFY(!line->hasSelectedText());
                auto *mark = line->findChild<FindHighlight *>();
                QVERIFY(mark && mark->isVisible());
                const int at = line->cursorPositionAt(mark->area().center());
                QVERIFY2(at >= match.start && at <= match.start + match.length,
                         qPrintable(QString::number(at)));
            } else if (auto *text = qobject_cast<QPlainTextEdit *>(field)) {
                QVERIFY(!text->textCursor().hasSelection());
                QCOMPARE(text->extraSelections().size(), 1);
                QCOMPARE(text->extraSelections().first().cursor.selectedText().toLower(),
                         QStringLiteral("permission culture"));
            }
        }
        QVERIFY(FindHighlight::background() != window.palette().color(QPalette::Highlight));
        QCOMPARE(find<QLabel>(&window, QStringLiteral("findStatus"))->text(),
                 QStringLiteral("3 of %1").arg(matches.size()));
    }

    void findGoesBackWithShiftEnterAndShiftF3()
    {
        MainWindow window(m_definition);
        QLineEdit *findEdit = startFind(window, QStringLiteral("permission culture"));
        QVERIFY(findEdit);
        const int count =
            int(findInWorkbook(window.document()->workbook(), QStringLiteral("permission culture"))
                    .size());
        auto *status = find<QLabel>(&window, QStringLiteral("findStatus"));
        auto status_ = [&](int n) {
            return QStringLiteral("%1 of %2").arg(n).arg(count);
        };
        QTest::keyClick(findEdit, Qt::Key_Return);
        QCOMPARE(status->text(), status_(1));
        QTest::keyClick(findEdit, Qt::Key_F3);
        QCOMPARE(status->text(), status_(2));
        QTest::keyClick(findEdit, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(status->text(), status_(1));
        QTest::keyClick(findEdit, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(status->text(), status_(count)); // round to the last
        QCOMPARE(QApplication::focusWidget(), findEdit);
    }

    void escapePutsTheKeyboardInTheFieldOfTheMatch()
    {
        MainWindow window(m_definition);
        QLineEdit *findEdit = startFind(window, QStringLiteral("loop"));
        QVERIFY(findEdit);
        const FindMatch match =
            findInWorkbook(window.document()->workbook(), QStringLiteral("loop")).first();
        QTest::keyClick(findEdit, Qt::Key_Return);
        QTest::keyClick(findEdit, Qt::Key_Escape);
        QVERIFY(!find<QWidget>(&window, QStringLiteral("findBar"))->isVisible());
        QCOMPARE(countMarks(&window), 0);
        auto *field = qobject_cast<QPlainTextEdit *>(QApplication::focusWidget());
        QVERIFY(field);
        QCOMPARE(field->objectName(), QStringLiteral("edit-") + match.where.fieldId);
        // The cursor after the match, nothing selected: the next key typed replaces nothing.
        QVERIFY(!field->textCursor().hasSelection());
        QCOMPARE(field->textCursor().position(), match.start + match.length);
    }

    void everyDocumentedShortcutWorksWithoutAPlatformTheme()
    {
        // The offscreen platform has no platform theme, as a bare desktop: QKeySequence::SaveAs
        // is empty there, and Ctrl+Shift+S did nothing.
        MainWindow window(m_definition);
        QVERIFY(window.openFile(newDemo()));
        window.showStudio(); // its shortcuts too
        QList<QKeySequence> bound;
        QStringList listed;
        for (const QAction *a : window.findChildren<QAction *>()) {
            for (const QKeySequence &key : a->shortcuts()) {
                bound.append(key);
            }
            if (!a->shortcuts().isEmpty()) {
                listed.append(QStringLiteral("%1\t%2").arg(
                    a->text().remove(u'&'), a->shortcut().toString(QKeySequence::PortableText)));
            }
        }
        for (const QShortcut *s : window.findChildren<QShortcut *>()) {
            bound.append(s->key());
        }
        qInfo("%s", qPrintable(listed.join(u'\n')));
        QFile readme(QFINDTESTDATA("../README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString text = QString::fromUtf8(readme.readAll());
        // Keys that a widget handles itself, where README names them: tables (Insert, F2,
        // Ctrl+Delete, Alt+Up/Down), the find field (Shift+Enter), buttons' mnemonics in the
        // wizard (Alt+N, Alt+B), and Esc.
        const QStringList byWidgets = {QStringLiteral("Ctrl+Delete"),
                                       QStringLiteral("Alt+Up"),
                                       QStringLiteral("Alt+Down"),
                                       QStringLiteral("F2"),
                                       QStringLiteral("Shift+Enter"),
                                       QStringLiteral("Alt+N"),
                                       QStringLiteral("Alt+B")};
        static const QRegularExpression documented(QStringLiteral(
            "\\b(?:(?:Ctrl|Shift|Alt)\\+)+(?:[A-Z0-9]\\b|F\\d+\\b|[A-Z][a-z]+)|\\bF\\d+\\b"));
        QStringList checked;
        for (auto it = documented.globalMatch(text); it.hasNext();) {
            const QString key = it.next().captured();
            if (byWidgets.contains(key) || checked.contains(key)) {
                continue;
            }
            checked.append(key);
            const QKeySequence sequence = QKeySequence::fromString(key, QKeySequence::PortableText);
            QVERIFY2(!sequence.isEmpty(), qPrintable(key));
            QVERIFY2(bound.contains(sequence), qPrintable(key + QStringLiteral(" does nothing")));
        }
        QVERIFY2(checked.contains(QStringLiteral("Ctrl+Shift+S")), qPrintable(checked.join(u' ')));
        QVERIFY(checked.size() >= 12);
    }

    void sectionShortcutsAndAccessibleNames()
    {
        const QString path = newDemo();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (int i = 0; i < 7; ++i) {
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(window.currentPage()->section().id, m_definition.sections().at(i).id);
            for (QWidget *widget : window.currentPage()->findChildren<QWidget *>()) {
                if (widget->objectName().startsWith(QStringLiteral("edit-"))) {
                    QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
                }
            }
        }
    }

    void secondInstanceOpensReadOnly()
    {
        const QString path = newDemo();
        // Another Rallybook holds the lock.
        QLockFile other(lockFilePath(path));
        QVERIFY(other.tryLock(0));
        const QByteArray before = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(QStringLiteral("read-only")));
        QVERIFY(find<QWidget>(&window, QStringLiteral("infoBar"))->isVisible());
        QVERIFY(find<QLabel>(&window, QStringLiteral("infoText"))
                    ->text()
                    .contains(QStringLiteral("another")));
        QLineEdit *name = editor<QLineEdit>(window, QStringLiteral("AC1"));
        QVERIFY(name->isReadOnly());
        QVERIFY(!find<QPushButton>(&window, QStringLiteral("add-AC4"))->isEnabled());
        window.close();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void staleLockIsRecognised()
    {
        const QString path = newDemo();
        // A lock left by a process that no longer runs.
        QFile lock(lockFilePath(path));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write("999999\nrallybook\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        lock.close();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        QVERIFY(window.document()->isEditable());
    }

    void failedWriteIsReportedAndEverythingCanBeRescued()
    {
        const QString path = newDemo();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // A sync client moves the file away while the window is open.
        QVERIFY(QFile::rename(path, m_dir->filePath(QStringLiteral("moved.rallybook"))));
        QLineEdit *name = editor<QLineEdit>(window, QStringLiteral("AC1"));
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Marco"));
        editor<QPlainTextEdit>(window, QStringLiteral("AC3"))->setFocus();
        QVERIFY(find<QWidget>(&window, QStringLiteral("infoBar"))->isVisible());
        QVERIFY(find<QLabel>(&window, QStringLiteral("infoText"))
                    ->text()
                    .contains(QStringLiteral("moved")));
        QVERIFY(!window.document()->isEditable());
        QVERIFY(name->isReadOnly());
        QCOMPARE(name->text(), QStringLiteral("Marco")); // what was typed stays on screen
        auto *rescue = find<QPushButton>(&window, QStringLiteral("rescueButton"));
        QVERIFY(rescue->isVisible());
        const QString rescued = m_dir->filePath(QStringLiteral("rescued.rallybook"));
        Dialogs::setNextFileName(rescued);
        QTest::mouseClick(rescue, Qt::LeftButton);
        QCOMPARE(window.document()->workbook().path(), rescued);
        QVERIFY(window.document()->isEditable());
        QCOMPARE(reopen(rescued, m_definition).values.value(QStringLiteral("AC1")).toString(),
                 QStringLiteral("Marco"));
    }

    void aFailedListEditStopsUndoAndGoesIntoTheRescueCopy()
    {
        // The rescue used to replay a failed row command as a scalar field ("The framework has
        // no field AC4 that holds a single value"), so Save a Copy failed.
        const QString path = newDemo();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLineEdit *name = editor<QLineEdit>(window, QStringLiteral("AC1"));
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral(" Jr"));
        window.document()->flushPendingEdits();
        QAction *undo = action(window, QStringLiteral("Undo"));
        QVERIFY(undo->isEnabled());
        const int rows = int(window.document()->workbook().rows(QStringLiteral("AC4")).size());

        QVERIFY(QFile::rename(path, m_dir->filePath(QStringLiteral("moved.rallybook"))));
        window.showLocation({QStringLiteral("AC4"), 0, {}});
        QTest::mouseClick(find<QPushButton>(&window, QStringLiteral("add-AC4")), Qt::LeftButton);
        QVERIFY(find<QWidget>(&window, QStringLiteral("infoBar"))->isVisible());
        QVERIFY(!undo->isEnabled()); // editing has stopped: so have undo and redo
        QVERIFY(!action(window, QStringLiteral("Redo"))->isEnabled());
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_Z));
        QCOMPARE(window.document()->workbook().value(QStringLiteral("AC1")).toString(),
                 QStringLiteral("Dana Okafor Jr"));

        const QString rescued = m_dir->filePath(QStringLiteral("rescued.rallybook"));
        Dialogs::setNextFileName(rescued);
        QTest::mouseClick(find<QPushButton>(&window, QStringLiteral("rescueButton")),
                          Qt::LeftButton);
        QCOMPARE(window.document()->workbook().path(), rescued);
        const Core::WorkbookContent copy = reopen(rescued, m_definition);
        QCOMPARE(copy.lists.value(QStringLiteral("AC4")).size(), rows + 1);
        QCOMPARE(copy.values.value(QStringLiteral("AC1")).toString(),
                 QStringLiteral("Dana Okafor Jr"));
    }

    void windowGeometryAndSplitterAreRemembered()
    {
        const QString path = newDemo();
        {
            MainWindow window(m_definition);
            QVERIFY(window.openFile(path));
            window.resize(1000, 700);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        QVERIFY(!Settings::instance().windowGeometry().isEmpty());
        QVERIFY(!Settings::instance().splitterState().isEmpty());
        MainWindow again(m_definition);
        QCOMPARE(again.size(), QSize(1000, 700));
    }
};

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
