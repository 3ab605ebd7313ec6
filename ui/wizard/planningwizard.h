// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/workbook.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace Rallybook {

class FieldBox;
class WorkbookDocument;

/**
 * The guided planning wizard: an introduction, one page per coherent group of fields (from the
 * framework definition's "wizard" pages), and a summary with the readiness score and the open
 * findings. It writes through the same undo commands as the editor, so the two are views of one
 * workbook. Closing it keeps everything; the page it was on is remembered in the workbook.
 */
class PlanningWizard : public QDialog
{
    Q_OBJECT

public:
    /** The key under which the workbook remembers the wizard's page. */
    static QString pageSettingKey() { return QStringLiteral("wizardPage"); }

    PlanningWizard(WorkbookDocument *document,
                   const Core::WorkbookContent &example,
                   QWidget *parent = nullptr);

    int stepCount() const;
    int currentStep() const;
    /** The key of a step: "intro", "summary" or "SECTION/PAGE". */
    QString stepKey(int step) const;
    void goToStep(int step);
    /** Goes to the first page of a section. */
    void startAtSection(const QString &sectionId);
    /** Resumes at the page remembered in the workbook (the introduction the first time). */
    void resume();
    /** Goes to the page that holds a field and focuses it. */
    void showField(const QString &fieldId);

public slots:
    void next();
    void back();

protected:
    void done(int result) override;

private:
    struct Step
    {
        enum class Kind { Intro, Page, Summary } kind;
        Core::WizardPage page;
        int sectionIndex = -1;
        int pageInSection = 0;
        int pagesInSection = 0;
    };

    void showStep(int step, bool remember);
    QWidget *stepWidget(int step);
    QWidget *buildIntro();
    QWidget *buildPage(const Step &step);
    QWidget *buildSummary();
    void refreshSummary();
    void updateChrome();
    void updateRail();
    /** Says in the wizard that a write failed and editing has stopped. */
    void showWriteFailure(const Core::Error &error);

    WorkbookDocument *m_document;
    Core::WorkbookContent m_example;
    QList<Step> m_steps;
    QList<QWidget *> m_built;

    QListWidget *m_rail = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_stepLabel = nullptr;
    QLabel *m_failure = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_later = nullptr;
    QWidget *m_summaryList = nullptr;
    QLabel *m_summaryScore = nullptr;
    QLabel *m_summaryText = nullptr;
};

} // namespace Rallybook
