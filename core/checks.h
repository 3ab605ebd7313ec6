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
    QString checkId;   ///< the check's id in the definition
    QString sectionId; ///< "movement-stages"
    /** Usually the definition's; a severityByChoice check sets its own. */
    Severity severity = Severity::Warning;
    QString title;
    QString message; ///< placeholders ({fans_needed}, {gap}, {suggested}, {n}) filled in
    QString why;
    QStringList fields; ///< the fields the check looks at; the first is where "go to" jumps

    bool operator==(const Finding &other) const = default;
};

/**
 * Figures derived from the answers (docs/content-rules.md, "Derived figures"), for the checks
 * and for the interface; each comes from a derived figure of the definition, which names its
 * inputs, and stays empty when the definition has none of its kind.
 */
struct Figures
{
    /** ceil(target income × team size ÷ profit per fan); none until an income is given. */
    std::optional<int> fansNeeded;
    /** fansNeeded − trueFans; none without fansNeeded. May be zero or negative. */
    std::optional<int> gap;
    /** The true fans typed in (fansNeeded's "trueFans"); without, the log's true-fan rows. */
    int trueFans = 0;
    /** Rows in the follower log (stageFromLog's "log") that hold anything. */
    int followerCount = 0;
    /** Rows of the follower log in the true-fan ring (fansNeeded's "ring" and "trueRing"). */
    int trueFansInLog = 0;
    /** The stage choice id the log suggests: 0 rows "loneNut", 1 "firstFollower", 2 up to
        the constant "criticalMass" − 1 "crowd", from it "momentum" (stageFromLog's inputs). */
    QString suggestedStage;
    QString suggestedStageLabel;
    /** The stage as answered; the suggested one while it is empty (the user's choice wins). */
    QString stage;

    bool operator==(const Figures &other) const = default;
};

/** How ready one section is. */
struct SectionReadiness
{
    QString sectionId;
    /** 0 to 100: completion × (100 − penalties), see docs/content-rules.md "Score". */
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
     * Findings that name `fieldId` among their fields: for a part (GROUP.PART) also those
     * naming its group, for a group also those naming one of its parts.
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
 * Evaluates the readiness checks of a framework definition. Each check of the definition names
 * its kind, implemented in core ("forbidsWords", "minCount"; core/checkkinds.h), and its inputs:
 * the fields, parts and list columns it reads, the choices it compares with and the constants
 * (word lists and thresholds) it uses. Its severity, title, message and why come from the
 * definition too, so all of it can be changed without code (docs/definition.md).
 *
 * Build one per definition (create() compiles the word lists) and keep it; evaluate() is pure,
 * does no I/O and takes "today" as an input. Cheap to copy (shared, immutable).
 */
class Checker
{
    Q_DECLARE_TR_FUNCTIONS(Rallybook::Core::Checker)

public:
    /**
     * Matches each check of the definition with the implementation of its kind and reads the
     * constants its inputs name. Refused (ErrorCode::InvalidDefinition, naming the check and
     * the input, or the key) when a kind has no implementation, or a constant is missing or of
     * the wrong type (a number from 0, a list of words, patterns that compile).
     */
    static Result<Checker> create(const Definition &definition);
    /** The kinds of check implemented in core; the same as Kinds::checks(). */
    static QStringList implementedKinds();

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
