// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/checks.h"
#include "core/definition.h"
#include "core/workbook.h"

#include <QWidget>

namespace Rallybook {

class FieldEditor;
class FindingList;
class WorkbookDocument;

/**
 * One field as every view shows it (editor pages and the wizard): its label, guiding question
 * and hint, "Show example" with the Shipwrights answer, the editor, and the readiness findings
 * that concern it, updated as the workbook changes.
 */
class FieldBox : public QWidget
{
    Q_OBJECT

public:
    FieldBox(WorkbookDocument *document,
             const Core::Field &field,
             const Core::WorkbookContent &example,
             QWidget *parent = nullptr);

    const Core::Field &field() const { return m_field; }
    FieldEditor *editor() const { return m_editor; }
    /** Shows the findings for this field (and its parts) in `readiness`. */
    void showFindings(const Core::Readiness &readiness);

private:
    Core::Field m_field;
    FieldEditor *m_editor = nullptr;
    FindingList *m_findings = nullptr;
};

/** The example answer of a field, as plain text (lists one row a line). */
QString exampleText(const Core::Field &field, const Core::WorkbookContent &example);

} // namespace Rallybook
