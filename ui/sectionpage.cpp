// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sectionpage.h"

#include "core/value.h"
#include "ui/fieldbox.h"
#include "ui/fieldeditors.h"
#include "ui/findingview.h"
#include "ui/style.h"

#include <QFrame>
#include <QLabel>
#include <QPointer>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Rallybook {

SectionPage::SectionPage(WorkbookDocument *document,
                         const Core::Section &section,
                         int number,
                         int count,
                         const Core::WorkbookContent &example,
                         QWidget *parent)
    : QScrollArea(parent)
    , m_document(document)
    , m_section(section)
{
    setObjectName(QStringLiteral("page-") + section.id);
    // A centred reading column on wide windows, the full width on narrow ones.
    QVBoxLayout *layout = Style::makeReadingPage(this, Style::kGrid * 6, Style::kGrid * 8);
    QWidget *column = layout->parentWidget();
    layout->setSpacing(Style::kGrid * 3);

    auto *header = new QVBoxLayout;
    header->setSpacing(Style::kGrid);
    QLabel *part = Style::kicker(tr("Part %1 of %2").arg(number).arg(count), column);
    header->addWidget(part);
    QLabel *title = Style::textLabel(section.title, column, 1.9, QFont::Bold);
    title->setObjectName(QStringLiteral("sectionTitle"));
    header->addWidget(title);
    if (!section.purpose.isEmpty()) {
        QLabel *purpose = Style::textLabel(section.purpose, column, 1.08);
        Style::mute(purpose);
        header->addWidget(purpose);
    }
    layout->addLayout(header);

    auto *rule = new QFrame(column);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);

    // Findings about the section as a whole (no one field to stand next to).
    m_sectionFindings = new FindingList(column);
    m_sectionFindings->setObjectName(QStringLiteral("sectionFindings"));
    layout->addWidget(m_sectionFindings);

    for (const Core::Field &field : section.fields) {
        auto *box = new FieldBox(document, field, example, column);
        m_boxes.insert(field.id, box);
        layout->addWidget(box);
    }
    layout->addStretch();
    showSectionFindings();
    connect(document, &WorkbookDocument::readinessChanged, this, &SectionPage::showSectionFindings);
}

void SectionPage::showSectionFindings()
{
    QList<Core::Finding> general;
    for (const Core::Finding &finding : m_document->readiness().findingsIn(m_section.id)) {
        if (finding.fields.isEmpty()) {
            general.append(finding);
        }
    }
    m_sectionFindings->setFindings(general);
}

FieldEditor *SectionPage::editorFor(const QString &fieldId) const
{
    FieldBox *box = m_boxes.value(fieldId.section(u'.', 0, 0));
    return box ? box->editor()->editorFor(fieldId) : nullptr;
}

void SectionPage::showLocation(const FieldLocation &where, int start, int length)
{
    QWidget *box = m_boxes.value(where.fieldId.section(u'.', 0, 0));
    FieldEditor *editor = editorFor(where.fieldId);
    if (!box || !editor) {
        return;
    }
    editor->focusLocation(where, start, length);
    // Bring the whole field box into view once layouts have settled.
    QTimer::singleShot(0, this, [this, box, editor] {
        ensureWidgetVisible(box, 0, Style::kGrid * 3);
        if (QWidget *focused = editor->focusTarget(); focused && focused->hasFocus()) {
            ensureWidgetVisible(focused, 0, Style::kGrid * 3);
        }
    });
}

FieldEditor *SectionPage::showMatch(const FieldLocation &where, int start, int length)
{
    QWidget *box = m_boxes.value(where.fieldId.section(u'.', 0, 0));
    FieldEditor *editor = editorFor(where.fieldId);
    if (!box || !editor) {
        return nullptr;
    }
    const QRect marked = editor->showMatch(where, start, length);
    // Bring the field into view, then the match itself (a long text may be taller than the
    // page), once layouts have settled.
    QTimer::singleShot(0, this, [this, box, editor = QPointer<FieldEditor>(editor), marked] {
        ensureWidgetVisible(box, 0, Style::kGrid * 3);
        if (editor) {
            const QPoint centre = editor->mapTo(widget(), marked.center());
            ensureVisible(centre.x(), centre.y(), 0, marked.height() / 2 + Style::kGrid * 3);
        }
    });
    return editor;
}

} // namespace Rallybook
