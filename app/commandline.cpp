// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandline.h"

#include "core/checks.h"
#include "core/definition.h"
#include "core/exportprofiles.h"
#include "core/render/htmlexport.h"
#include "core/render/pdfexport.h"
#include "core/render/planchoices.h"
#include "core/render/titlesequence.h"
#include "core/render/wallpaper.h"
#include "core/workbook.h"
#include "core/workbookjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

#include <cstdio>

namespace Rallybook::CommandLine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::CommandLine", text);
}

/** One line of text on standard output, with tabs and line breaks inside it made spaces. */
QString oneLine(QString text)
{
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    text.replace(u'\t', u' ');
    return text;
}

void printError(const QString &message)
{
    // One line, as promised: a message never spans lines on the terminal.
    QString line = message;
    line.replace(u'\n', u' ');
    std::fprintf(stderr, "rallybook: %s\n", qUtf8Printable(line));
}

/** Says so and returns true when the output file exists and --force was not given. */
bool refuseExisting(const Request &request)
{
    const QString &out = request.files.at(1);
    if (QFileInfo::exists(out) && !request.replace) {
        printError(
            tr("%1 already exists and was left as it is; add --force to replace it").arg(out));
        return true;
    }
    return false;
}

} // namespace

Request parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Rallybook: plan the movement, raise the banner.\n\n"
           "Without options, opens FILE (a .rallybook workbook) in the Rallybook window.\n"
           "The options below work without a display and never open a window."));
    const QCommandLineOption newOption(QStringLiteral("new"), tr("Create a blank workbook FILE."));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), tr("Create FILE holding the Shipwrights example workbook."));
    const QCommandLineOption exportOption(QStringLiteral("export-json"),
                                          tr("Write workbook FILE to the JSON file OUT."));
    const QCommandLineOption importOption(QStringLiteral("import-json"),
                                          tr("Create workbook FILE from the JSON file IN."));
    const QCommandLineOption pdfOption(QStringLiteral("export-pdf"),
                                       tr("Write the plan of workbook FILE to the PDF file OUT."));
    const QCommandLineOption htmlOption(QStringLiteral("export-html"),
                                        tr("Write the plan of workbook FILE to OUT as one "
                                           "self-contained HTML file."));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           tr("For --export-pdf and --export-html: the export "
                                              "profile that chooses the sections (default: Full "
                                              "plan)."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption planThemeOption(
        QStringLiteral("plan-theme"),
        tr("For --export-pdf and --export-html: the plan's "
           "look, classic, modern or bold (default: classic)."),
        QStringLiteral("NAME"));
    const QCommandLineOption accentOption(QStringLiteral("accent"),
                                          tr("For --export-pdf and --export-html: the accent "
                                             "colour as #RRGGBB (default: #B3261E)."),
                                          QStringLiteral("COLOUR"));
    const QCommandLineOption pageSizeOption(QStringLiteral("page-size"),
                                            tr("For --export-pdf and --export-html: a4 or letter "
                                               "(default: the one your locale uses)."),
                                            QStringLiteral("SIZE"));
    const QCommandLineOption checkOption(
        QStringLiteral("check"),
        tr("Check workbook FILE for readiness: print one finding a line (ID, severity and message, "
           "separated by tabs), then the score. Exits 0 without error-level findings, 1 with one, "
           "2 when FILE cannot be read."));
    const QCommandLineOption wallpaperOption(
        QStringLiteral("export-wallpaper"),
        tr("Write workbook FILE's mini manifesto wallpaper to the PNG file OUT."));
    const QCommandLineOption sequenceOption(
        QStringLiteral("export-title-sequence"),
        tr("Write workbook FILE's video title sequence to OUT: slides if it ends in .pdf, "
           "subtitles if it ends in .srt."));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        tr("For --export-wallpaper: the size in pixels, such as 1170x2532 (default: the size "
           "chosen in the studio)."),
        QStringLiteral("WxH"));
    const QCommandLineOption forceOption(QStringLiteral("force"),
                                         tr("Let --new, --demo, --import-json and the exports "
                                            "replace an existing file."));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         tr("Open the window in the light or dark palette, or the "
                                            "system's (light, dark or system)."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        tr("Show this help and exit."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           tr("Show the version and exit."));
    parser.addOptions({newOption,
                       demoOption,
                       exportOption,
                       importOption,
                       checkOption,
                       pdfOption,
                       htmlOption,
                       profileOption,
                       planThemeOption,
                       accentOption,
                       pageSizeOption,
                       wallpaperOption,
                       sequenceOption,
                       sizeOption,
                       forceOption,
                       themeOption,
                       helpOption,
                       versionOption});
    parser.addPositionalArgument(
        QStringLiteral("FILE"), tr("A Rallybook workbook (.rallybook)."), QStringLiteral("[FILE]"));
    parser.addPositionalArgument(
        QStringLiteral("OUT"), tr("For the exports: the file to write."), QStringLiteral("[OUT]"));

    Request request;
    request.helpText = parser.helpText();
    request.helpText.replace(
        QStringLiteral("Usage: %1").arg(QFileInfo(arguments.value(0)).fileName()),
        QStringLiteral("Usage: rallybook"));
    request.helpText +=
        tr("\nExamples:\n"
           "  rallybook --demo Shipwrights.rallybook\n"
           "  rallybook --export-json Shipwrights.rallybook plan.json\n"
           "  rallybook --import-json plan.json Copy.rallybook\n"
           "  rallybook --check Shipwrights.rallybook\n"
           "  rallybook --export-pdf Shipwrights.rallybook plan.pdf --plan-theme modern\n"
           "  rallybook --export-html Shipwrights.rallybook plan.html --profile \"Offer only\"\n"
           "  rallybook --export-wallpaper Shipwrights.rallybook lock.png --size 1290x2796\n"
           "  rallybook --export-title-sequence Shipwrights.rallybook titles.srt\n"
           "  rallybook Shipwrights.rallybook\n");
    if (!parser.parse(arguments)) {
        request.kind = Request::Kind::Invalid;
        request.error = parser.errorText() + tr(" (see rallybook --help)");
        return request;
    }
    request.files = parser.positionalArguments();
    request.replace = parser.isSet(forceOption);
    request.theme = parser.value(themeOption);
    if (!request.theme.isEmpty()
        && !QStringList{QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("system")}
                .contains(request.theme)) {
        request.kind = Request::Kind::Invalid;
        request.error =
            tr("--theme takes light, dark or system, not \u201c%1\u201d").arg(request.theme);
        return request;
    }
    request.profile = parser.value(profileOption);
    request.planTheme = parser.value(planThemeOption).toLower();
    request.accent = parser.value(accentOption);
    request.pageSize = parser.value(pageSizeOption).toLower();
    if (!request.planTheme.isEmpty() && !Render::planThemeFromName(request.planTheme)) {
        request.kind = Request::Kind::Invalid;
        request.error = tr("--plan-theme takes %1, not \u201c%2\u201d")
                            .arg(Render::planThemeNames().join(QStringLiteral(", ")),
                                 parser.value(planThemeOption));
        return request;
    }
    static const QRegularExpression colour(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!request.accent.isEmpty() && !colour.match(request.accent).hasMatch()) {
        request.kind = Request::Kind::Invalid;
        request.error =
            tr("--accent takes a colour written #RRGGBB, such as #B3261E, not \u201c%1\u201d")
                .arg(request.accent);
        return request;
    }
    if (!request.pageSize.isEmpty() && request.pageSize != QLatin1String("a4")
        && request.pageSize != QLatin1String("letter")) {
        request.kind = Request::Kind::Invalid;
        request.error = tr("--page-size takes a4 or letter, not \u201c%1\u201d")
                            .arg(parser.value(pageSizeOption));
        return request;
    }
    const bool planOptions = parser.isSet(profileOption) || parser.isSet(planThemeOption)
                             || parser.isSet(accentOption) || parser.isSet(pageSizeOption);
    if (planOptions && !parser.isSet(pdfOption) && !parser.isSet(htmlOption)
        && !parser.isSet(helpOption) && !parser.isSet(versionOption)) {
        request.kind = Request::Kind::Invalid;
        request.error = tr("--profile, --plan-theme, --accent and --page-size go with --export-pdf "
                           "or --export-html");
        return request;
    }

    struct Mode
    {
        const QCommandLineOption *option;
        Request::Kind kind;
        int files;
        const char *usage;
    };
    const Mode modes[] = {
        {&helpOption, Request::Kind::Help, -1, ""},
        {&versionOption, Request::Kind::Version, -1, ""},
        {&newOption, Request::Kind::New, 1, "--new FILE"},
        {&demoOption, Request::Kind::Demo, 1, "--demo FILE"},
        {&exportOption, Request::Kind::ExportJson, 2, "--export-json FILE OUT"},
        {&importOption, Request::Kind::ImportJson, 2, "--import-json IN FILE"},
        {&pdfOption, Request::Kind::ExportPdf, 2, "--export-pdf FILE OUT.pdf"},
        {&htmlOption, Request::Kind::ExportHtml, 2, "--export-html FILE OUT.html"},
        {&checkOption, Request::Kind::Check, 1, "--check FILE"},
        {&wallpaperOption,
         Request::Kind::ExportWallpaper,
         2,
         "--export-wallpaper FILE OUT.png [--size WxH]"},
        {&sequenceOption,
         Request::Kind::ExportTitleSequence,
         2,
         "--export-title-sequence FILE OUT.pdf|OUT.srt"},
    };
    int chosen = 0;
    for (const Mode &mode : modes) {
        if (parser.isSet(*mode.option)) {
            ++chosen;
        }
    }
    if (chosen > 1 && !parser.isSet(helpOption) && !parser.isSet(versionOption)) {
        request.kind = Request::Kind::Invalid;
        request.error = tr("choose one of --new, --demo, --export-json, --import-json, "
                           "--check, --export-pdf, --export-html, --export-wallpaper and "
                           "--export-title-sequence at a time");
        return request;
    }
    request.size = parser.value(sizeOption);
    if (parser.isSet(sizeOption) && !parser.isSet(wallpaperOption)) {
        request.kind = Request::Kind::Invalid;
        request.error = tr("--size goes with --export-wallpaper");
        return request;
    }
    if (parser.isSet(sizeOption) && !Render::Wallpaper::parseSize(request.size).isValid()) {
        request.kind = Request::Kind::Invalid;
        request.error = tr("--size takes WIDTHxHEIGHT in pixels, each from 16 to %1, such as "
                           "1170x2532, not \u201c%2\u201d")
                            .arg(Render::Wallpaper::kMaximumSide)
                            .arg(request.size);
        return request;
    }
    for (const Mode &mode : modes) {
        if (!parser.isSet(*mode.option)) {
            continue;
        }
        request.kind = mode.kind;
        if (mode.files >= 0 && request.files.size() != mode.files) {
            request.kind = Request::Kind::Invalid;
            request.error = tr("usage: rallybook %1").arg(QLatin1String(mode.usage));
        }
        return request;
    }
    if (request.files.size() > 1) {
        request.kind = Request::Kind::Invalid;
        request.error = tr("open one workbook at a time (see rallybook --help)");
    }
    return request;
}

