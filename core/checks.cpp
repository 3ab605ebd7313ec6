// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/checks.h"

#include "core/text.h"
#include "core/value.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

namespace Rallybook::Core {

namespace {

using namespace Qt::StringLiterals;

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Core::Checker", text);
}

// Choice ids of movement.json the checks compare with. Ids are not shown or translated.
const QString kLeader = u"leader"_s;
const QString kProlificZone = u"prolific-zone"_s;
const QString kFrustrated = u"frustrated"_s;
const QString kNo = u"no"_s;
const QString kUnsure = u"unsure"_s;
const QString kSwitch = u"switch"_s;
const QString kThirdParty = u"third-party"_s;
const QString kTrueRing = u"true"_s;
const QString kLoneNut = u"lone-nut"_s;
const QString kFirstFollower = u"first-follower"_s;
const QString kCrowd = u"crowd"_s;
const QString kMomentum = u"momentum"_s;

/** The word lists and thresholds of the definition's "constants", read once. */
struct Rules
{
    Text::WordMatcher improvement;
    Text::WordMatcher hedge;
    Text::WordMatcher future;
    Text::WordMatcher blame;
    Text::WordMatcher notNames;
    QStringList identityPrefixes;
    QStringList abbreviations;
    QStringList fanMetricTerms;
    double parablesMin = 0;
    double storylinesMin = 0;
    double passionSignalsMin = 0;
    double miniMaxSentences = 0;
    double miniMaxWords = 0;
    double manifestoMaxWords = 0;
    double manifestoMinWords = 0;
    double switchesMax = 0;
    double danceMaxWords = 0;
    double profitPerFanMin = 0;
    double criticalMass = 0;
    double stageOutOfStepDistance = 0;
    double followerPushDays = 0;
    double publishingMinPostsPerWeek = 0;
    double publishingMinMonths = 0;
    double errorPenalty = 0;
    double warningPenalty = 0;
    double tipPenalty = 0;
};

/** Reads constants, collecting every problem so that one message can name them all. */
class ConstantsReader
{
public:
    explicit ConstantsReader(const QJsonObject &constants)
        : m_constants(constants)
    {}

    const QStringList &problems() const { return m_problems; }

    QStringList words(const char *key)
    {
        const QJsonValue value = m_constants.value(QLatin1String(key));
        QStringList words;
        bool ok = value.isArray();
        for (const QJsonValue &word : value.toArray()) {
            ok = ok && word.isString();
            words.append(word.toString());
        }
        if (!ok) {
            m_problems.append(tr("\u201c%1\u201d must be a list of words").arg(QLatin1String(key)));
        }
        return words;
    }

    Text::WordMatcher matcher(const char *wordsKey, const char *patternsKey = nullptr)
    {
        const QStringList list = words(wordsKey);
        const QStringList patterns = patternsKey ? words(patternsKey) : QStringList();
        auto matcher = Text::WordMatcher::create(list, patterns);
        if (!matcher) {
            m_problems.append(QStringLiteral("\u201c%1\u201d: %2")
                                  .arg(QLatin1String(patternsKey ? patternsKey : wordsKey),
                                       matcher.error().message));
            return {};
        }
        return matcher.value();
    }

    double number(const char *key) { return number(m_constants, key, QLatin1String(key)); }

    double number(const char *objectKey, const char *key)
    {
        const QJsonValue object = m_constants.value(QLatin1String(objectKey));
        const QString name =
            QStringLiteral("%1.%2").arg(QLatin1String(objectKey), QLatin1String(key));
        if (!object.isObject()) {
            m_problems.append(tr("\u201c%1\u201d must be a number from 0").arg(name));
            return 0;
        }
        return number(object.toObject(), key, name);
    }

private:
    double number(const QJsonObject &object, const char *key, const QString &name)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isDouble() || value.toDouble() < 0) {
            m_problems.append(tr("\u201c%1\u201d must be a number from 0").arg(name));
            return 0;
        }
        return value.toDouble();
    }

    const QJsonObject &m_constants;
    QStringList m_problems;
};

bool isFilledCell(const QVariant &value)
{
    // An unticked flag is how a new row starts; on its own it is not an answer.
    return !Values::isEmpty(value) && !(value.typeId() == QMetaType::Bool && !value.toBool());
}

bool isFilledRow(const ListRow &row)
{
    return std::any_of(row.cells.begin(), row.cells.end(), isFilledCell);
}

