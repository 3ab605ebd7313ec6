// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workbook.h"

#include "core/fileutil.h"
#include "core/sqlite.h"
#include "core/value.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryFile>
#include <QtEndian>

#include <fmt/format.h>
#include <sqlite3.h>

namespace Rallybook::Core {

namespace {

using namespace std::chrono_literals;

QString tr(const char *text)
{
    return QCoreApplication::translate("Rallybook::Core::Workbook", text);
}

QString quoted(const QString &path)
{
    return QStringLiteral("\u201c%1\u201d").arg(QFileInfo(path).fileName());
}

// The first 100 bytes of every SQLite file (fileformat2.html, "The Database Header").
struct Header
{
    quint32 pageSize = 0;
    quint8 readVersion = 0;
    quint32 pageCount = 0;
    bool pageCountValid = false;
    qint32 userVersion = 0;
    qint32 applicationId = 0;
};

Header parseHeader(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    Header header;
    header.pageSize = qFromBigEndian<quint16>(data + 16);
    if (header.pageSize == 1) {
        header.pageSize = 65536;
    }
    header.readVersion = data[19];
    header.pageCount = qFromBigEndian<quint32>(data + 28);
    header.pageCountValid =
        header.pageCount > 0
        && qFromBigEndian<quint32>(data + 24) == qFromBigEndian<quint32>(data + 92);
    header.userVersion = qFromBigEndian<qint32>(data + 60);
    header.applicationId = qFromBigEndian<qint32>(data + 68);
    return header;
}

Error fileError(ErrorCode code,
                const QString &path,
                const QString &problem,
                const QString &detail = {})
{
    return Error{
        code,
        tr("Rallybook cannot open %1: %2. The file was not changed.").arg(quoted(path), problem),
        detail.isEmpty() ? path : path + QStringLiteral(": ") + detail};
}

/**
 * True when a rollback journal beside `path` is one SQLite would play back: it exists and its
 * first byte is not zero (pager.c, hasHotJournal). With synchronous FULL or EXTRA the journal's
 * magic number is written only after its pages are synced, so a journal that starts with zeros
 * was cut short before the database file itself was touched.
 */
bool hasHotJournal(const QString &path)
{
    QFile journal(path + QStringLiteral("-journal"));
    if (!journal.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray first = journal.read(1);
    return !first.isEmpty() && first.at(0) != 0;
}

/**
 * Reads the 100-byte header and checks what can be checked before SQLite opens the file.
 * With `journalPending` the file's size is not held against its header: while a hot journal
 * waits to be rolled back, page 1 may already say how large the file was about to become.
 */
Result<Header> inspectHeader(const QString &absolute, bool journalPending)
{
    QFile file(absolute);
    if (!file.open(QIODevice::ReadOnly)) {
        return fileError(file.error() == QFileDevice::PermissionsError ? ErrorCode::ReadOnly
                                                                       : ErrorCode::Io,
                         absolute,
                         tr("it cannot be read (%1)").arg(file.errorString()));
    }
    const qint64 size = file.size();
    const QByteArray headerBytes = file.read(100);
    file.close();
    static const QByteArray magic("SQLite format 3\0", 16);
    if (size == 0) {
        return fileError(ErrorCode::NotAWorkbook,
                         absolute,
                         tr("the file is empty (0 bytes), so it holds no workbook"));
    }
    if (!headerBytes.startsWith(magic.left(qMin<qsizetype>(16, headerBytes.size())))
        || headerBytes.size() < 16) {
        return fileError(ErrorCode::NotAWorkbook,
                         absolute,
                         tr("it is not a Rallybook workbook (not an SQLite database)"));
    }
    if (headerBytes.size() < 100) {
        return fileError(
            ErrorCode::Truncated, absolute, tr("the file is truncated (only %1 bytes)").arg(size));
    }
    const Header header = parseHeader(headerBytes);
    const bool pageSizeValid = header.pageSize >= 512 && header.pageSize <= 65536
                               && (header.pageSize & (header.pageSize - 1)) == 0;
    if (!pageSizeValid) {
        return fileError(ErrorCode::Damaged,
                         absolute,
                         tr("its header is damaged"),
                         QStringLiteral("page size %1").arg(header.pageSize));
    }
    if (!journalPending
        && (size % header.pageSize != 0
            || (header.pageCountValid
                && quint64(size) < quint64(header.pageCount) * header.pageSize))) {
        return fileError(
            ErrorCode::Truncated,
            absolute,
            tr("the file is truncated: it holds %1 bytes, fewer than its header promises")
                .arg(size));
    }
    if (header.applicationId != kApplicationId) {
        return fileError(
            ErrorCode::ForeignFile,
            absolute,
            tr("it is an SQLite database of another program, not a Rallybook workbook"),
            QStringLiteral("application_id %1").arg(header.applicationId));
    }
    if (header.userVersion < 1) {
        return fileError(ErrorCode::Damaged, absolute, tr("its schema version is missing"));
    }
    return header;
}

/**
 * Lets SQLite play back the hot journal beside a workbook, as it does on the first read of a
 * database: the file returns to its last committed state and the journal is deleted.
 */
Result<void> rollBackInterruptedWrite(const QString &absolute)
{
    auto connection = Sql::Connection::open(absolute, {});
    if (!connection) {
        return connection.error();
    }
    Sql::TimeLimit limit(connection.value(), 20s);
    auto read = connection->scalar("PRAGMA user_version");
    if (!read) {
        return read.error();
    }
    return {};
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

const char *kSettingPrefix = "setting:";

} // namespace

class Workbook::Private
{
public:
    Sql::Connection db;
    QHash<qint64, QString> rowField; // row id -> list field id
    QSet<QString> needsRenumber;     // lists whose stored positions are not 0..n-1
};

Workbook::Workbook(const Definition &definition)
    : m_definition(definition)
    , d(std::make_unique<Private>())
{}

Workbook::~Workbook() = default;

QString Workbook::path() const
{
    return d->db.path();
}

Result<std::unique_ptr<Workbook>>
Workbook::open(const QString &path, const Definition &definition, WorkbookOptions options)
{
    const Schema &schema = options.schema ? *options.schema : Schema::standard();
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    if (path.isEmpty()) {
        return Error{ErrorCode::NotFound, tr("No workbook file was named."), QString()};
    }
    if (!info.exists()) {
        return Error{ErrorCode::NotFound,
                     tr("Rallybook cannot open %1: there is no such file in %2.")
                         .arg(quoted(absolute), QDir::toNativeSeparators(info.absolutePath())),
                     absolute};
    }
    if (info.isDir()) {
        return fileError(
            ErrorCode::NotAWorkbook, absolute, tr("it is a folder, not a workbook file"));
    }

    // Look at the header ourselves before SQLite touches the file.
    const QFileInfo folder(info.absolutePath());
    const bool mayWrite = !options.readOnly && info.isWritable() && folder.isWritable();
    auto inspected = inspectHeader(absolute, hasHotJournal(absolute));
    if (!inspected) {
        return inspected.error();
    }
    if (hasHotJournal(absolute) && mayWrite) {
        // A write was cut short (a crash, kill -9, a power cut): the file may hold part of it,
        // and the journal beside it what to undo. Let SQLite roll it back, then look again.
        if (auto rolledBack = rollBackInterruptedWrite(absolute); !rolledBack) {
            return fileError(rolledBack.error().code,
                             absolute,
                             tr("a change that was interrupted could not be undone (%1)")
                                 .arg(rolledBack.error().message),
                             rolledBack.error().detail);
        }
        inspected = inspectHeader(absolute, hasHotJournal(absolute));
        if (!inspected) {
            return inspected.error();
        }
    }
    const Header header = inspected.value();

    auto workbook = std::unique_ptr<Workbook>(new Workbook(definition));
    workbook->m_schemaVersion = header.userVersion;
    const bool newer = header.userVersion > schema.currentVersion();
    if (newer) {
        workbook->m_readOnly = true;
        workbook->m_readOnlyReason =
            tr("This workbook was saved by a newer version of Rallybook (file format %1; this "
               "version writes format %2). You can read it here; to change it, open it in the "
               "newer Rallybook.")
                .arg(header.userVersion)
                .arg(schema.currentVersion());
    } else if (options.readOnly) {
        workbook->m_readOnly = true;
        workbook->m_readOnlyReason = tr("This workbook is open for reading only.");
    } else if (!info.isWritable()) {
        workbook->m_readOnly = true;
        workbook->m_readOnlyReason =
            tr("You do not have permission to change this file, so it is open for reading only.");
    } else if (!folder.isWritable()) {
        workbook->m_readOnly = true;
        workbook->m_readOnlyReason =
            tr("The folder that holds this file cannot be written to, so the workbook is open "
               "for reading only.");
    }

    auto connection = Sql::Connection::open(absolute, {.readOnly = workbook->m_readOnly});
    if (!connection) {
        return fileError(connection.error().code,
                         absolute,
                         connection.error().message,
                         connection.error().detail);
    }
    Sql::Connection &db = connection.value();
    {
        Sql::TimeLimit limit(db, 20s);
        auto checked = db.scalar("PRAGMA quick_check(1)");
        if (!checked) {
            return fileError(
                ErrorCode::Damaged, absolute, tr("the file is damaged"), checked.error().detail);
        }
        if (checked->toString() != QLatin1String("ok")) {
            return fileError(
                ErrorCode::Damaged, absolute, tr("the file is damaged"), checked->toString());
        }
        auto version = db.scalar("PRAGMA user_version");
        auto appId = db.scalar("PRAGMA application_id");
        if (!version || !appId || appId->toLongLong() != kApplicationId
            || version->toInt() != header.userVersion) {
            return fileError(ErrorCode::Damaged, absolute, tr("its header is damaged"));
        }
    }
    {
        Sql::TimeLimit limit(db, 2s);
        if (newer) {
            // A newer schema may add objects; it must still hold ours for us to read it.
            auto verified = schema.verify(db, schema.currentVersion());
            if (!verified && verified.error().detail.startsWith(QLatin1String("missing"))) {
                return fileError(ErrorCode::NewerVersion,
                                 absolute,
                                 tr("it was saved by a newer version of Rallybook in a format "
                                    "this version cannot read"),
                                 verified.error().detail);
            }
        } else if (auto verified = schema.verify(db, header.userVersion); !verified) {
            return fileError(ErrorCode::ForeignFile,
                             absolute,
                             verified.error().message,
                             verified.error().detail);
        }
    }

    if (header.userVersion < schema.currentVersion()) {
        if (workbook->m_readOnly) {
            return fileError(ErrorCode::ReadOnly,
                             absolute,
                             tr("it was made by an older Rallybook and must be upgraded, but it "
                                "cannot be written to"));
        }
        // Keep a copy of the file as it was before the upgrade (KeePassXC does the same).
        const QString backup = QStringLiteral("%1/%2.v%3-backup.rallybook")
                                   .arg(info.absolutePath(), info.completeBaseName())
                                   .arg(header.userVersion);
        workbook->d->db = std::move(db);
        if (auto copied = workbook->saveCopyAs(backup); !copied) {
            return fileError(copied.error().code,
                             absolute,
                             tr("it must be upgraded, and the copy made before upgrading could "
                                "not be written: %1")
                                 .arg(copied.error().message),
                             copied.error().detail);
        }
        workbook->m_backupPath = backup;
        if (auto migrated = schema.migrate(workbook->d->db, header.userVersion); !migrated) {
            return fileError(migrated.error().code,
                             absolute,
                             tr("upgrading it failed (%1); the copy %2 holds it as it was")
                                 .arg(migrated.error().message, quoted(backup)),
                             migrated.error().detail);
        }
        workbook->m_schemaVersion = schema.currentVersion();
    } else {
        workbook->d->db = std::move(db);
    }

    // Durability (RELIABILITY.md P1). Setting DELETE on a file already in rollback mode writes
    // nothing; a file someone switched to WAL is left in WAL.
    Sql::Connection &live = workbook->d->db;
    if (header.readVersion == 1 && !workbook->m_readOnly) {
        (void)live.exec("PRAGMA journal_mode = DELETE");
    }
    (void)live.exec("PRAGMA synchronous = EXTRA");
    (void)live.exec("PRAGMA foreign_keys = ON");

    if (auto loaded = workbook->load(); !loaded) {
        return fileError(
            loaded.error().code, absolute, loaded.error().message, loaded.error().detail);
    }
    return workbook;
}

Result<void> Workbook::load()
{
    Sql::Connection &db = d->db;
    Sql::TimeLimit limit(db, 10s);

    auto meta = db.prepare("SELECT key, value FROM meta");
    if (!meta) {
        return meta.error();
    }
    QString framework;
    for (;;) {
        auto row = meta->step();
        if (!row) {
            return row.error();
        }
        if (!row.value()) {
            break;
        }
        const QString key = meta->columnText(0);
        if (key == QLatin1String("name")) {
            m_name = meta->columnText(1);
        } else if (key == QLatin1String("framework")) {
            framework = meta->columnText(1);
        } else if (key.startsWith(QLatin1String(kSettingPrefix))) {
            m_settings.insert(key.mid(int(qstrlen(kSettingPrefix))), meta->column(1));
        }
    }
    if (framework != m_definition.id()) {
        return Error{ErrorCode::ForeignFile,
                     tr("it was made for the framework \u201c%1\u201d, not \u201c%2\u201d")
                         .arg(framework, m_definition.id()),
                     QString()};
    }

    // Values of fields this definition does not know stay in the file untouched.
    auto values = db.prepare("SELECT field_id, value FROM field_value");
    if (!values) {
        return values.error();
    }
    for (;;) {
        auto row = values->step();
        if (!row) {
            return row.error();
        }
        if (!row.value()) {
            break;
        }
        const Field *field = m_definition.field(values->columnText(0));
        if (field && field->isScalar()) {
            const QVariant value = Values::fromStorage(*field, values->column(1));
            if (!Values::isEmpty(value)) {
                m_values.insert(field->id, value);
            }
        }
    }

    auto rows = db.prepare("SELECT row_id, field_id, position FROM list_row "
                           "ORDER BY field_id, position, row_id");
    if (!rows) {
        return rows.error();
    }
    QHash<qint64, QPair<QString, int>> where;
    for (;;) {
        auto row = rows->step();
        if (!row) {
            return row.error();
        }
        if (!row.value()) {
            break;
        }
        const qint64 rowId = rows->columnInt(0);
        const QString fieldId = rows->columnText(1);
        const Field *field = m_definition.field(fieldId);
        if (!field || field->type != FieldType::List) {
            continue;
        }
        QList<ListRow> &list = m_lists[fieldId];
        if (rows->columnInt(2) != list.size()) {
            d->needsRenumber.insert(fieldId);
        }
        where.insert(rowId, {fieldId, int(list.size())});
        list.append(ListRow{rowId, {}});
        d->rowField.insert(rowId, fieldId);
    }

    auto cells = db.prepare("SELECT row_id, column_id, value FROM list_cell");
    if (!cells) {
        return cells.error();
    }
    for (;;) {
        auto row = cells->step();
        if (!row) {
            return row.error();
        }
        if (!row.value()) {
            break;
        }
        const auto place = where.constFind(cells->columnInt(0));
        if (place == where.constEnd()) {
            continue;
        }
        const Field *column = m_definition.field(place->first)->column(cells->columnText(1));
        if (!column) {
            continue;
        }
        const QVariant value = Values::fromStorage(*column, cells->column(2));
        if (!Values::isEmpty(value)) {
            m_lists[place->first][place->second].cells.insert(column->id, value);
        }
    }

    if (m_schemaVersion >= 2) {
        auto drafts =
            db.prepare("SELECT draft_id, name, created, body FROM draft ORDER BY draft_id");
        if (!drafts) {
            return drafts.error();
        }
        for (;;) {
            auto row = drafts->step();
            if (!row) {
                return row.error();
            }
            if (!row.value()) {
                break;
            }
            QDateTime created = QDateTime::fromString(drafts->columnText(2), Qt::ISODate);
            m_drafts.append(Draft{drafts->columnInt(0),
                                  drafts->columnText(1),
                                  created.toUTC(),
                                  drafts->columnText(3)});
        }
    }
    return {};
}

// --- Reading -------------------------------------------------------------------------------

QVariant Workbook::value(const QString &fieldId) const
{
    return m_values.value(fieldId);
}

const QList<ListRow> &Workbook::rows(const QString &fieldId) const
{
    static const QList<ListRow> none;
    const auto it = m_lists.constFind(fieldId);
    return it == m_lists.constEnd() ? none : it.value();
}

int Workbook::rowIndex(const QString &fieldId, qint64 rowId) const
{
    const QList<ListRow> &list = rows(fieldId);
    for (int i = 0; i < list.size(); ++i) {
        if (list.at(i).id == rowId) {
            return i;
        }
    }
    return -1;
}

bool Workbook::isFilled(const QString &fieldId) const
{
    const Field *field = m_definition.field(fieldId);
    if (!field) {
        return false;
    }
    if (field->type == FieldType::Group) {
        for (const Field &part : field->parts) {
            if (!isFilled(part.id)) {
                return false;
            }
        }
        return true;
    }
    if (field->type == FieldType::List) {
        return !rows(fieldId).isEmpty();
    }
    return m_values.contains(fieldId);
}

WorkbookContent Workbook::content() const
{
    WorkbookContent content;
    content.name = m_name;
    content.values = m_values;
    for (auto it = m_lists.constBegin(); it != m_lists.constEnd(); ++it) {
        if (!it->isEmpty()) {
            content.lists.insert(it.key(), it.value());
        }
    }
    return content;
}

QVariant Workbook::setting(const QString &key) const
{
    return m_settings.value(key);
}

// --- Writing -------------------------------------------------------------------------------

Result<void> Workbook::writable() const
{
    if (m_readOnly) {
        return Error{ErrorCode::ReadOnly, m_readOnlyReason, path()};
    }
    // Writing to a file that was renamed or deleted under us would lose the edit silently
    // (RELIABILITY.md P3).
    int moved = 0;
    if (sqlite3_file_control(d->db.handle(), "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK
        && moved) {
        return Error{
            ErrorCode::Io, tr("the file was moved, renamed or deleted while it was open"), path()};
    }
    return {};
}

Error Workbook::writeError(const Error &cause) const
{
    if (cause.code == ErrorCode::InvalidValue || cause.code == ErrorCode::UnknownField) {
        return cause;
    }
    return Error{cause.code,
                 tr("Your last change could not be saved in %1: %2. Everything saved before it "
                    "is safe in the file.")
                     .arg(quoted(path()), cause.message),
                 cause.detail};
}

const Field *Workbook::listField(const QString &fieldId, Error *error) const
{
    const Field *field = m_definition.field(fieldId);
    if (!field || field->type != FieldType::List) {
        *error = Error{ErrorCode::UnknownField,
                       tr("The framework has no list \u201c%1\u201d.").arg(fieldId),
                       fieldId};
        return nullptr;
    }
    return field;
}

namespace {

/** Runs `body` inside one BEGIN IMMEDIATE transaction, also stamping the modification time. */
template<typename Body>
Result<void> inTransaction(Sql::Connection &db, Body body)
{
    Sql::TimeLimit limit(db, 2s);
    Sql::Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun;
    }
    if (auto done = body(); !done) {
        return done;
    }
    auto stamp = db.cached("INSERT INTO meta (key, value) VALUES ('modified', ?1) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!stamp) {
        return stamp.error();
    }
    (*stamp)->bind(1, nowIso());
    if (auto done = (*stamp)->run(); !done) {
        return done;
    }
    return transaction.commit();
}

Result<void> renumber(Sql::Connection &db, const QString &fieldId, const QList<ListRow> &rows)
{
    auto update = db.cached("UPDATE list_row SET position = ?1 WHERE row_id = ?2");
    if (!update) {
        return update.error();
    }
    for (int i = 0; i < rows.size(); ++i) {
        (*update)->reset();
        (*update)->bind(1, qint64(i));
        (*update)->bind(2, rows.at(i).id);
        if (auto done = (*update)->run(); !done) {
            return done;
        }
    }
    Q_UNUSED(fieldId);
    return {};
}

Result<void>
writeCell(Sql::Connection &db, qint64 rowId, const Field &column, const QVariant &value)
{
    if (Values::isEmpty(value)) {
        auto remove = db.cached("DELETE FROM list_cell WHERE row_id = ?1 AND column_id = ?2");
        if (!remove) {
            return remove.error();
        }
        (*remove)->bind(1, rowId);
        (*remove)->bind(2, column.id);
        return (*remove)->run();
    }
    auto upsert = db.cached("INSERT INTO list_cell (row_id, column_id, value) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (row_id, column_id) DO UPDATE SET value = excluded.value");
    if (!upsert) {
        return upsert.error();
    }
    (*upsert)->bind(1, rowId);
    (*upsert)->bind(2, column.id);
    (*upsert)->bind(3, Values::toStorage(column, value));
    return (*upsert)->run();
}

Result<void> writeValue(Sql::Connection &db, const Field &field, const QVariant &value)
{
    if (Values::isEmpty(value)) {
        auto remove = db.cached("DELETE FROM field_value WHERE field_id = ?1");
        if (!remove) {
            return remove.error();
        }
        (*remove)->bind(1, field.id);
        return (*remove)->run();
    }
    auto upsert = db.cached("INSERT INTO field_value (field_id, value) VALUES (?1, ?2) "
                            "ON CONFLICT (field_id) DO UPDATE SET value = excluded.value");
    if (!upsert) {
        return upsert.error();
    }
    (*upsert)->bind(1, field.id);
    (*upsert)->bind(2, Values::toStorage(field, value));
    return (*upsert)->run();
}

Result<void> writeMeta(Sql::Connection &db, const QString &key, const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        auto remove = db.cached("DELETE FROM meta WHERE key = ?1");
        if (!remove) {
            return remove.error();
        }
        (*remove)->bind(1, key);
        return (*remove)->run();
    }
    auto upsert = db.cached("INSERT INTO meta (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!upsert) {
        return upsert.error();
    }
    (*upsert)->bind(1, key);
    (*upsert)->bind(2, value);
    return (*upsert)->run();
}

/** Checks cells against their columns and returns them in canonical form. */
Result<QVariantHash> normalizeCells(const Field &list, const QVariantHash &cells)
{
    QVariantHash normalized;
    for (auto it = cells.constBegin(); it != cells.constEnd(); ++it) {
        const Field *column = list.column(it.key());
        if (!column) {
            return Error{
                ErrorCode::UnknownField,
                QCoreApplication::translate("Rallybook::Core::Workbook",
                                            "The list \u201c%1\u201d has no column \u201c%2\u201d.")
                    .arg(list.label, it.key()),
                list.id + u'.' + it.key()};
        }
        auto value = Values::normalize(*column, it.value());
        if (!value) {
            return value.error();
        }
        if (!Values::isEmpty(value.value())) {
            normalized.insert(column->id, value.value());
        }
    }
    return normalized;
}

Result<void> insertRowRecord(Sql::Connection &db,
                             const Field &list,
                             qint64 rowId,
                             int position,
                             const QVariantHash &cells,
                             qint64 *newId)
{
    auto insert =
        db.cached("INSERT INTO list_row (row_id, field_id, position) VALUES (?1, ?2, ?3)");
    if (!insert) {
        return insert.error();
    }
    if (rowId > 0) {
        (*insert)->bind(1, rowId);
    } else {
        (*insert)->bindNull(1);
    }
    (*insert)->bind(2, list.id);
    (*insert)->bind(3, qint64(position));
    if (auto done = (*insert)->run(); !done) {
        return done;
    }
    *newId = db.lastInsertRowId();
    for (auto it = cells.constBegin(); it != cells.constEnd(); ++it) {
        if (auto done = writeCell(db, *newId, *list.column(it.key()), it.value()); !done) {
            return done;
        }
    }
    return {};
}

} // namespace

Result<void> Workbook::commit(const std::function<Result<void>()> &body)
{
    Result<void> done = writable();
    if (done) {
        done = inTransaction(d->db, body);
    }
    if (!done) {
        const Error error = writeError(done.error());
        emit writeFailed(error);
        return error;
    }
    return {};
}

Result<void> Workbook::setName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed == m_name) {
        return {};
    }
    if (trimmed.isEmpty() || trimmed.size() > 200 || trimmed.contains(u'\n')) {
        return Error{ErrorCode::InvalidValue,
                     tr("A workbook name must be one line of 1 to 200 characters."),
                     QString()};
    }
    if (auto done = commit([&] {
            return writeMeta(d->db, QStringLiteral("name"), trimmed);
        });
        !done) {
        return done.error();
    }
    m_name = trimmed;
    emit nameChanged();
    return {};
}

