// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs.h"

#include "ui/settings.h"

#include <QColorDialog>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>

#include <optional>

namespace Rallybook {

namespace {

std::optional<QMessageBox::StandardButton> s_nextAnswer;
std::optional<QString> s_nextFileName;
std::optional<QString> s_nextText;
std::optional<QColor> s_nextColor;
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

QString Dialogs::exportFileName(QWidget *parent,
                                const QString &title,
                                const QString &suggestedName,
                                const QString &filter,
                                const QString &extension)
{
    auto withSuffix = [&](const QString &path) {
        return path.isEmpty() || path.endsWith(extension, Qt::CaseInsensitive) ? path
                                                                               : path + extension;
    };
    if (s_nextFileName) {
        const QString path = *s_nextFileName;
        s_nextFileName.reset();
        return withSuffix(path);
    }
    const QString start = QDir(Settings::instance().lastFolder()).filePath(suggestedName);
    const QString path = withSuffix(QFileDialog::getSaveFileName(parent, title, start, filter));
    if (!path.isEmpty()) {
        Settings::instance().setLastFolder(QFileInfo(path).absolutePath());
    }
    return path;
}

QString Dialogs::openImageName(QWidget *parent, const QString &title)
{
    if (s_nextFileName) {
        const QString path = *s_nextFileName;
        s_nextFileName.reset();
        return path;
    }
    const QString path = QFileDialog::getOpenFileName(
        parent,
        title,
        Settings::instance().lastFolder(),
        QCoreApplication::translate("Rallybook::Dialogs", "Images (*.png *.jpg *.jpeg)"));
    if (!path.isEmpty()) {
        Settings::instance().setLastFolder(QFileInfo(path).absolutePath());
    }
    return path;
}

QString Dialogs::folderName(QWidget *parent, const QString &title)
{
    if (s_nextFileName) {
        const QString path = *s_nextFileName;
        s_nextFileName.reset();
        return path;
    }
    const QString path =
        QFileDialog::getExistingDirectory(parent, title, Settings::instance().lastFolder());
    if (!path.isEmpty()) {
        Settings::instance().setLastFolder(path);
    }
    return path;
}

QString
Dialogs::text(QWidget *parent, const QString &title, const QString &label, const QString &initial)
{
    if (s_nextText) {
        const QString answer = *s_nextText;
        s_nextText.reset();
        return answer;
    }
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setTextValue(initial);
    return dialog.exec() == QDialog::Accepted ? dialog.textValue().trimmed() : QString();
}

QColor Dialogs::color(QWidget *parent, const QString &title, const QColor &initial)
{
    if (s_nextColor) {
        const QColor answer = *s_nextColor;
        s_nextColor.reset();
        return answer;
    }
    return QColorDialog::getColor(initial, parent, title);
}

void Dialogs::setNextText(const QString &text)
{
    s_nextText = text;
}

void Dialogs::setNextColor(const QColor &color)
{
    s_nextColor = color;
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