/** Read access to a workbook's answers, as the checks need them. */
class Answers
{
public:
    Answers(const Definition &definition, const WorkbookContent &content)
        : m_definition(definition)
        , m_content(content)
    {}

    const Definition &definition() const { return m_definition; }

    QString text(const QString &fieldId) const
    {
        return m_content.values.value(fieldId).toString();
    }
    bool isEmpty(const QString &fieldId) const
    {
        return Values::isEmpty(m_content.values.value(fieldId));
    }
    QStringList checklist(const QString &fieldId) const
    {
        return m_content.values.value(fieldId).toStringList();
    }
    /** The number given, else the field's default; none when neither exists. */
    std::optional<double> number(const QString &fieldId) const
    {
        const QVariant value = m_content.values.value(fieldId);
        if (!Values::isEmpty(value)) {
            bool ok = false;
            const double number = value.toDouble(&ok);
            if (ok) {
                return number;
            }
        }
        const Field *field = m_definition.field(fieldId);
        return field ? field->defaultValue : std::nullopt;
    }
    /** The rows of a list that hold anything; blank rows are skipped. */
    QList<const ListRow *> rows(const QString &fieldId) const
    {
        QList<const ListRow *> filled;
        const auto it = m_content.lists.constFind(fieldId);
        if (it != m_content.lists.constEnd()) {
            for (const ListRow &row : it.value()) {
                if (isFilledRow(row)) {
                    filled.append(&row);
                }
            }
        }
        return filled;
    }
    int rowCount(const QString &fieldId) const
    {
        const auto it = m_content.lists.constFind(fieldId);
        if (it == m_content.lists.constEnd()) {
            return 0;
        }
        return int(std::count_if(it->begin(), it->end(), isFilledRow));
    }
    bool isFilled(const Field &field) const
    {
        return field.type == FieldType::List ? rowCount(field.id) > 0 : !isEmpty(field.id);
    }

    static QString cell(const ListRow *row, const QString &columnId)
    {
        return row->cells.value(columnId).toString();
    }
    static bool isBlankCell(const ListRow *row, const QString &columnId)
    {
        return !isFilledCell(row->cells.value(columnId));
    }

private:
    const Definition &m_definition;
    const WorkbookContent &m_content;
};

/** What one check says about a workbook. */
struct Verdict
{
    bool fired = false;
    std::optional<Severity> severity; ///< overrides the definition's
    QList<std::pair<QString, QString>> placeholders;
};

/** True when the verdict counts exactly one thing ({n} is 1), for the singular message. */
bool isOne(const Verdict &verdict)
{
    return std::any_of(verdict.placeholders.begin(), verdict.placeholders.end(), [](const auto &p) {
        return p.first == QLatin1String("n") && p.second == QLatin1String("1");
    });
}

Verdict when(bool fired)
{
    return Verdict{fired, std::nullopt, {}};
}

struct Context
{
    const Answers &answers;
    const Rules &rules;
    const Figures &figures;
    QDate today;
    /** Findings of the checks evaluated before this one, with their section's position. */
    const QList<std::pair<int, Finding>> &earlier;
    int sectionIndex;
};

using CheckFunction = Verdict (*)(const Context &);

struct Implementation
{
    const char *id;
    CheckFunction run;
    /** Runs after every other check, because it looks at their findings (AP-C4). */
    bool last = false;
};

bool anySame(const QString &text, const QList<const ListRow *> &rows, const QString &columnId)
{
    return std::any_of(rows.begin(), rows.end(), [&](const ListRow *row) {
        return Text::sameText(text, Answers::cell(row, columnId));
    });
}

/** "Shipwrights" and "Shipwright": a tribe name and its singular. */
QStringList nameForms(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    QStringList forms{trimmed};
    if (trimmed.size() > 1 && trimmed.endsWith(u's', Qt::CaseInsensitive)) {
        forms.append(trimmed.chopped(1));
    }
    return forms;
}

/** A statement without its closing punctuation: "I'm a Shipwright." → "I'm a Shipwright". */
QString withoutFinalStop(const QString &text)
{
    QString trimmed = text.trimmed();
    while (!trimmed.isEmpty()
           && (trimmed.back() == u'.' || trimmed.back() == u'!' || trimmed.back() == u'?'
               || trimmed.back() == u'\u2026')) {
        trimmed.chop(1);
    }
    return trimmed.trimmed();
}

