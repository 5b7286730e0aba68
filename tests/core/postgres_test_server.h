// SPDX-License-Identifier: MIT
#pragma once
// A throwaway PostgreSQL server for one test executable (scripts/pg-test-server.sh), and fresh
// databases on it. Logins use the password from PGPASSWORD, which start() sets: the catalog
// finds it the way a user's would.

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

class PostgresTestServer
{
public:
    PostgresTestServer() = default;
    PostgresTestServer(const PostgresTestServer &) = delete;
    PostgresTestServer &operator=(const PostgresTestServer &) = delete;
    ~PostgresTestServer() { stop(); }

    enum class Started { Yes, NoBinaries, Failed };

    /// Whether this run of a catalog suite is against PostgreSQL
    /// (MB_TEST_CATALOG_BACKEND=postgresql; CTest's *_postgresql entries set it).
    static bool requested() { return qgetenv("MB_TEST_CATALOG_BACKEND") == "postgresql"; }

    /// Starts the server; on NoBinaries or Failed, `why` says what happened.
    Started start(QString *why, bool durable = false)
    {
        QProcess script;
        QStringList args {QStringLiteral("start")};
        if (durable)
            args << QStringLiteral("--durable");
        script.start(QStringLiteral(MB_SOURCE_DIR "/scripts/pg-test-server.sh"), args);
        script.waitForFinished(120'000);
        const QStringList parts = QString::fromUtf8(script.readAllStandardOutput()).split(u' ');
        *why = QString::fromUtf8(script.readAllStandardError()).trimmed();
        if (script.exitCode() == 3)
            return Started::NoBinaries;
        if (script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0
            || parts.size() != 2)
            return Started::Failed;
        m_port = parts[0].toInt();
        m_folder = parts[1].trimmed();
        qputenv("PGPASSWORD", "modelbench");
        return Started::Yes;
    }

    void stop()
    {
        if (m_folder.isEmpty())
            return;
        QSqlDatabase::removeDatabase(adminName());
        QProcess::execute(QStringLiteral(MB_SOURCE_DIR "/scripts/pg-test-server.sh"),
                          {QStringLiteral("stop"), m_folder});
        m_folder.clear();
    }

    int port() const { return m_port; }

    /// The catalog URL of database `name` (no password in it).
    QString url(const QString &name) const
    {
        return QStringLiteral("postgresql://modelbench@127.0.0.1:%1/%2").arg(m_port).arg(name);
    }

    /// Creates an empty database; false (with `why`) if the server refused.
    bool createDatabase(const QString &name, QString *why = nullptr)
    {
        return admin(QStringLiteral("CREATE DATABASE \"%1\"").arg(name), why);
    }

    /// A new, empty database named `name`, as a catalog URL; the test stops if the server
    /// refuses.
    QString freshDatabase(const QString &name)
    {
        QString why;
        if (!createDatabase(name, &why))
            qFatal("cannot create database %s: %s", qPrintable(name), qPrintable(why));
        return url(name);
    }

    /// Runs one statement on the server's "postgres" database as the test login.
    bool admin(const QString &sql, QString *why = nullptr)
    {
        QSqlDatabase db = QSqlDatabase::contains(adminName())
            ? QSqlDatabase::database(adminName())
            : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), adminName());
        if (!db.isOpen()) {
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setUserName(QStringLiteral("modelbench"));
            db.setDatabaseName(QStringLiteral("postgres"));
            if (!db.open()) {
                if (why)
                    *why = db.lastError().text();
                return false;
            }
            QSqlQuery(db).exec(QStringLiteral("SET client_min_messages = warning"));
        }
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            if (why)
                *why = query.lastError().text();
            return false;
        }
        return true;
    }

private:
    /// One admin connection per server: a test may run two.
    QString adminName() const { return QStringLiteral("pg-test-admin-%1").arg(m_port); }

    int m_port = 0;
    QString m_folder;
};

/// In a test function: starts `server`, or skips the rest, saying so, where the server binaries
/// are not installed (`suite` names what does not run), or fails when the server does not start.
#define MB_START_POSTGRES_OR_SKIP(server, suite)                                                   \
    do {                                                                                           \
        QString why_;                                                                              \
        switch ((server).start(&why_)) {                                                           \
        case PostgresTestServer::Started::Yes:                                                     \
            break;                                                                                 \
        case PostgresTestServer::Started::NoBinaries:                                              \
            QSKIP(qPrintable(QStringLiteral("PostgreSQL server binaries are not installed, so %1 " \
                                            "does not run against PostgreSQL here: %2")            \
                                 .arg(QStringLiteral(suite), why_)));                              \
        case PostgresTestServer::Started::Failed:                                                  \
            QFAIL(qPrintable(                                                                      \
                QStringLiteral("the PostgreSQL test server did not start: %1").arg(why_)));        \
        }                                                                                          \
    } while (false)
