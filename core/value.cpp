// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/value.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace Rallybook::Core::Values {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Core::Values", text);
}

Error invalid(const Field &field, const QString &problem)
{
    return Error{
        ErrorCode::InvalidValue, tr("\u201c%1\u201d %2").arg(field.label, problem), field.id};
}

bool isIsoDate(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return shape.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

bool isDayOffset(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^day (\\d{1,5})$"),
                                          QRegularExpression::CaseInsensitiveOption);
    return shape.match(text).hasMatch();
}

} // namespace

bool isEmpty(const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        return true;
    }
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().trimmed().isEmpty();
    case QMetaType::QStringList:
        return value.toStringList().isEmpty();
    default:
        return false;
    }
}

Result<QVariant> normalize(const Field &field, const QVariant &value)
{
    if (isEmpty(value)) {
        return QVariant();
    }
    switch (field.type) {
    case FieldType::Text: {
        const QString text = value.toString();
        if (text.contains(u'\n') || text.contains(u'\r')) {
            return invalid(field, tr("must be a single line"));
        }
        if (text.size() > field.maxLength) {
            return invalid(field, tr("is longer than %1 characters").arg(field.maxLength));
        }
        return QVariant(text);
    }
    case FieldType::LongText:
        return QVariant(value.toString());
    case FieldType::Choice: {
        const QString id = value.toString();
        if (!field.choice(id)) {
            return invalid(field, tr("has no choice \u201c%1\u201d").arg(id));
        }
        return QVariant(id);
    }
    case FieldType::Checklist: {
        const QStringList ids = value.toStringList();
        QStringList ordered;
        // Keep the definition's order, so that equal sets compare equal.
        for (const Choice &choice : field.choices) {
            if (ids.contains(choice.id)) {
                ordered.append(choice.id);
            }
        }
        for (const QString &id : ids) {
            if (!field.choice(id)) {
                return invalid(field, tr("has no choice \u201c%1\u201d").arg(id));
            }
        }
        return ordered.isEmpty() ? QVariant() : QVariant(ordered);
    }
    case FieldType::Number: {
        bool ok = false;
        double number = value.toDouble(&ok);
        if (!ok || !std::isfinite(number)) {
            return invalid(field, tr("must be a number"));
        }
        if (number < field.min || number > field.max) {
            return invalid(field,
                           tr("must be between %1 and %2")
                               .arg(QLocale().toString(field.min, 'f', field.decimals),
                                    QLocale().toString(field.max, 'f', field.decimals)));
        }
        const double scale = std::pow(10.0, field.decimals);
        number = std::round(number * scale) / scale;
        return QVariant(number);
    }
    case FieldType::Date: {
        const QString text = value.typeId() == QMetaType::QDate
                                 ? value.toDate().toString(Qt::ISODate)
                                 : value.toString().trimmed();
        if (!isIsoDate(text)) {
            return invalid(field, tr("must be a date written YYYY-MM-DD"));
        }
        return QVariant(text);
    }
    case FieldType::Due: {
        const QString text = value.toString().trimmed();
        if (isIsoDate(text)) {
            return QVariant(text);
        }
        if (isDayOffset(text)) {
            return QVariant(text.toLower());
        }
        return invalid(field,
                       tr("must be a date (YYYY-MM-DD) or a day such as \u201cday 30\u201d"));
    }
    case FieldType::Flag:
        if (value.typeId() == QMetaType::Bool || value.canConvert<bool>()) {
            return value.toBool() ? QVariant(true) : QVariant();
        }
        return invalid(field, tr("must be true or false"));
    case FieldType::List:
    case FieldType::Group:
        return invalid(field, tr("holds rows or parts, not a single value"));
    }
    return QVariant();
}

QVariant toStorage(const Field &field, const QVariant &value)
{
    switch (field.type) {
    case FieldType::Checklist:
        return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(value.toStringList()))
                                     .toJson(QJsonDocument::Compact));
    case FieldType::Flag:
        return qint64(value.toBool() ? 1 : 0);
    case FieldType::Number:
        return value.toDouble();
    default:
        return value.toString();
    }
}