bool containsAny(const QString &text, const QStringList &parts)
{
    return std::any_of(parts.begin(), parts.end(), [&](const QString &part) {
        return Text::containsText(text, part);
    });
}

// The checks of DOMAIN.md, one function each, in the order of the definition. The rule of each
// is quoted above it. Texts a rule requires something of (a count, a word, a prefix) fail when
// empty; rules that forbid something, and comparisons with a choice or number, need an answer.
const Implementation kImplementations[] = {
    // count(AC4) < PARABLES_MIN
    {"AC-C1",
     [](const Context &c) {
         return when(c.answers.rowCount(u"AC4"_s) < c.rules.parablesMin);
     }},
    // AC5 empty
    {"AC-C2",
     [](const Context &c) {
         return when(c.answers.rowCount(u"AC5"_s) == 0);
     }},
    // AC6 empty, or every stance contains a HEDGE_WORD
    {"AC-C3",
     [](const Context &c) {
         bool firm = false;
         for (const ListRow *row : c.answers.rows(u"AC6"_s)) {
             const QString stance = Answers::cell(row, u"stance"_s);
             firm = firm || (!stance.trimmed().isEmpty() && !c.rules.hedge.matches(stance));
         }
         return when(!firm);
     }},
    // AC2 = Leader and AC9 "Framework & results" empty
    {"AC-C4",
     [](const Context &c) {
         return when(c.answers.text(u"AC2"_s) == kLeader && c.answers.isEmpty(u"AC9.framework"_s));
     }},
    // any AC9 part empty
    {"AC-C5",
     [](const Context &c) {
         const Field *origin = c.answers.definition().field(u"AC9"_s);
         bool gap = false;
         for (const Field &part : origin ? origin->parts : QList<Field>()) {
             gap = gap || !c.answers.isFilled(part);
         }
         return when(gap);
     }},
    // AC8 ≠ Prolific Zone
    {"AC-C6",
     [](const Context &c) {
         const QString index = c.answers.text(u"AC8"_s);
         return when(!index.isEmpty() && index != kProlificZone);
     }},
    // count(AC7) < 2
    {"AC-C7",
     [](const Context &c) {
         return when(c.answers.checklist(u"AC7"_s).size() < c.rules.storylinesMin);
     }},

    // fewer than 3 TB7 lists non-empty
    {"TB-C1",
     [](const Context &c) {
         const Field *passion = c.answers.definition().field(u"TB7"_s);
         int shown = 0;
         for (const Field &part : passion ? passion->parts : QList<Field>()) {
             shown += c.answers.isFilled(part) ? 1 : 0;
         }
         return when(shown < c.rules.passionSignalsMin);
     }},
    // TB7 "Other experts" empty
    {"TB-C2",
     [](const Context &c) {
         return when(c.answers.rowCount(u"TB7.experts"_s) == 0);
     }},
    // TB8 has No (Warning) or Unsure (Tip)
    {"TB-C3",
     [](const Context &c) {
         const QStringList answers{c.answers.text(u"TB8.willing"_s), c.answers.text(u"TB8.able"_s)};
         if (answers.contains(kNo)) {
             return Verdict{true, Severity::Warning, {}};
         }
         if (answers.contains(kUnsure)) {
             return Verdict{true, Severity::Tip, {}};
         }
         return when(false);
     }},
    // TB4 equals an item in TB3 (case-insensitive)
    {"TB-C4",
     [](const Context &c) {
         const QString category = c.answers.text(u"TB4"_s);
         return when(!category.trimmed().isEmpty()
                     && anySame(category, c.answers.rows(u"TB3"_s), u"niche"_s));
     }},
    // TB10 ≠ Frustrated
    {"TB-C5",
     [](const Context &c) {
         const QString target = c.answers.text(u"TB10"_s);
         return when(!target.isEmpty() && target != kFrustrated);
     }},
    // TB9 empty
    {"TB-C6",
     [](const Context &c) {
         return when(c.answers.rowCount(u"TB9"_s) == 0);
     }},

    // CA2 contains an IMPROVEMENT_WORD
    {"CA-C1",
     [](const Context &c) {
         return when(c.rules.improvement.matches(c.answers.text(u"CA2"_s)));
     }},
    // CA1 has no FUTURE_MARKER
    {"CA-C2",
     [](const Context &c) {
         return when(!c.rules.future.matches(c.answers.text(u"CA1"_s)));
     }},
    // CA4 doesn't start with "I am", "I'm" or "I "
    {"CA-C3",
     [](const Context &c) {
         return when(!Text::startsWithAny(c.answers.text(u"CA4"_s), c.rules.identityPrefixes));
     }},
    // CA4 contains neither CA3 nor CA3 minus a trailing "s"
    {"CA-C4",
     [](const Context &c) {
         const QStringList forms = nameForms(c.answers.text(u"CA3"_s));
         return when(!forms.isEmpty() && !containsAny(c.answers.text(u"CA4"_s), forms));
     }},
    // CA5 text empty
    {"CA-C5",
     [](const Context &c) {
         return when(c.answers.isEmpty(u"CA5.story"_s));
     }},
    // CA6 empty
    {"CA-C6",
     [](const Context &c) {
         return when(c.answers.rowCount(u"CA6"_s) == 0);
     }},
    // CA7 empty
    {"CA-C7",
     [](const Context &c) {
         return when(c.answers.isEmpty(u"CA7"_s));
     }},
    // CA8 empty
    {"CA-C8",
     [](const Context &c) {
         return when(c.answers.isEmpty(u"CA8"_s));
     }},
    // CA9 or CA10 empty
    {"CA-C9",
     [](const Context &c) {
         return when(c.answers.isEmpty(u"CA9"_s) || c.answers.checklist(u"CA10"_s).isEmpty());
     }},

    // sentences(TL1) > 4 or words > 50
    {"TL-C1",
     [](const Context &c) {
         const QString mini = c.answers.text(u"TL1"_s);
         return when(Text::sentenceCount(mini, c.rules.abbreviations) > c.rules.miniMaxSentences
                     || Text::wordCount(mini) > c.rules.miniMaxWords);
     }},
    // words(TL4) > 400
    {"TL-C2",
     [](const Context &c) {
         return when(Text::wordCount(c.answers.text(u"TL4"_s)) > c.rules.manifestoMaxWords);
     }},
    // words(TL4) < 100
    {"TL-C3",
     [](const Context &c) {
         return when(Text::wordCount(c.answers.text(u"TL4"_s)) < c.rules.manifestoMinWords);
     }},
    // TL4 contains neither CA3 nor CA4
    {"TL-C4",
     [](const Context &c) {
         QStringList identity = nameForms(c.answers.text(u"CA3"_s));
         const QString statement = withoutFinalStop(c.answers.text(u"CA4"_s));
         if (!statement.isEmpty()) {
             identity.append(statement);
         }
         return when(!identity.isEmpty() && !containsAny(c.answers.text(u"TL4"_s), identity));
     }},
    // TL5 empty
    {"TL-C5",
     [](const Context &c) {
         return when(c.answers.isEmpty(u"TL5"_s));
     }},
    // TL7 "what we fight" empty
    {"TL-C6",
     [](const Context &c) {
         return when(c.answers.isEmpty(u"TL7.fight"_s));
     }},
    // the enemy text matches a personal name (two capitalised words not in a whitelist)
    {"TL-C7",
     [](const Context &c) {
         return when(Text::containsPersonName(c.answers.text(u"TL7.fight"_s), c.rules.notNames));
     }},

    // NO3, NO4 or the front-end offer contains an IMPROVEMENT_WORD
    {"NO-C1",
     [](const Context &c) {
         return when(c.rules.improvement.matches(c.answers.text(u"NO3"_s))
                     || c.rules.improvement.matches(c.answers.text(u"NO4"_s))
                     || c.rules.improvement.matches(c.answers.text(u"NO10.frontOffer"_s)));
     }},
    // NO3 equals an item in NO2 or TB3
    {"NO-C2",
     [](const Context &c) {
         const QString name = c.answers.text(u"NO3"_s);
         return when(!name.trimmed().isEmpty()
                     && (anySame(name, c.answers.rows(u"NO2"_s), u"vehicle"_s)
                         || anySame(name, c.answers.rows(u"TB3"_s), u"niche"_s)));
     }},
    // competitor min < core price < competitor max
    {"NO-C3",
     [](const Context &c) {
         const auto core = c.answers.number(u"NO10.corePrice"_s);
         const auto low = c.answers.number(u"NO10.competitorMin"_s);
         const auto high = c.answers.number(u"NO10.competitorMax"_s);
         return when(core && low && high && *low < *core && *core < *high);
     }},
    // NO7 empty
    {"NO-C4",
     [](const Context &c) {
         return when(c.answers.checklist(u"NO7"_s).isEmpty());
     }},
    // NO8 empty, or a reducer is blank
    {"NO-C5",
     [](const Context &c) {
         const QList<const ListRow *> risks = c.answers.rows(u"NO8"_s);
         return when(risks.isEmpty()
                     || std::any_of(risks.begin(), risks.end(), [](const ListRow *row) {
                            return Answers::isBlankCell(row, u"reducer"_s);
                        }));
     }},
    // count(NO11 type = Switch) > 1
    {"NO-C6",
     [](const Context &c) {
         const QList<const ListRow *> stack = c.answers.rows(u"NO11"_s);
         const auto switches = std::count_if(stack.begin(), stack.end(), [](const ListRow *row) {
             return Answers::cell(row, u"type"_s) == kSwitch;
         });
         return when(switches > c.rules.switchesMax);
     }},
    // NO6 contains "your fault", "you failed" or "your mistake"
    {"NO-C7",
     [](const Context &c) {
         return when(c.rules.blame.matches(c.answers.text(u"NO6"_s)));
     }},

    // words(MS2) > 20
    {"MS-C1",
     [](const Context &c) {
         return when(Text::wordCount(c.answers.text(u"MS2"_s)) > c.rules.danceMaxWords);
     }},
    // MS4 empty
    {"MS-C2",
     [](const Context &c) {
         return when(c.answers.rowCount(u"MS4"_s) == 0);
     }},
    // MS1 ≠ Lone nut and (MS3 empty or an "equals" cell is blank)
    {"MS-C3",
     [](const Context &c) {
         const QList<const ListRow *> first = c.answers.rows(u"MS3"_s);
         const bool unhonoured =
             first.isEmpty() || std::any_of(first.begin(), first.end(), [](const ListRow *row) {
                 return Answers::isBlankCell(row, u"equals"_s);
             });
         return when(c.figures.stage != kLoneNut && unhonoured);
     }},
    // MS5 "with each other" empty
    {"MS-C4",
     [](const Context &c) {
         return when(c.answers.rowCount(u"MS5.withEachOther"_s) == 0);
     }},
    // MS11 = Third-party only
    {"MS-C5",
     [](const Context &c) {
         return when(c.answers.text(u"MS11"_s) == kThirdParty);
     }},
    // gap > 0
    {"MS-C6",
     [](const Context &c) {
         if (!c.figures.gap || *c.figures.gap <= 0) {
             return when(false);
         }
         return Verdict{true,
                        std::nullopt,
                        {{u"fans_needed"_s, QString::number(*c.figures.fansNeeded)},
                         {u"gap"_s, QString::number(*c.figures.gap)}}};
     }},
    // profit per fan < 100
    {"MS-C7",
     [](const Context &c) {
         const auto profit = c.answers.number(u"MS10.profitPerFan"_s);
         return when(profit && *profit < c.rules.profitPerFanMin);
     }},
    // MS7 empty
    {"MS-C8",
     [](const Context &c) {
         return when(c.answers.isEmpty(u"MS7"_s));
     }},
    // the follower log has rows, and MS1 is two or more stages away from the one the log suggests
    {"MS-C9",
     [](const Context &c) {
         const Field *stage = c.answers.definition().field(u"MS1"_s);
         const QString chosen = c.answers.text(u"MS1"_s);
         if (!stage || chosen.isEmpty() || c.figures.followerCount == 0) {
             return when(false);
         }
         auto position = [stage](const QString &id) {
             for (qsizetype i = 0; i < stage->choices.size(); ++i) {
                 if (stage->choices.at(i).id == id) {
                     return i;
                 }
             }
             return qsizetype(-1);
         };
         const qsizetype a = position(chosen);
         const qsizetype b = position(c.figures.suggestedStage);
         if (a < 0 || b < 0 || std::abs(a - b) < c.rules.stageOutOfStepDistance) {
             return when(false);
         }
         return Verdict{true, std::nullopt, {{u"suggested"_s, c.figures.suggestedStageLabel}}};
     }},

    // posts per week < 1 or months < 12
    {"AP-C1",
     [](const Context &c) {
         const auto posts = c.answers.number(u"AP1.postsPerWeek"_s);
         const auto months = c.answers.number(u"AP1.months"_s);
         return when((posts && *posts < c.rules.publishingMinPostsPerWeek)
                     || (months && *months < c.rules.publishingMinMonths));
     }},
    // any AP2 row without a due value
    {"AP-C2",
     [](const Context &c) {
         const QList<const ListRow *> milestones = c.answers.rows(u"AP2"_s);
         return when(std::any_of(milestones.begin(), milestones.end(), [](const ListRow *row) {
             return Answers::isBlankCell(row, u"due"_s);
         }));
     }},
    // no AP3 date within 30 days
    {"AP-C3",
     [](const Context &c) {
         bool soon = false;
         for (const ListRow *row : c.answers.rows(u"AP3"_s)) {
             const QDate date = QDate::fromString(Answers::cell(row, u"date"_s), Qt::ISODate);
             soon =
                 soon
                 || (date.isValid() && std::abs(c.today.daysTo(date)) <= c.rules.followerPushDays);
         }
         return when(!soon);
     }},
    // any unresolved Warning in sections 1–6; suppressed when n = 0
    {"AP-C4",
     [](const Context &c) {
         const auto n = std::count_if(c.earlier.begin(), c.earlier.end(), [&](const auto &found) {
             return found.first < c.sectionIndex && found.second.severity == Severity::Warning;
         });
         if (n == 0) {
             return when(false);
         }
         return Verdict{true, std::nullopt, {{u"n"_s, QString::number(n)}}};
     },
     true},
    // no AP5 metric contains "fan"
    {"AP-C5",
     [](const Context &c) {
         const QList<const ListRow *> metrics = c.answers.rows(u"AP5"_s);
         return when(std::none_of(metrics.begin(), metrics.end(), [&](const ListRow *row) {
             return containsAny(Answers::cell(row, u"metric"_s), c.rules.fanMetricTerms);
         }));
     }},
};

