// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/definition.h"
#include "core/workbookjson.h"
#include "ui/dialogs.h"
#include "ui/fieldbox.h"
#include "ui/fieldeditors.h"
#include "ui/mainwindow.h"
#include "ui/settings.h"
#include "ui/style.h"
#include "ui/wizard/planningwizard.h"
#include "ui/workbookdocument.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "tests/ui/uitestutil.h"

using namespace Rallybook;

/** The guided planning wizard, driven by keyboard as a user without a mouse would. */
class TestWizard : public QObject
{
    Q_OBJECT

private:
    Core::Definition m_definition = Core::Definition::standard().value();
    std::unique_ptr<QTemporaryDir> m_dir;

    QString newBlank() { return UiTestUtil::newBlank(*m_dir, QStringLiteral("plan.rallybook")); }

    static QWidget *currentPage(PlanningWizard *wizard)
    {
        return wizard->findChild<QStackedWidget *>()->currentWidget();
    }

    /** Types an answer into whatever has the keyboard, as a user would. */
    static void answerFocusedField(int step)
    {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        const QString text = QStringLiteral("Answer %1").arg(step);
        if (qobject_cast<QLineEdit *>(focus) || qobject_cast<QPlainTextEdit *>(focus)) {
            QTest::keyClicks(focus, text);
        } else if (qobject_cast<QDoubleSpinBox *>(focus)) {
            QTest::keyClicks(focus, QStringLiteral("7"));
        } else if (qobject_cast<QComboBox *>(focus)) {
            QTest::keyClick(focus, Qt::Key_Down);
        } else if (qobject_cast<QRadioButton *>(focus) || qobject_cast<QCheckBox *>(focus)) {
            QTest::keyClick(focus, Qt::Key_Space);
        } else if (auto *table = qobject_cast<QTableView *>(focus)) {
            QTest::keyClick(table, Qt::Key_Insert);
            QTRY_VERIFY(QApplication::focusWidget() != table);
            QTest::keyClicks(QApplication::focusWidget(), text);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QTRY_COMPARE(QApplication::focusWidget(), table);
        } else {
            QFAIL(qPrintable(QStringLiteral("no way to answer a %1")
                                 .arg(QString::fromLatin1(focus->metaObject()->className()))));
        }
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        UiTestUtil::start(*m_dir);
    }

    void cleanup() { m_dir.reset(); }

