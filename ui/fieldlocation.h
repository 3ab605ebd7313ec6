// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Rallybook {

/**
 * A place in the workbook that a view can show: a field or part (`rowId` 0), or one cell of a
 * list row. An empty `fieldId` is no place (a setting or a draft, which no section shows).
 */
struct FieldLocation
{
    QString fieldId;
    qint64 rowId = 0;
    QString columnId;

    bool isEmpty() const { return fieldId.isEmpty(); }
    bool operator==(const FieldLocation &other) const = default;
};

} // namespace Rallybook

Q_DECLARE_METATYPE(Rallybook::FieldLocation)
