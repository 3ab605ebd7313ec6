// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Rallybook::Core {

class Workbook;

/**
 * A named choice of what goes into the plan for one kind of reader: section ids, in any order
 * (the plan always follows the definition's order), plus kReadinessId for the readiness appendix.
 */
struct ExportProfile
{
    QString name;
    QStringList sections;
    bool builtIn = false;

    bool includes(const QString &sectionId) const { return sections.contains(sectionId); }
    bool operator==(const ExportProfile &other) const = default;

    Q_DECLARE_TR_FUNCTIONS(Rallybook::Core::ExportProfile)
};

/**
 * Export profiles: the built-in ones the definition ships ("exportProfiles"), which always exist,
 * plus custom ones saved in the workbook as a JSON string under the setting kSettingKey:
 * `[{"name": ..., "sections": [ids]}]`.
 */
namespace ExportProfiles {

inline constexpr char kSettingKey[] = "exportProfiles";
/** The id that stands for the readiness appendix in ExportProfile::sections. */
inline constexpr char kReadinessId[] = "readiness";

/**
 * The definition's export profiles ("Full plan", "Manifesto and cause only", "Offer only" in
 * the movement framework); a definition without any gets one "Full plan": every section and
 * the appendix.
 */
QList<ExportProfile> builtIn(const Definition &definition);
/**
 * Reads saved profiles from the setting's JSON text. Never fails: a malformed text gives no
 * profiles, unknown section ids are dropped, and entries without a name, without a section or
 * named like a built-in profile are skipped (the built-in one wins).
 */
QList<ExportProfile> parse(const Definition &definition, const QString &json);
QString toJson(const QList<ExportProfile> &custom);
/** The built-in profiles followed by the workbook's saved ones. */
QList<ExportProfile> all(const Workbook &workbook);
/** Finds a profile by name, ignoring case. */
std::optional<ExportProfile> find(const QList<ExportProfile> &profiles, const QString &name);
/**
 * Saves the custom profiles in the workbook (replacing those saved before). Refuses names that
 * are empty, repeated or taken by a built-in profile, and unknown section ids.
 */
Result<void> save(Workbook &workbook, const QList<ExportProfile> &custom);

} // namespace ExportProfiles

} // namespace Rallybook::Core