Result<void> Workbook::setSetting(const QString &key, const QVariant &value)
{
    if (m_settings.value(key) == value) {
        return {};
    }
    if (auto done = commit([&] {
            return writeMeta(d->db, QLatin1String(kSettingPrefix) + key, value);
        });
        !done) {
        return done.error();
    }
    if (value.isValid() && !value.isNull()) {
        m_settings.insert(key, value);
    } else {
        m_settings.remove(key);
    }
    emit settingChanged(key);
    return {};
}

const Draft *Workbook::draft(qint64 draftId) const
{
    for (const Draft &draft : m_drafts) {
        if (draft.id == draftId) {
            return &draft;
        }
    }
    return nullptr;
}

Result<qint64> Workbook::addDraft(const Draft &draft)
{
    const QString name = draft.name.trimmed();
    if (name.isEmpty() || name.size() > 200 || name.contains(u'\n')) {
        return Error{ErrorCode::InvalidValue,
                     tr("A draft name must be one line of 1 to 200 characters."),
                     QString()};
    }
    if (draft.id > 0 && this->draft(draft.id)) {
        return Error{ErrorCode::Internal,
                     tr("A draft with this id already exists."),
                     QString::number(draft.id)};
    }
    const QDateTime created =
        draft.created.isValid() ? draft.created.toUTC() : QDateTime::currentDateTimeUtc();
    qint64 newId = 0;
    if (auto done = commit([&]() -> Result<void> {
            auto insert = d->db.cached(
                "INSERT INTO draft (draft_id, name, created, body) VALUES (?1, ?2, ?3, ?4)");
            if (!insert) {
                return insert.error();
            }
            if (draft.id > 0) {
                (*insert)->bind(1, draft.id);
            } else {
                (*insert)->bindNull(1);
            }
            (*insert)->bind(2, name);
            (*insert)->bind(3, created.toString(Qt::ISODate));
            (*insert)->bind(4, draft.body);
            if (auto inserted = (*insert)->run(); !inserted) {
                return inserted;
            }
            newId = d->db.lastInsertRowId();
            return {};
        });
        !done) {
        return done.error();
    }
    // Keep the list ordered by id, so that a draft put back by undo returns to its place.
    Draft kept{newId, name, created, draft.body};
    auto at = std::find_if(m_drafts.begin(), m_drafts.end(), [newId](const Draft &other) {
        return other.id > newId;
    });
    m_drafts.insert(at, kept);
    emit draftAdded(newId);
    return newId;
}

