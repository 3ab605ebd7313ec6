// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/workbook.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QTreeWidget;

namespace Rallybook {

/**
 * The main window: for now a read-only overview of a workbook's sections and filled fields.
 * The full editor replaces the overview (issue 3).
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const Core::Definition &definition, QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Opens a workbook file; on failure shows why and keeps what was open. */
    bool openFile(const QString &path);
    Core::Workbook *workbook() const { return m_workbook.get(); }

private:
    void open();
    void saveCopyAs();
    void refresh();
    void showError(const QString &title, const Core::Error &error);

    Core::Definition m_definition;
    std::unique_ptr<Core::Workbook> m_workbook;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_banner = nullptr;
    QAction *m_saveCopyAction = nullptr;
};

} // namespace Rallybook
