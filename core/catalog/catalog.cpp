// SPDX-License-Identifier: MIT
#include "core/catalog/catalog.h"

#include "core/catalog/catalog_schema.h"
#include "core/catalog/write_transaction.h"
#include "core/model/model_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QVariant>

#include <atomic>
#include <cmath>

namespace mb {

using namespace catalog_detail;

namespace {

std::atomic<quint64> g_connectionSerial {0};

/// How a Connection opens its file.
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

    Expected<void> open(const QString &path, OpenMode mode, int busyTimeoutMs)
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

    void close()
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

    QSqlDatabase &db() { return m_db; }

private:
    Expected<void> connect(const QString &path, OpenMode mode, int busyTimeoutMs)
    {
        close();
        m_name = QStringLiteral("mb-catalog-%1").arg(++g_connectionSerial);
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
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
    bool needsImmutableFallback(const QString &path)
    {
        QSqlQuery probe(m_db);
        if (probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && probe.next())
            return false;
        const int code = sqliteCode(probe.lastError());
        constexpr int kReadOnly = 8, kCantOpen = 14;
        return (code == kReadOnly || code == kCantOpen)
            && !QFileInfo::exists(path + QStringLiteral("-wal"));
    }

    QString m_name;
    QSqlDatabase m_db;
};

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
Expected<int> inspectBeforeWriting(const QString &path, int busyTimeoutMs)
{
    // Another process's changes may still sit in its WAL, which only a locked read sees; its
    // side files exist already, so that read adds nothing new.
    if (someoneIsAtWork(path))
        return inspectFile(path, OpenMode::ReadOnly, busyTimeoutMs);
    auto verdict = inspectFile(path, OpenMode::Immutable, busyTimeoutMs);
    if (verdict)
        return verdict;
    // An unlocked read can catch a writer that started meanwhile half-way and take that for
    // damage: look again before refusing.
    if (someoneIsAtWork(path))
        return inspectFile(path, OpenMode::ReadOnly, busyTimeoutMs);
    QThread::msleep(50);
    return inspectFile(path, OpenMode::Immutable, busyTimeoutMs);
}

std::string quoted(const QString &text)
{
    // Built with append(): g++ 12 warns falsely (-Wrestrict) on "literal" + std::string.
    std::string out(1, '\'');
    out.append(text.toStdString()).push_back('\'');
    return out;
}

QString mebibytes(qint64 bytes)
{
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1)
        + QStringLiteral(" MiB");
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

Expected<void> checkDescription(const QString &markdown)
{
    const qint64 bytes = markdown.toUtf8().size();
    if (bytes <= kMaxDescriptionBytes)
        return {};
    return fail(ErrorCode::Usage,
                "the description is " + std::to_string(bytes) + " bytes of UTF-8; at most "
                    + std::to_string(kMaxDescriptionBytes) + " (1 MiB) are allowed");
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

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

constexpr auto kEntryColumns
    = "v.id, m.name, v.version, v.algo, v.classes, v.dataset_name, v.dataset_fingerprint, v.rows,"
      " v.metrics, v.accuracy, v.created, v.registered, v.size, v.sha256, v.archive, "
      "v.format_version";

/// One row of kEntryColumns. `classCache` (optional) keeps parsed class lists by their JSON
/// text: the versions of one model nearly always share theirs, and parsing is most of the cost
/// of a long listing.
CatalogEntry entryFrom(const QSqlQuery &q, QHash<QByteArray, QStringList> *classCache = nullptr)
{
    CatalogEntry e;
    e.name = q.value(1).toString();
    e.version = q.value(2).toInt();
    e.algo = q.value(3).toString();
    const QByteArray classesJson = q.value(4).toByteArray();
    const QStringList *known = nullptr;
    if (classCache) {
        const auto it = classCache->constFind(classesJson);
        known = it != classCache->constEnd() ? &*it : nullptr;
    }
    if (known) {
        e.classes = *known;
    } else {
        for (const QJsonValue &c : QJsonDocument::fromJson(classesJson).array())
            e.classes << c.toString();
        if (classCache)
            classCache->insert(classesJson, e.classes);
    }
    e.datasetName = q.value(5).toString();
    e.fingerprint = q.value(6).toString();
    e.rows = q.value(7).toLongLong();
    const QJsonObject metrics = QJsonDocument::fromJson(q.value(8).toByteArray()).object();
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        if (it.value().isDouble())
            e.metrics[it.key().toStdString()] = it.value().toDouble();
    }
    if (!q.value(9).isNull())
        e.accuracy = q.value(9).toDouble();
    e.created = q.value(10).toString();
    e.registered = q.value(11).toString();
    e.size = q.value(12).toLongLong();
    e.sha256 = q.value(13).toString();
    e.archive = q.value(14).toString();
    e.formatVersion = q.value(15).toInt();
    return e;
}

CatalogEvent eventFrom(const QSqlQuery &q)
{
    CatalogEvent e;
    e.time = q.value(0).toString();
    e.event = q.value(1).toString();
    e.name = q.value(2).toString();
    if (!q.value(3).isNull())
        e.version = q.value(3).toInt();
    e.detail = q.value(4).toString();
    return e;
}

/// `ref` with its name in the form the catalog stores.
ModelRef canonical(ModelRef ref)
{
    ref.name = canonicalModelName(ref.name);
    return ref;
}

QString versionList(const std::vector<int> &versions)
{
    QStringList parts;
    for (int v : versions)
        parts << QString::number(v);
    return parts.join(QStringLiteral(", "));
}

/// Where a reference points.
struct Resolved
{
    qint64 versionId = 0;
    qint64 modelId = 0;
    int version = 0;
};

} // namespace

struct Catalog::Impl
{
    QString path;
    CatalogOptions options;
    bool readOnly = false;
    Connection connection;

