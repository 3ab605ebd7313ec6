// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QListWidget;
class QListWidgetItem;

namespace Rallybook {

/** What a first start shows: what Rallybook is, and the ways to begin. */
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    void setRecentFiles(const QStringList &files);

signals:
    void wizardRequested();
    void openExampleRequested();
    void openRequested();
    void newRequested();
    void recentFileRequested(const QString &path);

private:
    QListWidget *m_recent;
    QWidget *m_recentBox;
};

} // namespace Rallybook
