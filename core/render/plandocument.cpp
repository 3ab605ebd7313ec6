// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/plandocument.h"

#include "core/render/brand.h"
#include "core/render/pagestyle.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QPagedPaintDevice>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextObjectInterface>
#include <QTextTable>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace Rallybook::Render {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Render::Plan", text);
}

/** The layout's resolution: fine enough that font metrics are the typeface's own. */
constexpr qreal kDpi = 1200;
constexpr qreal kUnitsPerPoint = kDpi / 72.0;

constexpr qreal pt(qreal points)
{
    return points * kUnitsPerPoint;
}

enum Property {
    KeepWithNext = QTextFormat::UserProperty + 1,
    DecorationKind,
    DecorationWidth,
    DecorationHeight,
    DecorationValue,
    DecorationMaximum,
    DecorationColor,
    DecorationTrack,
};

enum { DecorationObject = QTextFormat::UserObject + 1 };
enum Decoration { MeterDecoration = 1, RuleDecoration = 2 };

/** A paint device that only measures: the plan is laid out on it, then painted anywhere. */
class LayoutDevice final : public QPaintDevice
{
public:
    QPaintEngine *paintEngine() const override { return nullptr; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return int(kDpi);
        case PdmWidth:
        case PdmHeight:
            return int(pt(842));
        case PdmWidthMM:
        case PdmHeightMM:
            return 297;
        case PdmNumColors:
            return std::numeric_limits<int>::max();
        case PdmDepth:
            return 32;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        default:
            return 0;
        }
    }
};

/** Draws the plan's small vector figures inline: a meter bar and a short rule. */
class DecorationHandler : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    using QObject::QObject;

    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &format) override
    {
        return {format.doubleProperty(DecorationWidth), format.doubleProperty(DecorationHeight)};
    }

    void drawObject(QPainter *painter,
                    const QRectF &rect,
                    QTextDocument *,
                    int,
                    const QTextFormat &format) override
    {
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setRenderHint(QPainter::Antialiasing);
        const QColor color = format.colorProperty(DecorationColor);
        if (format.intProperty(DecorationKind) == MeterDecoration) {
            const qreal radius = rect.height() / 2;
            painter->setBrush(format.colorProperty(DecorationTrack));
            painter->drawRoundedRect(rect, radius, radius);
            const qreal maximum = format.doubleProperty(DecorationMaximum);
            const qreal share =
                maximum > 0 ? std::clamp(format.doubleProperty(DecorationValue) / maximum, 0.0, 1.0)
                            : 0.0;
            if (share > 0) {
                QRectF filled = rect;
                filled.setWidth(std::max(rect.height(), rect.width() * share));
                painter->setBrush(color);
                painter->drawRoundedRect(filled, radius, radius);
            }
        } else {
            painter->setBrush(color);
            painter->drawRect(rect);
        }
        painter->restore();
    }
};

/** The look of one theme. */
struct Style
{
    PlanTheme theme = PlanTheme::Classic;
    QColor accent;
    QColor ink{0x1d, 0x1b, 0x1a};
    QColor muted{0x5c, 0x58, 0x55};
    QColor rule{0xd6, 0xd1, 0xcc};
    QColor tint; ///< a pale wash of the accent
    QString serif = Brand::headingFamily();
    QString sans = Brand::bodyFamily();
    qreal body = 10.5;
    qreal tableText = 9.5;
    qreal small = 8.5;

    static Style make(const PlanOptions &options)
    {
        Style style;
        style.theme = options.theme;
        style.accent = options.accent.isValid() ? options.accent : Brand::accent(false);
        const QColor white(Qt::white);
        auto mix = [](const QColor &a, const QColor &b, qreal t) {
            return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                                    float(a.greenF() * (1 - t) + b.greenF() * t),
                                    float(a.blueF() * (1 - t) + b.blueF() * t));
        };
        style.tint = mix(white, style.accent, options.theme == PlanTheme::Bold ? 0.10 : 0.07);
        return style;
    }
};

struct Anchor
{
    int level = 0;
    QString title;
    QTextCursor at;      ///< at its first block; follows later edits before it
    bool opener = false; ///< starts a page without a running header
};

} // namespace

class PlanDocument::Private
{
public:
    PlanOptions options;
    PlanContent content;
    Style style;
    LayoutDevice device;
    QTextDocument document;
    DecorationHandler decorations;
    QSizeF pageUnits;      ///< page size in layout units
    qreal formatScale = 1; ///< layout units per unit of a format length
    QMarginsF margins;     ///< in layout units
    QList<Anchor> anchors;
    QList<int> tocEntries; ///< indexes of the anchors listed on the contents page, in order
    QTextTable *tocTable = nullptr;
    QList<int> tocRows;
    int documentPages = 0;
    QHash<int, int> headerlessPages; ///< document page -> 1
    QList<int> anchorPages;
    QHash<QTextTable *, int> checkedRows; ///< rows known not to be split, by table
    QHash<QTextTable *, int> pushedRows;  ///< the last row moved to a new page, by table
    /**
     * Tables with a header row, whose rules the plan draws itself: Qt draws no collapsed cell
     * borders in tables that repeat a header. Second: the first totals row, or -1.
     */
    QList<std::pair<QTextTable *, int>> ruledTables;
    QList<qreal> anchorY;

    // --- Building ---------------------------------------------------------------------------

    QTextCursor cursor{&document};
    bool fresh = true;            ///< the cursor's block is empty and still unformatted
    bool breakBeforeNext = false; ///< the next block starts a page

    /** The family, then Noto's symbol faces for what it lacks (arrows), before any other. */
    static QStringList families(const QString &family)
    {
        return {family, QStringLiteral("Noto Sans Symbols"), QStringLiteral("Noto Sans Math")};
    }

    QFont
    font(const QString &family, qreal points, int weight = QFont::Normal, bool italic = false) const
    {
        QFont f(family);
        f.setFamilies(families(family));
        f.setPointSizeF(points);
        f.setWeight(QFont::Weight(weight));
        f.setItalic(italic);
        f.setHintingPreference(QFont::PreferNoHinting);
        f.setKerning(true);
        noLigatures(f);
        return f;
    }

    /**
     * Qt 6.4 cannot switch ligatures off by name; any letter spacing does. Without this, "ff"
     * in "Offer" becomes one glyph that text extraction and search read as U+FB00.
     */
    static void noLigatures(QFont &f)
    {
        f.setLetterSpacing(QFont::AbsoluteSpacing,
                           1.0 / 32); // Qt keeps 1/64ths; invisible at 1200 dpi
    }

    QTextCharFormat charFormat(const QFont &f, const QColor &color, qreal letterSpacing = 100) const
    {
        QTextCharFormat format;
        format.setFont(f, QTextCharFormat::FontPropertiesAll);
        format.setForeground(color);
        if (letterSpacing != 100) {
            format.setFontLetterSpacingType(QFont::PercentageSpacing);
            format.setFontLetterSpacing(letterSpacing);
        }
        return format;
    }

    QTextCharFormat bodyFormat() const
    {
        return charFormat(font(style.sans, style.body), style.ink);
    }

    QTextBlockFormat blockFormat(qreal top,
                                 qreal bottom,
                                 Qt::Alignment align = Qt::AlignLeft,
                                 bool keep = false) const
    {
        QTextBlockFormat format;
        format.setTopMargin(len(top));
        format.setBottomMargin(len(bottom));
        format.setAlignment(align);
        if (keep) {
            format.setProperty(KeepWithNext, true);
        }
        return format;
    }

    /** Starts a new block (or formats the fresh one). */
    void block(QTextBlockFormat format, const QTextCharFormat &chars)
    {
        if (breakBeforeNext) {
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            breakBeforeNext = false;
        }
        if (fresh) {
            cursor.setBlockFormat(format);
            cursor.setBlockCharFormat(chars);
            cursor.setCharFormat(chars);
            fresh = false;
        } else {
            cursor.insertBlock(format, chars);
        }
    }

    /** Inserts typed text literally; single line breaks stay line breaks. */
    static void insertPlain(QTextCursor &at, const QString &text, const QTextCharFormat &format)
    {
        QString plain = text;
        plain.replace(u'\n', QChar::LineSeparator);
        at.insertText(plain, format);
    }

    void
    paragraph(const QString &text, const QTextBlockFormat &format, const QTextCharFormat &chars)
    {
        block(format, chars);
        insertPlain(cursor, text, chars);
    }

