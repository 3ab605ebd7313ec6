// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/wizard/planningwizard.h"

#include "ui/fieldbox.h"
#include "ui/fieldeditors.h"
#include "ui/findingview.h"
#include "ui/style.h"
#include "ui/workbookdocument.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Rallybook {

namespace {

/** A page's scrollable reading column, centred, with the given content layout. */
QScrollArea *readingPage(QWidget *parent, QVBoxLayout **content)
{
    auto *scroll = new QScrollArea(parent);
    *content = Style::makeReadingPage(scroll, Style::kGrid * 3, Style::kGrid * 4);
    return scroll;
}

/** The explanation of a page: set apart from the questions by a tint and an accent bar. */
QWidget *explanation(const QString &text, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("explanation"));
    frame->setAutoFillBackground(true);
    QPalette tinted = frame->palette();
    tinted.setColor(QPalette::Window, tinted.color(QPalette::AlternateBase));
    frame->setPalette(tinted);
    auto *layout = new QHBoxLayout(frame);
    layout->setContentsMargins(0, 0, Style::kGrid * 2, 0);
    layout->setSpacing(Style::kGrid * 2);
    auto *bar = new QFrame(frame);
    bar->setFixedWidth(4);
    bar->setAutoFillBackground(true);
    QPalette accent = bar->palette();
    accent.setColor(QPalette::Window, Style::accent());
    bar->setPalette(accent);
    layout->addWidget(bar);
    QLabel *label = Style::textLabel(text, frame, 1.05);
    label->setContentsMargins(0, Style::kGrid * 3 / 2, 0, Style::kGrid * 3 / 2);
    layout->addWidget(label, 1);
    return frame;
}

enum class Mark { None, Open, Done };

