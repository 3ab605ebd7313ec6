// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workbook.h"
#include "ui/workbookdocument.h"

#include <QPointer>
#include <QWidget>

#include <optional>

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

/**
 * Find across all fields: type, then Enter (or F3) for the next match, Shift+Enter (or
 * Shift+F3) for the previous. Searching never edits: the keyboard stays in the find field, and
 * the window marks the current match without selecting it (FindHighlight). Esc closes the bar
 * and puts the keyboard in the field of the current match (or back where it was).
 */
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QWidget *parent = nullptr);

    void setWorkbook(const Core::Workbook *workbook);
    /** Shows the bar with the keyboard in its field and the search text selected. */
    void activate();
    /** Goes to the next match (showing the bar, with the keyboard in it, if it was closed). */
    void findNext();
    void findPrevious();
    /** Closes the bar: emits closed(), then gives the keyboard back if no match was shown. */
    void close();
    /** The match shown last, if any since the search text last changed. */
    std::optional<FindMatch> currentMatch() const;

signals:
    /** Mark this match; the keyboard stays in the find field. */
    void matchChosen(const Rallybook::FindMatch &match);
    /** The search text changed: no match is current. */
    void searchChanged();
    /** The bar is closing; the window puts the keyboard in the current match's field. */
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void search();
    void go(int delta);
    /** Shows the bar and moves the keyboard into it, remembering where it was. */
    void takeKeyboard();

    const Core::Workbook *m_workbook = nullptr;
    QPointer<QWidget> m_returnFocus;
    QLineEdit *m_edit;
    QLabel *m_status;
    QToolButton *m_previous;
    QToolButton *m_next;
    QList<FindMatch> m_matches;
    int m_current = -1;
};

} // namespace Rallybook
