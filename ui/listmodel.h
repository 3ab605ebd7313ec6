// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"

#include <QAbstractTableModel>
#include <QStyledItemDelegate>

namespace Rallybook {

class WorkbookDocument;

/**
 * The rows of one list field as a table. Reads from the workbook; every change is an undo command
 * (setData pushes a SetValueCommand for the cell), and the workbook's signals become model
 * notifications.
 */
class ListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /** The role that carries a row's stable id. */
    static constexpr int RowIdRole = Qt::UserRole + 1;

    ListModel(WorkbookDocument *document, const Core::Field &list, QObject *parent = nullptr);

    const Core::Field &field() const { return m_field; }
    const Core::Field &column(int index) const { return m_field.columns.at(index); }
    qint64 rowId(int row) const;
    int rowOf(qint64 rowId) const;
    int columnOf(const QString &columnId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    /** A new session for merging typing in one cell into one undo step. */
    void setEditSession(int session) { m_session = session; }

    /** Colours one cell as the find bar's current match (Qt::BackgroundRole). */
    void setMatch(qint64 rowId, const QString &columnId);
    void clearMatch();

private:
    bool isMatch(qint64 rowId, const QString &columnId) const
    {
        return m_matchRow != 0 && rowId == m_matchRow && columnId == m_matchColumn;
    }
    void emitCellChanged(qint64 rowId, const QString &columnId);

    WorkbookDocument *m_document;
    Core::Field m_field;
    int m_session = 0;
    qint64 m_matchRow = 0;
    QString m_matchColumn;
};

/** Editors for list cells by column type: combo boxes for choices, date edits, spin boxes. */
class ListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent,
                          const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor,
                      QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace Rallybook