bool needsGui(const Request &request)
{
    return request.kind == Request::Kind::ExportPdf || request.kind == Request::Kind::ExportHtml
           || request.kind == Request::Kind::ExportWallpaper
           || request.kind == Request::Kind::ExportTitleSequence;
}

namespace {

int exportPlan(const Request &request, const Core::Definition &definition)
{
    auto workbook = Core::Workbook::open(request.files.at(0), definition, {.readOnly = true});
    if (!workbook) {
        printError(workbook.error().message);
        return 1;
    }
    auto checker = Core::Checker::create(definition);
    if (!checker) {
        printError(checker.error().message);
        return 1;
    }
    const QDate today = QDate::currentDate();
    const Core::WorkbookContent content = workbook.value()->content();
    Render::PlanChoices choices;
    choices.profile = request.profile;
    choices.theme =
        Render::planThemeFromName(request.planTheme).value_or(Render::PlanTheme::Classic);
    if (!request.accent.isEmpty()) {
        choices.accent = QColor(request.accent);
    }
    if (request.pageSize == QLatin1String("a4")) {
        choices.pageSize = QPageSize(QPageSize::A4);
    } else if (request.pageSize == QLatin1String("letter")) {
        choices.pageSize = QPageSize(QPageSize::Letter);
    }
    const auto options =
        choices.options(*workbook.value(), checker->evaluate(content, today), today);
    if (!options) {
        printError(options.error().message);
        return 1;
    }
    const QString &out = request.files.at(1);
    if (refuseExisting(request)) {
        return 1;
    }
    const Core::Result<void> written =
        request.kind == Request::Kind::ExportPdf
            ? Render::PdfExport::exportPlan(definition, content, options.value(), out)
            : Render::HtmlExport::exportPlan(definition, content, options.value(), out);
    if (!written) {
        printError(written.error().message);
        return 1;
    }
    return 0;
}

} // namespace