const Implementation *implementation(const QString &checkId)
{
    for (const Implementation &entry : kImplementations) {
        if (checkId == QLatin1String(entry.id)) {
            return &entry;
        }
    }
    return nullptr;
}

int roundedScore(double score)
{
    return int(std::lround(std::clamp(score, 0.0, 100.0)));
}

} // namespace

bool Readiness::hasErrors() const
{
    return count(Severity::Error) > 0;
}

int Readiness::count(Severity severity) const
{
    return int(std::count_if(findings.begin(), findings.end(), [severity](const Finding &f) {
        return f.severity == severity;
    }));
}

QList<Finding> Readiness::findingsIn(const QString &sectionId) const
{
    QList<Finding> found;
    for (const Finding &finding : findings) {
        if (finding.sectionId == sectionId) {
            found.append(finding);
        }
    }
    return found;
}

QList<Finding> Readiness::findingsFor(const QString &fieldId) const
{
    const QString group = fieldId.section(u'.', 0, 0);
    const QString partPrefix = fieldId + u'.';
    QList<Finding> found;
    for (const Finding &finding : findings) {
        const bool names =
            std::any_of(finding.fields.begin(), finding.fields.end(), [&](const QString &f) {
                return f == fieldId || f == group || f.startsWith(partPrefix);
            });
        if (names) {
            found.append(finding);
        }
    }
    return found;
}

