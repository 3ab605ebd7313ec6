// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFontDatabase>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

/** Runs the PDF tools of poppler-utils and qpdf for the plan's tests. */
namespace PlanTestUtil {

struct Output
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Output run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

/** The first missing tool, or empty when pdftotext, pdfinfo, pdffonts, pdfimages and qpdf exist. */
inline QString missingTool()
{
    for (const char *tool : {"pdftotext", "pdfinfo", "pdffonts", "pdfimages", "qpdf"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()) {
            return QString::fromLatin1(tool);
        }
    }
    return {};
}

/** True when the brand's typefaces (fonts-noto-core) are installed. */
inline bool hasBrandFonts()
{
    const QStringList families = QFontDatabase::families();
    return families.contains(QStringLiteral("Noto Sans"))
           && families.contains(QStringLiteral("Noto Serif"));
}

/** The text of each page, as pdftotext reads it (reading order). */
inline QStringList pageTexts(const QString &pdf, bool layout = false)
{
    QStringList arguments{QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (layout) {
        arguments.append(QStringLiteral("-layout"));
    }
    arguments += {pdf, QStringLiteral("-")};
    QStringList pages =
        QString::fromUtf8(run(QStringLiteral("pdftotext"), arguments).out).split(u'\f');
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty()) {
        pages.removeLast();
    }
    return pages;
}

/** Text with every space and line break removed, for comparing wrapped text. */
inline QString squeezed(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace()) {
            out.append(c);
        }
    }
    return out;
}

} // namespace PlanTestUtil
