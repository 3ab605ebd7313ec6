// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/listmodel.h"

#include "core/value.h"
#include "ui/commands/workbookcommands.h"
#include "ui/findhighlight.h"
#include "ui/workbookdocument.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QLocale>

namespace Rallybook {

ListModel::ListModel(WorkbookDocument *document, const Core::Field &list, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_field(list)
{
    const Core::Workbook *workbook = &document->workbook();
    // The workbook announces each row change after its commit and before its in-memory list
    // changes, as item models need.
    connect(workbook,
            &Core::Workbook::rowAboutToBeInserted,
            this,
            [this](const QString &fieldId, int index) {
                if (fieldId == m_field.id) {
                    beginInsertRows({}, index, index);
                }
            });
    connect(workbook, &Core::Workbook::rowInserted, this, [this](const QString &fieldId) {
        if (fieldId == m_field.id) {
            endInsertRows();
        }
    });
    connect(workbook,
            &Core::Workbook::rowAboutToBeRemoved,
            this,
            [this](const QString &fieldId, int index) {
                if (fieldId == m_field.id) {
                    beginRemoveRows({}, index, index);
                }
            });
    connect(workbook, &Core::Workbook::rowRemoved, this, [this](const QString &fieldId) {
        if (fieldId == m_field.id) {
            endRemoveRows();
        }
    });
    connect(workbook,
            &Core::Workbook::rowAboutToBeMoved,
            this,
            [this](const QString &fieldId, int from, int to) {
                if (fieldId == m_field.id) {
                    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
                }
            });
    connect(workbook, &Core::Workbook::rowMoved, this, [this](const QString &fieldId) {
        if (fieldId == m_field.id) {
            endMoveRows();
        }
    });
    connect(workbook,
            &Core::Workbook::cellChanged,
            this,
            [this](const QString &fieldId, qint64 id, const QString &columnId) {
                if (fieldId == m_field.id) {
                    const QModelIndex changed = index(rowOf(id), columnOf(columnId));
                    emit dataChanged(changed, changed);
                }
            });
    connect(document, &WorkbookDocument::editableChanged, this, [this] {
        if (rowCount() > 0) {
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        }
    });
}

qint64 ListModel::rowId(int row) const
{
    const auto &rows = m_document->workbook().rows(m_field.id);
    return row >= 0 && row < rows.size() ? rows.at(row).id : 0;
}

int ListModel::rowOf(qint64 id) const
{
    return m_document->workbook().rowIndex(m_field.id, id);
}

int ListModel::columnOf(const QString &columnId) const
{
    for (int i = 0; i < m_field.columns.size(); ++i) {
        if (m_field.columns.at(i).id == columnId) {
            return i;
        }
    }
    return -1;
}

int ListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_document->workbook().rows(m_field.id).size());
}

int ListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_field.columns.size());
}

QVariant ListModel::data(const QModelIndex &index, int role) const
{
    const auto &rows = m_document->workbook().rows(m_field.id);
    if (!index.isValid() || index.row() >= rows.size()
        || index.column() >= m_field.columns.size()) {
        return {};
    }
    const Core::Field &column = m_field.columns.at(index.column());
    const QVariant value = rows.at(index.row()).cells.value(column.id);
    switch (role) {
    case Qt::DisplayRole:
        return column.type == Core::FieldType::Flag
                   ? QVariant()
                   : QVariant(Core::Values::display(column, value));
    case Qt::EditRole:
        if (column.type == Core::FieldType::Date) {
            return QDate::fromString(value.toString(), Qt::ISODate);
        }
        return value;
    case Qt::CheckStateRole:
        if (column.type == Core::FieldType::Flag) {
            return value.toBool() ? Qt::Checked : Qt::Unchecked;
        }
        return {};
    case Qt::ToolTipRole:
        return column.type == Core::FieldType::LongText ? value : QVariant();
    case Qt::AccessibleTextRole:
        return Core::Values::display(column, value);
    case RowIdRole:
        return rows.at(index.row()).id;
    case Qt::BackgroundRole:
        return isMatch(rows.at(index.row()).id, column.id) ? QVariant(FindHighlight::background())
                                                           : QVariant();
    case Qt::ForegroundRole:
        return isMatch(rows.at(index.row()).id, column.id) ? QVariant(FindHighlight::foreground())
                                                           : QVariant();
    default:
        return {};
    }
}

