// SPDX-License-Identifier: MIT
#include "core/catalog/write_transaction.h"

#include <QRandomGenerator>
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
                        "Your change was not saved.",
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
                        "This file is not a ModelBench catalog (not an SQLite database).", path);
}

Error sqlError(const QSqlError &error, const QString &path)
{
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

Expected<QSqlQuery> runQuery(QSqlDatabase &db, const QString &path, const QString &sql,
                             const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::unexpected(sqlError(query.lastError(), path));
    for (const QVariant &value : values) {
        // A null QString would be bound as SQL NULL; text columns want ''. SQL NULL is asked for
        // with an invalid QVariant().
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return std::unexpected(sqlError(query.lastError(), path));
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

Expected<void> runWriteTransaction(QSqlDatabase &db, const QString &path,
                                   const std::function<Expected<void>()> &body,
                                   const WriteRetry &retry)
{
    // QSqlDatabase::transaction() would issue a deferred BEGIN: under WAL, a transaction that
    // has read and then wants to write fails at once with SQLITE_BUSY when another writer got
    // there first, whatever the busy timeout. BEGIN IMMEDIATE takes the write lock up front,
    // waiting (busy timeout) and here retrying with backoff.
    const QString begin = beginModeForWrites() == BeginMode::Immediate
        ? QStringLiteral("BEGIN IMMEDIATE")
        : QStringLiteral("BEGIN");
    bool started = false;
    int backoff = retry.firstBackoffMs;
    for (int attempt = 0; attempt < std::max(1, retry.attempts); ++attempt) {
        const auto failure = execute(db, begin);
        if (!failure) {
            started = true;
            break;
        }
        if (!isBusy(*failure))
            return std::unexpected(sqlError(*failure, path));
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
        return std::unexpected(sqlError(*failure, path));
    }
    return {};
}

Expected<void> runReadTransaction(QSqlDatabase &db, const QString &path,
                                  const std::function<Expected<void>()> &body)
{
    if (const auto failure = execute(db, QStringLiteral("BEGIN")))
        return std::unexpected(sqlError(*failure, path));
    auto done = body();
    // A read transaction changed nothing: ending it either way releases the snapshot.
    if (const auto failure = execute(db, QStringLiteral("COMMIT"))) {
        rollback(db);
        if (done)
            return std::unexpected(sqlError(*failure, path));
    }
    return done;
}

} // namespace mb::catalog_detail