/** The rail's marks: a check for a complete section, a ring for an open one, none otherwise. */
QIcon railIcon(Mark mark)
{
    QIcon icon;
    for (const bool selected : {false, true}) {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor ink = selected ? QApplication::palette().color(QPalette::HighlightedText)
                                    : (mark == Mark::Done ? Style::accent() : Style::mutedText());
        if (mark == Mark::Done) {
            painter.setPen(QPen(ink, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.drawPolyline(QPolygonF({QPointF(3, 8.5), QPointF(6.5, 12), QPointF(13, 4.5)}));
        } else if (mark == Mark::Open) {
            painter.setPen(QPen(ink, 1.2));
            painter.drawEllipse(QRectF(3.5, 3.5, 9, 9));
        }
        painter.end();
        icon.addPixmap(pixmap, selected ? QIcon::Selected : QIcon::Normal);
    }
    return icon;
}

} // namespace

PlanningWizard::PlanningWizard(WorkbookDocument *document,
                               const Core::WorkbookContent &example,
                               QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_example(example)
{
    setObjectName(QStringLiteral("planningWizard"));
    setWindowTitle(tr("Guided Planning Wizard \u2014 %1").arg(document->workbook().name()));
    setModal(true);

    const Core::Definition &definition = document->definition();
    m_steps.append(Step{Step::Kind::Intro, {}, -1, 0, 0});
    for (int s = 0; s < definition.sections().size(); ++s) {
        const Core::Section &section = definition.sections().at(s);
        for (int p = 0; p < section.wizard.size(); ++p) {
            m_steps.append(
                Step{Step::Kind::Page, section.wizard.at(p), s, p, int(section.wizard.size())});
        }
    }
    m_steps.append(Step{Step::Kind::Summary, {}, -1, 0, 0});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *body = new QHBoxLayout;
    body->setSpacing(0);

    m_rail = new QListWidget(this);
    m_rail->setObjectName(QStringLiteral("wizardRail"));
    m_rail->setAccessibleName(tr("Wizard progress"));
    m_rail->setFrameShape(QFrame::NoFrame);
    m_rail->setFocusPolicy(Qt::NoFocus);
    m_rail->setSpacing(3);
    QPalette railPalette = m_rail->palette();
    railPalette.setColor(QPalette::Base, railPalette.color(QPalette::Window));
    m_rail->setPalette(railPalette);
    new QListWidgetItem(railIcon(Mark::None), tr("Introduction"), m_rail);
    for (const Core::Section &section : definition.sections()) {
        new QListWidgetItem(railIcon(Mark::Open), section.title, m_rail);
    }
    new QListWidgetItem(railIcon(Mark::None), tr("Summary"), m_rail);
    connect(m_rail, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int row = m_rail->row(item);
        const auto &sections = m_document->definition().sections();
        if (row == 0) {
            goToStep(0);
        } else if (row <= sections.size()) {
            startAtSection(sections.at(row - 1).id);
        } else {
            goToStep(stepCount() - 1);
        }
    });
    // The rail sits in a margin of its own, on the window colour.
    auto *railBox = new QWidget(this);
    auto *railLayout = new QVBoxLayout(railBox);
    railLayout->setContentsMargins(Style::kGrid, Style::kGrid * 3, Style::kGrid, Style::kGrid);
    railLayout->addWidget(
        Style::mute(Style::textLabel(tr("Your plan"), railBox, 0.9, QFont::DemiBold)));
    railLayout->addWidget(m_rail, 1);
    railBox->setFixedWidth(m_rail->fontMetrics().averageCharWidth() * 34);
    body->addWidget(railBox);
    auto *divider = new QFrame(this);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    body->addWidget(divider);

    m_stack = new QStackedWidget(this);
    for (int i = 0; i < m_steps.size(); ++i) {
        m_built.append(nullptr);
        m_stack->addWidget(new QWidget(m_stack));
    }
    body->addWidget(m_stack, 1);
    layout->addLayout(body, 1);

    // A write that fails while the wizard is open is said here too: the window's own bar is
    // behind the wizard.
    m_failure = Style::textLabel(QString(), this);
    m_failure->setObjectName(QStringLiteral("wizardFailure"));
    m_failure->setContentsMargins(Style::kGrid * 2, Style::kGrid, Style::kGrid * 2, Style::kGrid);
    m_failure->hide();
    layout->addWidget(m_failure);
    connect(document, &WorkbookDocument::writeFailed, this, &PlanningWizard::showWriteFailure);

    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(
        Style::kGrid * 2, Style::kGrid * 3 / 2, Style::kGrid * 2, Style::kGrid * 3 / 2);
    footer->setSpacing(Style::kGrid);
    m_stepLabel = new QLabel(this);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    footer->addWidget(m_stepLabel);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("wizardProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(Style::kGrid * 24);
    m_progress->setMaximumHeight(Style::kGrid);
    m_progress->setRange(0, int(m_steps.size()) - 1);
    footer->addWidget(m_progress);
    footer->addStretch();
    m_later = new QPushButton(tr("Finish &Later"), this);
    m_later->setObjectName(QStringLiteral("finishLater"));
    m_later->setToolTip(
        tr("Everything you typed is saved. The wizard opens here again next time."));
    m_later->setAutoDefault(false);
    m_back = new QPushButton(tr("\u2190 &Back"), this);
    m_back->setObjectName(QStringLiteral("back"));
    m_back->setAutoDefault(false);
    m_next = new QPushButton(tr("&Next \u2192"), this);
    m_next->setObjectName(QStringLiteral("next"));
    m_next->setDefault(true);
    footer->addWidget(m_later);
    footer->addSpacing(Style::kGrid * 2);
    footer->addWidget(m_back);
    footer->addWidget(m_next);
    layout->addLayout(footer);
    connect(m_later, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_back, &QPushButton::clicked, this, &PlanningWizard::back);
    connect(m_next, &QPushButton::clicked, this, &PlanningWizard::next);
    connect(document, &WorkbookDocument::readinessChanged, this, [this] {
        updateRail();
        if (m_stack->currentIndex() == stepCount() - 1) {
            refreshSummary();
        }
    });

    // As large as a 1280x800 screen allows, with room for the title bar.
    resize(1200, 740);
    showStep(0, false);
}

int PlanningWizard::stepCount() const
{
    return int(m_steps.size());
}

int PlanningWizard::currentStep() const
{
    return m_stack->currentIndex();
}

QString PlanningWizard::stepKey(int step) const
{
    const Step &s = m_steps.at(step);
    switch (s.kind) {
    case Step::Kind::Intro:
        return QStringLiteral("intro");
    case Step::Kind::Summary:
        return QStringLiteral("summary");
    case Step::Kind::Page:
        break;
    }
    return s.page.sectionId + u'/' + s.page.id;
}

QWidget *PlanningWizard::stepWidget(int step)
{
    if (m_built.at(step)) {
        return m_built.at(step);
    }
    const Step &s = m_steps.at(step);
    QWidget *built = s.kind == Step::Kind::Intro     ? buildIntro()
                     : s.kind == Step::Kind::Summary ? buildSummary()
                                                     : buildPage(s);
    built->setObjectName(QStringLiteral("step-") + stepKey(step));
    QWidget *placeholder = m_stack->widget(step);
    m_stack->insertWidget(step, built);
    m_stack->removeWidget(placeholder);
    delete placeholder;
    m_built[step] = built;
    return built;
}

QWidget *PlanningWizard::buildIntro()
{
    const Core::Definition &definition = m_document->definition();
    QVBoxLayout *layout = nullptr;
    QScrollArea *page = readingPage(m_stack, &layout);
    QWidget *column = layout->parentWidget();
    layout->addWidget(Style::kicker(tr("Guided planning wizard"), column));
    layout->addWidget(Style::textLabel(tr("Plan your movement"), column, 1.9, QFont::Bold));
    layout->addWidget(explanation(definition.introSummary(), column));

    auto *ingredients = new QHBoxLayout;
    ingredients->setSpacing(Style::kGrid * 2);
    for (const Core::Note &ingredient : definition.introIngredients()) {
        auto *card = new QFrame(column);
        card->setFrameShape(QFrame::StyledPanel);
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(
            Style::kGrid * 2, Style::kGrid * 3 / 2, Style::kGrid * 2, Style::kGrid * 3 / 2);
        cardLayout->addWidget(Style::textLabel(ingredient.title, card, 1.05, QFont::DemiBold));
        cardLayout->addWidget(Style::mute(Style::textLabel(ingredient.text, card, 0.95)));
        cardLayout->addStretch();
        ingredients->addWidget(card, 1);
    }
    layout->addLayout(ingredients);
    if (!definition.introStages().isEmpty()) {
        layout->addWidget(Style::textLabel(
            tr("From lone nut to a thousand true fans"), column, 1.1, QFont::DemiBold));
        layout->addWidget(Style::textLabel(definition.introStages(), column));
    }
    if (!definition.introDuration().isEmpty()) {
        layout->addWidget(Style::textLabel(tr("How this works"), column, 1.1, QFont::DemiBold));
        layout->addWidget(Style::textLabel(definition.introDuration(), column));
    }
    layout->addStretch();
    return page;
}

QWidget *PlanningWizard::buildPage(const Step &step)
{
    const Core::Definition &definition = m_document->definition();
    const Core::Section &section = definition.sections().at(step.sectionIndex);
    QVBoxLayout *layout = nullptr;
    QScrollArea *page = readingPage(m_stack, &layout);
    QWidget *column = layout->parentWidget();
    layout->addWidget(Style::kicker(tr("Part %1 of %2 \u00b7 %3 \u00b7 page %4 of %5")
                                        .arg(step.sectionIndex + 1)
                                        .arg(definition.sections().size())
                                        .arg(section.title)
                                        .arg(step.pageInSection + 1)
                                        .arg(step.pagesInSection),
                                    column));
    layout->addWidget(Style::textLabel(step.page.title, column, 1.7, QFont::Bold));
    layout->addWidget(explanation(step.page.text, column));
    for (const QString &fieldId : step.page.fields) {
        if (const Core::Field *field = definition.field(fieldId)) {
            layout->addSpacing(Style::kGrid / 2);
            layout->addWidget(new FieldBox(m_document, *field, m_example, column));
        }
    }
    layout->addStretch();
    return page;
}

QWidget *PlanningWizard::buildSummary()
{
    QVBoxLayout *layout = nullptr;
    QScrollArea *page = readingPage(m_stack, &layout);
    QWidget *column = layout->parentWidget();
    layout->addWidget(Style::kicker(tr("Summary"), column));
    layout->addWidget(Style::textLabel(tr("Your plan's readiness"), column, 1.9, QFont::Bold));
    m_summaryScore = Style::textLabel(QString(), column, 2.4, QFont::Bold);
    m_summaryScore->setObjectName(QStringLiteral("summaryScore"));
    layout->addWidget(m_summaryScore);
    m_summaryText = Style::textLabel(QString(), column, 1.05);
    layout->addWidget(m_summaryText);
    m_summaryList = new QWidget(column);
    auto *list = new QVBoxLayout(m_summaryList);
    list->setContentsMargins(0, 0, 0, 0);
    list->setSpacing(Style::kGrid * 3 / 2);
    layout->addWidget(m_summaryList);
    layout->addStretch();
    refreshSummary();
    return page;
}

void PlanningWizard::refreshSummary()
{
    if (!m_summaryList) {
        return;
    }
    const Core::Readiness &readiness = m_document->readiness();
    m_summaryScore->setText(tr("%1 / 100").arg(readiness.score));
    m_summaryText->setText(
        readiness.findings.isEmpty()
            ? tr("Every check passes. Your plan is in the workbook: open any part from the sidebar "
                 "to refine it, or come back to the wizard from the Plan menu.")
            : tr("These are the points still open. Each one says what is weak and why; \u201cGo to "
                 "field\u201d takes you to the answer concerned."));
    auto *list = static_cast<QVBoxLayout *>(m_summaryList->layout());
    while (QLayoutItem *item = list->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QString section;
    for (const Core::Finding &finding : readiness.findings) {
        if (finding.sectionId != section) {
            section = finding.sectionId;
            if (const Core::Section *s = m_document->definition().section(section)) {
                list->addWidget(Style::textLabel(s->title, m_summaryList, 1.05, QFont::DemiBold));
            }
        }
        auto *view = new FindingView(finding, true, m_summaryList);
        connect(view, &FindingView::goTo, this, &PlanningWizard::showField);
        list->addWidget(view);
    }
}

void PlanningWizard::goToStep(int step)
{
    showStep(step, true);
}

void PlanningWizard::showStep(int step, bool remember)
{
    step = std::clamp(step, 0, stepCount() - 1);
    m_document->flushPendingEdits();
    QWidget *widget = stepWidget(step);
    m_stack->setCurrentIndex(step);
    if (m_steps.at(step).kind == Step::Kind::Summary) {
        refreshSummary();
    }
    updateChrome();
    updateRail();
    // The first answer of a page takes the keyboard, so that typing starts at once.
    if (const auto *first = widget->findChild<FieldBox *>()) {
        if (QWidget *target = first->editor()->focusTarget()) {
            target->setFocus(Qt::TabFocusReason);
        }
    } else {
        m_next->setFocus(Qt::TabFocusReason);
    }
    // Remembered in the workbook, so that the wizard resumes here, on any computer. Where the
    // wizard was left is bookkeeping, not the user's work: it is not an undo step (Ctrl+Z in
    // the wizard must undo the last answer, not move the wizard back a page), so it bypasses
    // the history through WorkbookDocument::keepSetting(). A failure there is a failed write
    // like any other: editing stops and the wizard says why (showWriteFailure).
    if (remember && m_document->isEditable()) {
        if (auto kept = m_document->keepSetting(pageSettingKey(), stepKey(step)); !kept) {
            showWriteFailure(kept.error());
        }
    }
}

void PlanningWizard::showWriteFailure(const Core::Error &error)
{
    m_failure->setText(tr("%1 Editing has stopped so that nothing more is lost. Close the wizard "
                          "and save a copy to keep everything, including that change.")
                           .arg(error.message));
    m_failure->show();
}

void PlanningWizard::next()
{
    if (currentStep() == stepCount() - 1) {
        accept();
        return;
    }
    goToStep(currentStep() + 1);
}

void PlanningWizard::back()
{
    goToStep(currentStep() - 1);
}

void PlanningWizard::startAtSection(const QString &sectionId)
{
    for (int i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).kind == Step::Kind::Page && m_steps.at(i).page.sectionId == sectionId) {
            goToStep(i);
            return;
        }
    }
}

void PlanningWizard::resume()
{
    const QString key = m_document->workbook().setting(pageSettingKey()).toString();
    for (int i = 0; i < m_steps.size(); ++i) {
        if (stepKey(i) == key) {
            goToStep(i);
            return;
        }
    }
    goToStep(0);
}

void PlanningWizard::showField(const QString &fieldId)
{
    const QString top = fieldId.section(u'.', 0, 0);
    for (int i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).kind == Step::Kind::Page && m_steps.at(i).page.fields.contains(top)) {
            goToStep(i);
            for (FieldBox *box : m_stack->widget(i)->findChildren<FieldBox *>()) {
                if (box->field().id == top) {
                    if (FieldEditor *editor = box->editor()->editorFor(fieldId)) {
                        editor->focusLocation({fieldId, 0, {}});
                    }
                    auto *scroll = qobject_cast<QScrollArea *>(m_stack->widget(i));
                    QTimer::singleShot(0, scroll, [scroll, box] {
                        scroll->ensureWidgetVisible(box);
                    });
                }
            }
            return;
        }
    }
}

