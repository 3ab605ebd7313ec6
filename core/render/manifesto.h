// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBuffer>
#include <QLocale>
#include <QPdfWriter>
#include <QRectF>
#include <QTextDocument>

#include <memory>

class QPainter;

namespace Rallybook::Render {

/**
 * A QTextDocument that fetches nothing (RELIABILITY.md P6): loadResource() returns no data for
 * any URL, so Markdown cannot make it read a local file, decode a data: URL or reach a server.
 */
class InertTextDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};

/** Markdown longer than this (1 MiB) is cut there before it is read. */
inline constexpr qsizetype kMarkdownLimit = 1 << 20;

/**
 * Reads `markdown` into `document` as CommonMark with raw HTML shown as text, and replaces
 * every image with its address in brackets, so nothing is loaded. Returns false when the text
 * was cut at kMarkdownLimit.
 */
bool setInertMarkdown(QTextDocument &document, const QString &markdown);

/**
 * The manifesto (TL3 title, TL4 Markdown body) typeset exactly as on the PDF plan's page:
 * PageStyle's page, margins and fonts, laid out on a PDF writer's metrics. The studio's preview
 * paints it and its one-page meter reads fit().
 */
class ManifestoPage
{
public:
    explicit ManifestoPage(const QLocale &locale = QLocale());
    ~ManifestoPage();
    ManifestoPage(const ManifestoPage &) = delete;
    ManifestoPage &operator=(const ManifestoPage &) = delete;

    void setContent(const QString &title, const QString &markdown);

    /** How the text sits on the page: everything in device units (1200 per inch). */
    struct Fit
    {
        bool fits = true;
        qreal usedHeight = 0;
        qreal availableHeight = 0;
        /** Height of one line of body text. */
        qreal lineHeight = 1;
        /** Whole body lines still free (>= 0) or missing (< 0) on the page. */
        int linesLeft = 0;
        /** Used height / available height, 1.0 = exactly full. */
        qreal fraction = 0;
        /** The Markdown was longer than kMarkdownLimit and was cut. */
        bool truncated = false;
    };
    Fit fit() const { return m_fit; }

    /** The page and its text area in device units, the page's top left at 0,0. */
    QRectF pageRect() const;
    QRectF contentRect() const;
    /** Paints the text (not the paper) in device units; the caller scales and fills the page. */
    void paint(QPainter *painter) const;
    const QTextDocument &document() const { return m_document; }

private:
    QBuffer m_sink;
    std::unique_ptr<QPdfWriter> m_writer;
    mutable InertTextDocument m_document; // drawContents() is not const
    Fit m_fit;
};

} // namespace Rallybook::Render
