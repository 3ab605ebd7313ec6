// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPointer>
#include <QTextCharFormat>
#include <QWidget>

class QLineEdit;

namespace Rallybook {

/**
 * The find bar's mark on its current match, in a colour of its own (amber, never the
 * selection's accent red). It is drawn over the widget that holds the match and never touches
 * its text, its cursor or its selection, so searching can never edit an answer.
 *
 * On a QLineEdit it marks the characters of the match; on any other widget it frames the whole
 * widget (a choice, a number: fields where nothing can be selected). Long texts mark their
 * match with extra selections (format()) and list cells with the colours below instead.
 */
class FindHighlight : public QWidget
{
    Q_OBJECT

public:
    /**
     * Marks `length` characters from `start` in `target` (a QLineEdit), or the whole of
     * `target` when `start` is -1. The mark is a child of `target` and goes with it; it hides
     * itself when the line edit's text changes.
     */
    FindHighlight(QWidget *target, int start = -1, int length = 0);

    int start() const { return m_start; }
    int length() const { return m_length; }
    /** The marked area in the target's coordinates. */
    QRect area() const;

    /** The mark's fill on the current palette. */
    static QColor background();
    /** Text on background(). */
    static QColor foreground();
    /** The outline around the mark. */
    static QColor outline();
    /** The format of a long text's extra selection for the match; format().property(kProperty). */
    static QTextCharFormat format();
    /** Set (true) on format(), so that the match's extra selection can be told from others. */
    static constexpr int kProperty = QTextFormat::UserProperty + 71;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QPointer<QWidget> m_target;
    QLineEdit *m_line = nullptr;
    int m_start;
    int m_length;
};

} // namespace Rallybook