Result<void> Workbook::removeDraft(qint64 draftId)
{
    if (!draft(draftId)) {
        return Error{
            ErrorCode::UnknownField, tr("That draft no longer exists."), QString::number(draftId)};
    }
    if (auto done = commit([&]() -> Result<void> {
            auto remove = d->db.cached("DELETE FROM draft WHERE draft_id = ?1");
            if (!remove) {
                return remove.error();
            }
            (*remove)->bind(1, draftId);
            return (*remove)->run();
        });
        !done) {
        return done.error();
    }
    m_drafts.removeIf([draftId](const Draft &draft) {
        return draft.id == draftId;
    });
    emit draftRemoved(draftId);
    return {};
}

Result<void> Workbook::setValue(const QString &fieldId, const QVariant &value)
{
    const Field *field = m_definition.field(fieldId);
    if (!field || !field->isScalar()) {
        return Error{
            ErrorCode::UnknownField,
            tr("The framework has no field \u201c%1\u201d that holds a single value.").arg(fieldId),
            fieldId};
    }
    auto normalized = Values::normalize(*field, value);
    if (!normalized) {
        return normalized.error();
    }
    if (m_values.value(fieldId) == normalized.value()) {
        return {};
    }
    if (auto done = commit([&] {
            return writeValue(d->db, *field, normalized.value());
        });
        !done) {
        return done.error();
    }
    if (Values::isEmpty(normalized.value())) {
        m_values.remove(fieldId);
    } else {
        m_values.insert(fieldId, normalized.value());
    }
    emit valueChanged(fieldId);
    return {};
}

