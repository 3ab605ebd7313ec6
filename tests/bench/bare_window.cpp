// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The baseline of bench_startup: the smallest Qt Widgets program with a main window, built by
// the project's own build. Prints "shown" when its window first paints, then exits.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QPaintEvent>

#include <cstdio>

namespace {

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

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.resize(1280, 800);
    ShownReporter reporter;
    window.installEventFilter(&reporter);
    window.show();
    return QApplication::exec();
}
