// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Benchmark: the time to export the Shipwrights demo plan as PDF (in the process, and as the
// `rallybook --export-pdf` command from start to exit), beside the time LibreOffice takes to
// convert the same plan, exported as HTML, to PDF (`libreoffice --headless --convert-to pdf`),
// and their ratio. Medians of several runs after one warm-up run each. Prints figures; fails
// only if the work itself fails. Without LibreOffice, prints our figures and says so.
#include "core/checks.h"
#include "core/definition.h"
#include "core/render/htmlexport.h"
#include "core/render/pdfexport.h"
#include "core/workbook.h"
#include "core/workbookjson.h"

#include <QBuffer>
#include <QDate>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <fmt/format.h>
#include <vector>

using namespace Rallybook;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/** Milliseconds a program takes from start to exit; negative on failure. */
double timeProcess(const QString &program,
                   const QStringList &arguments,
                   const QProcessEnvironment &environment,
                   int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        fmt::print(
            stderr, "{} failed: {}\n", program.toStdString(), process.readAll().toStdString());
        return -1;
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 5;
    QTemporaryDir dir;
    auto definition = Core::Definition::standard();
    auto checker = definition ? Core::Checker::create(definition.value())
                              : Core::Result<Core::Checker>(definition.error());
    if (!dir.isValid() || !checker) {
        return 1;
    }
    const QDate today = QDate::currentDate();
    auto content = Core::WorkbookJson::demoContent(definition.value(), today);
    if (!content) {
        return 1;
    }
    const QString demo = dir.filePath(QStringLiteral("Shipwrights.rallybook"));
    if (!Core::Workbook::create(demo, definition.value(), content.value())) {
        return 1;
    }

    // In the process: read the workbook, run the checks, lay out, paint, finish with qpdf, write.
    Render::PlanOptions options;
    options.pageSize = QPageSize(QPageSize::A4);
    options.date = today;
    std::vector<double> inProcess;
    std::vector<double> layoutTimes;
    std::vector<double> paintTimes;
    int pages = 0;
    for (int i = -1; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto workbook = Core::Workbook::open(demo, definition.value(), {.readOnly = true});
        if (!workbook) {
            return 1;
        }
        const Core::WorkbookContent data = workbook.value()->content();
        options.readiness = Render::readinessFromChecks(checker->evaluate(data, today));
        QElapsedTimer phase;
        phase.start();
        auto plan = Render::PlanDocument::create(definition.value(), data, options);
        const double laidOut = double(phase.nsecsElapsed()) / 1e6;
        if (!plan
            || !Render::PdfExport::write(*plan.value(), dir.filePath(QStringLiteral("plan.pdf")))) {
            fmt::print(stderr, "export failed\n");
            return 1;
        }
        pages = plan.value()->pageCount();
        if (i >= 0) {
            inProcess.push_back(double(timer.nsecsElapsed()) / 1e6);
            layoutTimes.push_back(laidOut);
            // Painting alone, into a PDF in memory, for the breakdown.
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter writer(&buffer);
            phase.restart();
            if (!plan.value()->print(&writer)) {
                return 1;
            }
            paintTimes.push_back(double(phase.nsecsElapsed()) / 1e6);
        }
    }

    // The command, as a user runs it: process start to exit.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    std::vector<double> command;
    for (int i = -1; i < runs; ++i) {
        const double ms = timeProcess(QStringLiteral(RALLYBOOK_BINARY),
                                      {QStringLiteral("--export-pdf"),
                                       demo,
                                       dir.filePath(QStringLiteral("cli.pdf")),
                                       QStringLiteral("--force"),
                                       QStringLiteral("--page-size"),
                                       QStringLiteral("a4")},
                                      environment,
                                      120000);
        if (ms < 0) {
            return 1;
        }
        if (i >= 0) {
            command.push_back(ms);
        }
    }

    const double ours = median(inProcess);
    const double cli = median(command);
    fmt::print("bench_plan: the Shipwrights demo plan ({} pages, A4) as PDF, median of {} runs\n",
               pages,
               runs);
    fmt::print("  Rallybook, in the process            {:9.1f} ms\n", ours);
    fmt::print("    of which layout {:.1f} ms, painting with QPdfWriter {:.1f} ms\n",
               median(layoutTimes),
               median(paintTimes));
    fmt::print("  rallybook --export-pdf, start to exit {:8.1f} ms\n", cli);

    // The baseline: LibreOffice converting the same plan, exported as one HTML file.
    QString office = QStandardPaths::findExecutable(QStringLiteral("libreoffice"));
    if (office.isEmpty()) {
        office = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    }
    if (office.isEmpty()) {
        fmt::print("  LibreOffice is not installed: the baseline was not measured\n");
        return 0;
    }
    const QString html = dir.filePath(QStringLiteral("plan.html"));
    if (!Render::HtmlExport::exportPlan(definition.value(), content.value(), options, html)) {
        return 1;
    }
    // A profile of its own in the temporary folder; the warm-up run creates it.
    const QString profile =
        QUrl::fromLocalFile(dir.filePath(QStringLiteral("lo-profile"))).toString();
    const QStringList arguments{QStringLiteral("-env:UserInstallation=") + profile,
                                QStringLiteral("--headless"),
                                QStringLiteral("--convert-to"),
                                QStringLiteral("pdf"),
                                QStringLiteral("--outdir"),
                                dir.filePath(QStringLiteral("lo")),
                                html};
    std::vector<double> baseline;
    const int officeRuns = std::min(runs, 3);
    for (int i = -1; i < officeRuns; ++i) {
        const double ms = timeProcess(office, arguments, environment, 300000);
        if (ms < 0) {
            return 1;
        }
        if (i >= 0) {
            baseline.push_back(ms);
        }
    }
    if (!QFileInfo::exists(dir.filePath(QStringLiteral("lo/plan.pdf")))) {
        fmt::print(stderr, "LibreOffice wrote no PDF\n");
        return 1;
    }
    const double lo = median(baseline);
    fmt::print(
        "  LibreOffice HTML to PDF, start to exit {:7.1f} ms (median of {})\n", lo, officeRuns);
    fmt::print("  ratio, LibreOffice / rallybook command {:7.1f}x\n", lo / cli);
    fmt::print("  ratio, LibreOffice / in the process    {:7.1f}x\n", lo / ours);
    return 0;
}
