// SPDX-License-Identifier: MIT
#include "core/catalog/catalog_location.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace mb {

namespace {

constexpr QLatin1StringView kSqlitePrefix("sqlite:");

Expected<CatalogLocation> badUrl(const QString &text, const std::string &why)
{
    Error error;
    error.code = ErrorCode::Usage;
    error.message = "cannot use the catalog URL '" + text.toStdString() + "': " + why
        + " (expected postgresql://USER@HOST:PORT/DATABASE)";
    return std::unexpected(error);
}

/// URL query keys we hand to libpq. Connection parts have their own places in the URL, and a
/// password in a query string would end up in shell history and settings.
bool isPassedOption(const QString &key)
{
    static const QRegularExpression kKey(QStringLiteral("^[a-z_]{1,40}$"));
    static const QStringList kOwnPlaces {QStringLiteral("host"), QStringLiteral("hostaddr"),
                                         QStringLiteral("port"), QStringLiteral("user"),
                                         QStringLiteral("dbname"), QStringLiteral("password"),
                                         QStringLiteral("passfile")};
    return kKey.match(key).hasMatch() && !kOwnPlaces.contains(key);
}

QMutex g_passwordsLock;
QHash<QString, QString> &passwords()
{
    static QHash<QString, QString> store;
    return store;
}

} // namespace

bool isCatalogUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

QString CatalogLocation::display() const
{
    if (backend == CatalogBackend::Sqlite)
        return filePath;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    if (port != 5432)
        url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    if (!options.isEmpty()) {
        QUrlQuery query;
        for (const QString &pair : options.split(QLatin1Char(';'))) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            query.addQueryItem(pair.left(eq), pair.mid(eq + 1));
        }
        url.setQuery(query);
    }
    return url.toString();
}

Expected<CatalogLocation> CatalogLocation::parse(const QString &text)
{
    CatalogLocation location;
    if (!isCatalogUrl(text)) {
        location.filePath = text.startsWith(kSqlitePrefix, Qt::CaseInsensitive)
            ? text.mid(kSqlitePrefix.size())
            : text;
        return location;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return badUrl(text, url.errorString().toStdString());
    location.backend = CatalogBackend::Postgres;
    location.user = url.userName();
    location.password = url.password();
    location.host = url.host();
    location.port = url.port(5432);
    if (location.port < 1 || location.port > 65535)
        return badUrl(text, "the port must be between 1 and 65535");
    location.database = url.path().mid(1);
    if (location.database.isEmpty() || location.database.contains(QLatin1Char('/')))
        return badUrl(text, "it names no database");
    if (!url.fragment().isEmpty())
        return badUrl(text, "a catalog URL has no #fragment");
    QStringList options;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (!isPassedOption(key)) {
            return badUrl(text, key == QLatin1String("password")
                                    ? std::string("put the password in PGPASSWORD or ~/.pgpass, "
                                                  "not in the URL's query")
                                    : QStringLiteral("'%1' is not a connection option here")
                                          .arg(key)
                                          .toStdString());
        }
        if (value.isEmpty() || value.contains(QRegularExpression(QStringLiteral("[;\\s'\"\\\\]"))))
            return badUrl(text, QStringLiteral("the value of '%1' is empty or has ';', quotes or "
                                               "spaces")
                                    .arg(key)
                                    .toStdString());
        options << key + QLatin1Char('=') + value;
    }
    location.options = options.join(QLatin1Char(';'));
    return location;
}

void rememberCatalogPassword(const QString &location, const QString &password)
{
    const QMutexLocker lock(&g_passwordsLock);
    passwords().insert(location, password);
}

QString rememberedCatalogPassword(const QString &location)
{
    const QMutexLocker lock(&g_passwordsLock);
    return passwords().value(location);
}

} // namespace mb
