// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workbook.h"
#include "ui/workbookdocument.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace Rallybook {

/** One place where the searched text occurs. `start` is -1 where it cannot be selected. */
struct FindMatch
{
    FieldLocation where;
    int start = -1;
    int length = 0;
};

/** Every match of `text` (case-insensitive) in the workbook's answers, in the order of the plan. */
QList<FindMatch> findInWorkbook(const Core::Workbook &workbook, const QString &text);

/** Find across all fields: type, then Enter for the next match, Shift+Enter for the previous. */
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QWidget *parent = nullptr);

    void setWorkbook(const Core::Workbook *workbook);
    /** Shows the bar with the search text selected. */
    void activate();
    void findNext();
    void findPrevious();

signals:
    void matchChosen(const Rallybook::FindMatch &match);
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void search();
    void go(int delta);

    const Core::Workbook *m_workbook = nullptr;
    QLineEdit *m_edit;
    QLabel *m_status;
    QToolButton *m_previous;
    QToolButton *m_next;
    QList<FindMatch> m_matches;
    int m_current = -1;
};

} // namespace Rallybook
