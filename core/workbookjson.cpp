// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workbookjson.h"

#include "core/jsonerror.h"
#include "core/value.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSaveFile>

namespace Rallybook::Core::WorkbookJson {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Core::WorkbookJson", text);
}

Error invalid(const QString &source, const QString &problem)
{
    return Error{ErrorCode::InvalidJson,
                 tr("%1 cannot be imported: %2. Nothing was written.").arg(source, problem),
                 problem};
}

/** Replaces "{today+N}" with an ISO date when relative dates are allowed. */
QJsonValue resolveRelative(const QJsonValue &value, const ImportOptions &options)
{
    if (!options.relativeTo || !value.isString()) {
        return value;
    }
    static const QRegularExpression relative(QStringLiteral("^\\{today([+-]\\d{1,5})\\}$"));
    const QRegularExpressionMatch match = relative.match(value.toString());
    if (!match.hasMatch()) {
        return value;
    }
    return options.relativeTo->addDays(match.captured(1).toInt()).toString(Qt::ISODate);
}

} // namespace

QByteArray toJson(const Definition &definition, const WorkbookContent &content)
{
    QJsonObject values;
    for (const Section &section : definition.sections()) {
        for (const Field &field : section.fields) {
            auto scalar = [&](const Field &f) -> QJsonValue {
                const QVariant value = content.values.value(f.id);
                return Values::isEmpty(value) ? QJsonValue() : Values::toJson(f, value);
            };
            auto list = [&](const Field &f) -> QJsonValue {
                QJsonArray rows;
                for (const ListRow &row : content.lists.value(f.id)) {
                    QJsonObject cells;
                    for (const Field &column : f.columns) {
                        const QVariant value = row.cells.value(column.id);
                        if (!Values::isEmpty(value)) {
                            cells.insert(column.id, Values::toJson(column, value));
                        }
                    }
                    rows.append(cells);
                }
                return rows.isEmpty() ? QJsonValue() : QJsonValue(rows);
            };
            auto any = [&](const Field &f) {
                return f.type == FieldType::List ? list(f) : scalar(f);
            };
            if (field.type == FieldType::Group) {
                QJsonObject parts;
                for (const Field &part : field.parts) {
                    const QJsonValue value = any(part);
                    if (!value.isNull()) {
                        parts.insert(part.localId, value);
                    }
                }
                if (!parts.isEmpty()) {
                    values.insert(field.id, parts);
                }
            } else if (const QJsonValue value = any(field); !value.isNull()) {
                values.insert(field.id, value);
            }
        }
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("rallybook-workbook"));
    root.insert(QStringLiteral("version"), kFormatVersion);
    root.insert(QStringLiteral("framework"), definition.id());
    root.insert(QStringLiteral("name"), content.name);
    root.insert(QStringLiteral("values"), values);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<WorkbookContent> fromJson(const Definition &definition,
                                 const QByteArray &json,
                                 const QString &source,
                                 ImportOptions options)
{
    if (json.size() > kMaxFileSize) {
        return invalid(source, tr("the file is larger than 32 MiB"));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return invalid(source,
                       tr("it is not valid JSON (%1)").arg(describeJsonError(json, parseError)));
    }
    if (!document.isObject()) {
        return invalid(source, tr("the top level is not a JSON object"));
    }
    const QJsonObject root = document.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        static const QStringList known{QStringLiteral("format"),
                                       QStringLiteral("version"),
                                       QStringLiteral("framework"),
                                       QStringLiteral("name"),
                                       QStringLiteral("values")};
        if (!known.contains(it.key())) {
            return invalid(source, tr("unknown key \u201c%1\u201d at the top level").arg(it.key()));
        }
    }
    if (root.value(QLatin1String("format")).toString() != QLatin1String("rallybook-workbook")) {
        return invalid(source,
                       tr("it is not a Rallybook workbook export (\u201cformat\u201d is not "
                          "\u201crallybook-workbook\u201d)"));
    }
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() != kFormatVersion) {
        return invalid(source,
                       tr("it is format version %1, and this Rallybook reads version %2")
                           .arg(version.toVariant().toString())
                           .arg(kFormatVersion));
    }
    if (root.value(QLatin1String("framework")).toString() != definition.id()) {
        return invalid(
            source,
            tr("it was made for the framework \u201c%1\u201d, not \u201c%2\u201d")
                .arg(root.value(QLatin1String("framework")).toString(), definition.id()));
    }
    WorkbookContent content;
    const QJsonValue name = root.value(QLatin1String("name"));
    if (!name.isUndefined() && !name.isString()) {
        return invalid(source, tr("\u201cname\u201d must be a string"));
    }
    content.name = name.toString().trimmed();
    if (content.name.size() > 200 || content.name.contains(u'\n')) {
        return invalid(source, tr("\u201cname\u201d must be one line of at most 200 characters"));
    }
    const QJsonValue valuesValue = root.value(QLatin1String("values"));
    if (!valuesValue.isUndefined() && !valuesValue.isObject()) {
        return invalid(source, tr("\u201cvalues\u201d must be an object"));
    }

    // Reads one field (scalar or list) at `place`.
    auto readField =
        [&](const Field &field, const QJsonValue &input, const QString &place) -> Result<void> {
        if (input.isNull()) {
            return {};
        }
        if (field.type != FieldType::List) {
            auto value = Values::fromJson(field, resolveRelative(input, options), place);
            if (!value) {
                return invalid(source, value.error().message);
            }
            if (!Values::isEmpty(value.value())) {
                content.values.insert(field.id, value.value());
            }
            return {};
        }
        if (!input.isArray()) {
            return invalid(source, tr("%1: expected an array of rows").arg(place));
        }
        QList<ListRow> rows;
        const QJsonArray array = input.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString rowPlace = QStringLiteral("%1[%2]").arg(place).arg(i);
            if (!array.at(i).isObject()) {
                return invalid(source, tr("%1: expected an object of cells").arg(rowPlace));
            }
            const QJsonObject cells = array.at(i).toObject();
            ListRow row;
            for (auto cell = cells.begin(); cell != cells.end(); ++cell) {
                const Field *column = field.column(cell.key());
                const QString cellPlace = rowPlace + u'.' + cell.key();
                if (!column) {
                    return invalid(source, tr("%1: unknown column").arg(cellPlace));
                }
                auto value =
                    Values::fromJson(*column, resolveRelative(cell.value(), options), cellPlace);
                if (!value) {
                    return invalid(source, value.error().message);
                }
                if (!Values::isEmpty(value.value())) {
                    row.cells.insert(column->id, value.value());
                }
            }
            rows.append(row);
        }
        if (!rows.isEmpty()) {
            content.lists.insert(field.id, rows);
        }
        return {};
    };

    const QJsonObject values = valuesValue.toObject();
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QString place = QStringLiteral("values.") + it.key();
        const Field *field = definition.field(it.key());
        if (!field || definition.field(it.key())->id.contains(u'.')) {
            return invalid(source, tr("%1: unknown field").arg(place));
        }
        if (field->type == FieldType::Group) {
            if (!it.value().isObject()) {
                return invalid(source, tr("%1: expected an object of parts").arg(place));
            }
            const QJsonObject parts = it.value().toObject();
            for (auto part = parts.begin(); part != parts.end(); ++part) {
                const Field *partField = definition.field(field->id + u'.' + part.key());
                if (!partField) {
                    return invalid(source, tr("%1.%2: unknown part").arg(place, part.key()));
                }
                if (auto read = readField(*partField, part.value(), place + u'.' + part.key());
                    !read) {
                    return read.error();
                }
            }
        } else if (auto read = readField(*field, it.value(), place); !read) {
            return read.error();
        }
    }
    return content;
}

