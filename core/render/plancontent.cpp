// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/plancontent.h"

#include "core/exportprofiles.h"
#include "core/render/pagestyle.h"
#include "core/value.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>

#include <cmath>

namespace Rallybook::Render {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Render::Plan", text);
}

using Core::Field;
using Core::FieldType;

/** User text as typed, less control characters that would print as garbage. */
QString clean(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\r') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\n') {
                continue;
            }
            out.append(u'\n');
        } else if (c == u'\t') {
            out.append(u' ');
        } else if (c == u'\n' || c.category() != QChar::Other_Control) {
            out.append(c);
        }
    }
    return out;
}

/** A locale that groups thousands even where the system's (C) would not. */
QLocale numberLocale()
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}

QString formatNumber(double value, int decimals = 0)
{
    return numberLocale().toString(value, 'f', decimals);
}

/** A value as the reader sees it: like the editor's, with thousands grouped and long dates. */
QString display(const Field &field, const QVariant &value)
{
    if (Core::Values::isEmpty(value)) {
        return {};
    }
    switch (field.type) {
    case FieldType::Number: {
        QString text = formatNumber(value.toDouble(), field.decimals);
        if (field.money) {
            text = QLocale().currencySymbol() + text;
        }
        if (!field.unit.isEmpty()) {
            text += u' ' + field.unit;
        }
        return text;
    }
    case FieldType::Due: {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat)
                              : clean(value.toString());
    }
    default:
        return clean(Core::Values::display(field, value));
    }
}

/**
 * Relative column widths from what the columns hold: room for the longest word (a header's too)
 * and, for longer texts, a share of their average length.
 */
QList<double> columnWeights(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<double> weights;
    for (int c = 0; c < headers.size(); ++c) {
        qsizetype longestWord = 0;
        double total = 0;
        auto measure = [&](const QString &text) {
            for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
                longestWord = std::max(longestWord, word.size());
            }
        };
        measure(headers.at(c));
        // Sampling keeps this cheap for very long lists.
        const qsizetype step = std::max<qsizetype>(1, rows.size() / 200);
        int counted = 0;
        for (qsizetype r = 0; r < rows.size(); r += step, ++counted) {
            const QString cell = rows.at(r).value(c);
            measure(cell);
            total += double(cell.size());
        }
        const double average = counted ? total / counted : 0;
        weights.append(std::max(
            {double(std::min<qsizetype>(longestWord, 24)) + 2, std::min(average, 60.0), 5.0}));
    }
    return weights;
}

/** A list as a table, leaving out columns nobody filled. */
std::optional<PlanTable> listTable(const Field &field, const QList<Core::ListRow> &rows)
{
    if (rows.isEmpty()) {
        return std::nullopt;
    }
    QList<const Field *> columns;
    for (const Field &column : field.columns) {
        for (const Core::ListRow &row : rows) {
            if (!Core::Values::isEmpty(row.cells.value(column.id))) {
                columns.append(&column);
                break;
            }
        }
    }
    if (columns.isEmpty()) {
        return std::nullopt;
    }
    PlanTable table;
    for (const Field *column : columns) {
        table.headers.append(column->label);
        table.rightAligned.append(column->type == FieldType::Number);
    }
    for (const Core::ListRow &row : rows) {
        QStringList cells;
        bool any = false;
        for (const Field *column : columns) {
            const QString text = display(*column, row.cells.value(column->id));
            any = any || !text.trimmed().isEmpty();
            cells.append(text);
        }
        if (any) {
            table.rows.append(cells);
        }
    }
    if (table.rows.isEmpty()) {
        return std::nullopt;
    }
    table.weights = columnWeights(table.headers, table.rows);
    return table;
}

/** Strips "Beat 2: " from a storyboard label and capitalises what is left. */
QString beatName(const QString &label)
{
    static const QRegularExpression prefix(QStringLiteral("^Beat\\s*\\d+\\s*:\\s*"));
    QString name = label;
    name.remove(prefix);
    if (!name.isEmpty()) {
        name[0] = name.at(0).toUpper();
    }
    return name;
}