Result<qint64>
Workbook::insertRow(const QString &fieldId, int index, const QVariantHash &cells, qint64 rowId)
{
    Error error;
    const Field *field = listField(fieldId, &error);
    if (!field) {
        return error;
    }
    auto normalized = normalizeCells(*field, cells);
    if (!normalized) {
        return normalized.error();
    }
    if (rowId > 0 && d->rowField.contains(rowId)) {
        return Error{
            ErrorCode::Internal, tr("A row with this id already exists."), QString::number(rowId)};
    }
    QList<ListRow> &list = m_lists[fieldId];
    index = std::clamp(index, 0, int(list.size()));
    qint64 newId = 0;
    if (auto done = commit([&]() -> Result<void> {
            if (d->needsRenumber.contains(fieldId)) {
                if (auto renumbered = renumber(d->db, fieldId, list); !renumbered) {
                    return renumbered;
                }
            }
            auto shift = d->db.cached("UPDATE list_row SET position = position + 1 "
                                      "WHERE field_id = ?1 AND position >= ?2");
            if (!shift) {
                return shift.error();
            }
            (*shift)->bind(1, fieldId);
            (*shift)->bind(2, qint64(index));
            if (auto shifted = (*shift)->run(); !shifted) {
                return shifted;
            }
            return insertRowRecord(d->db, *field, rowId, index, normalized.value(), &newId);
        });
        !done) {
        return done.error();
    }
    d->needsRenumber.remove(fieldId);
    emit rowAboutToBeInserted(fieldId, index);
    list.insert(index, ListRow{newId, normalized.value()});
    d->rowField.insert(newId, fieldId);
    emit rowInserted(fieldId, index);
    return newId;
}