    void anchor(int level, const QString &title, bool opener, bool listed, int position = -1)
    {
        QTextCursor at(&document);
        at.setPosition(position >= 0 ? position : cursor.block().position());
        at.setKeepPositionOnInsert(true); // text typed into its block next must not move it
        anchors.append(Anchor{level, title, at, opener});
        if (listed) {
            tocEntries.append(int(anchors.size()) - 1);
        }
    }

    /**
     * Inserts a table after a hairline spacer block of its own. A page break asked for goes on
     * the spacer, which then marks where the table starts (`spacerPosition`).
     */
    QTextTable *insertTable(int rows,
                            int columns,
                            const QTextTableFormat &format,
                            int *spacerPosition = nullptr)
    {
        QTextBlockFormat spacer;
        spacer.setLineHeight(0, QTextBlockFormat::FixedHeight);
        QTextCharFormat tiny;
        tiny.setFontPointSize(1);
        block(spacer, tiny);
        if (spacerPosition) {
            *spacerPosition = cursor.block().position();
        }
        QTextTable *table = cursor.insertTable(rows, columns, format);
        cursor = table->lastCursorPosition();
        cursor.movePosition(QTextCursor::NextBlock);
        fresh = true;
        return table;
    }

    void decoration(Decoration kind,
                    qreal width,
                    qreal height,
                    qreal value,
                    qreal maximum,
                    const QTextBlockFormat &format)
    {
        QTextCharFormat object;
        object.setObjectType(DecorationObject);
        object.setProperty(DecorationKind, int(kind));
        object.setProperty(DecorationWidth, width);
        object.setProperty(DecorationHeight, height);
        object.setProperty(DecorationValue, value);
        object.setProperty(DecorationMaximum, maximum);
        object.setProperty(DecorationColor, style.accent);
        object.setProperty(DecorationTrack, style.tint.darker(108));
        object.setVerticalAlignment(QTextCharFormat::AlignBaseline);
        QTextCharFormat chars = bodyFormat();
        chars.setFontPointSize(2);
        block(format, chars);
        cursor.insertText(QString(QChar::ObjectReplacementCharacter), object);
    }

    // --- Pieces of the plan ---------------------------------------------------------------

    void sectionOpener(const QString &eyebrow,
                       const QString &title,
                       const QString &purpose,
                       const QString &anchorTitle)
    {
        breakBeforeNext = true;
        const bool bold = style.theme == PlanTheme::Bold;
        const bool modern = style.theme == PlanTheme::Modern;
        if (bold) {
            QTextTableFormat band;
            band.setBorder(0);
            band.setCellSpacing(0);
            band.setCellPadding(len(18));
            band.setWidth(QTextLength(QTextLength::PercentageLength, 100));
            band.setBackground(style.accent);
            band.setTopMargin(len(24));
            band.setBottomMargin(len(16));
            // The anchor is the spacer before the table, which starts the page.
            int start = 0;
            QTextTable *table = insertTable(1, 1, band, &start);
            anchor(0, anchorTitle, true, true, start);
            QTextCursor cell = table->cellAt(0, 0).firstCursorPosition();
            QTextBlockFormat top = blockFormat(0, 4);
            cell.setBlockFormat(top);
            insertPlain(cell,
                        eyebrow.toUpper(),
                        charFormat(font(style.sans, 9, QFont::Bold), QColor(255, 255, 255, 215)));
            cell.insertBlock(blockFormat(0, 0), QTextCharFormat());
            insertPlain(cell, title, charFormat(font(style.serif, 30, QFont::Bold), Qt::white));
            if (!purpose.isEmpty()) {
                paragraph(purpose,
                          blockFormat(0, 18),
                          charFormat(font(style.sans, 11.5, QFont::Normal, true), style.muted));
            }
            return;
        }
        block(blockFormat(modern ? 36 : 48, modern ? 2 : 8, Qt::AlignLeft, true),
              charFormat(font(style.sans, modern ? 30 : 9, QFont::Bold), style.accent));
        anchor(0, anchorTitle, true, true);
        insertPlain(cursor, modern ? eyebrow : eyebrow.toUpper(), cursor.charFormat());
        paragraph(
            title,
            blockFormat(0, 6, Qt::AlignLeft, true),
            charFormat(font(style.serif, modern ? 26 : 30, modern ? QFont::Bold : QFont::Normal),
                       style.ink));
        if (!modern) {
            decoration(
                RuleDecoration, pt(54), pt(2), 0, 0, blockFormat(2, 10, Qt::AlignLeft, true));
        }
        if (!purpose.isEmpty()) {
            paragraph(purpose,
                      blockFormat(0, 18),
                      charFormat(font(style.sans, 11.5, QFont::Normal, true), style.muted));
        }
    }

    void fieldHeading(const QString &label, const QString &question)
    {
        QTextCharFormat labelChars;
        switch (style.theme) {
        case PlanTheme::Classic:
            labelChars = charFormat(font(style.serif, 13, QFont::Bold), style.ink);
            break;
        case PlanTheme::Modern:
            labelChars = charFormat(font(style.sans, 9.5, QFont::Bold), style.accent);
            break;
        case PlanTheme::Bold:
            labelChars = charFormat(font(style.serif, 13.5, QFont::Black), style.accent);
            break;
        }
        block(blockFormat(16, question.isEmpty() ? 5 : 1, Qt::AlignLeft, true), labelChars);
        insertPlain(cursor, style.theme == PlanTheme::Modern ? label.toUpper() : label, labelChars);
        if (!question.isEmpty()) {
            paragraph(question,
                      blockFormat(0, 6, Qt::AlignLeft, true),
                      charFormat(font(style.sans, 9.5, QFont::Normal, true), style.muted));
        }
    }

    void partLabel(const QString &label)
    {
        paragraph(label,
                  blockFormat(6, 2, Qt::AlignLeft, true),
                  charFormat(font(style.sans, 9.5, QFont::Bold), style.ink));
    }

    void paragraphs(const QString &text,
                    const QTextCharFormat &chars,
                    qreal lineHeight,
                    Qt::Alignment align = Qt::AlignLeft)
    {
        static const QRegularExpression blank(QStringLiteral("\\n[ \\t]*\\n\\s*"));
        const QStringList parts = text.split(blank, Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            QTextBlockFormat format = blockFormat(0, 6, align);
            format.setLineHeight(lineHeight, QTextBlockFormat::ProportionalHeight);
            paragraph(part.trimmed(), format, chars);
        }
    }

    QTextTableFormat tableFormat(const QList<double> &weights, int columns, bool header) const
    {
        QTextTableFormat format;
        format.setBorder(0);
        format.setBorderCollapse(true);
        format.setCellSpacing(0);
        format.setCellPadding(len(4));
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setTopMargin(len(4));
        format.setBottomMargin(len(10));
        format.setHeaderRowCount(header ? 1 : 0);
        double sum = 0;
        for (int c = 0; c < columns; ++c) {
            sum += weights.value(c, 1);
        }
        QList<QTextLength> widths;
        for (int c = 0; c < columns; ++c) {
            widths.append(
                QTextLength(QTextLength::PercentageLength, 100 * weights.value(c, 1) / sum));
        }
        format.setColumnWidthConstraints(widths);
        return format;
    }

    /**
     * Column shares from what the columns hold: every column gets room for its longest word
     * (headers too) where the width allows, and what is left goes to the columns whose texts
     * are longer, so short columns do not wrap and long ones take the rest.
     */
    QList<double> columnShares(const PlanTable &data, int columns) const
    {
        const QFontMetricsF body(font(style.sans, style.tableText), &device);
        const QFontMetricsF head(font(style.sans, 8.5, QFont::Bold), &device);
        const qreal padding = 2 * pt(4) + pt(1);
        const qreal total = textWidth();
        QList<qreal> minimum(columns, 0);
        QList<qreal> natural(columns, 0);
        auto words = [](const QString &text) {
            return text.split(QRegularExpression(QStringLiteral("[\\s\\x{2028}]+")),
                              Qt::SkipEmptyParts);
        };
        for (int c = 0; c < columns; ++c) {
            for (const QString &word : words(data.headers.value(c))) {
                minimum[c] = std::max(minimum[c],
                                      head.horizontalAdvance(
                                          style.theme == PlanTheme::Classic ? word : word.toUpper())
                                          * 1.08);
            }
            // Sampling keeps very long lists cheap.
            const qsizetype step = std::max<qsizetype>(1, data.rows.size() / 300);
            qreal sum = 0;
            int counted = 0;
            for (qsizetype r = 0; r < data.rows.size(); r += step, ++counted) {
                const QString cell = data.rows.at(r).value(c);
                for (const QString &word : words(cell)) {
                    minimum[c] = std::max(minimum[c], body.horizontalAdvance(word));
                }
                sum += body.horizontalAdvance(cell);
            }
            for (const QStringList &row : data.totals) {
                for (const QString &word : words(row.value(c))) {
                    minimum[c] = std::max(minimum[c], body.horizontalAdvance(word) * 1.1);
                }
            }
            minimum[c] = std::min(minimum[c] + padding, total * 0.45);
            natural[c] = std::max(minimum[c], (counted ? sum / counted : 0) + padding);
        }
        const qreal minimumSum = std::accumulate(minimum.begin(), minimum.end(), 0.0);
        const qreal naturalSum = std::accumulate(natural.begin(), natural.end(), 0.0);
        QList<double> widths;
        for (int c = 0; c < columns; ++c) {
            qreal width;
            if (minimumSum >= total) {
                width = minimum[c];
            } else if (naturalSum <= total) {
                width = natural[c] + (total - naturalSum) * natural[c] / naturalSum;
            } else {
                const qreal spare = total - minimumSum;
                const qreal wanted = naturalSum - minimumSum;
                width = minimum[c] + spare * (natural[c] - minimum[c]) / wanted;
            }
            widths.append(width);
        }
        return widths;
    }

