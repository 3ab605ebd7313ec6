// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Rallybook::Core {

/** What kind of failure an Error reports; callers branch on this, users read the message. */
enum class ErrorCode {
    NotFound,          ///< the file or folder does not exist
    NotAWorkbook,      ///< not an SQLite file at all (text, image, zero length)
    Truncated,         ///< shorter than its own header says
    Damaged,           ///< an SQLite file whose pages or structure are corrupt
    ForeignFile,       ///< a healthy SQLite file that is not a Rallybook workbook
    NewerVersion,      ///< written by a newer Rallybook; readable at most
    ReadOnly,          ///< the workbook or medium cannot be written
    DiskFull,          ///< no space left
    Io,                ///< any other input/output failure
    Busy,              ///< another program holds a lock on the file
    Exists,            ///< the target already exists and was left alone
    InvalidDefinition, ///< the framework definition is malformed
    InvalidJson,       ///< a JSON file is malformed or does not match the format
    InvalidValue,      ///< a value does not fit its field
    UnknownField,      ///< an id that the framework definition does not know
    Cancelled,         ///< the user stopped a long operation; nothing was written
    Internal,          ///< a bug: should never reach a user
};

/**
 * A failure as core reports it. `message` is a complete, translated sentence for the user
 * that says what failed and what is safe; `detail` is for logs and bug reports (SQLite's
 * own message, a path, an error code).
 */
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;
};

/** A value or an Error. Core never throws across layers; callers cannot ignore a Result. */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace Rallybook::Core
