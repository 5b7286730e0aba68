// SPDX-License-Identifier: MIT
#include "core/catalog/write_transaction.h"

#include "core/catalog/catalog.h"
#include "core/catalog/catalog_schema.h"

#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlField>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <optional>

namespace mb::catalog_detail {

namespace {

constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteNotADatabase = 26;

/// Executes one statement that returns no rows; the error as SQLite reported it.
std::optional<QSqlError> execute(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return std::nullopt;
    return query.lastError();
}

/// PostgreSQL's SQLSTATE of a failure ("40001"), or an empty string.
QString sqlState(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code.size() == 5 ? code : QString();
}

/// A statement failed because another client holds the catalog's write lock for too long.
bool isServerBusy(const QSqlError &error)
{
    const QString state = sqlState(error);
    return state == QLatin1String("55P03") // lock_not_available (lock_timeout)
        || state == QLatin1String("40001") // serialization_failure
        || state == QLatin1String("40P01"); // deadlock_detected
}

Error serverError(const QSqlError &error, const QString &location)
{
    const QString state = sqlState(error);
    const std::string said = (error.databaseText().isEmpty() ? error.text() : error.databaseText())
                                 .simplified()
                                 .toStdString();
    if (isServerBusy(error))
        return busyError(location);
    if (state == QLatin1String("25006") || state == QLatin1String("42501")) {
        return catalogError(ErrorCode::Io,
                            "The catalog server refused the change: your database user may not "
                            "write to this catalog (" + said + "). Your change was not saved.",
                            location);
    }
    if (state == QLatin1String("53100")) {
        return catalogError(ErrorCode::Io,
                            "The disk of the catalog server is full. Your change was not saved.",
                            location);
    }
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P"))
        || (state.isEmpty() && error.type() == QSqlError::ConnectionError)) {
        return catalogError(ErrorCode::Io,
                            "Lost the connection to the catalog server (" + said
                                + "). Anything not yet confirmed was not saved; try again.",
                            location);
    }
    return catalogError(ErrorCode::Io, "catalog error: " + said, location);
}

void rollback(QSqlDatabase &db)
{
    // Fails harmlessly when SQLite has already rolled back on its own (e.g. after SQLITE_FULL).
    execute(db, QStringLiteral("ROLLBACK"));
}

} // namespace

Error catalogError(ErrorCode code, std::string message, const QString &path)
{
    return Error {code, std::move(message), path.toStdString(), 0, 0, {}};
}

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    // Extended result codes (SQLITE_BUSY_SNAPSHOT = 517, ...) keep the primary code in the low
    // byte.
    return ok ? (code & 0xFF) : 0;
}

bool isBusy(const QSqlError &error)
{
    const int code = sqliteCode(error);
    return code == kSqliteBusy || code == kSqliteLocked;
}

Error busyError(const QString &path)
{
    return catalogError(ErrorCode::Io,
                        "The catalog is busy (another ModelBench is writing). Your change was not "
                        "saved; try again.",
                        path);
}

Error readOnlyError(const QString &path)
{
    return catalogError(ErrorCode::Io,
                        "The catalog is read-only (no write permission on the file or its folder). "
                        "Your change was not saved. Make the file writable, or work on a copy.",
                        path);
}

Error damagedError(const QString &path, const QString &detail)
{
    return catalogError(ErrorCode::Format,
                        "The catalog is damaged (" + detail.simplified().toStdString()
                            + "). ModelBench will not write to it; restore it from a backup, or "
                              "export the versions that can still be read.",
                        path);
}

Error notDatabaseError(const QString &path)
{
    return catalogError(ErrorCode::Format,
                        "This file is not a ModelBench catalog (not an SQLite database). Choose "
                        "another file for the catalog.",
                        path);
}

SqlDialect dialectOf(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL") ? SqlDialect::Postgres : SqlDialect::Sqlite;
}