    void walkTheWholeWizardByKeyboard()
    {
        const QString path = newBlank();
        QStringList firstFields;
        {
            MainWindow window(m_definition);
            QVERIFY(window.openFile(path));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
            auto *wizard = window.findChild<PlanningWizard *>();
            QVERIFY(wizard);
            // Offscreen, a window opened from a shortcut is not activated by a window manager.
            wizard->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(wizard));
            QTRY_COMPARE(QApplication::activeWindow(), wizard);
            QCOMPARE(wizard->currentStep(), 0);
            QCOMPARE(wizard->stepKey(0), QStringLiteral("intro"));
            for (int step = 1; step < wizard->stepCount() - 1; ++step) {
                // A mnemonic clicks its button after a short animation.
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
                QTRY_COMPARE(wizard->currentStep(), step);
                QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("stepLabel"))->text()
                        == QStringLiteral("Step %1 of %2").arg(step + 1).arg(wizard->stepCount()));
                // The first answer of the page has the keyboard.
                const auto boxes = currentPage(wizard)->findChildren<FieldBox *>();
                QVERIFY(!boxes.isEmpty());
                firstFields.append(boxes.first()->field().id);
                answerFocusedField(step);
                if (QTest::currentTestFailed()) {
                    return;
                }
            }
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
            QTRY_COMPARE(wizard->stepKey(wizard->currentStep()), QStringLiteral("summary"));
            QVERIFY(!wizard->findChild<QLabel *>(QStringLiteral("summaryScore"))->text().isEmpty());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::AltModifier); // Finish
            QTRY_VERIFY(!window.findChild<PlanningWizard *>());
        }
        auto reopened = Core::Workbook::open(path, m_definition);
        QVERIFY(reopened.ok());
        for (const QString &fieldId : firstFields) {
            const Core::Field *field = m_definition.field(fieldId);
            // A group is answered through its first part.
            const QString answered =
                field->type == Core::FieldType::Group ? field->parts.first().id : fieldId;
            QVERIFY2(reopened.value()->isFilled(answered), qPrintable(answered));
        }
        QCOMPARE(firstFields.size(), 30);
    }

    void backAndNextKeepInput()
    {
        const QString path = newBlank();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        PlanningWizard *wizard = window.openWizard(QStringLiteral("cause"));
        QVERIFY(wizard);
        QVERIFY(QTest::qWaitForWindowActive(wizard));
        QCOMPARE(wizard->stepKey(wizard->currentStep()), QStringLiteral("cause/future"));
        auto *vision = qobject_cast<QPlainTextEdit *>(QApplication::focusWidget());
        QVERIFY(vision);
        QTest::keyClicks(vision, QStringLiteral("One day every member will own a product."));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(wizard->stepKey(wizard->currentStep()), QStringLiteral("cause/identity"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_B, Qt::AltModifier);
        QTRY_COMPARE(wizard->stepKey(wizard->currentStep()), QStringLiteral("cause/future"));
        QCOMPARE(vision->toPlainText(), QStringLiteral("One day every member will own a product."));
        QCOMPARE(window.document()->workbook().value(QStringLiteral("CA1")).toString(),
                 QStringLiteral("One day every member will own a product."));
        // The editor shows the same answer: two views of one workbook.
        wizard->close();
        window.showLocation({QStringLiteral("CA1"), 0, {}});
        QCOMPARE(window.findChild<QPlainTextEdit *>(QStringLiteral("edit-CA1"))->toPlainText(),
                 QStringLiteral("One day every member will own a product."));
    }

    void finishLaterThenReopenResumes()
    {
        const QString path = newBlank();
        {
            MainWindow window(m_definition);
            QVERIFY(window.openFile(path));
            window.show();
            PlanningWizard *wizard = window.openWizard();
            QVERIFY(wizard);
            QVERIFY(QTest::qWaitForWindowActive(wizard));
            for (int i = 0; i < 5; ++i) {
                wizard->next();
            }
            const QString key = wizard->stepKey(5);
            auto *slogan = qobject_cast<QLineEdit *>(QApplication::focusWidget());
            if (slogan) {
                QTest::keyClicks(slogan, QStringLiteral("typed before leaving"));
            }
            QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("finishLater")),
                              Qt::LeftButton);
            QTRY_VERIFY(!window.findChild<PlanningWizard *>());
            // Reopened in the same window, and in a new one after closing the file.
            PlanningWizard *again = window.openWizard();
            QCOMPARE(again->stepKey(again->currentStep()), key);
            again->close();
        }
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        PlanningWizard *wizard = window.openWizard();
        QCOMPARE(wizard->currentStep(), 5);
    }

    void thePageIsBookkeepingAndAFailureToKeepItIsSaid()
    {
        const QString path = newBlank();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        PlanningWizard *wizard = window.openWizard();
        QVERIFY(wizard);
        wizard->next();
        wizard->next();
        // Remembered in the workbook, but no undo step: Ctrl+Z undoes answers, not pages.
        QCOMPARE(window.document()->workbook().setting(PlanningWizard::pageSettingKey()).toString(),
                 wizard->stepKey(2));
        QCOMPARE(window.document()->undoStack()->count(), 0);
        auto *failure = wizard->findChild<QLabel *>(QStringLiteral("wizardFailure"));
        QVERIFY(failure && !failure->isVisible());
        // The file is moved away: keeping the page fails like any write, and the wizard says so
        // (the window's own bar is behind it).
        QVERIFY(QFile::rename(path, path + QStringLiteral(".moved")));
        wizard->next();
        QVERIFY(failure->isVisible());
        QVERIFY2(failure->text().contains(QStringLiteral("moved")), qPrintable(failure->text()));
        QVERIFY(window.document()->hasFailed());
    }

    void findingsOnAPageFollowTheAnswers()
    {
        const QString path = m_dir->filePath(QStringLiteral("demo.rallybook"));
        auto content = Core::WorkbookJson::demoContent(m_definition, QDate::currentDate());
        QVERIFY(content.ok());
        QVERIFY(Core::Workbook::create(path, m_definition, content.value()).ok());
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        PlanningWizard *wizard = window.openWizard(QStringLiteral("new-opportunity"));
        QVERIFY(wizard);
        QVERIFY(QTest::qWaitForWindowActive(wizard));
        wizard->next(); // "Name the new vehicle": NO3, NO4, NO5
        QVERIFY(currentPage(wizard)->findChild<QWidget *>(QStringLiteral("field-NO3")));
        auto *findings = currentPage(wizard)->findChild<QWidget *>(QStringLiteral("findings-NO3"));
        QVERIFY(!findings->isVisible());
        auto *name = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(name);
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("The Better Product Path"));
        QTRY_VERIFY(findings->isVisible());
        QVERIFY(findings->findChild<QWidget *>(QStringLiteral("finding-NO-C1")));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("The Micro-Product Path"));
        QTRY_VERIFY(!findings->isVisible());
    }

    void summaryListsFindingsAndGoesToTheirPage()
    {
        const QString path = newBlank();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        PlanningWizard *wizard = window.openWizard();
        QVERIFY(QTest::qWaitForWindowActive(wizard));
        wizard->goToStep(wizard->stepCount() - 1);
        QWidget *summary = currentPage(wizard);
        // A blank plan has errors: TB-C6 (no place where they gather) among them.
        auto *go = summary->findChild<QAbstractButton *>(QStringLiteral("goTo-TB-C6"));
        QVERIFY(go);
        QTest::mouseClick(go, Qt::LeftButton);
        QVERIFY(currentPage(wizard)->findChild<QWidget *>(QStringLiteral("field-TB9")));
        QVERIFY(QApplication::focusWidget());
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("edit-TB9"));
    }

    void ordinaryPagesNeedNoScrollBarOnALaptopScreen()
    {
        const QString path = newBlank();
        MainWindow window(m_definition);
        QVERIFY(window.openFile(path));
        window.show();
        PlanningWizard *wizard = window.openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(wizard));
        QVERIFY(wizard->width() <= 1280 && wizard->height() <= 800 - 40);
        QStringList scrolling;
        for (int step = 0; step < wizard->stepCount() - 1; ++step) {
            wizard->goToStep(step);
            auto *scroll = qobject_cast<QScrollArea *>(currentPage(wizard));
            QVERIFY(scroll);
            QTRY_VERIFY(scroll->widget()->height() > 0);
            if (scroll->verticalScrollBar()->maximum() > 0) {
                scrolling.append(QStringLiteral("%1 (%2 px over)")
                                     .arg(wizard->stepKey(step))
                                     .arg(scroll->verticalScrollBar()->maximum()));
            }
        }
        QVERIFY2(scrolling.isEmpty(), qPrintable(scrolling.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
