// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fieldbox.h"

#include "core/value.h"
#include "ui/fieldeditors.h"
#include "ui/findingview.h"
#include "ui/style.h"
#include "ui/workbookdocument.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace Rallybook {

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

FieldBox::FieldBox(WorkbookDocument *document,
                   const Core::Field &field,
                   const Core::WorkbookContent &example,
                   QWidget *parent)
    : QWidget(parent)
    , m_field(field)
{
    setObjectName(QStringLiteral("field-") + field.id);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *top = new QHBoxLayout;
    // A label with a buddy reads '&' as a mnemonic: double it to show it.
    QLabel *label = Style::textLabel(
        QString(field.label).replace(u'&', QStringLiteral("&&")), this, 1.12, QFont::DemiBold);
    top->addWidget(label, 1);
    const QString exampleAnswer = exampleText(field, example);
    QToolButton *showExample = nullptr;
    if (!exampleAnswer.isEmpty()) {
        showExample = new QToolButton(this);
        showExample->setText(tr("Show example"));
        showExample->setCheckable(true);
        showExample->setAutoRaise(true);
        showExample->setObjectName(QStringLiteral("example-") + field.id);
        showExample->setAccessibleName(tr("Show the example answer for %1").arg(field.label));
        top->addWidget(showExample, 0, Qt::AlignTop);
    }
    layout->addLayout(top);
    if (!field.question.isEmpty()) {
        layout->addWidget(Style::textLabel(field.question, this));
    }
    if (!field.hint.isEmpty()) {
        QLabel *hint = Style::textLabel(field.hint, this, 0.92);
        hint->setObjectName(QStringLiteral("hint"));
        Style::mute(hint);
        layout->addWidget(hint);
    }
    if (showExample) {
        auto *frame = new QFrame(this);
        frame->setObjectName(QStringLiteral("exampleFrame"));
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setAutoFillBackground(true);
        QPalette tinted = frame->palette();
        tinted.setColor(QPalette::Window, tinted.color(QPalette::AlternateBase));
        frame->setPalette(tinted);
        auto *frameLayout = new QVBoxLayout(frame);
        frameLayout->setContentsMargins(
            Style::kGrid * 3 / 2, Style::kGrid, Style::kGrid * 3 / 2, Style::kGrid);
        QLabel *caption = Style::textLabel(tr("Shipwrights example"), frame, 0.85, QFont::DemiBold);
        Style::mute(caption);
        frameLayout->addWidget(caption);
        QLabel *answer = Style::textLabel(exampleAnswer, frame);
        answer->setObjectName(QStringLiteral("exampleText"));
        frameLayout->addWidget(answer);
        frame->setVisible(false);
        layout->addWidget(frame);
        connect(showExample, &QToolButton::toggled, this, [showExample, frame](bool on) {
            frame->setVisible(on);
            showExample->setText(on ? tr("Hide example") : tr("Show example"));
        });
    }
    layout->addSpacing(4);
    m_editor = FieldEditor::create(document, field, this);
    label->setBuddy(m_editor->focusTarget());
    layout->addWidget(m_editor);
    m_findings = new FindingList(this);
    m_findings->setObjectName(QStringLiteral("findings-") + field.id);
    layout->addWidget(m_findings);

    showFindings(document->readiness());
    connect(document, &WorkbookDocument::readinessChanged, this, [this, document] {
        showFindings(document->readiness());
    });
}

void FieldBox::showFindings(const Core::Readiness &readiness)
{
    // Each finding stands next to the first field it names (where "Go to field" jumps), so a
    // rule about two fields is shown once.
    QList<Core::Finding> mine;
    const QString prefix = m_field.id + u'.';
    for (const Core::Finding &finding : readiness.findings) {
        const QString primary = finding.fields.value(0);
        if (primary == m_field.id || primary.startsWith(prefix)) {
            mine.append(finding);
        }
    }
    m_findings->setFindings(mine);
}

} // namespace Rallybook
