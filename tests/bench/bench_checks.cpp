// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Benchmark: the median time to evaluate every readiness check on the Shipwrights demo
// workbook, from its content and from an open Workbook (which adds Workbook::content()), and
// the one-time costs at start-up: loading the framework definition (parsed, validated and
// resolved) and building the Checker. Prints figures; fails only if the work itself fails.
#include "core/checks.h"
#include "core/definition.h"
#include "core/workbook.h"
#include "core/workbookjson.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <vector>

using namespace Rallybook::Core;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

template<typename Work>
std::vector<double> timed(int runs, Work work)
{
    std::vector<double> times;
    times.reserve(size_t(runs));
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return times;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(10, std::atoi(argv[1])) : 2000;
    const QDate today(2026, 11, 22);
    QTemporaryDir dir;
    auto definition = Definition::standard();
    if (!definition || !dir.isValid()) {
        return 1;
    }
    auto content = WorkbookJson::demoContent(definition.value(), today);
    if (!content) {
        fmt::print(stderr, "demo: {}\n", content.error().message.toStdString());
        return 1;
    }
    auto workbook = Workbook::create(
        dir.filePath(QStringLiteral("demo.rallybook")), definition.value(), content.value());
    if (!workbook) {
        fmt::print(stderr, "create: {}\n", workbook.error().message.toStdString());
        return 1;
    }

    QElapsedTimer setup;
    setup.start();
    auto checker = Checker::create(definition.value());
    const double createMs = double(setup.nsecsElapsed()) / 1e6;
    if (!checker) {
        fmt::print(stderr, "checker: {}\n", checker.error().message.toStdString());
        return 1;
    }

    // The work must be right before its time means anything: the demo's two tips, nothing else.
    const Readiness expected = checker->evaluate(content.value(), today);
    if (expected.findings.size() != 2 || expected.score != 99) {
        fmt::print(stderr,
                   "unexpected result: {} findings, score {}\n",
                   expected.findings.size(),
                   expected.score);
        return 1;
    }

    int sink = 0;
    const std::vector<double> fromContent = timed(runs, [&] {
        sink += checker->evaluate(content.value(), today).score;
    });
    const std::vector<double> fromWorkbook = timed(runs, [&] {
        sink += checker->evaluate(*workbook.value(), today).score;
    });
    const std::vector<double> copy = timed(runs, [&] {
        sink += int(workbook.value()->content().values.size());
    });
    // What every start-up pays once: the definition from its JSON, then the checker.
    QFile file(QStringLiteral(":/frameworks/movement.json"));
    const QByteArray json = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    const int setupRuns = std::max(10, runs / 20);
    const std::vector<double> load = timed(setupRuns, [&] {
        sink += Definition::fromJson(json, QStringLiteral("movement.json")).ok() ? 1 : -1000000;
    });
    const std::vector<double> build = timed(setupRuns, [&] {
        sink += Checker::create(definition.value()).ok() ? 1 : -1000000;
    });
    if (sink <= 0) {
        return 1;
    }

    qsizetype checkCount = 0;
    for (const Section &section : definition->sections()) {
        checkCount += section.checks.size();
    }
    fmt::print("bench_checks: all {} readiness checks on the Shipwrights demo, {} runs each\n",
               checkCount,
               runs);
    fmt::print("  Checker::evaluate(WorkbookContent)   median {:8.3f} ms  (max {:.3f} ms)\n",
               median(fromContent),
               *std::max_element(fromContent.begin(), fromContent.end()));
    fmt::print("  Checker::evaluate(Workbook)          median {:8.3f} ms  (max {:.3f} ms)\n",
               median(fromWorkbook),
               *std::max_element(fromWorkbook.begin(), fromWorkbook.end()));
    fmt::print("  of which Workbook::content()         median {:8.3f} ms\n", median(copy));
    fmt::print("  Checker::create (once per definition)       {:8.3f} ms  (first)\n", createMs);
    fmt::print("  Checker::create                      median {:8.3f} ms\n", median(build));
    fmt::print("  Definition::fromJson (movement.json) median {:8.3f} ms\n", median(load));
    fmt::print("  budget                                      {:8.3f} ms\n", 5.0);
    return 0;
}