Result<void> exportFile(const Workbook &workbook, const QString &path)
{
    const QString name = QStringLiteral("\u201c%1\u201d").arg(QFileInfo(path).fileName());
    if (QFileInfo(path).isSymLink()) {
        return Error{ErrorCode::Exists,
                     tr("Rallybook will not write %1: it is a symbolic link.").arg(name),
                     path};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{ErrorCode::Io,
                     tr("Rallybook cannot write %1: %2.").arg(name, file.errorString()),
                     path};
    }
    const QByteArray json = toJson(workbook.definition(), workbook.content());
    if (file.write(json) != json.size() || !file.commit()) {
        return Error{ErrorCode::Io,
                     tr("Rallybook could not finish writing %1: %2. No partial file was left.")
                         .arg(name, file.errorString()),
                     path};
    }
    return {};
}

Result<std::unique_ptr<Workbook>> importFile(const QString &jsonPath,
                                             const QString &workbookPath,
                                             const Definition &definition,
                                             bool replace)
{
    const QString name = QStringLiteral("\u201c%1\u201d").arg(QFileInfo(jsonPath).fileName());
    QFile file(jsonPath);
    if (!QFileInfo(jsonPath).isFile()) {
        return Error{ErrorCode::NotFound,
                     tr("%1 cannot be imported: there is no such file.").arg(name),
                     jsonPath};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{
            ErrorCode::Io, tr("%1 cannot be read: %2.").arg(name, file.errorString()), jsonPath};
    }
    if (file.size() > kMaxFileSize) {
        return invalid(name, tr("the file is larger than 32 MiB"));
    }
    auto content = fromJson(definition, file.readAll(), name);
    if (!content) {
        return content.error();
    }
    if (content->name.isEmpty()) {
        content->name = QFileInfo(workbookPath).completeBaseName();
    }
    return Workbook::create(workbookPath, definition, content.value(), replace);
}

Result<WorkbookContent> demoContent(const Definition &definition, QDate today)
{
    QFile file(QStringLiteral(":/demo/shipwrights.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::Internal,
                     tr("The demo workbook is missing from this build."),
                     file.fileName()};
    }
    return fromJson(
        definition, file.readAll(), QStringLiteral("shipwrights.json"), ImportOptions{today});
}

} // namespace Rallybook::Core::WorkbookJson
