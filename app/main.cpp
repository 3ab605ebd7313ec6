// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandline.h"
#include "core/definition.h"
#include "ui/mainwindow.h"
#include "ui/settings.h"
#include "ui/style.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMessageBox>

#include <cstdio>
#include <memory>

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    return arguments;
}

/** Prints "shown" at the watched window's first paint and quits (bench_startup). */
class ShownReporter : public QObject
{
protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            std::puts("shown");
            std::fflush(stdout);
            QCoreApplication::quit();
            watched->removeEventFilter(this);
        }
        return false;
    }
};

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Rallybook"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("rallybook.org"));
    QCoreApplication::setApplicationName(QStringLiteral("Rallybook"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RALLYBOOK_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    using namespace Rallybook;
    const CommandLine::Request request = CommandLine::parse(argumentsOf(argc, argv));
    if (CommandLine::needsGui(request)) {
        // Headless drawing (plan, wallpaper, title sequence): fonts and images need a
        // QGuiApplication, never a display. Without one, draw offscreen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        QGuiApplication app(argc, argv);
        setIdentity();
        return CommandLine::run(request);
    }
    if (request.kind != CommandLine::Request::Kind::Gui) {
        // Headless: no display, no widgets.
        QCoreApplication app(argc, argv);
        setIdentity();
        return CommandLine::run(request);
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Rallybook"));
    QApplication::setDesktopFileName(QStringLiteral("org.rallybook.Rallybook"));

    Theme theme = Settings::instance().theme();
    if (request.theme == QLatin1String("light")) {
        theme = Theme::Light;
    } else if (request.theme == QLatin1String("dark")) {
        theme = Theme::Dark;
    } else if (request.theme == QLatin1String("system")) {
        theme = Theme::System;
    }
    Style::applyTheme(theme);

    auto definition = Core::Definition::standard();
    if (!definition) {
        QMessageBox::critical(nullptr, QStringLiteral("Rallybook"), definition.error().message);
        return 1;
    }
    MainWindow window(definition.value());
    if (!request.files.isEmpty()) {
        window.openFile(request.files.first());
    }
    // For bench_startup: say when the window first paints, then quit.
    ShownReporter reporter;
    if (qEnvironmentVariableIsSet("RALLYBOOK_EXIT_WHEN_SHOWN")) {
        window.installEventFilter(&reporter);
    }
    window.show();
    return QApplication::exec();
}
