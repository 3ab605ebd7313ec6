// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/planchoices.h"

#include "core/exportprofiles.h"
#include "core/render/wallpaper.h"

#include <QStringList>

namespace Rallybook::Render {

Core::Result<PlanOptions> PlanChoices::options(const Core::Workbook &workbook,
                                               const Core::Readiness &readiness,
                                               QDate date) const
{
    const QList<Core::ExportProfile> profiles = Core::ExportProfiles::all(workbook);
    std::optional<Core::ExportProfile> chosen = profiles.value(0);
    if (!profile.isEmpty()) {
        chosen = Core::ExportProfiles::find(profiles, profile);
    }
    if (!chosen) {
        QStringList names;
        for (const Core::ExportProfile &p : profiles) {
            names.append(QStringLiteral("\u201c%1\u201d").arg(p.name));
        }
        return Core::Error{
            Core::ErrorCode::NotFound,
            tr("there is no export profile called \u201c%1\u201d; the profiles are %2")
                .arg(profile, names.join(QStringLiteral(", "))),
            profile};
    }
    PlanOptions options;
    options.theme = theme;
    options.accent = accent;
    if (pageSize) {
        options.pageSize = *pageSize;
    }
    options.sections = chosen->sections;
    options.profileName = chosen->name;
    options.date = date;
    options.readiness = readinessFromChecks(readiness);
    // The cover shows the mini-manifesto wallpaper as the studio designs it.
    options.wallpaper = Wallpaper::ofWorkbook(workbook);
    return options;
}

} // namespace Rallybook::Render