Error serverConnectError(const QSqlError &error, const QString &location)
{
    const QString said = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const std::string text = said.simplified().toStdString();
    if (said.contains(QLatin1String("password"), Qt::CaseInsensitive)) {
        Error e = catalogError(ErrorCode::Io,
                               "The catalog server wants a password, and none that was given "
                               "fits (" + text + "). Set PGPASSWORD or add the server to "
                               "~/.pgpass.",
                               location);
        e.field = kPasswordField;
        return e;
    }
    if (said.contains(QLatin1String("does not exist"))) {
        return catalogError(ErrorCode::Io,
                            "The catalog server has no such database or user (" + text
                                + "). Ask its administrator to create the database; ModelBench "
                                  "then sets up the catalog in it.",
                            location);
    }
    // libpq gives no SQLSTATE for a failed login: the words above are all there is to go by,
    // and a server may answer in another language. Hence a message that covers every cause.
    return catalogError(ErrorCode::Io,
                        "Cannot connect to the catalog server (" + text
                            + "). Check the host, port, user name and password, and that the "
                              "server is running.",
                        location);
}

Error sqlError(const QSqlError &error, const QString &path, SqlDialect dialect)
{
    if (dialect == SqlDialect::Postgres)
        return serverError(error, path);
    switch (sqliteCode(error)) {
    case kSqliteBusy:
    case kSqliteLocked:
        return busyError(path);
    case kSqliteReadOnly:
        return readOnlyError(path);
    case kSqliteCorrupt:
        return damagedError(path, error.databaseText());
    case kSqliteNotADatabase:
        return notDatabaseError(path);
    case kSqliteFull:
        return catalogError(ErrorCode::Io,
                            "The disk holding the catalog is full. Your change was not saved.",
                            path);
    default:
        break;
    }
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.text();
    return catalogError(ErrorCode::Io, "catalog error: " + text.simplified().toStdString(), path);
}

namespace {

/// A value as runQuery binds it: a null QString is '' (text columns want ''); SQL NULL is
/// asked for with an invalid QVariant().
QVariant boundValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QStringLiteral("");
    return value;
}

/// `sql` with each '?' replaced by its value as an SQL literal, escaped by the driver (our
/// statements have no '?' inside quotes). For PostgreSQL this is what QPSQL sends anyway, as
/// the arguments of EXECUTE; doing it here saves the PREPARE and DEALLOCATE round trips, and a
/// statement that fails leaves no prepared statement to free inside an aborted transaction.
QString withLiterals(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QString out;
    out.reserve(sql.size() + 16 * values.size());
    qsizetype next = 0;
    for (const QChar c : sql) {
        if (c != QLatin1Char('?') || next >= values.size()) {
            out += c;
            continue;
        }
        const QVariant value = boundValue(values[next++]);
        QSqlField field(QString(), value.metaType());
        field.setValue(value);
        out += db.driver()->formatValue(field);
    }
    return out;
}

} // namespace

Expected<QSqlQuery> runQuery(QSqlDatabase &db, const QString &path, const QString &sql,
                             const QVariantList &values)
{
    const SqlDialect dialect = dialectOf(db);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (dialect == SqlDialect::Postgres) {
        if (!query.exec(withLiterals(db, sql, values)))
            return std::unexpected(sqlError(query.lastError(), path, dialect));
        return query;
    }
    if (!query.prepare(sql))
        return std::unexpected(sqlError(query.lastError(), path, dialect));
    for (const QVariant &value : values)
        query.addBindValue(boundValue(value));
    if (!query.exec())
        return std::unexpected(sqlError(query.lastError(), path, dialect));
    return query;
}

BeginMode beginModeForWrites()
{
    // TEST HOOK (tst_catalog_concurrency): shows what a deferred BEGIN does to concurrent
    // writers. Never set it in production.
    if (qEnvironmentVariableIntValue("MB_CATALOG_DEFERRED_BEGIN") == 1)
        return BeginMode::Deferred;
    return BeginMode::Immediate;
}

