// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/htmlexport.h"

#include "core/fileutil.h"
#include "core/render/brand.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace Rallybook::Render::HtmlExport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Render::Plan", text);
}

/** Text for HTML: escaped, line breaks kept. */
QString esc(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(u'\'', QStringLiteral("&#39;"));
    out.replace(u'\n', QStringLiteral("<br>"));
    return out;
}

/** An id made only of safe characters. */
QString idOf(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        out.append(c.isLetterOrNumber() && c.unicode() < 128 ? c.toLower() : u'-');
    }
    return QStringLiteral("s-") + out;
}

QString css(const PlanOptions &options, const QColor &accent)
{
    const QString pageSize = options.pageSize.id() == QPageSize::Letter ? QStringLiteral("letter")
                                                                        : QStringLiteral("A4");
    QString style = QStringLiteral(R"(
:root { --accent: %1; --ink: #1d1b1a; --muted: #5c5855; --rule: #d6d1cc; --tint: %2; }
@page { size: %3; margin: 22mm 24mm; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink);
       font-size: 16px; line-height: 1.5; background: #fff; }
body { margin: 0; }
h1, h2, h3, .manifesto, .quote { font-family: "Noto Serif", Georgia, serif; }
main, nav, .cover-inner { max-width: 42rem; margin: 0 auto; padding: 0 1.25rem; }
.cover { min-height: 90vh; display: flex; align-items: center; border-bottom: 1px solid var(--rule); }
.cover-inner { text-align: center; padding-top: 4rem; padding-bottom: 4rem; }
.cover h1 { font-size: 3rem; font-weight: 400; margin: .5rem 0 1rem; line-height: 1.15; }
.cover .slogan { font-family: "Noto Serif", Georgia, serif; font-style: italic; font-size: 1.3rem;
                 color: var(--muted); }
.cover .led { font-weight: 600; margin-top: 3rem; }
.cover .date, .cover .profile { color: var(--muted); font-size: .9rem; margin: .2rem 0; }
.cover img { max-width: 60%; max-height: 24rem; border-radius: 12px; border: 1px solid var(--rule);
             margin-top: 2rem; }
.eyebrow { color: var(--accent); text-transform: uppercase; letter-spacing: .12em;
           font-size: .75rem; font-weight: 700; margin: 0; }
.rule { width: 3.5rem; height: 2px; background: var(--accent); border: 0; margin: .8rem 0 1rem; }
.cover .rule { margin: 1rem auto; }
nav { padding-top: 3rem; padding-bottom: 2rem; }
nav ol { list-style: none; padding: 0; }
nav li { border-bottom: 1px solid var(--rule); padding: .4rem 0; }
nav li.sub { border: 0; padding: .1rem 0 .1rem 1.5rem; font-size: .9rem; }
nav a { color: inherit; text-decoration: none; }
nav .num { color: var(--accent); font-weight: 700; display: inline-block; width: 2rem; }
section { padding-top: 3rem; }
h2 { font-size: 2.1rem; font-weight: 400; margin: .3rem 0 .2rem; line-height: 1.2; }
.purpose { color: var(--muted); font-style: italic; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .1rem; }
.question { color: var(--muted); font-style: italic; font-size: .9rem; margin: 0 0 .4rem; }
h4 { font-size: .9rem; margin: .8rem 0 .2rem; }
p { margin: 0 0 .5rem; }
.note { color: var(--muted); font-style: italic; font-size: .85rem; }
.empty { color: var(--muted); font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: .3rem 0 1rem; font-size: .9rem; }
th { text-align: left; font-size: .78rem; border-bottom: 2px solid var(--accent); padding: .35rem .4rem; }
td { border-bottom: 1px solid var(--rule); padding: .35rem .4rem; vertical-align: top; }
td.key { font-weight: 600; }
.right { text-align: right; }
tr.total td { font-weight: 700; border-bottom: 0; }
tr.total.first td { border-top: 2px solid var(--ink); }
.quote { border-left: 4px solid var(--accent); background: var(--tint); padding: .6rem 1rem;
         font-style: italic; font-size: 1.2rem; margin: .4rem 0 1rem; }
.manifesto { text-align: center; padding: 3rem 0; }
.manifesto h2 { font-size: 2.2rem; }
.manifesto .rule { margin: 1rem auto 1.6rem; }
.manifesto p { text-align: justify; font-size: 1.15rem; line-height: 1.6; }
.meter { height: .6rem; border-radius: .3rem; background: var(--tint); overflow: hidden; margin: .4rem 0 .2rem; }
.meter span { display: block; height: 100%; background: var(--accent); }
.caption { color: var(--muted); font-size: .8rem; }
.score { font-family: "Noto Serif", Georgia, serif; font-weight: 700; font-size: 1.8rem; color: var(--accent); margin: 0; }
.severity { font-weight: 700; white-space: nowrap; }
.why { color: var(--muted); font-style: italic; font-size: .85rem; display: block; }
footer { color: var(--muted); font-size: .8rem; text-align: center; padding: 3rem 0; }
@media print {
  .cover { min-height: auto; height: 240mm; border: 0; }
  section, nav, .manifesto { break-before: page; }
  h3, h4, .question { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
)")
                        .arg(accent.name(),
                             QColor::fromRgbF(float(1 - 0.07 * (1 - accent.redF())),
                                              float(1 - 0.07 * (1 - accent.greenF())),
                                              float(1 - 0.07 * (1 - accent.blueF())))
                                 .name(),
                             pageSize);
    if (options.theme == PlanTheme::Modern) {
        style += QStringLiteral(R"(
.cover { border-left: 14px solid var(--accent); }
.cover-inner { text-align: left; }
.cover h1 { font-weight: 700; }
.cover .rule { margin: 1rem 0; }
h2 { font-weight: 700; }
h3 { font-family: "Noto Sans", Arial, sans-serif; font-size: .8rem; text-transform: uppercase;
     letter-spacing: .1em; color: var(--accent); }
th { border-bottom: 0; color: var(--muted); text-transform: uppercase; }
td { border-bottom: 0; }
tbody tr:nth-child(odd) td { background: var(--tint); }
)");
    } else if (options.theme == PlanTheme::Bold) {
        style += QStringLiteral(R"(
.cover { background: var(--accent); color: #fff; border: 0; }
.cover-inner { text-align: left; }
.cover h1 { font-weight: 900; font-size: 3.6rem; }
.cover .slogan, .cover .date, .cover .profile, .cover .eyebrow { color: rgba(255,255,255,.88); }
.cover .rule { background: #fff; margin: 1rem 0; }
.opener { background: var(--accent); color: #fff; padding: 1.5rem; }
.opener .eyebrow { color: rgba(255,255,255,.85); }
.opener h2 { font-weight: 700; }
h3 { color: var(--accent); font-weight: 900; }
th { background: var(--accent); color: #fff; border: 0; text-transform: uppercase; }
)");
    }
    return style;
}

QString pennant(const QColor &accent, bool onAccent)
{
    const QString staff = onAccent ? QStringLiteral("#ffffff") : accent.darker(190).name();
    const QString flag = onAccent ? QStringLiteral("#ffffff") : accent.name();
    const QString light = onAccent ? QStringLiteral("#ffffff") : accent.lighter(125).name();
    return QStringLiteral(
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"56\" height=\"56\" viewBox=\"0 0 "
               "64 64\" "
               "role=\"img\" aria-label=\"Rallybook\"><rect x=\"12\" y=\"6\" width=\"5\" "
               "height=\"52\" "
               "rx=\"2.5\" fill=\"%1\"/><circle cx=\"14.5\" cy=\"6.5\" r=\"4\" fill=\"%1\"/>"
               "<path d=\"M17 10 L56 21 L17 32 Z\" fill=\"%2\"/><path d=\"M17 10 L56 21 L17 21 Z\" "
               "fill=\"%3\"/></svg>")
        .arg(staff, flag, light);
}

class Writer
{
public:
    Writer(const PlanContent &content, const PlanOptions &options)
        : m_content(content)
        , m_options(options)
        , m_accent(options.accent.isValid() ? options.accent : Brand::accent(false))
    {}

    QString html()
    {
        const QString lang = QLocale().bcp47Name();
        out += QStringLiteral(
                   "<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n")
                   .arg(esc(lang));
        out += QStringLiteral(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "img-src data:; style-src 'unsafe-inline'\">\n");
        out += QStringLiteral(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out += QStringLiteral("<title>%1</title>\n").arg(esc(m_content.documentTitle()));
        if (!m_content.leader.isEmpty()) {
            out += QStringLiteral("<meta name=\"author\" content=\"%1\">\n")
                       .arg(esc(m_content.leader));
        }
        if (!m_content.subject.isEmpty()) {
            out += QStringLiteral("<meta name=\"description\" content=\"%1\">\n")
                       .arg(esc(m_content.subject));
        }
        out += QStringLiteral("<meta name=\"generator\" content=\"Rallybook " RALLYBOOK_VERSION
                              "\">\n");
        out += QStringLiteral("<style>%1</style>\n</head>\n").arg(css(m_options, m_accent));
        out += QStringLiteral("<body class=\"theme-%1\">\n").arg(planThemeName(m_options.theme));
        cover();
        contents();
        out += QStringLiteral("<main>\n");
        for (const PlanSection &section : m_content.sections) {
            this->section(section);
        }
        if (m_content.appendix) {
            appendix(*m_content.appendix);
        }
        out += QStringLiteral("</main>\n<footer>%1</footer>\n</body>\n</html>\n")
                   .arg(esc(tr("Made with Rallybook")));
        return out;
    }

private:
    void cover()
    {
        out += QStringLiteral("<header class=\"cover\"><div class=\"cover-inner\">\n");
        out += pennant(m_accent, m_options.theme == PlanTheme::Bold) + u'\n';
        out += QStringLiteral("<p class=\"eyebrow\">%1</p>\n").arg(esc(tr("A movement plan")));
        out +=
            QStringLiteral("<h1>%1</h1>\n<hr class=\"rule\">\n").arg(esc(m_content.movementName));
        if (!m_content.slogan.isEmpty()) {
            out += QStringLiteral("<p class=\"slogan\">%1</p>\n").arg(esc(m_content.slogan));
        }
        if (!m_content.wallpaper.isNull()) {
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            m_content.wallpaper.save(&buffer, "PNG");
            out += QStringLiteral("<img alt=\"%1\" src=\"data:image/png;base64,%2\">\n")
                       .arg(esc(tr("The mini manifesto wallpaper")),
                            QString::fromLatin1(png.toBase64()));
        }
        if (!m_content.leader.isEmpty()) {
            out += QStringLiteral("<p class=\"led\">%1</p>\n")
                       .arg(esc(tr("Led by %1").arg(m_content.leader)));
        }
        out += QStringLiteral("<p class=\"date\">%1</p>\n").arg(esc(m_content.dateText));
        if (!m_options.profileName.isEmpty()) {
            out += QStringLiteral("<p class=\"profile\">%1</p>\n").arg(esc(m_options.profileName));
        }
        out += QStringLiteral("</div></header>\n");
    }

    void contents()
    {
        out += QStringLiteral("<nav><h2>%1</h2>\n<ol>\n").arg(esc(tr("Contents")));
        for (const PlanSection &section : m_content.sections) {
            out += QStringLiteral("<li><a href=\"#%1\"><span class=\"num\">%2</span>%3</a></li>\n")
                       .arg(idOf(section.id))
                       .arg(section.number)
                       .arg(esc(section.title));
            for (const PlanField &field : section.fields) {
                if (listed(field)) {
                    out += QStringLiteral("<li class=\"sub\"><a href=\"#%1\">%2</a></li>\n")
                               .arg(idOf(field.id), esc(field.label));
                }
            }
        }
        if (m_content.appendix) {
            out += QStringLiteral(
                       "<li><a href=\"#s-readiness\"><span class=\"num\">A</span>%1</a></li>\n")
                       .arg(esc(tr("Readiness")));
        }
        out += QStringLiteral("</ol></nav>\n");
    }

    static bool listed(const PlanField &field)
    {
        return field.kind == PlanField::Kind::Manifesto || field.kind == PlanField::Kind::Storyboard
               || field.kind == PlanField::Kind::OfferStack
               || field.kind == PlanField::Kind::FanEconomics;
    }

    void
    opener(const QString &id, const QString &eyebrow, const QString &title, const QString &purpose)
    {
        out += QStringLiteral(
                   "<section id=\"%1\">\n<div class=\"opener\"><p class=\"eyebrow\">%2</p>\n"
                   "<h2>%3</h2></div>\n")
                   .arg(id, esc(eyebrow), esc(title));
        if (m_options.theme != PlanTheme::Bold) {
            out += QStringLiteral("<hr class=\"rule\">\n");
        }
        if (!purpose.isEmpty()) {
            out += QStringLiteral("<p class=\"purpose\">%1</p>\n").arg(esc(purpose));
        }
    }

    void paragraphs(const QString &text)
    {
        static const QRegularExpression blank(QStringLiteral("\\n[ \\t]*\\n\\s*"));
        for (const QString &part : text.split(blank, Qt::SkipEmptyParts)) {
            out += QStringLiteral("<p>%1</p>\n").arg(esc(part.trimmed()));
        }
    }

    void table(const PlanTable &data)
    {
        out += QStringLiteral("<table>\n");
        auto cell = [&](const QString &tag, const QString &text, int column, bool key) {
            QStringList classes;
            if (data.rightAligned.value(column)) {
                classes.append(QStringLiteral("right"));
            }
            if (key) {
                classes.append(QStringLiteral("key"));
            }
            const QString cls = classes.isEmpty()
                                    ? QString()
                                    : QStringLiteral(" class=\"%1\"").arg(classes.join(u' '));
            out += QStringLiteral("<%1%2>%3</%1>").arg(tag, cls, esc(text));
        };
        if (!data.headers.isEmpty()) {
            out += QStringLiteral("<thead><tr>");
            for (int c = 0; c < data.headers.size(); ++c) {
                cell(QStringLiteral("th"), data.headers.at(c), c, false);
            }
            out += QStringLiteral("</tr></thead>\n");
        }
        out += QStringLiteral("<tbody>\n");
        for (const QStringList &row : data.rows) {
            out += QStringLiteral("<tr>");
            for (int c = 0; c < row.size(); ++c) {
                cell(QStringLiteral("td"), row.at(c), c, data.keyValue && c == 0);
            }
            out += QStringLiteral("</tr>\n");
        }
        for (int i = 0; i < data.totals.size(); ++i) {
            const QStringList &row = data.totals.at(i);
            out += i == 0 ? QStringLiteral("<tr class=\"total first\">")
                          : QStringLiteral("<tr class=\"total\">");
            for (int c = 0; c < row.size(); ++c) {
                QString text = row.at(c);
                cell(QStringLiteral("td"),
                     text,
                     c == row.size() - 1 ? int(data.rightAligned.size()) - 1 : c,
                     false);
            }
            out += QStringLiteral("</tr>\n");
        }
        out += QStringLiteral("</tbody></table>\n");
    }

    void meter(double value, double maximum, const QString &caption)
    {
        const double share = maximum > 0 ? std::clamp(value / maximum, 0.0, 1.0) : 0.0;
        out += QStringLiteral("<div class=\"meter\"><span style=\"width: %1%\"></span></div>\n"
                              "<p class=\"caption\">%2</p>\n")
                   .arg(QString::number(std::round(share * 1000) / 10, 'f', 1), esc(caption));
    }

    void field(const PlanField &field)
    {
        if (field.kind == PlanField::Kind::Manifesto) {
            out +=
                QStringLiteral("<div class=\"manifesto\" id=\"%1\">\n<p class=\"eyebrow\">%2</p>\n"
                               "<h2>%3</h2>\n<hr class=\"rule\">\n")
                    .arg(idOf(field.id), esc(field.label), esc(field.title));
            for (const PlanBlock &b : field.blocks) {
                paragraphs(b.text);
            }
            out += QStringLiteral("</div>\n");
            return;
        }
        out += QStringLiteral("<div class=\"field\" id=\"%1\">\n<h3>%2</h3>\n")
                   .arg(idOf(field.id), esc(field.label));
        if (!field.question.isEmpty()) {
            out += QStringLiteral("<p class=\"question\">%1</p>\n").arg(esc(field.question));
        }
        for (const PlanBlock &b : field.blocks) {
            switch (b.kind) {
            case PlanBlock::Kind::Text:
                out += QStringLiteral("<p>%1</p>\n").arg(esc(b.text));
                break;
            case PlanBlock::Kind::Paragraphs:
                if (field.kind == PlanField::Kind::MiniManifesto) {
                    out += QStringLiteral("<blockquote class=\"quote\">%1</blockquote>\n")
                               .arg(esc(b.text));
                } else {
                    paragraphs(b.text);
                }
                break;
            case PlanBlock::Kind::Inline:
                out += QStringLiteral("<p>%1</p>\n")
                           .arg(esc(b.items.join(QStringLiteral(" \u00b7 "))));
                break;
            case PlanBlock::Kind::Label:
                out += QStringLiteral("<h4>%1</h4>\n").arg(esc(b.text));
                break;
            case PlanBlock::Kind::Table:
                table(b.table);
                break;
            case PlanBlock::Kind::Note:
                out += QStringLiteral("<p class=\"note\">%1</p>\n").arg(esc(b.text));
                break;
            case PlanBlock::Kind::Meter:
                meter(b.value, b.maximum, b.text);
                break;
            }
        }
        out += QStringLiteral("</div>\n");
    }

    void section(const PlanSection &section)
    {
        opener(
            idOf(section.id), tr("Section %1").arg(section.number), section.title, section.purpose);
        if (section.fields.isEmpty()) {
            out += QStringLiteral("<p class=\"empty\">%1</p>\n")
                       .arg(esc(tr("Nothing has been filled in here yet.")));
        }
        for (const PlanField &f : section.fields) {
            field(f);
        }
        out += QStringLiteral("</section>\n");
    }

    void appendix(const PlanAppendix &data)
    {
        opener(QStringLiteral("s-readiness"),
               tr("Appendix"),
               tr("Readiness"),
               tr("What the workbook's checks say about this plan: the score, then every open "
                  "finding with what to do about it."));
        out += QStringLiteral("<h3>%1</h3>\n<p class=\"score\">%2</p>\n")
                   .arg(esc(tr("Readiness score")), esc(tr("%1 of 100").arg(data.score)));
        meter(data.score, 100, QString());
        if (!data.sections.rows.isEmpty()) {
            out += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("By section")));
            table(data.sections);
        }
        out += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("Open findings")));
        if (data.findingsBySection.isEmpty()) {
            out += QStringLiteral("<p>%1</p>\n").arg(esc(tr("No open findings.")));
        }
        for (const auto &[title, findings] : data.findingsBySection) {
            out += QStringLiteral("<h4>%1</h4>\n<table><tbody>\n").arg(esc(title));
            for (const PlanFinding &finding : findings) {
                out += QStringLiteral("<tr><td class=\"severity\" style=\"color: "
                                      "%1\">%2</td><td><strong>%3</strong><br>%4")
                           .arg(Brand::severityColor(finding.severity).name(),
                                esc(Brand::severityWord(finding.severity)),
                                esc(finding.title),
                                esc(finding.message));
                if (!finding.why.isEmpty()) {
                    out += QStringLiteral("<span class=\"why\">%1</span>").arg(esc(finding.why));
                }
                out += QStringLiteral("</td></tr>\n");
            }
            out += QStringLiteral("</tbody></table>\n");
        }
        out += QStringLiteral("</section>\n");
    }

    const PlanContent &m_content;
    const PlanOptions &m_options;
    QColor m_accent;
    QString out;
};

} // namespace

QByteArray render(const PlanContent &content, const PlanOptions &options)
{
    return Writer(content, options).html().toUtf8();
}

Core::Result<void> exportPlan(const Core::Definition &definition,
                              const Core::WorkbookContent &content,
                              const PlanOptions &options,
                              const QString &path)
{
    return Core::Files::writeFile(
        path, render(PlanContent::build(definition, content, options), options), true);
}

} // namespace Rallybook::Render::HtmlExport
