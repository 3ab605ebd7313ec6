// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// wbtool: the crash-safety driver of RELIABILITY.md §2. `stress` applies a reproducible stream
// of edits to a workbook and prints "ACK n" after each one that committed (and "CREATING"
// before it creates the file, "READY" once the workbook is open); `verify` checks a workbook
// left behind by a killed `stress` against the same stream replayed elsewhere, and prints
// "OK acked=n holds=n|n+1 journal=none|cold|hot" or exits 1 with one line on stderr.

#include "core/definition.h"
#include "core/schema.h"
#include "core/workbook.h"
#include "core/workbookjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTemporaryDir>
#include <QtEndian>

#include <cstdio>
#include <memory>
#include <random>
#include <sqlite3.h>

using namespace Rallybook::Core;

namespace {

// Exit statuses: 0 done, 1 a failed check or edit, 2 a usage error.
constexpr int kFailed = 1;
constexpr int kUsage = 2;

/** The workbook every stream starts from: the demo's answers, with no list rows. */
WorkbookContent initialContent(const Definition &definition)
{
    // A fixed date, so that the demo's relative dates are the same in every process. Lists
    // are left out: their row ids would follow QHash order, which differs between processes.
    auto demo = WorkbookJson::demoContent(definition, QDate(2026, 11, 22));
    WorkbookContent content;
    content.name = QStringLiteral("Crash test");
    if (demo) {
        content.values = demo->values;
    }
    return content;
}

/**
 * The reproducible stream of edits: edit n depends only on the seed and on the workbook's
 * state after edits 1..n-1, so `stress` and `verify` apply identical edits. Every edit
 * changes something (its text carries its number), so every acknowledged edit is one COMMIT.
 */
class EditStream
{
public:
    explicit EditStream(quint32 seed)
        : m_random(seed)
    {}

