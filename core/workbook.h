// SPDX-FileCopyrightText: 2026 Rallybook contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/definition.h"
#include "core/result.h"
#include "core/schema.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace Rallybook::Core {

/** One row of a list field. `id` is stable for the life of the workbook; cells by column id. */
struct ListRow
{
    qint64 id = 0;
    QVariantHash cells;

    bool operator==(const ListRow &other) const = default;
};

/** A named snapshot of the manifesto (TL4), kept in the workbook ("Save draft as..."). */
struct Draft
{
    qint64 id = 0;
    QString name;
    QDateTime created; ///< UTC
    QString body;

    bool operator==(const Draft &other) const = default;
};

/** A workbook's content detached from any file: what JSON import and export exchange. */
struct WorkbookContent
{
    QString name;
    QHash<QString, QVariant> values;      ///< scalar fields and parts, canonical values
    QHash<QString, QList<ListRow>> lists; ///< list fields; row ids are ignored on import

    bool operator==(const WorkbookContent &other) const = default;
};

/** How a workbook file is opened. */
struct WorkbookOptions
{
    /** Open for reading only, even if the file could be written. */
    bool readOnly = false;
    /** The schema to expect; tests pass older or newer ones. */
    const Schema *schema = nullptr;
};

/**
 * A workbook: one SQLite file holding the answers to a framework definition.
 *
 * There is no unsaved state: every write method commits its own `BEGIN IMMEDIATE` transaction
 * before it returns, and the in-memory copy changes only after the commit succeeded. Reads are
 * served from memory. After a change, a fine-grained signal tells views what changed.
 */
class Workbook : public QObject
{
    Q_OBJECT

public:
    ~Workbook() override;

    /**
     * Opens an existing workbook. Never creates or changes the file before it has been checked:
     * its header, application id, schema version, integrity and schema. A file written by a
     * newer Rallybook opens read-only (see readOnlyReason()). A file of an older schema is
     * copied beside itself (NAME.vN-backup.rallybook) and then migrated.
     */
    static Result<std::unique_ptr<Workbook>>
    open(const QString &path, const Definition &definition, WorkbookOptions options = {});
    /**
     * Creates a new workbook at `path` holding `content`, in one transaction. The file is built
     * under a temporary name in the same folder and renamed into place only when complete, so a
     * failure leaves nothing behind. Refuses to replace an existing file unless `replace`.
     */
    static Result<std::unique_ptr<Workbook>> create(const QString &path,
                                                    const Definition &definition,
                                                    const WorkbookContent &content,
                                                    bool replace = false);

    const Definition &definition() const { return m_definition; }
    QString path() const;
    QString name() const { return m_name; }
    bool isReadOnly() const { return m_readOnly; }
    /** Why the workbook is read-only, for the window to show; empty when it is writable. */
    QString readOnlyReason() const { return m_readOnlyReason; }
    int schemaVersion() const { return m_schemaVersion; }
    /** Where the pre-migration copy was written, if opening migrated the file. */
    QString migrationBackupPath() const { return m_backupPath; }

    /** The value of a scalar field or part; a null QVariant when empty. */
    QVariant value(const QString &fieldId) const;
    /** The rows of a list field, in order. */
    const QList<ListRow> &rows(const QString &fieldId) const;
    /** Position of a row in its list, or -1. */
    int rowIndex(const QString &fieldId, qint64 rowId) const;
    /** True when the field (or every part of a group) holds something. */
    bool isFilled(const QString &fieldId) const;
    /** Everything, detached from the file. */
    WorkbookContent content() const;

    Result<void> setName(const QString &name);
    /** Sets a scalar field or part; an empty value clears it. */
    Result<void> setValue(const QString &fieldId, const QVariant &value);
    /**
     * Inserts a row at `index` (clamped to the list). `rowId` 0 picks a new id; a former id
     * (from undo) puts the same row back. Returns the row's id.
     */
    Result<qint64>
    insertRow(const QString &fieldId, int index, const QVariantHash &cells = {}, qint64 rowId = 0);
    Result<void> removeRow(const QString &fieldId, qint64 rowId);
    Result<void> moveRow(const QString &fieldId, qint64 rowId, int toIndex);
    Result<void>
    setCell(const QString &fieldId, qint64 rowId, const QString &columnId, const QVariant &value);
    /** Workbook settings that are not answers (wizard page, export profiles), by key. */
    QVariant setting(const QString &key) const;
    /** Sets a setting; a null QVariant removes it. Emits settingChanged() after the commit. */
    Result<void> setSetting(const QString &key, const QVariant &value);

    /** The manifesto drafts, oldest first. */
    const QList<Draft> &drafts() const { return m_drafts; }
    /** The draft with this id, or nullptr. */
    const Draft *draft(qint64 draftId) const;
    /**
     * Keeps a draft. `draft.id` 0 picks a new id; a former id (from undo) puts the same draft
     * back. A null `created` means now. Returns the draft's id.
     */
    Result<qint64> addDraft(const Draft &draft);
    Result<void> removeDraft(qint64 draftId);

    /**
     * Writes a complete copy to `path` through SQLite's backup API: into a temporary file in
     * the target folder, synced, then renamed over the target and the folder synced. The open
     * workbook stays this one.
     */
    Result<void> saveCopyAs(const QString &path) const;

signals:
    void nameChanged();
    void valueChanged(const QString &fieldId);
    /** Emitted after the commit, just before the in-memory list changes (for item models). */
    void rowAboutToBeInserted(const QString &fieldId, int index);
    void rowInserted(const QString &fieldId, int index);
    void rowAboutToBeRemoved(const QString &fieldId, int index);
    void rowRemoved(const QString &fieldId, int index);
    void rowAboutToBeMoved(const QString &fieldId, int from, int to);
    void rowMoved(const QString &fieldId, int from, int to);
    void cellChanged(const QString &fieldId, qint64 rowId, const QString &columnId);
    void settingChanged(const QString &key);
    void draftAdded(qint64 draftId);
    void draftRemoved(qint64 draftId);
    /** A write failed; the workbook keeps everything committed before. */
    void writeFailed(const Rallybook::Core::Error &error);

private:
    class Private;
    explicit Workbook(const Definition &definition);

    Result<void> load();
    Result<void> writable() const;
    /** Runs `body` in one transaction if the workbook may be written; reports failures. */
    Result<void> commit(const std::function<Result<void>()> &body);
    Error writeError(const Error &cause) const;
    const Field *listField(const QString &fieldId, Error *error) const;

    Definition m_definition;
    std::unique_ptr<Private> d;
    QString m_name;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    int m_schemaVersion = 0;
    QString m_backupPath;
    QHash<QString, QVariant> m_values;
    QHash<QString, QList<ListRow>> m_lists;
    QHash<QString, QVariant> m_settings;
    QList<Draft> m_drafts;
};

} // namespace Rallybook::Core