    void setCellBorders(QTextTableCellFormat &format,
                        qreal top,
                        const QColor &topColor,
                        qreal bottom,
                        const QColor &bottomColor) const
    {
        format.setLeftBorder(0);
        format.setRightBorder(0);
        format.setTopBorder(top);
        format.setTopBorderBrush(topColor);
        format.setTopBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setBottomBorder(bottom);
        format.setBottomBorderBrush(bottomColor);
        format.setBottomBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    }

    void table(const PlanTable &data)
    {
        int columns = int(data.headers.size());
        for (const QStringList &row : data.rows) {
            columns = std::max(columns, int(row.size()));
        }
        if (columns == 0) {
            return;
        }
        const bool header = !data.headers.isEmpty();
        const int rows = int(data.rows.size() + data.totals.size()) + (header ? 1 : 0);
        const QList<double> weights = data.keyValue ? data.weights : columnShares(data, columns);
        QTextTable *table = insertTable(rows, columns, tableFormat(weights, columns, header));
        if (header) {
            ruledTables.append({table, data.totals.isEmpty() ? -1 : int(data.rows.size()) + 1});
        }

        const QFont cellFont = font(style.sans, style.tableText);
        const QTextCharFormat text = charFormat(cellFont, style.ink);
        const QTextCharFormat key =
            charFormat(font(style.sans, style.tableText, QFont::DemiBold), style.ink);
        QTextCharFormat head;
        QColor headFill;
        switch (style.theme) {
        case PlanTheme::Classic:
            head = charFormat(font(style.sans, 8.5, QFont::Bold), style.ink);
            break;
        case PlanTheme::Modern:
            head = charFormat(font(style.sans, 8.5, QFont::Bold), style.muted);
            break;
        case PlanTheme::Bold:
            head = charFormat(font(style.sans, 8.5, QFont::Bold), Qt::white);
            headFill = style.accent;
            break;
        }
        const QTextCharFormat total =
            charFormat(font(style.sans, style.tableText, QFont::Bold), style.ink);
        const qreal hair = len(0.5);
        const qreal strong = len(1);

        auto fill =
            [&](int r, int c, const QString &value, const QTextCharFormat &chars, bool right) {
                QTextTableCell cell = table->cellAt(r, c);
                QTextCursor at = cell.firstCursorPosition();
                QTextBlockFormat format;
                format.setAlignment(right ? Qt::AlignRight : Qt::AlignLeft);
                at.setBlockFormat(format);
                at.setBlockCharFormat(chars);
                insertPlain(at, value, chars);
            };
        int r = 0;
        if (header) {
            for (int c = 0; c < columns; ++c) {
                QTextTableCellFormat format = table->cellAt(r, c).format().toTableCellFormat();
                if (headFill.isValid()) {
                    format.setBackground(headFill);
                }
                table->cellAt(r, c).setFormat(format);
                const QString label = data.headers.value(c);
                fill(r,
                     c,
                     style.theme == PlanTheme::Classic ? label : label.toUpper(),
                     head,
                     data.rightAligned.value(c));
            }
            ++r;
        }
        for (int i = 0; i < data.rows.size(); ++i, ++r) {
            const QStringList &row = data.rows.at(i);
            for (int c = 0; c < columns; ++c) {
                QTextTableCell cell = table->cellAt(r, c);
                QTextTableCellFormat format = cell.format().toTableCellFormat();
                // Rules above rows, not below: a row moved to the next page leaves the row
                // before it stretched to the page's foot, and a rule there would float.
                if (!header) {
                    setCellBorders(format, i == 0 ? 0 : hair, style.rule, 0, style.rule);
                }
                cell.setFormat(format);
                fill(r,
                     c,
                     row.value(c),
                     data.keyValue && c == 0 ? key : text,
                     data.rightAligned.value(c));
            }
        }
        for (int i = 0; i < data.totals.size(); ++i, ++r) {
            const QStringList &row = data.totals.at(i);
            for (int c = 0; c < columns; ++c) {
                QTextTableCell cell = table->cellAt(r, c);
                QTextTableCellFormat format = cell.format().toTableCellFormat();
                if (!header) {
                    setCellBorders(format, i == 0 ? strong : 0, style.ink, 0, style.rule);
                }
                cell.setFormat(format);
                // A totals row's label may be longer than its column: it spans up to its value.
                fill(r, c, row.value(c), total, data.rightAligned.value(c) || c == columns - 1);
            }
        }
    }

    void quote(const QString &text)
    {
        QTextTableFormat format;
        format.setBorder(0);
        format.setBorderCollapse(true);
        format.setCellSpacing(0);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setTopMargin(len(4));
        format.setBottomMargin(len(10));
        QTextTable *table = insertTable(1, 1, format);
        QTextTableCell cell = table->cellAt(0, 0);
        QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
        cellFormat.setLeftBorder(len(3));
        cellFormat.setLeftBorderBrush(style.accent);
        cellFormat.setLeftBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        cellFormat.setTopBorder(0);
        cellFormat.setBottomBorder(0);
        cellFormat.setRightBorder(0);
        cellFormat.setLeftPadding(len(14));
        cellFormat.setTopPadding(len(6));
        cellFormat.setBottomPadding(len(6));
        cellFormat.setBackground(style.tint);
        cell.setFormat(cellFormat);
        QTextCursor at = cell.firstCursorPosition();
        QTextBlockFormat blockFormat;
        blockFormat.setLineHeight(135, QTextBlockFormat::ProportionalHeight);
        at.setBlockFormat(blockFormat);
        insertPlain(at, text, charFormat(font(style.serif, 14, QFont::Normal, true), style.ink));
    }

    void manifesto(const PlanField &field)
    {
        breakBeforeNext = true;
        const QTextCharFormat eyebrow = charFormat(font(style.sans, 9, QFont::Bold), style.accent);
        block(blockFormat(56, 10, Qt::AlignHCenter, true), eyebrow);
        anchor(1, field.label, true, true);
        insertPlain(cursor, field.label.toUpper(), eyebrow);
        // The manifesto's type and spacing come from PageStyle, which the studio's one-page
        // meter measures with: "fits on one page" means the same in both.
        const QFont titleFont = PageStyle::manifestoTitleFont();
        paragraph(field.title,
                  blockFormat(0, 8, Qt::AlignHCenter, true),
                  charFormat(font(style.serif,
                                  titleFont.pointSizeF(),
                                  style.theme == PlanTheme::Classic ? QFont::Normal : QFont::Bold),
                             style.theme == PlanTheme::Bold ? style.accent : style.ink));
        decoration(RuleDecoration, pt(54), pt(2), 0, 0, blockFormat(4, 22, Qt::AlignHCenter, true));
        for (const PlanBlock &b : field.blocks) {
            paragraphs(b.text,
                       charFormat(font(style.serif, PageStyle::manifestoBodyFont().pointSizeF()),
                                  style.ink),
                       PageStyle::kManifestoLineHeight,
                       style.theme == PlanTheme::Classic ? Qt::AlignJustify : Qt::AlignLeft);
        }
        breakBeforeNext = true; // the manifesto has its page to itself
    }

