// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/exportprofiles.h"

#include "core/workbook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Rallybook::Core::ExportProfiles {

namespace {

bool knownSection(const Definition &definition, const QString &id)
{
    return id == QLatin1String(kReadinessId) || definition.section(id) != nullptr;
}

bool isBuiltInName(const Definition &definition, const QString &name)
{
    return find(builtIn(definition), name).has_value();
}

} // namespace

QList<ExportProfile> builtIn(const Definition &definition)
{
    QList<ExportProfile> profiles;
    for (const BuiltInProfile &profile : definition.profiles()) {
        profiles.append(ExportProfile{profile.name, profile.sections, true});
    }
    if (profiles.isEmpty()) {
        // A definition that ships no profile still has one: everything.
        QStringList all;
        for (const Section &section : definition.sections()) {
            all.append(section.id);
        }
        all.append(QLatin1String(kReadinessId));
        profiles.append(ExportProfile{ExportProfile::tr("Full plan"), all, true});
    }
    return profiles;
}

QList<ExportProfile> parse(const Definition &definition, const QString &json)
{
    QList<ExportProfile> profiles;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isArray()) {
        return profiles;
    }
    QSet<QString> names;
    for (const QJsonValue &entry : document.array()) {
        const QJsonObject object = entry.toObject();
        ExportProfile profile;
        profile.name = object.value(QLatin1String("name")).toString().simplified();
        for (const QJsonValue &id : object.value(QLatin1String("sections")).toArray()) {
            const QString sectionId = id.toString();
            if (knownSection(definition, sectionId) && !profile.sections.contains(sectionId)) {
                profile.sections.append(sectionId);
            }
        }
        const QString key = profile.name.toCaseFolded();
        if (profile.name.isEmpty() || profile.sections.isEmpty() || names.contains(key)
            || isBuiltInName(definition, profile.name)) {
            continue;
        }
        names.insert(key);
        profiles.append(profile);
    }
    return profiles;
}

QString toJson(const QList<ExportProfile> &custom)
{
    QJsonArray array;
    for (const ExportProfile &profile : custom) {
        array.append(QJsonObject{
            {QStringLiteral("name"), profile.name},
            {QStringLiteral("sections"), QJsonArray::fromStringList(profile.sections)}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ExportProfile> all(const Workbook &workbook)
{
    QList<ExportProfile> profiles = builtIn(workbook.definition());
    profiles +=
        parse(workbook.definition(), workbook.setting(QLatin1String(kSettingKey)).toString());
    return profiles;
}

std::optional<ExportProfile> find(const QList<ExportProfile> &profiles, const QString &name)
{
    const QString wanted = name.simplified();
    for (const ExportProfile &profile : profiles) {
        if (profile.name.compare(wanted, Qt::CaseInsensitive) == 0) {
            return profile;
        }
    }
    return std::nullopt;
}

Result<void> save(Workbook &workbook, const QList<ExportProfile> &custom)
{
    const Definition &definition = workbook.definition();
    QSet<QString> names;
    for (const ExportProfile &profile : custom) {
        const QString name = profile.name.simplified();
        if (name.isEmpty()) {
            return Error{
                ErrorCode::InvalidValue, ExportProfile::tr("An export profile needs a name."), {}};
        }
        if (isBuiltInName(definition, name) || names.contains(name.toCaseFolded())) {
            return Error{
                ErrorCode::InvalidValue,
                ExportProfile::tr("There is already an export profile called \u201c%1\u201d.")
                    .arg(name),
                {}};
        }
        names.insert(name.toCaseFolded());
        if (profile.sections.isEmpty()) {
            return Error{
                ErrorCode::InvalidValue,
                ExportProfile::tr("The export profile \u201c%1\u201d has no section.").arg(name),
                {}};
        }
        for (const QString &id : profile.sections) {
            if (!knownSection(definition, id)) {
                return Error{ErrorCode::UnknownField,
                             ExportProfile::tr("The export profile \u201c%1\u201d names an unknown "
                                               "section \u201c%2\u201d.")
                                 .arg(name, id),
                             id};
            }
        }
    }
    QList<ExportProfile> cleaned = custom;
    for (ExportProfile &profile : cleaned) {
        profile.name = profile.name.simplified();
    }
    return workbook.setSetting(QLatin1String(kSettingKey), toJson(cleaned));
}

} // namespace Rallybook::Core::ExportProfiles
