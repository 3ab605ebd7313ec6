// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"

#include <QList>
#include <QStringView>

#include <initializer_list>

namespace Rallybook::Core {

/** What the value of one input names (docs/definition.md, "Check kinds and inputs"). */
enum class InputType {
    Field,    ///< a field or group part, by id (GROUP.PART for a part)
    Fields,   ///< an array of fields or parts
    Column,   ///< a list column, LIST.COLUMN, where LIST is a field or a part
    Columns,  ///< an array of columns
    Choice,   ///< a choice id of the field or column of the input named by `of`
    Number,   ///< the key of a number from 0 in the definition's constants
    Words,    ///< the key of a list of words (whole-word, case-insensitive) in the constants
    Patterns, ///< the key of a list of regular expressions in the constants
    Strings,  ///< the key of a list of strings in the constants
    Minimums, ///< an object: a number field -> the key of its least value in the constants
    Flag,     ///< true or false
    Figure,   ///< the id of a derived figure whose kind is `of`
};

/** A set of field types, for what an input or role accepts. */
using FieldTypes = unsigned;

constexpr FieldTypes typeBit(FieldType type)
{
    return 1u << unsigned(type);
}

constexpr FieldTypes types(std::initializer_list<FieldType> list)
{
    FieldTypes set = 0;
    for (FieldType type : list) {
        set |= typeBit(type);
    }
    return set;
}

inline constexpr FieldTypes kAnyType = 0x3ffu;
inline constexpr FieldTypes kTextTypes = types({FieldType::Text, FieldType::LongText});

/** One input a kind takes. */
struct InputSpec
{
    const char *name;
    InputType type;
    /** Field(s), Column(s), Minimums: the field types accepted. */
    FieldTypes accepts = kAnyType;
    bool optional = false;
    /** Choice: the input whose field holds the choices (or a Figure input: its stage field);
        Figure: the figure's kind. */
    const char *of = nullptr;
};

/** A kind of check or derived figure: its name in the definition and the inputs it takes. */
struct Kind
{
    const char *name;
    QList<InputSpec> inputs;
    /** A check that looks at the other checks' findings, so it runs after them. */
    bool runsLast = false;
};

/**
 * The kinds of check and of derived figure core implements, with their inputs. The definition
 * names a kind and gives its inputs; Definition resolves and type-checks them when it loads,
 * and Checker::create matches each kind with its implementation.
 */
namespace Kinds {

const QList<Kind> &checks();
const QList<Kind> &figures();
const Kind *check(QStringView name);
const Kind *figure(QStringView name);
/** "a field or part", "a choice id", for messages. */
QString describe(InputType type);

} // namespace Kinds

} // namespace Rallybook::Core
