// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"

#include <QColor>
#include <QString>

/** The look of everything Rallybook renders (BRAND.md): one source for app, PDF and wallpapers. */
namespace Rallybook::Render::Brand {

/** The banner red on light backgrounds; coral on dark ones. */
QColor accent(bool darkBackground);
/** The colour of a severity: error red, warning amber, tip blue. Never used alone. */
QColor severityColor(Core::Severity severity);
/** The word shown beside every severity colour. */
QString severityWord(Core::Severity severity);

/** Typefaces of printed output: Noto Serif for headings and the manifesto, Noto Sans for body. */
QString headingFamily();
QString bodyFamily();

} // namespace Rallybook::Render::Brand
