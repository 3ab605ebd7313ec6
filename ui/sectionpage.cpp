// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sectionpage.h"

#include "core/value.h"
#include "ui/fieldeditors.h"
#include "ui/theme.h"

#include <QFrame>
#include <QLabel>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Rallybook {

namespace {

QLabel *textLabel(const QString &text, QWidget *parent, qreal scale = 1.0, int weight = -1)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    if (scale != 1.0) {
        font.setPointSizeF(font.pointSizeF() * scale);
    }
    if (weight >= 0) {
        font.setWeight(QFont::Weight(weight));
    }
    label->setFont(font);
    return label;
}

void mute(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Style::mutedText());
    label->setPalette(palette);
}

} // namespace

QString exampleText(const Core::Field &field, const Core::WorkbookContent &example)
{
    switch (field.type) {
    case Core::FieldType::Group: {
        QStringList lines;
        for (const Core::Field &part : field.parts) {
            const QString text = exampleText(part, example);
            if (!text.isEmpty()) {
                lines.append(part.label + QStringLiteral(": ") + text);
            }
        }
        return lines.join(u'\n');
    }
    case Core::FieldType::List: {
        QStringList lines;
        for (const Core::ListRow &row : example.lists.value(field.id)) {
            QStringList cells;
            for (const Core::Field &column : field.columns) {
                const QString text = Core::Values::display(column, row.cells.value(column.id));
                if (!text.isEmpty()) {
                    cells.append(column.type == Core::FieldType::Flag ? column.label : text);
                }
            }
            lines.append(QStringLiteral("\u2022 ") + cells.join(QStringLiteral(" \u2014 ")));
        }
        return lines.join(u'\n');
    }
    default:
        return Core::Values::display(field, example.values.value(field.id));
    }
}

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
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // A centred reading column on wide windows, the full width on narrow ones.
    auto *canvas = new QWidget;
    auto *outer = new QHBoxLayout(canvas);
    outer->setContentsMargins(
        Style::kGrid * 4, Style::kGrid * 3, Style::kGrid * 4, Style::kGrid * 6);
    auto *column = new QWidget(canvas);
    column->setMaximumWidth(Style::readingWidth() + Style::kGrid * 8);
    outer->addStretch(1);
    outer->addWidget(column, 100);
    outer->addStretch(1);

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Style::kGrid * 3);

    auto *header = new QVBoxLayout;
    header->setSpacing(Style::kGrid);
    QLabel *part = textLabel(
        tr("Part %1 of %2").arg(number).arg(count).toUpper(), column, 0.85, QFont::DemiBold);
    QPalette accent = part->palette();
    accent.setColor(QPalette::WindowText, Style::accent());
    part->setPalette(accent);
    header->addWidget(part);
    QLabel *title = textLabel(section.title, column, 1.9, QFont::Bold);
    title->setObjectName(QStringLiteral("sectionTitle"));
    header->addWidget(title);
    if (!section.purpose.isEmpty()) {
        QLabel *purpose = textLabel(section.purpose, column, 1.08);
        mute(purpose);
        header->addWidget(purpose);
    }
    layout->addLayout(header);

    auto *rule = new QFrame(column);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);

    for (const Core::Field &field : section.fields) {
        layout->addWidget(makeFieldBox(field, example));
    }
    layout->addStretch();
    setWidget(canvas);
}

QWidget *SectionPage::makeFieldBox(const Core::Field &field, const Core::WorkbookContent &example)
{
    auto *box = new QWidget;
    box->setObjectName(QStringLiteral("field-") + field.id);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *top = new QHBoxLayout;
    // A label with a buddy reads '&' as a mnemonic: double it to show it.
    QLabel *label = textLabel(
        QString(field.label).replace(u'&', QStringLiteral("&&")), box, 1.12, QFont::DemiBold);
    top->addWidget(label, 1);
    const QString exampleAnswer = exampleText(field, example);
    QToolButton *showExample = nullptr;
    if (!exampleAnswer.isEmpty()) {
        showExample = new QToolButton(box);
        showExample->setText(tr("Show example"));
        showExample->setCheckable(true);
        showExample->setAutoRaise(true);
        showExample->setObjectName(QStringLiteral("example-") + field.id);
        showExample->setAccessibleName(tr("Show the example answer for %1").arg(field.label));
        top->addWidget(showExample, 0, Qt::AlignTop);
    }
    layout->addLayout(top);
    if (!field.question.isEmpty()) {
        layout->addWidget(textLabel(field.question, box));
    }
    if (!field.hint.isEmpty()) {
        QLabel *hint = textLabel(field.hint, box, 0.92);
        hint->setObjectName(QStringLiteral("hint"));
        mute(hint);
        layout->addWidget(hint);
    }
    if (showExample) {
        auto *frame = new QFrame(box);
        frame->setObjectName(QStringLiteral("exampleFrame"));
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setAutoFillBackground(true);
        QPalette tinted = frame->palette();
        tinted.setColor(QPalette::Window, tinted.color(QPalette::AlternateBase));
        frame->setPalette(tinted);
        auto *frameLayout = new QVBoxLayout(frame);
        frameLayout->setContentsMargins(
            Style::kGrid * 1.5, Style::kGrid, Style::kGrid * 1.5, Style::kGrid);
        QLabel *caption = textLabel(tr("Shipwrights example"), frame, 0.85, QFont::DemiBold);
        mute(caption);
        frameLayout->addWidget(caption);
        frameLayout->addWidget(textLabel(exampleAnswer, frame));
        frame->setVisible(false);
        layout->addWidget(frame);
        connect(showExample, &QToolButton::toggled, this, [showExample, frame](bool on) {
            frame->setVisible(on);
            showExample->setText(on ? tr("Hide example") : tr("Show example"));
        });
    }
    layout->addSpacing(4);
    FieldEditor *editor = FieldEditor::create(m_document, field, box);
    label->setBuddy(editor->focusTarget());
    layout->addWidget(editor);
    m_editors.insert(field.id, editor);
    m_boxes.insert(field.id, box);
    return box;
}

FieldEditor *SectionPage::editorFor(const QString &fieldId) const
{
    const QString top = fieldId.section(u'.', 0, 0);
    FieldEditor *editor = m_editors.value(top);
    return editor ? editor->editorFor(fieldId) : nullptr;
}

void SectionPage::showLocation(const FieldLocation &where, int start, int length)
{
    const QString top = where.fieldId.section(u'.', 0, 0);
    QWidget *box = m_boxes.value(top);
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

} // namespace Rallybook
