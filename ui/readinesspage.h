// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QScrollArea>

class QLabel;
class QVBoxLayout;

namespace Rallybook {

class WorkbookDocument;

/**
 * Every open finding of the readiness checks, grouped by section: the message, why it matters,
 * and a button that goes to the field concerned. Follows the workbook as it changes.
 */
class ReadinessPage : public QScrollArea
{
    Q_OBJECT

public:
    explicit ReadinessPage(WorkbookDocument *document, QWidget *parent = nullptr);

signals:
    void goToField(const QString &fieldId);

private:
    void rebuild();

    WorkbookDocument *m_document;
    QLabel *m_score = nullptr;
    QLabel *m_summary = nullptr;
    QWidget *m_list = nullptr;
    QVBoxLayout *m_listLayout = nullptr;
};

} // namespace Rallybook