    /** Applies edit `n` (1, 2, ... in order); `what` says what it was, for messages. */
    Result<void> apply(Workbook &workbook, qint64 n, QString *what)
    {
        const QString list = pick(2) == 0 ? QStringLiteral("AC4") : QStringLiteral("MS12");
        const QList<ListRow> &rows = workbook.rows(list);
        const qsizetype totalRows = workbook.rows(QStringLiteral("AC4")).size()
                                    + workbook.rows(QStringLiteral("MS12")).size();
        Kind kind = kindFor(pick(100));
        // Rows must exist before they can be edited, moved or removed; lists stay short.
        if ((kind == Kind::SetCell || kind == Kind::RemoveRow) && rows.isEmpty()) {
            kind = Kind::InsertRow;
        } else if (kind == Kind::MoveRow && rows.size() < 2) {
            kind = Kind::InsertRow;
        }
        if (kind == Kind::InsertRow && totalRows >= kMaxRows) {
            kind = rows.isEmpty() ? Kind::Text : Kind::RemoveRow;
        }

        switch (kind) {
        case Kind::Text: {
            const QString field = pickOf(kTextFields);
            *what = QStringLiteral("setValue %1").arg(field);
            return workbook.setValue(field, line(n));
        }
        case Kind::LongText: {
            const QString field = pickOf(kLongTextFields);
            *what = QStringLiteral("setValue %1 (long text)").arg(field);
            return workbook.setValue(field, paragraphs(n, 20 + pick(3000)));
        }
        case Kind::Number: {
            const QString field = pickOf(kNumberFields);
            *what = QStringLiteral("setValue %1 (number)").arg(field);
            // Far above the demo's figures, so that it always changes the value.
            return workbook.setValue(field, double(1000000 + n));
        }
        case Kind::Clear: {
            QStringList filled;
            for (const QStringList *fields : {&kTextFields, &kLongTextFields, &kNumberFields}) {
                for (const QString &field : *fields) {
                    if (workbook.isFilled(field)) {
                        filled.append(field);
                    }
                }
            }
            if (filled.isEmpty()) {
                *what = QStringLiteral("setValue %1").arg(kTextFields.first());
                return workbook.setValue(kTextFields.first(), line(n));
            }
            const QString field = pickOf(filled);
            *what = QStringLiteral("clear %1").arg(field);
            return workbook.setValue(field, QVariant());
        }
        case Kind::Name:
            *what = QStringLiteral("setName");
            return workbook.setName(QStringLiteral("Crash test %1").arg(n));
        case Kind::Manifesto:
            // Long enough to span many overflow pages and to grow the file.
            *what = QStringLiteral("setValue TL4 (manifesto)");
            return workbook.setValue(QStringLiteral("TL4"), paragraphs(n, 4000 + pick(60000)));
        case Kind::InsertRow: {
            const int index = pick(int(rows.size()) + 1);
            *what = QStringLiteral("insertRow %1 at %2").arg(list).arg(index);
            auto inserted = workbook.insertRow(list, index, newRow(list, n));
            return inserted ? Result<void>() : Result<void>(inserted.error());
        }
        case Kind::SetCell: {
            const qint64 rowId = rows.at(pick(int(rows.size()))).id;
            const bool ac4 = list == QLatin1String("AC4");
            const QString column = ac4 ? pickOf({QStringLiteral("title"), QStringLiteral("lesson")})
                                       : pickOf({QStringLiteral("name"),
                                                 QStringLiteral("channel"),
                                                 QStringLiteral("notes")});
            *what = QStringLiteral("setCell %1 row %2 %3").arg(list).arg(rowId).arg(column);
            const bool longText =
                column == QLatin1String("lesson") || column == QLatin1String("notes");
            const QVariant value =
                longText ? QVariant(paragraphs(n, 20 + pick(600))) : QVariant(line(n));
            return workbook.setCell(list, rowId, column, value);
        }
        case Kind::MoveRow: {
            const int from = pick(int(rows.size()));
            int to = pick(int(rows.size()) - 1);
            if (to >= from) {
                ++to; // never onto itself: that would be no edit at all
            }
            const qint64 rowId = rows.at(from).id;
            *what = QStringLiteral("moveRow %1 row %2 from %3 to %4")
                        .arg(list)
                        .arg(rowId)
                        .arg(from)
                        .arg(to);
            return workbook.moveRow(list, rowId, to);
        }
        case Kind::RemoveRow: {
            const qint64 rowId = rows.at(pick(int(rows.size()))).id;
            *what = QStringLiteral("removeRow %1 row %2").arg(list).arg(rowId);
            return workbook.removeRow(list, rowId);
        }
        }
        return Error{ErrorCode::Internal, QStringLiteral("no such edit"), QString()};
    }

private:
    enum class Kind {
        Text,
        LongText,
        Number,
        Clear,
        Name,
        Manifesto,
        InsertRow,
        SetCell,
        MoveRow,
        RemoveRow
    };

    static constexpr qsizetype kMaxRows = 24;

    /** Weights out of 100: mostly answers and list work, now and then a long manifesto. */
    static Kind kindFor(int roll)
    {
        static constexpr struct
        {
            int below;
            Kind kind;
        } table[] = {
            {16, Kind::Text},
            {26, Kind::LongText},
            {34, Kind::Number},
            {38, Kind::Clear},
            {41, Kind::Name},
            {47, Kind::Manifesto},
            {63, Kind::InsertRow},
            {79, Kind::SetCell},
            {90, Kind::MoveRow},
            {100, Kind::RemoveRow},
        };
        for (const auto &entry : table) {
            if (roll < entry.below) {
                return entry.kind;
            }
        }
        return Kind::Text;
    }

    inline static const QStringList kTextFields{QStringLiteral("AC1"),
                                                QStringLiteral("TB2"),
                                                QStringLiteral("CA2"),
                                                QStringLiteral("MS2"),
                                                QStringLiteral("TL3"),
                                                QStringLiteral("TL7.stand")};
    inline static const QStringList kLongTextFields{QStringLiteral("AC3"),
                                                    QStringLiteral("CA1"),
                                                    QStringLiteral("TB5"),
                                                    QStringLiteral("AC9.backstory"),
                                                    QStringLiteral("NO1")};
    inline static const QStringList kNumberFields{QStringLiteral("MS9.trueFans"),
                                                  QStringLiteral("MS9.audience"),
                                                  QStringLiteral("NO10.corePrice"),
                                                  QStringLiteral("AP1.months")};