class Builder
{
public:
    Builder(const Core::Definition &definition,
            const Core::WorkbookContent &content,
            const PlanOptions &options)
        : m_definition(definition)
        , m_content(content)
        , m_options(options)
    {}

    QString text(const QString &fieldId) const
    {
        const Field *field = m_definition.field(fieldId);
        return field ? display(*field, m_content.values.value(fieldId)).trimmed() : QString();
    }

    QVariant value(const QString &fieldId) const { return m_content.values.value(fieldId); }

    QList<PlanBlock> scalarBlocks(const Field &field) const
    {
        const QVariant v = value(field.id);
        if (Core::Values::isEmpty(v)) {
            return {};
        }
        PlanBlock block;
        switch (field.type) {
        case FieldType::LongText:
            block.kind = PlanBlock::Kind::Paragraphs;
            block.text = clean(v.toString()).trimmed();
            break;
        case FieldType::Checklist:
            block.kind = PlanBlock::Kind::Inline;
            for (const QString &id : v.toStringList()) {
                const Core::Choice *choice = field.choice(id);
                block.items.append(choice ? choice->label : clean(id));
            }
            break;
        default:
            block.kind = PlanBlock::Kind::Text;
            block.text = display(field, v);
            break;
        }
        return {block};
    }

    QList<PlanBlock> listBlocks(const Field &field) const
    {
        if (auto table = listTable(field, m_content.lists.value(field.id))) {
            PlanBlock block;
            block.kind = PlanBlock::Kind::Table;
            block.table = *table;
            return {block};
        }
        return {};
    }

    QList<PlanBlock> groupBlocks(const Field &field) const
    {
        QList<PlanBlock> blocks;
        PlanTable pairs;
        pairs.keyValue = true;
        pairs.weights = {1, 2};
        auto flushPairs = [&] {
            if (!pairs.rows.isEmpty()) {
                PlanBlock block;
                block.kind = PlanBlock::Kind::Table;
                block.table = pairs;
                blocks.append(block);
                pairs.rows.clear();
            }
        };
        for (const Field &part : field.parts) {
            if (part.type == FieldType::List) {
                const QList<PlanBlock> list = listBlocks(part);
                if (!list.isEmpty()) {
                    flushPairs();
                    blocks.append(PlanBlock{PlanBlock::Kind::Label, part.label, {}, {}, 0, 0});
                    blocks += list;
                }
            } else if (part.type == FieldType::LongText) {
                const QList<PlanBlock> answer = scalarBlocks(part);
                if (!answer.isEmpty()) {
                    flushPairs();
                    blocks.append(PlanBlock{PlanBlock::Kind::Label, part.label, {}, {}, 0, 0});
                    blocks += answer;
                }
            } else if (const QVariant v = value(part.id); !Core::Values::isEmpty(v)) {
                QString shown = display(part, v);
                if (part.type == FieldType::Checklist) {
                    shown.replace(QStringLiteral(", "), QStringLiteral(" \u00b7 "));
                }
                pairs.rows.append({part.label, shown});
            }
        }
        flushPairs();
        return blocks;
    }

    QList<PlanBlock> blocksOf(const Field &field) const
    {
        switch (field.type) {
        case FieldType::List:
            return listBlocks(field);
        case FieldType::Group:
            return groupBlocks(field);
        default:
            return scalarBlocks(field);
        }
    }

    PlanField plain(const Field &field) const
    {
        PlanField out;
        out.id = field.id;
        out.label = field.label;
        out.question = field.question;
        out.blocks = blocksOf(field);
        return out;
    }

    std::optional<PlanField> manifesto() const
    {
        const Field *body = m_definition.fieldFor(Core::Role::ManifestoBody);
        if (!body || Core::Values::isEmpty(value(body->id))) {
            return std::nullopt;
        }
        PlanField out;
        out.kind = PlanField::Kind::Manifesto;
        out.id = body->id;
        out.label = tr("The manifesto");
        out.question = body->question;
        out.title = text(m_definition.idFor(Core::Role::ManifestoTitle));
        if (out.title.isEmpty()) {
            out.title = tr("Our manifesto");
        }
        out.blocks = scalarBlocks(*body);
        return out;
    }