    QSqlDatabase &db() { return connection.db(); }

    QString now() const
    {
        return timeText(options.clock ? options.clock() : QDateTime::currentDateTimeUtc());
    }

    Expected<QSqlQuery> query(const QString &sql, const QVariantList &values = {})
    {
        return runQuery(db(), path, sql, values);
    }

    Expected<void> write(const std::function<Expected<void>()> &body)
    {
        if (readOnly)
            return std::unexpected(readOnlyError(path));
        WriteRetry retry;
        retry.attempts = std::max(1, options.writeAttempts);
        return runWriteTransaction(db(), path, body, retry);
    }

    Expected<void> read(const std::function<Expected<void>()> &body)
    {
        return runReadTransaction(db(), path, body);
    }

    Error notFound(std::string message) const
    {
        return catalogError(ErrorCode::Io, std::move(message), path);
    }

    /// The model's id by its current name, or nullopt.
    Expected<std::optional<qint64>> modelId(const QString &name)
    {
        auto q = query(QStringLiteral("SELECT id FROM models WHERE name = ?"), {name});
        if (!q)
            return std::unexpected(q.error());
        if (!q->next())
            return std::optional<qint64>();
        return std::optional<qint64>(q->value(0).toLongLong());
    }

    Expected<std::vector<int>> versionsOf(qint64 model)
    {
        auto q = query(
            QStringLiteral("SELECT version FROM versions WHERE model_id = ? ORDER BY version"),
            {model});
        if (!q)
            return std::unexpected(q.error());
        std::vector<int> versions;
        while (q->next())
            versions.push_back(q->value(0).toInt());
        return versions;
    }

    Expected<Resolved> resolve(const ModelRef &ref)
    {
        auto model = modelId(ref.name);
        if (!model)
            return std::unexpected(model.error());
        if (!*model)
            return std::unexpected(
                notFound("there is no model named " + quoted(ref.name) + " in the catalog"));
        Expected<QSqlQuery> q = std::unexpected(Error {});
        if (ref.version) {
            q = query(QStringLiteral(
                          "SELECT id, version FROM versions WHERE model_id = ? AND version = ?"),
                      {**model, *ref.version});
        } else if (!ref.alias.isEmpty()) {
            q = query(
                QStringLiteral(
                    "SELECT v.id, v.version FROM aliases a JOIN versions v ON v.id = a.version_id"
                    " WHERE a.model_id = ? AND a.alias = ?"),
                {**model, ref.alias});
        } else {
            q = query(QStringLiteral("SELECT id, version FROM versions WHERE model_id = ?"
                                     " ORDER BY version DESC LIMIT 1"),
                      {**model});
        }
        if (!q)
            return std::unexpected(q.error());
        if (q->next())
            return Resolved {q->value(0).toLongLong(), **model, q->value(1).toInt()};
        q->finish();

        auto versions = versionsOf(**model);
        if (!versions)
            return std::unexpected(versions.error());
        const std::string name = quoted(ref.name);
        if (versions->empty())
            return std::unexpected(notFound("the model " + name + " has no versions left"));
        if (!ref.alias.isEmpty())
            return std::unexpected(
                notFound("the model " + name + " has no alias @" + ref.alias.toStdString()));
        return std::unexpected(notFound("the model " + name + " has no version "
                                        + std::to_string(*ref.version) + " (it has "
                                        + versionList(*versions).toStdString() + ")"));
    }

