// SPDX-License-Identifier: MIT
// Opening a catalog: an SQLite file, checked before anything is written to it, or a database
// on a PostgreSQL server, set up on first use.
#include "core/catalog/catalog_impl.h"

#include "core/catalog/catalog_schema.h"

#include <QDir>

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>

namespace mb {

namespace {

/// Whether another connection is at work on the file (or crashed mid-way): its WAL or its
/// rollback journal lies beside it.
bool someoneIsAtWork(const QString &path)
{
    return QFileInfo::exists(path + QStringLiteral("-wal"))
        || QFileInfo::exists(path + QStringLiteral("-journal"));
}

/// Schema and damage checks on an existing file through one connection; its schema version.
Expected<int> inspectFile(const QString &path, OpenMode mode, int busyTimeoutMs)
{
    Connection check;
    if (auto opened = check.open(path, mode, busyTimeoutMs); !opened)
        return std::unexpected(opened.error());
    auto state = inspectSchema(check.db(), path);
    if (!state)
        return std::unexpected(state.error());
    if (auto ok = checkSchema(*state, path); !ok)
        return std::unexpected(ok.error());
    if (auto ok = quickCheck(check.db(), path); !ok)
        return std::unexpected(ok.error());
    return state->userVersion;
}

/// The checks before anything is written, done so that refusing a file (foreign, newer,
/// damaged) leaves nothing beside it: even a read-only connection creates -wal and -shm files
/// for a WAL database and cannot remove them again.
Expected<int> inspectBeforeWriting(const QString &path, int busyTimeoutMs, int firstPauseMs)
{
    // Another process's changes may still sit in its WAL, which only a locked read sees; its
    // side files exist already, so that read adds nothing new.
    if (someoneIsAtWork(path))
        return inspectFile(path, OpenMode::ReadOnly, busyTimeoutMs);
    auto verdict = inspectFile(path, OpenMode::Immutable, busyTimeoutMs);
    // An unlocked read can catch another process half-way through writing the main file (the
    // checkpoint as its last connection closes) and take that for damage. Look again, a few
    // times over about a second, before refusing: with several processes in a loop one such
    // look is not enough. A newer or foreign schema is no accident of timing.
    // (A negative pause is the fuzzer's: it would only repeat the same code.)
    const int looks = firstPauseMs < 0 ? 0 : 4;
    for (int look = 0; look < looks && !verdict && verdict.error().code == ErrorCode::Format; ++look) {
        if (someoneIsAtWork(path))
            return inspectFile(path, OpenMode::ReadOnly, busyTimeoutMs);
        QThread::msleep(static_cast<unsigned long>(firstPauseMs) << look);
        verdict = inspectFile(path, OpenMode::Immutable, busyTimeoutMs);
    }
    return verdict;
}

/// Names the path in the message rather than as the error's file: there is no file to blame.
Error noCatalogError(const QString &path)
{
    Error error;
    error.code = ErrorCode::Io;
    error.message = "no catalog at " + QDir::toNativeSeparators(path).toStdString()
        + " (commands that only read never create one)";
    return error;
}

/// Whether the first bytes of `path` are SQLite's magic. An empty file counts as a new database.
bool looksLikeSqlite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // let SQLite report why it cannot read it
    const QByteArray head = file.read(16);
    return head.isEmpty() || head == QByteArray("SQLite format 3\0", 16);
}

Expected<void> setWalMode(QSqlDatabase &db, const QString &path)
{
    // Needs a moment of exclusive access when the mode actually changes; another process may be
    // opening the same new catalog, so retry briefly. A file system without WAL support (a
    // network share) keeps the rollback journal: slower with several writers, still correct.
    for (int attempt = 0;; ++attempt) {
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return {};
        if (!isBusy(query.lastError()) || attempt == 20)
            return std::unexpected(sqlError(query.lastError(), path));
        QThread::msleep(50);
    }
}

} // namespace

QString Catalog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/catalog.sqlite");
}

Expected<Catalog> Catalog::open(const QString &requested, const CatalogOptions &options)
{
    auto location = CatalogLocation::parse(requested);
    if (!location)
        return std::unexpected(location.error());
    if (location->isServer())
        return openServer(*location, options);
    return openFile(location->filePath, options);
}

