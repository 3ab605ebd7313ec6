// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema.h"
#include "core/workbook.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <sqlite3.h>

#include "tests/core/testutil.h"

using namespace Rallybook::Core;

namespace {

/** Runs SQL on a file with a plain SQLite connection, as another program would. */
bool sqliteExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr)
        != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        qWarning("%s: %s", sql, message);
    }
    sqlite3_free(message);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

qint32 headerInt(const QString &path, int offset)
{
    const QByteArray bytes = TestUtil::readAll(path);
    return qFromBigEndian<qint32>(bytes.constData() + offset);
}

QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

/**
 * A hot rollback journal as SQLite writes it (fileformat2.html, "The Rollback Journal"): a
 * header padded to one sector, then one record per page: page number, the page's original
 * content, and a checksum of the nonce plus every 200th byte of the page.
 */
QByteArray rollbackJournal(quint32 originalPages, const QList<QPair<quint32, QByteArray>> &pages)
{
    constexpr quint32 sectorSize = 512;
    constexpr quint32 nonce = 0x5eed1234;
    const quint32 pageSize = quint32(pages.first().second.size());
    QByteArray journal("\xd9\xd5\x05\xf9\x20\xa1\x63\xd7", 8);
    journal += bigEndian32(quint32(pages.size()));
    journal += bigEndian32(nonce);
    journal += bigEndian32(originalPages);
    journal += bigEndian32(sectorSize);
    journal += bigEndian32(pageSize);
    journal.append(int(sectorSize) - journal.size(), '\0');
    for (const auto &[number, content] : pages) {
        quint32 checksum = nonce;
        for (qsizetype i = content.size() - 200; i > 0; i -= 200) {
            checksum += quint8(content.at(i));
        }
        journal += bigEndian32(number) + content + bigEndian32(checksum);
    }
    return journal;
}

} // namespace