void PlanningWizard::updateChrome()
{
    const int step = currentStep();
    const bool last = step == stepCount() - 1;
    m_stepLabel->setText(tr("Step %1 of %2").arg(step + 1).arg(stepCount()));
    m_progress->setValue(step);
    m_back->setEnabled(step > 0);
    m_next->setText(last ? tr("&Finish") : tr("&Next \u2192"));
}

void PlanningWizard::updateRail()
{
    const Core::Readiness &readiness = m_document->readiness();
    const auto &sections = m_document->definition().sections();
    const Step &current = m_steps.at(currentStep());
    int currentRow = current.kind == Step::Kind::Intro     ? 0
                     : current.kind == Step::Kind::Summary ? int(sections.size()) + 1
                                                           : current.sectionIndex + 1;
    for (int i = 0; i < sections.size(); ++i) {
        QListWidgetItem *item = m_rail->item(i + 1);
        const Core::SectionReadiness *score = readiness.section(sections.at(i).id);
        const bool complete =
            score && score->filledFields == score->totalFields && score->errors == 0;
        item->setIcon(railIcon(complete ? Mark::Done : Mark::Open));
        item->setData(Qt::AccessibleTextRole,
                      complete ? tr("%1, complete").arg(sections.at(i).title)
                               : tr("%1, %2 of %3 answered")
                                     .arg(sections.at(i).title)
                                     .arg(score ? score->filledFields : 0)
                                     .arg(score ? score->totalFields : 0));
        item->setToolTip(item->data(Qt::AccessibleTextRole).toString());
    }
    m_rail->setCurrentRow(currentRow);
}

void PlanningWizard::done(int result)
{
    // Whatever the way out, what is being typed is written first.
    m_document->flushPendingEdits();
    QDialog::done(result);
}

} // namespace Rallybook