    std::optional<PlanField> storyboard() const
    {
        PlanTable table;
        table.headers = {tr("Shot"), tr("Beat"), tr("On screen")};
        table.weights = {0.5, 1.6, 4};
        table.rightAligned = {false, false, false};
        auto add = [&](const QString &label, const QString &shown) {
            if (!shown.isEmpty()) {
                table.rows.append({QString::number(table.rows.size() + 1), label, shown});
            }
        };
        for (const Core::Role role : {Core::Role::LeaderBeat, Core::Role::MovementBeat}) {
            if (const Field *field = m_definition.fieldFor(role)) {
                add(beatName(field->label), text(field->id));
            }
        }
        if (const Field *beat = m_definition.fieldFor(Core::Role::UsVersusThemBeats)) {
            for (const Field &part : beat->parts) {
                add(part.label, text(part.id));
            }
        }
        if (table.rows.isEmpty()) {
            return std::nullopt;
        }
        PlanField out;
        out.kind = PlanField::Kind::Storyboard;
        out.id = m_definition.idFor(Core::Role::LeaderBeat);
        out.label = tr("Video title sequence");
        out.question = tr("The beats of the title sequence, shot by shot: who leads, what the "
                          "movement is called, and where it stands.");
        out.blocks.append(PlanBlock{PlanBlock::Kind::Table, {}, {}, table, 0, 0});
        return out;
    }

