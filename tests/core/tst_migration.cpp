// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema.h"
#include "core/sqlite.h"
#include "core/workbook.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include "tests/core/testutil.h"

using namespace Rallybook::Core;

namespace {

/** The version this build writes. */
int current()
{
    return Schema::standard().currentVersion();
}

/**
 * The shipped schema plus a test-only next version, on top of whatever the shipped one is now:
 * a new table, and a data step in C++.
 */
Schema schemaWithNextVersion()
{
    std::vector<Migration> migrations = Schema::standard().migrations();
    migrations.push_back(Migration{
        current() + 1,
        {"CREATE TABLE test_note (note_id INTEGER PRIMARY KEY, name TEXT NOT NULL, body TEXT NOT "
         "NULL) STRICT"},
        [](Sql::Connection &db) -> Result<void> {
            // Copy the manifesto into a first note, as a real migration might.
            return db.exec(
                "INSERT INTO test_note (name, body) "
                "SELECT 'Before upgrade', value FROM field_value WHERE field_id = 'TL4'");
        },
    });
    return Schema(std::move(migrations));
}

bool sqliteExec(const QString &path, const char *sql)
{
    auto db = Sql::Connection::open(QFileInfo(path).absoluteFilePath(), {});
    return db.ok() && db->exec(sql).ok();
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
        QCOMPARE(userVersion(path), current());
        const QByteArray original = TestUtil::readAll(path);

        const Schema newer = schemaWithNextVersion();
        auto opened = Workbook::open(path, TestUtil::definition(), {.schema = &newer});
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        Workbook &workbook = *opened.value();
        QCOMPARE(workbook.schemaVersion(), current() + 1);
        QVERIFY(!workbook.isReadOnly());
        QCOMPARE(workbook.content(), written);
        QVERIFY(workbook.setValue(QStringLiteral("AC1"), QStringLiteral("After upgrade")).ok());
        opened.value().reset();

        QCOMPARE(userVersion(path), current() + 1);
        // The copy taken before the upgrade is the old file, unchanged in content.
        const QString backup =
            dir.filePath(QStringLiteral("old.v%1-backup.rallybook").arg(current()));
        QVERIFY(QFile::exists(backup));
        QCOMPARE(userVersion(backup), current());
        auto old = Workbook::open(backup, TestUtil::definition());
        QVERIFY(old.ok());
        QCOMPARE(old.value()->content(), written);
        QCOMPARE(TestUtil::readAll(backup).size(), original.size());

        // The data step ran inside the migration.
        auto db = Sql::Connection::open(path, {.readOnly = true});
        QVERIFY(db.ok());
        auto notes = db->scalar("SELECT count(*) FROM test_note WHERE name = 'Before upgrade'");
        QVERIFY(notes.ok());
        QCOMPARE(notes->toInt(), 1);

        // Reopening with the newer schema needs no second migration.
        auto again = Workbook::open(path, TestUtil::definition(), {.schema = &newer});
        QVERIFY(again.ok());
        QCOMPARE(again.value()->value(QStringLiteral("AC1")).toString(),
                 QStringLiteral("After upgrade"));
        QVERIFY(again.value()->migrationBackupPath().isEmpty());
    }

    void upgradedFileIsNewerForTheOlderProgram()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("upgraded.rallybook"));
        QVERIFY(TestUtil::createDemo(path));
        const Schema newer = schemaWithNextVersion();
        QVERIFY(Workbook::open(path, TestUtil::definition(), {.schema = &newer}).ok());
        const QByteArray before = TestUtil::fileHash(path);

        // This build (the shipped schema) may read it, not write it.
        auto opened = Workbook::open(path, TestUtil::definition());
        QVERIFY(opened.ok());
        QVERIFY(opened.value()->isReadOnly());
        QCOMPARE(opened.value()->value(QStringLiteral("AC1")).toString(),
                 QStringLiteral("Dana Okafor"));
        QCOMPARE(TestUtil::fileHash(path), before);
    }

    void freshFileMatchesEveryStepOfTheSchema()
    {
        // A file created at once and one migrated step by step have the same structure.
        const Schema newer = schemaWithNextVersion();
        auto fresh = Sql::Connection::open(QString(), {.memory = true});
        QVERIFY(fresh.ok());
        QVERIFY(newer.create(fresh.value()).ok());
        QVERIFY(newer.verify(fresh.value(), current() + 1).ok());
        QVERIFY(!newer.verify(fresh.value(), current()).ok());
    }

    void version1FileGainsTheDraftTable()
    {
        // A file as Rallybook 0.1 wrote it (schema 1: no draft table) is backed up and upgraded
        // to the shipped schema, its answers kept and drafts ready to use.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.rallybook"));
        const WorkbookContent written = [&] {
            auto workbook = TestUtil::createDemo(path);
            return workbook->content();
        }();
        QVERIFY(sqliteExec(path, "DROP TABLE draft"));
        QVERIFY(sqliteExec(path, "PRAGMA user_version = 1"));
        QCOMPARE(userVersion(path), 1);

        auto opened = Workbook::open(path, TestUtil::definition());
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        Workbook &workbook = *opened.value();
        QCOMPARE(workbook.schemaVersion(), 2);
        QVERIFY(!workbook.isReadOnly());
        QCOMPARE(workbook.content(), written);
        QVERIFY(workbook.drafts().isEmpty());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("v1.v1-backup.rallybook"))));
        auto added = workbook.addDraft({0, QStringLiteral("First"), {}, QStringLiteral("Body")});
        QVERIFY(added.ok());
        opened.value().reset();
        QCOMPARE(userVersion(path), 2);

        auto again = Workbook::open(path, TestUtil::definition());
        QVERIFY(again.ok());
        QCOMPARE(again.value()->drafts().size(), 1);
        QCOMPARE(again.value()->drafts().first().name, QStringLiteral("First"));
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
