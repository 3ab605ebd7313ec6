// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <chrono>
#include <map>
#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

/** A small RAII layer over SQLite's C API: one connection, prepared statements, transactions. */
namespace Rallybook::Core::Sql {

/** Maps an SQLite result code to the ErrorCode a user-facing message is chosen by. */
ErrorCode errorCodeFor(int sqliteCode);

class Connection;

/**
 * A prepared statement. Values are always bound, never pasted into the SQL text.
 * Move-only; finalized on destruction.
 */
class Statement
{
public:
    Statement() = default;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }

    /** Binds by 1-based index. A null or invalid QVariant binds NULL. */
    void bind(int index, const QVariant &value);
    void bind(int index, const QString &value);
    void bind(int index, qint64 value);
    void bindNull(int index);

    /** Runs one step: true when a row is ready, false when done; an Error otherwise. */
    Result<bool> step();
    /** Runs to completion, for statements that return no rows. */
    Result<void> run();
    /** Resets for another run and clears the bindings. */
    void reset();

    int columnCount() const;
    QVariant column(int index) const;
    QString columnText(int index) const;
    qint64 columnInt(int index) const;
    bool columnIsNull(int index) const;

private:
    friend class Connection;
    Statement(Connection *connection, sqlite3_stmt *stmt);

    Connection *m_connection = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

/** How a connection is opened. Opening never creates a file unless `create` is set. */
struct OpenOptions
{
    bool readOnly = false;
    bool create = false;
    /** A private in-memory database; the path is ignored. */
    bool memory = false;
};

/**
 * One SQLite connection with the hardening of RELIABILITY.md P6 applied: defensive mode,
 * untrusted schema, no triggers or views of the file's own, length limits, a time limit
 * per operation, and no memory-mapped I/O.
 */
class Connection
{
public:
    Connection() = default;
    Connection(Connection &&other) noexcept;
    Connection &operator=(Connection &&other) noexcept;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection();

    /** Opens `path` (absolute) through a `file:` URI with mode=rw, ro or rwc. */
    static Result<Connection> open(const QString &path, OpenOptions options);

    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }

    /** Prepares a statement. Only for SQL text written in this program. */
    Result<Statement> prepare(const char *sql);
    /**
     * A statement prepared once and kept for the life of the connection, reset and ready.
     * The reference stays valid until the connection closes.
     */
    Result<Statement *> cached(const char *sql);
    /** Runs fixed SQL text (DDL, pragmas) that returns no rows we need. */
    Result<void> exec(const char *sql);
    /** Runs a statement that returns one value, such as `PRAGMA user_version`. */
    Result<QVariant> scalar(const char *sql);

    /** The error of the last call as an Error, with `context` saying what was being done. */
    Error lastError(const QString &context) const;
    int lastErrorCode() const;
    qint64 lastInsertRowId() const;
    int changes() const;

    /** Statements running longer than this from now are interrupted (RELIABILITY.md P6). */
    void setTimeLimit(std::chrono::milliseconds limit);
    void clearTimeLimit();

    void close();

private:
    static int progressHandler(void *self);

    sqlite3 *m_db = nullptr;
    QString m_path;
    bool m_readOnly = false;
    std::chrono::steady_clock::time_point m_deadline = std::chrono::steady_clock::time_point::max();
    std::map<const char *, std::unique_ptr<Statement>> m_cache;
};

/** Sets a connection's time limit for the life of the guard. */
class TimeLimit
{
public:
    TimeLimit(Connection &connection, std::chrono::milliseconds limit)
        : m_connection(connection)
    {
        m_connection.setTimeLimit(limit);
    }
    ~TimeLimit() { m_connection.clearTimeLimit(); }
    TimeLimit(const TimeLimit &) = delete;
    TimeLimit &operator=(const TimeLimit &) = delete;

private:
    Connection &m_connection;
};

/**
 * `BEGIN IMMEDIATE` ... `COMMIT`, rolled back on destruction unless committed. A COMMIT
 * that meets SQLITE_BUSY is retried, since it leaves the transaction open.
 */
class Transaction
{
public:
    explicit Transaction(Connection &connection);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    Connection &m_connection;
    bool m_active = false;
};

} // namespace Rallybook::Core::Sql
