// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messagebox.h"

#include "ui/settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

#include <optional>

namespace Rallybook {

namespace {

std::optional<QMessageBox::StandardButton> s_nextAnswer;
std::optional<QString> s_nextFileName;
QString s_lastMessage;

QString filter()
{
    return QCoreApplication::translate("Rallybook::Dialogs", "Rallybook workbooks (*.rallybook)");
}

QString withExtension(const QString &path)
{
    if (path.isEmpty() || path.endsWith(QLatin1String(".rallybook"))) {
        return path;
    }
    return path + QStringLiteral(".rallybook");
}

} // namespace

void Dialogs::error(QWidget *parent, const QString &title, const Core::Error &error)
{
    s_lastMessage = error.message;
    if (s_nextAnswer) {
        s_nextAnswer.reset();
        return;
    }
    QMessageBox box(QMessageBox::Warning, title, error.message, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    if (!error.detail.isEmpty()) {
        box.setDetailedText(error.detail);
    }
    box.exec();
}

QMessageBox::StandardButton Dialogs::question(QWidget *parent,
                                              const QString &title,
                                              const QString &text,
                                              QMessageBox::StandardButtons buttons,
                                              QMessageBox::StandardButton defaultButton)
{
    s_lastMessage = text;
    if (s_nextAnswer) {
        const auto answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

QString Dialogs::openFileName(QWidget *parent, const QString &title)
{
    if (s_nextFileName) {
        const QString path = *s_nextFileName;
        s_nextFileName.reset();
        return path;
    }
    const QString path =
        QFileDialog::getOpenFileName(parent, title, Settings::instance().lastFolder(), filter());
    if (!path.isEmpty()) {
        Settings::instance().setLastFolder(QFileInfo(path).absolutePath());
    }
    return path;
}

QString Dialogs::saveFileName(QWidget *parent, const QString &title, const QString &suggestedName)
{
    if (s_nextFileName) {
        const QString path = *s_nextFileName;
        s_nextFileName.reset();
        return withExtension(path);
    }
    const QString start = QDir(Settings::instance().lastFolder()).filePath(suggestedName);
    const QString path =
        withExtension(QFileDialog::getSaveFileName(parent, title, start, filter()));
    if (!path.isEmpty()) {
        Settings::instance().setLastFolder(QFileInfo(path).absolutePath());
    }
    return path;
}

void Dialogs::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

void Dialogs::setNextFileName(const QString &path)
{
    s_nextFileName = path;
}

QString Dialogs::lastMessage()
{
    return s_lastMessage;
}

} // namespace Rallybook
