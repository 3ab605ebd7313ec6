// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "core/value.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Rallybook {

MainWindow::MainWindow(const Core::Definition &definition, QWidget *parent)
    : QMainWindow(parent)
    , m_definition(definition)
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(8);

    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    layout->addWidget(m_banner);

    m_tree = new QTreeWidget(central);
    m_tree->setObjectName(QStringLiteral("overview"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Answer")});
    m_tree->setWordWrap(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Workbook overview"));
    layout->addWidget(m_tree);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openAction = file->addAction(tr("&Open..."), this, &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    m_saveCopyAction = file->addAction(tr("Save a &Copy As..."), this, &MainWindow::saveCopyAs);
    m_saveCopyAction->setShortcut(QKeySequence::SaveAs);
    m_saveCopyAction->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    setWindowTitle(QStringLiteral("Rallybook"));
    statusBar()->showMessage(tr("Open a workbook to begin."));
    resize(1000, 700);
}

MainWindow::~MainWindow() = default;

bool MainWindow::openFile(const QString &path)
{
    auto opened = Core::Workbook::open(path, m_definition);
    if (!opened) {
        showError(tr("Cannot open workbook"), opened.error());
        return false;
    }
    m_workbook = std::move(opened.value());
    refresh();
    return true;
}

void MainWindow::open()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workbook"), QString(),
                                                      tr("Rallybook workbooks (*.rallybook)"));
    if (!path.isEmpty()) {
        openFile(path);
    }
}

void MainWindow::saveCopyAs()
{
    if (!m_workbook) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a Copy As"), QString(),
                                                      tr("Rallybook workbooks (*.rallybook)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto saved = m_workbook->saveCopyAs(path); !saved) {
        showError(tr("Cannot save a copy"), saved.error());
        return;
    }
    statusBar()->showMessage(tr("A copy was saved as %1.").arg(QFileInfo(path).fileName()), 5000);
}

void MainWindow::refresh()
{
    m_tree->clear();
    m_saveCopyAction->setEnabled(m_workbook != nullptr);
    if (!m_workbook) {
        return;
    }
    setWindowTitle(tr("%1 \u2014 Rallybook").arg(m_workbook->name()));
    m_banner->setVisible(m_workbook->isReadOnly());
    m_banner->setText(m_workbook->readOnlyReason());

    auto addScalar = [&](QTreeWidgetItem *parent, const Core::Field &field) {
        const QString text = Core::Values::display(field, m_workbook->value(field.id));
        if (!text.isEmpty()) {
            new QTreeWidgetItem(parent, {field.label, text});
        }
    };
    auto addList = [&](QTreeWidgetItem *parent, const Core::Field &field) {
        const auto &rows = m_workbook->rows(field.id);
        if (rows.isEmpty()) {
            return;
        }
        auto *item = new QTreeWidgetItem(parent, {field.label, tr("%n row(s)", nullptr, int(rows.size()))});
        for (const Core::ListRow &row : rows) {
            QStringList cells;
            for (const Core::Field &column : field.columns) {
                const QString text = Core::Values::display(column, row.cells.value(column.id));
                if (!text.isEmpty()) {
                    cells.append(text);
                }
            }
            new QTreeWidgetItem(item, {QString(), cells.join(QStringLiteral(" \u00b7 "))});
        }
    };
    for (const Core::Section &section : m_definition.sections()) {
        int filled = 0;
        for (const Core::Field &field : section.fields) {
            filled += m_workbook->isFilled(field.id) ? 1 : 0;
        }
        auto *sectionItem = new QTreeWidgetItem(
            m_tree, {section.title, tr("%1 of %2 filled").arg(filled).arg(section.fields.size())});
        for (const Core::Field &field : section.fields) {
            if (field.type == Core::FieldType::Group) {
                auto *group = new QTreeWidgetItem(sectionItem, {field.label, QString()});
                for (const Core::Field &part : field.parts) {
                    part.type == Core::FieldType::List ? addList(group, part) : addScalar(group, part);
                }
                if (group->childCount() == 0) {
                    delete group;
                }
            } else if (field.type == Core::FieldType::List) {
                addList(sectionItem, field);
            } else {
                addScalar(sectionItem, field);
            }
        }
        sectionItem->setExpanded(true);
    }
    statusBar()->showMessage(QDir::toNativeSeparators(m_workbook->path()));
}

void MainWindow::showError(const QString &title, const Core::Error &error)
{
    QMessageBox box(QMessageBox::Warning, title, error.message, QMessageBox::Ok, this);
    box.setTextFormat(Qt::PlainText);
    box.setDetailedText(error.detail);
    box.exec();
}

} // namespace Rallybook
