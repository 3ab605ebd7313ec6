// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/checks.h"
#include "core/render/plancontent.h"
#include "core/result.h"
#include "core/workbook.h"

#include <QColor>
#include <QCoreApplication>
#include <QDate>
#include <QPageSize>
#include <QString>

#include <optional>

namespace Rallybook::Render {

/**
 * What a reader of the plan chooses: the export profile, the theme, the accent colour and the
 * page size, as the command line (--profile, --plan-theme, --accent, --page-size) and the Export
 * Plan dialog ask for them. options() turns them into the PlanOptions of one workbook: the one
 * place where plan options are assembled, for both.
 */
class PlanChoices
{
    Q_DECLARE_TR_FUNCTIONS(PlanChoices)

public:
    /** A profile's name, matched without regard to case; empty: the first ("Full plan"). */
    QString profile;
    PlanTheme theme = PlanTheme::Classic;
    /** The accent colour; invalid: the brand's banner red. */
    QColor accent;
    /** The page size; none: the locale's (defaultPageSize()). */
    std::optional<QPageSize> pageSize;

    /**
     * The plan options for `workbook`: the profile's sections and name (an unknown profile is
     * refused with a message that lists the profiles there are), the look chosen, the appendix
     * from `readiness`, the studio's wallpaper for the cover, and `date` on the cover.
     */
    Core::Result<PlanOptions>
    options(const Core::Workbook &workbook, const Core::Readiness &readiness, QDate date) const;
};

} // namespace Rallybook::Render
