// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sqlite.h"

#include <QCoreApplication>
#include <QUrl>

#include <fmt/format.h>
#include <sqlite3.h>

namespace Rallybook::Core::Sql {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Core::Sql", text);
}

// RELIABILITY.md P6: the largest string or blob a workbook may hold, and the largest SQL text.
constexpr int kMaxLength = 16 * 1024 * 1024;
constexpr int kMaxSqlLength = 100 * 1000;
// A process-wide cap on SQLite's heap, so that a hostile file cannot exhaust memory.
constexpr sqlite3_int64 kHeapLimit = 1024LL * 1024 * 1024;

QString reasonFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::DiskFull:
        return tr("the disk is full");
    case ErrorCode::ReadOnly:
        return tr("the file or the disk cannot be written to");
    case ErrorCode::Busy:
        return tr("another program is using the file");
    case ErrorCode::Damaged:
        return tr("the file is damaged");
    case ErrorCode::NotAWorkbook:
        return tr("the file is not an SQLite database");
    case ErrorCode::NotFound:
        return tr("the file cannot be opened");
    case ErrorCode::Io:
        return tr("the file could not be read or written");
    default:
        return tr("the database reported an error");
    }
}

} // namespace

ErrorCode errorCodeFor(int sqliteCode)
{
    switch (sqliteCode & 0xff) {
    case SQLITE_FULL:
        return ErrorCode::DiskFull;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return ErrorCode::ReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorCode::Busy;
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
        return ErrorCode::Damaged;
    case SQLITE_NOTADB:
        return ErrorCode::NotAWorkbook;
    case SQLITE_CANTOPEN:
        return ErrorCode::NotFound;
    case SQLITE_IOERR:
    case SQLITE_NOLFS:
        return ErrorCode::Io;
    default:
        return ErrorCode::Internal;
    }
}

// --- Statement -----------------------------------------------------------------------------

Statement::Statement(Connection *connection, sqlite3_stmt *stmt)
    : m_connection(connection)
    , m_stmt(stmt)
{}

Statement::Statement(Statement &&other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_connection = std::exchange(other.m_connection, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::bind(int index, const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        bindNull(index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Bool:
        sqlite3_bind_int64(m_stmt, index, value.toBool() ? 1 : 0);
        break;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        sqlite3_bind_int64(m_stmt, index, value.toLongLong());
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        sqlite3_bind_double(m_stmt, index, value.toDouble());
        break;
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        sqlite3_bind_blob64(
            m_stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
        break;
    }
    default:
        bind(index, value.toString());
        break;
    }
}

void Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text64(m_stmt,
                        index,
                        utf8.constData(),
                        sqlite3_uint64(utf8.size()),
                        SQLITE_TRANSIENT,
                        SQLITE_UTF8);
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    Error error = m_connection->lastError(QString::fromUtf8(sqlite3_sql(m_stmt)));
    sqlite3_reset(m_stmt);
    return error;
}

Result<void> Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row) {
            return row.error();
        }
        if (!row.value()) {
            return {};
        }
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QVariant Statement::column(int index) const
{
    switch (sqlite3_column_type(m_stmt, index)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_stmt, index)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, index));
    case SQLITE_TEXT:
        return QVariant(columnText(index));
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, index));
        return QVariant(QByteArray(data, sqlite3_column_bytes(m_stmt, index)));
    }
    default:
        return QVariant();
    }
}

QString Statement::columnText(int index) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, index));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, index));
}

qint64 Statement::columnInt(int index) const
{
    return sqlite3_column_int64(m_stmt, index);
}

bool Statement::columnIsNull(int index) const
{
    return sqlite3_column_type(m_stmt, index) == SQLITE_NULL;
}

// --- Connection ----------------------------------------------------------------------------

Connection::Connection(Connection &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_readOnly(other.m_readOnly)
    , m_deadline(other.m_deadline)
    , m_cache(std::move(other.m_cache))
{
    if (m_db) {
        sqlite3_progress_handler(m_db, 1000, &Connection::progressHandler, this);
    }
    for (auto &[sql, statement] : m_cache) {
        statement->m_connection = this;
    }
}

Connection &Connection::operator=(Connection &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_readOnly = other.m_readOnly;
        m_deadline = other.m_deadline;
        m_cache = std::move(other.m_cache);
        if (m_db) {
            sqlite3_progress_handler(m_db, 1000, &Connection::progressHandler, this);
        }
        for (auto &[sql, statement] : m_cache) {
            statement->m_connection = this;
        }
    }
    return *this;
}

Connection::~Connection()
{
    close();
}