    void field(const PlanField &field)
    {
        if (field.kind == PlanField::Kind::Manifesto) {
            manifesto(field);
            return;
        }
        const bool listed = field.kind == PlanField::Kind::Storyboard
                            || field.kind == PlanField::Kind::OfferStack
                            || field.kind == PlanField::Kind::FanEconomics;
        const bool wasBreak = breakBeforeNext;
        fieldHeading(field.label, field.question);
        if (listed) {
            // The heading block starts two blocks back when there is a question.
            QTextBlock first = cursor.block();
            if (!field.question.isEmpty()) {
                first = first.previous();
            }
            anchor(1, field.label, false, true, first.position());
        }
        Q_UNUSED(wasBreak);
        for (const PlanBlock &b : field.blocks) {
            switch (b.kind) {
            case PlanBlock::Kind::Text:
                paragraph(b.text, blockFormat(0, 6), bodyFormat());
                break;
            case PlanBlock::Kind::Paragraphs:
                if (field.kind == PlanField::Kind::MiniManifesto) {
                    quote(b.text);
                } else {
                    paragraphs(b.text, bodyFormat(), 135);
                }
                break;
            case PlanBlock::Kind::Inline:
                paragraph(
                    b.items.join(QStringLiteral("  \u00b7  ")), blockFormat(0, 6), bodyFormat());
                break;
            case PlanBlock::Kind::Label:
                partLabel(b.text);
                break;
            case PlanBlock::Kind::Table:
                table(b.table);
                break;
            case PlanBlock::Kind::Note:
                paragraph(
                    b.text,
                    blockFormat(0, 6),
                    charFormat(font(style.sans, style.small, QFont::Normal, true), style.muted));
                break;
            case PlanBlock::Kind::Meter: {
                decoration(MeterDecoration,
                           textWidth(),
                           pt(9),
                           b.value,
                           b.maximum,
                           blockFormat(4, 2, Qt::AlignLeft, true));
                paragraph(b.text,
                          blockFormat(0, 8),
                          charFormat(font(style.sans, style.small), style.muted));
                break;
            }
            }
        }
    }

    void appendix(const PlanAppendix &data)
    {
        sectionOpener(tr("Appendix"),
                      tr("Readiness"),
                      tr("What the workbook's checks say about this plan: the score, then every "
                         "open finding with what to do about it."),
                      tr("Readiness"));
        fieldHeading(tr("Readiness score"), QString());
        paragraph(tr("%1 of 100").arg(data.score),
                  blockFormat(0, 2, Qt::AlignLeft, true),
                  charFormat(font(style.serif, 24, QFont::Bold), style.accent));
        decoration(MeterDecoration, textWidth(), pt(9), data.score, 100, blockFormat(4, 8));
        if (!data.sections.rows.isEmpty()) {
            fieldHeading(tr("By section"), QString());
            table(data.sections);
        }
        fieldHeading(tr("Open findings"), QString());
        if (data.findingsBySection.isEmpty()) {
            paragraph(tr("No open findings."), blockFormat(6, 6), bodyFormat());
            return;
        }
        for (const auto &[sectionTitle, findings] : data.findingsBySection) {
            partLabel(sectionTitle);
            PlanTable rows;
            rows.weights = {1, 5};
            QTextTable *t =
                insertTable(int(findings.size()), 2, tableFormat(rows.weights, 2, false));
            for (int i = 0; i < findings.size(); ++i) {
                const PlanFinding &finding = findings.at(i);
                for (int c = 0; c < 2; ++c) {
                    QTextTableCellFormat format = t->cellAt(i, c).format().toTableCellFormat();
                    setCellBorders(format, i == 0 ? 0 : len(0.5), style.rule, 0, style.rule);
                    t->cellAt(i, c).setFormat(format);
                }
                QTextCursor severity = t->cellAt(i, 0).firstCursorPosition();
                insertPlain(severity,
                            Brand::severityWord(finding.severity),
                            charFormat(font(style.sans, style.tableText, QFont::Bold),
                                       Brand::severityColor(finding.severity)));
                QTextCursor at = t->cellAt(i, 1).firstCursorPosition();
                insertPlain(at,
                            finding.title,
                            charFormat(font(style.sans, style.tableText, QFont::Bold), style.ink));
                at.insertBlock(QTextBlockFormat(), QTextCharFormat());
                insertPlain(
                    at, finding.message, charFormat(font(style.sans, style.tableText), style.ink));
                if (!finding.why.isEmpty()) {
                    at.insertBlock(QTextBlockFormat(), QTextCharFormat());
                    insertPlain(at,
                                finding.why,
                                charFormat(font(style.sans, style.small, QFont::Normal, true),
                                           style.muted));
                }
            }
        }
    }

    void contents()
    {
        const QTextCharFormat title = charFormat(
            font(style.serif, 26, style.theme == PlanTheme::Classic ? QFont::Normal : QFont::Bold),
            style.ink);
        block(blockFormat(48, 18), title);
        insertPlain(cursor, tr("Contents"), title);
        headerlessPages.insert(0, 1);
    }

    /** The contents table, made once the entries are known (they are added while building). */
    void contentsTable(QTextCursor at)
    {
        QTextTableFormat format = tableFormat({0.6, 6, 1}, 3, false);
        format.setCellPadding(len(5));
        cursor = at;
        fresh = false;
        tocTable = cursor.insertTable(int(tocEntries.size()), 3, format);
        for (int i = 0; i < tocEntries.size(); ++i) {
            const Anchor &entry = anchors.at(tocEntries.at(i));
            const bool top = entry.level == 0;
            for (int c = 0; c < 3; ++c) {
                QTextTableCellFormat cell = tocTable->cellAt(i, c).format().toTableCellFormat();
                setCellBorders(cell, top && i > 0 ? len(0.5) : 0, style.rule, 0, style.rule);
                tocTable->cellAt(i, c).setFormat(cell);
            }
            const QTextCharFormat chars = top ? charFormat(font(style.serif, 13), style.ink)
                                              : charFormat(font(style.sans, 10), style.muted);
            QTextCursor number = tocTable->cellAt(i, 0).firstCursorPosition();
            if (top) {
                insertPlain(number,
                            tocNumber(i),
                            charFormat(font(style.sans, 10, QFont::Bold), style.accent));
            }
            QTextCursor name = tocTable->cellAt(i, 1).firstCursorPosition();
            QTextBlockFormat indent;
            indent.setLeftMargin(top ? 0 : len(14));
            name.setBlockFormat(indent);
            insertPlain(name, entry.title, chars);
            // The page number is painted (paintContentsNumbers).
        }
    }

    QString tocNumber(int index) const
    {
        // Sections keep their number in the framework; the appendix gets a letter.
        const QString title = anchors.at(tocEntries.at(index)).title;
        for (const PlanSection &section : content.sections) {
            if (section.title == title) {
                return QString::number(section.number);
            }
        }
        return QStringLiteral("A");
    }

    qreal textWidth() const { return pageUnits.width() - margins.left() - margins.right(); }

    /**
     * A length for a text format, in points. With a paint device set, QTextDocumentLayout reads
     * format lengths (margins, padding, borders) in the screen's pixels and scales them to the
     * device, as QTextDocument::print() relies on; page sizes, fonts and objects are not scaled.
     */
    qreal len(qreal points) const { return pt(points) / formatScale; }

    /** Measures how the layout scales format lengths on the layout device. */
    void measureFormatScale()
    {
        QTextDocument probe;
        probe.documentLayout()->setPaintDevice(&device);
        // The body font: loading a font at a size is the costly part, and the plan needs it.
        probe.setDefaultFont(font(style.sans, style.body));
        probe.setPageSize(QSizeF(pt(600), pt(800)));
        QTextFrameFormat format = probe.rootFrame()->frameFormat();
        format.setMargin(0);
        format.setLeftMargin(1000);
        probe.rootFrame()->setFrameFormat(format);
        QTextCursor(&probe).insertText(QStringLiteral("x"));
        const qreal left = probe.documentLayout()->blockBoundingRect(probe.begin()).left();
        formatScale = left > 0 ? left / 1000 : 1;
    }