const SectionReadiness *Readiness::section(const QString &sectionId) const
{
    for (const SectionReadiness &s : sections) {
        if (s.sectionId == sectionId) {
            return &s;
        }
    }
    return nullptr;
}

const Finding *Readiness::finding(const QString &checkId) const
{
    for (const Finding &f : findings) {
        if (f.checkId == checkId) {
            return &f;
        }
    }
    return nullptr;
}

struct Checker::Data
{
    struct Planned
    {
        const Check *check;
        int sectionIndex;
        CheckFunction run;
        bool last;
    };

    Definition definition;
    Rules rules;
    QList<Planned> plan;                       // definition order
    QList<QList<const Field *>> sectionFields; // stored fields, by section position

    Figures figures(const Answers &answers) const;
};

Figures Checker::Data::figures(const Answers &answers) const
{
    Figures figures;
    const QList<const ListRow *> log = answers.rows(u"MS12"_s);
    figures.followerCount = int(log.size());
    figures.trueFansInLog = int(std::count_if(log.begin(), log.end(), [](const ListRow *row) {
        return Answers::cell(row, u"ring"_s) == kTrueRing;
    }));
    const auto typedTrueFans = answers.number(u"MS9.trueFans"_s);
    figures.trueFans = typedTrueFans ? int(*typedTrueFans) : figures.trueFansInLog;

    const auto income = answers.number(u"MS10.targetIncome"_s);
    const auto team = answers.number(u"MS10.teamSize"_s);
    const auto profit = answers.number(u"MS10.profitPerFan"_s);
    if (income && team && profit && *profit > 0) {
        // Tolerate binary rounding (120000 × 1 ÷ 150 must give 800, not 801).
        const double needed = std::ceil(*income * *team / *profit - 1e-9);
        figures.fansNeeded =
            int(std::clamp(needed, 0.0, double(std::numeric_limits<int>::max() / 2)));
        figures.gap = *figures.fansNeeded - figures.trueFans;
    }

    const int followers = figures.followerCount;
    figures.suggestedStage = followers == 0                   ? kLoneNut
                             : followers == 1                 ? kFirstFollower
                             : followers < rules.criticalMass ? kCrowd
                                                              : kMomentum;
    const Field *stage = definition.field(u"MS1"_s);
    const Choice *suggested = stage ? stage->choice(figures.suggestedStage) : nullptr;
    figures.suggestedStageLabel = suggested ? suggested->label : figures.suggestedStage;
    const QString chosen = answers.text(u"MS1"_s);
    figures.stage = chosen.isEmpty() ? figures.suggestedStage : chosen;
    return figures;
}

