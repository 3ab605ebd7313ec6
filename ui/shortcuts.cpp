// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shortcuts.h"

namespace Rallybook::Shortcuts {

QList<QKeySequence> standard(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> bindings = QKeySequence::keyBindings(key);
    bindings.removeIf([](const QKeySequence &sequence) {
        return sequence.isEmpty();
    });
    if (bindings.isEmpty()) {
        bindings.append(fallback);
    }
    return bindings;
}

} // namespace Rallybook::Shortcuts
