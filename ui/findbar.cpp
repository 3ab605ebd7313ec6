// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/findbar.h"

#include "core/value.h"
#include "ui/style.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace Rallybook {

namespace {

bool selectable(Core::FieldType type)
{
    return type == Core::FieldType::Text || type == Core::FieldType::LongText
           || type == Core::FieldType::Due || type == Core::FieldType::Date;
}

void matchValue(QList<FindMatch> &matches,
                const Core::Field &field,
                const QVariant &value,
                const FieldLocation &where,
                const QString &text)
{
    const QString shown =
        selectable(field.type) ? value.toString() : Core::Values::display(field, value);
    qsizetype from = 0;
    while (true) {
        const qsizetype at = shown.indexOf(text, from, Qt::CaseInsensitive);
        if (at < 0) {
            break;
        }
        matches.append({where, selectable(field.type) ? int(at) : -1, int(text.size())});
        if (!selectable(field.type)) {
            break; // one match per value where nothing can be selected
        }
        from = at + text.size();
    }
}

} // namespace

QList<FindMatch> findInWorkbook(const Core::Workbook &workbook, const QString &text)
{
    QList<FindMatch> matches;
    if (text.isEmpty()) {
        return matches;
    }
    for (const Core::Field *field : workbook.definition().storedFields()) {
        if (field->type == Core::FieldType::List) {
            for (const Core::ListRow &row : workbook.rows(field->id)) {
                for (const Core::Field &column : field->columns) {
                    matchValue(matches,
                               column,
                               row.cells.value(column.id),
                               {field->id, row.id, column.id},
                               text);
                }
            }
        } else {
            matchValue(matches, *field, workbook.value(field->id), {field->id, 0, {}}, text);
        }
    }
    return matches;
}

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
{
    setObjectName(QStringLiteral("findBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(Style::kGrid * 2, Style::kGrid, Style::kGrid * 2, Style::kGrid);
    layout->setSpacing(Style::kGrid);
    auto *label = new QLabel(tr("Find:"), this);
    label->setBuddy(m_edit);
    layout->addWidget(label);
    m_edit->setObjectName(QStringLiteral("findEdit"));
    m_edit->setPlaceholderText(tr("Search every answer in the workbook"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(tr("Find in workbook"));
    m_edit->setMaximumWidth(Style::readingWidth() / 2);
    layout->addWidget(m_edit, 1);
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Next match (Enter)"));
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    layout->addStretch();
    auto *close = new QToolButton(this);
    close->setText(tr("Close"));
    close->setToolTip(tr("Close the find bar (Escape)"));
    close->setAutoRaise(true);
    layout->addWidget(close);

    // Enter, Shift+Enter and Esc are read before the line edit sees them (it would report
    // Shift+Enter as a plain returnPressed).
    m_edit->installEventFilter(this);
    connect(m_edit, &QLineEdit::textChanged, this, &FindBar::search);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(close, &QToolButton::clicked, this, &FindBar::close);
    search();
}

void FindBar::setWorkbook(const Core::Workbook *workbook)
{
    m_workbook = workbook;
    search();
}

void FindBar::takeKeyboard()
{
    QWidget *focused = QApplication::focusWidget();
    if (focused && !isAncestorOf(focused)) {
        m_returnFocus = focused;
    }
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
}

void FindBar::activate()
{
    takeKeyboard();
    m_edit->selectAll();
    search();
}

void FindBar::close()
{
    emit closed();
    if (m_current < 0 && m_returnFocus) {
        m_returnFocus->setFocus(Qt::OtherFocusReason);
    }
    hide();
}

std::optional<FindMatch> FindBar::currentMatch() const
{
    if (m_current < 0 || m_current >= m_matches.size()) {
        return std::nullopt;
    }
    return m_matches.at(m_current);
}

void FindBar::search()
{
    m_matches = m_workbook ? findInWorkbook(*m_workbook, m_edit->text()) : QList<FindMatch>();
    m_current = -1;
    emit searchChanged();
    const bool any = !m_matches.isEmpty();
    m_next->setEnabled(any);
    m_previous->setEnabled(any);
    if (m_edit->text().isEmpty()) {
        m_status->clear();
    } else if (!any) {
        m_status->setText(tr("No matches"));
    } else {
        m_status->setText(m_matches.size() == 1 ? tr("1 match")
                                                : tr("%1 matches").arg(m_matches.size()));
    }
}

void FindBar::go(int delta)
{
    // Answers may have changed since the last search.
    const QString text = m_edit->text();
    const QList<FindMatch> fresh =
        m_workbook ? findInWorkbook(*m_workbook, text) : QList<FindMatch>();
    if (fresh.size() != m_matches.size()) {
        m_current = -1;
    }
    m_matches = fresh;
    if (!isVisible() || !m_edit->hasFocus()) {
        // F3 from an answer: the keyboard comes back to the find field.
        takeKeyboard();
    }
    if (m_matches.isEmpty()) {
        m_status->setText(text.isEmpty() ? QString() : tr("No matches"));
        return;
    }
    const int count = int(m_matches.size());
    m_current = m_current < 0 ? (delta > 0 ? 0 : count - 1) : (m_current + delta + count) % count;
    m_status->setText(tr("%1 of %2").arg(m_current + 1).arg(count));
    emit matchChosen(m_matches.at(m_current));
}

void FindBar::findNext()
{
    go(1);
}

void FindBar::findPrevious()
{
    go(-1);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier) {
                findPrevious();
            } else {
                findNext();
            }
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace Rallybook
