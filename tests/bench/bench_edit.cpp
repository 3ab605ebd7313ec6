// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Benchmark: the median time to commit one field edit in a workbook that holds 10,000 list rows,
// beside the same one-row update on a bare SQLite table with the same pragmas, and their ratio.
// Prints figures; fails only if the work itself fails.
#include "core/definition.h"
#include "core/workbook.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <fmt/format.h>
#include <sqlite3.h>
#include <vector>

using namespace Rallybook::Core;

namespace {

constexpr int kRows = 10000;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

bool check(int rc, sqlite3 *db, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fmt::print(stderr, "{}: {}\n", what, sqlite3_errmsg(db));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int edits = argc > 1 ? std::max(10, atoi(argv[1])) : 200;
    QTemporaryDir dir;
    auto definition = Definition::standard();
    if (!definition || !dir.isValid()) {
        return 1;
    }

    // The workbook: 10,000 follower-log rows, then one scalar field edited again and again.
    WorkbookContent content;
    content.name = QStringLiteral("Bench");
    QList<ListRow> rows;
    rows.reserve(kRows);
    for (int i = 0; i < kRows; ++i) {
        rows.append(ListRow{
            0,
            {{QStringLiteral("name"), QStringLiteral("Follower %1").arg(i)},
             {QStringLiteral("joined"), QDate(2026, 1, 1).addDays(i % 300).toString(Qt::ISODate)},
             {QStringLiteral("ring"), QStringLiteral("audience")},
             {QStringLiteral("channel"), QStringLiteral("Newsletter")}}});
    }
    content.lists.insert(QStringLiteral("MS12"), rows);
    auto workbook = Workbook::create(
        dir.filePath(QStringLiteral("bench.rallybook")), definition.value(), content);
    if (!workbook) {
        fmt::print(stderr, "create: {}\n", workbook.error().message.toStdString());
        return 1;
    }
    std::vector<double> ours;
    for (int i = 0; i < edits; ++i) {
        const QString text = QStringLiteral("Dana Okafor %1").arg(i);
        QElapsedTimer timer;
        timer.start();
        auto done = workbook.value()->setValue(QStringLiteral("AC1"), text);
        ours.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!done) {
            fmt::print(stderr, "edit: {}\n", done.error().message.toStdString());
            return 1;
        }
    }

    // The baseline: a bare table of 10,000 rows, the same pragmas, one row updated per commit.
    sqlite3 *db = nullptr;
    const QByteArray bare = QFile::encodeName(dir.filePath(QStringLiteral("bare.sqlite")));
    if (!check(sqlite3_open(bare.constData(), &db), db, "open")
        || !check(
            sqlite3_exec(
                db,
                "PRAGMA journal_mode = DELETE; PRAGMA synchronous = EXTRA;"
                "CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT);"
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
                " INSERT INTO t SELECT i, 'row ' || i FROM n;",
                nullptr,
                nullptr,
                nullptr),
            db,
            "setup")) {
        return 1;
    }
    sqlite3_stmt *update = nullptr;
    check(sqlite3_prepare_v2(db, "UPDATE t SET value = ?1 WHERE id = 1", -1, &update, nullptr),
          db,
          "prepare");
    std::vector<double> baseline;
    for (int i = 0; i < edits; ++i) {
        const std::string text = fmt::format("Dana Okafor {}", i);
        QElapsedTimer timer;
        timer.start();
        bool ok =
            check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
        sqlite3_bind_text(update, 1, text.c_str(), int(text.size()), SQLITE_TRANSIENT);
        ok = ok && check(sqlite3_step(update), db, "update");
        sqlite3_reset(update);
        ok = ok && check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
        baseline.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!ok) {
            return 1;
        }
    }
    sqlite3_finalize(update);
    sqlite3_close(db);

    const double a = median(ours);
    const double b = median(baseline);
    fmt::print("bench_edit: one field edit committed, workbook with {} list rows, {} edits each\n",
               kRows,
               edits);
    fmt::print("  Rallybook Workbook::setValue   median {:8.3f} ms\n", a);
    fmt::print("  bare SQLite UPDATE + COMMIT    median {:8.3f} ms\n", b);
    fmt::print("  ratio                                 {:8.2f}x\n", a / b);
    return 0;
}
