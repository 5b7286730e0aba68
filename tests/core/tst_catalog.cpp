// SPDX-License-Identifier: MIT
// The model catalog in-process, on real SQLite files in a temporary folder, or (with
// MB_TEST_CATALOG_BACKEND=postgresql) on fresh databases of a throwaway PostgreSQL server: the
// same cases, except those about files, which have server counterparts where one exists.
#include "core/catalog/catalog.h"
#include "core/catalog/catalog_location.h"
#include "core/catalog/catalog_schema.h"
#include "core/io/dataset_loader.h"
#include "core/ml/model.h"
#include "core/model/model_file.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "postgres_test_server.h"

#include <span>

#include <unistd.h>

using namespace mb;

namespace {

/// A raw connection of the test's own (not the catalog's), to the file or the server's
/// database at `location`, closed and removed on destruction.
class RawDb
{
public:
    explicit RawDb(const QString &location)
        : m_name(QStringLiteral("raw-%1").arg(++s_serial))
    {
        const auto where = CatalogLocation::parse(location);
        if (!where)
            qFatal("bad location %s", qPrintable(location));
        if (where->isServer()) {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
            m_db.setHostName(where->host);
            m_db.setPort(where->port);
            m_db.setUserName(where->user);
            m_db.setDatabaseName(where->database);
        } else {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
            m_db.setDatabaseName(location);
        }
        if (!m_db.open())
            qFatal("cannot open %s", qPrintable(location));
    }
    ~RawDb()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }

    bool exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(m_db);
        if (values.isEmpty()) { // PostgreSQL prepares only queries, not BEGIN or CREATE
            const bool ok = q.exec(sql);
            m_lastError = q.lastError().text();
            return ok;
        }
        const bool prepared = q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        const bool ok = prepared && q.exec();
        m_lastError = q.lastError().text();
        return ok;
    }

    QVariant value(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(m_db);
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0);
    }

    /// What SQLite said about the last exec().
    QString lastError() const { return m_lastError; }

