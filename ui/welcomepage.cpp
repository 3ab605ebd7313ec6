// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/welcomepage.h"

#include "ui/style.h"

#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Rallybook {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
    , m_recentBox(new QWidget(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *outer = new QHBoxLayout(this);
    auto *column = new QWidget(this);
    column->setMaximumWidth(Style::readingWidth());
    outer->addStretch(1);
    outer->addWidget(column, 4);
    outer->addStretch(1);

    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(Style::kGrid * 2);
    layout->addStretch(2);

    auto *mark = new QLabel(column);
    mark->setPixmap(QIcon(QStringLiteral(":/icons/org.rallybook.Rallybook.svg")).pixmap(64, 64));
    layout->addWidget(mark);
    auto *title = new QLabel(tr("Rallybook"), column);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 2.4);
    font.setWeight(QFont::Bold);
    title->setFont(font);
    layout->addWidget(title);
    auto *tagline = new QLabel(tr("Plan the movement. Raise the banner."), column);
    QFont taglineFont = tagline->font();
    taglineFont.setPointSizeF(taglineFont.pointSizeF() * 1.25);
    tagline->setFont(taglineFont);
    QPalette accent = tagline->palette();
    accent.setColor(QPalette::WindowText, Style::accent());
    tagline->setPalette(accent);
    layout->addWidget(tagline);
    auto *intro = new QLabel(
        tr("A movement needs a leader people follow, a cause bigger than that leader, and a new "
           "opportunity to say yes to. Rallybook walks you through each part and keeps every "
           "answer saved as you type."),
        column);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addSpacing(Style::kGrid);

    auto *wizard = new QPushButton(tr("Start the guided planning wizard"), column);
    wizard->setObjectName(QStringLiteral("startWizard"));
    wizard->setDefault(true);
    auto *example = new QPushButton(tr("Open the Shipwrights example"), column);
    example->setObjectName(QStringLiteral("openExample"));
    auto *newButton = new QPushButton(tr("New workbook\u2026"), column);
    newButton->setObjectName(QStringLiteral("newWorkbook"));
    auto *open = new QPushButton(tr("Open a workbook\u2026"), column);
    open->setObjectName(QStringLiteral("openWorkbook"));
    for (QPushButton *button : {wizard, example, newButton, open}) {
        button->setMinimumHeight(button->sizeHint().height() + Style::kGrid);
        layout->addWidget(button);
    }
    connect(wizard, &QPushButton::clicked, this, &WelcomePage::wizardRequested);
    connect(example, &QPushButton::clicked, this, &WelcomePage::openExampleRequested);
    connect(newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);

    auto *recentLayout = new QVBoxLayout(m_recentBox);
    recentLayout->setContentsMargins(0, Style::kGrid * 2, 0, 0);
    auto *recentTitle = new QLabel(tr("Recent workbooks"), m_recentBox);
    QFont recentFont = recentTitle->font();
    recentFont.setWeight(QFont::DemiBold);
    recentTitle->setFont(recentFont);
    recentTitle->setBuddy(m_recent);
    recentLayout->addWidget(recentTitle);
    m_recent->setObjectName(QStringLiteral("recentFiles"));
    m_recent->setAccessibleName(tr("Recent workbooks"));
    m_recent->setMaximumHeight(m_recent->fontMetrics().lineSpacing() * 7);
    recentLayout->addWidget(m_recent);
    layout->addWidget(m_recentBox);
    layout->addStretch(3);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit recentFileRequested(item->data(Qt::UserRole).toString());
    });
}

void WelcomePage::setRecentFiles(const QStringList &files)
{
    m_recent->clear();
    for (const QString &path : files) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(
            tr("%1 \u2014 %2")
                .arg(info.completeBaseName(), QDir::toNativeSeparators(info.absolutePath())),
            m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    m_recentBox->setVisible(!files.isEmpty());
}

} // namespace Rallybook
