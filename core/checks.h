// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/result.h"
#include "core/workbook.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <optional>

namespace Rallybook::Core {

/** A check that fired, ready to show. */
struct Finding
{
    QString checkId;   ///< "MS-C6"
    QString sectionId; ///< "movement-stages"
    /** Usually the definition's; TB-C3 is a warning for "No" and a tip for "Unsure". */
    Severity severity = Severity::Warning;
    QString title;
    QString message; ///< placeholders ({fans_needed}, {gap}, {suggested}, {n}) filled in
    QString why;
    QStringList fields; ///< the fields the check looks at; the first is where "go to" jumps

    bool operator==(const Finding &other) const = default;
};

/** Figures derived from the answers (DOMAIN.md §6), for the checks and for the interface. */
struct Figures
{
    /** ceil(target income × team size ÷ profit per fan); none until an income is given. */
    std::optional<int> fansNeeded;
    /** fansNeeded − trueFans; none without fansNeeded. May be zero or negative. */
    std::optional<int> gap;
    /** MS9's true fans; when MS9 has none, the log's rows in the true-fan ring. */
    int trueFans = 0;
    /** Rows in the follower log (MS12) that hold anything. */
    int followerCount = 0;
    /** Rows of the follower log in the true-fan ring. */
    int trueFansInLog = 0;
    /** The MS1 choice id the log suggests: 0 rows lone-nut, 1 first-follower, 2 up to
        constants.criticalMass − 1 crowd, from criticalMass momentum. */
    QString suggestedStage;
    QString suggestedStageLabel;
    /** MS1 as answered; the suggested stage while MS1 is empty (the user's choice wins). */
    QString stage;

    bool operator==(const Figures &other) const = default;
};

/** How ready one section is. */
struct SectionReadiness
{
    QString sectionId;
    /** 0 to 100: completion × (100 − penalties), see README.md "Readiness checks". */
    int score = 0;
    int filledFields = 0; ///< stored fields (scalars, group parts, lists) that hold something
    int totalFields = 0;
    int errors = 0;
    int warnings = 0;
    int tips = 0;

    /** filledFields ÷ totalFields, from 0 to 1. */
    double completion() const { return totalFields ? double(filledFields) / totalFields : 1.0; }
};

/** The outcome of evaluating every check on a workbook. */
struct Readiness
{
    /** In definition order: by section, then by check. */
    QList<Finding> findings;
    /** One per section, in definition order. */
    QList<SectionReadiness> sections;
    /** 0 to 100: the mean of the section scores. */
    int score = 0;
    Figures figures;

    /** True when a finding is an error: a section with one cannot be marked complete. */
    bool hasErrors() const;
    int count(Severity severity) const;
    QList<Finding> findingsIn(const QString &sectionId) const;
    /**
     * Findings that name `fieldId` among their fields: for a part ("AC9.framework") also those
     * naming its group, for a group ("AC9") also those naming one of its parts.
     */
    QList<Finding> findingsFor(const QString &fieldId) const;
    const SectionReadiness *section(const QString &sectionId) const;
    const Finding *finding(const QString &checkId) const;
};

/** Word and sentence counts of a text, as the checks count them. */
struct TextStats
{
    int words = 0;
    int sentences = 0;
};

/**
 * Evaluates the readiness checks of a framework definition. Each check of the definition is a
 * small function registered in core by its id; its severity, title, message and why, and every
 * word list and threshold it uses (the definition's "constants"), come from the definition, so
 * they can be changed without code.
 *
 * Build one per definition (create() compiles the word lists) and keep it; evaluate() is pure,
 * does no I/O and takes "today" as an input. Cheap to copy (shared, immutable).
 */
class Checker
{
public:
    /**
     * Matches the definition's checks with the implemented ones and reads the constants.
     * Refused (ErrorCode::InvalidDefinition, naming the ids or keys) when a check of the
     * definition has no implementation, an implementation has no check in the definition, or a
     * constant is missing or of the wrong kind.
     */
    static Result<Checker> create(const Definition &definition);
    /** The ids of every check implemented in core. */
    static QStringList implementedCheckIds();

    const Definition &definition() const;

    Readiness evaluate(const WorkbookContent &content, QDate today) const;
    Readiness evaluate(const Workbook &workbook, QDate today) const;
    /** The derived figures alone. */
    Figures figures(const WorkbookContent &content) const;
    /** Word and sentence counts with the definition's abbreviations. */
    TextStats textStats(QStringView text) const;

private:
    Checker() = default;

    struct Data;
    std::shared_ptr<const Data> d;
};

/** One-off evaluation: builds a Checker for `definition` and evaluates `content`. */
Result<Readiness>
evaluate(const Definition &definition, const WorkbookContent &content, QDate today);

} // namespace Rallybook::Core
