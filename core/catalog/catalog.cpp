// SPDX-License-Identifier: MIT
#include "core/catalog/catalog.h"

#include "core/catalog/catalog_impl.h"

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

namespace catalog_detail {

std::string quoted(const QString &text)
{
    // Built with append(): g++ 12 warns falsely (-Wrestrict) on "literal" + std::string.
    std::string out(1, '\'');
    out.append(text.toStdString()).push_back('\'');
    return out;
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
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

} // namespace catalog_detail

namespace {

QString mebibytes(qint64 bytes)
{
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1)
        + QStringLiteral(" MiB");
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

} // namespace

Catalog::Catalog(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{
}
Catalog::Catalog(Catalog &&) noexcept = default;
Catalog &Catalog::operator=(Catalog &&) noexcept = default;
Catalog::~Catalog() = default;

QString Catalog::path() const
{
    return d->path;
}

bool Catalog::isServer() const
{
    return dialectOf(d->db()) == SqlDialect::Postgres;
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
            // RETURNING, not lastInsertId(): QPSQL's is an OID, which our tables do not have.
            auto inserted = d->query(QStringLiteral("INSERT INTO models (name, last_version)"
                                                    " VALUES (?, ?) RETURNING id"),
                                     {name, last});
            if (!inserted)
                return std::unexpected(inserted.error());
            if (!inserted->next())
                return std::unexpected(d->notFound("the new model got no id"));
            modelId = inserted->value(0).toLongLong();
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
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {modelId, entry.version, entry.algo, QString::fromUtf8(classesJson), entry.datasetName,
             entry.fingerprint, entry.rows, QString::fromUtf8(metricsJson),
             entry.accuracy ? QVariant(*entry.accuracy) : QVariant(), entry.created,
             entry.registered, entry.size, entry.sha256, entry.archive, entry.formatVersion,
             entry.description});
        if (!version)
            return std::unexpected(version.error());
        if (!version->next())
            return std::unexpected(d->notFound("the new version got no id"));
        const qint64 versionId = version->value(0).toLongLong();
        version->finish();
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
            = d->query(QStringLiteral("INSERT INTO tags (version_id, tag) VALUES (?, ?)"
                                      " ON CONFLICT DO NOTHING"),
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
                "UPDATE models SET name = ?,"
                " last_version = CASE WHEN last_version >= ? THEN last_version ELSE ? END"
                " WHERE id = ?"),
            {newName, *before, *before, **model});
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

