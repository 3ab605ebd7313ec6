// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/result.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QVariant>

/**
 * Values of fields: their canonical in-memory form, how they are stored in SQLite and written to
 * JSON. In memory a value is a null QVariant (empty), a QString (text, longtext, choice, date,
 * due), a double (number), a bool (flag) or a QStringList (checklist).
 */
namespace Rallybook::Core::Values {

/** True when a value counts as not filled in. */
bool isEmpty(const QVariant &value);

/**
 * Checks a value against its field and returns its canonical form (a null QVariant for empty).
 * Errors carry ErrorCode::InvalidValue and a message naming the field.
 */
Result<QVariant> normalize(const Field &field, const QVariant &value);

/** The form stored in SQLite (checklists as a JSON array, flags as 0/1). */
QVariant toStorage(const Field &field, const QVariant &value);
/**
 * Reads a stored value back. A value that does not fit (a damaged or hand-edited file) becomes
 * a null QVariant so that it is never shown as something it is not; the row is kept as it is.
 */
QVariant fromStorage(const Field &field, const QVariant &stored);

QJsonValue toJson(const Field &field, const QVariant &value);
Result<QVariant> fromJson(const Field &field, const QJsonValue &json, const QString &place);

/** A value as a user reads it (choice labels, formatted numbers). */
QString display(const Field &field, const QVariant &value);

} // namespace Rallybook::Core::Values
