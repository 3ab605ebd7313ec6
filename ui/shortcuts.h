// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QList>

namespace Rallybook::Shortcuts {

/**
 * The platform's bindings for a standard key, or `fallback` where the platform has none.
 * Standard keys come from the platform theme, and a desktop without one (a bare X11 session,
 * the offscreen platform) leaves some empty: QKeySequence::SaveAs and QKeySequence::Quit have no
 * binding there, so a documented Ctrl+Shift+S would do nothing. Every standard key in the
 * window is set through this, with the key README documents as the fallback.
 */
QList<QKeySequence> standard(QKeySequence::StandardKey key, const QKeySequence &fallback);

} // namespace Rallybook::Shortcuts
