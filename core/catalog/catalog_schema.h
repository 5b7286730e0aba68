// SPDX-License-Identifier: MIT
#pragma once
// Private to mb_catalog (and its tests): the catalog's SQL schema, how to recognise it, and the
// ordered list of migrations that bring an older catalog up to date.

#include "core/base/error.h"
#include "core/catalog/write_transaction.h"

#include <QSqlDatabase>
#include <QString>

#include <cstdint>

namespace mb::catalog_detail {

/// PRAGMA application_id of every ModelBench catalog: "MBCT" in ASCII.
inline constexpr std::int32_t kApplicationId = 0x4D424354;

/// PRAGMA user_version (PostgreSQL: modelbench_catalog.schema_version) this build writes and the highest it reads. History:
///   1  models, versions, blobs, tags, aliases, events (append-only)
///   2  versions.accuracy (filled from the metrics JSON) for sorting; events indexed by model
inline constexpr int kSchemaVersion = 2;

/// What a catalog database holds: on SQLite from its header and sqlite_schema, on PostgreSQL
/// from the modelbench_catalog table (key application = 'MBCT', key schema_version) and the
/// relations in the connection's current schema.
struct SchemaState
{
    SqlDialect dialect = SqlDialect::Sqlite;
    std::int64_t applicationId = 0;
    int userVersion = 0;
    int objectCount = 0; ///< tables, indexes, views, triggers
};

Expected<SchemaState> inspectSchema(QSqlDatabase &db, const QString &path);

/// Refuses a database that is someone else's or made by a newer ModelBench.
Expected<void> checkSchema(const SchemaState &state, const QString &path);

/// SQLite only: PRAGMA quick_check; anything but "ok" (or a read failing on the way) is damagedError.
Expected<void> quickCheck(QSqlDatabase &db, const QString &path);

/// Brings the database up to kSchemaVersion in one write transaction: every pending migration,
/// in order, then user_version. Either all of it happens or nothing does. Safe to run from two
/// processes at once (the second finds the work done). `testFailAfter` (a test hook; 0 = off)
/// makes the migration to that version fail after its statements ran.
Expected<void> migrate(QSqlDatabase &db, const QString &path, int testFailAfter = 0);

} // namespace mb::catalog_detail