Result<void> Workbook::removeRow(const QString &fieldId, qint64 rowId)
{
    Error error;
    if (!listField(fieldId, &error)) {
        return error;
    }
    const int index = rowIndex(fieldId, rowId);
    if (index < 0) {
        return Error{
            ErrorCode::UnknownField, tr("That row no longer exists."), QString::number(rowId)};
    }
    QList<ListRow> &list = m_lists[fieldId];
    if (auto done = commit([&]() -> Result<void> {
            if (d->needsRenumber.contains(fieldId)) {
                if (auto renumbered = renumber(d->db, fieldId, list); !renumbered) {
                    return renumbered;
                }
            }
            auto remove = d->db.cached("DELETE FROM list_row WHERE row_id = ?1");
            if (!remove) {
                return remove.error();
            }
            (*remove)->bind(1, rowId);
            if (auto removed = (*remove)->run(); !removed) {
                return removed;
            }
            auto shift = d->db.cached("UPDATE list_row SET position = position - 1 "
                                      "WHERE field_id = ?1 AND position > ?2");
            if (!shift) {
                return shift.error();
            }
            (*shift)->bind(1, fieldId);
            (*shift)->bind(2, qint64(index));
            return (*shift)->run();
        });
        !done) {
        return done.error();
    }
    d->needsRenumber.remove(fieldId);
    emit rowAboutToBeRemoved(fieldId, index);
    list.removeAt(index);
    d->rowField.remove(rowId);
    emit rowRemoved(fieldId, index);
    return {};
}

