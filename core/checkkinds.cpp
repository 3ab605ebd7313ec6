// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/checkkinds.h"

namespace Rallybook::Core::Kinds {

namespace {

using T = InputType;
using F = FieldType;

const Kind *byName(const QList<Kind> &kinds, QStringView name)
{
    for (const Kind &kind : kinds) {
        if (name == QLatin1String(kind.name)) {
            return &kind;
        }
    }
    return nullptr;
}

} // namespace

// What each kind does is in docs/definition.md ("Check kinds and inputs"); the rules of the
// content spec they implement are in docs/content-rules.md.
const QList<Kind> &checks()
{
    static const QList<Kind> kinds{
        {"required", {{"fields", T::Fields}}},
        {"minCount",
         {{"field", T::Field, types({F::List, F::Checklist, F::Group})}, {"min", T::Number}}},
        {"requiredWhenChosen",
         {{"when", T::Field, typeBit(F::Choice)},
          {"is", T::Choice, kAnyType, false, "when"},
          {"field", T::Field}}},
        {"expectsChoice",
         {{"field", T::Field, typeBit(F::Choice)},
          {"expected", T::Choice, kAnyType, false, "field"}}},
        {"forbidsChoice",
         {{"field", T::Field, typeBit(F::Choice)},
          {"choice", T::Choice, kAnyType, false, "field"}}},
        {"severityByChoice",
         {{"fields", T::Fields, typeBit(F::Choice)},
          {"warning", T::Choice, kAnyType, false, "fields"},
          {"tip", T::Choice, kAnyType, false, "fields"}}},
        {"sameAsListItem", {{"field", T::Field, kTextTypes}, {"columns", T::Columns, kTextTypes}}},
        {"forbidsWords",
         {{"fields", T::Fields, kTextTypes},
          {"words", T::Words},
          {"patterns", T::Patterns, kAnyType, true}}},
        {"needsWords",
         {{"field", T::Field, kTextTypes},
          {"words", T::Words},
          {"patterns", T::Patterns, kAnyType, true}}},
        {"needsPrefix", {{"field", T::Field, kTextTypes}, {"prefixes", T::Strings}}},
        {"mentionsName",
         {{"field", T::Field, kTextTypes},
          {"names", T::Fields, kTextTypes},
          {"lines", T::Fields, kTextTypes, true}}},
        {"tooLong",
         {{"field", T::Field, kTextTypes},
          {"maxWords", T::Number, kAnyType, true},
          {"maxSentences", T::Number, kAnyType, true}}},
        {"tooShort", {{"field", T::Field, kTextTypes}, {"minWords", T::Number}}},
        {"forbidsPersonNames", {{"field", T::Field, kTextTypes}, {"notNames", T::Words}}},
        {"priceInTheMiddle",
         {{"price", T::Field, typeBit(F::Number)},
          {"low", T::Field, typeBit(F::Number)},
          {"high", T::Field, typeBit(F::Number)}}},
        {"listCellBlank",
         {{"column", T::Column},
          {"orEmpty", T::Flag, kAnyType, true},
          {"stage", T::Figure, kAnyType, true, "stageFromLog"},
          {"unlessStage", T::Choice, kAnyType, true, "stage"}}},
        {"maxRowsWithChoice",
         {{"column", T::Column, typeBit(F::Choice)},
          {"choice", T::Choice, kAnyType, false, "column"},
          {"max", T::Number}}},
        {"gapToClose", {{"figure", T::Figure, kAnyType, false, "fansNeeded"}}},
        {"minNumber", {{"minimums", T::Minimums, typeBit(F::Number)}}},
        {"stageOutOfStep",
         {{"figure", T::Figure, kAnyType, false, "stageFromLog"}, {"distance", T::Number}}},
        {"needsDateNear", {{"column", T::Column, types({F::Date, F::Due})}, {"days", T::Number}}},
        {"warningsRemain", {}, true},
        {"needsCellWithoutWords", {{"column", T::Column, kTextTypes}, {"words", T::Words}}},
        {"needsCellContaining", {{"column", T::Column, kTextTypes}, {"terms", T::Strings}}},
    };
    return kinds;
}

const QList<Kind> &figures()
{
    static const QList<Kind> kinds{
        {"fansNeeded",
         {{"income", T::Field, typeBit(F::Number)},
          {"team", T::Field, typeBit(F::Number)},
          {"profit", T::Field, typeBit(F::Number)},
          {"trueFans", T::Field, typeBit(F::Number)},
          {"ring", T::Column, typeBit(F::Choice)},
          {"trueRing", T::Choice, kAnyType, false, "ring"}}},
        {"stageFromLog",
         {{"log", T::Field, typeBit(F::List)},
          {"stage", T::Field, typeBit(F::Choice)},
          {"loneNut", T::Choice, kAnyType, false, "stage"},
          {"firstFollower", T::Choice, kAnyType, false, "stage"},
          {"crowd", T::Choice, kAnyType, false, "stage"},
          {"momentum", T::Choice, kAnyType, false, "stage"},
          {"criticalMass", T::Number}}},
    };
    return kinds;
}

const Kind *check(QStringView name)
{
    return byName(checks(), name);
}

const Kind *figure(QStringView name)
{
    return byName(figures(), name);
}

QString describe(InputType type)
{
    switch (type) {
    case InputType::Field:
        return Definition::tr("a field or part id");
    case InputType::Fields:
        return Definition::tr("an array of field or part ids");
    case InputType::Column:
        return Definition::tr("a list column (LIST.COLUMN)");
    case InputType::Columns:
        return Definition::tr("an array of list columns (LIST.COLUMN)");
    case InputType::Choice:
        return Definition::tr("a choice id");
    case InputType::Number:
    case InputType::Words:
    case InputType::Patterns:
    case InputType::Strings:
        return Definition::tr("the key of a constant");
    case InputType::Minimums:
        return Definition::tr("an object of number fields and constant keys");
    case InputType::Flag:
        return Definition::tr("true or false");
    case InputType::Figure:
        return Definition::tr("the id of a derived figure");
    }
    return {};
}

} // namespace Rallybook::Core::Kinds