void Connection::close()
{
    m_cache.clear();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Result<Connection> Connection::open(const QString &path, OpenOptions options)
{
    static const bool heapLimited = [] {
        sqlite3_hard_heap_limit64(kHeapLimit);
        return true;
    }();
    Q_UNUSED(heapLimited);

    // A URI with an explicit mode: without it a mistyped path would silently become a new,
    // empty database (RELIABILITY.md P4). Percent-encode so that '?' and '#' in names work.
    const char *mode = options.create ? "rwc" : (options.readOnly ? "ro" : "rw");
    QByteArray uri = "file:" + QUrl::toPercentEncoding(path, "/") + "?mode=" + mode;
    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    flags |= options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.create) {
        flags |= SQLITE_OPEN_CREATE;
    }
    if (options.memory) {
        uri = ":memory:";
        flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY
                | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    }

    Connection connection;
    connection.m_path = path;
    connection.m_readOnly = options.readOnly;
    const int rc = sqlite3_open_v2(uri.constData(), &connection.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error = connection.lastError(QStringLiteral("open"));
        error.code = errorCodeFor(rc);
        return error;
    }

    sqlite3 *db = connection.m_db;
    // RELIABILITY.md P6, after SQLite's "Defense Against the Dark Arts".
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, kMaxLength);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, kMaxSqlLength);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
    sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
    sqlite3_busy_timeout(db, 2000);
    sqlite3_progress_handler(db, 1000, &Connection::progressHandler, &connection);
    sqlite3_extended_result_codes(db, 1);

    for (const char *pragma :
         {"PRAGMA cell_size_check = ON", "PRAGMA mmap_size = 0", "PRAGMA trusted_schema = OFF"}) {
        if (auto done = connection.exec(pragma); !done) {
            return done.error();
        }
    }
    return connection;
}

int Connection::progressHandler(void *self)
{
    const auto *connection = static_cast<Connection *>(self);
    return std::chrono::steady_clock::now() > connection->m_deadline ? 1 : 0;
}

void Connection::setTimeLimit(std::chrono::milliseconds limit)
{
    m_deadline = std::chrono::steady_clock::now() + limit;
}

void Connection::clearTimeLimit()
{
    m_deadline = std::chrono::steady_clock::time_point::max();
}

Result<Statement> Connection::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, 0, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        return lastError(QString::fromUtf8(sql));
    }
    return Statement(this, stmt);
}

Result<Statement *> Connection::cached(const char *sql)
{
    auto it = m_cache.find(sql);
    if (it != m_cache.end()) {
        it->second->reset();
        return it->second.get();
    }
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        return lastError(QString::fromUtf8(sql));
    }
    auto inserted = m_cache.emplace(sql, std::unique_ptr<Statement>(new Statement(this, stmt)));
    return inserted.first->second.get();
}

Result<void> Connection::exec(const char *sql)
{
    auto statement = prepare(sql);
    if (!statement) {
        return statement.error();
    }
    return statement->run();
}

Result<QVariant> Connection::scalar(const char *sql)
{
    auto statement = prepare(sql);
    if (!statement) {
        return statement.error();
    }
    auto row = statement->step();
    if (!row) {
        return row.error();
    }
    return row.value() ? statement->column(0) : QVariant();
}

Error Connection::lastError(const QString &context) const
{
    const int rc = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_NOMEM;
    Error error;
    error.code = errorCodeFor(rc);
    if (rc == SQLITE_INTERRUPT) {
        error.code = ErrorCode::Damaged;
    }
    error.message = reasonFor(error.code);
    const char *message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    error.detail = QString::fromStdString(
        fmt::format("{} (SQLite code {}) during: {}", message, rc, context.toStdString()));
    return error;
}

int Connection::lastErrorCode() const
{
    return m_db ? sqlite3_extended_errcode(m_db) : SQLITE_NOMEM;
}

qint64 Connection::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Connection::changes() const
{
    return sqlite3_changes(m_db);
}

// --- Transaction ---------------------------------------------------------------------------

Transaction::Transaction(Connection &connection)
    : m_connection(connection)
{}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::begin()
{
    auto begun = m_connection.exec("BEGIN IMMEDIATE");
    if (begun) {
        m_active = true;
    }
    return begun;
}

Result<void> Transaction::commit()
{
    // A COMMIT that returns SQLITE_BUSY leaves the transaction open: try again a few times
    // (the busy handler already waits between attempts) before giving up and rolling back.
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto committed = m_connection.exec("COMMIT");
        if (committed) {
            m_active = false;
            return {};
        }
        if (committed.error().code != ErrorCode::Busy) {
            rollback();
            return committed;
        }
    }
    Error error = m_connection.lastError(QStringLiteral("COMMIT"));
    rollback();
    return error;
}

void Transaction::rollback()
{
    if (m_active) {
        m_active = false;
        // After some errors SQLite has already rolled back; only roll back what is still open.
        if (!sqlite3_get_autocommit(m_connection.handle())) {
            (void)m_connection.exec("ROLLBACK");
        }
    }
}

} // namespace Rallybook::Core::Sql
