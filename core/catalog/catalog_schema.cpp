// SPDX-License-Identifier: MIT
#include "core/catalog/catalog_schema.h"

#include "core/catalog/write_transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

#include <array>
#include <span>

namespace mb::catalog_detail {

namespace {

// Version 1: the first catalog. Version numbers are per model and never reused
// (models.last_version); bytes live apart from their metadata (blobs) so that listing never
// reads them; events are never updated or deleted (triggers) and name no foreign keys, so that
// they outlive the models they describe.
constexpr std::array kSchema1 {
    "CREATE TABLE models ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " name TEXT NOT NULL UNIQUE,"
    " last_version INTEGER NOT NULL DEFAULT 0 CHECK (last_version >= 0))",

    "CREATE TABLE versions ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,"
    " version INTEGER NOT NULL CHECK (version >= 1),"
    " algo TEXT NOT NULL,"
    " classes TEXT NOT NULL," // JSON array of class names
    " dataset_name TEXT NOT NULL,"
    " dataset_fingerprint TEXT NOT NULL," // 16 hex digits
    " rows INTEGER NOT NULL,"
    " metrics TEXT NOT NULL," // JSON object
    " created TEXT NOT NULL," // when the model was made (from its file)
    " registered TEXT NOT NULL," // when it entered the catalog
    " size INTEGER NOT NULL,"
    " sha256 TEXT NOT NULL,"
    " archive TEXT NOT NULL,"
    " format_version INTEGER NOT NULL,"
    " description TEXT NOT NULL DEFAULT '',"
    " UNIQUE (model_id, version))",

    "CREATE TABLE blobs ("
    " version_id INTEGER PRIMARY KEY REFERENCES versions(id) ON DELETE CASCADE,"
    " bytes BLOB NOT NULL)",

    "CREATE TABLE tags ("
    " version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,"
    " tag TEXT NOT NULL,"
    " PRIMARY KEY (version_id, tag)) WITHOUT ROWID",
    "CREATE INDEX tags_by_tag ON tags(tag)",

    "CREATE TABLE aliases ("
    " model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,"
    " alias TEXT NOT NULL,"
    " version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,"
    " PRIMARY KEY (model_id, alias)) WITHOUT ROWID",
    "CREATE INDEX aliases_by_version ON aliases(version_id)",

    "CREATE TABLE events ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " time TEXT NOT NULL," // UTC, ISO 8601 with milliseconds
    " event TEXT NOT NULL,"
    " model_id INTEGER,"
    " name TEXT NOT NULL,"
    " version INTEGER,"
    " subject TEXT NOT NULL DEFAULT ''," // the tag or alias concerned
    " detail TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX events_by_name ON events(name)",
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
    " BEGIN SELECT RAISE(ABORT, 'the catalog event log is append-only'); END",
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
    " BEGIN SELECT RAISE(ABORT, 'the catalog event log is append-only'); END",
};

// Version 2: a numeric accuracy column to sort on, and events found by model (history and
// aliasAt follow a model through renames by its id).
constexpr std::array kSchema2 {
    "ALTER TABLE versions ADD COLUMN accuracy REAL",
    "CREATE INDEX events_by_model ON events(model_id, id)",
};

Expected<void> runAll(QSqlDatabase &db, const QString &path,
                      std::span<const char *const> statements)
{
    for (const char *sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(QString::fromLatin1(sql)))
            return std::unexpected(sqlError(query.lastError(), path));
    }
    return {};
}

Expected<void> migrateTo1(QSqlDatabase &db, const QString &path)
{
    return runAll(db, path, kSchema1);
}

Expected<void> migrateTo2(QSqlDatabase &db, const QString &path)
{
    if (auto done = runAll(db, path, kSchema2); !done)
        return done;
    // Fill the new column from what version 1 kept as JSON.
    auto rows = runQuery(db, path, QStringLiteral("SELECT id, metrics FROM versions"));
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<std::pair<qint64, double>> accuracies;
    while (rows->next()) {
        const QJsonObject metrics = QJsonDocument::fromJson(rows->value(1).toByteArray()).object();
        const QJsonValue accuracy = metrics.value(QStringLiteral("accuracy"));
        if (accuracy.isDouble())
            accuracies.emplace_back(rows->value(0).toLongLong(), accuracy.toDouble());
    }
    rows->finish();
    for (const auto &[id, accuracy] : accuracies) {
        auto updated
            = runQuery(db, path, QStringLiteral("UPDATE versions SET accuracy = ? WHERE id = ?"),
                       {accuracy, id});
        if (!updated)
            return std::unexpected(updated.error());
    }
    return {};
}

struct Migration
{
    int toVersion;
    Expected<void> (*apply)(QSqlDatabase &db, const QString &path);
};

// Ordered; append only. A released step is never edited: fix forward with a new one.
constexpr std::array kMigrations {
    Migration {1, migrateTo1},
    Migration {2, migrateTo2},
};
static_assert(kMigrations.back().toVersion == kSchemaVersion);

Expected<qint64> pragmaInteger(QSqlDatabase &db, const QString &path, const QString &sql)
{
    auto query = runQuery(db, path, sql);
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::unexpected(sqlError(query->lastError(), path));
    return query->value(0).toLongLong();
}

} // namespace

