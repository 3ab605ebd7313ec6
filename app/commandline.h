// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Rallybook::CommandLine {

/** What the command line asks for. */
struct Request
{
    enum class Kind {
        Gui,
        New,
        Demo,
        ExportJson,
        ImportJson,
        Check,
        ExportWallpaper,
        ExportTitleSequence,
        ExportPdf,
        ExportHtml,
        Version,
        Help,
        Invalid
    };
    Kind kind = Kind::Gui;
    QStringList files;
    QString size; ///< for ExportWallpaper: "WxH", or empty for the design's own size
    bool replace = false;
    QString theme; ///< for Gui: "light", "dark", "system" or empty for the saved choice
    QString
        profile; ///< for ExportPdf/ExportHtml: an export profile's name; empty for the full plan
    QString planTheme; ///< for ExportPdf/ExportHtml: classic, modern or bold
    QString accent;    ///< for ExportPdf/ExportHtml: #RRGGBB, or empty for the brand's red
    QString pageSize;  ///< for ExportPdf/ExportHtml: a4, letter, or empty for the locale's
    QString error;     ///< for Invalid: the one-line reason
    QString helpText;
};

/** True for headless requests that draw (and so need QGuiApplication, fonts, no widgets). */
bool needsGui(const Request &request);

/** Parses the arguments (argv[0] first); needs no QCoreApplication. */
Request parse(const QStringList &arguments);

/**
 * True when the request paints (the PDF and HTML plans): it needs a QGuiApplication, on the
 * offscreen platform when there is no display, instead of a QCoreApplication.
 */
bool needsGui(const Request &request);

/**
 * Runs a headless request (anything but Gui); returns the process exit code: 0 on success, 1
 * when the operation failed, 2 for a usage error. For Check: 0 when no finding is an error, 1
 * when one is, 2 when the workbook cannot be read.
 */
int run(const Request &request);

} // namespace Rallybook::CommandLine