/** The workbook file: creating, editing, reopening, and refusing what is not a workbook. */
class TestWorkbookFile : public QObject
{
    Q_OBJECT

private slots:
    void createEditCloseReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.rallybook"));
        const Definition definition = TestUtil::definition();
        {
            auto created = Workbook::create(path, definition, {});
            QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
            Workbook &workbook = *created.value();
            QCOMPARE(workbook.name(), QStringLiteral("plan"));
            QVERIFY(!workbook.isReadOnly());
            QVERIFY(workbook.setValue(QStringLiteral("AC1"), QStringLiteral("Dana Okafor")).ok());
            QVERIFY(workbook.setValue(QStringLiteral("AC2"), QStringLiteral("leader")).ok());
            QVERIFY(workbook.setValue(QStringLiteral("AC3"), QStringLiteral("Line one\nLine two"))
                        .ok());
            QVERIFY(
                workbook
                    .setValue(QStringLiteral("CA10"),
                              QStringList{QStringLiteral("forum"), QStringLiteral("email-list")})
                    .ok());
            QVERIFY(workbook.setValue(QStringLiteral("MS9.trueFans"), 38).ok());
            QVERIFY(
                workbook.setValue(QStringLiteral("AC9.backstory"), QStringLiteral("Secure job."))
                    .ok());
            auto row = workbook.insertRow(QStringLiteral("MS12"),
                                          0,
                                          {{QStringLiteral("name"), QStringLiteral("Marco")},
                                           {QStringLiteral("joined"), QStringLiteral("2026-10-01")},
                                           {QStringLiteral("firstFollower"), true}});
            QVERIFY(row.ok());
            QVERIFY(workbook.setName(QStringLiteral("Shipwrights")).ok());
        }
        auto reopened = Workbook::open(path, definition);
        QVERIFY2(reopened.ok(), reopened.ok() ? "" : qPrintable(reopened.error().message));
        const Workbook &workbook = *reopened.value();
        QCOMPARE(workbook.name(), QStringLiteral("Shipwrights"));
        QCOMPARE(workbook.value(QStringLiteral("AC1")).toString(), QStringLiteral("Dana Okafor"));
        QCOMPARE(workbook.value(QStringLiteral("AC2")).toString(), QStringLiteral("leader"));
        QCOMPARE(workbook.value(QStringLiteral("AC3")).toString(),
                 QStringLiteral("Line one\nLine two"));
        QCOMPARE(workbook.value(QStringLiteral("CA10")).toStringList(),
                 (QStringList{QStringLiteral("forum"), QStringLiteral("email-list")}));
        QCOMPARE(workbook.value(QStringLiteral("MS9.trueFans")).toDouble(), 38.0);
        QCOMPARE(workbook.value(QStringLiteral("AC9.backstory")).toString(),
                 QStringLiteral("Secure job."));
        QCOMPARE(workbook.rows(QStringLiteral("MS12")).size(), 1);
        const ListRow &marco = workbook.rows(QStringLiteral("MS12")).first();
        QCOMPARE(marco.cells.value(QStringLiteral("name")).toString(), QStringLiteral("Marco"));
        QCOMPARE(marco.cells.value(QStringLiteral("joined")).toString(),
                 QStringLiteral("2026-10-01"));
        QCOMPARE(marco.cells.value(QStringLiteral("firstFollower")).toBool(), true);
        QVERIFY(workbook.isFilled(QStringLiteral("AC1")));
        QVERIFY(!workbook.isFilled(QStringLiteral("AC9")));
    }

    void fileCarriesApplicationIdAndSchemaVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ids.rallybook"));
        QVERIFY(TestUtil::createDemo(path));
        QCOMPARE(headerInt(path, 68), kApplicationId);
        QCOMPARE(headerInt(path, 60), Schema::standard().currentVersion());
        QCOMPARE(Schema::standard().currentVersion(), 2);
    }

    void everyEditIsCommittedAtOnce()
    {
        // A second, independent connection sees each edit as soon as the call returns:
        // nothing waits in memory for a save.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.rallybook"));
        auto workbook = TestUtil::createDemo(path);
        QVERIFY(workbook);
        QVERIFY(workbook->setValue(QStringLiteral("AC1"), QStringLiteral("Lena")).ok());
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(
                     QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        sqlite3_stmt *stmt = nullptr;
        QCOMPARE(
            sqlite3_prepare_v2(
                db, "SELECT value FROM field_value WHERE field_id = 'AC1'", -1, &stmt, nullptr),
            SQLITE_OK);
        QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
        QCOMPARE(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))),
                 QStringLiteral("Lena"));
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
    }

    void listRowsKeepStableIdsAndOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rows.rallybook"));
        const Definition definition = TestUtil::definition();
        const QString list = QStringLiteral("AC5");
        const QString column = QStringLiteral("flaw");
        qint64 a = 0;
        qint64 b = 0;
        qint64 c = 0;
        {
            auto workbook = Workbook::create(path, definition, {});
            QVERIFY(workbook.ok());
            Workbook &w = *workbook.value();
            QSignalSpy inserted(&w, &Workbook::rowInserted);
            a = w.insertRow(list, 0, {{column, QStringLiteral("A")}}).value();
            b = w.insertRow(list, 1, {{column, QStringLiteral("B")}}).value();
            c = w.insertRow(list, 0, {{column, QStringLiteral("C")}}).value();
            QCOMPARE(inserted.count(), 3);
            QCOMPARE(w.rowIndex(list, c), 0);
            QVERIFY(w.moveRow(list, c, 2).ok()); // A B C
            QVERIFY(w.setCell(list, b, column, QStringLiteral("B2")).ok());
            const ListRow removed = w.rows(list).at(0); // A
            QVERIFY(w.removeRow(list, a).ok());         // B C
            QCOMPARE(w.rows(list).size(), 2);
            // Undo of a removal puts the same row back, with the same id.
            auto restored = w.insertRow(list, 0, removed.cells, removed.id);
            QVERIFY(restored.ok());
            QCOMPARE(restored.value(), a);
        }
        auto reopened = Workbook::open(path, definition);
        QVERIFY(reopened.ok());
        const QList<ListRow> &rows = reopened.value()->rows(list);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).id, a);
        QCOMPARE(rows.at(1).id, b);
        QCOMPARE(rows.at(2).id, c);
        QCOMPARE(rows.at(1).cells.value(column).toString(), QStringLiteral("B2"));
    }

    void invalidValuesAreRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("text-with-newline") << "AC1" << QVariant(QStringLiteral("a\nb"));
        QTest::newRow("text-too-long") << "AC1" << QVariant(QString(121, u'x'));
        QTest::newRow("unknown-choice") << "AC2" << QVariant(QStringLiteral("emperor"));
        QTest::newRow("unknown-checklist-item")
            << "CA10" << QVariant(QStringList{QStringLiteral("telegram")});
        QTest::newRow("number-below-min") << "MS9.trueFans" << QVariant(-1);
        QTest::newRow("not-a-number") << "MS9.trueFans" << QVariant(QStringLiteral("many"));
        QTest::newRow("list-is-not-a-value") << "AC4" << QVariant(QStringLiteral("x"));
        QTest::newRow("unknown-field") << "ZZ9" << QVariant(QStringLiteral("x"));
    }

    void invalidValuesAreRefusedAndNothingChanges()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.rallybook"));
        auto workbook = TestUtil::createDemo(path);
        QVERIFY(workbook);
        const QByteArray before = TestUtil::fileHash(path);
        const QVariant old = workbook->value(field);
        auto set = workbook->setValue(field, value);
        QVERIFY(!set.ok());
        QVERIFY(set.error().code == ErrorCode::InvalidValue
                || set.error().code == ErrorCode::UnknownField);
        QVERIFY(!set.error().message.isEmpty());
        QCOMPARE(workbook->value(field), old);
        QCOMPARE(TestUtil::fileHash(path), before);
    }

    void hostileTextIsStoredLiterally()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hostile.rallybook"));
        const Definition definition = TestUtil::definition();
        const QString text =
            QStringLiteral("'); DROP TABLE meta; -- <b>x</b> \u202e \U0001F6A9 %s %n");
        {
            auto workbook = Workbook::create(path, definition, {});
            QVERIFY(workbook.ok());
            QVERIFY(workbook.value()->setValue(QStringLiteral("AC1"), text).ok());
        }
        auto reopened = Workbook::open(path, definition);
        QVERIFY(reopened.ok());
        QCOMPARE(reopened.value()->value(QStringLiteral("AC1")).toString(), text);
    }

    void missingFileIsReportedAndNotCreated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("typo.rallybook"));
        auto opened = Workbook::open(path, TestUtil::definition());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
        QVERIFY(opened.error().message.contains(QStringLiteral("typo.rallybook")));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path())
                     .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden)
                     .size(),
                 0);
    }

    void refusedFilesAreLeftByteForByte_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("zero-length") << "zero-length" << ErrorCode::NotAWorkbook << "empty";
        QTest::newRow("text-file") << "text" << ErrorCode::NotAWorkbook << "not an SQLite database";
        QTest::newRow("png-image") << "png" << ErrorCode::NotAWorkbook << "not an SQLite database";
        QTest::newRow("truncated-at-1")
            << "truncate:1" << ErrorCode::NotAWorkbook << "not an SQLite database";
        QTest::newRow("truncated-at-50") << "truncate:50" << ErrorCode::Truncated << "truncated";
        QTest::newRow("truncated-at-100") << "truncate:100" << ErrorCode::Truncated << "truncated";
        QTest::newRow("truncated-at-512") << "truncate:512" << ErrorCode::Truncated << "truncated";
        QTest::newRow("truncated-at-page-2")
            << "truncate:4096" << ErrorCode::Truncated << "truncated";
        QTest::newRow("truncated-odd") << "truncate:5000" << ErrorCode::Truncated << "truncated";
        QTest::newRow("damaged-page") << "damage" << ErrorCode::Damaged << "damaged";
        QTest::newRow("foreign-sqlite") << "foreign" << ErrorCode::ForeignFile << "another program";
        QTest::newRow("foreign-application-id")
            << "appid" << ErrorCode::ForeignFile << "another program";
        QTest::newRow("no-schema-version") << "version0" << ErrorCode::Damaged << "schema version";
        QTest::newRow("extra-trigger")
            << "sql:CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM field_value; END"
            << ErrorCode::ForeignFile << "tables";
        QTest::newRow("extra-view")
            << "sql:CREATE VIEW v AS SELECT * FROM meta" << ErrorCode::ForeignFile << "tables";
        QTest::newRow("extra-table")
            << "sql:CREATE TABLE extra (x)" << ErrorCode::ForeignFile << "tables";
        QTest::newRow("dropped-index")
            << "sql:DROP INDEX list_row_by_field" << ErrorCode::ForeignFile << "tables";
        QTest::newRow("other-framework")
            << "sql:UPDATE meta SET value = 'other' WHERE key = 'framework'"
            << ErrorCode::ForeignFile << "framework";
        QTest::newRow("folder") << "folder" << ErrorCode::NotAWorkbook << "folder";
    }

    void refusedFilesAreLeftByteForByte()
    {
        QFETCH(QString, kind);
        QFETCH(ErrorCode, code);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("suspect.rallybook"));

        if (kind == QLatin1String("zero-length")) {
            QVERIFY(TestUtil::writeAll(path, {}));
        } else if (kind == QLatin1String("text")) {
            QVERIFY(TestUtil::writeAll(path, "Shopping list\nmilk\neggs\n"));
        } else if (kind == QLatin1String("png")) {
            QVERIFY(TestUtil::writeAll(path,
                                       QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(600, '\0')));
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("suspect.rallybook")));
        } else if (kind == QLatin1String("foreign")) {
            QVERIFY(sqliteExec(path, "SELECT 1") || true);
            sqlite3 *db = nullptr;
            sqlite3_open(QFile::encodeName(path).constData(), &db);
            sqlite3_exec(db, "CREATE TABLE contacts (name TEXT)", nullptr, nullptr, nullptr);
            sqlite3_close(db);
        } else {
            QVERIFY(TestUtil::createDemo(path));
            if (kind.startsWith(QLatin1String("truncate:"))) {
                QVERIFY(QFile::resize(path, kind.mid(9).toInt()));
            } else if (kind == QLatin1String("damage")) {
                QByteArray bytes = TestUtil::readAll(path);
                QVERIFY(bytes.size() > 3 * 4096);
                for (int i = 4096; i < 2 * 4096; ++i) {
                    bytes[i] = char(0xA5);
                }
                QVERIFY(TestUtil::writeAll(path, bytes));
            } else if (kind == QLatin1String("appid")) {
                QVERIFY(sqliteExec(path, "PRAGMA application_id = 305419896"));
            } else if (kind == QLatin1String("version0")) {
                QVERIFY(sqliteExec(path, "PRAGMA user_version = 0"));
            } else if (kind.startsWith(QLatin1String("sql:"))) {
                QVERIFY(sqliteExec(path, kind.mid(4).toUtf8().constData()));
            }
        }
        const QStringList entriesBefore =
            QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden);
        const QByteArray before = TestUtil::fileHash(path);

        auto opened = Workbook::open(path, TestUtil::definition());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, code);
        QVERIFY2(opened.error().message.contains(QStringLiteral("suspect.rallybook")),
                 qPrintable(opened.error().message));
        QVERIFY2(opened.error().message.contains(says), qPrintable(opened.error().message));
        QVERIFY2(opened.error().message.contains(QStringLiteral("not changed")),
                 qPrintable(opened.error().message));
        QCOMPARE(TestUtil::fileHash(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
                 entriesBefore);
    }

    void interruptedCommitIsRolledBackOnOpen()
    {
        // kill -9 or a power cut during a COMMIT that grows the file. SQLite writes the pages in
        // order, page 1 first, so page 1 can already hold the new page count while the file has
        // not grown yet; the hot journal beside it holds the old page 1. Opening must let SQLite
        // roll the change back rather than call the file truncated.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("interrupted.rallybook"));
        WorkbookContent before;
        {
            auto workbook = TestUtil::createDemo(path);
            QVERIFY(workbook);
            before = workbook->content();
        }
        const QByteArray original = TestUtil::readAll(path);
        const int pageSize = headerInt(path, 16) >> 16;
        QCOMPARE(pageSize, 4096);
        const auto originalPages = quint32(original.size() / pageSize);

        // The committed state the interrupted edit was heading for: a long manifesto.
        const QString grown = dir.filePath(QStringLiteral("grown.rallybook"));
        QVERIFY(QFile::copy(path, grown));
        {
            auto workbook = Workbook::open(grown, TestUtil::definition());
            QVERIFY(workbook.ok());
            QVERIFY(workbook.value()->setValue(QStringLiteral("TL4"), QString(100000, u'm')).ok());
        }
        const QByteArray newFirstPage = TestUtil::readAll(grown).left(pageSize);
        QVERIFY(quint32(qFromBigEndian<qint32>(newFirstPage.constData() + 28)) > originalPages);

        QByteArray crashed = original;
        crashed.replace(0, pageSize, newFirstPage);
        QVERIFY(TestUtil::writeAll(path, crashed));
        QVERIFY(TestUtil::writeAll(path + QStringLiteral("-journal"),
                                   rollbackJournal(originalPages, {{1, original.left(pageSize)}})));

        auto opened = Workbook::open(path, TestUtil::definition());
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        QVERIFY(!opened.value()->isReadOnly());
        QCOMPARE(opened.value()->content(), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
        QCOMPARE(TestUtil::readAll(path), original);
        // And it takes edits again.
        QVERIFY(opened.value()
                    ->setValue(QStringLiteral("AC1"), QStringLiteral("After the crash"))
                    .ok());
    }

    void fileFromNewerVersionOpensReadOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.rallybook"));
        QVERIFY(TestUtil::createDemo(path));
        // A future Rallybook adds a table and bumps the version.
        QVERIFY(sqliteExec(path, "CREATE TABLE future_things (x); PRAGMA user_version = 7"));
        const QByteArray before = TestUtil::fileHash(path);

        auto opened = Workbook::open(path, TestUtil::definition());
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        Workbook &workbook = *opened.value();
        QVERIFY(workbook.isReadOnly());
        QVERIFY2(workbook.readOnlyReason().contains(QStringLiteral("newer version")),
                 qPrintable(workbook.readOnlyReason()));
        QCOMPARE(workbook.value(QStringLiteral("AC1")).toString(), QStringLiteral("Dana Okafor"));
        auto set = workbook.setValue(QStringLiteral("AC1"), QStringLiteral("Someone else"));
        QVERIFY(!set.ok());
        QCOMPARE(set.error().code, ErrorCode::ReadOnly);
        QCOMPARE(workbook.value(QStringLiteral("AC1")).toString(), QStringLiteral("Dana Okafor"));
        QCOMPARE(TestUtil::fileHash(path), before);
    }

    void draftsAreKeptAddedAndRemovedEachInOneCommit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("drafts.rallybook"));
        auto workbook = TestUtil::createDemo(path);
        QVERIFY(workbook);
        QVERIFY(workbook->drafts().isEmpty());
        QSignalSpy added(workbook.get(), &Workbook::draftAdded);
        QSignalSpy removed(workbook.get(), &Workbook::draftRemoved);

        const QDateTime when(QDate(2026, 11, 1), QTime(9, 30), Qt::UTC);
        auto first =
            workbook->addDraft({0, QStringLiteral(" Early "), when, QStringLiteral("One")});
        QVERIFY(first.ok());
        auto second = workbook->addDraft({0, QStringLiteral("Later"), {}, QStringLiteral("Two")});
        QVERIFY(second.ok());
        QCOMPARE(added.size(), 2);
        QCOMPARE(workbook->drafts().size(), 2);
        QCOMPARE(workbook->drafts().first().name, QStringLiteral("Early"));
        QVERIFY(!workbook->addDraft({0, QString(), {}, QStringLiteral("x")}).ok());

        // Removing and putting back (undo) keeps the id and the order.
        const Draft kept = *workbook->draft(first.value());
        QVERIFY(workbook->removeDraft(first.value()).ok());
        QCOMPARE(removed.size(), 1);
        QCOMPARE(workbook->drafts().size(), 1);
        QVERIFY(!workbook->removeDraft(first.value()).ok());
        auto back = workbook->addDraft(kept);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), first.value());
        QCOMPARE(workbook->drafts().first(), kept);
        workbook.reset();

        auto reopened = Workbook::open(path, TestUtil::definition());
        QVERIFY(reopened.ok());
        const QList<Draft> drafts = reopened.value()->drafts();
        QCOMPARE(drafts.size(), 2);
        QCOMPARE(drafts.at(0), kept);
        QCOMPARE(drafts.at(0).created, when);
        QCOMPARE(drafts.at(1).body, QStringLiteral("Two"));
    }

    void settingChangesAreSignalled()
    {
        QTemporaryDir dir;
        auto workbook = TestUtil::createDemo(dir.filePath(QStringLiteral("s.rallybook")));
        QVERIFY(workbook);
        QSignalSpy changed(workbook.get(), &Workbook::settingChanged);
        QVERIFY(workbook->setSetting(QStringLiteral("wallpaper"), QStringLiteral("{}")).ok());
        QVERIFY(workbook->setSetting(QStringLiteral("wallpaper"), QStringLiteral("{}")).ok());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toString(), QStringLiteral("wallpaper"));
    }

    void saveCopyAsWritesACompleteCopy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("original.rallybook"));
        auto workbook = TestUtil::createDemo(path);
        QVERIFY(workbook);
        QVERIFY(workbook->setValue(QStringLiteral("AC1"), QStringLiteral("Edited just now")).ok());
        const QString copy = dir.filePath(QStringLiteral("copy.rallybook"));
        QVERIFY(TestUtil::writeAll(copy, "an older file that the copy replaces"));
        auto saved = workbook->saveCopyAs(copy);
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
        // Only the two workbooks remain: no temporary file is left behind.
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
            (QStringList{QStringLiteral("copy.rallybook"), QStringLiteral("original.rallybook")}));
        auto reopened = Workbook::open(copy, TestUtil::definition());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened.value()->content(), workbook->content());
        QCOMPARE(workbook->path(), QFileInfo(path).absoluteFilePath());

        auto onto = workbook->saveCopyAs(path);
        QVERIFY(!onto.ok());
        auto nowhere =
            workbook->saveCopyAs(dir.filePath(QStringLiteral("no/such/folder/x.rallybook")));
        QVERIFY(!nowhere.ok());
        QVERIFY(nowhere.error().message.contains(QStringLiteral("x.rallybook")));
    }

    void newFileIgnoresAStaleJournalBesideIt_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("create-where-a-crashed-file-was-deleted") << "create";
        QTest::newRow("create-replacing-a-crashed-file") << "replace";
        QTest::newRow("save-copy-over-a-crashed-file") << "copy";
    }

    void newFileIgnoresAStaleJournalBesideIt()
    {
        // A workbook that crashed mid-commit leaves a hot journal beside it. If the file is then
        // deleted or replaced, SQLite would play that journal into whatever file next has the
        // name: the old pages would overwrite the new workbook's on its first open.
        QFETCH(QString, how);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.rallybook"));
        QVERIFY(TestUtil::createDemo(path));
        const QByteArray old = TestUtil::readAll(path);
        const int pageSize = 4096;
        QList<QPair<quint32, QByteArray>> pages;
        for (int i = 0; i * pageSize < old.size(); ++i) {
            pages.append({quint32(i + 1), old.mid(qsizetype(i) * pageSize, pageSize)});
        }
        const QString journal = path + QStringLiteral("-journal");
        QVERIFY(TestUtil::writeAll(journal, rollbackJournal(quint32(pages.size()), pages)));

        const Definition definition = TestUtil::definition();
        WorkbookContent fresh;
        fresh.name = QStringLiteral("Fresh start");
        fresh.values.insert(QStringLiteral("AC1"), QStringLiteral("Someone new"));
        if (how == QLatin1String("create")) {
            QVERIFY(QFile::remove(path));
            QVERIFY(Workbook::create(path, definition, fresh).ok());
        } else if (how == QLatin1String("replace")) {
            QVERIFY(Workbook::create(path, definition, fresh, true).ok());
        } else {
            const QString source = dir.filePath(QStringLiteral("source.rallybook"));
            auto workbook = Workbook::create(source, definition, fresh);
            QVERIFY(workbook.ok());
            QVERIFY(workbook.value()->saveCopyAs(path).ok());
        }
        QVERIFY(!QFile::exists(journal));
        auto opened = Workbook::open(path, definition);
        QVERIFY2(opened.ok(),
                 opened.ok() ? "" : qPrintable(opened.error().message + opened.error().detail));
        QCOMPARE(opened.value()->name(), QStringLiteral("Fresh start"));
        QCOMPARE(opened.value()->content(), fresh);
    }

    void createRefusesToReplaceAnExistingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("taken.rallybook"));
        QVERIFY(TestUtil::writeAll(path, "precious"));
        auto created = Workbook::create(path, TestUtil::definition(), {});
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::Exists);
        QCOMPARE(TestUtil::readAll(path), QByteArray("precious"));
        QCOMPARE(QDir(dir.path())
                     .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden)
                     .size(),
                 1);
    }

    void fileMovedWhileOpenStopsWritesAndSaysSo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("moving.rallybook"));
        auto workbook = TestUtil::createDemo(path);
        QVERIFY(workbook);
        QVERIFY(QFile::rename(path, dir.filePath(QStringLiteral("elsewhere.rallybook"))));
        QSignalSpy failed(workbook.get(), &Workbook::writeFailed);
        auto set = workbook->setValue(QStringLiteral("AC1"), QStringLiteral("Lost?"));
        QVERIFY(!set.ok());
        QCOMPARE(failed.count(), 1);
        QVERIFY2(set.error().message.contains(QStringLiteral("moved")),
                 qPrintable(set.error().message));
        QCOMPARE(workbook->value(QStringLiteral("AC1")).toString(), QStringLiteral("Dana Okafor"));
        // Everything in the window can still be saved elsewhere.
        auto rescued = workbook->saveCopyAs(dir.filePath(QStringLiteral("rescued.rallybook")));
        QVERIFY2(rescued.ok(),
                 rescued.ok() ? "" : qPrintable(rescued.error().message + rescued.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestWorkbookFile)
#include "tst_workbookfile.moc"
