// SPDX-License-Identifier: MIT
#pragma once
// Private to mb_catalog: what Catalog's member functions share, across catalog.cpp (the
// operations), catalog_open.cpp (opening either backend) and catalog_copy.cpp.

#include "core/catalog/catalog.h"
#include "core/catalog/catalog_connection.h"
#include "core/catalog/catalog_location.h"
#include "core/catalog/write_transaction.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mb {

namespace catalog_detail {

/// 'text', for messages.
std::string quoted(const QString &text);

/// UTC, ISO 8601 with milliseconds: how the catalog stores times.
QString timeText(const QDateTime &time);

/// "1, 3, 4".
QString versionList(const std::vector<int> &versions);

/// One row of "time, event, name, version, detail".
CatalogEvent eventFrom(const QSqlQuery &q);

/// `ref` with its name in the form the catalog stores.
ModelRef canonical(ModelRef ref);

/// Where a reference points.
struct Resolved
{
    qint64 versionId = 0;
    qint64 modelId = 0;
    int version = 0;
};

} // namespace catalog_detail

// Private header: the catalog's own files all work in catalog_detail's terms.
using namespace catalog_detail;

struct Catalog::Impl
{
    QString path; ///< the file, or the server URL without its password
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
        retry.lockTimeoutMs = options.busyTimeoutMs;
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

} // namespace mb
