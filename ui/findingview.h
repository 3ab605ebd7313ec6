// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/checks.h"

#include <QIcon>
#include <QWidget>

class QVBoxLayout;

namespace Rallybook {

/** The mark of a severity: never colour alone, always this shape and a word (BRAND.md). */
QIcon severityIcon(Core::Severity severity);

/**
 * One finding as a user reads it: the severity's mark and word, the message, and why it matters.
 * With a "Go to" button when `withGoTo` (the Readiness page); it emits goTo() with the field.
 */
class FindingView : public QWidget
{
    Q_OBJECT

public:
    FindingView(const Core::Finding &finding, bool withGoTo, QWidget *parent = nullptr);
    const Core::Finding &finding() const { return m_finding; }

signals:
    void goTo(const QString &fieldId);

private:
    Core::Finding m_finding;
};

/** The findings of one field, stacked under its editor; hidden when there are none. */
class FindingList : public QWidget
{
    Q_OBJECT

public:
    explicit FindingList(QWidget *parent = nullptr);
    void setFindings(const QList<Core::Finding> &findings);
    int count() const { return int(m_shown.size()); }

private:
    QVBoxLayout *m_layout;
    QList<Core::Finding> m_shown;
};

} // namespace Rallybook