namespace {

/// Starts a write transaction on SQLite: BEGIN IMMEDIATE takes the write lock, waiting up to the
/// connection's busy timeout. Busy: nullopt with `busy` set.
std::optional<QSqlError> beginSqliteWrite(QSqlDatabase &db, bool *busy)
{
    // QSqlDatabase::transaction() would issue a deferred BEGIN: under WAL, a transaction that
    // has read and then wants to write fails at once with SQLITE_BUSY when another writer got
    // there first, whatever the busy timeout. BEGIN IMMEDIATE takes the write lock up front.
    const QString begin = beginModeForWrites() == BeginMode::Immediate
        ? QStringLiteral("BEGIN IMMEDIATE")
        : QStringLiteral("BEGIN");
    auto failure = execute(db, begin);
    *busy = failure && isBusy(*failure);
    return failure;
}

/// Starts a write transaction on PostgreSQL: BEGIN, then the catalog's advisory lock, waiting
/// up to `lockTimeoutMs`. Without that lock two clients would both read "last version 4" and
/// one would fail on the unique (model, version) key, or both create the same model name.
std::optional<QSqlError> beginServerWrite(QSqlDatabase &db, int lockTimeoutMs, bool *busy)
{
    *busy = false;
    if (auto failure = execute(db, QStringLiteral("BEGIN")))
        return failure;
    if (beginModeForWrites() == BeginMode::Deferred)
        return std::nullopt; // TEST HOOK: no lock, to show what it prevents
    // Our own constants only: SET takes no bound values.
    std::optional<QSqlError> failure
        = execute(db, QStringLiteral("SET LOCAL lock_timeout = %1").arg(std::max(1, lockTimeoutMs)));
    if (!failure)
        failure = execute(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kApplicationId));
    if (failure) {
        *busy = isServerBusy(*failure);
        rollback(db);
    }
    return failure;
}

} // namespace

Expected<void> runWriteTransaction(QSqlDatabase &db, const QString &path,
                                   const std::function<Expected<void>()> &body,
                                   const WriteRetry &retry)
{
    const SqlDialect dialect = dialectOf(db);
    bool started = false;
    int backoff = retry.firstBackoffMs;
    for (int attempt = 0; attempt < std::max(1, retry.attempts); ++attempt) {
        bool busy = false;
        const auto failure = dialect == SqlDialect::Postgres
            ? beginServerWrite(db, retry.lockTimeoutMs, &busy)
            : beginSqliteWrite(db, &busy);
        if (!failure) {
            started = true;
            break;
        }
        if (!busy)
            return std::unexpected(sqlError(*failure, path, dialect));
        if (attempt + 1 < retry.attempts) {
            const int jitter
                = static_cast<int>(QRandomGenerator::global()->bounded(backoff / 2 + 1));
            QThread::msleep(static_cast<unsigned long>(backoff + jitter));
            backoff = std::min(backoff * 2, retry.maxBackoffMs);
        }
    }
    if (!started)
        return std::unexpected(busyError(path));

    if (auto done = body(); !done) {
        rollback(db);
        return done;
    }
    if (const auto failure = execute(db, QStringLiteral("COMMIT"))) {
        rollback(db);
        return std::unexpected(sqlError(*failure, path, dialect));
    }
    return {};
}

Expected<void> runReadTransaction(QSqlDatabase &db, const QString &path,
                                  const std::function<Expected<void>()> &body)
{
    const SqlDialect dialect = dialectOf(db);
    // PostgreSQL's default (read committed) takes a new snapshot per statement.
    const QString begin = dialect == SqlDialect::Postgres
        ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        : QStringLiteral("BEGIN");
    if (const auto failure = execute(db, begin))
        return std::unexpected(sqlError(*failure, path, dialect));
    auto done = body();
    // A read transaction changed nothing: ending it either way releases the snapshot.
    if (const auto failure = execute(db, QStringLiteral("COMMIT"))) {
        rollback(db);
        if (done)
            return std::unexpected(sqlError(*failure, path, dialect));
    }
    return done;
}

} // namespace mb::catalog_detail
