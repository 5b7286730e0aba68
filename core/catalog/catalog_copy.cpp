// SPDX-License-Identifier: MIT
// Copying a whole catalog between backends (SQLite file <-> PostgreSQL database), rows and ids
// as they are, so that version numbers, aliases and history survive the move.
#include "core/catalog/catalog_impl.h"

#include <QCryptographicHash>

#include <algorithm>
#include <string_view>

namespace mb {

namespace {

struct Table
{
    const char *name;
    const char *columns; ///< comma-separated

    int columnCount() const { return int(std::ranges::count(std::string_view(columns), ',')) + 1; }
};

// Parents before children, so that every foreign key finds its row. Blobs go separately, one
// at a time, to keep memory at one model.
constexpr Table kModels {"models", "id, name, last_version"};
constexpr Table kVersions {"versions",
                           "id, model_id, version, algo, classes, dataset_name,"
                           " dataset_fingerprint, rows, metrics, accuracy, created, registered,"
                           " size, sha256, archive, format_version, description"};
constexpr Table kTags {"tags", "version_id, tag"};
constexpr Table kAliases {"aliases", "model_id, alias, version_id"};
constexpr Table kEvents {"events", "id, time, event, model_id, name, version, subject, detail"};

// Where copyBlobs finds what it checks, in a row of kVersions.
constexpr int kVersionId = 0, kVersionModel = 1, kVersionNumber = 2, kVersionSize = 12,
              kVersionSha256 = 13;

using Rows = std::vector<QVariantList>;

Expected<Rows> readTable(Catalog::Impl &from, const Table &table)
{
    auto q = from.query(QStringLiteral("SELECT %1 FROM %2 ORDER BY 1")
                            .arg(QLatin1String(table.columns), QLatin1String(table.name)));
    if (!q)
        return std::unexpected(q.error());
    Rows rows;
    while (q->next()) {
        QVariantList row;
        for (int c = 0; c < table.columnCount(); ++c) {
            // SQL NULL travels as an invalid QVariant (runQuery would make a null string '').
            const QVariant value = q->value(c);
            row << (value.isNull() ? QVariant() : value);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Expected<void> writeTable(Catalog::Impl &to, const Table &table, const Rows &rows)
{
    QStringList marks;
    for (int c = 0; c < table.columnCount(); ++c)
        marks << QStringLiteral("?");
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(QLatin1String(table.name), QLatin1String(table.columns),
                                 marks.join(QStringLiteral(", ")));
    for (const QVariantList &row : rows) {
        if (auto q = to.query(sql, row); !q)
            return std::unexpected(q.error());
    }
    return {};
}

/// Copies the bytes of every version, checking each against the SHA-256 and size its version
/// row recorded.
Expected<qint64> copyBlobs(Catalog::Impl &from, Catalog::Impl &to, const Rows &versions)
{
    qint64 total = 0;
    for (const QVariantList &version : versions) {
        const qint64 id = version[kVersionId].toLongLong();
        const QString label = QStringLiteral("version %1 of model id %2")
                                  .arg(version[kVersionNumber].toInt())
                                  .arg(version[kVersionModel].toLongLong());
        QByteArray bytes;
        {
            auto q = from.query(QStringLiteral("SELECT bytes FROM blobs WHERE version_id = ?"),
                                {id});
            if (!q)
                return std::unexpected(q.error());
            if (!q->next()) {
                return std::unexpected(catalogError(
                    ErrorCode::Format,
                    "the bytes of " + label.toStdString() + " are missing; nothing was copied",
                    from.path));
            }
            bytes = q->value(0).toByteArray();
        }
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        if (bytes.size() != version[kVersionSize].toLongLong()
            || sha != version[kVersionSha256].toString()) {
            return std::unexpected(catalogError(
                ErrorCode::Format,
                "the bytes of " + label.toStdString()
                    + " do not match their recorded SHA-256; nothing was copied. Remove that "
                      "version from the source first.",
                from.path));
        }
        if (auto q = to.query(QStringLiteral("INSERT INTO blobs (version_id, bytes) VALUES (?, ?)"),
                              {id, bytes});
            !q)
            return std::unexpected(q.error());
        total += bytes.size();
    }
    return total;
}

Expected<bool> isEmpty(Catalog::Impl &catalog)
{
    auto q = catalog.query(QStringLiteral(
        "SELECT (SELECT count(*) FROM models) + (SELECT count(*) FROM events)"));
    if (!q)
        return std::unexpected(q.error());
    return q->next() && q->value(0).toLongLong() == 0;
}

/// PostgreSQL's identity columns do not notice ids given explicitly: move each sequence past
/// the copied rows. (SQLite's AUTOINCREMENT does so by itself.)
Expected<void> advanceIdentities(Catalog::Impl &to)
{
    if (dialectOf(to.db()) != SqlDialect::Postgres)
        return {};
    for (const char *table : {"models", "versions", "events"}) {
        auto q = to.query(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'),"
                                         " (SELECT COALESCE(MAX(id), 0) + 1 FROM %1), false)")
                              .arg(QLatin1String(table)));
        if (!q)
            return std::unexpected(q.error());
    }
    return {};
}

} // namespace

Expected<CatalogCopyReport> Catalog::copyInto(Catalog &destination) const
{
    if (destination.d->path == d->path) {
        return std::unexpected(Error {ErrorCode::Usage,
                                      "the source and the destination are the same catalog",
                                      {}, 0, 0, {}});
    }
    if (destination.d->readOnly)
        return std::unexpected(readOnlyError(destination.d->path));
    Impl &from = *d;
    Impl &to = *destination.d;
    CatalogCopyReport report;
    // A snapshot of the source for the whole copy; one transaction on the destination.
    auto done = from.read([&]() -> Expected<void> {
        return to.write([&]() -> Expected<void> {
            report = {};
            auto empty = isEmpty(to);
            if (!empty)
                return std::unexpected(empty.error());
            if (!*empty) {
                return std::unexpected(catalogError(
                    ErrorCode::Usage,
                    "the destination already holds models or history; copy into a new, empty "
                    "catalog",
                    to.path));
            }
            Rows versions;
            for (const Table *table : {&kModels, &kVersions, &kTags, &kAliases, &kEvents}) {
                auto rows = readTable(from, *table);
                if (!rows)
                    return std::unexpected(rows.error());
                if (auto ok = writeTable(to, *table, *rows); !ok)
                    return ok;
                if (table == &kModels)
                    report.models = static_cast<int>(rows->size());
                if (table == &kEvents)
                    report.events = static_cast<int>(rows->size());
                if (table == &kVersions) {
                    report.versions = static_cast<int>(rows->size());
                    auto bytes = copyBlobs(from, to, *rows);
                    if (!bytes)
                        return std::unexpected(bytes.error());
                    report.bytes = *bytes;
                }
            }
            return advanceIdentities(to);
        });
    });
    if (!done)
        return std::unexpected(done.error());
    return report;
}

} // namespace mb
