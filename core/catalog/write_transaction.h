// SPDX-License-Identifier: MIT
#pragma once
// Private to mb_catalog: SQL errors as messages for people, and write transactions that wait
// their turn instead of failing when another process is writing.

#include "core/base/error.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>

namespace mb::catalog_detail {

/// The SQL a connection speaks. Statements are written in the part both share; where they
/// differ (schema, locking, error codes) the code asks this.
enum class SqlDialect { Sqlite, Postgres };

SqlDialect dialectOf(const QSqlDatabase &db);

/// SQLite's primary result code behind a QtSql error (5 = SQLITE_BUSY, 8 = SQLITE_READONLY,
/// ...), or 0 when the error did not come from SQLite.
int sqliteCode(const QSqlError &error);

/// True for SQLITE_BUSY and SQLITE_LOCKED: another connection holds a lock we need.
bool isBusy(const QSqlError &error);

/// An Error about the catalog file (or another file) at `path`.
Error catalogError(ErrorCode code, std::string message, const QString &path);

/// The message a user sees when writes keep finding another writer at work.
Error busyError(const QString &path);
Error readOnlyError(const QString &path);
Error damagedError(const QString &path, const QString &detail);
Error notDatabaseError(const QString &path);

/// One SQL failure as an Error naming the catalog; busy, read-only, damaged and disk-full
/// failures (and, on a server, lost connections and refused logins) get their own words,
/// anything else "catalog error: <what the database said>".
Error sqlError(const QSqlError &error, const QString &path,
               SqlDialect dialect = SqlDialect::Sqlite);

/// Why connecting to a catalog server failed, from what libpq said (Error::field is
/// kPasswordField when a password is missing or wrong).
Error serverConnectError(const QSqlError &error, const QString &location);

/// Prepares `sql`, binds `values` to its '?' placeholders in order and executes it, forward
/// only. User input reaches SQL only this way, never by building the statement text (on
/// PostgreSQL the driver's own escaping turns the values into literals, as QPSQL does for
/// EXECUTE).
Expected<QSqlQuery> runQuery(QSqlDatabase &db, const QString &path, const QString &sql,
                             const QVariantList &values = {});

/// How write transactions start. Immediate takes the write lock at BEGIN, so a transaction
/// that reads and then writes never finds its snapshot stale; Deferred is plain "BEGIN" (what
/// QSqlDatabase::transaction() issues), kept only to show in tests why it is wrong.
enum class BeginMode { Immediate, Deferred };

/// TEST HOOK: Deferred when the environment variable MB_CATALOG_DEFERRED_BEGIN is 1, else
/// Immediate. tst_catalog_concurrency sets it to show that two writers then lose changes.
BeginMode beginModeForWrites();

/// How long a write keeps trying to start. Each attempt already waits up to the connection's
/// busy timeout inside SQLite (on a server: lock_timeout for the catalog's write lock);
/// between attempts we back off (with jitter) and try again.
struct WriteRetry
{
    int attempts = 8;
    int lockTimeoutMs = 5000; ///< server only; SQLite's busy timeout is set on the connection
    int firstBackoffMs = 25;
    int maxBackoffMs = 2000;
};

/// Runs `body` in one write transaction: BEGIN IMMEDIATE (retried while the catalog is busy),
/// body, COMMIT. On PostgreSQL: BEGIN, then the catalog's transaction-scoped advisory lock
/// (pg_advisory_xact_lock), which serialises writers across every client of the database the
/// way SQLite's write lock does across processes. On any failure the transaction is rolled back and nothing of it stays.
/// Success is reported only after COMMIT has returned, so an acknowledged change survives a
/// crash of this process. After the last attempt: busyError(path).
Expected<void> runWriteTransaction(QSqlDatabase &db, const QString &path,
                                   const std::function<Expected<void>()> &body,
                                   const WriteRetry &retry = {});

/// Runs `body` in one read transaction (a consistent snapshot for multi-query reads).
Expected<void> runReadTransaction(QSqlDatabase &db, const QString &path,
                                  const std::function<Expected<void>()> &body);

} // namespace mb::catalog_detail
