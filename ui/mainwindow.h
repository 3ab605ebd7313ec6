// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/workbook.h"
#include "ui/document.h"

#include <QMainWindow>

#include <memory>

class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace Rallybook {

class FindBar;
class SectionPage;
class StudioPage;
class WelcomePage;
struct FindMatch;

/**
 * The window users live in: a sidebar of the seven sections with their completion, a page per
 * section generated from the framework definition, and menus for files, undo, find and views.
 * There is no Save: every edit is in the file within a second.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const Core::Definition &definition, QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Opens a workbook file; on failure says why and keeps what was open. */
    bool openFile(const QString &path);
    /** Closes the open workbook and shows the welcome page. */
    void closeWorkbook();

    WorkbookDocument *document() const { return m_document.get(); }
    /** The page on screen, or nullptr on the welcome page. */
    SectionPage *currentPage() const;
    void showSection(int index);
    /** Shows the Title of Liberty studio (after the sections), building it on first use. */
    StudioPage *showStudio();
    /** Moves to a field, part or list cell and focuses it. */
    void showLocation(const FieldLocation &where, int start = -1, int length = 0);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    /** The page of a section, built on first use. */
    SectionPage *page(int index);
    void createActions();
    void buildWorkspace();
    void updateSidebar();
    void updateTitle();
    void updateRecentMenu();
    void updateInfoBar();
    void newWorkbook(bool fromExample);
    void openExample();
    void openDialog();
    void saveCopyAs();
    void rescue();
    void showMatch(const FindMatch &match);

    Core::Definition m_definition;
    Core::WorkbookContent m_example;
    std::unique_ptr<WorkbookDocument> m_document;

    QStackedWidget *m_stack = nullptr;
    WelcomePage *m_welcome = nullptr;
    QWidget *m_workspace = nullptr;
    QSplitter *m_splitter = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_infoBar = nullptr;
    QLabel *m_infoText = nullptr;
    QPushButton *m_infoButton = nullptr;
    FindBar *m_findBar = nullptr;
    QLabel *m_savedLabel = nullptr;

    QMenu *m_recentMenu = nullptr;
    QAction *m_saveCopyAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_findNextAction = nullptr;
    QAction *m_findPreviousAction = nullptr;
    QList<QAction *> m_sectionActions;
};

} // namespace Rallybook
