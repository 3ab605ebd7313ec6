// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/manifesto.h"

#include "core/render/pagestyle.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>

#include <cmath>

namespace Rallybook::Render {

QVariant InertTextDocument::loadResource(int, const QUrl &)
{
    return {};
}

bool setInertMarkdown(QTextDocument &document, const QString &markdown)
{
    const bool whole = markdown.size() <= kMarkdownLimit;
    document.setMarkdown(whole ? markdown : markdown.left(kMarkdownLimit),
                         QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectCommonMark
                                                         | QTextDocument::MarkdownNoHTML));
    // Images become their address as text: nothing is fetched, and the reader sees what the
    // Markdown asked for.
    struct Image
    {
        int position;
        int length;
        QString name;
    };
    QList<Image> images;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().isImageFormat()) {
                images.append({fragment.position(),
                               fragment.length(),
                               fragment.charFormat().toImageFormat().name()});
            }
        }
    }
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        QTextCursor cursor(&document);
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        cursor.insertText(QStringLiteral("[%1]").arg(it->name), QTextCharFormat());
    }
    return whole;
}

ManifestoPage::ManifestoPage(const QLocale &locale)
    : m_writer(std::make_unique<QPdfWriter>(&m_sink))
{
    // The writer is only a ruler: nothing is painted on it, so it writes nothing.
    m_writer->setResolution(PageStyle::kResolution);
    m_writer->setPageLayout(PageStyle::pageLayout(locale));
    m_document.documentLayout()->setPaintDevice(m_writer.get());
    m_document.setDocumentMargin(0);
    m_document.setTextWidth(contentRect().width());
    setContent(QString(), QString());
}

ManifestoPage::~ManifestoPage()
{
    m_document.documentLayout()->setPaintDevice(nullptr);
}

QRectF ManifestoPage::pageRect() const
{
    const QPageLayout layout = m_writer->pageLayout();
    return QRectF(QPointF(0, 0), layout.fullRectPixels(PageStyle::kResolution).size());
}

QRectF ManifestoPage::contentRect() const
{
    return m_writer->pageLayout().paintRectPixels(PageStyle::kResolution);
}

void ManifestoPage::setContent(const QString &title, const QString &markdown)
{
    // Block margins are in pixels of 96 per inch; the layout scales them to the writer's 1200.
    const qreal pointToMargin = 96 / 72.0;
    m_document.setDefaultFont(PageStyle::manifestoBodyFont());
    m_fit.truncated = !setInertMarkdown(m_document, markdown);

    // Every block: the manifesto's line height and paragraph spacing.
    QTextCursor cursor(&m_document);
    for (QTextBlock block = m_document.begin(); block.isValid(); block = block.next()) {
        cursor.setPosition(block.position());
        QTextBlockFormat format = block.blockFormat();
        format.setLineHeight(PageStyle::kManifestoLineHeight, QTextBlockFormat::ProportionalHeight);
        format.setTopMargin(
            format.headingLevel() > 0 ? PageStyle::kManifestoParagraphSpacing * pointToMargin : 0);
        format.setBottomMargin(PageStyle::kManifestoParagraphSpacing * pointToMargin);
        cursor.setBlockFormat(format);
    }
    {
        // The title's block (empty without a title), after the plan's head of the page: the same
        // room above and below it as the plan's manifesto page, so the meter tells its truth.
        cursor.movePosition(QTextCursor::Start);
        cursor.insertBlock();
        cursor.movePosition(QTextCursor::Start);
        QTextBlockFormat format;
        format.setAlignment(Qt::AlignHCenter);
        format.setTopMargin(PageStyle::kManifestoHeadSpacing * pointToMargin);
        format.setBottomMargin(PageStyle::kManifestoTitleSpacing * pointToMargin);
        cursor.setBlockFormat(format);
        const QFont font = PageStyle::manifestoTitleFont();
        QTextCharFormat titleFormat;
        titleFormat.setFontFamilies({font.family()});
        titleFormat.setFontPointSize(font.pointSizeF());
        titleFormat.setFontWeight(font.weight());
        cursor.setBlockCharFormat(titleFormat);
        cursor.insertText(title.trimmed(), titleFormat);
    }

    m_document.setTextWidth(contentRect().width());
    const QFontMetricsF metrics(PageStyle::manifestoBodyFont(), m_writer.get());
    m_fit.lineHeight = metrics.lineSpacing() * PageStyle::kManifestoLineHeight / 100.0;
    // One line is kept in hand: the plan moves a paragraph whose first line would stand alone at
    // the foot of the page to the next page, so the meter never says "fits" when the plan
    // needs a second page.
    m_fit.availableHeight = contentRect().height() - m_fit.lineHeight;
    m_fit.usedHeight = m_document.isEmpty() ? 0 : m_document.size().height();
    m_fit.fits = m_fit.usedHeight <= m_fit.availableHeight;
    m_fit.fraction = m_fit.usedHeight / m_fit.availableHeight;
    const qreal free = m_fit.availableHeight - m_fit.usedHeight;
    m_fit.linesLeft = free >= 0 ? int(std::floor(free / m_fit.lineHeight))
                                : -int(std::ceil(-free / m_fit.lineHeight));
}

void ManifestoPage::paint(QPainter *painter) const
{
    painter->save();
    painter->translate(contentRect().topLeft());
    // Ink on paper, whatever the window's palette: drawContents() would take the application's
    // text colour, which is light in a dark theme.
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, Qt::black);
    context.palette.setColor(QPalette::WindowText, Qt::black);
    painter->setPen(Qt::black);
    m_document.documentLayout()->draw(painter, context);
    painter->restore();
}

} // namespace Rallybook::Render