Result<Checker> Checker::create(const Definition &definition)
{
    auto data = std::make_shared<Data>();
    data->definition = definition;

    QStringList unimplemented;
    QSet<QString> defined;
    for (int s = 0; s < definition.sections().size(); ++s) {
        const Section &section = definition.sections().at(s);
        for (const Check &check : section.checks) {
            defined.insert(check.id);
            const Implementation *entry = implementation(check.id);
            if (!entry) {
                unimplemented.append(check.id);
                continue;
            }
            data->plan.append(Data::Planned{&check, s, entry->run, entry->last});
        }
        QList<const Field *> fields;
        for (const Field *field : definition.storedFields()) {
            if (definition.sectionOf(field->id) == &section) {
                fields.append(field);
            }
        }
        data->sectionFields.append(fields);
    }
    QStringList undefined;
    for (const Implementation &entry : kImplementations) {
        if (!defined.contains(QLatin1String(entry.id))) {
            undefined.append(QLatin1String(entry.id));
        }
    }
    if (!unimplemented.isEmpty() || !undefined.isEmpty()) {
        QStringList problems;
        if (!unimplemented.isEmpty()) {
            problems.append(
                tr("no implementation for %1").arg(unimplemented.join(QStringLiteral(", "))));
        }
        if (!undefined.isEmpty()) {
            problems.append(
                tr("no check in the definition for %1").arg(undefined.join(QStringLiteral(", "))));
        }
        return Error{ErrorCode::InvalidDefinition,
                     tr("The checks of the framework definition \u201c%1\u201d do not match this "
                        "Rallybook: %2.")
                         .arg(definition.id(), problems.join(QStringLiteral("; "))),
                     problems.join(QStringLiteral("; "))};
    }

    ConstantsReader read(definition.constants());
    Rules &rules = data->rules;
    rules.improvement = read.matcher("improvementWords", "improvementPatterns");
    rules.hedge = read.matcher("hedgeWords");
    rules.future = read.matcher("futureMarkers", "futurePatterns");
    rules.blame = read.matcher("blamePhrases");
    rules.notNames = read.matcher("personNameWhitelist");
    rules.identityPrefixes = read.words("identityPrefixes");
    rules.abbreviations = read.words("abbreviations");
    rules.fanMetricTerms = read.words("fanMetricTerms");
    rules.parablesMin = read.number("parablesMin");
    rules.storylinesMin = read.number("storylinesMin");
    rules.passionSignalsMin = read.number("passionSignalsMin");
    rules.miniMaxSentences = read.number("miniMaxSentences");
    rules.miniMaxWords = read.number("miniMaxWords");
    rules.manifestoMaxWords = read.number("manifestoMaxWords");
    rules.manifestoMinWords = read.number("manifestoMinWords");
    rules.switchesMax = read.number("switchesMax");
    rules.danceMaxWords = read.number("danceMaxWords");
    rules.profitPerFanMin = read.number("profitPerFanMin");
    rules.criticalMass = read.number("criticalMass");
    rules.stageOutOfStepDistance = read.number("stageOutOfStepDistance");
    rules.followerPushDays = read.number("followerPushDays");
    rules.publishingMinPostsPerWeek = read.number("publishingMinPostsPerWeek");
    rules.publishingMinMonths = read.number("publishingMinMonths");
    rules.errorPenalty = read.number("scorePenalties", "error");
    rules.warningPenalty = read.number("scorePenalties", "warning");
    rules.tipPenalty = read.number("scorePenalties", "tip");
    if (!read.problems().isEmpty()) {
        const QString problems = read.problems().join(QStringLiteral("; "));
        return Error{
            ErrorCode::InvalidDefinition,
            tr("The constants of the framework definition \u201c%1\u201d are not usable: %2.")
                .arg(definition.id(), problems),
            problems};
    }

    Checker checker;
    checker.d = std::move(data);
    return checker;
}