Expected<Catalog> Catalog::openFile(const QString &requested, const CatalogOptions &options)
{
    const bool isDefault = requested.isEmpty();
    const QString path = QFileInfo(isDefault ? defaultPath() : requested).absoluteFilePath();
    const QFileInfo info(path);
    const QDir folder = info.absoluteDir();
    if (!folder.exists()) {
        if (!isDefault) {
            return std::unexpected(catalogError(
                ErrorCode::Io,
                "cannot open the catalog: the folder "
                    + QDir::toNativeSeparators(folder.path()).toStdString() + " does not exist",
                path));
        }
        if (!QDir().mkpath(folder.path())) {
            return std::unexpected(
                catalogError(ErrorCode::Io,
                             "cannot create the folder for the catalog: "
                                 + QDir::toNativeSeparators(folder.path()).toStdString(),
                             path));
        }
    }
    if (info.isDir())
        return std::unexpected(
            catalogError(ErrorCode::Io, "this is a folder, not a catalog file", path));
    if (info.exists() && !info.isReadable())
        return std::unexpected(
            catalogError(ErrorCode::Io, "cannot read the catalog: permission denied", path));

    auto d = std::make_unique<Impl>();
    d->path = path;
    d->options = options;
    d->readOnly = options.readOnly || (info.exists() && !info.isWritable());

    int userVersion = 0;
    if (info.exists() && info.size() > 0) {
        if (!looksLikeSqlite(path))
            return std::unexpected(notDatabaseError(path));
        // Look before writing anything: a foreign, newer or damaged file is never written to.
        auto version = inspectBeforeWriting(path, options.busyTimeoutMs, options.damageRecheckPauseMs);
        if (!version)
            return std::unexpected(version.error());
        userVersion = *version;
    } else if (options.mustExist) {
        return std::unexpected(noCatalogError(path));
    } else if (d->readOnly) {
        return std::unexpected(catalogError(
            ErrorCode::Io, "cannot open the catalog read-only: the file does not exist", path));
    }

    if (d->readOnly && userVersion < kSchemaVersion) {
        return std::unexpected(catalogError(
            ErrorCode::Unsupported,
            "This catalog was made by an older ModelBench (schema " + std::to_string(userVersion)
                + ") and must be upgraded, but it is read-only. Make it "
                  "writable, or open a copy.",
            path));
    }

    const OpenMode mode = d->readOnly ? OpenMode::ReadOnly : OpenMode::ReadWrite;
    if (auto opened = d->connection.open(path, mode, options.busyTimeoutMs); !opened)
        return std::unexpected(opened.error());
    if (!d->readOnly) {
        if (userVersion < kSchemaVersion) {
            if (auto done = migrate(d->db(), path, options.testFailMigrationTo); !done)
                return std::unexpected(done.error());
        }
        if (auto done = setWalMode(d->db(), path); !done)
            return std::unexpected(done.error());
    }
    return Catalog(std::move(d));
}

Expected<Catalog> Catalog::openServer(const CatalogLocation &server, const CatalogOptions &options)
{
    auto d = std::make_unique<Impl>();
    d->path = server.display();
    d->options = options;
    d->readOnly = options.readOnly;
    const QString password = !server.password.isEmpty() ? server.password
                                                        : rememberedCatalogPassword(d->path);
    if (auto opened = d->connection.openServer(server, password); !opened)
        return std::unexpected(opened.error());
    // Whoever opens this catalog again in this process (the GUI's pages do, per action) opens it
    // by its shown URL, which has no password.
    if (!server.password.isEmpty())
        rememberCatalogPassword(d->path, server.password);
    auto state = inspectSchema(d->db(), d->path);
    if (!state)
        return std::unexpected(state.error());
    if (auto ok = checkSchema(*state, d->path); !ok)
        return std::unexpected(ok.error());
    const bool empty = state->objectCount == 0 && state->userVersion == 0;
    if (empty && options.mustExist)
        return std::unexpected(noCatalogError(d->path));
    if (d->readOnly && state->userVersion < kSchemaVersion) {
        return std::unexpected(catalogError(
            ErrorCode::Unsupported,
            empty ? std::string("This database holds no catalog yet, and it was opened read-only.")
                  : "This catalog was made by an older ModelBench (schema "
                      + std::to_string(state->userVersion)
                      + ") and must be upgraded, but it was opened read-only.",
            d->path));
    }
    // Two clients setting up one new database at once are serialised by the write lock; the
    // second finds the work done.
    if (!d->readOnly && state->userVersion < kSchemaVersion) {
        if (auto done = migrate(d->db(), d->path, options.testFailMigrationTo); !done)
            return std::unexpected(done.error());
    }
    return Catalog(std::move(d));
}

} // namespace mb
