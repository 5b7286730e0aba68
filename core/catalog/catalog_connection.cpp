// SPDX-License-Identifier: MIT
#include "core/catalog/catalog_connection.h"

#include "core/catalog/write_transaction.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <atomic>

namespace mb::catalog_detail {

namespace {

std::atomic<quint64> g_connectionSerial {0};

} // namespace

Expected<void> Connection::open(const QString &path, OpenMode mode, int busyTimeoutMs)
{
    close();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return std::unexpected(catalogError(
            ErrorCode::Internal, "the Qt SQLite driver (QSQLITE) is not installed", path));
    }
    if (auto opened = connect(path, mode, busyTimeoutMs); !opened)
        return opened;
    if (mode == OpenMode::ReadOnly && needsImmutableFallback(path)) {
        // A WAL catalog in a folder we may not write to, with no -shm file to share: SQLite
        // cannot set up its shared index. Without a -wal file there is nothing beyond the
        // main file to read, so read that as an immutable snapshot.
        if (auto opened = connect(path, OpenMode::Immutable, busyTimeoutMs); !opened)
            return opened;
    }
    // Per connection, not per file: without it ON DELETE CASCADE does nothing.
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys = ON"))) {
        Error error = sqlError(query.lastError(), path);
        query = QSqlQuery();
        close();
        return std::unexpected(error);
    }
    return {};
}

Expected<void> Connection::openServer(const CatalogLocation &server, const QString &password)
{
    close();
    const QString where = server.display();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return std::unexpected(catalogError(
            ErrorCode::Internal,
            "the Qt PostgreSQL driver (QPSQL) is not installed; on Debian: apt install "
            "libqt6sql6-psql",
            where));
    }
    addConnection(QStringLiteral("QPSQL"));
    m_db.setHostName(server.host);
    m_db.setPort(server.port);
    m_db.setDatabaseName(server.database);
    m_db.setUserName(server.user);
    if (!password.isEmpty())
        m_db.setPassword(password);
    // A server that does not answer must not freeze a window for libpq's default of forever.
    QString options = QStringLiteral("connect_timeout=10;application_name=ModelBench");
    if (!server.options.isEmpty())
        options += QLatin1Char(';') + server.options;
    m_db.setConnectOptions(options);
    if (!m_db.open()) {
        Error error = serverConnectError(m_db.lastError(), where);
        close();
        return std::unexpected(error);
    }
    // libpq prints NOTICEs ("relation ... already exists, skipping") to stderr by default.
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SET client_min_messages = warning"))) {
        Error error = sqlError(query.lastError(), where, SqlDialect::Postgres);
        query = QSqlQuery();
        close();
        return std::unexpected(error);
    }
    return {};
}

void Connection::close()
{
    if (m_name.isEmpty())
        return;
    // Every QSqlQuery of this connection is gone by now (they live in function scopes), so
    // removeDatabase finds the connection unused.
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

void Connection::addConnection(const QString &driver)
{
    close();
    m_name = QStringLiteral("mb-catalog-%1").arg(++g_connectionSerial);
    m_db = QSqlDatabase::addDatabase(driver, m_name);
}

Expected<void> Connection::connect(const QString &path, OpenMode mode, int busyTimeoutMs)
{
    addConnection(QStringLiteral("QSQLITE"));
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
    if (mode == OpenMode::Immutable) {
        m_db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded)
                             + QStringLiteral("?immutable=1"));
        options += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
    } else {
        m_db.setDatabaseName(path);
        if (mode == OpenMode::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    }
    m_db.setConnectOptions(options);
    if (!m_db.open()) {
        Error error = sqlError(m_db.lastError(), path);
        error.message = "cannot open the catalog: "
            + m_db.lastError().databaseText().simplified().toStdString();
        close();
        return std::unexpected(error);
    }
    return {};
}

/// Whether a first read fails because SQLite may not create the -shm file of a WAL
/// database, while there is no -wal file. SQLite opens files lazily: such problems show at
/// the first read, not at open().
bool Connection::needsImmutableFallback(const QString &path)
{
    QSqlQuery probe(m_db);
    if (probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && probe.next())
        return false;
    const int code = sqliteCode(probe.lastError());
    constexpr int kReadOnly = 8, kCantOpen = 14;
    return (code == kReadOnly || code == kCantOpen)
        && !QFileInfo::exists(path + QStringLiteral("-wal"));
}

} // namespace mb::catalog_detail
