// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema.h"

#include "core/sqlite.h"

#include <QCoreApplication>

#include <fmt/format.h>

namespace Rallybook::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Core::Schema", text);
}

// Version 1. Storage is generic over the framework definition: a field added to the
// definition needs no change here. Scalar values live in field_value; list rows in list_row
// (stable row ids and a dense 0-based position) and their cells in list_cell.
// Version 2 adds draft: named snapshots of the manifesto (TL4), kept in the workbook.
// A migration, once released, never changes: later versions only add steps.
std::vector<Migration> standardMigrations()
{
    return {
        Migration{
            1,
            {
                "CREATE TABLE meta ("
                " key TEXT PRIMARY KEY NOT NULL,"
                " value ANY NOT NULL"
                ") STRICT",
                "CREATE TABLE field_value ("
                " field_id TEXT PRIMARY KEY NOT NULL,"
                " value ANY NOT NULL"
                ") STRICT",
                "CREATE TABLE list_row ("
                " row_id INTEGER PRIMARY KEY,"
                " field_id TEXT NOT NULL,"
                " position INTEGER NOT NULL"
                ") STRICT",
                "CREATE INDEX list_row_by_field ON list_row (field_id, position)",
                "CREATE TABLE list_cell ("
                " row_id INTEGER NOT NULL REFERENCES list_row (row_id) ON DELETE CASCADE,"
                " column_id TEXT NOT NULL,"
                " value ANY NOT NULL,"
                " PRIMARY KEY (row_id, column_id)"
                ") STRICT, WITHOUT ROWID",
            },
            {},
        },
        Migration{
            2,
            {
                "CREATE TABLE draft ("
                " draft_id INTEGER PRIMARY KEY,"
                " name TEXT NOT NULL,"
                " created TEXT NOT NULL,"
                " body TEXT NOT NULL"
                ") STRICT",
            },
            {},
        },
    };
}

} // namespace

Schema::Schema(std::vector<Migration> migrations)
    : m_migrations(std::move(migrations))
{}

const Schema &Schema::standard()
{
    static const Schema schema(standardMigrations());
    return schema;
}

int Schema::currentVersion() const
{
    return m_migrations.empty() ? 0 : m_migrations.back().toVersion;
}

Result<void> Schema::apply(Sql::Connection &connection, const Migration &migration) const
{
    Sql::Transaction transaction(connection);
    if (auto begun = transaction.begin(); !begun) {
        return begun;
    }
    for (const char *sql : migration.statements) {
        if (auto done = connection.exec(sql); !done) {
            return done;
        }
    }
    if (migration.transform) {
        if (auto done = migration.transform(connection); !done) {
            return done;
        }
    }
    // PRAGMA values cannot be bound; these are this program's own integers, not user data.
    const std::string version = fmt::format("PRAGMA user_version = {}", migration.toVersion);
    if (auto done = connection.exec(version.c_str()); !done) {
        return done;
    }
    return transaction.commit();
}

Result<void> Schema::create(Sql::Connection &connection) const
{
    const std::string appId = fmt::format("PRAGMA application_id = {}", kApplicationId);
    if (auto done = connection.exec(appId.c_str()); !done) {
        return done;
    }
    return migrate(connection, 0);
}

Result<void> Schema::migrate(Sql::Connection &connection, int fromVersion) const
{
    for (const Migration &migration : m_migrations) {
        if (migration.toVersion <= fromVersion) {
            continue;
        }
        if (auto done = apply(connection, migration); !done) {
            return done;
        }
    }
    return {};
}

Result<QStringList> schemaObjects(Sql::Connection &connection)
{
    auto statement = connection.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
    if (!statement) {
        return statement.error();
    }
    QStringList objects;
    for (;;) {
        auto row = statement->step();
        if (!row) {
            return row.error();
        }
        if (!row.value()) {
            break;
        }
        objects.append(QStringLiteral("%1 %2 on %3: %4")
                           .arg(statement->columnText(0),
                                statement->columnText(1),
                                statement->columnText(2),
                                statement->columnText(3)));
    }
    return objects;
}

Result<QStringList> Schema::expectedObjects(int version) const
{
    if (m_expected.size() <= size_t(version)) {
        m_expected.resize(size_t(version) + 1);
    }
    if (!m_expected[size_t(version)].isEmpty()) {
        return m_expected[size_t(version)];
    }
    auto memory = Sql::Connection::open(QStringLiteral(":memory:"), {.memory = true});
    if (!memory) {
        return memory.error();
    }
    for (const Migration &migration : m_migrations) {
        if (migration.toVersion > version) {
            break;
        }
        if (auto done = apply(memory.value(), migration); !done) {
            return done.error();
        }
    }
    auto objects = schemaObjects(memory.value());
    if (objects) {
        m_expected[size_t(version)] = objects.value();
    }
    return objects;
}

Result<void> Schema::verify(Sql::Connection &connection, int version) const
{
    auto expected = expectedObjects(version);
    if (!expected) {
        return expected.error();
    }
    auto actual = schemaObjects(connection);
    if (!actual) {
        return actual.error();
    }
    if (actual.value() == expected.value()) {
        return {};
    }
    QString difference;
    for (const QString &object : actual.value()) {
        if (!expected->contains(object)) {
            difference = QStringLiteral("unexpected %1").arg(object);
            break;
        }
    }
    if (difference.isEmpty()) {
        for (const QString &object : expected.value()) {
            if (!actual->contains(object)) {
                difference = QStringLiteral("missing %1").arg(object);
                break;
            }
        }
    }
    return Error{
        ErrorCode::ForeignFile, tr("its tables are not those of a Rallybook workbook"), difference};
}

} // namespace Rallybook::Core