    /** 0 .. bound-1. Plain modulo rather than a std distribution, whose output is unspecified. */
    int pick(int bound) { return bound <= 1 ? 0 : int(m_random() % quint32(bound)); }
    QString pickOf(const QStringList &items) { return items.at(pick(int(items.size()))); }

    QString word() { return kWords.at(pick(int(kWords.size()))); }

    /** One line of at most 120 characters that names the edit, so it always changes a value. */
    QString line(qint64 n)
    {
        QString text = QStringLiteral("Edit %1:").arg(n);
        const int words = 1 + pick(12);
        for (int i = 0; i < words; ++i) {
            const QString next = word();
            if (text.size() + 1 + next.size() > 120) {
                break; // whole words only: never split a surrogate pair
            }
            text += u' ';
            text += next;
        }
        return text;
    }

    /** Several lines, about `length` characters in all. */
    QString paragraphs(qint64 n, int length)
    {
        QString text = QStringLiteral("Edit %1.").arg(n);
        while (text.size() < length) {
            text += pick(9) == 0 ? QStringLiteral("\n\n") : QStringLiteral(" ");
            text += word();
        }
        return text;
    }

    QVariantHash newRow(const QString &list, qint64 n)
    {
        if (list == QLatin1String("AC4")) {
            return {{QStringLiteral("title"), line(n)},
                    {QStringLiteral("moment"), paragraphs(n, 20 + pick(400))},
                    {QStringLiteral("lesson"), paragraphs(n, 20 + pick(200))}};
        }
        return {
            {QStringLiteral("name"), line(n)},
            {QStringLiteral("joined"), QDate(2026, 1, 1).addDays(pick(365)).toString(Qt::ISODate)},
            {QStringLiteral("channel"), word()},
            {QStringLiteral("firstFollower"), pick(2) == 0},
            {QStringLiteral("notes"), paragraphs(n, 20 + pick(300))}};
    }

    inline static const QStringList kWords{
        QStringLiteral("movement"), QStringLiteral("banner"),     QStringLiteral("follower"),
        QStringLiteral("tribe"),    QStringLiteral("cause"),      QStringLiteral("liberty"),
        QStringLiteral("naïve"),    QStringLiteral("Zürich"),     QStringLiteral("—"),
        QStringLiteral("日本"),     QStringLiteral("\U0001F6A9"), QStringLiteral("'quoted'"),
        QStringLiteral("100%"),     QStringLiteral("<b>"),        QStringLiteral("shipwrights"),
        QStringLiteral("dance"),    QStringLiteral("hill"),       QStringLiteral("lone"),
        QStringLiteral("nut"),      QStringLiteral("first"),      QStringLiteral("true"),
        QStringLiteral("fans"),     QStringLiteral("1,000"),      QStringLiteral("plan"),
    };