    std::optional<PlanField> offerStack(const Field &field) const
    {
        const QList<Core::ListRow> &rows = m_content.lists.value(field.id);
        if (rows.isEmpty()) {
            return std::nullopt;
        }
        const Field *offer = m_definition.fieldFor(Core::Role::OfferName);
        const Field *price = m_definition.fieldFor(Core::Role::OfferPrice);
        const Field *type = m_definition.fieldFor(Core::Role::OfferType);
        if (!offer || !price || !type) {
            return plain(field);
        }
        PlanTable table;
        table.headers = {offer->label, type->label, price->label};
        table.weights = {3, 1, 1.4};
        table.rightAligned = {false, false, true};
        // Totals by currency and period; never summed across currencies or periods.
        QMap<std::pair<QString, QString>, Price> totals;
        QStringList uncounted;
        for (const Core::ListRow &row : rows) {
            const QString name = display(*offer, row.cells.value(offer->id));
            const QString priceText = display(*price, row.cells.value(price->id)).trimmed();
            const QString typeText = display(*type, row.cells.value(type->id));
            if (name.trimmed().isEmpty() && priceText.isEmpty() && typeText.isEmpty()) {
                continue;
            }
            table.rows.append({name, typeText, priceText});
            if (priceText.isEmpty()) {
                continue;
            }
            if (const std::optional<Price> parsed = parsePrice(priceText)) {
                const auto key = std::make_pair(parsed->currency, parsed->period);
                auto it = totals.find(key);
                if (it == totals.end()) {
                    totals.insert(key, *parsed);
                } else {
                    it->amount += parsed->amount;
                }
            } else {
                uncounted.append(QStringLiteral("\u201c%1\u201d").arg(priceText));
            }
        }
        if (table.rows.isEmpty()) {
            return std::nullopt;
        }
        for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
            if (it->period.isEmpty()) {
                table.totals.append({tr("One-off total"), QString(), formatPrice(*it)});
            }
        }
        for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
            if (!it->period.isEmpty()) {
                table.totals.append(
                    {tr("Recurring, per %1").arg(it->period), QString(), formatPrice(*it)});
            }
        }
        PlanField out;
        out.kind = PlanField::Kind::OfferStack;
        out.id = field.id;
        out.label = field.label;
        out.question = field.question;
        out.blocks.append(PlanBlock{PlanBlock::Kind::Table, {}, {}, table, 0, 0});
        if (!uncounted.isEmpty()) {
            out.blocks.append(PlanBlock{PlanBlock::Kind::Note,
                                        tr("Not counted in the totals, because they are not "
                                           "amounts: %1.")
                                            .arg(QLocale().createSeparatedList(uncounted)),
                                        {},
                                        {},
                                        0,
                                        0});
        }
        return out;
    }

    std::optional<PlanField> fanEconomics() const
    {
        PlanTable figures;
        figures.keyValue = true;
        figures.weights = {2, 1};
        figures.rightAligned = {false, true};
        for (const Core::Role role : {Core::Role::FanRings, Core::Role::FanEconomics}) {
            if (const Field *group = m_definition.fieldFor(role)) {
                for (const Field &part : group->parts) {
                    const QString shown = text(part.id);
                    if (!shown.isEmpty()) {
                        figures.rows.append({part.label, shown});
                    }
                }
            }
        }
        const std::optional<PlanReadiness> &readiness = m_options.readiness;
        PlanField out;
        if (readiness && readiness->fansNeeded) {
            figures.totals.append({tr("True fans needed"), formatNumber(*readiness->fansNeeded)});
            if (readiness->gap) {
                figures.totals.append({tr("Still to find"),
                                       *readiness->gap > 0 ? formatNumber(*readiness->gap)
                                                           : tr("none: the target is reached")});
            }
        }
        if (readiness && readiness->followerCount > 0) {
            figures.totals.append(
                {tr("Followers in the log"), formatNumber(readiness->followerCount)});
            if (!readiness->suggestedStageLabel.isEmpty()) {
                figures.totals.append(
                    {tr("Stage the log suggests"), readiness->suggestedStageLabel});
            }
        }
        if (figures.rows.isEmpty() && figures.totals.isEmpty()) {
            return std::nullopt;
        }
        out.kind = PlanField::Kind::FanEconomics;
        out.id = m_definition.idFor(Core::Role::FanRings);
        const Field *economics = m_definition.fieldFor(Core::Role::FanEconomics);
        out.label = economics ? economics->label : tr("Fan economics");
        out.question =
            tr("How many true fans the movement needs to pay its way, and how far it is.");
        out.blocks.append(PlanBlock{PlanBlock::Kind::Table, {}, {}, figures, 0, 0});
        if (readiness && readiness->fansNeeded && *readiness->fansNeeded > 0) {
            const int needed = *readiness->fansNeeded;
            const int have = readiness->trueFans;
            const int percent = int(std::floor(100.0 * std::min(have, needed) / needed));
            out.blocks.append(PlanBlock{PlanBlock::Kind::Meter,
                                        tr("%1 of %2 true fans (%3%)")
                                            .arg(formatNumber(have), formatNumber(needed))
                                            .arg(percent),
                                        {},
                                        {},
                                        double(have),
                                        double(needed)});
        }
        return out;
    }

    PlanSection section(const Core::Section &definition, int number) const
    {
        PlanSection out;
        out.id = definition.id;
        out.code = definition.code;
        out.number = number;
        out.title = definition.title;
        out.purpose = definition.purpose;
        using Core::Role;
        for (const Field &field : definition.fields) {
            std::optional<PlanField> made;
            if (field.role == Role::MiniManifesto) {
                made = plain(field);
                made->kind = PlanField::Kind::MiniManifesto;
            } else if (field.role == Role::ManifestoTitle) {
                // The title goes with the body on the manifesto's page, unless there is no body.
                if (Core::Values::isEmpty(value(m_definition.idFor(Role::ManifestoBody)))) {
                    made = plain(field);
                }
            } else if (field.role == Role::ManifestoBody) {
                made = manifesto();
            } else if (field.role == Role::LeaderBeat) {
                made = storyboard();
            } else if (field.role == Role::MovementBeat || field.role == Role::UsVersusThemBeats) {
                continue; // in the storyboard
            } else if (field.role == Role::OfferStack) {
                made = offerStack(field);
            } else if (field.role == Role::FanRings) {
                made = fanEconomics();
            } else if (field.role == Role::FanEconomics) {
                continue; // in the fan economics
            } else {
                made = plain(field);
            }
            if (made && !made->blocks.isEmpty()) {
                out.fields.append(*made);
            }
        }
        return out;
    }

    PlanContent build() const
    {
        PlanContent plan;
        plan.movementName = text(m_definition.idFor(Core::Role::TribeName));
        if (plan.movementName.isEmpty()) {
            plan.movementName = clean(m_content.name).simplified();
        }
        if (plan.movementName.isEmpty()) {
            plan.movementName = tr("Untitled movement");
        }
        plan.slogan = text(m_definition.idFor(Core::Role::Slogan)).simplified();
        plan.leader = text(m_definition.idFor(Core::Role::LeaderName)).simplified();
        plan.miniManifesto = text(m_definition.idFor(Core::Role::MiniManifesto));
        const QDate date = m_options.date.isValid() ? m_options.date : QDate::currentDate();
        plan.dateText = QLocale().toString(date, QLocale::LongFormat);
        plan.wallpaper = m_options.wallpaper;
        const QStringList &wanted = m_options.sections;
        int number = 0;
        for (const Core::Section &section : m_definition.sections()) {
            ++number;
            if (wanted.isEmpty() || wanted.contains(section.id)) {
                plan.sections.append(this->section(section, number));
            }
        }
        const bool wantsAppendix =
            wanted.isEmpty() || wanted.contains(QLatin1String(Core::ExportProfiles::kReadinessId));
        if (wantsAppendix && m_options.readiness) {
            PlanAppendix appendix;
            appendix.score = m_options.readiness->score;
            appendix.sections.headers = {tr("Section"), tr("Fields filled"), tr("Score")};
            appendix.sections.rightAligned = {false, true, true};
            for (const PlanSection &section : std::as_const(plan.sections)) {
                for (const PlanReadiness::Section &ready : m_options.readiness->sections) {
                    if (ready.sectionId == section.id) {
                        appendix.sections.rows.append(
                            {section.title,
                             tr("%1 of %2").arg(ready.filledFields).arg(ready.totalFields),
                             QString::number(ready.score)});
                    }
                }
            }
            for (const PlanSection &section : std::as_const(plan.sections)) {
                QList<PlanFinding> findings;
                for (const PlanFinding &finding : m_options.readiness->findings) {
                    if (finding.sectionId == section.id) {
                        findings.append(finding);
                    }
                }
                if (!findings.isEmpty()) {
                    appendix.findingsBySection.append({section.title, findings});
                }
            }
            plan.appendix = appendix;
        }
        QStringList subject;
        if (!m_options.profileName.isEmpty()) {
            subject.append(m_options.profileName);
        }
        if (!plan.slogan.isEmpty()) {
            subject.append(plan.slogan);
        }
        plan.subject = subject.join(QStringLiteral(": "));
        return plan;
    }