    void build()
    {
        measureFormatScale();
        document.setUndoRedoEnabled(false);
        document.documentLayout()->setPaintDevice(&device);
        document.documentLayout()->registerHandler(DecorationObject, &decorations);
        document.setUseDesignMetrics(true);
        document.setDefaultFont(font(style.sans, style.body));
        const QSizeF points = options.pageSize.size(QPageSize::Point);
        pageUnits = QSizeF(pt(points.width()), pt(points.height()));
        // A reading column of about 75 characters, centred, with room for the running head.
        const QMarginsF page = PageStyle::marginsPoints(points);
        margins = QMarginsF(pt(page.left()), pt(page.top()), pt(page.right()), pt(page.bottom()));
        document.setPageSize(pageUnits);
        QTextFrameFormat root = document.rootFrame()->frameFormat();
        root.setMargin(0);
        root.setPadding(0);
        root.setLeftMargin(margins.left() / formatScale);
        root.setRightMargin(margins.right() / formatScale);
        root.setTopMargin(margins.top() / formatScale);
        root.setBottomMargin(margins.bottom() / formatScale);
        document.rootFrame()->setFrameFormat(root);

        // One edit block: the layout runs once at its end, not after every insertion.
        QTextCursor batch(&document);
        batch.beginEditBlock();
        contents();
        const int tocAt = cursor.position();
        for (const PlanSection &section : content.sections) {
            sectionOpener(tr("Section %1").arg(section.number),
                          section.title,
                          section.purpose,
                          section.title);
            if (section.fields.isEmpty()) {
                paragraph(
                    tr("Nothing has been filled in here yet."),
                    blockFormat(6, 6),
                    charFormat(font(style.sans, style.body, QFont::Normal, true), style.muted));
            }
            for (const PlanField &f : section.fields) {
                field(f);
            }
        }
        if (content.appendix) {
            appendix(*content.appendix);
        }
        QTextCursor tocCursor(&document);
        tocCursor.setPosition(tocAt);
        contentsTable(tocCursor);
        batch.endEditBlock();
    }

    // --- Pagination -------------------------------------------------------------------------

    QAbstractTextDocumentLayout *layout() const { return document.documentLayout(); }

    int pageOf(qreal y) const { return int(std::floor(y / pageUnits.height())); }

    bool inRootFrame(const QTextBlock &block) const
    {
        return document.frameAt(block.position()) == document.rootFrame();
    }

    qreal lineTop(const QTextBlock &block, int line) const
    {
        const QRectF rect = layout()->blockBoundingRect(block);
        const QTextLayout *text = block.layout();
        if (!text || text->lineCount() == 0) {
            return rect.top();
        }
        return rect.top() + text->lineAt(std::clamp(line, 0, text->lineCount() - 1)).y();
    }

    qreal lineBottom(const QTextBlock &block, int line) const
    {
        const QTextLayout *text = block.layout();
        if (!text || text->lineCount() == 0) {
            return layout()->blockBoundingRect(block).bottom();
        }
        const QTextLine l = text->lineAt(std::clamp(line, 0, text->lineCount() - 1));
        return layout()->blockBoundingRect(block).top() + l.y() + l.height();
    }

    bool keeps(const QTextBlock &block) const
    {
        return block.blockFormat().boolProperty(KeepWithNext);
    }

    /** The block after `block` that holds something (a table's first cell counts). */
    QTextBlock nextContent(const QTextBlock &block) const
    {
        QTextBlock next = block.next();
        // Skip the hairline spacer before a table.
        while (next.isValid() && next.length() <= 1 && inRootFrame(next) && next.next().isValid()
               && !inRootFrame(next.next())) {
            next = next.next();
        }
        return next;
    }

    qreal rowTop(QTextTable *table, int row) const
    {
        qreal top = std::numeric_limits<qreal>::max();
        for (int c = 0; c < table->columns(); ++c) {
            top = std::min(top, lineTop(table->cellAt(row, c).firstCursorPosition().block(), 0));
        }
        return top;
    }

    qreal rowBottom(QTextTable *table, int row) const
    {
        qreal bottom = std::numeric_limits<qreal>::lowest();
        for (int c = 0; c < table->columns(); ++c) {
            const QTextBlock last = table->cellAt(row, c).lastCursorPosition().block();
            const int lines = last.layout() ? last.layout()->lineCount() : 0;
            bottom = std::max(bottom, lineBottom(last, std::max(0, lines - 1)));
        }
        return bottom;
    }

    /**
     * The first row of `table` from `from` on that crosses a page boundary although it would
     * fit on a page, or -1.
     */
    int splitRow(QTextTable *table, int from) const
    {
        const qreal room = pageUnits.height() - margins.top() - margins.bottom();
        for (int r = std::max(from, table->format().headerRowCount()); r < table->rows(); ++r) {
            const qreal top = rowTop(table, r);
            const qreal bottom = rowBottom(table, r);
            if (pageOf(top + 1) != pageOf(bottom - 1) && bottom - top < room * 0.8) {
                return r;
            }
        }
        return -1;
    }

    /** The height a row needs, from its lines alone (unaffected by where pages break). */
    qreal naturalRowHeight(QTextTable *table, int row, qreal padding) const
    {
        qreal tallest = 0;
        for (int c = 0; c < table->columns(); ++c) {
            const QTextTableCell cell = table->cellAt(row, c);
            qreal height = 0;
            const int end = cell.lastCursorPosition().block().blockNumber();
            for (QTextBlock b = cell.firstCursorPosition().block();
                 b.isValid() && b.blockNumber() <= end;
                 b = b.next()) {
                const QTextLayout *text = b.layout();
                for (int i = 0; text && i < text->lineCount(); ++i) {
                    height += text->lineAt(i).height();
                }
            }
            tallest = std::max(tallest, height);
        }
        return tallest + 2 * padding;
    }

    /** Ends a row's page after it (or no longer), through its first cell's last block. */
    void setPageBreakAfterRow(QTextTable *table, int row, bool breakAfter)
    {
        QTextCursor at = table->cellAt(row, 0).lastCursorPosition();
        QTextBlockFormat format = at.blockFormat();
        const bool has = format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysAfter;
        if (has == breakAfter) {
            return;
        }
        format.setPageBreakPolicy(breakAfter ? QTextFormat::PageBreak_AlwaysAfter
                                             : QTextFormat::PageBreak_Auto);
        at.setBlockFormat(format);
    }

    /**
     * Moves a split row to the next page, and plans the page breaks of the rest of the table
     * in the same stroke: one relayout of a long table instead of one per page.
     *
     * Qt splits a row's cells across pages. A page break after the row before (in its first
     * cell) makes that row reach down to the next page's top, so the split row starts there,
     * below the repeated header. Rules are drawn above rows, so nothing shows the stretch.
     */
    void pushRows(QTextTable *table, int row)
    {
        const qreal padding = table->format().cellPadding() * formatScale;
        const qreal room = pageUnits.height() - margins.top() - margins.bottom();
        auto pageEnd = [&](int page) {
            return (page + 1) * pageUnits.height() - margins.bottom();
        };
        {
            QTextCursor batch(&document);
            batch.beginEditBlock();
            setPageBreakAfterRow(table, row - 1, true);
            for (int r = row; r < table->rows(); ++r) {
                setPageBreakAfterRow(table, r, false);
            }
            batch.endEditBlock();
        }
        // Where a row starts on a continued page, below the repeated header: as laid out now.
        qreal y = rowTop(table, row) - padding;
        const qreal continuation = y - pageOf(y + padding + 1) * pageUnits.height();
        QList<int> breaks;
        y += naturalRowHeight(table, row, padding);
        // A little slack: a row predicted to end right at the foot starts the next page.
        const qreal slack = pt(4);
        for (int r = row + 1; r < table->rows(); ++r) {
            const qreal height = naturalRowHeight(table, r, padding);
            const int page = pageOf(y + padding + 1);
            if (y + height > pageEnd(page) - slack && height < room * 0.8) {
                breaks.append(r - 1);
                y = (page + 1) * pageUnits.height() + continuation;
            }
            y += height;
        }
        QTextCursor batch(&document);
        batch.beginEditBlock();
        for (const int r : breaks) {
            setPageBreakAfterRow(table, r, true);
        }
        batch.endEditBlock();
    }

