// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/workbook.h"
#include "ui/workbookdocument.h"

#include <QHash>
#include <QScrollArea>

namespace Rallybook {

class FieldBox;
class FieldEditor;
class FindingList;

/**
 * The page of one section, generated from the framework definition: the section's purpose, then
 * every field with its label, guiding question, hint, editor, and on request the example answer
 * from the Shipwrights demo.
 */
class SectionPage : public QScrollArea
{
    Q_OBJECT

public:
    SectionPage(WorkbookDocument *document,
                const Core::Section &section,
                int number,
                int count,
                const Core::WorkbookContent &example,
                QWidget *parent = nullptr);

    const Core::Section &section() const { return m_section; }
    /** Scrolls to a field (or part, or list cell), focuses it and selects the given text. */
    void showLocation(const FieldLocation &where, int start = -1, int length = 0);
    /**
     * Scrolls to a find match and marks it (FieldEditor::showMatch) without taking the keyboard.
     * Returns the editor that holds the mark, or nullptr.
     */
    FieldEditor *showMatch(const FieldLocation &where, int start, int length);
    /** The editor of a field or part on this page, or nullptr. */
    FieldEditor *editorFor(const QString &fieldId) const;

private:
    void showSectionFindings();

    WorkbookDocument *m_document;
    Core::Section m_section;
    QHash<QString, FieldBox *> m_boxes;
    FindingList *m_sectionFindings = nullptr;
};

} // namespace Rallybook
