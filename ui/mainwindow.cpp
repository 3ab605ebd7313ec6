// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "core/workbookjson.h"
#include "ui/dialogs.h"
#include "ui/exportplandialog.h"
#include "ui/fieldeditors.h"
#include "ui/findbar.h"
#include "ui/readinesspage.h"
#include "ui/sectionpage.h"
#include "ui/settings.h"
#include "ui/shortcuts.h"
#include "ui/studio/studiopage.h"
#include "ui/style.h"
#include "ui/welcomepage.h"
#include "ui/wizard/planningwizard.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Rallybook {

namespace {

constexpr int kScoreRole = Qt::UserRole + 1;
constexpr int kDetailRole = Qt::UserRole + 2;

/** Sidebar rows: the title with its readiness score on the right, and a muted detail line. */
class SidebarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString title = opt.text;
        const QVariant score = index.data(kScoreRole);
        const QString detail = index.data(kDetailRole).toString();
        // Background, focus and selection from the style; the texts drawn here.
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const QRect area =
            option.rect.adjusted(Style::kGrid * 2, Style::kGrid, -Style::kGrid * 2, -Style::kGrid);
        const bool selected = opt.state & QStyle::State_Selected;
        const QColor text =
            opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        const QColor muted = selected ? text : Style::mutedText();
        const QFontMetrics metrics(opt.font);
        painter->save();
        QFont bold = opt.font;
        bold.setWeight(QFont::DemiBold);
        const QString scoreText = score.isValid() ? score.toString() : QString();
        const int scoreWidth = QFontMetrics(bold).horizontalAdvance(scoreText);
        QRect titleRect(
            area.left(), area.top(), area.width() - scoreWidth - Style::kGrid, metrics.height());
        painter->setPen(text);
        painter->setFont(opt.font);
        painter->drawText(titleRect,
                          Qt::AlignVCenter | Qt::AlignLeft,
                          metrics.elidedText(title, Qt::ElideRight, titleRect.width()));
        if (!scoreText.isEmpty()) {
            painter->setFont(bold);
            painter->drawText(QRect(area.left(), area.top(), area.width(), metrics.height()),
                              Qt::AlignVCenter | Qt::AlignRight,
                              scoreText);
        }
        if (!detail.isEmpty()) {
            QFont small = opt.font;
            small.setPointSizeF(small.pointSizeF() * 0.88);
            painter->setFont(small);
            painter->setPen(muted);
            const QRect detailRect(area.left(),
                                   area.top() + metrics.height() + 2,
                                   area.width(),
                                   QFontMetrics(small).height());
            painter->drawText(
                detailRect,
                Qt::AlignVCenter | Qt::AlignLeft,
                QFontMetrics(small).elidedText(detail, Qt::ElideRight, detailRect.width()));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(option.fontMetrics.height() * 2 + Style::kGrid * 2 + 4);
        return size;
    }
};

} // namespace

MainWindow::MainWindow(const Core::Definition &definition, QWidget *parent)
    : QMainWindow(parent)
    , m_definition(definition)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/org.rallybook.Rallybook.svg")));
    if (auto example = Core::WorkbookJson::demoContent(definition, QDate::currentDate())) {
        m_example = example.value();
    }

    m_stack = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_stack);
    m_stack->addWidget(m_welcome);
    buildWorkspace();
    m_stack->addWidget(m_workspace);
    setCentralWidget(m_stack);

    connect(m_welcome, &WelcomePage::wizardRequested, this, [this] {
        newWorkbook(false, true);
    });
    connect(m_welcome, &WelcomePage::openExampleRequested, this, &MainWindow::openExample);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openDialog);
    connect(m_welcome, &WelcomePage::newRequested, this, [this] {
        newWorkbook(false);
    });
    connect(m_welcome, &WelcomePage::recentFileRequested, this, [this](const QString &path) {
        openFile(path);
    });

    createActions();
    m_savedLabel = new QLabel(this);
    m_savedLabel->setObjectName(QStringLiteral("savedLabel"));
    statusBar()->addPermanentWidget(m_savedLabel);

    Settings &settings = Settings::instance();
    if (!restoreGeometry(settings.windowGeometry())) {
        resize(1280, 800);
    }
    m_welcome->setRecentFiles(settings.recentFiles());
    updateRecentMenu();
    closeWorkbook();
}

