// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/workbook.h"
#include "ui/workbookdocument.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace Rallybook {

class FieldEditor;
class FindBar;
class PlanningWizard;
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
    /**
     * Opens the guided wizard over the window (window-modal, not blocking): at the page it was
     * left on, or at the first page of `sectionId`. Returns it, or nullptr without a workbook.
     */
    PlanningWizard *openWizard(const QString &sectionId = {});
    /** Shows the Title of Liberty studio (after the sections), building it on first use. */
    StudioPage *showStudio();
    /** Moves to a field, part or list cell and focuses it. */
    void showLocation(const FieldLocation &where, int start = -1, int length = 0);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    /** Sidebar rows after the sections. */
    int studioIndex() const { return int(m_definition.sections().size()); }
    int readinessIndex() const { return studioIndex() + 1; }
    /** The page of a section, the studio or the Readiness page, built on first use. */
    QWidget *page(int index);
    void createActions();
    void buildWorkspace();
    void updateSidebar();
    void updateTitle();
    void updateRecentMenu();
    void updateInfoBar();
    void newWorkbook(bool fromExample, bool startWizard = false);
    void openExample();
    void openDialog();
    void saveCopyAs();
    void exportPlan();
    void rescue();
    /** Marks the find bar's match in its field; the keyboard stays in the find bar. */
    void showMatch(const FindMatch &match);
    void clearMatch();
    /** The find bar closed: the keyboard goes to the field of its current match. */
    void findClosed();
    /** Says why an undo or redo did nothing (a failed write is said by the info bar). */
    void reportStep(const Core::Result<void> &result);

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
    /** The editor that marks the find bar's current match. */
    QPointer<FieldEditor> m_matchEditor;
    QLabel *m_savedLabel = nullptr;

    QMenu *m_recentMenu = nullptr;
    QAction *m_saveCopyAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_printAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_findNextAction = nullptr;
    QAction *m_findPreviousAction = nullptr;
    QList<QAction *> m_sectionActions;
    QList<QAction *> m_wizardActions;
};

} // namespace Rallybook