    /** Finds the first problem from `block` on and fixes it; returns where to look again. */
    std::optional<QTextBlock> fixFrom(QTextBlock block, QStringList *stranded)
    {
        QTextBlock chainStart;
        QTextBlock lastChain; ///< the keep chain just before the current table
        for (; block.isValid(); block = block.next()) {
            QTextBlock move;
            if (!inRootFrame(block)) {
                auto *table = qobject_cast<QTextTable *>(document.frameAt(block.position()));
                if (table) {
                    const int row = splitRow(table, checkedRows.value(table, 0));
                    if (row >= 0 && row == table->format().headerRowCount() && !stranded) {
                        // Its first row does not fit: the whole table, with its heading, moves.
                        move = lastChain.isValid() ? lastChain
                                                   : document.findBlock(table->firstPosition() - 1);
                        const bool fixed = move.blockFormat().pageBreakPolicy()
                                           & QTextFormat::PageBreak_AlwaysBefore;
                        if (!fixed) {
                            QTextBlockFormat format = move.blockFormat();
                            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
                            QTextCursor(move).setBlockFormat(format);
                            return move;
                        }
                        checkedRows.insert(table, row + 1);
                        block = table->lastCursorPosition().block();
                        chainStart = QTextBlock();
                        continue;
                    }
                    if (row > 0 && !stranded && pushedRows.value(table, -1) >= row) {
                        // Pushed before and still split: leave it rather than try forever.
                        checkedRows.insert(table, row + 1);
                        block = table->lastCursorPosition().block();
                        chainStart = QTextBlock();
                        continue;
                    }
                    if (row > 0 && !stranded) {
                        checkedRows.insert(table, row);
                        pushedRows.insert(table, row);
                        pushRows(table, row);
                        // The table may have moved as a whole: look again from the heading.
                        return lastChain.isValid() ? lastChain : block;
                    }
                    if (row < 0) {
                        checkedRows.insert(table, table->rows());
                    }
                    block = table->lastCursorPosition().block();
                }
                chainStart = QTextBlock();
                continue;
            }
            const QTextLayout *text = block.layout();
            const int lines = text ? text->lineCount() : 0;
            if (keeps(block)) {
                if (!chainStart.isValid()) {
                    chainStart = block;
                }
                lastChain = chainStart;
                const QTextBlock next = nextContent(block);
                if (next.isValid() && lines > 0
                    && pageOf(lineBottom(block, lines - 1) - 1) != pageOf(lineTop(next, 0) + 1)) {
                    move = chainStart;
                }
            } else {
                if (lines >= 2) {
                    // No first line alone at a page's foot; short paragraphs stay whole.
                    const int firstPage = pageOf(lineTop(block, 0) + 1);
                    const bool orphan = firstPage != pageOf(lineTop(block, 1) + 1);
                    const bool split = firstPage != pageOf(lineTop(block, lines - 1) + 1);
                    if (orphan || (lines <= 3 && split)) {
                        move = chainStart.isValid() ? chainStart : block;
                    }
                }
                chainStart = QTextBlock();
                // An empty spacer before a table keeps the chain before it.
                if (!(block.length() <= 1 && block.next().isValid()
                      && !inRootFrame(block.next()))) {
                    lastChain = QTextBlock();
                }
            }
            if (move.isValid()) {
                QTextBlockFormat format = move.blockFormat();
                const bool fixed = format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore;
                if (stranded || fixed) {
                    // Reporting only, or already at the top of a page: nothing more to do.
                    if (stranded && keeps(move)) {
                        stranded->append(move.text());
                    }
                    chainStart = QTextBlock();
                    continue;
                }
                format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
                QTextCursor(move).setBlockFormat(format);
                return move;
            }
        }
        return std::nullopt;
    }

    bool paginate(const Progress &progress)
    {
        QTextBlock from = document.begin();
        int fixes = 0;
        while (auto moved = fixFrom(from, nullptr)) {
            from = *moved;
            if (progress && !progress(++fixes, 0)) {
                return false;
            }
        }
        return true;
    }

    void resolveAnchors()
    {
        anchorPages.clear();
        anchorY.clear();
        for (const Anchor &a : anchors) {
            QTextBlock block = a.at.block();
            const qreal y = lineTop(block, 0);
            anchorPages.append(pageOf(y + 1));
            anchorY.append(y - pageOf(y + 1) * pageUnits.height());
        }
        documentPages = std::max(1, document.pageCount());
        headerlessPages.clear();
        headerlessPages.insert(0, 1);
        for (int i = 0; i < anchors.size(); ++i) {
            if (anchors.at(i).opener) {
                headerlessPages.insert(anchorPages.at(i), 1);
            }
        }
    }

    int physicalPage(int documentPage) const { return documentPage + 1; }

    /** The contents' page numbers, right-aligned in their column, on the line of their entry. */
    void paintContentsNumbers(QPainter *painter, int documentPage) const
    {
        if (!tocTable) {
            return;
        }
        for (int i = 0; i < tocEntries.size(); ++i) {
            const int index = tocEntries.at(i);
            const QTextBlock title = tocTable->cellAt(i, 1).firstCursorPosition().block();
            const qreal top = lineTop(title, 0);
            if (pageOf(top + 1) != documentPage) {
                continue;
            }
            const QRectF cell =
                layout()->blockBoundingRect(tocTable->cellAt(i, 2).firstCursorPosition().block());
            const bool level0 = anchors.at(index).level == 0;
            const QFont f = level0 ? pixelFont(style.serif, 13) : pixelFont(style.sans, 10);
            painter->setFont(f);
            painter->setPen(level0 ? style.ink : style.muted);
            painter->drawText(QRectF(cell.left(), top, cell.width(), pageUnits.height()),
                              int(Qt::AlignRight | Qt::AlignTop),
                              QString::number(physicalPage(anchorPages.value(index)) + 1));
        }
    }

    QString sectionOnPage(int documentPage) const
    {
        QString title;
        for (int i = 0; i < anchors.size(); ++i) {
            if (anchors.at(i).level == 0 && anchorPages.value(i) <= documentPage) {
                title = anchors.at(i).title;
            }
        }
        return title;
    }

    // --- Painting ---------------------------------------------------------------------------

    QFont pixelFont(const QString &family,
                    qreal points,
                    int weight = QFont::Normal,
                    bool italic = false) const
    {
        QFont f(family);
        f.setFamilies(families(family));
        f.setPixelSize(int(std::round(pt(points))));
        f.setWeight(QFont::Weight(weight));
        f.setItalic(italic);
        f.setHintingPreference(QFont::PreferNoHinting);
        noLigatures(f);
        return f;
    }

    /** Draws wrapped text at `top` within [left, left + width]; returns the bottom. */
    qreal drawText(QPainter *painter,
                   const QString &text,
                   const QFont &f,
                   const QColor &color,
                   qreal left,
                   qreal top,
                   qreal width,
                   Qt::Alignment align,
                   qreal letterSpacing = 100) const
    {
        if (text.isEmpty()) {
            return top;
        }
        QFont spaced = f;
        if (letterSpacing != 100) {
            spaced.setLetterSpacing(QFont::PercentageSpacing, letterSpacing);
        }
        painter->setFont(spaced);
        painter->setPen(color);
        const int flags = int(align) | Qt::TextWordWrap;
        const QRectF box(left, top, width, pageUnits.height());
        QRectF used;
        painter->drawText(box, flags, text, &used);
        return top + used.height();
    }

    qreal textHeight(const QString &text, const QFont &f, qreal width) const
    {
        const QFontMetricsF metrics(f);
        return metrics.boundingRect(QRectF(0, 0, width, pageUnits.height()), Qt::TextWordWrap, text)
            .height();
    }

    void drawPennant(QPainter *painter, const QPointF &topLeft, qreal size, bool onAccent) const
    {
        // The icon's 64-unit drawing (resources/icons), in the accent colour.
        painter->save();
        painter->translate(topLeft);
        painter->scale(size / 64, size / 64);
        painter->setPen(Qt::NoPen);
        painter->setRenderHint(QPainter::Antialiasing);
        const QColor staff = onAccent ? QColor(255, 255, 255) : style.accent.darker(190);
        const QColor flag = onAccent ? QColor(255, 255, 255) : style.accent;
        const QColor light = onAccent ? QColor(255, 255, 255, 200) : style.accent.lighter(125);
        painter->setBrush(staff);
        painter->drawRoundedRect(QRectF(12, 6, 5, 52), 2.5, 2.5);
        painter->drawEllipse(QPointF(14.5, 6.5), 4, 4);
        QPainterPath pennant;
        pennant.moveTo(17, 10);
        pennant.lineTo(56, 21);
        pennant.lineTo(17, 32);
        pennant.closeSubpath();
        painter->setBrush(flag);
        painter->drawPath(pennant);
        QPainterPath upper;
        upper.moveTo(17, 10);
        upper.lineTo(56, 21);
        upper.lineTo(17, 21);
        upper.closeSubpath();
        painter->setBrush(light);
        painter->drawPath(upper);
        painter->restore();
    }

