// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/definition.h"
#include "core/workbookjson.h"
#include "ui/mainwindow.h"

#include <QDate>
#include <QLabel>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Rallybook;

/** The main window shows a workbook's sections and answers. */
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsTheDemoWorkbookWithoutWarnings()
    {
        // Any Qt warning fails the test, but for the offscreen plugin's note on size hints.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("^(?!This plugin does not support propagateSizeHints).*")));
        QTemporaryDir dir;
        const Core::Definition definition = Core::Definition::standard().value();
        auto content = Core::WorkbookJson::demoContent(definition, QDate::currentDate());
        QVERIFY(content.ok());
        const QString path = dir.filePath(QStringLiteral("demo.rallybook"));
        QVERIFY(Core::Workbook::create(path, definition, content.value()).ok());

        MainWindow window(definition);
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Shipwrights")));
        auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("overview"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), definition.sections().size());
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *section = tree->topLevelItem(i);
            const int fields = int(definition.sections().at(i).fields.size());
            QCOMPARE(section->text(1), QStringLiteral("%1 of %1 filled").arg(fields));
        }
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(1), QStringLiteral("Dana Okafor"));
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("readOnlyBanner"))->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