    Expected<void> log(const QString &time, const char *event, std::optional<qint64> model,
                       const QString &name, std::optional<int> version, const QString &subject,
                       const QString &detail)
    {
        auto q
            = query(QStringLiteral(
                        "INSERT INTO events (time, event, model_id, name, version, subject, detail)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {time, QString::fromLatin1(event), model ? QVariant(*model) : QVariant(), name,
                     version ? QVariant(*version) : QVariant(), subject, detail});
        if (!q)
            return std::unexpected(q.error());
        return {};
    }

    /// The highest version `name` ever had, by the event log (models removed, renamed away).
    Expected<int> versionsEverUnder(const QString &name)
    {
        auto q = query(
            QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM events WHERE name = ?"), {name});
        if (!q)
            return std::unexpected(q.error());
        return q->next() ? q->value(0).toInt() : 0;
    }

    /// The aliases (name, version) of a model that point to `version`, or to any version when
    /// it is empty; sorted by alias.
    Expected<std::vector<std::pair<QString, int>>> aliasesOn(qint64 model,
                                                             std::optional<int> version)
    {
        auto q = query(
            QStringLiteral(
                "SELECT a.alias, v.version FROM aliases a JOIN versions v ON v.id = a.version_id"
                " WHERE a.model_id = ? ORDER BY a.alias"),
            {model});
        if (!q)
            return std::unexpected(q.error());
        std::vector<std::pair<QString, int>> out;
        while (q->next()) {
            const int v = q->value(1).toInt();
            if (!version || v == *version)
                out.emplace_back(q->value(0).toString(), v);
        }
        return out;
    }

    /// Why a removal that would take aliases with it was refused; Error::field is
    /// kAliasesField so that callers can say how to insist.
    Error aliasesInTheWay(const QString &name, std::optional<int> version,
                          const std::vector<std::pair<QString, int>> &aliases) const
    {
        QStringList names;
        for (const auto &[alias, v] : aliases)
            names << (version ? QStringLiteral("@%1").arg(alias)
                              : QStringLiteral("@%1 (version %2)").arg(alias).arg(v));
        const QString what = version ? QStringLiteral("%1:%2").arg(name).arg(*version) : name;
        const bool one = aliases.size() == 1;
        Error error = catalogError(
            ErrorCode::Data,
            QStringLiteral("cannot remove %1: the %2 %3 %4 to it. Move or remove %5 first.")
                .arg(what, one ? QStringLiteral("alias") : QStringLiteral("aliases"),
                     names.join(QStringLiteral(", ")),
                     one ? QStringLiteral("points") : QStringLiteral("point"),
                     one ? QStringLiteral("it") : QStringLiteral("them"))
                .toStdString(),
            path);
        error.field = kAliasesField;
        return error;
    }

    Expected<QStringList> labels(const QString &sql, qint64 id)
    {
        auto q = query(sql, {id});
        if (!q)
            return std::unexpected(q.error());
        QStringList out;
        while (q->next())
            out << q->value(0).toString();
        return out;
    }

    Expected<std::vector<CatalogEvent>> events(const QString &sql, const QVariantList &values)
    {
        auto q = query(sql, values);
        if (!q)
            return std::unexpected(q.error());
        std::vector<CatalogEvent> out;
        while (q->next())
            out.push_back(eventFrom(*q));
        return out;
    }
};

Catalog::Catalog(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{
}
Catalog::Catalog(Catalog &&) noexcept = default;
Catalog &Catalog::operator=(Catalog &&) noexcept = default;
Catalog::~Catalog() = default;

QString Catalog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/catalog.sqlite");
}

Expected<Catalog> Catalog::open(const QString &requested, const CatalogOptions &options)
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
        auto version = inspectBeforeWriting(path, options.busyTimeoutMs);
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

QString Catalog::path() const
{
    return d->path;
}

bool Catalog::isReadOnly() const
{
    return d->readOnly;
}

Expected<CatalogEntry> Catalog::add(const QString &typedName, const QByteArray &modelBytes,
                                    const CatalogAddOptions &options)
{
    const QString name = canonicalModelName(typedName);
    if (d->readOnly)
        return std::unexpected(readOnlyError(d->path));
    if (auto ok = checkModelName(name); !ok)
        return std::unexpected(ok.error());
    for (const QString &t : options.tags) {
        if (auto ok = checkLabel(t, "tag"); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = checkDescription(options.description); !ok)
        return std::unexpected(ok.error());
    const QString source = options.sourceName.isEmpty() ? name + QStringLiteral(" (new version)")
                                                        : options.sourceName;
    if (modelBytes.size() > d->options.maxModelBytes) {
        return std::unexpected(catalogError(ErrorCode::Unsupported,
                                            "the model is "
                                                + mebibytes(modelBytes.size()).toStdString()
                                                + "; the catalog stores models up to "
                                                + mebibytes(d->options.maxModelBytes).toStdString()
                                                + ". Keep it as a file instead.",
                                            source));
    }
    // A full load and self-check: only models that open again are stored.
    auto loaded = decodeModelFile(modelBytes, source);
    if (!loaded)
        return std::unexpected(loaded.error());
    const ModelFileHeader &h = loaded->header;

    CatalogEntry entry;
    entry.name = name;
    entry.algo = QString::fromStdString(h.algo);
    for (const std::string &c : h.schema.classes)
        entry.classes << QString::fromStdString(c);
    entry.datasetName = QString::fromStdString(h.recipe.datasetName);
    entry.fingerprint = QStringLiteral("%1").arg(h.recipe.fingerprint, 16, 16, QLatin1Char('0'));
    entry.rows = static_cast<qint64>(h.recipe.rows);
    QJsonObject metrics;
    for (const auto &[key, value] : h.metrics) {
        if (std::isfinite(value)) {
            metrics.insert(QString::fromStdString(key), value);
            entry.metrics[key] = value;
        }
    }
    if (auto it = entry.metrics.find("accuracy"); it != entry.metrics.end())
        entry.accuracy = it->second;
    entry.created = QString::fromStdString(h.created);
    entry.registered = d->now();
    entry.size = modelBytes.size();
    entry.sha256 = QString::fromLatin1(
        QCryptographicHash::hash(modelBytes, QCryptographicHash::Sha256).toHex());
    entry.archive = QString::fromStdString(archiveKindName(h.archive));
    entry.formatVersion = static_cast<int>(h.formatVersion);
    entry.tags = options.tags;
    entry.tags.sort();
    entry.tags.removeDuplicates();
    entry.description = options.description;

    const QByteArray classesJson
        = QJsonDocument(QJsonArray::fromStringList(entry.classes)).toJson(QJsonDocument::Compact);
    const QByteArray metricsJson = QJsonDocument(metrics).toJson(QJsonDocument::Compact);

    auto done = d->write([&]() -> Expected<void> {
        auto model = d->query(QStringLiteral("SELECT id, last_version FROM models WHERE name = ?"),
                              {name});
        if (!model)
            return std::unexpected(model.error());
        qint64 modelId = 0;
        int last = 0;
        if (model->next()) {
            modelId = model->value(0).toLongLong();
            last = model->value(1).toInt();
        } else {
            // A name used before (then removed or renamed away) continues its numbering.
            auto before = d->versionsEverUnder(name);
            if (!before)
                return std::unexpected(before.error());
            last = *before;
            auto inserted
                = d->query(QStringLiteral("INSERT INTO models (name, last_version) VALUES (?, ?)"),
                           {name, last});
            if (!inserted)
                return std::unexpected(inserted.error());
            modelId = inserted->lastInsertId().toLongLong();
        }
        model->finish();
        entry.version = last + 1;
        if (auto q = d->query(QStringLiteral("UPDATE models SET last_version = ? WHERE id = ?"),
                              {entry.version, modelId});
            !q)
            return std::unexpected(q.error());
        auto version = d->query(
            QStringLiteral(
                "INSERT INTO versions (model_id, version, algo, classes, dataset_name,"
                " dataset_fingerprint, rows, metrics, accuracy, created, registered, size, sha256,"
                " archive, format_version, description)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {modelId, entry.version, entry.algo, QString::fromUtf8(classesJson), entry.datasetName,
             entry.fingerprint, entry.rows, QString::fromUtf8(metricsJson),
             entry.accuracy ? QVariant(*entry.accuracy) : QVariant(), entry.created,
             entry.registered, entry.size, entry.sha256, entry.archive, entry.formatVersion,
             entry.description});
        if (!version)
            return std::unexpected(version.error());
        const qint64 versionId = version->lastInsertId().toLongLong();
        if (auto q = d->query(QStringLiteral("INSERT INTO blobs (version_id, bytes) VALUES (?, ?)"),
                              {versionId, modelBytes});
            !q)
            return std::unexpected(q.error());
        const QString detail = QStringLiteral("%1, %2 bytes, sha256 %3")
                                   .arg(entry.algo)
                                   .arg(entry.size)
                                   .arg(entry.sha256.left(12));
        if (auto ok
            = d->log(entry.registered, "registered", modelId, name, entry.version, {}, detail);
            !ok)
            return ok;
        for (const QString &t : entry.tags) {
            if (auto q
                = d->query(QStringLiteral("INSERT INTO tags (version_id, tag) VALUES (?, ?)"),
                           {versionId, t});
                !q)
                return std::unexpected(q.error());
            if (auto ok = d->log(entry.registered, "tagged", modelId, name, entry.version, t, t);
                !ok)
                return ok;
        }
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return entry;
}

Expected<std::vector<CatalogEntry>> Catalog::list(const CatalogFilter &filter) const
{
    QString sql = QStringLiteral("SELECT %1 FROM versions v JOIN models m ON m.id = v.model_id")
                      .arg(QLatin1String(kEntryColumns));
    QStringList where;
    QVariantList values;
    if (!filter.name.isEmpty()) {
        where << QStringLiteral("m.name = ?");
        values << canonicalModelName(filter.name);
    }
    if (!filter.tag.isEmpty()) {
        where << QStringLiteral(
            "EXISTS (SELECT 1 FROM tags t WHERE t.version_id = v.id AND t.tag = ?)");
        values << filter.tag;
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    switch (filter.sort) {
    case CatalogSort::Name:
        sql += QStringLiteral(" ORDER BY m.name, v.version");
        break;
    case CatalogSort::Version:
        sql += QStringLiteral(" ORDER BY v.version, m.name");
        break;
    case CatalogSort::Created:
        sql += QStringLiteral(" ORDER BY v.created DESC, m.name, v.version");
        break;
    case CatalogSort::Accuracy:
        sql += QStringLiteral(" ORDER BY v.accuracy IS NULL, v.accuracy DESC, m.name, v.version");
        break;
    case CatalogSort::Size:
        sql += QStringLiteral(" ORDER BY v.size DESC, m.name, v.version");
        break;
    }

    std::vector<CatalogEntry> entries;
    auto done = d->read([&]() -> Expected<void> {
        QHash<qint64, std::size_t> index;
        QHash<QByteArray, QStringList> classCache;
        {
            auto q = d->query(sql, values);
            if (!q)
                return std::unexpected(q.error());
            while (q->next()) {
                index.insert(q->value(0).toLongLong(), entries.size());
                entries.push_back(entryFrom(*q, &classCache));
            }
        }
        // Two more passes beat one join per row: labels are few next to versions.
        const std::pair<const char *, QStringList CatalogEntry::*> labelTables[]
            = {{"SELECT version_id, tag FROM tags ORDER BY tag", &CatalogEntry::tags},
               {"SELECT version_id, alias FROM aliases ORDER BY alias", &CatalogEntry::aliases}};
        for (const auto &[labelSql, member] : labelTables) {
            auto q = d->query(QString::fromLatin1(labelSql));
            if (!q)
                return std::unexpected(q.error());
            while (q->next()) {
                const auto it = index.constFind(q->value(0).toLongLong());
                if (it != index.constEnd())
                    (entries[*it].*member) << q->value(1).toString();
            }
        }
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return entries;
}

Expected<CatalogEntry> Catalog::entry(const ModelRef &typedRef) const
{
    const ModelRef ref = canonical(typedRef);
    CatalogEntry entry;
    auto done = d->read([&]() -> Expected<void> {
        auto where = d->resolve(ref);
        if (!where)
            return std::unexpected(where.error());
        auto q = d->query(
            QStringLiteral(
                "SELECT %1, v.description FROM versions v JOIN models m ON m.id = v.model_id"
                " WHERE v.id = ?")
                .arg(QLatin1String(kEntryColumns)),
            {where->versionId});
        if (!q)
            return std::unexpected(q.error());
        if (!q->next())
            return std::unexpected(d->notFound("the version vanished while it was read"));
        entry = entryFrom(*q);
        entry.description = q->value(16).toString();
        q->finish();
        auto tags
            = d->labels(QStringLiteral("SELECT tag FROM tags WHERE version_id = ? ORDER BY tag"),
                        where->versionId);
        if (!tags)
            return std::unexpected(tags.error());
        auto aliases = d->labels(
            QStringLiteral("SELECT alias FROM aliases WHERE version_id = ? ORDER BY alias"),
            where->versionId);
        if (!aliases)
            return std::unexpected(aliases.error());
        entry.tags = *tags;
        entry.aliases = *aliases;
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return entry;
}

Expected<QByteArray> Catalog::bytes(const ModelRef &typedRef) const
{
    const ModelRef ref = canonical(typedRef);
    QByteArray bytes;
    QString expected;
    qint64 size = 0;
    int version = 0;
    auto done = d->read([&]() -> Expected<void> {
        auto where = d->resolve(ref);
        if (!where)
            return std::unexpected(where.error());
        version = where->version;
        auto q
            = d->query(QStringLiteral("SELECT b.bytes, v.sha256, v.size FROM versions v"
                                      " LEFT JOIN blobs b ON b.version_id = v.id WHERE v.id = ?"),
                       {where->versionId});
        if (!q)
            return std::unexpected(q.error());
        if (!q->next())
            return std::unexpected(d->notFound("the version vanished while it was read"));
        if (q->value(0).isNull()) {
            return std::unexpected(catalogError(ErrorCode::Format,
                                                "the bytes of " + ref.name.toStdString() + ":"
                                                    + std::to_string(version)
                                                    + " are missing from the catalog",
                                                d->path));
        }
        bytes = q->value(0).toByteArray();
        expected = q->value(1).toString();
        size = q->value(2).toLongLong();
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    const QString found
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (bytes.size() != size || found != expected) {
        return std::unexpected(catalogError(
            ErrorCode::Format,
            ref.name.toStdString() + ":" + std::to_string(version)
                + " is damaged in the catalog: its bytes do not match the SHA-256 checksum "
                  "recorded when it "
                  "was registered (expected "
                + expected.left(16).toStdString() + "..., found " + found.left(16).toStdString()
                + "...). Use another version, or register the model file again.",
            d->path));
    }
    return bytes;
}

Expected<void> Catalog::setAlias(const QString &typedName, int version, const QString &alias)
{
    const QString name = canonicalModelName(typedName);
    if (auto ok = checkLabel(alias, "alias"); !ok)
        return ok;
    const QString time = d->now();
    return d->write([&]() -> Expected<void> {
        auto target = d->resolve(ModelRef {name, version, {}});
        if (!target)
            return std::unexpected(target.error());
        auto current = d->query(
            QStringLiteral("SELECT v.version FROM aliases a JOIN versions v ON v.id = a.version_id"
                           " WHERE a.model_id = ? AND a.alias = ?"),
            {target->modelId, alias});
        if (!current)
            return std::unexpected(current.error());
        QString before = QStringLiteral("none");
        if (current->next()) {
            if (current->value(0).toInt() == version)
                return {};
            before = current->value(0).toString();
        }
        current->finish();
        auto q = d->query(
            QStringLiteral(
                "INSERT INTO aliases (model_id, alias, version_id) VALUES (?, ?, ?)"
                " ON CONFLICT (model_id, alias) DO UPDATE SET version_id = excluded.version_id"),
            {target->modelId, alias, target->versionId});
        if (!q)
            return std::unexpected(q.error());
        return d->log(time, "alias_moved", target->modelId, name, version, alias,
                      QStringLiteral("%1: %2 -> %3").arg(alias, before).arg(version));
    });
}

Expected<void> Catalog::removeAlias(const QString &typedName, const QString &alias)
{
    const QString name = canonicalModelName(typedName);
    if (auto ok = checkLabel(alias, "alias"); !ok)
        return ok;
    const QString time = d->now();
    return d->write([&]() -> Expected<void> {
        auto target = d->resolve(ModelRef {name, std::nullopt, alias});
        if (!target)
            return std::unexpected(target.error());
        auto q = d->query(QStringLiteral("DELETE FROM aliases WHERE model_id = ? AND alias = ?"),
                          {target->modelId, alias});
        if (!q)
            return std::unexpected(q.error());
        return d->log(time, "alias_removed", target->modelId, name, target->version, alias,
                      QStringLiteral("%1: %2 -> none").arg(alias).arg(target->version));
    });
}

Expected<void> Catalog::tag(const ModelRef &typedRef, const QString &tag)
{
    const ModelRef ref = canonical(typedRef);
    if (auto ok = checkLabel(tag, "tag"); !ok)
        return ok;
    const QString time = d->now();
    return d->write([&]() -> Expected<void> {
        auto target = d->resolve(ref);
        if (!target)
            return std::unexpected(target.error());
        auto q
            = d->query(QStringLiteral("INSERT OR IGNORE INTO tags (version_id, tag) VALUES (?, ?)"),
                       {target->versionId, tag});
        if (!q)
            return std::unexpected(q.error());
        if (q->numRowsAffected() == 0)
            return {};
        return d->log(time, "tagged", target->modelId, ref.name, target->version, tag, tag);
    });
}

Expected<void> Catalog::untag(const ModelRef &typedRef, const QString &tag)
{
    const ModelRef ref = canonical(typedRef);
    if (auto ok = checkLabel(tag, "tag"); !ok)
        return ok;
    const QString time = d->now();
    return d->write([&]() -> Expected<void> {
        auto target = d->resolve(ref);
        if (!target)
            return std::unexpected(target.error());
        auto q = d->query(QStringLiteral("DELETE FROM tags WHERE version_id = ? AND tag = ?"),
                          {target->versionId, tag});
        if (!q)
            return std::unexpected(q.error());
        if (q->numRowsAffected() == 0) {
            return std::unexpected(d->notFound(ref.name.toStdString() + ":"
                                               + std::to_string(target->version) + " has no tag "
                                               + quoted(tag)));
        }
        return d->log(time, "untagged", target->modelId, ref.name, target->version, tag, tag);
    });
}

Expected<void> Catalog::describe(const ModelRef &typedRef, const QString &markdown)
{
    const ModelRef ref = canonical(typedRef);
    if (auto ok = checkDescription(markdown); !ok)
        return ok;
    const QString time = d->now();
    return d->write([&]() -> Expected<void> {
        auto target = d->resolve(ref);
        if (!target)
            return std::unexpected(target.error());
        auto q = d->query(QStringLiteral("UPDATE versions SET description = ? WHERE id = ?"),
                          {markdown, target->versionId});
        if (!q)
            return std::unexpected(q.error());
        return d->log(time, "described", target->modelId, ref.name, target->version, {},
                      markdown.isEmpty() ? QStringLiteral("description removed")
                                         : QStringLiteral("%1 characters").arg(markdown.size()));
    });
}

Expected<void> Catalog::rename(const QString &typedOld, const QString &typedNew)
{
    const QString oldName = canonicalModelName(typedOld);
    const QString newName = canonicalModelName(typedNew);
    if (auto ok = checkModelName(newName); !ok)
        return ok;
    if (oldName == newName)
        return std::unexpected(
            Error {ErrorCode::Usage, "the old and new names are the same", {}, 0, 0, {}});
    const QString time = d->now();
    return d->write([&]() -> Expected<void> {
        auto model = d->modelId(oldName);
        if (!model)
            return std::unexpected(model.error());
        if (!*model)
            return std::unexpected(
                d->notFound("there is no model named " + quoted(oldName) + " in the catalog"));
        auto taken = d->modelId(newName);
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            return std::unexpected(
                d->notFound("a model named " + quoted(newName) + " already exists"));
        // Numbers the new name had before (a model removed or renamed away) are not given again.
        auto before = d->versionsEverUnder(newName);
        if (!before)
            return std::unexpected(before.error());
        auto q = d->query(
            QStringLiteral(
                "UPDATE models SET name = ?, last_version = MAX(last_version, ?) WHERE id = ?"),
            {newName, *before, **model});
        if (!q)
            return std::unexpected(q.error());
        return d->log(time, "renamed", **model, oldName, std::nullopt, {},
                      QStringLiteral("%1 -> %2").arg(oldName, newName));
    });
}

Expected<CatalogRemoval> Catalog::remove(const QString &typedName, std::optional<int> version,
                                         AliasesOnRemove aliases)
{
    const QString name = canonicalModelName(typedName);
    const QString time = d->now();
    CatalogRemoval removal;
    auto done = d->write([&]() -> Expected<void> {
        removal = {};
        auto model = d->modelId(name);
        if (!model)
            return std::unexpected(model.error());
        if (!*model)
            return std::unexpected(
                d->notFound("there is no model named " + quoted(name) + " in the catalog"));
        const qint64 modelId = **model;
        if (version) {
            auto target = d->resolve(ModelRef {name, version, {}});
            if (!target)
                return std::unexpected(target.error());
            removal.versions.push_back(*version);
        } else {
            auto versions = d->versionsOf(modelId);
            if (!versions)
                return std::unexpected(versions.error());
            removal.versions = *versions;
        }
        // Checked inside the transaction: an alias set meanwhile by another process counts.
        auto lost = d->aliasesOn(modelId, version);
        if (!lost)
            return std::unexpected(lost.error());
        if (!lost->empty() && aliases == AliasesOnRemove::Refuse)
            return std::unexpected(d->aliasesInTheWay(name, version, *lost));
        // Aliases that go with the removed versions: logged, so aliasAt() stays right.
        for (const auto &[alias, v] : *lost) {
            if (auto ok = d->log(time, "alias_removed", modelId, name, v, alias,
                                 QStringLiteral("%1: %2 -> none").arg(alias).arg(v));
                !ok)
                return ok;
            removal.droppedAliases << alias;
        }
        // One event per version, so that the numbers stay taken (see versionsEverUnder).
        for (int v : removal.versions) {
            if (auto ok = d->log(time, "deleted", modelId, name, v, {},
                                 version ? QString() : QStringLiteral("whole model"));
                !ok)
                return ok;
        }
        // Blobs, tags and aliases follow by ON DELETE CASCADE. A model whose last version goes
        // keeps its row (and so its numbering) until the model itself is removed.
        auto q = version
            ? d->query(QStringLiteral("DELETE FROM versions WHERE model_id = ? AND version = ?"),
                       {modelId, *version})
            : d->query(QStringLiteral("DELETE FROM models WHERE id = ?"), {modelId});
        if (!q)
            return std::unexpected(q.error());
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return removal;
}

Expected<std::vector<CatalogEvent>> Catalog::history(const QString &typedName) const
{
    const QString name = canonicalModelName(typedName);
    constexpr auto kColumns = "SELECT time, event, name, version, detail FROM events";
    std::vector<CatalogEvent> out;
    auto done = d->read([&]() -> Expected<void> {
        Expected<std::vector<CatalogEvent>> events = std::unexpected(Error {});
        if (name.isEmpty()) {
            events = d->events(QStringLiteral("%1 ORDER BY id").arg(QLatin1String(kColumns)), {});
        } else {
            events = d->events(
                QStringLiteral(
                    "%1 WHERE name = ? OR model_id = (SELECT id FROM models WHERE name = ?)"
                    " ORDER BY id")
                    .arg(QLatin1String(kColumns)),
                {name, name});
        }
        if (!events)
            return std::unexpected(events.error());
        out = std::move(*events);
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    if (!name.isEmpty() && out.empty())
        return std::unexpected(d->notFound("there is no model named " + quoted(name)
                                           + " in the catalog, and none had "
                                             "that name before"));
    return out;
}

Expected<std::vector<CatalogEvent>> Catalog::versionHistory(const QString &typedName,
                                                            int version) const
{
    const QString name = canonicalModelName(typedName);
    std::vector<CatalogEvent> out;
    auto done = d->read([&]() -> Expected<void> {
        auto target = d->resolve(ModelRef {name, version, {}});
        if (!target)
            return std::unexpected(target.error());
        auto events
            = d->events(QStringLiteral("SELECT time, event, name, version, detail FROM events"
                                       " WHERE model_id = ? AND version = ? ORDER BY id"),
                        {target->modelId, version});
        if (!events)
            return std::unexpected(events.error());
        out = std::move(*events);
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return out;
}

Expected<std::optional<int>> Catalog::aliasAt(const QString &typedName, const QString &alias,
                                              const QDateTime &when) const
{
    const QString name = canonicalModelName(typedName);
    if (auto ok = checkLabel(alias, "alias"); !ok)
        return std::unexpected(ok.error());
    std::optional<int> answer;
    auto done = d->read([&]() -> Expected<void> {
        // The model that bears the name now; else the last one that bore it.
        auto q = d->query(
            QStringLiteral(
                "SELECT COALESCE((SELECT id FROM models WHERE name = ?),"
                " (SELECT model_id FROM events WHERE name = ? ORDER BY id DESC LIMIT 1))"),
            {name, name});
        if (!q)
            return std::unexpected(q.error());
        if (!q->next() || q->value(0).isNull())
            return std::unexpected(
                d->notFound("there is no model named " + quoted(name) + " in the catalog"));
        const qint64 modelId = q->value(0).toLongLong();
        q->finish();
        auto last = d->query(
            QStringLiteral("SELECT event, version FROM events WHERE model_id = ? AND subject = ?"
                           " AND event IN ('alias_moved', 'alias_removed') AND time <= ?"
                           " ORDER BY id DESC LIMIT 1"),
            {modelId, alias, timeText(when)});
        if (!last)
            return std::unexpected(last.error());
        if (last->next() && last->value(0).toString() == QLatin1String("alias_moved"))
            answer = last->value(1).toInt();
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return answer;
}

std::optional<CatalogSort> catalogSortFromName(const QString &name)
{
    static const std::pair<const char *, CatalogSort> kNames[]
        = {{"name", CatalogSort::Name},
           {"version", CatalogSort::Version},
           {"created", CatalogSort::Created},
           {"accuracy", CatalogSort::Accuracy},
           {"size", CatalogSort::Size}};
    for (const auto &[text, sort] : kNames) {
        if (name == QLatin1String(text))
            return sort;
    }
    return std::nullopt;
}

QStringList catalogSortNames()
{
    return {QStringLiteral("name"), QStringLiteral("version"), QStringLiteral("created"),
            QStringLiteral("accuracy"), QStringLiteral("size")};
}

} // namespace mb