private:
    const Core::Definition &m_definition;
    const Core::WorkbookContent &m_content;
    const PlanOptions &m_options;
};

} // namespace

PlanReadiness readinessFromChecks(const Core::Readiness &readiness)
{
    PlanReadiness out;
    out.score = readiness.score;
    for (const Core::SectionReadiness &section : readiness.sections) {
        out.sections.append(
            {section.sectionId, section.score, section.filledFields, section.totalFields});
    }
    for (const Core::Finding &finding : readiness.findings) {
        out.findings.append({finding.checkId,
                             finding.sectionId,
                             finding.severity,
                             finding.title,
                             finding.message,
                             finding.why});
    }
    const Core::Figures &figures = readiness.figures;
    out.fansNeeded = figures.fansNeeded;
    out.gap = figures.gap;
    out.trueFans = figures.trueFans;
    out.followerCount = figures.followerCount;
    out.suggestedStageLabel = figures.suggestedStageLabel;
    return out;
}

QString planThemeName(PlanTheme theme)
{
    switch (theme) {
    case PlanTheme::Classic:
        return QStringLiteral("classic");
    case PlanTheme::Modern:
        return QStringLiteral("modern");
    case PlanTheme::Bold:
        return QStringLiteral("bold");
    }
    return {};
}

std::optional<PlanTheme> planThemeFromName(const QString &name)
{
    for (PlanTheme theme : {PlanTheme::Classic, PlanTheme::Modern, PlanTheme::Bold}) {
        if (name.compare(planThemeName(theme), Qt::CaseInsensitive) == 0) {
            return theme;
        }
    }
    return std::nullopt;
}