QStringList Checker::implementedCheckIds()
{
    QStringList ids;
    for (const Implementation &entry : kImplementations) {
        ids.append(QLatin1String(entry.id));
    }
    return ids;
}

const Definition &Checker::definition() const
{
    return d->definition;
}

Figures Checker::figures(const WorkbookContent &content) const
{
    return d->figures(Answers(d->definition, content));
}

TextStats Checker::textStats(QStringView text) const
{
    return TextStats{Text::wordCount(text), Text::sentenceCount(text, d->rules.abbreviations)};
}

Readiness Checker::evaluate(const Workbook &workbook, QDate today) const
{
    return evaluate(workbook.content(), today);
}

Readiness Checker::evaluate(const WorkbookContent &content, QDate today) const
{
    const Answers answers(d->definition, content);
    Readiness readiness;
    readiness.figures = d->figures(answers);

    // Each check sees the findings before it; those that look at findings run last.
    QList<std::pair<int, Finding>> found; // section position, finding
    std::vector<std::optional<Finding>> byPosition(size_t(d->plan.size()));
    auto run = [&](qsizetype position) {
        const Data::Planned &planned = d->plan.at(position);
        const Verdict verdict = planned.run(
            Context{answers, d->rules, readiness.figures, today, found, planned.sectionIndex});
        if (!verdict.fired) {
            return;
        }
        const Check &check = *planned.check;
        Finding finding{check.id,
                        check.sectionId,
                        verdict.severity.value_or(check.severity),
                        check.title,
                        isOne(verdict) && !check.messageOne.isEmpty() ? check.messageOne
                                                                      : check.message,
                        check.why,
                        check.fields};
        for (const auto &[key, value] : verdict.placeholders) {
            finding.message.replace(QStringLiteral("{%1}").arg(key), value);
        }
        found.append({planned.sectionIndex, finding});
        byPosition[size_t(position)] = std::move(finding);
    };
    for (qsizetype i = 0; i < d->plan.size(); ++i) {
        if (!d->plan.at(i).last) {
            run(i);
        }
    }
    for (qsizetype i = 0; i < d->plan.size(); ++i) {
        if (d->plan.at(i).last) {
            run(i);
        }
    }
    for (std::optional<Finding> &finding : byPosition) {
        if (finding) {
            readiness.findings.append(std::move(*finding));
        }
    }

    // Scores: completion × (100 − penalties) per section; the workbook's is their mean.
    const QList<Section> &sections = d->definition.sections();
    double total = 0;
    for (qsizetype s = 0; s < sections.size(); ++s) {
        SectionReadiness section;
        section.sectionId = sections.at(s).id;
        for (const Field *field : d->sectionFields.at(s)) {
            ++section.totalFields;
            section.filledFields += answers.isFilled(*field) ? 1 : 0;
        }
        for (const Finding &finding : readiness.findings) {
            if (finding.sectionId != section.sectionId) {
                continue;
            }
            section.errors += finding.severity == Severity::Error ? 1 : 0;
            section.warnings += finding.severity == Severity::Warning ? 1 : 0;
            section.tips += finding.severity == Severity::Tip ? 1 : 0;
        }
        const double penalty = section.errors * d->rules.errorPenalty
                               + section.warnings * d->rules.warningPenalty
                               + section.tips * d->rules.tipPenalty;
        section.score = roundedScore(section.completion() * std::max(0.0, 100.0 - penalty));
        total += section.score;
        readiness.sections.append(section);
    }
    readiness.score = sections.isEmpty() ? 0 : roundedScore(total / double(sections.size()));
    return readiness;
}

Result<Readiness>
evaluate(const Definition &definition, const WorkbookContent &content, QDate today)
{
    auto checker = Checker::create(definition);
    if (!checker) {
        return checker.error();
    }
    return checker->evaluate(content, today);
}

} // namespace Rallybook::Core