    std::mt19937 m_random;
};

void say(const QString &text)
{
    std::fputs((text + u'\n').toUtf8().constData(), stdout);
    std::fflush(stdout);
}

int fail(const QString &reason)
{
    std::fputs((QStringLiteral("FAIL: ") + reason + u'\n').toUtf8().constData(), stderr);
    std::fflush(stderr);
    return kFailed;
}

QString describe(const Error &error)
{
    return error.detail.isEmpty() ? error.message
                                  : error.message + QStringLiteral(" [") + error.detail + u']';
}

int stress(const Definition &definition, const QString &path, quint32 seed, qint64 count)
{
    std::unique_ptr<Workbook> workbook;
    if (QFileInfo::exists(path)) {
        auto opened = Workbook::open(path, definition);
        if (!opened) {
            return fail(QStringLiteral("open: ") + describe(opened.error()));
        }
        workbook = std::move(opened.value());
    } else {
        say(QStringLiteral("CREATING"));
        auto created = Workbook::create(path, definition, initialContent(definition));
        if (!created) {
            return fail(QStringLiteral("create: ") + describe(created.error()));
        }
        workbook = std::move(created.value());
    }
    if (workbook->isReadOnly()) {
        return fail(QStringLiteral("the workbook opened read-only: ") + workbook->readOnlyReason());
    }
    say(QStringLiteral("READY"));

    EditStream stream(seed);
    for (qint64 n = 1; count < 0 || n <= count; ++n) {
        QString what;
        if (auto done = stream.apply(*workbook, n, &what); !done) {
            return fail(
                QStringLiteral("edit %1 (%2): %3").arg(n).arg(what, describe(done.error())));
        }
        // The edit's COMMIT has returned SQLITE_OK: only now is it acknowledged.
        say(QStringLiteral("ACK %1").arg(n));
    }
    return 0;
}

/** A value shortened to one line for a message. */
QString valueText(const QVariant &value)
{
    const QString text = value.toString();
    QString shown = text.left(40);
    shown.replace(u'\n', QStringLiteral("\\n"));
    return text.size() > 40 ? shown + QStringLiteral("... (%1 chars)").arg(text.size()) : shown;
}

/** The first difference between two contents, or an empty string when they are equal. */
QString difference(const WorkbookContent &expected, const WorkbookContent &actual)
{
    if (expected.name != actual.name) {
        return QStringLiteral("name is \"%1\", expected \"%2\"").arg(actual.name, expected.name);
    }
    QStringList keys = expected.values.keys() + actual.values.keys();
    keys.sort();
    keys.removeDuplicates();
    for (const QString &key : std::as_const(keys)) {
        const QVariant want = expected.values.value(key);
        const QVariant have = actual.values.value(key);
        if (want != have) {
            return QStringLiteral("%1 is \"%2\", expected \"%3\"")
                .arg(key, valueText(have), valueText(want));
        }
    }
    QStringList lists = expected.lists.keys() + actual.lists.keys();
    lists.sort();
    lists.removeDuplicates();
    for (const QString &list : std::as_const(lists)) {
        const QList<ListRow> want = expected.lists.value(list);
        const QList<ListRow> have = actual.lists.value(list);
        if (want.size() != have.size()) {
            return QStringLiteral("%1 has %2 rows, expected %3")
                .arg(list)
                .arg(have.size())
                .arg(want.size());
        }
        for (qsizetype i = 0; i < want.size(); ++i) {
            if (want.at(i).id != have.at(i).id) {
                return QStringLiteral("%1 row %2 has id %3, expected %4")
                    .arg(list)
                    .arg(i)
                    .arg(have.at(i).id)
                    .arg(want.at(i).id);
            }
            if (want.at(i).cells != have.at(i).cells) {
                return QStringLiteral("%1 row %2 (id %3) has other cells than expected")
                    .arg(list)
                    .arg(i)
                    .arg(want.at(i).id);
            }
        }
    }
    return expected == actual ? QString() : QStringLiteral("the contents differ");
}

/** Runs fixed SQL that returns rows; the rows' first columns, joined by "; ". */
Result<QString> query(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        return Error{
            ErrorCode::Internal, QString::fromUtf8(sqlite3_errmsg(db)), QString::fromUtf8(sql)};
    }
    QStringList rows;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        rows.append(text ? QString::fromUtf8(text) : QStringLiteral("NULL"));
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        return Error{
            ErrorCode::Internal, QString::fromUtf8(sqlite3_errmsg(db)), QString::fromUtf8(sql)};
    }
    return rows.join(QStringLiteral("; "));
}

/** integrity_check, foreign_key_check, application_id and user_version, as any program sees them.
 */
QString checkFile(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return QStringLiteral("sqlite3_open: ") + message;
    }
    const struct
    {
        const char *sql;
        QString expected;
    } checks[] = {
        {"PRAGMA integrity_check", QStringLiteral("ok")},
        {"PRAGMA foreign_key_check", QString()},
        {"PRAGMA application_id", QString::number(kApplicationId)},
        {"PRAGMA user_version", QString::number(Schema::standard().currentVersion())},
    };
    QString problem;
    for (const auto &check : checks) {
        auto result = query(db, check.sql);
        if (!result) {
            problem =
                QStringLiteral("%1: %2").arg(QString::fromUtf8(check.sql), result.error().message);
            break;
        }
        if (result.value() != check.expected) {
            problem =
                QStringLiteral("%1 returned \"%2\", expected \"%3\"")
                    .arg(QString::fromUtf8(check.sql), valueText(result.value()), check.expected);
            break;
        }
    }
    sqlite3_close(db);
    return problem;
}