Result<void> Workbook::moveRow(const QString &fieldId, qint64 rowId, int toIndex)
{
    Error error;
    if (!listField(fieldId, &error)) {
        return error;
    }
    const int from = rowIndex(fieldId, rowId);
    if (from < 0) {
        return Error{
            ErrorCode::UnknownField, tr("That row no longer exists."), QString::number(rowId)};
    }
    QList<ListRow> &list = m_lists[fieldId];
    const int to = std::clamp(toIndex, 0, int(list.size()) - 1);
    if (from == to) {
        return {};
    }
    if (auto done = commit([&]() -> Result<void> {
            if (d->needsRenumber.contains(fieldId)) {
                if (auto renumbered = renumber(d->db, fieldId, list); !renumbered) {
                    return renumbered;
                }
            }
            auto shift = d->db.cached("UPDATE list_row SET position = position + ?1 "
                                      "WHERE field_id = ?2 AND position BETWEEN ?3 AND ?4");
            if (!shift) {
                return shift.error();
            }
            (*shift)->bind(1, qint64(from < to ? -1 : 1));
            (*shift)->bind(2, fieldId);
            (*shift)->bind(3, qint64(std::min(from, to)));
            (*shift)->bind(4, qint64(std::max(from, to)));
            if (auto shifted = (*shift)->run(); !shifted) {
                return shifted;
            }
            auto place = d->db.cached("UPDATE list_row SET position = ?1 WHERE row_id = ?2");
            if (!place) {
                return place.error();
            }
            (*place)->bind(1, qint64(to));
            (*place)->bind(2, rowId);
            return (*place)->run();
        });
        !done) {
        return done.error();
    }
    d->needsRenumber.remove(fieldId);
    emit rowAboutToBeMoved(fieldId, from, to);
    list.move(from, to);
    emit rowMoved(fieldId, from, to);
    return {};
}

