// SPDX-License-Identifier: MIT
// Several processes writing to one catalog, and processes killed while they write; on SQLite
// files, or (MB_TEST_CATALOG_BACKEND=postgresql) on databases of a throwaway PostgreSQL server.
//
// Besides the real modelbench-cli, this executable starts copies of itself as children:
// `tst_catalog_concurrency --child-register DB MODEL NAME COUNT` opens the catalog once and
// registers MODEL COUNT times (0 = until killed), printing "ok NAME VERSION SHA256" after each
// registration that returned success and "fail MESSAGE" after each that did not.
#include "core/catalog/catalog.h"
#include "core/io/dataset_loader.h"
#include "core/ml/model.h"
#include "core/model/model_file.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "postgres_test_server.h"

#include <cstdio>
#include <memory>
#include <set>

using namespace mb;

namespace {

int childRegister(const QStringList &args)
{
    // args: program --child-register DB MODEL NAME COUNT
    if (args.size() != 6)
        return 2;
    QFile file(args[3]);
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    const QByteArray bytes = file.readAll();
    auto catalog = Catalog::open(args[2]);
    if (!catalog) {
        std::printf("fail %s\n", catalog.error().describe().c_str());
        return 1;
    }
    const int count = args[5].toInt();
    int failures = 0;
    for (int i = 0; count == 0 || i < count; ++i) {
        auto added = catalog->add(args[4], bytes);
        if (added)
            std::printf("ok %s %d %s\n", qPrintable(added->name), added->version,
                        qPrintable(added->sha256));
        else
            std::printf("fail %s\n", added.error().describe().c_str());
        // Each line is out before the next registration starts: a kill never hides an ack.
        std::fflush(stdout);
        failures += added ? 0 : 1;
    }
    return failures == 0 ? 0 : 1;
}

int childAlias(const QStringList &args)
{
    // args: program --child-alias DB VERSION COUNT: points churn@production at VERSION, COUNT
    // times (each a move whenever another child moved it meanwhile).
    if (args.size() != 5)
        return 2;
    auto catalog = Catalog::open(args[2]);
    if (!catalog) {
        std::printf("fail %s\n", catalog.error().describe().c_str());
        return 1;
    }
    int failures = 0;
    for (int i = 0; i < args[4].toInt(); ++i) {
        auto moved = catalog->setAlias(QStringLiteral("churn"), args[3].toInt(),
                                       QStringLiteral("production"));
        if (!moved) {
            std::printf("fail %s\n", moved.error().describe().c_str());
            ++failures;
        }
    }
    std::fflush(stdout);
    return failures == 0 ? 0 : 1;
}

struct Ack
{
    QString name;
    int version = 0;
    QString sha256;
};

/// The complete "ok" lines of a child's output (a line cut by a kill is not an ack).
std::vector<Ack> acksIn(const QByteArray &output, int *failures = nullptr)
{
    std::vector<Ack> acks;
    const QList<QByteArray> lines = output.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) { // the last piece has no newline yet
        const QList<QByteArray> parts = lines[i].split(' ');
        if (parts.value(0) == "ok" && parts.size() == 4)
            acks.push_back(
                {QString::fromUtf8(parts[1]), parts[2].toInt(), QString::fromLatin1(parts[3])});
        else if (parts.value(0) == "fail" && failures)
            ++*failures;
    }
    return acks;
}

/// A chain of modelbench-cli runs, one after another.
struct CliChain
{
    QStringList args;
    int remaining = 0;
    int failures = 0;
    QByteArray errors;
    QProcess process;
};

} // namespace