/** The file change counter (header offset 24), raised by one with every commit in rollback mode. */
quint32 changeCounter(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QByteArray header = file.read(28);
    return header.size() < 28 ? 0 : qFromBigEndian<quint32>(header.constData() + 24);
}

enum class JournalState { None, Cold, Hot };

/**
 * What SQLite makes of a rollback journal beside the file: hot when its first byte is not
 * zero (pager.c, hasHotJournal). In synchronous FULL or EXTRA mode the journal's magic number
 * is written only once its pages are synced, so a journal that is all zeros at the start was
 * cut short before the database file itself was touched.
 */
JournalState journalState(const QString &journal)
{
    QFile file(journal);
    if (!file.open(QIODevice::ReadOnly)) {
        return JournalState::None;
    }
    const QByteArray first = file.read(1);
    return first.isEmpty() || first.at(0) == 0 ? JournalState::Cold : JournalState::Hot;
}

QString journalName(JournalState state)
{
    switch (state) {
    case JournalState::None:
        return QStringLiteral("none");
    case JournalState::Cold:
        return QStringLiteral("cold");
    case JournalState::Hot:
        return QStringLiteral("hot");
    }
    return QString();
}

/** A folder for the replay: tmpfs when there is one, since the replay's fsyncs prove nothing. */
QString scratchBase()
{
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    return shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath();
}