    void drawWallpaper(QPainter *painter, const QRectF &box, const QColor &frame) const
    {
        const QImage &image = content.wallpaper;
        QSizeF size = image.size();
        size.scale(box.size(), Qt::KeepAspectRatio);
        const QRectF target(
            box.center().x() - size.width() / 2, box.top(), size.width(), size.height());
        const qreal radius = pt(10);
        QPainterPath clip;
        clip.addRoundedRect(target, radius, radius);
        painter->save();
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->setClipPath(clip);
        painter->drawImage(target, image);
        painter->restore();
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(frame, pt(1)));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(target, radius, radius);
        painter->restore();
    }

    void paintCover(QPainter *painter) const
    {
        const qreal w = pageUnits.width();
        const qreal h = pageUnits.height();
        const qreal side = std::max(margins.left(), pt(64));
        const qreal width = w - 2 * side;
        const bool hasImage = !content.wallpaper.isNull();
        const QString eyebrow = tr("A movement plan").toUpper();
        const QString profile = options.profileName;
        const QString led =
            content.leader.isEmpty() ? QString() : tr("Led by %1").arg(content.leader);

        switch (style.theme) {
        case PlanTheme::Classic: {
            drawPennant(painter, QPointF(w / 2 - pt(26), h * 0.11), pt(52), false);
            qreal y = h * (hasImage ? 0.21 : 0.30);
            y = drawText(painter,
                         eyebrow,
                         pixelFont(style.sans, 9, QFont::Bold),
                         style.accent,
                         side,
                         y,
                         width,
                         Qt::AlignHCenter);
            y += pt(14);
            y = drawText(painter,
                         content.movementName,
                         pixelFont(style.serif, 40),
                         style.ink,
                         side,
                         y,
                         width,
                         Qt::AlignHCenter);
            y += pt(16);
            painter->fillRect(QRectF(w / 2 - pt(28), y, pt(56), pt(2)), style.accent);
            y += pt(20);
            y = drawText(painter,
                         content.slogan,
                         pixelFont(style.serif, 16, QFont::Normal, true),
                         style.muted,
                         side,
                         y,
                         width,
                         Qt::AlignHCenter);
            if (hasImage) {
                drawWallpaper(
                    painter, QRectF(side, y + pt(26), width, h * 0.80 - y - pt(40)), style.rule);
            } else if (!content.miniManifesto.isEmpty()) {
                // Without a wallpaper, the words that would be on it.
                drawText(painter,
                         content.miniManifesto,
                         pixelFont(style.serif, 12.5),
                         style.ink,
                         side + width * 0.15,
                         std::max(y + pt(56), h * 0.56),
                         width * 0.7,
                         Qt::AlignHCenter);
            }
            qreal bottom = h - pt(96);
            drawText(painter,
                     content.dateText,
                     pixelFont(style.sans, 10),
                     style.muted,
                     side,
                     bottom,
                     width,
                     Qt::AlignHCenter);
            bottom -= pt(18);
            drawText(painter,
                     led,
                     pixelFont(style.sans, 12, QFont::DemiBold),
                     style.ink,
                     side,
                     bottom,
                     width,
                     Qt::AlignHCenter);
            if (!profile.isEmpty()) {
                drawText(painter,
                         profile,
                         pixelFont(style.sans, 9),
                         style.muted,
                         side,
                         h - pt(72),
                         width,
                         Qt::AlignHCenter);
            }
            break;
        }
        case PlanTheme::Modern: {
            painter->fillRect(QRectF(0, 0, pt(16), h), style.accent);
            const qreal left = pt(72);
            const qreal textW = hasImage ? w * 0.52 : w - left - pt(72);
            drawPennant(painter, QPointF(left - pt(6), pt(72)), pt(40), false);
            qreal y = h * 0.24;
            y = drawText(painter,
                         eyebrow,
                         pixelFont(style.sans, 9, QFont::Bold),
                         style.accent,
                         left,
                         y,
                         textW,
                         Qt::AlignLeft);
            y += pt(10);
            y = drawText(painter,
                         content.movementName,
                         pixelFont(style.serif, 44, QFont::Bold),
                         style.ink,
                         left,
                         y,
                         textW,
                         Qt::AlignLeft);
            y += pt(14);
            y = drawText(painter,
                         content.slogan,
                         pixelFont(style.sans, 15),
                         style.muted,
                         left,
                         y,
                         textW,
                         Qt::AlignLeft);
            if (hasImage) {
                const qreal boxLeft = left + textW + pt(20);
                drawWallpaper(
                    painter, QRectF(boxLeft, h * 0.24, w - boxLeft - pt(48), h * 0.5), style.rule);
            } else if (!content.miniManifesto.isEmpty()) {
                const qreal top = std::max(y + pt(48), h * 0.52);
                painter->fillRect(
                    QRectF(left,
                           top,
                           pt(3),
                           textHeight(content.miniManifesto,
                                      pixelFont(style.serif, 12.5, QFont::Normal, true),
                                      textW * 0.8 - pt(16))),
                    style.accent);
                drawText(painter,
                         content.miniManifesto,
                         pixelFont(style.serif, 12.5, QFont::Normal, true),
                         style.ink,
                         left + pt(16),
                         top,
                         textW * 0.8 - pt(16),
                         Qt::AlignLeft);
            }
            qreal bottom = h - pt(120);
            bottom = drawText(painter,
                              led,
                              pixelFont(style.sans, 12, QFont::DemiBold),
                              style.ink,
                              left,
                              bottom,
                              w - 2 * left,
                              Qt::AlignLeft);
            bottom = drawText(painter,
                              content.dateText,
                              pixelFont(style.sans, 10),
                              style.muted,
                              left,
                              bottom + pt(4),
                              w - 2 * left,
                              Qt::AlignLeft);
            drawText(painter,
                     profile,
                     pixelFont(style.sans, 9),
                     style.muted,
                     left,
                     bottom + pt(4),
                     w - 2 * left,
                     Qt::AlignLeft);
            break;
        }
        case PlanTheme::Bold: {
            painter->fillRect(QRectF(0, 0, w, h), style.accent);
            const QColor soft(255, 255, 255, 215);
            drawPennant(painter, QPointF(side - pt(8), pt(64)), pt(56), true);
            qreal y = h * (hasImage ? 0.20 : 0.34);
            y = drawText(painter,
                         eyebrow,
                         pixelFont(style.sans, 10, QFont::Bold),
                         soft,
                         side,
                         y,
                         width,
                         Qt::AlignLeft);
            y += pt(10);
            y = drawText(painter,
                         content.movementName,
                         pixelFont(style.serif, 52, QFont::Black),
                         Qt::white,
                         side,
                         y,
                         width,
                         Qt::AlignLeft);
            y += pt(16);
            y = drawText(painter,
                         content.slogan,
                         pixelFont(style.serif, 18, QFont::Normal, true),
                         Qt::white,
                         side,
                         y,
                         width,
                         Qt::AlignLeft);
            if (hasImage) {
                drawWallpaper(
                    painter, QRectF(side, y + pt(24), width, h * 0.78 - y - pt(40)), Qt::white);
            } else if (!content.miniManifesto.isEmpty()) {
                drawText(painter,
                         content.miniManifesto,
                         pixelFont(style.serif, 13),
                         soft,
                         side,
                         std::max(y + pt(48), h * 0.56),
                         width * 0.75,
                         Qt::AlignLeft);
            }
            qreal bottom = h - pt(112);
            bottom = drawText(painter,
                              led,
                              pixelFont(style.sans, 13, QFont::Bold),
                              Qt::white,
                              side,
                              bottom,
                              width,
                              Qt::AlignLeft);
            bottom = drawText(painter,
                              content.dateText,
                              pixelFont(style.sans, 10.5),
                              soft,
                              side,
                              bottom + pt(4),
                              width,
                              Qt::AlignLeft);
            drawText(painter,
                     profile,
                     pixelFont(style.sans, 9.5),
                     soft,
                     side,
                     bottom + pt(4),
                     width,
                     Qt::AlignLeft);
            break;
        }
        }
    }

    void paintHeaderFooter(QPainter *painter, int documentPage, int pages) const
    {
        const qreal w = pageUnits.width();
        const qreal h = pageUnits.height();
        const qreal left = margins.left();
        const qreal width = w - margins.left() - margins.right();
        const QFont small = pixelFont(style.sans, 8.5);
        if (!headerlessPages.contains(documentPage)) {
            const qreal y = margins.top() - pt(40);
            const QString name = content.movementName;
            const QString section = sectionOnPage(documentPage);
            QFont caps = pixelFont(style.sans, 8, QFont::Bold);
            drawText(painter,
                     name.toUpper(),
                     caps,
                     style.theme == PlanTheme::Classic ? style.muted : style.accent,
                     left,
                     y,
                     width * 0.48,
                     Qt::AlignLeft);
            drawText(painter,
                     section,
                     small,
                     style.muted,
                     left + width * 0.5,
                     y,
                     width * 0.5,
                     Qt::AlignRight);
            if (style.theme != PlanTheme::Modern) {
                painter->fillRect(QRectF(left, y + pt(15), width, pt(0.5)),
                                  style.theme == PlanTheme::Bold ? style.accent : style.rule);
            }
        }
        const QString pageText = tr("Page %1 of %2").arg(physicalPage(documentPage) + 1).arg(pages);
        const qreal y = h - margins.bottom() + pt(30);
        const Qt::Alignment align =
            style.theme == PlanTheme::Classic ? Qt::AlignHCenter : Qt::AlignRight;
        drawText(painter, pageText, small, style.muted, left, y, width, align);
    }

    void paintDocumentPage(QPainter *painter, int documentPage) const
    {
        painter->save();
        const qreal top = documentPage * pageUnits.height();
        painter->setClipRect(QRectF(0,
                                    margins.top() - pt(2),
                                    pageUnits.width(),
                                    pageUnits.height() - margins.top() - margins.bottom() + pt(4)));
        painter->translate(0, -top);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, top, pageUnits.width(), pageUnits.height());
        context.palette.setColor(QPalette::Text, style.ink);
        paintRules(painter, documentPage, true);
        layout()->draw(painter, context);
        paintRules(painter, documentPage, false);
        paintContentsNumbers(painter, documentPage);
        painter->restore();
    }

    /**
     * Rules of the tables with a header: under the header on every page, between rows. With
     * `fills`, the Bold theme's header fills instead, painted before the text.
     */
    void paintRules(QPainter *painter, int documentPage, bool fills) const
    {
        if (fills && style.theme != PlanTheme::Bold) {
            return;
        }
        const qreal pageTop = documentPage * pageUnits.height();
        const qreal pageBottom = pageTop + pageUnits.height();
        const qreal padding = pt(4);
        for (const auto &[table, totalsRow] : ruledTables) {
            const QRectF frame = layout()->frameBoundingRect(table);
            if (frame.bottom() < pageTop || frame.top() > pageBottom) {
                continue;
            }
            const int header = table->format().headerRowCount();
            const qreal headerHeight = rowTop(table, header) - rowTop(table, 0);
            int previousPage = -1;
            for (int r = header; r < table->rows(); ++r) {
                const qreal y = rowTop(table, r) - padding;
                const int page = pageOf(y + padding + 1);
                if (page > documentPage) {
                    break;
                }
                const bool firstOnPage = page != previousPage;
                previousPage = page;
                if (page != documentPage) {
                    continue;
                }
                if (fills) {
                    if (firstOnPage) {
                        painter->fillRect(
                            QRectF(frame.left(), y - headerHeight, frame.width(), headerHeight),
                            style.accent);
                    }
                    continue;
                }
                qreal width = pt(0.5);
                QColor color = style.rule;
                if (firstOnPage) {
                    // Under the header, and under its repetition on later pages.
                    width = style.theme == PlanTheme::Bold ? 0 : pt(1);
                    color = style.theme == PlanTheme::Classic ? style.accent : style.rule;
                } else if (r == totalsRow) {
                    width = pt(1);
                    color = style.ink;
                }
                if (width > 0) {
                    painter->fillRect(QRectF(frame.left(), y - width / 2, frame.width(), width),
                                      color);
                }
            }
        }
    }
};