void ListModel::setMatch(qint64 rowId, const QString &columnId)
{
    clearMatch();
    m_matchRow = rowId;
    m_matchColumn = columnId;
    emitCellChanged(rowId, columnId);
}

void ListModel::clearMatch()
{
    const qint64 row = std::exchange(m_matchRow, 0);
    const QString column = std::exchange(m_matchColumn, QString());
    if (row != 0) {
        emitCellChanged(row, column);
    }
}

void ListModel::emitCellChanged(qint64 rowId, const QString &columnId)
{
    const QModelIndex cell = index(rowOf(rowId), columnOf(columnId));
    if (cell.isValid()) {
        emit dataChanged(cell, cell, {Qt::BackgroundRole, Qt::ForegroundRole});
    }
}

QVariant ListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) {
        return {};
    }
    if (orientation == Qt::Horizontal) {
        return section < m_field.columns.size() ? m_field.columns.at(section).label : QString();
    }
    return section + 1;
}

Qt::ItemFlags ListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_document->isEditable()) {
        flags |= m_field.columns.at(index.column()).type == Core::FieldType::Flag
                     ? Qt::ItemIsUserCheckable
                     : Qt::ItemIsEditable;
    }
    return flags;
}

bool ListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !m_document->isEditable()) {
        return false;
    }
    const Core::Field &column = m_field.columns.at(index.column());
    QVariant stored = value;
    if (role == Qt::CheckStateRole && column.type == Core::FieldType::Flag) {
        stored = value.toInt() == Qt::Checked;
    } else if (role != Qt::EditRole) {
        return false;
    }
    if (stored.typeId() == QMetaType::QDate) {
        stored = stored.toDate().isValid() ? stored.toDate().toString(Qt::ISODate) : QString();
    }
    auto normalized = Core::Values::normalize(column, stored);
    if (!normalized) {
        return false;
    }
    const qint64 id = rowId(index.row());
    if (m_document->workbook().rows(m_field.id).at(index.row()).cells.value(column.id)
        == normalized.value()) {
        return true;
    }
    // A failed write is shown by the window; the view keeps the cell as the file holds it.
    return m_document
        ->push(new SetValueCommand(m_document,
                                   ValueTarget::cell(m_field.id, id, column.id),
                                   normalized.value(),
                                   {},
                                   m_session))
        .ok();
}

// --- Delegate ------------------------------------------------------------------------------

QWidget *ListDelegate::createEditor(QWidget *parent,
                                    const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    const auto *model = qobject_cast<const ListModel *>(index.model());
    if (!model) {
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    const Core::Field &column = model->column(index.column());
    switch (column.type) {
    case Core::FieldType::Choice: {
        auto *combo = new QComboBox(parent);
        combo->addItem(tr("(none)"), QString());
        for (const Core::Choice &choice : column.choices) {
            combo->addItem(choice.label, choice.id);
        }
        return combo;
    }
    case Core::FieldType::Number: {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setDecimals(column.decimals);
        spin->setRange(column.min, column.max);
        if (column.money) {
            spin->setPrefix(QLocale().currencySymbol());
        }
        return spin;
    }
    case Core::FieldType::Date: {
        auto *date = new QDateEdit(parent);
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        return date;
    }
    default: {
        auto *line = new QLineEdit(parent);
        if (column.type == Core::FieldType::Text) {
            line->setMaxLength(column.maxLength);
        } else if (column.type == Core::FieldType::Due) {
            line->setPlaceholderText(tr("day 30, or 2026-12-31"));
        }
        line->setFrame(false);
        return line;
    }
    }
}

void ListDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
    } else if (auto *date = qobject_cast<QDateEdit *>(editor)) {
        date->setDate(value.toDate().isValid() ? value.toDate() : QDate::currentDate());
    } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        spin->setValue(value.toDouble());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(value.toString());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void ListDelegate::setModelData(QWidget *editor,
                                QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
    } else if (auto *date = qobject_cast<QDateEdit *>(editor)) {
        model->setData(index, date->date(), Qt::EditRole);
    } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        model->setData(index, spin->value(), Qt::EditRole);
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, line->text(), Qt::EditRole);
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

} // namespace Rallybook
