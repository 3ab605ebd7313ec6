// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/checks.h"
#include "core/definition.h"
#include "core/workbook.h"

#include <QColor>
#include <QDate>
#include <QImage>
#include <QList>
#include <QPageSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Rallybook::Render {

/** The three looks of the plan. All use Noto Serif headings and Noto Sans text (BRAND.md). */
enum class PlanTheme { Classic, Modern, Bold };

QString planThemeName(PlanTheme theme);                          ///< "classic", "modern", "bold"
std::optional<PlanTheme> planThemeFromName(const QString &name); ///< case-insensitive
QStringList planThemeNames();

/** A4, or US Letter where the system locale measures in US units. */
QPageSize defaultPageSize();

/** One open finding of the readiness checks, as plain data (see PlanReadiness). */
struct PlanFinding
{
    QString checkId;
    QString sectionId;
    Core::Severity severity = Core::Severity::Tip;
    QString title;
    QString message;
    QString why;
};

/**
 * What the readiness checks found, as plain data for the appendix and the fan-economics
 * figures. The plan never computes these itself; readinessFromChecks() fills it from the checks.
 */
struct PlanReadiness
{
    struct Section
    {
        QString sectionId;
        int score = 0;
        int filledFields = 0;
        int totalFields = 0;
    };
    int score = 0; ///< 0 to 100
    QList<Section> sections;
    QList<PlanFinding> findings;
    std::optional<int> fansNeeded;
    std::optional<int> gap;
    int trueFans = 0;
    int followerCount = 0;
    QString suggestedStageLabel;
};

/** The checks' results as the plan's plain data. */
PlanReadiness readinessFromChecks(const Core::Readiness &readiness);

/** Called while a plan is laid out and painted; return false to stop (Core::ErrorCode::Cancelled).
 */
using Progress = std::function<bool(int done, int total)>;

/** What to put in the plan and how it looks. */
struct PlanOptions
{
    PlanTheme theme = PlanTheme::Classic;
    /** The one accent colour; an invalid colour means the brand's banner red. */
    QColor accent;
    QPageSize pageSize = defaultPageSize();
    /**
     * Section ids to include (an ExportProfile's sections), plus "readiness" for the appendix.
     * Empty means everything.
     */
    QStringList sections;
    /** The profile's name, for the PDF's subject line. */
    QString profileName;
    /** The mini-manifesto wallpaper for the cover; none yet (a later issue designs it). */
    QImage wallpaper;
    /** The date on the cover; invalid means today. */
    QDate date;
    /** The checks' results; without them the appendix and the derived fan figures are left out. */
    std::optional<PlanReadiness> readiness;
};

// --- The plan's content, independent of PDF or HTML ----------------------------------------------

/** A table of plain strings. */
struct PlanTable
{
    QStringList headers; ///< empty: no header row
    QList<QStringList> rows;
    QList<double> weights;     ///< relative column widths
    QList<bool> rightAligned;  ///< per column
    QList<QStringList> totals; ///< rows set apart below a rule
    bool keyValue = false;     ///< first column holds labels
};

/** One piece of an answer. */
struct PlanBlock
{
    enum class Kind {
        Text,       ///< one short answer
        Paragraphs, ///< long text: paragraphs split on blank lines
        Inline,     ///< chosen items of a checklist, in `items`
        Label,      ///< the label of a part, above its answer
        Table,
        Note,  ///< a remark in small type (what a total leaves out)
        Meter, ///< a filled bar: `value` of `maximum`, captioned by `text`
    };
    Kind kind = Kind::Text;
    QString text;
    QStringList items;
    PlanTable table;
    double value = 0;
    double maximum = 0;
};

/** One field as the reader sees it: its label and question, then its answer. */
struct PlanField
{
    enum class Kind { Normal, MiniManifesto, Manifesto, Storyboard, OfferStack, FanEconomics };
    Kind kind = Kind::Normal;
    QString id;
    QString label;
    QString question;
    QString title; ///< Manifesto: its title
    QList<PlanBlock> blocks;
};

struct PlanSection
{
    QString id;
    QString code;
    int number = 0; ///< 1-based position in the definition
    QString title;
    QString purpose;
    QList<PlanField> fields; ///< empty: nothing was filled in
};

/** The readiness appendix. */
struct PlanAppendix
{
    int score = 0;
    PlanTable sections; ///< section, fields filled, score
    QList<std::pair<QString, QList<PlanFinding>>> findingsBySection; ///< section title, findings
};

/** Everything the plan shows, read from the definition and the workbook. */
struct PlanContent
{
    QString movementName;  ///< the tribe name (Role::TribeName), or the workbook's name
    QString slogan;        ///< Role::Slogan
    QString leader;        ///< Role::LeaderName
    QString miniManifesto; ///< Role::MiniManifesto: on the cover when there is no wallpaper
    QString dateText;
    QImage wallpaper;
    QList<PlanSection> sections;
    std::optional<PlanAppendix> appendix;

    QString documentTitle() const;
    QString subject; ///< profile name and slogan

    static PlanContent build(const Core::Definition &definition,
                             const Core::WorkbookContent &content,
                             const PlanOptions &options);
};

// --- Prices
// ---------------------------------------------------------------------------------------

/** A price as typed in the offer stack ("$1,500", "$19/month", "€6.000 per year"). */
struct Price
{
    QString currency; ///< the symbol or code as typed ("$", "EUR"); may be empty
    double amount = 0;
    QString period;     ///< empty for one-off; otherwise "month", "year", "week", "day"
    bool prefix = true; ///< the currency was written before the amount
    QChar groupSeparator = u',';
    QChar decimalPoint = u'.';
};

/** Parses a typed price; nullopt when it cannot be read without guessing. */
std::optional<Price> parsePrice(const QString &text);
/** Formats an amount the way the prices were typed (symbol side, thousands separators). */
QString formatPrice(const Price &price);

} // namespace Rallybook::Render
