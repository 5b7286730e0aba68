// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <QString>

namespace mb {

/// Where a catalog lives: an SQLite file (the default) or a database on a PostgreSQL server.
enum class CatalogBackend { Sqlite, Postgres };

/// A catalog's location as users type it:
///   PATH, sqlite:PATH                                  an SQLite file
///   postgresql://USER@HOST[:PORT]/DATABASE[?OPTIONS]   a PostgreSQL database (postgres:// too)
/// A PostgreSQL URL names no password in what ModelBench shows or remembers: the password comes
/// from PGPASSWORD, ~/.pgpass, the URL itself (discouraged) or, in the GUI, a prompt kept in
/// memory for the session (rememberCatalogPassword).
struct CatalogLocation
{
    CatalogBackend backend = CatalogBackend::Sqlite;
    QString filePath; ///< SQLite: the path as given (empty: the default catalog)

    QString user; ///< PostgreSQL: empty lets libpq choose (PGUSER, the login name)
    QString password; ///< from the URL only; never part of display()
    QString host;
    int port = 5432;
    QString database;
    /// libpq connection options from the URL's query ("sslmode=require;connect_timeout=5").
    QString options;

    bool isServer() const { return backend == CatalogBackend::Postgres; }

    /// What messages, the window title and the recent-catalogs list show: the path, or the URL
    /// without its password.
    QString display() const;

    /// Parses what the user typed; a malformed URL is an error that says what is wrong.
    static Expected<CatalogLocation> parse(const QString &text);
};

/// Whether `text` is a server URL (postgresql:// or postgres://) rather than a file path.
bool isCatalogUrl(const QString &text);

/// Keeps a password the user typed for `location` (its display()) in this process's memory, so
/// that later opens of the same catalog need no prompt. Never written anywhere.
void rememberCatalogPassword(const QString &location, const QString &password);
/// The password remembered for `location`, or an empty string.
QString rememberedCatalogPassword(const QString &location);

} // namespace mb