int verify(const Definition &definition, const QString &path, quint32 seed, qint64 acked)
{
    if (!QFileInfo::exists(path)) {
        return fail(QStringLiteral("%1 does not exist").arg(path));
    }
    const QString journal = path + QStringLiteral("-journal");
    const JournalState before = journalState(journal);

    // The file as the application finds it after the crash (this rolls back a hot journal).
    WorkbookContent found;
    {
        auto opened = Workbook::open(path, definition);
        if (!opened) {
            return fail(QStringLiteral("open after the crash: ") + describe(opened.error()));
        }
        if (opened.value()->isReadOnly()) {
            return fail(QStringLiteral("opens read-only after the crash: ")
                        + opened.value()->readOnlyReason());
        }
        found = opened.value()->content();
    }
    // A cold journal (never synced, so the file was never touched) stays until the next write;
    // a hot one must have been rolled back.
    if (journalState(journal) == JournalState::Hot) {
        return fail(QStringLiteral("the hot journal is still there after the workbook was opened"));
    }
    if (const QString problem = checkFile(path); !problem.isEmpty()) {
        return fail(problem);
    }

    const quint32 foundCounter = changeCounter(path);

    // The same stream, replayed into a fresh workbook: edits 1..acked must all be in the
    // file, edit acked+1 may be (its COMMIT can finish just before the kill), nothing later.
    // Content alone could not tell apart two states that happen to be equal (a row inserted,
    // then removed), so the file change counter, which every commit raises by one, must
    // match the replay's as well.
    QTemporaryDir scratch(scratchBase() + QStringLiteral("/wbtool-replay-XXXXXX"));
    if (!scratch.isValid()) {
        return fail(QStringLiteral("no scratch folder: ") + scratch.errorString());
    }
    const QString replayPath = scratch.filePath(QStringLiteral("replay.rallybook"));
    auto created = Workbook::create(replayPath, definition, initialContent(definition));
    if (!created) {
        return fail(QStringLiteral("replay: create: ") + describe(created.error()));
    }
    Workbook &replay = *created.value();
    quint32 replayCounter = changeCounter(replayPath);
    EditStream stream(seed);
    auto replayEdit = [&](qint64 n) -> QString {
        QString what;
        if (auto done = stream.apply(replay, n, &what); !done) {
            return QStringLiteral("replay: edit %1 (%2): %3")
                .arg(n)
                .arg(what, describe(done.error()));
        }
        const quint32 counter = changeCounter(replayPath);
        if (counter != replayCounter + 1) {
            // An edit that commits nothing would be acknowledged without a COMMIT.
            return QStringLiteral("replay: edit %1 (%2) made %3 commits, not one")
                .arg(n)
                .arg(what)
                .arg(qint64(counter) - qint64(replayCounter));
        }
        replayCounter = counter;
        return QString();
    };
    auto compare = [&]() {
        const QString different = difference(replay.content(), found);
        if (!different.isEmpty() || foundCounter == replayCounter) {
            return different;
        }
        return QStringLiteral("the same content, but %1 commits more")
            .arg(qint64(foundCounter) - qint64(replayCounter));
    };
    for (qint64 n = 1; n <= acked; ++n) {
        if (const QString problem = replayEdit(n); !problem.isEmpty()) {
            return fail(problem);
        }
    }
    const QString journalWord = journalName(before);
    const QString missing = compare();
    if (missing.isEmpty()) {
        say(QStringLiteral("OK acked=%1 holds=%1 journal=%2").arg(acked).arg(journalWord));
        return 0;
    }
    if (const QString problem = replayEdit(acked + 1); !problem.isEmpty()) {
        return fail(problem);
    }
    const QString beyond = compare();
    if (beyond.isEmpty()) {
        say(QStringLiteral("OK acked=%1 holds=%2 journal=%3")
                .arg(acked)
                .arg(acked + 1)
                .arg(journalWord));
        return 0;
    }
    return fail(QStringLiteral("the file holds neither edits 1..%1 nor 1..%2: against 1..%1, %3; "
                               "against 1..%2, %4")
                    .arg(acked)
                    .arg(acked + 1)
                    .arg(missing, beyond));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wbtool"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Crash-safety driver for Rallybook workbooks.\n"
        "  stress --db FILE --seed S [--count N]   apply edits, print \"ACK n\" after each commit\n"
        "  verify --db FILE --seed S --acked N     check a file left by a killed stress run"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("stress or verify"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("The workbook file."), QStringLiteral("FILE"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Seed of the edit stream."), QStringLiteral("S"));
    const QCommandLineOption countOption(
        QStringLiteral("count"),
        QStringLiteral("stress: stop after N edits (default: never)."),
        QStringLiteral("N"));
    const QCommandLineOption ackedOption(
        QStringLiteral("acked"),
        QStringLiteral("verify: the last ACK the stress run printed."),
        QStringLiteral("N"));
    parser.addOptions({dbOption, seedOption, countOption, ackedOption});
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    bool seedOk = false;
    const quint32 seed = parser.value(seedOption).toUInt(&seedOk);
    if (positional.size() != 1 || !parser.isSet(dbOption) || !seedOk) {
        std::fputs("usage: wbtool stress|verify --db FILE --seed S [--count N | --acked N]\n",
                   stderr);
        return kUsage;
    }
    const QString path = QFileInfo(parser.value(dbOption)).absoluteFilePath();

    auto definition = Definition::standard();
    if (!definition) {
        return fail(QStringLiteral("definition: ") + describe(definition.error()));
    }
    if (command == QLatin1String("stress")) {
        qint64 count = -1;
        if (parser.isSet(countOption)) {
            bool ok = false;
            count = parser.value(countOption).toLongLong(&ok);
            if (!ok || count < 0) {
                std::fputs("wbtool: --count needs a number of edits\n", stderr);
                return kUsage;
            }
        }
        return stress(definition.value(), path, seed, count);
    }
    if (command == QLatin1String("verify")) {
        bool ok = false;
        const qint64 acked = parser.value(ackedOption).toLongLong(&ok);
        if (!ok || acked < 0) {
            std::fputs("wbtool: verify needs --acked N\n", stderr);
            return kUsage;
        }
        return verify(definition.value(), path, seed, acked);
    }
    std::fputs("wbtool: the command is stress or verify\n", stderr);
    return kUsage;
}