int run(const Request &request)
{
    switch (request.kind) {
    case Request::Kind::Gui:
        return 0;
    case Request::Kind::Help:
        std::fputs(qUtf8Printable(request.helpText), stdout);
        return 0;
    case Request::Kind::Version:
        std::printf("Rallybook %s\n", RALLYBOOK_VERSION);
        return 0;
    case Request::Kind::Invalid:
        printError(request.error);
        return 2;
    default:
        break;
    }

    // --check keeps 1 for "the workbook has an error-level finding"; any failure to check is 2.
    const int failed = request.kind == Request::Kind::Check ? 2 : 1;
    auto definition = Core::Definition::standard();
    if (!definition) {
        printError(definition.error().message);
        return failed;
    }
    switch (request.kind) {
    case Request::Kind::New: {
        auto created =
            Core::Workbook::create(request.files.at(0), definition.value(), {}, request.replace);
        if (!created) {
            printError(created.error().message);
            return 1;
        }
        return 0;
    }
    case Request::Kind::Demo: {
        auto content = Core::WorkbookJson::demoContent(definition.value(), QDate::currentDate());
        if (!content) {
            printError(content.error().message);
            return 1;
        }
        auto created = Core::Workbook::create(
            request.files.at(0), definition.value(), content.value(), request.replace);
        if (!created) {
            printError(created.error().message);
            return 1;
        }
        return 0;
    }
    case Request::Kind::ExportJson: {
        auto workbook =
            Core::Workbook::open(request.files.at(0), definition.value(), {.readOnly = true});
        if (!workbook) {
            printError(workbook.error().message);
            return 1;
        }
        const QString &out = request.files.at(1);
        if (refuseExisting(request)) {
            return 1;
        }
        if (auto written = Core::WorkbookJson::exportFile(*workbook.value(), out); !written) {
            printError(written.error().message);
            return 1;
        }
        return 0;
    }
    case Request::Kind::ExportPdf:
    case Request::Kind::ExportHtml:
        return exportPlan(request, definition.value());
    case Request::Kind::ImportJson: {
        auto imported = Core::WorkbookJson::importFile(
            request.files.at(0), request.files.at(1), definition.value(), request.replace);
        if (!imported) {
            printError(imported.error().message);
            return 1;
        }
        return 0;
    }
    case Request::Kind::Check: {
        auto checker = Core::Checker::create(definition.value());
        if (!checker) {
            printError(checker.error().message);
            return failed;
        }
        auto workbook =
            Core::Workbook::open(request.files.at(0), definition.value(), {.readOnly = true});
        if (!workbook) {
            printError(workbook.error().message);
            return failed;
        }
        const Core::Readiness readiness =
            checker->evaluate(*workbook.value(), QDate::currentDate());
        QString out;
        for (const Core::Finding &finding : readiness.findings) {
            out += finding.checkId + u'\t' + Core::severityName(finding.severity) + u'\t'
                   + oneLine(finding.message) + u'\n';
        }
        out += QStringLiteral("score\t%1\n").arg(readiness.score);
        std::fputs(out.toUtf8().constData(), stdout);
        return readiness.hasErrors() ? 1 : 0;
    }
    case Request::Kind::ExportWallpaper:
    case Request::Kind::ExportTitleSequence: {
        auto workbook =
            Core::Workbook::open(request.files.at(0), definition.value(), {.readOnly = true});
        if (!workbook) {
            printError(workbook.error().message);
            return 1;
        }
        const Core::Workbook &book = *workbook.value();
        const QString &out = request.files.at(1);
        Core::Result<void> written;
        if (request.kind == Request::Kind::ExportTitleSequence) {
            written = Render::TitleSequence::exportFile(
                Render::TitleSequence::Sequence::of(book), out, request.replace);
        } else {
            using namespace Render::Wallpaper;
            const Design design =
                Design::fromJson(book.setting(QLatin1String(kDesignKey)).toString());
            const QSize size = request.size.isEmpty() ? design.size : parseSize(request.size);
            const QImage background =
                design.background == Background::Image
                    ? decodeStoredImage(book.setting(QLatin1String(kImageKey)).toByteArray())
                    : QImage();
            written =
                exportPng(design,
                          book.value(book.definition().idFor(Core::Role::MiniManifesto)).toString(),
                          size,
                          background,
                          out,
                          request.replace);
        }
        if (!written) {
            printError(
                written.error().code == Core::ErrorCode::Exists
                    ? tr("%1 already exists and was left as it is; add --force to replace it")
                          .arg(out)
                    : written.error().message);
            return 1;
        }
        return 0;
    }
    default:
        return 2;
    }
}

} // namespace Rallybook::CommandLine