QVariant fromStorage(const Field &field, const QVariant &stored)
{
    QVariant candidate;
    switch (field.type) {
    case FieldType::Checklist: {
        const QJsonDocument document = QJsonDocument::fromJson(stored.toString().toUtf8());
        QStringList ids;
        for (const QJsonValue &item : document.array()) {
            ids.append(item.toString());
        }
        candidate = ids;
        break;
    }
    case FieldType::Flag:
        candidate = stored.toLongLong() != 0;
        break;
    case FieldType::Number:
        if (stored.typeId() != QMetaType::Double && stored.typeId() != QMetaType::LongLong) {
            return QVariant();
        }
        candidate = stored.toDouble();
        break;
    default:
        if (stored.typeId() != QMetaType::QString) {
            return QVariant();
        }
        candidate = stored;
        break;
    }
    auto normalized = normalize(field, candidate);
    return normalized ? normalized.value() : QVariant();
}

QJsonValue toJson(const Field &field, const QVariant &value)
{
    switch (field.type) {
    case FieldType::Checklist:
        return QJsonArray::fromStringList(value.toStringList());
    case FieldType::Flag:
        return value.toBool();
    case FieldType::Number:
        return value.toDouble();
    default:
        return value.toString();
    }
}

Result<QVariant> fromJson(const Field &field, const QJsonValue &json, const QString &place)
{
    auto wrong = [&](const QString &expected) {
        return Error{ErrorCode::InvalidJson, tr("%1: expected %2").arg(place, expected), place};
    };
    QVariant value;
    switch (field.type) {
    case FieldType::Checklist: {
        if (!json.isArray()) {
            return wrong(tr("an array of choice ids"));
        }
        QStringList ids;
        for (const QJsonValue &item : json.toArray()) {
            if (!item.isString()) {
                return wrong(tr("an array of choice ids"));
            }
            ids.append(item.toString());
        }
        value = ids;
        break;
    }
    case FieldType::Flag:
        if (!json.isBool()) {
            return wrong(tr("true or false"));
        }
        value = json.toBool();
        break;
    case FieldType::Number:
        if (!json.isDouble()) {
            return wrong(tr("a number"));
        }
        value = json.toDouble();
        break;
    case FieldType::List:
    case FieldType::Group:
        return wrong(tr("a single value"));
    default:
        if (!json.isString()) {
            return wrong(tr("a string"));
        }
        value = json.toString();
        break;
    }
    auto normalized = normalize(field, value);
    if (!normalized) {
        return Error{
            ErrorCode::InvalidJson, tr("%1: %2").arg(place, normalized.error().message), place};
    }
    return normalized;
}

QString display(const Field &field, const QVariant &value)
{
    if (isEmpty(value)) {
        return {};
    }
    switch (field.type) {
    case FieldType::Choice: {
        const Choice *choice = field.choice(value.toString());
        return choice ? choice->label : value.toString();
    }
    case FieldType::Checklist: {
        QStringList labels;
        for (const QString &id : value.toStringList()) {
            const Choice *choice = field.choice(id);
            labels.append(choice ? choice->label : id);
        }
        return labels.join(QStringLiteral(", "));
    }
    case FieldType::Number: {
        QString text = QLocale().toString(value.toDouble(), 'f', field.decimals);
        if (field.money) {
            text = QLocale().currencySymbol() + text;
        }
        if (!field.unit.isEmpty()) {
            text += u' ' + field.unit;
        }
        return text;
    }
    case FieldType::Flag:
        return value.toBool() ? tr("Yes") : tr("No");
    case FieldType::Date:
        return QLocale().toString(QDate::fromString(value.toString(), Qt::ISODate),
                                  QLocale::ShortFormat);
    default:
        return value.toString();
    }
}

} // namespace Rallybook::Core::Values
