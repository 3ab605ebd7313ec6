// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/findbar.h"

#include "core/value.h"
#include "ui/style.h"

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

    connect(m_edit, &QLineEdit::textChanged, this, &FindBar::search);
    connect(m_edit, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        emit closed();
    });
    search();
}

void FindBar::setWorkbook(const Core::Workbook *workbook)
{
    m_workbook = workbook;
    search();
}

void FindBar::activate()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
    search();
}

void FindBar::search()
{
    m_matches = m_workbook ? findInWorkbook(*m_workbook, m_edit->text()) : QList<FindMatch>();
    m_current = -1;
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
        m_matches = fresh;
        m_current = -1;
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

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        emit closed();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && event->modifiers() & Qt::ShiftModifier) {
        findPrevious();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace Rallybook
