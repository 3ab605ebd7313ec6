// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/readinesspage.h"

#include "ui/findingview.h"
#include "ui/style.h"
#include "ui/workbookdocument.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Rallybook {

ReadinessPage::ReadinessPage(WorkbookDocument *document, QWidget *parent)
    : QScrollArea(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("page-readiness"));
    QVBoxLayout *layout = Style::makeReadingPage(this, Style::kGrid * 6, Style::kGrid * 8);
    QWidget *column = layout->parentWidget();
    layout->addWidget(Style::kicker(tr("How ready is the plan"), column));
    layout->addWidget(Style::textLabel(tr("Readiness"), column, 1.9, QFont::Bold));
    m_score = Style::textLabel(QString(), column, 2.6, QFont::Bold);
    m_score->setObjectName(QStringLiteral("readinessScore"));
    layout->addWidget(m_score);
    m_summary = Style::textLabel(QString(), column, 1.08);
    m_summary->setObjectName(QStringLiteral("readinessSummary"));
    layout->addWidget(m_summary);
    layout->addWidget(Style::mute(Style::textLabel(
        tr("Each section starts at 100. An error takes 40 points, a warning 15 and a tip 5; the "
           "result is then scaled by how much of the section is filled. The plan's score is the "
           "mean of its sections. Errors must be fixed before a section counts as complete."),
        column,
        0.92)));
    auto *rule = new QFrame(column);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);

    m_list = new QWidget(column);
    m_listLayout = new QVBoxLayout(m_list);
    m_listLayout->setContentsMargins(0, 0, 0, 0);
    m_listLayout->setSpacing(Style::kGrid * 3);
    layout->addWidget(m_list);
    layout->addStretch();

    rebuild();
    connect(document, &WorkbookDocument::readinessChanged, this, &ReadinessPage::rebuild);
}

void ReadinessPage::rebuild()
{
    const Core::Readiness &readiness = m_document->readiness();
    m_score->setText(tr("%1 / 100").arg(readiness.score));
    const int errors = readiness.count(Core::Severity::Error);
    const int warnings = readiness.count(Core::Severity::Warning);
    const int tips = readiness.count(Core::Severity::Tip);
    m_summary->setText(
        readiness.findings.isEmpty()
            ? tr("No open findings. Every check passes.")
            : tr("Open: %1, %2, %3.")
                  .arg(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors),
                       warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings),
                       tips == 1 ? tr("1 tip") : tr("%1 tips").arg(tips)));

    while (QLayoutItem *item = m_listLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const Core::Definition &definition = m_document->definition();
    for (const Core::Section &section : definition.sections()) {
        auto *group = new QWidget(m_list);
        group->setObjectName(QStringLiteral("readiness-") + section.id);
        auto *groupLayout = new QVBoxLayout(group);
        groupLayout->setContentsMargins(0, 0, 0, 0);
        groupLayout->setSpacing(Style::kGrid);
        const Core::SectionReadiness *score = readiness.section(section.id);
        auto *heading = new QHBoxLayout;
        heading->addWidget(Style::textLabel(section.title, group, 1.2, QFont::DemiBold), 1);
        if (score) {
            QLabel *value =
                Style::textLabel(tr("%1 / 100").arg(score->score), group, 1.2, QFont::DemiBold);
            value->setObjectName(QStringLiteral("sectionScore"));
            heading->addWidget(value, 0, Qt::AlignRight);
        }
        groupLayout->addLayout(heading);
        if (score) {
            groupLayout->addWidget(Style::mute(Style::textLabel(
                tr("%1 of %2 answers filled").arg(score->filledFields).arg(score->totalFields),
                group,
                0.92)));
        }
        const QList<Core::Finding> findings = readiness.findingsIn(section.id);
        if (findings.isEmpty()) {
            groupLayout->addWidget(Style::textLabel(tr("No open findings."), group));
        }
        for (const Core::Finding &finding : findings) {
            auto *view = new FindingView(finding, true, group);
            connect(view, &FindingView::goTo, this, &ReadinessPage::goToField);
            groupLayout->addWidget(view);
        }
        m_listLayout->addWidget(group);
    }
}

} // namespace Rallybook