MainWindow::~MainWindow()
{
    // Pages and editors refer to the document: take them down (committing what an open editor
    // holds) while it still exists.
    closeWorkbook();
}

void MainWindow::buildWorkspace()
{
    m_workspace = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(m_workspace);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_infoBar = new QFrame(m_workspace);
    m_infoBar->setObjectName(QStringLiteral("infoBar"));
    m_infoBar->setAutoFillBackground(true);
    auto *infoLayout = new QHBoxLayout(m_infoBar);
    infoLayout->setContentsMargins(Style::kGrid * 2, Style::kGrid, Style::kGrid * 2, Style::kGrid);
    m_infoText = new QLabel(m_infoBar);
    m_infoText->setObjectName(QStringLiteral("infoText"));
    m_infoText->setTextFormat(Qt::PlainText);
    m_infoText->setWordWrap(true);
    infoLayout->addWidget(m_infoText, 1);
    m_infoButton = new QPushButton(tr("Save a Copy As\u2026"), m_infoBar);
    m_infoButton->setObjectName(QStringLiteral("rescueButton"));
    infoLayout->addWidget(m_infoButton);
    connect(m_infoButton, &QPushButton::clicked, this, &MainWindow::rescue);
    layout->addWidget(m_infoBar);

    m_findBar = new FindBar(m_workspace);
    m_findBar->hide();
    layout->addWidget(m_findBar);
    connect(m_findBar, &FindBar::matchChosen, this, &MainWindow::showMatch);
    connect(m_findBar, &FindBar::searchChanged, this, &MainWindow::clearMatch);
    connect(m_findBar, &FindBar::closed, this, &MainWindow::findClosed);

    m_splitter = new QSplitter(m_workspace);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->setChildrenCollapsible(false);
    m_sidebar = new QListWidget(m_splitter);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Sections"));
    m_sidebar->setItemDelegate(new SidebarDelegate(m_sidebar));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setMinimumWidth(m_sidebar->fontMetrics().averageCharWidth() * 32);
    QPalette sidebarPalette = m_sidebar->palette();
    sidebarPalette.setColor(QPalette::Base, sidebarPalette.color(QPalette::Window));
    m_sidebar->setPalette(sidebarPalette);
    m_pages = new QStackedWidget(m_splitter);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({m_sidebar->minimumWidth() + Style::kGrid * 4, 900});
    m_splitter->restoreState(Settings::instance().splitterState());
    layout->addWidget(m_splitter, 1);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (page(row)) {
            m_pages->setCurrentIndex(row);
        }
    });
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New Workbook\u2026"), this, [this] {
        newWorkbook(false);
    });
    newAction->setShortcuts(
        Shortcuts::standard(QKeySequence::New, QKeySequence(Qt::CTRL | Qt::Key_N)));
    file->addAction(tr("New from the Shipwrights &Example\u2026"), this, [this] {
        newWorkbook(true);
    });
    QAction *open = file->addAction(tr("&Open\u2026"), this, &MainWindow::openDialog);
    open->setShortcuts(Shortcuts::standard(QKeySequence::Open, QKeySequence(Qt::CTRL | Qt::Key_O)));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    m_saveCopyAction = file->addAction(tr("Save a &Copy As\u2026"), this, &MainWindow::saveCopyAs);
    file->addSeparator();
    m_exportAction = file->addAction(tr("&Export Plan as PDF\u2026"), this, [this] {
        exportPlan();
    });
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_printAction = file->addAction(tr("&Print Plan\u2026"), this, [this] {
        if (m_document) {
            ExportPlanDialog(m_document.get(), this).print();
        }
    });
    m_printAction->setShortcuts(
        Shortcuts::standard(QKeySequence::Print, QKeySequence(Qt::CTRL | Qt::Key_P)));
    m_saveCopyAction->setShortcuts(
        Shortcuts::standard(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    file->addSeparator();
    m_closeAction = file->addAction(tr("&Close Workbook"), this, &MainWindow::closeWorkbook);
    m_closeAction->setShortcuts(
        Shortcuts::standard(QKeySequence::Close, QKeySequence(Qt::CTRL | Qt::Key_W)));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcuts(Shortcuts::standard(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = edit->addAction(tr("&Undo"), this, [this] {
        if (m_document) {
            reportStep(m_document->undo());
        }
    });
    m_undoAction->setShortcuts(
        Shortcuts::standard(QKeySequence::Undo, QKeySequence(Qt::CTRL | Qt::Key_Z)));
    m_redoAction = edit->addAction(tr("&Redo"), this, [this] {
        if (m_document) {
            reportStep(m_document->redo());
        }
    });
    // README documents Ctrl+Shift+Z; Ctrl+Y is the other habit. Both, on every desktop.
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    // Text boxes have their own undo for what is being typed; the window's shortcuts take
    // precedence so that one undo stack covers every field.
    for (QAction *action : {m_undoAction, m_redoAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
    }
    edit->addSeparator();
    m_findAction = edit->addAction(tr("&Find\u2026"), this, [this] {
        if (m_document) {
            m_findBar->activate();
        }
    });
    m_findAction->setShortcuts(
        Shortcuts::standard(QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_F)));
    m_findNextAction = edit->addAction(tr("Find &Next"), this, [this] {
        if (m_document) {
            m_findBar->findNext();
        }
    });
    m_findNextAction->setShortcuts(
        Shortcuts::standard(QKeySequence::FindNext, QKeySequence(Qt::Key_F3)));
    m_findPreviousAction = edit->addAction(tr("Find Pre&vious"), this, [this] {
        if (m_document) {
            m_findBar->findPrevious();
        }
    });
    m_findPreviousAction->setShortcuts(
        Shortcuts::standard(QKeySequence::FindPrevious, QKeySequence(Qt::SHIFT | Qt::Key_F3)));

    QMenu *plan = menuBar()->addMenu(tr("&Plan"));
    QAction *wizard = plan->addAction(tr("Guided Planning &Wizard\u2026"), this, [this] {
        openWizard();
    });
    wizard->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_wizardActions.append(wizard);
    QMenu *startAt = plan->addMenu(tr("Start the Wizard &at"));
    for (const Core::Section &section : m_definition.sections()) {
        m_wizardActions.append(startAt->addAction(section.title, this, [this, id = section.id] {
            openWizard(id);
        }));
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_definition.sections().size(); ++i) {
        QAction *go = view->addAction(m_definition.sections().at(i).title, this, [this, i] {
            showSection(i);
        });
        if (i < 9) {
            go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        }
        m_sectionActions.append(go);
    }
    QAction *readiness = view->addAction(tr("&Readiness"), this, [this] {
        showSection(readinessIndex());
    });
    readiness->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_sectionActions.append(readiness);
    view->addSeparator();
    QMenu *appearance = view->addMenu(tr("&Appearance"));
    auto *themes = new QActionGroup(this);
    const Theme current = Settings::instance().theme();
    for (const auto &[theme, label] : {std::pair{Theme::System, tr("Follow the &System")},
                                       std::pair{Theme::Light, tr("&Light")},
                                       std::pair{Theme::Dark, tr("&Dark")}}) {
        QAction *action = appearance->addAction(label);
        action->setCheckable(true);
        action->setChecked(theme == current);
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme = theme] {
            Settings::instance().setTheme(theme);
            Style::applyTheme(theme);
            // Rebuild pages so muted and accent colours follow the new palette.
            if (m_document) {
                const int section = m_pages->currentIndex();
                const QString path = m_document->workbook().path();
                openFile(path);
                showSection(section);
            }
        });
    }
}

SectionPage *MainWindow::currentPage() const
{
    if (!m_document) {
        return nullptr;
    }
    return qobject_cast<SectionPage *>(m_pages->currentWidget());
}

bool MainWindow::openFile(const QString &path)
{
    if (m_document) {
        m_document->flushPendingEdits();
    }
    auto opened = WorkbookDocument::open(path, m_definition);
    if (!opened) {
        Dialogs::error(this, tr("Cannot Open Workbook"), opened.error());
        if (opened.error().code == Core::ErrorCode::NotFound) {
            Settings::instance().removeRecentFile(path);
            updateRecentMenu();
        }
        return false;
    }
    const int previousSection =
        m_document && m_document->workbook().path() == opened.value()->workbook().path()
            ? m_pages->currentIndex()
            : 0;
    // Pages refer to the old document: take them down first.
    while (m_pages->count() > 0) {
        QWidget *page = m_pages->widget(0);
        m_pages->removeWidget(page);
        delete page;
    }
    m_document = std::move(opened.value());
    WorkbookDocument *document = m_document.get();

    // Pages are built when first shown: a window opens on one section, not seven. After the
    // sections come the studio and the Readiness page.
    const QList<Core::Section> &sections = m_definition.sections();
    for (int i = 0; i <= readinessIndex(); ++i) {
        m_pages->addWidget(new QWidget(m_pages));
    }
    const Core::Workbook *workbook = &document->workbook();
    connect(document, &WorkbookDocument::readinessChanged, this, &MainWindow::updateSidebar);
    connect(workbook, &Core::Workbook::nameChanged, this, &MainWindow::updateTitle);
    connect(document, &WorkbookDocument::saved, this, [this](const QDateTime &when) {
        m_savedLabel->setText(
            tr("Saved at %1").arg(QLocale().toString(when.time(), QLocale::ShortFormat)));
    });
    connect(document, &WorkbookDocument::writeFailed, this, [this] {
        m_savedLabel->setText(tr("Not saved"));
        updateInfoBar();
        updateTitle();
    });
    connect(document, &WorkbookDocument::locationChanged, this, [this](const FieldLocation &where) {
        showLocation(where);
    });
    // The document disables undo and redo once editing has stopped.
    connect(document, &WorkbookDocument::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(document, &WorkbookDocument::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(document->undoStack(), &QUndoStack::undoTextChanged, this, [this](const QString &text) {
        m_undoAction->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    });
    connect(document->undoStack(), &QUndoStack::redoTextChanged, this, [this](const QString &text) {
        m_redoAction->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
    });
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);

    m_findBar->setWorkbook(workbook);
    m_sidebar->clear();
    for (const Core::Section &section : sections) {
        auto *item = new QListWidgetItem(section.title, m_sidebar);
        item->setToolTip(section.purpose);
    }
    auto *studioItem = new QListWidgetItem(tr("Title of Liberty studio"), m_sidebar);
    studioItem->setToolTip(
        tr("The manifesto editor, the wallpaper designer and the title sequence"));
    studioItem->setData(kDetailRole, tr("Manifesto, wallpaper, titles"));
    auto *readinessItem = new QListWidgetItem(tr("Readiness"), m_sidebar);
    readinessItem->setToolTip(tr("Every open finding of the checks, and the plan's score"));
    updateSidebar();
    m_stack->setCurrentWidget(m_workspace);
    showSection(previousSection);
    m_sidebar->setFocus(Qt::OtherFocusReason);
    for (QAction *action : {m_saveCopyAction,
                            m_exportAction,
                            m_printAction,
                            m_closeAction,
                            m_findAction,
                            m_findNextAction,
                            m_findPreviousAction}) {
        action->setEnabled(true);
    }
    for (QAction *action : std::as_const(m_sectionActions)) {
        action->setEnabled(true);
    }
    for (QAction *action : std::as_const(m_wizardActions)) {
        action->setEnabled(document->isEditable());
    }
    m_savedLabel->setText(document->isEditable() ? tr("Every change is saved as you type")
                                                 : QString());
    updateInfoBar();
    updateTitle();

    Settings::instance().addRecentFile(document->workbook().path());
    updateRecentMenu();
    return true;
}

void MainWindow::closeWorkbook()
{
    if (m_document) {
        m_document->flushPendingEdits();
    }
    while (m_pages->count() > 0) {
        QWidget *page = m_pages->widget(0);
        m_pages->removeWidget(page);
        delete page;
    }
    m_findBar->setWorkbook(nullptr);
    m_findBar->hide();
    m_sidebar->clear();
    m_document.reset();
    for (QAction *action : {m_saveCopyAction,
                            m_exportAction,
                            m_printAction,
                            m_closeAction,
                            m_undoAction,
                            m_redoAction,
                            m_findAction,
                            m_findNextAction,
                            m_findPreviousAction}) {
        action->setEnabled(false);
    }
    for (QAction *action : std::as_const(m_sectionActions)) {
        action->setEnabled(false);
    }
    for (QAction *action : std::as_const(m_wizardActions)) {
        action->setEnabled(false);
    }
    m_savedLabel->clear();
    m_welcome->setRecentFiles(Settings::instance().recentFiles());
    m_stack->setCurrentWidget(m_welcome);
    updateTitle();
}

QWidget *MainWindow::page(int index)
{
    if (!m_document || index < 0 || index >= m_pages->count()) {
        return nullptr;
    }
    QWidget *current = m_pages->widget(index);
    if (qobject_cast<SectionPage *>(current) || qobject_cast<ReadinessPage *>(current)
        || qobject_cast<StudioPage *>(current)) {
        return current;
    }
    const QList<Core::Section> &sections = m_definition.sections();
    QWidget *built = nullptr;
    if (index == studioIndex()) {
        built = new StudioPage(m_document.get(), m_pages);
    } else if (index < sections.size()) {
        built = new SectionPage(m_document.get(),
                                sections.at(index),
                                index + 1,
                                int(sections.size()),
                                m_example,
                                m_pages);
    } else {
        auto *readiness = new ReadinessPage(m_document.get(), m_pages);
        connect(readiness, &ReadinessPage::goToField, this, [this](const QString &fieldId) {
            showLocation({fieldId, 0, {}});
        });
        built = readiness;
    }
    m_pages->insertWidget(index, built);
    m_pages->removeWidget(current);
    delete current;
    return built;
}

StudioPage *MainWindow::showStudio()
{
    showSection(studioIndex());
    return qobject_cast<StudioPage *>(page(studioIndex()));
}

void MainWindow::showSection(int index)
{
    if (!page(index)) {
        return;
    }
    m_sidebar->setCurrentRow(index);
    m_pages->setCurrentIndex(index);
}

void MainWindow::showLocation(const FieldLocation &where, int start, int length)
{
    if (!m_document) {
        return;
    }
    const Core::Section *section = m_definition.sectionOf(where.fieldId);
    const int index = section ? int(section - m_definition.sections().constData()) : -1;
    if (index < 0) {
        return;
    }
    showSection(index);
    if (auto *shown = qobject_cast<SectionPage *>(page(index))) {
        shown->showLocation(where, start, length);
    }
}

void MainWindow::showMatch(const FindMatch &match)
{
    clearMatch();
    if (!m_document) {
        return;
    }
    const Core::Section *section = m_definition.sectionOf(match.where.fieldId);
    const int index = section ? int(section - m_definition.sections().constData()) : -1;
    if (index < 0) {
        return;
    }
    showSection(index);
    if (auto *shown = qobject_cast<SectionPage *>(page(index))) {
        m_matchEditor = shown->showMatch(match.where, match.start, match.length);
    }
}

void MainWindow::clearMatch()
{
    if (m_matchEditor) {
        m_matchEditor->clearMatch();
    }
    m_matchEditor = nullptr;
}

void MainWindow::findClosed()
{
    clearMatch();
    if (const std::optional<FindMatch> match = m_findBar->currentMatch()) {
        showLocation(match->where, match->start, match->length);
    }
}

void MainWindow::reportStep(const Core::Result<void> &result)
{
    if (!result && m_document && !m_document->hasFailed()) {
        statusBar()->showMessage(result.error().message, 8000);
    }
}

void MainWindow::updateSidebar()
{
    if (!m_document) {
        return;
    }
    const Core::Readiness &readiness = m_document->readiness();
    const QList<Core::Section> &sections = m_definition.sections();
    auto findingsText = [](int errors, int warnings, int tips) {
        QStringList parts;
        if (errors) {
            parts.append(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
        }
        if (warnings) {
            parts.append(warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
        }
        if (tips) {
            parts.append(tips == 1 ? tr("1 tip") : tr("%1 tips").arg(tips));
        }
        return parts.join(QStringLiteral(", "));
    };
    for (int i = 0; i < sections.size() && i < m_sidebar->count(); ++i) {
        QListWidgetItem *item = m_sidebar->item(i);
        const Core::SectionReadiness *score = readiness.section(sections.at(i).id);
        if (!score) {
            continue;
        }
        QString detail = tr("%1 of %2 filled").arg(score->filledFields).arg(score->totalFields);
        const QString findings = findingsText(score->errors, score->warnings, score->tips);
        if (!findings.isEmpty()) {
            detail += QStringLiteral(" \u00b7 ") + findings;
        }
        item->setData(kScoreRole, score->score);
        item->setData(kDetailRole, detail);
        item->setData(Qt::AccessibleTextRole,
                      tr("%1, readiness %2 of 100, %3")
                          .arg(sections.at(i).title)
                          .arg(score->score)
                          .arg(detail));
    }
    if (QListWidgetItem *item = m_sidebar->item(readinessIndex())) {
        const QString findings = findingsText(readiness.count(Core::Severity::Error),
                                              readiness.count(Core::Severity::Warning),
                                              readiness.count(Core::Severity::Tip));
        item->setData(kScoreRole, readiness.score);
        item->setData(kDetailRole, findings.isEmpty() ? tr("Every check passes") : findings);
        item->setData(Qt::AccessibleTextRole, tr("Readiness, %1 of 100").arg(readiness.score));
    }
}

void MainWindow::updateTitle()
{
    if (!m_document) {
        setWindowTitle(tr("Rallybook"));
        return;
    }
    QString title = tr("%1 \u2014 Rallybook").arg(m_document->workbook().name());
    if (!m_document->isEditable()) {
        title = tr("%1 (read-only) \u2014 Rallybook").arg(m_document->workbook().name());
    }
    setWindowTitle(title);
}

void MainWindow::updateInfoBar()
{
    const bool show = m_document && !m_document->isEditable();
    m_infoBar->setVisible(show);
    if (!show) {
        return;
    }
    const bool failed = m_document->hasFailed();
    m_infoText->setText(failed
                            ? tr("%1 Editing has stopped so that nothing more is lost. Save a copy "
                                 "to keep everything in this window, including that change.")
                                  .arg(m_document->readOnlyReason())
                            : m_document->readOnlyReason());
    m_infoButton->setVisible(failed);
    QPalette palette = m_infoBar->palette();
    const QColor tone = failed ? QColor(0xB3, 0x26, 0x1E) : QColor(0xB2, 0x6A, 0x00);
    palette.setColor(QPalette::Window, Style::isDark() ? tone.darker(250) : tone.lighter(185));
    m_infoBar->setPalette(palette);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = Settings::instance().recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QFileInfo info(files.at(i));
        QAction *action = m_recentMenu->addAction(
            tr("&%1 %2").arg(i + 1).arg(info.completeBaseName()), this, [this, path = files.at(i)] {
                openFile(path);
            });
        action->setToolTip(QDir::toNativeSeparators(files.at(i)));
        action->setStatusTip(QDir::toNativeSeparators(files.at(i)));
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent workbooks"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear the List"), this, [this] {
            for (const QString &path : Settings::instance().recentFiles()) {
                Settings::instance().removeRecentFile(path);
            }
            updateRecentMenu();
            m_welcome->setRecentFiles({});
        });
    }
}

void MainWindow::newWorkbook(bool fromExample, bool startWizard)
{
    const QString path = Dialogs::saveFileName(
        this,
        fromExample ? tr("New Workbook from the Example") : tr("New Workbook"),
        fromExample ? QStringLiteral("Shipwrights.rallybook") : tr("My movement.rallybook"));
    if (path.isEmpty()) {
        return;
    }
    Core::WorkbookContent content;
    if (fromExample) {
        content = m_example;
    } else {
        content.name = QFileInfo(path).completeBaseName();
    }
    // The save dialog has already asked whether to replace an existing file.
    auto created = Core::Workbook::create(path, m_definition, content, true);
    if (!created) {
        Dialogs::error(this, tr("Cannot Create Workbook"), created.error());
        return;
    }
    created.value().reset();
    if (!openFile(path) || fromExample) {
        return;
    }
    if (startWizard
        || Dialogs::question(
               this,
               tr("New Workbook"),
               tr("Your workbook is ready. Start the guided planning wizard? It takes "
                  "you through every part of the plan, one step at a time."),
               QMessageBox::Yes | QMessageBox::No,
               QMessageBox::Yes)
               == QMessageBox::Yes) {
        openWizard();
    }
}

void MainWindow::exportPlan()
{
    if (!m_document) {
        return;
    }
    ExportPlanDialog dialog(m_document.get(), this);
    dialog.exec();
}

PlanningWizard *MainWindow::openWizard(const QString &sectionId)
{
    if (!m_document || !m_document->isEditable()) {
        return nullptr;
    }
    m_document->flushPendingEdits();
    auto *wizard = new PlanningWizard(m_document.get(), m_example, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    if (sectionId.isEmpty()) {
        wizard->resume();
    } else {
        wizard->startAtSection(sectionId);
    }
    // Back in the window, show where the wizard left off.
    connect(wizard, &QDialog::finished, this, [this, wizard] {
        const QString leftAt = wizard->stepKey(wizard->currentStep()).section(u'/', 0, 0);
        const QList<Core::Section> &sections = m_definition.sections();
        for (int i = 0; i < sections.size(); ++i) {
            if (sections.at(i).id == leftAt) {
                showSection(i);
            }
        }
    });
    wizard->show();
    wizard->activateWindow();
    return wizard;
}

void MainWindow::openExample()
{
    // The user's own copy of the example, made once and kept: changes to it are theirs.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString path = QDir(folder).filePath(QStringLiteral("Shipwrights.rallybook"));
    if (!QFileInfo::exists(path)) {
        QDir().mkpath(folder);
        auto created = Core::Workbook::create(path, m_definition, m_example);
        if (!created) {
            Dialogs::error(this, tr("Cannot Create the Example"), created.error());
            return;
        }
    }
    openFile(path);
}

void MainWindow::openDialog()
{
    const QString path = Dialogs::openFileName(this, tr("Open Workbook"));
    if (!path.isEmpty()) {
        openFile(path);
    }
}

void MainWindow::saveCopyAs()
{
    if (!m_document) {
        return;
    }
    if (m_document->hasFailed()) {
        rescue();
        return;
    }
    m_document->flushPendingEdits();
    const QString path = Dialogs::saveFileName(
        this, tr("Save a Copy As"), m_document->workbook().name() + tr(" (copy).rallybook"));
    if (path.isEmpty()) {
        return;
    }
    if (auto saved = m_document->workbook().saveCopyAs(path); !saved) {
        Dialogs::error(this, tr("Cannot Save a Copy"), saved.error());
        return;
    }
    statusBar()->showMessage(
        tr("A copy was saved as %1. You are still working in %2.")
            .arg(QFileInfo(path).fileName(), QFileInfo(m_document->workbook().path()).fileName()),
        8000);
}

void MainWindow::rescue()
{
    if (!m_document) {
        return;
    }
    const QString path = Dialogs::saveFileName(
        this, tr("Save a Copy As"), m_document->workbook().name() + tr(" (rescued).rallybook"));
    if (path.isEmpty()) {
        return;
    }
    if (auto saved = m_document->rescueTo(path); !saved) {
        Dialogs::error(this, tr("Cannot Save a Copy"), saved.error());
        return;
    }
    // Carry on in the copy, where every change from this window is safe.
    if (openFile(path)) {
        statusBar()->showMessage(tr("Everything was saved in %1. You are now working in it.")
                                     .arg(QFileInfo(path).fileName()),
                                 10000);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_document) {
        m_document->flushPendingEdits();
    }
    Settings &settings = Settings::instance();
    settings.setWindowGeometry(saveGeometry());
    settings.setSplitterState(m_splitter->saveState());
    event->accept();
}

} // namespace Rallybook
