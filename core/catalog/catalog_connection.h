// SPDX-License-Identifier: MIT
#pragma once
// Private to mb_catalog: one QtSql connection of a Catalog's own, to an SQLite file or a
// PostgreSQL server.

#include "core/base/error.h"
#include "core/catalog/catalog_location.h"

#include <QSqlDatabase>
#include <QString>

namespace mb::catalog_detail {

/// How a Connection opens an SQLite file.
enum class OpenMode {
    ReadWrite,
    ReadOnly, ///< through SQLite's locks; may still create -wal and -shm files beside the file
    Immutable, ///< a snapshot of the main file: no locks, nothing created beside it
};

/// A named QtSql connection of its own, closed and removed when this goes away.
class Connection
{
public:
    Connection() = default;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection() { close(); }

    /// Opens the SQLite file at `path` (foreign keys on).
    Expected<void> open(const QString &path, OpenMode mode, int busyTimeoutMs);

    /// Connects to the PostgreSQL database at `server`; `password` (may be empty) comes before
    /// what libpq finds itself (PGPASSWORD, ~/.pgpass). Messages name `server.display()`.
    Expected<void> openServer(const CatalogLocation &server, const QString &password);

    void close();

    QSqlDatabase &db() { return m_db; }

private:
    Expected<void> connect(const QString &path, OpenMode mode, int busyTimeoutMs);
    bool needsImmutableFallback(const QString &path);
    void addConnection(const QString &driver);

    QString m_name;
    QSqlDatabase m_db;
};

} // namespace mb::catalog_detail