PlanDocument::PlanDocument()
    : d(std::make_unique<Private>())
{}

PlanDocument::~PlanDocument() = default;

Core::Result<std::unique_ptr<PlanDocument>>
PlanDocument::create(const Core::Definition &definition,
                     const Core::WorkbookContent &content,
                     const PlanOptions &options,
                     const Progress &progress)
{
    std::unique_ptr<PlanDocument> plan(new PlanDocument());
    Private &d = *plan->d;
    d.options = options;
    d.style = Style::make(options);
    d.content = PlanContent::build(definition, content, options);
    d.build();
    if (!d.paginate(progress)) {
        return Core::Error{
            Core::ErrorCode::Cancelled, tr("The plan was not made: you stopped it."), {}};
    }
    // The contents' page numbers are painted, not typed into the document: they cannot move
    // anything, and filling them in would mean laying the whole plan out again.
    d.resolveAnchors();
    return plan;
}

const PlanContent &PlanDocument::content() const
{
    return d->content;
}

const PlanOptions &PlanDocument::options() const
{
    return d->options;
}

QPageSize PlanDocument::pageSize() const
{
    return d->options.pageSize;
}

QSizeF PlanDocument::pageSizePoints() const
{
    return d->options.pageSize.size(QPageSize::Point);
}

int PlanDocument::pageCount() const
{
    return d->documentPages + 1;
}

void PlanDocument::paintPage(QPainter *painter, int page) const
{
    if (page < 0 || page >= pageCount()) {
        return;
    }
    painter->save();
    painter->scale(1 / kUnitsPerPoint, 1 / kUnitsPerPoint);
    if (page == 0) {
        d->paintCover(painter);
    } else {
        d->paintDocumentPage(painter, page - 1);
        d->paintHeaderFooter(painter, page - 1, pageCount());
    }
    painter->restore();
}

Core::Result<void> PlanDocument::print(QPagedPaintDevice *device, const Progress &progress) const
{
    device->setPageSize(d->options.pageSize);
    device->setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(device)) {
        return Core::Error{Core::ErrorCode::Io,
                           tr("The plan could not be printed: the printer or file "
                              "did not accept it."),
                           QStringLiteral("QPainter::begin failed")};
    }
    const QPointF origin = device->pageLayout().paintRect(QPageLayout::Point).topLeft();
    const qreal scale = device->logicalDpiX() / 72.0;
    const int pages = pageCount();
    for (int page = 0; page < pages; ++page) {
        if (page > 0 && !device->newPage()) {
            painter.end();
            return Core::Error{Core::ErrorCode::Io,
                               tr("The plan could not be printed: the printer "
                                  "or file did not accept a new page."),
                               QStringLiteral("newPage failed")};
        }
        painter.save();
        painter.scale(scale, scale);
        painter.translate(-origin);
        paintPage(&painter, page);
        painter.restore();
        if (progress && !progress(page + 1, pages)) {
            painter.end();
            return Core::Error{
                Core::ErrorCode::Cancelled, tr("The plan was not finished: you stopped it."), {}};
        }
    }
    if (!painter.end()) {
        return Core::Error{Core::ErrorCode::Io, tr("The plan could not be finished."), {}};
    }
    return {};
}

QList<PlanOutlineEntry> PlanDocument::outline() const
{
    QList<PlanOutlineEntry> entries;
    for (int i = 0; i < d->anchors.size(); ++i) {
        const Anchor &a = d->anchors.at(i);
        entries.append({a.level,
                        a.title,
                        d->physicalPage(d->anchorPages.value(i)),
                        d->anchorY.value(i) / kUnitsPerPoint});
    }
    return entries;
}

QList<PlanLink> PlanDocument::links() const
{
    QList<PlanLink> out;
    if (!d->tocTable) {
        return out;
    }
    for (int i = 0; i < d->tocEntries.size(); ++i) {
        const QTextBlock first = d->tocTable->cellAt(i, 0).firstCursorPosition().block();
        const QTextBlock last = d->tocTable->cellAt(i, 1).lastCursorPosition().block();
        const QRectF a = d->layout()->blockBoundingRect(first);
        const QRectF b = d->layout()->blockBoundingRect(last);
        const qreal top = std::min(a.top(), b.top());
        const qreal bottom = std::max(a.bottom(), b.bottom());
        const int documentPage = d->pageOf(top + 1);
        const qreal pageTop = documentPage * d->pageUnits.height();
        const QRectF rect(d->margins.left(), top - pageTop, d->textWidth(), bottom - top);
        const int index = d->tocEntries.at(i);
        out.append({d->physicalPage(documentPage),
                    QRectF(rect.topLeft() / kUnitsPerPoint, rect.size() / kUnitsPerPoint),
                    d->physicalPage(d->anchorPages.value(index)),
                    d->anchorY.value(index) / kUnitsPerPoint});
    }
    return out;
}

QStringList PlanDocument::strandedHeadings() const
{
    QStringList stranded;
    d->fixFrom(d->document.begin(), &stranded);
    return stranded;
}

QString PlanDocument::title() const
{
    return d->content.documentTitle();
}

QString PlanDocument::author() const
{
    return d->content.leader;
}

QString PlanDocument::subject() const
{
    return d->content.subject;
}

} // namespace Rallybook::Render

#include "plandocument.moc"
