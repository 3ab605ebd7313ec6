// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/workbookoperation.h"

namespace Rallybook {

namespace {

template<typename... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

Core::Result<void> setValue(const Operation::SetValue &op, Core::Workbook &workbook)
{
    const ValueTarget &target = op.target;
    switch (target.kind) {
    case ValueTarget::Kind::Field:
        return workbook.setValue(target.id, op.value);
    case ValueTarget::Kind::Cell:
        return workbook.setCell(target.id, target.rowId, target.columnId, op.value);
    case ValueTarget::Kind::Setting:
        return workbook.setSetting(target.id, op.value);
    }
    Q_UNREACHABLE();
}

} // namespace

QVariant ValueTarget::read(const Core::Workbook &workbook) const
{
    switch (kind) {
    case Kind::Field:
        return workbook.value(id);
    case Kind::Cell: {
        const int index = workbook.rowIndex(id, rowId);
        return index >= 0 ? workbook.rows(id).at(index).cells.value(columnId) : QVariant();
    }
    case Kind::Setting:
        return workbook.setting(id);
    }
    Q_UNREACHABLE();
}

FieldLocation ValueTarget::location() const
{
    if (kind == Kind::Setting) {
        return {};
    }
    return {id, rowId, columnId};
}

Core::Result<void> apply(WorkbookOperation &operation, Core::Workbook &workbook)
{
    return std::visit(Overloaded{
                          [&](const Operation::SetValue &op) {
                              return setValue(op, workbook);
                          },
                          [&](Operation::InsertRow &op) -> Core::Result<void> {
                              auto inserted =
                                  workbook.insertRow(op.fieldId, op.index, op.cells, op.rowId);
                              if (!inserted) {
                                  return inserted.error();
                              }
                              op.rowId = inserted.value();
                              return {};
                          },
                          [&](const Operation::RemoveRow &op) {
                              return workbook.removeRow(op.fieldId, op.rowId);
                          },
                          [&](const Operation::MoveRow &op) {
                              return workbook.moveRow(op.fieldId, op.rowId, op.toIndex);
                          },
                          [&](Operation::AddDraft &op) -> Core::Result<void> {
                              auto added = workbook.addDraft(op.draft);
                              if (!added) {
                                  return added.error();
                              }
                              // Keep the id and the date, so that redo after undo brings back the
                              // same draft.
                              if (const Core::Draft *kept = workbook.draft(added.value())) {
                                  op.draft = *kept;
                              }
                              return {};
                          },
                          [&](const Operation::RemoveDraft &op) {
                              return workbook.removeDraft(op.draftId);
                          },
                      },
                      operation);
}

FieldLocation locationOf(const WorkbookOperation &operation)
{
    return std::visit(Overloaded{
                          [](const Operation::SetValue &op) {
                              return op.target.location();
                          },
                          [](const Operation::InsertRow &op) {
                              return FieldLocation{op.fieldId, op.rowId, {}};
                          },
                          [](const Operation::RemoveRow &op) {
                              return FieldLocation{op.fieldId, 0, {}};
                          },
                          [](const Operation::MoveRow &op) {
                              return FieldLocation{op.fieldId, op.rowId, {}};
                          },
                          [](const Operation::AddDraft &) {
                              return FieldLocation{};
                          },
                          [](const Operation::RemoveDraft &) {
                              return FieldLocation{};
                          },
                      },
                      operation);
}

} // namespace Rallybook