Expected<SchemaState> inspectSchema(QSqlDatabase &db, const QString &path)
{
    SchemaState state;
    auto appId = pragmaInteger(db, path, QStringLiteral("PRAGMA application_id"));
    if (!appId)
        return std::unexpected(appId.error());
    auto version = pragmaInteger(db, path, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return std::unexpected(version.error());
    // sqlite_master is the name every SQLite version knows (sqlite_schema came in 3.33).
    auto objects = pragmaInteger(
        db, path,
        QStringLiteral(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!'"));
    if (!objects)
        return std::unexpected(objects.error());
    state.applicationId = *appId;
    state.userVersion = static_cast<int>(*version);
    state.objectCount = static_cast<int>(*objects);
    return state;
}

Expected<void> checkSchema(const SchemaState &state, const QString &path)
{
    const bool empty = state.applicationId == 0 && state.userVersion == 0 && state.objectCount == 0;
    if (!empty && state.applicationId != kApplicationId) {
        return std::unexpected(
            catalogError(ErrorCode::Format,
                         "This file is an SQLite database but not a ModelBench catalog (it holds "
                         "other tables). Choose another file for the catalog.",
                         path));
    }
    if (state.userVersion > kSchemaVersion) {
        return std::unexpected(
            catalogError(ErrorCode::Unsupported,
                         "This catalog was made by a newer ModelBench (schema "
                             + std::to_string(state.userVersion) + "); this build reads up to "
                             + std::to_string(kSchemaVersion) + ". Please update ModelBench.",
                         path));
    }
    return {};
}

Expected<void> quickCheck(QSqlDatabase &db, const QString &path)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)"))) {
        const QSqlError error = query.lastError();
        return std::unexpected(sqliteCode(error) == 26 ? notDatabaseError(path)
                                                       : damagedError(path, error.databaseText()));
    }
    if (!query.next())
        return std::unexpected(damagedError(path, query.lastError().databaseText()));
    const QString verdict = query.value(0).toString();
    if (verdict != QLatin1String("ok"))
        return std::unexpected(damagedError(path, verdict));
    return {};
}

Expected<void> migrate(QSqlDatabase &db, const QString &path, int testFailAfter)
{
    return runWriteTransaction(db, path, [&]() -> Expected<void> {
        // Read again under the write lock: another process may have migrated meanwhile.
        auto state = inspectSchema(db, path);
        if (!state)
            return std::unexpected(state.error());
        if (auto ok = checkSchema(*state, path); !ok)
            return ok;
        if (state->userVersion == kSchemaVersion && state->applicationId == kApplicationId)
            return {};
        for (const Migration &step : kMigrations) {
            if (step.toVersion <= state->userVersion)
                continue;
            if (auto done = step.apply(db, path); !done)
                return done;
            if (step.toVersion == testFailAfter) {
                return std::unexpected(catalogError(
                    ErrorCode::Internal,
                    "migration to schema " + std::to_string(step.toVersion) + " failed (test hook)",
                    path));
            }
        }
        // PRAGMA takes no bound values; both numbers are our own constants.
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId))
            || !query.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)))
            return std::unexpected(sqlError(query.lastError(), path));
        return {};
    });
}

} // namespace mb::catalog_detail
