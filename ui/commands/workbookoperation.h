// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/workbook.h"
#include "ui/fieldlocation.h"

#include <QVariant>

#include <variant>

namespace Rallybook {

/**
 * A place that holds one value: a scalar field or part, one cell of a list row, or a workbook
 * setting (the storyboard, the wallpaper). SetValueCommand changes any of them the same way.
 */
struct ValueTarget
{
    enum class Kind { Field, Cell, Setting };

    Kind kind = Kind::Field;
    /** The field or part id, the list's field id, or the setting's key. */
    QString id;
    qint64 rowId = 0;
    QString columnId;

    static ValueTarget field(const QString &fieldId) { return {Kind::Field, fieldId, 0, {}}; }
    static ValueTarget cell(const QString &fieldId, qint64 rowId, const QString &columnId)
    {
        return {Kind::Cell, fieldId, rowId, columnId};
    }
    static ValueTarget setting(const QString &key) { return {Kind::Setting, key, 0, {}}; }

    /** The value held there now; null when empty (or when the row is gone). */
    QVariant read(const Core::Workbook &workbook) const;
    /** Where a view shows it; empty for a setting. */
    FieldLocation location() const;

    bool operator==(const ValueTarget &other) const = default;
};

/**
 * The operations a command performs, each one committed transaction on a workbook. They are
 * plain values: a command keeps the ones it performs (redo) and reverts with (undo), and when
 * one cannot be written the document keeps a copy to replay onto the rescue copy, so that the
 * copy holds everything the window shows, that change included.
 */
namespace Operation {

struct SetValue
{
    ValueTarget target;
    QVariant value;
};

/** Inserts a row at `index`; `rowId` 0 picks a new id and is then set to the one picked. */
struct InsertRow
{
    QString fieldId;
    int index = 0;
    QVariantHash cells;
    qint64 rowId = 0;
};

struct RemoveRow
{
    QString fieldId;
    qint64 rowId = 0;
};

struct MoveRow
{
    QString fieldId;
    qint64 rowId = 0;
    int toIndex = 0;
};

/** Keeps a draft; `draft.id` 0 picks a new id, then the draft is set to the one kept. */
struct AddDraft
{
    Core::Draft draft;
};

struct RemoveDraft
{
    qint64 draftId = 0;
};

} // namespace Operation

using WorkbookOperation = std::variant<Operation::SetValue,
                                       Operation::InsertRow,
                                       Operation::RemoveRow,
                                       Operation::MoveRow,
                                       Operation::AddDraft,
                                       Operation::RemoveDraft>;

/**
 * Performs `operation` on `workbook` in one transaction. An insert or a new draft records the
 * id it was given in `operation`, so that performing it again (redo after undo) puts back the
 * same row or draft.
 */
Core::Result<void> apply(WorkbookOperation &operation, Core::Workbook &workbook);

/** Where a view shows what `operation` changed; empty for settings and drafts. */
FieldLocation locationOf(const WorkbookOperation &operation);

} // namespace Rallybook