private:
    static inline int s_serial = 0;
    QString m_lastError;
    QString m_name;
    QSqlDatabase m_db;
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString message(const Error &e)
{
    return QString::fromStdString(e.message);
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_serial = 0;
    bool m_server = false; // the cases run against PostgreSQL
    PostgresTestServer m_postgres;
    QByteArray m_nb; // nb on iris, accuracy 0.9, binary archive
    QByteArray m_nbBest; // the same with accuracy 0.97
    QByteArray m_nbText; // text archive: larger, accuracy 0.8

    /// A fresh catalog for each test: a new file path, or the URL of a new, empty database.
    QString freshPath()
    {
        ++m_serial;
        if (!m_server)
            return m_dir.filePath(QStringLiteral("catalog-%1.sqlite").arg(m_serial));
        return m_postgres.freshDatabase(QStringLiteral("catalog_%1").arg(m_serial));
    }

    /// A fresh SQLite file, whichever backend the cases run against.
    QString freshFile()
    {
        return m_dir.filePath(QStringLiteral("file-%1.sqlite").arg(++m_serial));
    }

    /// Sets the schema version the catalog at `location` claims, behind its back.
    void claimSchemaVersion(const QString &location, int version)
    {
        RawDb raw(location);
        const QString sql = m_server
            ? QStringLiteral("UPDATE modelbench_catalog SET value = '%1' WHERE key = "
                             "'schema_version'")
            : QStringLiteral("PRAGMA user_version = %1");
        QVERIFY2(raw.exec(sql.arg(version)), qPrintable(raw.lastError()));
    }

    /// The schema version the catalog at `location` claims.
    int claimedSchemaVersion(const QString &location)
    {
        RawDb raw(location);
        return raw
            .value(m_server ? QStringLiteral("SELECT value FROM modelbench_catalog WHERE key = "
                                             "'schema_version'")
                            : QStringLiteral("PRAGMA user_version"))
            .toInt();
    }

    static QByteArray modelBytes(double accuracy, ArchiveKind kind)
    {
        auto iris = loadDataset(QStringLiteral("sample:iris.csv"));
        if (!iris)
            qFatal("iris: %s", iris.error().message.c_str());
        FitControl control;
        control.seed = 3;
        control.threads = 1;
        auto model = Model::train(*iris, {}, "nb", {}, control);
        if (!model)
            qFatal("training nb failed: %s", model.error().message.c_str());
        model->setMetrics({{"accuracy", accuracy}, {"macro_f1", accuracy - 0.01}});
        auto bytes = encodeModelFile(*model, kind);
        if (!bytes)
            qFatal("encoding failed: %s", bytes.error().message.c_str());
        return *bytes;
    }

    static Catalog open(const QString &path, const CatalogOptions &options = {})
    {
        auto catalog = Catalog::open(path, options);
        if (!catalog)
            qFatal("cannot open the catalog: %s", catalog.error().describe().c_str());
        return std::move(*catalog);
    }

    static std::vector<int> versionsIn(const std::vector<CatalogEntry> &entries)
    {
        std::vector<int> out;
        for (const CatalogEntry &e : entries)
            out.push_back(e.version);
        return out;
    }

    static QStringList eventNames(const std::vector<CatalogEvent> &events)
    {
        QStringList out;
        for (const CatalogEvent &e : events)
            out << e.event;
        return out;
    }

/// For cases about SQLite files (their bytes, permissions, side files), which a server has not.
#define MB_ABOUT_FILES_ONLY()                                                                      \
    if (m_server)                                                                                  \
    QSKIP("about SQLite files; the server has no counterpart")

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_server = PostgresTestServer::requested();
        if (m_server)
            MB_START_POSTGRES_OR_SKIP(m_postgres, "the catalog suite");
        m_nb = modelBytes(0.9, ArchiveKind::Binary);
        m_nbBest = modelBytes(0.97, ArchiveKind::Binary);
        m_nbText = modelBytes(0.8, ArchiveKind::Text);
    }

    void versionsCountUpPerNameAndAreNeverReused()
    {
        Catalog c = open(freshPath());
        QCOMPARE(c.add(QStringLiteral("churn"), m_nb)->version, 1);
        QCOMPARE(c.add(QStringLiteral("churn"), m_nb)->version, 2);
        QCOMPARE(c.add(QStringLiteral("fraud"), m_nb)->version, 1);
        QVERIFY(c.remove(QStringLiteral("churn"), 2));
        QCOMPARE(c.add(QStringLiteral("churn"), m_nb)->version, 3);
        // Removing the whole model does not free its numbers either.
        QCOMPARE(c.remove(QStringLiteral("churn"))->versions, (std::vector<int> {1, 3}));
        QCOMPARE(c.add(QStringLiteral("churn"), m_nb)->version, 4);
        QCOMPARE(
            versionsIn(*c.list(CatalogFilter {QStringLiteral("churn"), {}, CatalogSort::Name})),
            std::vector<int> {4});
    }

    void addStoresHeaderFields()
    {
        Catalog c = open(freshPath());
        auto added = c.add(
            QStringLiteral("iris-nb"), m_nb,
            {{QStringLiteral("baseline")}, QStringLiteral("# First try\nNaive Bayes."), {}});
        QVERIFY2(added, added ? "" : added.error().describe().c_str());
        const CatalogEntry e = *c.entry(ModelRef {QStringLiteral("iris-nb"), 1, {}});
        QCOMPARE(e.algo, QStringLiteral("nb"));
        QCOMPARE(e.classes.size(), 3);
        QCOMPARE(e.rows, 150);
        QCOMPARE(e.size, m_nb.size());
        QCOMPARE(e.sha256, sha256(m_nb));
        QCOMPARE(e.archive, QStringLiteral("binary"));
        QCOMPARE(e.formatVersion, 1);
        QCOMPARE(e.fingerprint.size(), 16);
        QVERIFY(e.accuracy);
        QCOMPARE(*e.accuracy, 0.9);
        QCOMPARE(e.metrics.at("accuracy"), 0.9);
        QCOMPARE(e.tags, QStringList {QStringLiteral("baseline")});
        QCOMPARE(e.description, QStringLiteral("# First try\nNaive Bayes."));
        QVERIFY(!e.created.isEmpty());
        QVERIFY(e.registered.endsWith(QLatin1Char('Z')));
        QCOMPARE(e.registered.size(), 24); // 2026-11-01T09:30:00.000Z
    }

    void exportGivesTheExactBytes()
    {
        Catalog c = open(freshPath());
        QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        QVERIFY(c.add(QStringLiteral("churn"), m_nbText));
        QCOMPARE(*c.bytes(ModelRef {QStringLiteral("churn"), 1, {}}), m_nb);
        QCOMPARE(*c.bytes(*ModelRef::parse(QStringLiteral("churn"))), m_nbText); // latest
        QVERIFY(c.setAlias(QStringLiteral("churn"), 1, QStringLiteral("production")));
        QCOMPARE(*c.bytes(*ModelRef::parse(QStringLiteral("churn@production"))), m_nb);
        // What comes back loads as a model.
        QVERIFY(decodeModelFile(*c.bytes(*ModelRef::parse(QStringLiteral("churn:2"))),
                                QStringLiteral("x")));
    }

    void listFiltersAndSorts()
    {
        Catalog c = open(freshPath());
        QVERIFY(
            c.add(QStringLiteral("b-model"), m_nb, {{QStringLiteral("eu")}, {}, {}})); // acc 0.9
        QVERIFY(c.add(QStringLiteral("a-model"), m_nbText,
                      {{QStringLiteral("us")}, {}, {}})); // acc 0.8, largest
        QVERIFY(c.add(QStringLiteral("b-model"), m_nbBest,
                      {{QStringLiteral("eu")}, {}, {}})); // acc 0.97

        auto names = [](const std::vector<CatalogEntry> &entries) {
            QStringList out;
            for (const CatalogEntry &e : entries)
                out << e.ref().toString();
            return out;
        };
        QCOMPARE(names(*c.list()), (QStringList {"a-model:1", "b-model:1", "b-model:2"}));
        QCOMPARE(names(*c.list({{}, {}, CatalogSort::Accuracy})),
                 (QStringList {"b-model:2", "b-model:1", "a-model:1"}));
        QCOMPARE(names(*c.list({{}, {}, CatalogSort::Size})).first(), QStringLiteral("a-model:1"));
        QCOMPARE(names(*c.list({{}, {}, CatalogSort::Version})),
                 (QStringList {"a-model:1", "b-model:1", "b-model:2"}));
        QCOMPARE(names(*c.list({QStringLiteral("b-model"), {}, CatalogSort::Name})),
                 (QStringList {"b-model:1", "b-model:2"}));
        QCOMPARE(names(*c.list({{}, QStringLiteral("us"), CatalogSort::Name})),
                 QStringList {"a-model:1"});
        QVERIFY(c.list({QStringLiteral("nobody"), {}, CatalogSort::Name})->empty());
        QVERIFY(c.list({{}, QStringLiteral("eu"), CatalogSort::Name})->size() == 2);
        // list() never reads descriptions (nor bytes).
        QVERIFY(c.list()->front().description.isEmpty());
        QVERIFY(catalogSortFromName(QStringLiteral("accuracy")));
        QVERIFY(!catalogSortFromName(QStringLiteral("colour")));
    }

    void tagsAreAddedOnceAndRemoved()
    {
        Catalog c = open(freshPath());
        QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        const ModelRef v1 {QStringLiteral("churn"), 1, {}};
        QVERIFY(c.tag(v1, QStringLiteral("reviewed")));
        QVERIFY(c.tag(v1, QStringLiteral("reviewed"))); // again: no error, no second event
        QVERIFY(c.tag(*ModelRef::parse(QStringLiteral("churn")),
                      QStringLiteral("candidate"))); // latest = 2
        QCOMPARE(c.entry(v1)->tags, QStringList {QStringLiteral("reviewed")});
        QCOMPARE(c.entry(ModelRef {QStringLiteral("churn"), 2, {}})->tags,
                 QStringList {QStringLiteral("candidate")});
        QVERIFY(c.untag(v1, QStringLiteral("reviewed")));
        QVERIFY(c.entry(v1)->tags.isEmpty());
        auto missing = c.untag(v1, QStringLiteral("reviewed"));
        QVERIFY(!missing);
        QVERIFY(message(missing.error()).contains(QStringLiteral("has no tag 'reviewed'")));
        QCOMPARE(eventNames(*c.history(QStringLiteral("churn"))),
                 (QStringList {"registered", "registered", "tagged", "tagged", "untagged"}));
        QVERIFY(!c.tag(v1, QStringLiteral("not ok")));
    }

    void aliasesMoveAndEveryMoveIsLogged()
    {
        Catalog c = open(freshPath());
        QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        QVERIFY(c.add(QStringLiteral("churn"), m_nbBest));
        QVERIFY(c.setAlias(QStringLiteral("churn"), 1, QStringLiteral("production")));
        QCOMPARE(c.entry(*ModelRef::parse(QStringLiteral("churn@production")))->version, 1);
        QVERIFY(c.setAlias(QStringLiteral("churn"), 2, QStringLiteral("production")));
        QVERIFY(c.setAlias(QStringLiteral("churn"), 2,
                           QStringLiteral("production"))); // no move: no event
        QCOMPARE(c.entry(*ModelRef::parse(QStringLiteral("churn@production")))->version, 2);
        QCOMPARE(c.entry(ModelRef {QStringLiteral("churn"), 2, {}})->aliases,
                 QStringList {QStringLiteral("production")});
        QVERIFY(c.entry(ModelRef {QStringLiteral("churn"), 1, {}})->aliases.isEmpty());

        QStringList details;
        const auto history = *c.history(QStringLiteral("churn"));
        for (const CatalogEvent &e : history) {
            if (e.event == QLatin1String("alias_moved"))
                details << e.detail;
        }
        QCOMPARE(details, (QStringList {"production: none -> 1", "production: 1 -> 2"}));

        QVERIFY(!c.setAlias(QStringLiteral("churn"), 7, QStringLiteral("production")));
        QVERIFY(!c.setAlias(QStringLiteral("churn"), 1, QStringLiteral("@bad")));
        QVERIFY(c.removeAlias(QStringLiteral("churn"), QStringLiteral("production")));
        auto gone = c.entry(*ModelRef::parse(QStringLiteral("churn@production")));
        QVERIFY(!gone);
        QVERIFY(message(gone.error()).contains(QStringLiteral("no alias @production")));
    }

    void aliasAtAnswersFromTheEventLog()
    {
        QDateTime now = QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
        CatalogOptions options;
        options.clock = [&now] {
            return now;
        };
        Catalog c = open(freshPath(), options);
        QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        QVERIFY(c.add(QStringLiteral("churn"), m_nbBest));
        QVERIFY(c.add(QStringLiteral("churn"), m_nbText));
        now = QDateTime(QDate(2026, 10, 5), QTime(12, 0), Qt::UTC);
        QVERIFY(c.setAlias(QStringLiteral("churn"), 1, QStringLiteral("production")));
        now = QDateTime(QDate(2026, 10, 20), QTime(8, 30), Qt::UTC);
        QVERIFY(c.setAlias(QStringLiteral("churn"), 2, QStringLiteral("production")));
        now = QDateTime(QDate(2026, 11, 15), QTime(17, 0), Qt::UTC);
        QVERIFY(c.setAlias(QStringLiteral("churn"), 3, QStringLiteral("production")));
        now = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(c.remove(QStringLiteral("churn"), 3, AliasesOnRemove::Drop)); // and the alias

        auto at = [&c](int year, int month, int day) {
            return *c.aliasAt(QStringLiteral("churn"), QStringLiteral("production"),
                              QDateTime(QDate(year, month, day), QTime(23, 59, 59, 999), Qt::UTC));
        };
        QCOMPARE(at(2026, 10, 1), std::optional<int>());
        QCOMPARE(at(2026, 10, 5), std::optional<int>(1));
        QCOMPARE(at(2026, 11, 1),
                 std::optional<int>(2)); // which version was @production on 2026-11-01?
        QCOMPARE(at(2026, 11, 20), std::optional<int>(3));
        QCOMPARE(at(2026, 12, 2), std::optional<int>());
        // The exact instant of a move counts as after it.
        QCOMPARE(*c.aliasAt(QStringLiteral("churn"), QStringLiteral("production"),
                            QDateTime(QDate(2026, 10, 20), QTime(8, 30), Qt::UTC)),
                 std::optional<int>(2));
        QCOMPARE(*c.aliasAt(QStringLiteral("churn"), QStringLiteral("staging"),
                            QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC)),
                 std::optional<int>());
        QVERIFY(!c.aliasAt(QStringLiteral("nobody"), QStringLiteral("production"), now));
        // Times are UTC with milliseconds.
        QCOMPARE(c.history(QStringLiteral("churn"))->front().time,
                 QStringLiteral("2026-10-01T09:00:00.000Z"));
    }

    void renameKeepsVersionsAliasesAndHistory()
    {
        Catalog c = open(freshPath());
        QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        QVERIFY(c.add(QStringLiteral("churn"), m_nbBest));
        QVERIFY(c.setAlias(QStringLiteral("churn"), 2, QStringLiteral("production")));
        QVERIFY(c.rename(QStringLiteral("churn"), QStringLiteral("churn-eu")));
        QCOMPARE(
            versionsIn(*c.list(CatalogFilter {QStringLiteral("churn-eu"), {}, CatalogSort::Name})),
            (std::vector<int> {1, 2}));
        QVERIFY(c.list(CatalogFilter {QStringLiteral("churn"), {}, CatalogSort::Name})->empty());
        QCOMPARE(c.entry(*ModelRef::parse(QStringLiteral("churn-eu@production")))->version, 2);
        QCOMPARE(*c.bytes(*ModelRef::parse(QStringLiteral("churn-eu:1"))), m_nb);
        const auto history = *c.history(QStringLiteral("churn-eu"));
        QCOMPARE(eventNames(history),
                 (QStringList {"registered", "registered", "alias_moved", "renamed"}));
        QCOMPARE(history.back().detail, QStringLiteral("churn -> churn-eu"));
        QCOMPARE(c.add(QStringLiteral("churn-eu"), m_nb)->version, 3);
        // The old name's numbers stay taken: a new "churn" does not get a second churn:1.
        QCOMPARE(c.add(QStringLiteral("churn"), m_nb)->version, 3);

        QVERIFY(c.add(QStringLiteral("other"), m_nb));
        auto taken = c.rename(QStringLiteral("other"), QStringLiteral("churn-eu"));
        QVERIFY(!taken);
        QVERIFY(message(taken.error()).contains(QStringLiteral("already exists")));
        QVERIFY(!c.rename(QStringLiteral("nobody"), QStringLiteral("somebody")));
        QVERIFY(!c.rename(QStringLiteral("other"), QStringLiteral("bad:name")));
    }

    void removeTakesBytesTagsAndAliasesWithIt()
    {
        const QString path = freshPath();
        {
            Catalog c = open(path);
            QVERIFY(c.add(QStringLiteral("churn"), m_nb, {{QStringLiteral("x")}, {}, {}}));
            QVERIFY(c.add(QStringLiteral("churn"), m_nb, {{QStringLiteral("y")}, {}, {}}));
            QVERIFY(c.add(QStringLiteral("fraud"), m_nb));
            QVERIFY(c.setAlias(QStringLiteral("churn"), 1, QStringLiteral("production")));
            QCOMPARE(c.remove(QStringLiteral("churn"), 1, AliasesOnRemove::Drop)->versions,
                     std::vector<int> {1});
            QVERIFY(!c.entry(ModelRef {QStringLiteral("churn"), 1, {}}));
            auto missing = c.remove(QStringLiteral("churn"), 1);
            QVERIFY(!missing);
            QVERIFY(
                message(missing.error()).contains(QStringLiteral("has no version 1 (it has 2)")));
            {
                RawDb raw(path);
                QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM blobs")).toInt(), 2);
                QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM tags")).toInt(), 1);
                QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM aliases")).toInt(), 0);
            }
            QCOMPARE(c.remove(QStringLiteral("churn"))->versions, std::vector<int> {2});
            QVERIFY(
                c.list(CatalogFilter {QStringLiteral("churn"), {}, CatalogSort::Name})->empty());
            QCOMPARE(c.list()->size(), 1u);
            auto gone = c.entry(*ModelRef::parse(QStringLiteral("churn")));
            QVERIFY(!gone);
            QVERIFY(message(gone.error()).contains(QStringLiteral("no model named 'churn'")));
            // The log keeps what happened, including the alias that went with version 1.
            QCOMPARE(eventNames(*c.history(QStringLiteral("churn"))),
                     (QStringList {"registered", "tagged", "registered", "tagged", "alias_moved",
                                   "alias_removed", "deleted", "deleted"}));
        }
        RawDb raw(path);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM blobs")).toInt(), 1);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM tags")).toInt(), 0);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM versions")).toInt(), 1);
        // The event log is append-only, even for SQL from outside.
        QVERIFY(!raw.exec(QStringLiteral("DELETE FROM events")));
        QVERIFY(raw.lastError().contains(QStringLiteral("append-only")));
        QVERIFY(!raw.exec(QStringLiteral("UPDATE events SET name = 'x'")));
    }

    void removeIsRefusedWhileAliasesPointAtWhatWouldGo()
    {
        const QString path = freshPath();
        Catalog c = open(path);
        QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        QVERIFY(c.add(QStringLiteral("churn"), m_nbBest));
        QVERIFY(c.setAlias(QStringLiteral("churn"), 1, QStringLiteral("production")));
        QVERIFY(c.setAlias(QStringLiteral("churn"), 1, QStringLiteral("staging")));
        QVERIFY(c.setAlias(QStringLiteral("churn"), 2, QStringLiteral("canary")));
        const std::size_t eventsBefore = c.history()->size();

        auto refused = c.remove(QStringLiteral("churn"), 1);
        QVERIFY(!refused);
        QCOMPARE(message(refused.error()),
                 QStringLiteral("cannot remove churn:1: the aliases @production, @staging point "
                                "to it. Move or remove them first."));
        QCOMPARE(refused.error().field, std::string(kAliasesField));
        auto wholeModel = c.remove(QStringLiteral("churn"));
        QVERIFY(!wholeModel);
        QVERIFY2(message(wholeModel.error())
                     .contains(QStringLiteral("@canary (version 2), @production (version 1)")),
                 wholeModel.error().message.c_str());
        // Nothing changed: both versions, every alias, no new events.
        QCOMPARE(c.list()->size(), 2u);
        QCOMPARE(c.entry(ModelRef {QStringLiteral("churn"), 1, {}})->aliases,
                 (QStringList {"production", "staging"}));
        QCOMPARE(c.history()->size(), eventsBefore);

        auto dropped = c.remove(QStringLiteral("churn"), 1, AliasesOnRemove::Drop);
        QVERIFY(dropped);
        QCOMPARE(dropped->versions, std::vector<int> {1});
        QCOMPARE(dropped->droppedAliases, (QStringList {"production", "staging"}));
        QCOMPARE(c.entry(*ModelRef::parse(QStringLiteral("churn@canary")))->version, 2);
        // A version no alias points to goes without asking.
        QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        QVERIFY(c.remove(QStringLiteral("churn"), 3));
    }

    void historyIsInOrderAndCoversEveryModel()
    {
        Catalog c = open(freshPath());
        QVERIFY(c.add(QStringLiteral("a"), m_nb));
        QVERIFY(c.add(QStringLiteral("b"), m_nb));
        QVERIFY(c.tag(*ModelRef::parse(QStringLiteral("a:1")), QStringLiteral("t")));
        QVERIFY(c.describe(*ModelRef::parse(QStringLiteral("b:1")), QStringLiteral("*bold*")));
        QVERIFY(c.setAlias(QStringLiteral("b"), 1, QStringLiteral("prod")));
        const auto all = *c.history();
        QCOMPARE(eventNames(all),
                 (QStringList {"registered", "registered", "tagged", "described", "alias_moved"}));
        QCOMPARE(all[0].name, QStringLiteral("a"));
        QCOMPARE(all[1].name, QStringLiteral("b"));
        QCOMPARE(all[2].version, std::optional<int>(1));
        for (std::size_t i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].time <= all[i].time);
        QCOMPARE(eventNames(*c.history(QStringLiteral("a"))),
                 (QStringList {"registered", "tagged"}));
        QCOMPARE(eventNames(*c.versionHistory(QStringLiteral("b"), 1)),
                 (QStringList {"registered", "described", "alias_moved"}));
        QCOMPARE(c.entry(*ModelRef::parse(QStringLiteral("b")))->description,
                 QStringLiteral("*bold*"));
        QVERIFY(!c.history(QStringLiteral("nobody")));
    }

    void checksumMismatchIsDetected()
    {
        const QString path = freshPath();
        Catalog c = open(path);
        QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        {
            // Flip one byte of version 1's blob behind the catalog's back.
            RawDb raw(path);
            QByteArray bad = m_nb;
            bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x01);
            QVERIFY(raw.exec(
                QStringLiteral("UPDATE blobs SET bytes = ? WHERE version_id ="
                               " (SELECT v.id FROM versions v JOIN models m ON m.id = v.model_id"
                               "  WHERE m.name = 'churn' AND v.version = 1)"),
                {bad}));
        }
        auto bytes = c.bytes(*ModelRef::parse(QStringLiteral("churn:1")));
        QVERIFY(!bytes);
        QVERIFY2(
            message(bytes.error()).contains(QStringLiteral("churn:1 is damaged in the catalog")),
            bytes.error().message.c_str());
        QVERIFY(message(bytes.error()).contains(QStringLiteral("SHA-256")));
        QCOMPARE(QString::fromStdString(bytes.error().file), path);
        QCOMPARE(*c.bytes(*ModelRef::parse(QStringLiteral("churn:2"))),
                 m_nb); // the other one is fine
    }

    void modelsOverTheSizeCapAreRefusedBeforeAnyWrite()
    {
        const QString path = freshPath();
        CatalogOptions options;
        options.maxModelBytes = m_nb.size() - 1;
        Catalog c = open(path, options);
        auto added = c.add(QStringLiteral("churn"), m_nb);
        QVERIFY(!added);
        QVERIFY2(message(added.error()).contains(QStringLiteral("the catalog stores models up to")),
                 added.error().message.c_str());
        QVERIFY(c.list()->empty());
        QVERIFY(c.history()->empty());
        QCOMPARE(kMaxCatalogModelBytes, qint64(512) * 1024 * 1024);
    }

    void descriptionsOverOneMebibyteAreRefused()
    {
        Catalog c = open(freshPath());
        const QString atLimit(int(kMaxDescriptionBytes), QLatin1Char('d'));
        QVERIFY(c.add(QStringLiteral("churn"), m_nb, {{}, atLimit, {}}));
        QCOMPARE(c.entry(*ModelRef::parse(QStringLiteral("churn")))->description, atLimit);
        // Counted in bytes of UTF-8: 'é' takes two.
        const QString over = QString(int(kMaxDescriptionBytes) / 2, QChar(0xE9)) + QLatin1Char('x');
        auto added = c.add(QStringLiteral("churn"), m_nb, {{}, over, {}});
        QVERIFY(!added);
        QVERIFY2(message(added.error()).contains(QStringLiteral("at most 1048576 (1 MiB)")),
                 added.error().message.c_str());
        QVERIFY(!c.describe(*ModelRef::parse(QStringLiteral("churn")), over));
        QCOMPARE(c.list()->size(), 1u);
    }

    void badModelBytesAreRefusedWithTheModelFilesOwnMessage()
    {
        Catalog c = open(freshPath());
        QByteArray truncated = m_nb.left(m_nb.size() - 10);
        auto added
            = c.add(QStringLiteral("churn"), truncated, {{}, {}, QStringLiteral("churn.mbm")});
        QVERIFY(!added);
        const auto direct = decodeModelFile(truncated, QStringLiteral("churn.mbm"));
        QVERIFY(!direct);
        QCOMPARE(added.error().message, direct.error().message);
        QCOMPARE(added.error().file, std::string("churn.mbm"));
        QVERIFY(!c.add(QStringLiteral("churn"), QByteArray("not a model at all")));
        QVERIFY(c.list()->empty());
    }

    void badNamesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("complaint");
        QTest::newRow("empty name") << QString() << "empty";
        QTest::newRow("colon separates a version") << "churn:eu"
                                                   << "contains ':'";
        QTest::newRow("at sign separates an alias") << "churn@eu"
                                                    << "contains '@'";
        QTest::newRow("control character") << QStringLiteral("churn\tus") << "control character";
        QTest::newRow("201 characters") << QString(201, QLatin1Char('x')) << "at most 200";
        QTest::newRow("trailing space") << "churn "
                                        << "space";
        QTest::newRow("zero-width space hides inside")
            << QStringLiteral("ch\u200Burn") << "invisible format character U+200B";
        QTest::newRow("right-to-left override reverses what follows")
            << QStringLiteral("churn\u202Evne.exe") << "invisible format character U+202E";
        QTest::newRow("format character outside the BMP (language tag)")
            << QString::fromUcs4(U"churn\U000E0001") << "U+E0001";
    }

    void badNamesAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, complaint);
        Catalog c = open(freshPath());
        auto added = c.add(name, m_nb);
        QVERIFY(!added);
        QVERIFY2(message(added.error()).contains(complaint), added.error().message.c_str());
        QCOMPARE(added.error().code, ErrorCode::Usage);
    }

    void goodNamesAndLabelsAreAccepted()
    {
        Catalog c = open(freshPath());
        const QString longName(200, QLatin1Char('n'));
        QCOMPARE(c.add(longName, m_nb)->version, 1);
        QCOMPARE(c.add(QStringLiteral("Kündigung / churn (EU)"), m_nb)->version, 1);
        QVERIFY(c.tag(ModelRef {longName, 1, {}}, QString(64, QLatin1Char('t'))));
        QVERIFY(!c.tag(ModelRef {longName, 1, {}}, QString(65, QLatin1Char('t'))));
        QVERIFY(c.setAlias(longName, 1, QStringLiteral("prod-v1.2_eu")));
    }

    void quotesAndBackslashesAreStoredAsTyped()
    {
        // Values reach SQL bound (SQLite) or escaped by the driver (PostgreSQL), never pasted.
        Catalog c = open(freshPath());
        const QString name = QStringLiteral("o'neil \\ \"churn\"?");
        const QString description
            = QStringLiteral("x'); DROP TABLE models; -- \\x00 $$ ? E'\\n'");
        QVERIFY(c.add(name, m_nb, {{}, description, {}}));
        const auto entry = c.entry(ModelRef {name, 1, {}});
        QVERIFY2(entry, entry ? "" : entry.error().describe().c_str());
        QCOMPARE(entry->name, name);
        QCOMPARE(entry->description, description);
        QCOMPARE(c.list()->size(), 1u);
        QCOMPARE(*c.bytes(ModelRef {name, 1, {}}), m_nb);
    }

    void equivalentSpellingsNameOneModel_data()
    {
        // "café" with é as one code point (NFC) or as "e" + combining acute accent (NFD).
        const QString nfc = QStringLiteral("caf\u00E9");
        const QString nfd = QStringLiteral("cafe\u0301");
        QTest::addColumn<QString>("registered");
        QTest::addColumn<QString>("lookedUp");
        QTest::newRow("registered in NFD, looked up in NFC") << nfd << nfc;
        QTest::newRow("registered in NFC, looked up in NFD") << nfc << nfd;
    }

    void equivalentSpellingsNameOneModel()
    {
        QFETCH(QString, registered);
        QFETCH(QString, lookedUp);
        QVERIFY(registered != lookedUp);
        Catalog c = open(freshPath());
        QCOMPARE(c.add(registered, m_nb)->name, QStringLiteral("caf\u00E9")); // stored in NFC
        QCOMPARE(c.add(lookedUp, m_nb)->version, 2); // the same model, not a second one
        QCOMPARE(c.list()->size(), 2u);
        QCOMPARE(c.entry(*ModelRef::parse(lookedUp + QStringLiteral(":1")))->name,
                 QStringLiteral("caf\u00E9"));
        QCOMPARE(c.entry(ModelRef {lookedUp, 1, {}})->version, 1);
        QVERIFY(c.setAlias(lookedUp, 1, QStringLiteral("production")));
        QCOMPARE(*c.aliasAt(registered, QStringLiteral("production"),
                            QDateTime::currentDateTimeUtc().addSecs(1)),
                 std::optional<int>(1));
        QCOMPARE(c.list(CatalogFilter {lookedUp, {}, CatalogSort::Name})->size(), 2u);
        QCOMPARE(c.history(lookedUp)->size(), 3u);
        // 200 characters in NFC are allowed even when the NFD spelling is longer.
        QString longName;
        for (int i = 0; i < 200; ++i)
            longName += QStringLiteral("e\u0301");
        QCOMPARE(c.add(longName, m_nb)->version, 1);
    }

    void referencesParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("alias");
        QTest::newRow("latest") << "churn" << true << "churn" << 0 << "";
        QTest::newRow("numbered") << "churn:12" << true << "churn" << 12 << "";
        QTest::newRow("alias") << "churn@production" << true << "churn" << 0 << "production";
        QTest::newRow("version zero") << "churn:0" << false << "" << 0 << "";
        QTest::newRow("signed version") << "churn:+3" << false << "" << 0 << "";
        QTest::newRow("version and alias") << "churn:3@x" << false << "" << 0 << "";
        QTest::newRow("empty alias") << "churn@" << false << "" << 0 << "";
        QTest::newRow("no name") << ":3" << false << "" << 0 << "";
    }

    void referencesParse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto ref = ModelRef::parse(text);
        QCOMPARE(bool(ref), valid);
        if (!valid)
            return;
        QFETCH(QString, name);
        QFETCH(int, version);
        QFETCH(QString, alias);
        QCOMPARE(ref->name, name);
        QCOMPARE(ref->version.value_or(0), version);
        QCOMPARE(ref->alias, alias);
        QCOMPARE(ref->toString(), text);
    }

    void defaultCatalogLivesInAppData()
    {
        const QString path = Catalog::defaultPath();
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(path.endsWith(QStringLiteral("/catalog.sqlite")));
        QDir(QFileInfo(path).absolutePath()).removeRecursively();
        {
            Catalog c = open(QString());
            QCOMPARE(c.path(), path);
            QVERIFY(c.add(QStringLiteral("default"), m_nb));
        }
        QVERIFY(QFileInfo::exists(path));
        QDir(QFileInfo(path).absolutePath()).removeRecursively();
    }

    void twoCatalogObjectsShareOneFile()
    {
        const QString path = freshPath();
        Catalog first = open(path);
        Catalog second = open(path);
        QVERIFY(first.add(QStringLiteral("churn"), m_nb));
        QCOMPARE(second.add(QStringLiteral("churn"), m_nb)->version, 2);
        QCOMPARE(first.list()->size(), 2u);
        Catalog moved = std::move(first);
        QCOMPARE(moved.list()->size(), 2u);
    }

    void listsTenThousandVersions()
    {
        // Figures for docs/catalog.md, not a timed assertion: the machine may be busy.
        const QString path = freshPath();
        {
            Catalog c = open(path);
            QVERIFY(c.add(QStringLiteral("bulk"), m_nb, {{QStringLiteral("t")}, {}, {}}));
            QVERIFY(c.setAlias(QStringLiteral("bulk"), 1, QStringLiteral("production")));
        }
        {
            RawDb raw(path);
            const char *bulk[] = {
                "BEGIN",
                "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
                " INSERT INTO versions (model_id, version, algo, classes, dataset_name, "
                "dataset_fingerprint, rows,"
                " metrics, accuracy, created, registered, size, sha256, archive, format_version, "
                "description)"
                " SELECT model_id, n.i, algo, classes, dataset_name, dataset_fingerprint, rows, "
                "metrics,"
                " accuracy - n.i * 1e-6, created, registered, size, sha256, archive, "
                "format_version, description"
                " FROM versions, n WHERE version = 1",
                "INSERT INTO blobs (version_id, bytes) SELECT v.id, b.bytes FROM versions v, blobs "
                "b"
                " WHERE v.version > 1 AND b.version_id = (SELECT id FROM versions WHERE version = "
                "1)",
                "INSERT INTO tags (version_id, tag) SELECT id, 't' FROM versions WHERE version > 1",
                "UPDATE models SET last_version = 10000",
                "COMMIT",
            };
            for (const char *sql : bulk)
                QVERIFY2(raw.exec(QString::fromLatin1(sql)), qPrintable(raw.lastError()));
        }
        QElapsedTimer timer;
        timer.start();
        Catalog c = open(path);
        const double openMs = double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        auto entries = c.list(CatalogFilter {{}, {}, CatalogSort::Accuracy});
        const double listMs = double(timer.nsecsElapsed()) / 1e6;
        QVERIFY(entries);
        QCOMPARE(entries->size(), 10000u);
        QCOMPARE(entries->front().aliases, QStringList {QStringLiteral("production")});
        QCOMPARE(entries->back().tags, QStringList {QStringLiteral("t")});
        timer.restart();
        auto bytes = c.bytes(ModelRef {QStringLiteral("bulk"), 5000, {}});
        const double fetchMs = double(timer.nsecsElapsed()) / 1e6;
        QCOMPARE(*bytes, m_nb);
        timer.restart();
        QCOMPARE(c.add(QStringLiteral("bulk"), m_nb)->version, 10001);
        const double addMs = double(timer.nsecsElapsed()) / 1e6;
        const QString where = m_server
            ? QStringLiteral("PostgreSQL on loopback")
            : QStringLiteral("SQLite, %1 KiB file, open includes quick_check")
                  .arg(QFileInfo(path).size() / 1024);
        qInfo("10,000 versions (%s): open %.1f ms, list %.1f ms, fetch one %.2f ms, register one "
              "%.1f ms",
              qPrintable(where), openMs, listMs, fetchMs, addMs);
    }

    // Opening: each problem is a clear error naming the file, and nothing is written.

    void missingFolderIsAClearError()
    {
        MB_ABOUT_FILES_ONLY();
        const QString path = m_dir.filePath(QStringLiteral("no/such/folder/catalog.sqlite"));
        auto c = Catalog::open(path);
        QVERIFY(!c);
        QVERIFY2(message(c.error()).contains(QStringLiteral("does not exist")),
                 c.error().message.c_str());
        QCOMPARE(QString::fromStdString(c.error().file), path);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no"))));
    }

    void mustExistNeverCreatesACatalog_data()
    {
        QTest::addColumn<bool>("emptyFile");
        QTest::newRow("no file") << false;
        QTest::newRow("empty file") << true;
    }

    void mustExistNeverCreatesACatalog()
    {
        QFETCH(bool, emptyFile);
        if (m_server && emptyFile)
            QSKIP("about SQLite files; an empty database is the 'no file' row");
        const QString path = freshPath();
        if (emptyFile)
            writeFile(path, {});
        CatalogOptions options;
        options.mustExist = true;
        auto c = Catalog::open(path, options);
        QVERIFY(!c);
        QCOMPARE(message(c.error()).left(QStringLiteral("no catalog at ").size() + path.size()),
                 QStringLiteral("no catalog at ") + path);
        if (m_server) {
            RawDb raw(path);
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname ="
                                              " current_schema()"))
                         .toInt(),
                     0);
        } else {
            QCOMPARE(QFileInfo::exists(path), emptyFile);
            QCOMPARE(QFileInfo(path).size(), 0);
            QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        }

        QVERIFY(open(path).add(QStringLiteral("churn"), m_nb)); // writing creates it
        auto existing = Catalog::open(path, options);
        QVERIFY2(existing, existing ? "" : existing.error().describe().c_str());
        QCOMPARE(existing->list()->size(), 1u);
    }

    void nonDatabaseFileIsRefused()
    {
        MB_ABOUT_FILES_ONLY();
        const QString path = freshPath();
        QByteArray text;
        for (int i = 0; i < 100; ++i)
            text += "sepal_length,sepal_width,species\n";
        writeFile(path, text);
        auto c = Catalog::open(path);
        QVERIFY(!c);
        QVERIFY2(message(c.error()).contains(
                     QStringLiteral("not a ModelBench catalog (not an SQLite database)")),
                 c.error().message.c_str());
        QCOMPARE(QString::fromStdString(c.error().file), path);
        QCOMPARE(readFile(path), text);
    }

    void someoneElsesDatabaseIsRefused()
    {
        const QString path = freshPath();
        {
            RawDb raw(path);
            QVERIFY(raw.exec(
                QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")));
        }
        const QByteArray before = m_server ? QByteArray() : readFile(path);
        auto c = Catalog::open(path);
        QVERIFY(!c);
        QVERIFY2(message(c.error()).contains(QStringLiteral("not a ModelBench catalog")),
                 c.error().message.c_str());
        if (m_server) {
            RawDb raw(path);
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname ="
                                              " current_schema()"))
                         .toInt(),
                     1); // nothing of ours was added
        } else {
            QCOMPARE(readFile(path), before);
        }
    }

    void damagedDatabaseIsRefusedAndNeverWritten()
    {
        MB_ABOUT_FILES_ONLY();
        const QString path = freshPath();
        {
            Catalog c = open(path);
            for (int i = 0; i < 3; ++i)
                QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        }
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal"))); // checkpointed on close
        QByteArray bytes = readFile(path);
        QVERIFY(bytes.size() > 3 * 4096);
        for (int i = 4096; i < 8192; ++i)
            bytes[i] = static_cast<char>((i * 7919) & 0xFF); // garbage over page 2
        writeFile(path, bytes);

        auto c = Catalog::open(path);
        QVERIFY(!c);
        QVERIFY2(message(c.error()).contains(QStringLiteral("The catalog is damaged")),
                 c.error().message.c_str());
        QVERIFY(message(c.error()).contains(QStringLiteral("will not write to it")));
        QCOMPARE(QString::fromStdString(c.error().file), path);
        QCOMPARE(readFile(path), bytes);
        // Nothing appeared beside the file either (a read-only WAL reader leaves -wal and -shm).
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm")));
    }

    void newerSchemaIsRefused()
    {
        const QString path = freshPath();
        {
            Catalog c = open(path);
            QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        }
        claimSchemaVersion(path, 7);
        const QByteArray before = m_server ? QByteArray() : readFile(path);
        auto c = Catalog::open(path);
        QVERIFY(!c);
        QVERIFY2(
            message(c.error()).contains(
                QStringLiteral("made by a newer ModelBench (schema 7); this build reads up to %1")
                    .arg(catalog_detail::kSchemaVersion)),
            c.error().message.c_str());
        QCOMPARE(claimedSchemaVersion(path), 7);
        if (!m_server) {
            QCOMPARE(readFile(path), before);
            QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
            QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm")));
        }
    }

    void refusalThroughLocksWhileAnotherConnectionIsAtWork()
    {
        MB_ABOUT_FILES_ONLY();
        // With another connection's WAL beside the file, the check reads through SQLite's locks
        // (only they see that WAL): a newer schema committed there is still refused.
        const QString path = freshPath();
        {
            Catalog c = open(path);
            QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        }
        RawDb other(path);
        QVERIFY(other.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
        QVERIFY(other.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
        QVERIFY(other.exec(QStringLiteral("PRAGMA user_version = 9")));
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
        auto c = Catalog::open(path);
        QVERIFY(!c);
        QVERIFY2(message(c.error()).contains(QStringLiteral("newer ModelBench (schema 9)")),
                 c.error().message.c_str());
    }

    void readOnlyFileOpensForReadingOnly()
    {
        MB_ABOUT_FILES_ONLY();
        if (::geteuid() == 0)
            QSKIP("running as root: root ignores file permissions, so a read-only file cannot be "
                  "made");
        const QString path = freshPath();
        {
            Catalog c = open(path);
            QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        }
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        auto c = Catalog::open(path);
        QVERIFY2(c, c ? "" : c.error().describe().c_str());
        QVERIFY(c->isReadOnly());
        QCOMPARE(c->list()->size(), 1u);
        QCOMPARE(*c->bytes(*ModelRef::parse(QStringLiteral("churn"))), m_nb);
        auto added = c->add(QStringLiteral("churn"), m_nb);
        QVERIFY(!added);
        QVERIFY(message(added.error()).contains(QStringLiteral("The catalog is read-only")));
        QCOMPARE(QString::fromStdString(added.error().file), path);
        QVERIFY(!c->tag(*ModelRef::parse(QStringLiteral("churn")), QStringLiteral("x")));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void explicitReadOnlyOpenNeverWrites()
    {
        const QString path = freshPath();
        {
            Catalog c = open(path);
            QVERIFY(c.add(QStringLiteral("churn"), m_nb));
        }
        const QByteArray before = m_server ? QByteArray() : readFile(path);
        CatalogOptions options;
        options.readOnly = true;
        Catalog c = open(path, options);
        QVERIFY(c.isReadOnly());
        QCOMPARE(*c.bytes(*ModelRef::parse(QStringLiteral("churn"))), m_nb);
        QVERIFY(!c.add(QStringLiteral("churn"), m_nb));
        QVERIFY(!c.tag(*ModelRef::parse(QStringLiteral("churn")), QStringLiteral("x")));
        if (!m_server)
            QCOMPARE(readFile(path), before);
        QCOMPARE(c.history()->size(), 1u);
    }

    // Locations, and copying between backends.

    void locationsParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("server");
        QTest::addColumn<QString>("shown"); // display(), or the start of the error
        QTest::newRow("path") << "/data/catalog.sqlite" << false << "/data/catalog.sqlite";
        QTest::newRow("sqlite: prefix") << "sqlite:/data/c.sqlite" << false << "/data/c.sqlite";
        QTest::newRow("url") << "postgresql://ana@db.example:5433/models" << true
                             << "postgresql://ana@db.example:5433/models";
        QTest::newRow("short scheme, default port")
            << "postgres://ana@db.example:5432/models" << true
            << "postgresql://ana@db.example/models";
        QTest::newRow("password never shown")
            << "postgresql://ana:secret@db.example/models" << true
            << "postgresql://ana@db.example/models";
        QTest::newRow("options pass") << "postgresql://ana@h/m?sslmode=require" << true
                                      << "postgresql://ana@h/m?sslmode=require";
        QTest::newRow("no database") << "postgresql://ana@h/" << false
                                     << "cannot use the catalog URL";
        QTest::newRow("password in query")
            << "postgresql://ana@h/m?password=x" << false << "cannot use the catalog URL";
        QTest::newRow("bad port") << "postgresql://ana@h:99999/m" << false
                                  << "cannot use the catalog URL";
    }

    void locationsParse()
    {
        QFETCH(QString, text);
        QFETCH(bool, server);
        QFETCH(QString, shown);
        const auto location = CatalogLocation::parse(text);
        if (shown.startsWith(QStringLiteral("cannot"))) {
            QVERIFY(!location);
            QVERIFY2(message(location.error()).startsWith(shown), location.error().message.c_str());
            QVERIFY(!message(location.error()).contains(QStringLiteral("secret")));
            return;
        }
        QVERIFY2(location, location ? "" : location.error().message.c_str());
        QCOMPARE(location->isServer(), server);
        QCOMPARE(location->display(), shown);
    }

    void copyKeepsNumbersHistoryAndBytesAcrossBackends()
    {
        // The source on this run's backend; through an SQLite file; back to this backend.
        const QString source = freshPath();
        {
            Catalog c = open(source);
            QVERIFY(c.add(QStringLiteral("churn"), m_nb, {{QStringLiteral("eu")}, {}, {}}));
            QVERIFY(c.add(QStringLiteral("churn"), m_nbText));
            QVERIFY(c.add(QStringLiteral("churn"), m_nbBest, {{}, QStringLiteral("*best*"), {}}));
            QVERIFY(c.remove(QStringLiteral("churn"), 2));
            QVERIFY(c.setAlias(QStringLiteral("churn"), 3, QStringLiteral("production")));
            QVERIFY(c.add(QStringLiteral("fraud"), m_nb));
            QVERIFY(c.rename(QStringLiteral("fraud"), QStringLiteral("fraud-eu")));
        }
        const QString file = freshFile();
        const QString back = freshPath();
        {
            Catalog from = open(source);
            Catalog middle = open(file);
            auto report = from.copyInto(middle);
            QVERIFY2(report, report ? "" : report.error().describe().c_str());
            QCOMPARE(report->models, 2);
            QCOMPARE(report->versions, 3);
            QCOMPARE(report->bytes, 2 * m_nb.size() + m_nbBest.size());
            QCOMPARE(std::size_t(report->events), from.history()->size());
            Catalog to = open(back);
            QVERIFY(middle.copyInto(to));
            // A destination that holds anything is refused, and keeps what it holds.
            auto again = from.copyInto(to);
            QVERIFY(!again);
            QVERIFY2(message(again.error()).contains(QStringLiteral("empty catalog")),
                     again.error().message.c_str());
        }
        Catalog original = open(source);
        Catalog copy = open(back);
        const auto before = *original.list();
        const auto after = *copy.list();
        QCOMPARE(after.size(), before.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            QCOMPARE(after[i].ref().toString(), before[i].ref().toString());
            QCOMPARE(after[i].sha256, before[i].sha256);
            QCOMPARE(after[i].registered, before[i].registered);
            QCOMPARE(after[i].tags, before[i].tags);
            QCOMPARE(after[i].aliases, before[i].aliases);
            QCOMPARE(after[i].accuracy, before[i].accuracy);
            QCOMPARE(*copy.bytes(after[i].ref()), *original.bytes(before[i].ref()));
        }
        QCOMPARE(copy.entry(*ModelRef::parse(QStringLiteral("churn:3")))->description,
                 QStringLiteral("*best*"));
        const auto historyBefore = *original.history();
        const auto historyAfter = *copy.history();
        QCOMPARE(historyAfter.size(), historyBefore.size());
        for (std::size_t i = 0; i < historyBefore.size(); ++i) {
            QCOMPARE(historyAfter[i].time, historyBefore[i].time);
            QCOMPARE(historyAfter[i].event, historyBefore[i].event);
            QCOMPARE(historyAfter[i].detail, historyBefore[i].detail);
        }
        // Numbering goes on where it was, and removed numbers stay taken.
        QCOMPARE(copy.add(QStringLiteral("churn"), m_nb)->version, 4);
        QCOMPARE(copy.add(QStringLiteral("fraud"), m_nb)->version, 2);
        QCOMPARE(copy.add(QStringLiteral("new"), m_nb)->version, 1);
    }

    // The server's own failures.

    void serverAsksForAPasswordWhenNoneFits()
    {
        if (!m_server)
            QSKIP("about PostgreSQL logins");
        const QString url = freshPath();
        const QByteArray saved = qgetenv("PGPASSWORD");
        const auto restore = qScopeGuard([&] {
            qputenv("PGPASSWORD", saved);
            rememberCatalogPassword(url, {});
        });
        qunsetenv("PGPASSWORD");
        auto none = Catalog::open(url);
        qputenv("PGPASSWORD", "wrong");
        auto wrong = Catalog::open(url);
        QVERIFY(!none);
        QVERIFY(!wrong);
        for (const Error &e : {none.error(), wrong.error()}) {
            QCOMPARE(e.field, std::string(kPasswordField));
            QVERIFY2(message(e).contains(QStringLiteral("wants a password")), e.message.c_str());
            QCOMPARE(QString::fromStdString(e.file), url);
        }
        // What a window does after asking: keep it in memory for this catalog.
        rememberCatalogPassword(url, QString::fromLatin1(saved));
        auto asked = Catalog::open(url);
        QVERIFY2(asked, asked ? "" : asked.error().describe().c_str());
        rememberCatalogPassword(url, {});

        // libpq's password file (~/.pgpass, here named by PGPASSFILE): only with owner-only
        // permissions, as libpq demands.
        qunsetenv("PGPASSWORD");
        const QString passfile = m_dir.filePath(QStringLiteral("pgpass"));
        writeFile(passfile, QStringLiteral("127.0.0.1:%1:*:modelbench:%2\n")
                                .arg(m_postgres.port())
                                .arg(QString::fromLatin1(saved))
                                .toUtf8());
        QFile::setPermissions(passfile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        qputenv("PGPASSFILE", passfile.toUtf8());
        const auto dropPassfile = qScopeGuard([] { qunsetenv("PGPASSFILE"); });
        auto fromFile = Catalog::open(url);
        QVERIFY2(fromFile, fromFile ? "" : fromFile.error().describe().c_str());

        // A password in the URL works, and is shown nowhere.
        qunsetenv("PGPASSFILE");
        QString withPassword = url;
        withPassword.replace(QStringLiteral("modelbench@"),
                             QStringLiteral("modelbench:%1@").arg(QString::fromLatin1(saved)));
        auto inUrl = Catalog::open(withPassword);
        QVERIFY2(inUrl, inUrl ? "" : inUrl.error().describe().c_str());
        QCOMPARE(inUrl->path(), url);
    }

    void serverProblemsAreClearErrors()
    {
        if (!m_server)
            QSKIP("about PostgreSQL servers");
        auto missing = Catalog::open(m_postgres.url(QStringLiteral("no_such_database")));
        QVERIFY(!missing);
        QVERIFY2(message(missing.error()).contains(QStringLiteral("no such database")),
                 missing.error().message.c_str());
        // Port 1: nothing listens there, and it is never the test server's.
        auto unreachable = Catalog::open(QStringLiteral("postgresql://modelbench@127.0.0.1:1/x"));
        QVERIFY(!unreachable);
        QVERIFY2(message(unreachable.error()).contains(QStringLiteral("Cannot connect to the "
                                                                      "catalog server")),
                 unreachable.error().message.c_str());
    }

    void serverUserWithoutWriteRightsIsToldSo()
    {
        if (!m_server)
            QSKIP("about PostgreSQL rights");
        const QString url = freshPath();
        QVERIFY(open(url).add(QStringLiteral("churn"), m_nb));
        QString why;
        m_postgres.admin(QStringLiteral("DROP ROLE IF EXISTS reader"));
        QVERIFY2(m_postgres.admin(QStringLiteral("CREATE ROLE reader LOGIN PASSWORD 'modelbench'"),
                                  &why),
                 qPrintable(why));
        {
            RawDb raw(url);
            QVERIFY(raw.exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO "
                                            "reader")));
        }
        Catalog c = open(QString(url).replace(QStringLiteral("modelbench@"),
                                              QStringLiteral("reader@")));
        QCOMPARE(*c.bytes(*ModelRef::parse(QStringLiteral("churn"))), m_nb);
        auto added = c.add(QStringLiteral("churn"), m_nb);
        QVERIFY(!added);
        QVERIFY2(message(added.error()).contains(QStringLiteral("may not write to this catalog")),
                 added.error().message.c_str());
        QCOMPARE(open(url).list()->size(), 1u);
    }

    // Migrations.

    void olderSchemaIsMigratedInPlace()
    {
        const QString path = freshPath();
        writeVersion1Catalog(path);
        Catalog c = open(path);
        QCOMPARE(claimedSchemaVersion(path), catalog_detail::kSchemaVersion);
        const auto entries = *c.list({{}, {}, CatalogSort::Accuracy});
        QCOMPARE(entries.size(), 1u);
        QCOMPARE(entries[0].name, QStringLiteral("legacy"));
        QVERIFY(entries[0].accuracy); // filled from the metrics JSON by the migration
        QCOMPARE(*entries[0].accuracy, 0.9);
        QCOMPARE(entries[0].tags, QStringList {QStringLiteral("old")});
        QCOMPARE(*c.bytes(*ModelRef::parse(QStringLiteral("legacy:1"))), m_nb);
        QCOMPARE(c.add(QStringLiteral("legacy"), m_nb)->version, 2);
        QCOMPARE(eventNames(*c.history(QStringLiteral("legacy"))),
                 (QStringList {"registered", "registered"}));
    }

    void failedMigrationChangesNothing()
    {
        const QString path = freshPath();
        writeVersion1Catalog(path);
        const QByteArray before = m_server ? QByteArray() : readFile(path);
        CatalogOptions options;
        options.testFailMigrationTo = 2;
        auto failed = Catalog::open(path, options);
        QVERIFY(!failed);
        QVERIFY(message(failed.error()).contains(QStringLiteral("migration to schema 2 failed")));
        if (!m_server)
            QCOMPARE(readFile(path), before);
        QCOMPARE(claimedSchemaVersion(path), 1);
        {
            RawDb raw(path);
            QVERIFY(!raw.exec(QStringLiteral("SELECT accuracy FROM versions")));
        }
        // And the next, ordinary open migrates it.
        Catalog c = open(path);
        QCOMPARE(*c.list()->front().accuracy, 0.9);
    }

private:
    /// A catalog as schema 1 wrote it, by hand, frozen here on purpose: it must keep opening.
    /// The same tables and rows in each dialect; only the DDL and the header differ.
    void writeVersion1Catalog(const QString &path)
    {
        RawDb raw(path);
        static const char *const sqliteSchema[] = {
            "CREATE TABLE models (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,"
            " last_version INTEGER NOT NULL DEFAULT 0 CHECK (last_version >= 0))",
            "CREATE TABLE versions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,"
            " version INTEGER NOT NULL CHECK (version >= 1), algo TEXT NOT NULL, classes TEXT NOT "
            "NULL,"
            " dataset_name TEXT NOT NULL, dataset_fingerprint TEXT NOT NULL, rows INTEGER NOT NULL,"
            " metrics TEXT NOT NULL, created TEXT NOT NULL, registered TEXT NOT NULL, size INTEGER "
            "NOT NULL,"
            " sha256 TEXT NOT NULL, archive TEXT NOT NULL, format_version INTEGER NOT NULL,"
            " description TEXT NOT NULL DEFAULT '', UNIQUE (model_id, version))",
            "CREATE TABLE blobs (version_id INTEGER PRIMARY KEY REFERENCES versions(id) ON DELETE "
            "CASCADE,"
            " bytes BLOB NOT NULL)",
            "CREATE TABLE tags (version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE "
            "CASCADE,"
            " tag TEXT NOT NULL, PRIMARY KEY (version_id, tag)) WITHOUT ROWID",
            "CREATE INDEX tags_by_tag ON tags(tag)",
            "CREATE TABLE aliases (model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE "
            "CASCADE,"
            " alias TEXT NOT NULL, version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE "
            "CASCADE,"
            " PRIMARY KEY (model_id, alias)) WITHOUT ROWID",
            "CREATE INDEX aliases_by_version ON aliases(version_id)",
            "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, event "
            "TEXT NOT NULL,"
            " model_id INTEGER, name TEXT NOT NULL, version INTEGER, subject TEXT NOT NULL DEFAULT "
            "'',"
            " detail TEXT NOT NULL DEFAULT '')",
            "CREATE INDEX events_by_name ON events(name)",
        };
        static const char *const serverSchema[] = {
            "CREATE TABLE modelbench_catalog (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "INSERT INTO modelbench_catalog VALUES ('application', 'MBCT'), ('schema_version', "
            "'1')",
            "CREATE TABLE models (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            " name TEXT COLLATE \"C\" NOT NULL UNIQUE,"
            " last_version INTEGER NOT NULL DEFAULT 0 CHECK (last_version >= 0))",
            "CREATE TABLE versions (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            " model_id BIGINT NOT NULL REFERENCES models(id) ON DELETE CASCADE,"
            " version INTEGER NOT NULL CHECK (version >= 1), algo TEXT COLLATE \"C\" NOT NULL,"
            " classes TEXT COLLATE \"C\" NOT NULL, dataset_name TEXT COLLATE \"C\" NOT NULL,"
            " dataset_fingerprint TEXT COLLATE \"C\" NOT NULL, rows BIGINT NOT NULL,"
            " metrics TEXT COLLATE \"C\" NOT NULL, created TEXT COLLATE \"C\" NOT NULL,"
            " registered TEXT COLLATE \"C\" NOT NULL, size BIGINT NOT NULL,"
            " sha256 TEXT COLLATE \"C\" NOT NULL, archive TEXT COLLATE \"C\" NOT NULL,"
            " format_version INTEGER NOT NULL, description TEXT COLLATE \"C\" NOT NULL DEFAULT '',"
            " UNIQUE (model_id, version))",
            "CREATE TABLE blobs (version_id BIGINT PRIMARY KEY REFERENCES versions(id) ON DELETE "
            "CASCADE, bytes BYTEA NOT NULL)",
            "CREATE TABLE tags (version_id BIGINT NOT NULL REFERENCES versions(id) ON DELETE "
            "CASCADE, tag TEXT COLLATE \"C\" NOT NULL, PRIMARY KEY (version_id, tag))",
            "CREATE INDEX tags_by_tag ON tags(tag)",
            "CREATE TABLE aliases (model_id BIGINT NOT NULL REFERENCES models(id) ON DELETE "
            "CASCADE, alias TEXT COLLATE \"C\" NOT NULL, version_id BIGINT NOT NULL REFERENCES "
            "versions(id) ON DELETE CASCADE, PRIMARY KEY (model_id, alias))",
            "CREATE INDEX aliases_by_version ON aliases(version_id)",
            "CREATE TABLE events (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            " time TEXT COLLATE \"C\" NOT NULL, event TEXT COLLATE \"C\" NOT NULL,"
            " model_id BIGINT, name TEXT COLLATE \"C\" NOT NULL, version INTEGER,"
            " subject TEXT COLLATE \"C\" NOT NULL DEFAULT '',"
            " detail TEXT COLLATE \"C\" NOT NULL DEFAULT '')",
            "CREATE INDEX events_by_name ON events(name)",
            "CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS"
            " $$ BEGIN RAISE EXCEPTION 'the catalog event log is append-only'; END $$",
            "CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events"
            " FOR EACH ROW EXECUTE FUNCTION events_append_only()",
        };
        const std::span<const char *const> schema
            = m_server ? std::span<const char *const>(serverSchema) : sqliteSchema;
        for (const char *sql : schema)
            QVERIFY2(raw.exec(QString::fromLatin1(sql)), qPrintable(raw.lastError()));
        QVERIFY(raw.exec(
            QStringLiteral("INSERT INTO models (id, name, last_version) VALUES (1, 'legacy', 1)")));
        QVERIFY(raw.exec(
            QStringLiteral(
                "INSERT INTO versions (id, model_id, version, algo, classes, dataset_name,"
                " dataset_fingerprint, rows, metrics, created, registered, size, sha256,"
                " archive, format_version) VALUES (1, 1, 1, 'nb',"
                " '[\"setosa\",\"versicolor\",\"virginica\"]', 'iris.csv', '0123456789abcdef',"
                " 150, '{\"accuracy\":0.9}', '2025-01-01T00:00:00Z',"
                " '2025-01-01T00:00:01.000Z', ?, ?, 'binary', 1)"),
            {m_nb.size(), sha256(m_nb)}));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO blobs (version_id, bytes) VALUES (1, ?)"),
                         {m_nb}));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO tags (version_id, tag) VALUES (1, 'old')")));
        QVERIFY(raw.exec(
            QStringLiteral("INSERT INTO events (time, event, model_id, name, version)"
                           " VALUES ('2025-01-01T00:00:01.000Z', 'registered', 1, 'legacy', 1)")));
        if (m_server) {
            // Ids given by hand: move the identities past them, as rows added normally would.
            QVERIFY(raw.exec(QStringLiteral(
                "SELECT setval(pg_get_serial_sequence('models', 'id'), 1),"
                " setval(pg_get_serial_sequence('versions', 'id'), 1)")));
            return; // the header row came with the schema
        }
        QVERIFY(raw.exec(
            QStringLiteral("PRAGMA application_id = %1").arg(catalog_detail::kApplicationId)));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 1")));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