QStringList planThemeNames()
{
    return {planThemeName(PlanTheme::Classic),
            planThemeName(PlanTheme::Modern),
            planThemeName(PlanTheme::Bold)};
}

QPageSize defaultPageSize()
{
    // One rule for the plan and the studio's one-page meter.
    return PageStyle::pageSize(QLocale::system());
}

QString PlanContent::documentTitle() const
{
    return tr("%1: the movement plan").arg(movementName);
}

PlanContent PlanContent::build(const Core::Definition &definition,
                               const Core::WorkbookContent &content,
                               const PlanOptions &options)
{
    return Builder(definition, content, options).build();
}

// --- Prices -------------------------------------------------------------------------------------

std::optional<Price> parsePrice(const QString &typed)
{
    static const QRegularExpression shape(
        QStringLiteral("^(?<pre>US\\$|[$€£¥₹₩₽]|[A-Z]{3}(?=[\\s\\d]))?\\s*"
                       "(?<num>\\d{1,3}(?:(?<group>[,.\\x{00a0}\\x{202f}' "
                       "])\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)"
                       "\\s*(?<post>[$€£¥₹₩₽]|[A-Z]{3}\\b)?"
                       "\\s*(?:(?:/"
                       "|\\bper\\b|\\ba\\b|\\ban\\b|\\beach\\b)\\s*(?<period>month|mo|year|yr|"
                       "annum|week|wk|day|quarter)s?\\b"
                       "|(?<adverb>monthly|yearly|annually|weekly|daily|quarterly)\\b)?\\s*\\.?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = typed.simplified();
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    Price price;
    const QString pre = match.captured(QStringLiteral("pre"));
    const QString post = match.captured(QStringLiteral("post"));
    if (!pre.isEmpty() && !post.isEmpty()) {
        return std::nullopt; // two currencies: no guessing
    }
    price.currency = pre.isEmpty() ? post : pre;
    price.prefix = !pre.isEmpty();
    QString number = match.captured(QStringLiteral("num"));
    const QString group = match.captured(QStringLiteral("group"));
    if (!group.isEmpty()) {
        price.groupSeparator = group.at(0);
        number.remove(group.at(0));
    }
    if (number.contains(u',') || price.groupSeparator == u'.') {
        price.decimalPoint = u',';
        if (group.isEmpty()) {
            price.groupSeparator = u'.';
        }
    }
    number.replace(u',', u'.');
    bool ok = false;
    price.amount = number.toDouble(&ok);
    if (!ok || !std::isfinite(price.amount)) {
        return std::nullopt;
    }
    QString period = match.captured(QStringLiteral("period")).toLower();
    const QString adverb = match.captured(QStringLiteral("adverb")).toLower();
    if (!adverb.isEmpty()) {
        period = adverb == QLatin1String("annually") ? QStringLiteral("year")
                 : adverb == QLatin1String("daily")  ? QStringLiteral("day")
                                                     : adverb.chopped(2);
    }
    if (period == QLatin1String("mo")) {
        period = QStringLiteral("month");
    } else if (period == QLatin1String("yr") || period == QLatin1String("annum")) {
        period = QStringLiteral("year");
    } else if (period == QLatin1String("wk")) {
        period = QStringLiteral("week");
    }
    price.period = period;
    return price;
}

QString formatPrice(const Price &price)
{
    const bool whole = std::abs(price.amount - std::round(price.amount)) < 0.005;
    QLocale english(QLocale::English, QLocale::UnitedStates);
    QString amount = english.toString(price.amount, 'f', whole ? 0 : 2);
    for (QChar &c : amount) {
        c = c == u',' ? price.groupSeparator : c == u'.' ? price.decimalPoint : c;
    }
    QString text;
    if (price.currency.isEmpty()) {
        text = amount;
    } else if (price.prefix) {
        const bool code = price.currency.size() == 3 && price.currency.at(0).isLetter();
        text = price.currency + (code ? QStringLiteral(" ") : QString()) + amount;
    } else {
        text = amount + u' ' + price.currency;
    }
    if (!price.period.isEmpty()) {
        text += u'/' + price.period;
    }
    return text;
}

} // namespace Rallybook::Render
