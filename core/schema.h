// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

#include <functional>
#include <vector>

namespace Rallybook::Core {

namespace Sql {
class Connection;
}

/** `PRAGMA application_id` of every workbook: "RBK1" in ASCII. */
inline constexpr qint32 kApplicationId = 0x52424B31;

/** One step of the workbook schema: what turns a file of version `toVersion - 1` into one of
 *  `toVersion`. Version 1 is made from an empty database. */
struct Migration
{
    int toVersion = 0;
    /** Fixed SQL, run in order; never holds user values. */
    std::vector<const char *> statements;
    /** Optional C++ step after the statements, for data changes SQL cannot express. */
    std::function<Result<void>(Sql::Connection &)> transform;
};

/**
 * The workbook schema as an ordered list of migrations. `standard()` is the schema this build
 * writes; tests may build others (an older or a newer one) to prove the mechanism.
 */
class Schema
{
public:
    explicit Schema(std::vector<Migration> migrations);
    static const Schema &standard();

    int currentVersion() const;
    const std::vector<Migration> &migrations() const { return m_migrations; }

    /** Creates the current schema in an empty database, in one transaction. */
    Result<void> create(Sql::Connection &connection) const;
    /** Upgrades from `fromVersion` to the current version, one transaction per step. */
    Result<void> migrate(Sql::Connection &connection, int fromVersion) const;
    /**
     * Checks that the file's own schema (sqlite_schema) is exactly the one `version` of this
     * schema defines: no extra tables, triggers, views, indexes or changed column lists.
     * Returns a description of the first difference as the error detail.
     */
    Result<void> verify(Sql::Connection &connection, int version) const;

private:
    Result<void> apply(Sql::Connection &connection, const Migration &migration) const;
    Result<QStringList> expectedObjects(int version) const;

    std::vector<Migration> m_migrations;
    mutable std::vector<QStringList> m_expected; // by version, computed on first use
};

/** The schema objects of an open database, one line per object, sorted. */
Result<QStringList> schemaObjects(Sql::Connection &connection);

} // namespace Rallybook::Core