Result<void> Workbook::setCell(const QString &fieldId,
                               qint64 rowId,
                               const QString &columnId,
                               const QVariant &value)
{
    Error error;
    const Field *field = listField(fieldId, &error);
    if (!field) {
        return error;
    }
    const int index = rowIndex(fieldId, rowId);
    if (index < 0) {
        return Error{
            ErrorCode::UnknownField, tr("That row no longer exists."), QString::number(rowId)};
    }
    const Field *column = field->column(columnId);
    if (!column) {
        return Error{
            ErrorCode::UnknownField,
            tr("The list \u201c%1\u201d has no column \u201c%2\u201d.").arg(field->label, columnId),
            fieldId + u'.' + columnId};
    }
    auto normalized = Values::normalize(*column, value);
    if (!normalized) {
        return normalized.error();
    }
    ListRow &row = m_lists[fieldId][index];
    if (row.cells.value(columnId) == normalized.value()) {
        return {};
    }
    if (auto done = commit([&] {
            return writeCell(d->db, rowId, *column, normalized.value());
        });
        !done) {
        return done.error();
    }
    if (Values::isEmpty(normalized.value())) {
        row.cells.remove(columnId);
    } else {
        row.cells.insert(columnId, normalized.value());
    }
    emit cellChanged(fieldId, rowId, columnId);
    return {};
}

// --- Whole files ---------------------------------------------------------------------------

namespace {

/** A temporary file in `folder` that is removed on destruction unless released. */
class TemporaryPath
{
public:
    explicit TemporaryPath(const QString &folder, const QString &baseName)
    {
        QTemporaryFile file(QStringLiteral("%1/.%2.XXXXXX.part").arg(folder, baseName));
        file.setAutoRemove(false);
        if (file.open()) {
            m_path = file.fileName();
            m_error = QString();
        } else {
            m_error = file.errorString();
        }
    }
    ~TemporaryPath()
    {
        if (!m_path.isEmpty() && !m_released) {
            QFile::remove(m_path);
            QFile::remove(m_path + QStringLiteral("-journal"));
        }
    }
    TemporaryPath(const TemporaryPath &) = delete;
    TemporaryPath &operator=(const TemporaryPath &) = delete;

    const QString &path() const { return m_path; }
    const QString &error() const { return m_error; }
    void release() { m_released = true; }

private:
    QString m_path;
    QString m_error;
    bool m_released = false;
};

/**
 * Removes what SQLite keeps beside a database (rollback journal, WAL and WAL index) at `target`
 * before a new file is renamed there. Left behind by a file that crashed and was then deleted
 * or is being replaced, a hot journal or a WAL would be played into the new file the first time
 * it is opened, putting the old pages in place of the new ones.
 */
Result<void> removeStaleCompanions(const QString &target)
{
    bool removed = false;
    for (const char *suffix : {"-journal", "-wal", "-shm"}) {
        auto gone = Files::removeIfPresent(target + QLatin1String(suffix));
        if (!gone) {
            return gone.error();
        }
        removed = removed || gone.value();
    }
    // The removal must reach the disk before the rename can.
    return removed ? Files::syncDirectory(QFileInfo(target).absolutePath()) : Result<void>();
}

Error targetError(const QString &target,
                  const QString &problem,
                  ErrorCode code,
                  const QString &detail = {})
{
    return Error{
        code,
        QCoreApplication::translate("Rallybook::Core::Workbook", "Rallybook cannot write %1: %2.")
            .arg(quoted(target), problem),
        detail.isEmpty() ? target : detail};
}

/** Checks a target path for a new file: its folder exists, and it is no folder or link. */
Result<void> checkTarget(const QString &target, bool replace)
{
    const QFileInfo info(target);
    if (!QFileInfo(info.absolutePath()).isDir()) {
        return targetError(target,
                           tr("the folder %1 does not exist").arg(info.absolutePath()),
                           ErrorCode::NotFound);
    }
    if (info.isSymLink()) {
        return targetError(
            target, tr("it is a symbolic link; choose the real file instead"), ErrorCode::Exists);
    }
    if (info.isDir()) {
        return targetError(target, tr("it is a folder"), ErrorCode::Exists);
    }
    if (info.exists() && !replace) {
        return targetError(target,
                           tr("a file of that name already exists and was left as it is"),
                           ErrorCode::Exists);
    }
    return {};
}

} // namespace

Result<void> Workbook::saveCopyAs(const QString &target) const
{
    const QFileInfo info(target);
    const QString absolute = info.absoluteFilePath();
    const QFileInfo self(path());
    const bool same =
        absolute == self.absoluteFilePath()
        || (info.exists() && self.exists() && info.canonicalFilePath() == self.canonicalFilePath());
    if (same) {
        return targetError(absolute, tr("it is the workbook that is open"), ErrorCode::Exists);
    }
    if (auto ok = checkTarget(absolute, true); !ok) {
        return ok;
    }
    TemporaryPath temporary(info.absolutePath(), info.fileName());
    if (temporary.path().isEmpty()) {
        return targetError(absolute,
                           tr("no file can be created in that folder (%1)").arg(temporary.error()),
                           ErrorCode::ReadOnly);
    }
    auto destination = Sql::Connection::open(temporary.path(), {});
    if (!destination) {
        return targetError(absolute,
                           destination.error().message,
                           destination.error().code,
                           destination.error().detail);
    }
    (void)destination->exec("PRAGMA synchronous = EXTRA");
    sqlite3_backup *backup =
        sqlite3_backup_init(destination->handle(), "main", d->db.handle(), "main");
    if (!backup) {
        const Error error = destination->lastError(QStringLiteral("backup"));
        return targetError(absolute, error.message, error.code, error.detail);
    }
    int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        const Error error = destination->lastError(QStringLiteral("backup"));
        return targetError(absolute, error.message, Sql::errorCodeFor(rc), error.detail);
    }
    destination->close();
    if (auto synced = Files::syncFile(temporary.path()); !synced) {
        return targetError(
            absolute, synced.error().message, synced.error().code, synced.error().detail);
    }
    if (auto removed = removeStaleCompanions(absolute); !removed) {
        return targetError(
            absolute, removed.error().message, removed.error().code, removed.error().detail);
    }
    if (auto renamed = Files::rename(temporary.path(), absolute, true); !renamed) {
        return targetError(
            absolute, renamed.error().message, renamed.error().code, renamed.error().detail);
    }
    temporary.release();
    if (auto synced = Files::syncDirectory(info.absolutePath()); !synced) {
        return targetError(
            absolute, synced.error().message, synced.error().code, synced.error().detail);
    }
    return {};
}