class TestCatalogConcurrency : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;
    QByteArray m_bytes;
    int m_serial = 0;
    bool m_server = false;
    PostgresTestServer m_postgres;

    /// A new catalog file path, or the URL of a new, empty database.
    QString freshPath()
    {
        ++m_serial;
        if (!m_server)
            return m_dir.filePath(QStringLiteral("catalog-%1.sqlite").arg(m_serial));
        return m_postgres.freshDatabase(QStringLiteral("catalog_%1").arg(m_serial));
    }

    /// Runs `workers` chains of `runs` registrations each, all at once.
    void registerWithCli(const QString &db, int workers, int runs)
    {
        std::vector<std::unique_ptr<CliChain>> chains;
        QEventLoop loop;
        int active = workers;
        for (int w = 0; w < workers; ++w) {
            auto chain = std::make_unique<CliChain>();
            chain->args = {QStringLiteral("catalog"),
                           QStringLiteral("--db"),
                           db,
                           QStringLiteral("add"),
                           m_model,
                           QStringLiteral("--name"),
                           QStringLiteral("churn")};
            chain->remaining = runs;
            CliChain *c = chain.get();
            connect(&c->process, &QProcess::finished, &loop,
                    [c, &active, &loop](int code, QProcess::ExitStatus status) {
                        if (code != 0 || status != QProcess::NormalExit)
                            ++c->failures;
                        c->errors += c->process.readAllStandardError();
                        c->process.readAllStandardOutput();
                        if (--c->remaining > 0) {
                            QTimer::singleShot(0, &loop, [c] {
                                c->process.start(QStringLiteral(MB_CLI_PATH), c->args);
                            });
                        } else if (--active == 0) {
                            loop.quit();
                        }
                    });
            chains.push_back(std::move(chain));
        }
        for (auto &c : chains)
            c->process.start(QStringLiteral(MB_CLI_PATH), c->args);
        QTimer::singleShot(580000, &loop, &QEventLoop::quit);
        loop.exec();

        QCOMPARE(active, 0);
        for (auto &c : chains) {
            const QString errors = QString::fromUtf8(c->errors);
            QVERIFY2(!errors.contains(QStringLiteral("locked"), Qt::CaseInsensitive),
                     qPrintable(errors));
            QVERIFY2(!errors.contains(QStringLiteral("busy"), Qt::CaseInsensitive),
                     qPrintable(errors));
            QVERIFY2(c->failures == 0, qPrintable(errors));
        }
        expectVersionsOneTo(db, workers * runs);
    }

    /// Every registration present: versions 1..count of "churn", no gap, no duplicate.
    void expectVersionsOneTo(const QString &db, int count)
    {
        auto catalog = Catalog::open(db);
        QVERIFY2(catalog, catalog ? "" : catalog.error().describe().c_str());
        auto entries = catalog->list({QStringLiteral("churn"), {}, CatalogSort::Version});
        QVERIFY(entries);
        QCOMPARE(int(entries->size()), count);
        for (int i = 0; i < count; ++i) {
            QCOMPARE((*entries)[std::size_t(i)].version, i + 1);
            QCOMPARE((*entries)[std::size_t(i)].sha256, sha256(m_bytes));
        }
    }

    static QString sha256(const QByteArray &bytes)
    {
        return QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    }

    /// Starts a child that registers `count` times (0: until killed).
    static void startChild(QProcess &process, const QString &db, const QString &model, int count,
                           bool deferred)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (deferred)
            env.insert(QStringLiteral("MB_CATALOG_DEFERRED_BEGIN"), QStringLiteral("1"));
        else
            env.remove(QStringLiteral("MB_CATALOG_DEFERRED_BEGIN"));
        process.setProcessEnvironment(env);
        process.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--child-register"), db, model, QStringLiteral("churn"),
                       QString::number(count)});
    }

    /// `clients` children in tight loops of `count` registrations each; the failures they
    /// reported.
    int racingChildren(const QString &db, int count, bool deferred, std::vector<Ack> &acks,
                       int clients = 2)
    {
        std::vector<std::unique_ptr<QProcess>> children;
        for (int i = 0; i < clients; ++i) {
            children.push_back(std::make_unique<QProcess>());
            startChild(*children.back(), db, m_model, count, deferred);
        }
        int failures = 0;
        for (auto &child : children) {
            if (!child->waitForFinished(300000))
                qFatal("children did not finish");
            for (const Ack &ack : acksIn(child->readAllStandardOutput(), &failures))
                acks.push_back(ack);
        }
        return failures;
    }

    /// "ok" when the catalog's storage is sound: SQLite's integrity_check; on a server (which
    /// checks its own pages), that every version still has its bytes.
    QString integrityCheck(const QString &path)
    {
        if (m_server) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"),
                                                        QStringLiteral("integrity"));
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_postgres.port());
            db.setUserName(QStringLiteral("modelbench"));
            db.setDatabaseName(path.section(QLatin1Char('/'), -1));
            QString verdict = db.lastError().text();
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT count(*) FROM versions v WHERE NOT EXISTS"
                                          " (SELECT 1 FROM blobs b WHERE b.version_id = v.id)"))
                    && q.next())
                    verdict = q.value(0).toInt() == 0 ? QStringLiteral("ok")
                                                      : QStringLiteral("versions without bytes");
            }
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
            return verdict;
        }
        QString verdict;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                    verdict = q.value(0).toString();
                else
                    verdict = q.lastError().text();
            } else {
                verdict = db.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
        return verdict;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_server = PostgresTestServer::requested();
        if (m_server)
            MB_START_POSTGRES_OR_SKIP(m_postgres, "the concurrency suite");
        auto iris = loadDataset(QStringLiteral("sample:iris.csv"));
        QVERIFY(iris);
        FitControl control;
        control.threads = 1;
        auto model = Model::train(*iris, {}, "nb", {}, control);
        QVERIFY2(model, model ? "" : model.error().message.c_str());
        model->setMetrics({{"accuracy", 0.95}});
        auto bytes = encodeModelFile(*model);
        QVERIFY(bytes);
        m_bytes = *bytes;
        m_model = m_dir.filePath(QStringLiteral("iris-nb.mbm"));
        QFile f(m_model);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_bytes);
    }

    void twoCliProcessesRegisterWithoutLosses()
    {
        // No catalog yet: the two first runs also race to create it.
        registerWithCli(freshPath(), 2, 50);
    }

    void fourCliProcessesRegisterWithoutLosses() { registerWithCli(freshPath(), 4, 50); }

    void tightLoopsWithBeginImmediateLoseNothing()
    {
        const QString db = freshPath();
        QVERIFY(Catalog::open(db));
        std::vector<Ack> acks;
        QCOMPARE(racingChildren(db, 150, false, acks), 0);
        QCOMPARE(int(acks.size()), 300);
        expectVersionsOneTo(db, 300);
    }

    void eightClientsGetDistinctGapFreeVersions()
    {
        const QString db = freshPath();
        QVERIFY(Catalog::open(db));
        std::vector<Ack> acks;
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(racingChildren(db, 40, false, acks, 8), 0);
        qInfo("8 clients x 40 registrations: %.0f registrations/s", 320.0 * 1000.0
                                                                          / double(timer.elapsed()));
        QCOMPARE(int(acks.size()), 320);
        expectVersionsOneTo(db, 320);
        // Every acknowledged number is distinct, and the event log has one registration each,
        // in version order.
        std::set<int> versions;
        for (const Ack &ack : acks)
            versions.insert(ack.version);
        QCOMPARE(int(versions.size()), 320);
        auto catalog = Catalog::open(db);
        QVERIFY(catalog);
        const auto history = catalog->history(QStringLiteral("churn"));
        QVERIFY(history);
        int expected = 1;
        for (const CatalogEvent &e : *history)
            QCOMPARE(e.version.value_or(0), expected++);
    }

    /// Four clients each point @production at their own version, over and over. Every move is
    /// logged with where the alias pointed before it, so the log is one unbroken chain exactly
    /// when each move read and wrote in one atomic step, in the order of the log.
    int aliasRace(const QString &db, bool deferred, QStringList *chainBreaks)
    {
        auto catalog = Catalog::open(db);
        if (!catalog)
            qFatal("%s", catalog.error().describe().c_str());
        for (int v = 0; v < 4; ++v) {
            if (!catalog->add(QStringLiteral("churn"), m_bytes))
                qFatal("registering failed");
        }
        std::vector<std::unique_ptr<QProcess>> children;
        for (int v = 1; v <= 4; ++v) {
            children.push_back(std::make_unique<QProcess>());
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            if (deferred)
                env.insert(QStringLiteral("MB_CATALOG_DEFERRED_BEGIN"), QStringLiteral("1"));
            children.back()->setProcessEnvironment(env);
            children.back()->start(QCoreApplication::applicationFilePath(),
                                   {QStringLiteral("--child-alias"), db, QString::number(v),
                                    QStringLiteral("40")});
        }
        int failures = 0;
        for (auto &child : children) {
            if (!child->waitForFinished(300000))
                qFatal("children did not finish");
            failures += int(child->readAllStandardOutput().count("fail "));
        }
        const auto history = catalog->history(QStringLiteral("churn"));
        if (!history)
            qFatal("%s", history.error().describe().c_str());
        QString pointsAt = QStringLiteral("none");
        for (const CatalogEvent &e : *history) {
            if (e.event != QLatin1String("alias_moved"))
                continue;
            // "production: BEFORE -> AFTER"
            const QStringList parts = e.detail.section(QStringLiteral(": "), 1).split(
                QStringLiteral(" -> "));
            if (parts.value(0) != pointsAt)
                *chainBreaks << e.detail;
            pointsAt = parts.value(1);
        }
        const auto entry = catalog->entry(*ModelRef::parse(QStringLiteral("churn@production")));
        if (!entry || QString::number(entry->version) != pointsAt)
            *chainBreaks << QStringLiteral("the alias points elsewhere than the log's last move");
        return failures;
    }

    void aliasMovesAreAtomicAndLoggedInOrder()
    {
        QStringList breaks;
        QCOMPARE(aliasRace(freshPath(), false, &breaks), 0);
        QVERIFY2(breaks.isEmpty(), qPrintable(breaks.join(QStringLiteral("; "))));
    }

    void aliasMovesWithoutTheLockGoWrong()
    {
        // Without the write lock (the test hook), a move reads where the alias points while
        // another move is under way: SQLite then refuses one of them (busy), the server lets
        // both through and logs two moves from the same place.
        QStringList breaks;
        const int failures = aliasRace(freshPath(), true, &breaks);
        qInfo("without the lock: %d failed moves, %lld breaks in the log", failures,
              qint64(breaks.size()));
        QVERIFY2(failures > 0 || !breaks.isEmpty(),
                 "four clients moving one alias without the lock should trip at least once");
    }

    void deferredBeginLosesWritesUnderContention()
    {
        // The test hook swaps BEGIN IMMEDIATE for the plain BEGIN of QSqlDatabase::transaction()
        // (on PostgreSQL: leaves out the advisory lock): a writer that has read and then wants
        // to write fails when the other one holds the lock or has committed since its read (on
        // PostgreSQL: both take the same next version and one breaks the unique key). This
        // shows why the fix is there.
        const QString db = freshPath();
        QVERIFY(Catalog::open(db));
        std::vector<Ack> acks;
        const int failures = racingChildren(db, 150, true, acks);
        qInfo("deferred BEGIN: %d of 300 registrations failed", failures);
        QVERIFY2(failures >= 1,
                 "with a deferred BEGIN, two racing writers should lose at least one registration");
        // What was acknowledged is there all the same.
        auto catalog = Catalog::open(db);
        QVERIFY(catalog);
        QCOMPARE(int(catalog->list()->size()), int(acks.size()));
    }

    void sigkillNeverLosesAnAcknowledgedRegistration()
    {
        const int cycles = qEnvironmentVariableIntValue("MB_CRASH_CYCLES") > 0
            ? qEnvironmentVariableIntValue("MB_CRASH_CYCLES")
            : 100;
        const QString db = freshPath();
        QHash<QString, QString> acknowledged; // "name:version" -> SHA-256
        int killedMidway = 0;
        for (int cycle = 0; cycle < cycles; ++cycle) {
            QProcess child;
            startChild(child, db, m_model, 0, false);
            QVERIFY(child.waitForStarted(30000));
            // Random moments: while opening, while validating, inside a transaction, at COMMIT.
            QTest::qWait(int(QRandomGenerator::global()->bounded(20, 300)));
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(30000));
            killedMidway += child.exitStatus() == QProcess::CrashExit ? 1 : 0;
            int failures = 0;
            const std::vector<Ack> fresh = acksIn(child.readAllStandardOutput(), &failures);
            QCOMPARE(failures, 0);

            // Opened first as a user would (its read-only check meets the crashed writer's WAL;
            // the server has rolled back the dead client's transaction), then checked in full:
            // every acknowledged registration so far is listed with its checksum, and the bytes
            // of this cycle's ones read back checked.
            auto catalog = Catalog::open(db);
            QVERIFY2(catalog, catalog ? "" : catalog.error().describe().c_str());
            QCOMPARE(integrityCheck(db), QStringLiteral("ok"));
            for (const Ack &ack : fresh) {
                const ModelRef ref {ack.name, ack.version, {}};
                acknowledged.insert(ref.toString(), ack.sha256);
                auto bytes = catalog->bytes(ref); // checks the stored checksum too
                QVERIFY2(bytes, qPrintable(QStringLiteral("acknowledged %1: %2")
                                               .arg(ref.toString(),
                                                    QString::fromStdString(
                                                        bytes ? "" : bytes.error().describe()))));
                QCOMPARE(*bytes, m_bytes);
            }
            auto listed = catalog->list();
            QVERIFY(listed);
            QHash<QString, QString> present;
            for (const CatalogEntry &e : *listed)
                present.insert(e.ref().toString(), e.sha256);
            for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
                QVERIFY2(present.value(it.key()) == it.value(),
                         qPrintable(QStringLiteral("acknowledged %1 is missing").arg(it.key())));
            }
        }
        qInfo("%d kills (%d while running), %lld acknowledged registrations all present", cycles,
              killedMidway, qint64(acknowledged.size()));
        QVERIFY(!acknowledged.isEmpty());
    }
};

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "--child-register") == 0) {
        QCoreApplication app(argc, argv);
        return childRegister(QCoreApplication::arguments());
    }
    if (argc > 1 && qstrcmp(argv[1], "--child-alias") == 0) {
        QCoreApplication app(argc, argv);
        return childAlias(QCoreApplication::arguments());
    }
    QCoreApplication app(argc, argv);
    TestCatalogConcurrency test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_catalog_concurrency.moc"
