// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Benchmark: the time from process start to the main window shown on the demo workbook, beside
// the same for a bare QMainWindow program of this build, and their ratio (medians over runs).
// Both run on the same Qt platform (offscreen unless QT_QPA_PLATFORM says otherwise).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <fmt/format.h>
#include <vector>

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/** Milliseconds from start until the program prints "shown"; negative on failure. */
double timeToShown(const QString &program,
                   const QStringList &arguments,
                   const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    QByteArray out;
    while (!out.contains("shown")) {
        if (!process.waitForReadyRead(20000)) {
            fmt::print(stderr,
                       "{} did not show a window: {}\n",
                       program.toStdString(),
                       process.readAllStandardError().toStdString());
            return -1;
        }
        out += process.readAllStandardOutput();
    }
    const double elapsed = double(timer.nsecsElapsed()) / 1e6;
    process.waitForFinished(10000);
    return elapsed;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 11;
    QTemporaryDir dir;
    const QString demo = dir.filePath(QStringLiteral("Shipwrights.rallybook"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM"))) {
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    }
    environment.insert(QStringLiteral("RALLYBOOK_EXIT_WHEN_SHOWN"), QStringLiteral("1"));
    // Keep the user's settings out of it: a fresh configuration folder.
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    if (QProcess::execute(QStringLiteral(RALLYBOOK_BINARY), {QStringLiteral("--demo"), demo})
        != 0) {
        return 1;
    }

    std::vector<double> ours;
    std::vector<double> bare;
    // One warm-up run of each, so that both read their libraries from the page cache.
    for (int i = -1; i < runs; ++i) {
        const double a = timeToShown(QStringLiteral(RALLYBOOK_BINARY), {demo}, environment);
        const double b = timeToShown(QStringLiteral(BARE_WINDOW_BINARY), {}, environment);
        if (a < 0 || b < 0) {
            return 1;
        }
        if (i >= 0) {
            ours.push_back(a);
            bare.push_back(b);
        }
    }
    const double a = median(ours);
    const double b = median(bare);
    fmt::print("bench_startup: process start to main window shown, median of {} runs ({})\n",
               runs,
               environment.value(QStringLiteral("QT_QPA_PLATFORM")).toStdString());
    fmt::print("  rallybook on the demo workbook   {:8.1f} ms\n", a);
    fmt::print("  bare QMainWindow program         {:8.1f} ms\n", b);
    fmt::print("  ratio                            {:8.2f}x\n", a / b);
    return 0;
}