Result<std::unique_ptr<Workbook>> Workbook::create(const QString &target,
                                                   const Definition &definition,
                                                   const WorkbookContent &content,
                                                   bool replace)
{
    const QFileInfo info(target);
    const QString absolute = info.absoluteFilePath();
    if (target.isEmpty()) {
        return Error{ErrorCode::NotFound, tr("No workbook file was named."), QString()};
    }
    if (auto ok = checkTarget(absolute, replace); !ok) {
        return ok.error();
    }

    // Check everything before any file is made, so that bad content writes nothing.
    QString name = content.name.trimmed();
    if (name.isEmpty()) {
        name = info.completeBaseName();
    }
    QList<QPair<const Field *, QVariant>> values;
    for (auto it = content.values.constBegin(); it != content.values.constEnd(); ++it) {
        const Field *field = definition.field(it.key());
        if (!field || !field->isScalar()) {
            return Error{ErrorCode::UnknownField,
                         tr("The framework has no field \u201c%1\u201d.").arg(it.key()),
                         it.key()};
        }
        auto value = Values::normalize(*field, it.value());
        if (!value) {
            return value.error();
        }
        values.append({field, value.value()});
    }
    QList<QPair<const Field *, QList<QVariantHash>>> lists;
    for (auto it = content.lists.constBegin(); it != content.lists.constEnd(); ++it) {
        const Field *field = definition.field(it.key());
        if (!field || field->type != FieldType::List) {
            return Error{ErrorCode::UnknownField,
                         tr("The framework has no list \u201c%1\u201d.").arg(it.key()),
                         it.key()};
        }
        QList<QVariantHash> rows;
        for (const ListRow &row : it.value()) {
            auto cells = normalizeCells(*field, row.cells);
            if (!cells) {
                return cells.error();
            }
            rows.append(cells.value());
        }
        lists.append({field, rows});
    }

    TemporaryPath temporary(info.absolutePath(), info.fileName());
    if (temporary.path().isEmpty()) {
        return targetError(absolute,
                           tr("no file can be created in that folder (%1)").arg(temporary.error()),
                           ErrorCode::ReadOnly);
    }
    {
        auto connection = Sql::Connection::open(temporary.path(), {});
        if (!connection) {
            return targetError(absolute,
                               connection.error().message,
                               connection.error().code,
                               connection.error().detail);
        }
        Sql::Connection &db = connection.value();
        (void)db.exec("PRAGMA journal_mode = DELETE");
        (void)db.exec("PRAGMA synchronous = EXTRA");
        (void)db.exec("PRAGMA foreign_keys = ON");
        if (auto created = Schema::standard().create(db); !created) {
            return targetError(
                absolute, created.error().message, created.error().code, created.error().detail);
        }
        auto written = inTransaction(db, [&]() -> Result<void> {
            const QString now = nowIso();
            for (const auto &[key, value] :
                 {std::pair{QStringLiteral("framework"), QVariant(definition.id())},
                  std::pair{QStringLiteral("frameworkVersion"), QVariant(definition.version())},
                  std::pair{QStringLiteral("name"), QVariant(name)},
                  std::pair{QStringLiteral("created"), QVariant(now)}}) {
                if (auto done = writeMeta(db, key, value); !done) {
                    return done;
                }
            }
            for (const auto &[field, value] : std::as_const(values)) {
                if (auto done = writeValue(db, *field, value); !done) {
                    return done;
                }
            }
            for (const auto &[field, rows] : std::as_const(lists)) {
                for (int i = 0; i < rows.size(); ++i) {
                    qint64 rowId = 0;
                    if (auto done = insertRowRecord(db, *field, 0, i, rows.at(i), &rowId); !done) {
                        return done;
                    }
                }
            }
            return {};
        });
        if (!written) {
            return targetError(
                absolute, written.error().message, written.error().code, written.error().detail);
        }
    }
    // Without `replace`, a journal whose database is gone is an orphan; one beside an existing
    // file belongs to it, and the rename below fails anyway.
    if (replace || !QFileInfo::exists(absolute)) {
        if (auto removed = removeStaleCompanions(absolute); !removed) {
            return targetError(
                absolute, removed.error().message, removed.error().code, removed.error().detail);
        }
    }
    if (auto renamed = Files::rename(temporary.path(), absolute, replace); !renamed) {
        const ErrorCode code = renamed.error().code;
        return targetError(absolute,
                           code == ErrorCode::Exists
                               ? tr("a file of that name already exists and was left as it is")
                               : renamed.error().message,
                           code,
                           renamed.error().detail);
    }
    temporary.release();
    if (auto synced = Files::syncDirectory(info.absolutePath()); !synced) {
        return targetError(
            absolute, synced.error().message, synced.error().code, synced.error().detail);
    }
    return open(absolute, definition);
}

} // namespace Rallybook::Core
