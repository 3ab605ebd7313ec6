// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema.h"
#include "core/sqlite.h"
#include "core/workbook.h"
#include "tests/core/testutil.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Rallybook::Core;

namespace {

/** The shipped schema plus a test-only version 2: a new table, and a data step in C++. */
Schema schemaWithVersion2()
{
    std::vector<Migration> migrations = Schema::standard().migrations();
    migrations.push_back(Migration{
        2,
        {"CREATE TABLE draft (draft_id INTEGER PRIMARY KEY, name TEXT NOT NULL, body TEXT NOT NULL) STRICT"},
        [](Sql::Connection &db) -> Result<void> {
            // Copy the manifesto into a first draft, as a real migration might.
            return db.exec("INSERT INTO draft (name, body) "
                           "SELECT 'Before upgrade', value FROM field_value WHERE field_id = 'TL4'");
        },
    });
    return Schema(std::move(migrations));
}

qint32 userVersion(const QString &path)
{
    return qFromBigEndian<qint32>(TestUtil::readAll(path).constData() + 60);
}

} // namespace

/** Ordered schema migrations: an older file is backed up, then upgraded step by step. */
class TestMigration : public QObject
{
    Q_OBJECT

private slots:
    void olderFileIsBackedUpAndUpgraded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.rallybook"));
        const WorkbookContent written = [&] {
            auto workbook = TestUtil::createDemo(path); // written by schema version 1
            return workbook->content();
        }();
        QCOMPARE(userVersion(path), 1);
        const QByteArray original = TestUtil::readAll(path);

        const Schema newer = schemaWithVersion2();
        auto opened = Workbook::open(path, TestUtil::definition(), {.schema = &newer});
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        Workbook &workbook = *opened.value();
        QCOMPARE(workbook.schemaVersion(), 2);
        QVERIFY(!workbook.isReadOnly());
        QCOMPARE(workbook.content(), written);
        QVERIFY(workbook.setValue(QStringLiteral("AC1"), QStringLiteral("After upgrade")).ok());
        opened.value().reset();

        QCOMPARE(userVersion(path), 2);
        // The copy taken before the upgrade is the old file, unchanged in content.
        const QString backup = dir.filePath(QStringLiteral("old.v1-backup.rallybook"));
        QVERIFY(QFile::exists(backup));
        QCOMPARE(userVersion(backup), 1);
        auto old = Workbook::open(backup, TestUtil::definition());
        QVERIFY(old.ok());
        QCOMPARE(old.value()->content(), written);
        QCOMPARE(TestUtil::readAll(backup).size(), original.size());

        // The data step ran inside the migration.
        auto db = Sql::Connection::open(path, {.readOnly = true});
        QVERIFY(db.ok());
        auto drafts = db->scalar("SELECT count(*) FROM draft WHERE name = 'Before upgrade'");
        QVERIFY(drafts.ok());
        QCOMPARE(drafts->toInt(), 1);

        // Reopening with the newer schema needs no second migration.
        auto again = Workbook::open(path, TestUtil::definition(), {.schema = &newer});
        QVERIFY(again.ok());
        QCOMPARE(again.value()->value(QStringLiteral("AC1")).toString(), QStringLiteral("After upgrade"));
        QVERIFY(again.value()->migrationBackupPath().isEmpty());
    }

    void upgradedFileIsNewerForTheOlderProgram()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("upgraded.rallybook"));
        QVERIFY(TestUtil::createDemo(path));
        const Schema newer = schemaWithVersion2();
        QVERIFY(Workbook::open(path, TestUtil::definition(), {.schema = &newer}).ok());
        const QByteArray before = TestUtil::fileHash(path);

        // This build (schema 1) may read it, not write it.
        auto opened = Workbook::open(path, TestUtil::definition());
        QVERIFY(opened.ok());
        QVERIFY(opened.value()->isReadOnly());
        QCOMPARE(opened.value()->value(QStringLiteral("AC1")).toString(), QStringLiteral("Dana Okafor"));
        QCOMPARE(TestUtil::fileHash(path), before);
    }

    void freshFileMatchesEveryStepOfTheSchema()
    {
        // A file created at once and one migrated step by step have the same structure.
        const Schema newer = schemaWithVersion2();
        auto fresh = Sql::Connection::open(QString(), {.memory = true});
        QVERIFY(fresh.ok());
        QVERIFY(newer.create(fresh.value()).ok());
        QVERIFY(newer.verify(fresh.value(), 2).ok());
        QVERIFY(!newer.verify(fresh.value(), 1).ok());
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
