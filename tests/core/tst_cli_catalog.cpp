// SPDX-License-Identifier: MIT
// Runs the real modelbench-cli binary: the catalog verbs, train --register, and predict and
// evaluate with catalog: references; on SQLite files, or (MB_TEST_CATALOG_BACKEND=postgresql)
// with --db naming fresh databases of a throwaway PostgreSQL server.
#include "core/catalog/catalog.h"
#include "core/io/dataset_loader.h"
#include "core/ml/model.h"
#include "core/model/model_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "postgres_test_server.h"

using namespace mb;

class TestCliCatalog : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    QTemporaryDir m_dir;
    QString m_nb; // accuracy 0.9, binary
    QString m_nbText; // accuracy 0.8, text archive
    QString m_iris = QStringLiteral(MB_SHARED_DATASETS_DIR "/iris.csv");
    int m_serial = 0;
    bool m_server = false;
    PostgresTestServer m_postgres;

    /// Every run gets its own XDG_DATA_HOME, so that no test ever touches a real user catalog.
    Run cli(const QStringList &args, const QString &xdgDataHome = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"),
                   xdgDataHome.isEmpty() ? m_dir.filePath(QStringLiteral("xdg-unused"))
                                         : xdgDataHome);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MB_CLI_PATH), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    /// A catalog that does not exist yet: a new file path, or the URL of a new, empty database.
    QString freshDb()
    {
        ++m_serial;
        if (!m_server)
            return m_dir.filePath(QStringLiteral("catalog-%1.sqlite").arg(m_serial));
        return m_postgres.freshDatabase(QStringLiteral("catalog_%1").arg(m_serial));
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(bytes);
        return path;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QByteArray modelBytes(double accuracy, ArchiveKind kind)
    {
        auto iris = loadDataset(QStringLiteral("sample:iris.csv"));
        if (!iris)
            qFatal("iris: %s", iris.error().message.c_str());
        FitControl control;
        control.threads = 1;
        auto model = Model::train(*iris, {}, "nb", {}, control);
        if (!model)
            qFatal("training nb failed: %s", model.error().message.c_str());
        model->setMetrics({{"accuracy", accuracy}});
        auto bytes = encodeModelFile(*model, kind);
        if (!bytes)
            qFatal("encoding failed: %s", bytes.error().message.c_str());
        return *bytes;
    }

    /// Adds a model file to `db` and checks the CLI said so.
    void add(const QString &db, const QString &model, const QString &name,
             const QStringList &extra = {})
    {
        const Run r
            = cli(QStringList {"catalog", "--db", db, "add", model, "--name", name} + extra);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    static QStringList eventsOf(const QJsonArray &history, const QString &kind)
    {
        QStringList details;
        for (const QJsonValue &e : history) {
            if (e.toObject().value(QStringLiteral("event")).toString() == kind)
                details << e.toObject().value(QStringLiteral("detail")).toString();
        }
        return details;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = PostgresTestServer::requested();
        if (m_server)
            MB_START_POSTGRES_OR_SKIP(m_postgres, "the CLI catalog suite");
        m_nb = write(QStringLiteral("nb.mbm"), modelBytes(0.9, ArchiveKind::Binary));
        m_nbText = write(QStringLiteral("nb-text.mbm"), modelBytes(0.8, ArchiveKind::Text));
    }

    void copyToAServerAndBackWithTheSameVerbs()
    {
        PostgresTestServer server;
        MB_START_POSTGRES_OR_SKIP(server, "the copy to a server");
        const QString file = freshDb();
        add(file, m_nb, QStringLiteral("churn"), {"--tag", "baseline"});
        add(file, m_nbText, QStringLiteral("churn"));
        QCOMPARE(cli({"catalog", "--db", file, "alias", "churn:1", "production"}).exitCode, 0);
        QVERIFY(server.createDatabase(QStringLiteral("team")));
        const QString url = server.url(QStringLiteral("team"));

        Run r = cli({"catalog", "copy", "--from", file, "--to", url});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("copied 1 models, 2 versions"), r.out.constData());
        QVERIFY(!r.out.contains("modelbench:")); // no password is ever printed (there is none)

        // The same verbs, with --db URL.
        r = cli({"catalog", "--db", url, "list", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2);
        const QString exported = m_dir.filePath(QStringLiteral("from-server.mbm"));
        r = cli({"catalog", "--db", url, "export", "churn@production", "--out", exported});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(readFile(exported), readFile(m_nb));
        add(url, m_nb, QStringLiteral("churn"));
        r = cli({"catalog", "--db", url, "show", "churn", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("version")).toInt(),
                 3);

        // A destination that holds anything is refused.
        r = cli({"catalog", "copy", "--from", file, "--to", url});
        QCOMPARE(r.exitCode == 0, false);
        QVERIFY2(r.err.contains("empty catalog"), r.err.constData());

        // And back to a file: the same history.
        const QString back = freshDb();
        r = cli({"catalog", "--db", url, "copy", "--to", back});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const Run there = cli({"catalog", "--db", url, "history", "--json"});
        const Run here = cli({"catalog", "--db", back, "history", "--json"});
        QCOMPARE(QJsonDocument::fromJson(here.out).array(),
                 QJsonDocument::fromJson(there.out).array());
        QCOMPARE(QJsonDocument::fromJson(here.out).array().size(), 5); // 3 registered, tagged, alias_moved
    }

    void addListShowAndExport()
    {
        const QString db = freshDb();
        Run r = cli({"catalog", "--db", db, "add", m_nb, "--name", "churn", "--tag", "baseline",
                     "--description", "# Churn\nFirst model."});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("registered churn:1 (sha256 "), r.out.constData());
        // --db may also come after the sub-verb.
        r = cli({"catalog", "add", m_nbText, "--name", "churn", "--db", db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("registered churn:2"));

        r = cli({"catalog", "--db", db, "list", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 2);
        const QJsonObject first = list.at(0).toObject();
        for (const char *key : {"name", "version", "algo", "created", "size", "checksum", "tags",
                                "aliases", "metrics", "dataset", "rows", "registered", "classes"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first.value("name").toString(), QStringLiteral("churn"));
        QCOMPARE(first.value("version").toInt(), 1);
        QCOMPARE(first.value("algo").toString(), QStringLiteral("nb"));
        QCOMPARE(first.value("size").toInteger(), readFile(m_nb).size());
        QVERIFY(first.value("checksum").toString().startsWith(QStringLiteral("sha256:")));
        QCOMPARE(first.value("tags").toArray(), QJsonArray {QStringLiteral("baseline")});
        QCOMPARE(first.value("metrics").toObject().value("accuracy").toDouble(), 0.9);
        QCOMPARE(first.value("rows").toInt(), 150);
        QCOMPARE(first.value("classes").toArray().size(), 3);

        const QString out = m_dir.filePath(QStringLiteral("exported.mbm"));
        r = cli({"catalog", "--db", db, "export", "churn:1", "--out", out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(readFile(out), readFile(m_nb));
        r = cli({"catalog", "--db", db, "export", "churn", "--out", out}); // latest
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(readFile(out), readFile(m_nbText));

        r = cli({"catalog", "--db", db, "show", "churn:1", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown.value("description").toString(), QStringLiteral("# Churn\nFirst model."));
        QCOMPARE(shown.value("events").toArray().size(), 2); // registered, tagged
        QCOMPARE(shown.value("events").toArray().at(0).toObject().value("event").toString(),
                 QStringLiteral("registered"));

        r = cli({"catalog", "--db", db, "show", "churn"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("model        churn:2"));
        QVERIFY(r.out.contains("learner      nb"));
    }

    void listSortsFiltersAndAlignsItsTable()
    {
        const QString db = freshDb();
        add(db, m_nbText, QStringLiteral("b-model"), {"--tag", "eu"});
        add(db, m_nb, QStringLiteral("a-model"));
        add(db, m_nb, QStringLiteral("a-model"), {"--tag", "eu"});

        auto order = [this, &db](const QStringList &options) {
            const Run r = cli(QStringList {"catalog", "--db", db, "list", "--json"} + options);
            QStringList refs;
            for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
                refs << QStringLiteral("%1:%2")
                            .arg(v.toObject().value("name").toString())
                            .arg(v.toObject().value("version").toInt());
            return refs;
        };
        QCOMPARE(order({}), (QStringList {"a-model:1", "a-model:2", "b-model:1"}));
        QCOMPARE(order({"--sort", "accuracy"}).last(), QStringLiteral("b-model:1"));
        QCOMPARE(order({"--sort", "size"}).first(), QStringLiteral("b-model:1"));
        QCOMPARE(order({"--tag", "eu"}), (QStringList {"a-model:2", "b-model:1"}));
        QCOMPARE(order({"--name", "b-model"}), QStringList {"b-model:1"});

        Run r = cli({"catalog", "--db", db, "list", "--sort", "colour"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("name, version, created, accuracy, size"), r.err.constData());

        r = cli({"catalog", "--db", db, "list"});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith("NAME"));
        const qsizetype column = lines[0].indexOf("VERSION");
        const qsizetype algo = lines[0].indexOf("ALGO");
        for (const QByteArray &line : lines.mid(1)) {
            QVERIFY(line.at(column - 1) == ' ' && line.at(column) != ' ');
            QCOMPARE(line.mid(algo, 2), QByteArray("nb"));
        }
    }

    void listJsonIsValidAndMatchesShow()
    {
        // list --json writes its JSON text itself (for speed); show --json goes through
        // QJsonObject. Both must say the same, quotes, backslashes and non-ASCII included.
        const QString db = freshDb();
        const QString name
            = QString::fromUtf8("say \"hi\" \\ K\xc3\xbcndigung / \xe6\xa8\xa1\xe5\x9e\x8b");
        add(db, m_nb, name, {"--tag", "eu"});
        QCOMPARE(cli({"catalog", "--db", db, "alias", name + ":1", "production"}).exitCode, 0);
        Run r = cli({"catalog", "--db", db, "list", "--json"});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonArray list = QJsonDocument::fromJson(r.out, &error).array();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(list.size(), 1);
        r = cli({"catalog", "--db", db, "show", name, "--json"});
        QJsonObject shown = QJsonDocument::fromJson(r.out).object();
        shown.remove(QStringLiteral("description"));
        shown.remove(QStringLiteral("events"));
        QCOMPARE(list.at(0).toObject(), shown);
        QCOMPARE(shown.value("name").toString(), name);
        QCOMPARE(shown.value("aliases").toArray(), QJsonArray {QStringLiteral("production")});
        // An empty catalog lists as an empty array.
        const QString empty = freshDb();
        add(empty, m_nb, QStringLiteral("x"));
        QCOMPARE(cli({"catalog", "--db", empty, "remove", "x"}).exitCode, 0);
        r = cli({"catalog", "--db", empty, "list", "--json"});
        QCOMPARE(r.out, QByteArray("[]\n"));
    }

    void aliasesTagsRenameRemoveAndHistory()
    {
        const QString db = freshDb();
        add(db, m_nb, QStringLiteral("churn"));
        add(db, m_nbText, QStringLiteral("churn"));
        QCOMPARE(cli({"catalog", "--db", db, "alias", "churn:1", "production"}).exitCode, 0);
        QCOMPARE(cli({"catalog", "--db", db, "alias", "churn:2", "production"}).exitCode, 0);
        Run r = cli({"catalog", "--db", db, "alias", "churn", "production"});
        QCOMPARE(r.exitCode, 2); // which version?
        QCOMPARE(cli({"catalog", "--db", db, "tag", "churn:1", "reviewed"}).exitCode, 0);
        QCOMPARE(cli({"catalog", "--db", db, "tag", "churn", "candidate"}).exitCode, 0);
        QCOMPARE(cli({"catalog", "--db", db, "untag", "churn", "candidate"}).exitCode, 0);
        r = cli({"catalog", "--db", db, "untag", "churn", "candidate"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("has no tag 'candidate'"));

        const QString out = m_dir.filePath(QStringLiteral("prod.mbm"));
        QCOMPARE(cli({"catalog", "--db", db, "export", "churn@production", "--out", out}).exitCode,
                 0);
        QCOMPARE(readFile(out), readFile(m_nbText));

        QCOMPARE(cli({"catalog", "--db", db, "rename", "churn", "churn-eu"}).exitCode, 0);
        r = cli({"catalog", "--db", db, "history", "churn-eu", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray history = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(eventsOf(history, QStringLiteral("alias_moved")),
                 (QStringList {"production: none -> 1", "production: 1 -> 2"}));
        QCOMPARE(eventsOf(history, QStringLiteral("renamed")), QStringList {"churn -> churn-eu"});
        const QJsonObject firstEvent = history.at(0).toObject();
        for (const char *key : {"time", "event", "name", "version", "detail"})
            QVERIFY2(firstEvent.contains(QLatin1String(key)), key);
        QVERIFY(QDateTime::fromString(firstEvent.value("time").toString(), Qt::ISODateWithMs)
                    .isValid());

        r = cli({"catalog", "--db", db, "remove", "churn-eu:1"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("removed churn-eu:1\n"));
        r = cli({"catalog", "--db", db, "remove", "churn-eu"}); // @production points to 2
        QCOMPARE(r.exitCode, 1);
        r = cli({"catalog", "--db", db, "remove", "churn-eu", "--force"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out,
                 QByteArray("removed churn-eu (versions: 2; aliases dropped: @production)\n"));
        r = cli({"catalog", "--db", db, "list", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
        add(db, m_nb, QStringLiteral("churn-eu"));
        r = cli({"catalog", "--db", db, "list", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().at(0).toObject().value("version").toInt(),
                 3);

        r = cli({"catalog", "--db", db, "history"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("registered"));
        QVERIFY(r.out.contains("churn-eu:2"));
    }

    void badInputAndUsageGiveTheirExitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no sub-verb") << QStringList {"catalog"} << 2 << "no sub-verb";
        QTest::newRow("unknown sub-verb")
            << QStringList {"catalog", "frobnicate"} << 2 << "unknown sub-verb";
        QTest::newRow("add without --name")
            << QStringList {"catalog", "add", "x.mbm"} << 2 << "--name is required";
        QTest::newRow("name with a colon")
            << QStringList {"catalog", "add", "x.mbm", "--name", "a:b"} << 2 << "contains ':'";
        QTest::newRow("bad tag") << QStringList {"catalog", "add",   "x.mbm",    "--name",
                                                 "a",       "--tag", "no spaces"}
                                 << 2 << "may use only";
        QTest::newRow("bad reference")
            << QStringList {"catalog", "show", "churn:x"} << 2 << "whole number";
        QTest::newRow("export without --out")
            << QStringList {"catalog", "export", "churn"} << 2 << "--out is required";
        QTest::newRow("remove by alias")
            << QStringList {"catalog", "remove", "churn@production"} << 2 << "by number";
        QTest::newRow("model file missing")
            << QStringList {"catalog", "add", "/nonexistent/x.mbm", "--name", "a"} << 1
            << "cannot read";
        QTest::newRow("unknown model")
            << QStringList {"catalog", "show", "nobody"} << 1 << "no model named 'nobody'";
        QTest::newRow("unknown version")
            << QStringList {"catalog", "export", "churn:9", "--out", "/tmp/never.mbm"} << 1
            << "has no version 9 (it has 1)";
    }

    void badInputAndUsageGiveTheirExitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString db = freshDb();
        add(db, m_nb, QStringLiteral("churn"));
        const Run r = cli(args + QStringList {"--db", db});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1); // one line
    }

    /// A catalog with @production moved at known times (the CLI's clock cannot be set):
    /// none -> 1 on 2026-10-05 12:00Z, 1 -> 2 on 2026-10-20 08:30Z, 2 -> 3 on 2026-11-15 17:00Z.
    QString catalogWithAliasMoves()
    {
        const QString db = freshDb();
        QDateTime now(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
        CatalogOptions options;
        options.clock = [&now] {
            return now;
        };
        auto c = Catalog::open(db, options);
        if (!c)
            qFatal("%s", c.error().describe().c_str());
        const QByteArray bytes = readFile(m_nb);
        for (int i = 0; i < 3; ++i) {
            if (!c->add(QStringLiteral("churn"), bytes))
                qFatal("add failed");
        }
        const std::pair<QDateTime, int> moves[] = {
            {QDateTime(QDate(2026, 10, 5), QTime(12, 0), Qt::UTC), 1},
            {QDateTime(QDate(2026, 10, 20), QTime(8, 30), Qt::UTC), 2},
            {QDateTime(QDate(2026, 11, 15), QTime(17, 0), Qt::UTC), 3},
        };
        for (const auto &[when, version] : moves) {
            now = when;
            if (!c->setAlias(QStringLiteral("churn"), version, QStringLiteral("production")))
                qFatal("setAlias failed");
        }
        return db;
    }

    void historyAnswersWhichVersionAnAliasWasAt_data()
    {
        QTest::addColumn<QStringList>("question");
        QTest::addColumn<QString>("answer");
        const QStringList byRef {"--alias", "churn@production"};
        QTest::newRow("on 2026-11-01 (a date: the end of that day)")
            << byRef + QStringList {"--at", "2026-11-01"} << "churn:2";
        QTest::newRow("NAME argument and --alias ALIAS")
            << QStringList {"churn", "--alias", "production", "--at", "2026-11-01"} << "churn:2";
        QTest::newRow("--alias @ALIAS")
            << QStringList {"churn", "--alias", "@production", "--at", "2026-11-01"} << "churn:2";
        QTest::newRow("a second before a move")
            << byRef + QStringList {"--at", "2026-10-20T08:29:59Z"} << "churn:1";
        QTest::newRow("the instant of a move counts as after it")
            << byRef + QStringList {"--at", "2026-10-20T08:30:00.000Z"} << "churn:2";
        QTest::newRow("no offset means UTC, the zone of the stored times")
            << byRef + QStringList {"--at", "2026-10-20T08:29:59"} << "churn:1";
        QTest::newRow("an offset is honoured")
            << byRef + QStringList {"--at", "2026-10-20T10:30:00+02:00"} << "churn:2";
        QTest::newRow("after the last move")
            << byRef + QStringList {"--at", "2027-01-01"} << "churn:3";
        QTest::newRow("on the day of the first move")
            << byRef + QStringList {"--at", "2026-10-05"} << "churn:1";
        QTest::newRow("before the first move")
            << byRef + QStringList {"--at", "2026-10-04"} << "nothing";
    }

    void historyAnswersWhichVersionAnAliasWasAt()
    {
        QFETCH(QStringList, question);
        QFETCH(QString, answer);
        const QString db = catalogWithAliasMoves();
        Run r = cli(QStringList {"catalog", "--db", db, "history"} + question);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("churn@production at 20"), r.out.constData());
        QVERIFY2(r.out.trimmed().endsWith(": " + answer.toUtf8())
                     || (answer == QLatin1String("nothing") && r.out.contains(": nothing")),
                 r.out.constData());

        r = cli(QStringList {"catalog", "--db", db, "history", "--json"} + question);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value("name").toString(), QStringLiteral("churn"));
        QCOMPARE(json.value("alias").toString(), QStringLiteral("production"));
        QVERIFY(QDateTime::fromString(json.value("at").toString(), Qt::ISODateWithMs).isValid());
        if (answer == QLatin1String("nothing"))
            QVERIFY(json.value("version").isNull());
        else
            QCOMPARE(json.value("version").toInt(), answer.back().digitValue());
    }

    void historyAliasQuestionsNeedBothOptions_data()
    {
        QTest::addColumn<QStringList>("question");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("--at without --alias")
            << QStringList {"--at", "2026-11-01"} << 2 << "go together";
        QTest::newRow("--alias without --at")
            << QStringList {"--alias", "churn@production"} << 2 << "go together";
        QTest::newRow("alias without a model")
            << QStringList {"--alias", "production", "--at", "2026-11-01"} << 2
            << "say which model";
        QTest::newRow("not a date")
            << QStringList {"--alias", "churn@production", "--at", "1 November"} << 2 << "ISO 8601";
        QTest::newRow("a version instead of an alias")
            << QStringList {"--alias", "churn:2", "--at", "2026-11-01"} << 2 << "NAME@ALIAS";
        QTest::newRow("unknown model")
            << QStringList {"--alias", "nobody@production", "--at", "2026-11-01"} << 1
            << "no model named 'nobody'";
    }

    void historyAliasQuestionsNeedBothOptions()
    {
        QFETCH(QStringList, question);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString db = freshDb();
        add(db, m_nb, QStringLiteral("churn"));
        const Run r = cli(QStringList {"catalog", "--db", db, "history"} + question);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void removeRefusesWhileAnAliasPointsThereUnlessForced()
    {
        const QString db = freshDb();
        add(db, m_nb, QStringLiteral("churn"));
        add(db, m_nb, QStringLiteral("churn"));
        QCOMPARE(cli({"catalog", "--db", db, "alias", "churn:1", "production"}).exitCode, 0);
        QCOMPARE(cli({"catalog", "--db", db, "alias", "churn:1", "staging"}).exitCode, 0);

        Run r = cli({"catalog", "--db", db, "remove", "churn:1"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot remove churn:1: the aliases @production, @staging point "
                                "to it"),
                 r.err.constData());
        QVERIFY(r.err.contains("--force"));
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.out.isEmpty());
        r = cli({"catalog", "--db", db, "list", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2);

        r = cli({"catalog", "--db", db, "remove", "churn:1", "--force"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("removed churn:1 (aliases dropped: @production, @staging)\n"));
        r = cli({"catalog", "--db", db, "show", "churn@production"});
        QCOMPARE(r.exitCode, 1);
        r = cli({"catalog", "--db", db, "remove", "churn:2"}); // no alias: no question asked
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("removed churn:2\n"));
    }

    void readingVerbsNeverCreateACatalog_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("list") << QStringList {"catalog", "list"};
        QTest::newRow("list --json") << QStringList {"catalog", "list", "--json"};
        QTest::newRow("show") << QStringList {"catalog", "show", "churn"};
        QTest::newRow("export") << QStringList {"catalog", "export", "churn", "--out",
                                                "never-written.mbm"};
        QTest::newRow("history") << QStringList {"catalog", "history"};
        QTest::newRow("history --alias --at") << QStringList {
            "catalog", "history", "--alias", "churn@production", "--at", "2026-11-01"};
        QTest::newRow("predict catalog:") << QStringList {"predict", "catalog:churn", m_iris};
        QTest::newRow("evaluate catalog:") << QStringList {"evaluate", "catalog:churn", m_iris};
    }

    void readingVerbsNeverCreateACatalog()
    {
        QFETCH(QStringList, args);
        // On a server: an empty database, which reading must not set up as a catalog.
        const QString db = m_server
            ? freshDb()
            : m_dir.filePath(QStringLiteral("typo-%1.sqlite").arg(++m_serial));
        const Run r = cli(args + QStringList {"--db", db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("no catalog at ") + db),
                 r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        if (m_server) {
            const Run again = cli({"catalog", "--db", db, "list"});
            QVERIFY2(again.err.contains("no catalog at"), again.err.constData());
        } else {
            QVERIFY(!QFileInfo::exists(db));
            QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")));
        }
    }

    void writingVerbsAndTheDefaultCatalogAreCreatedOnFirstUse()
    {
        const QString db = m_dir.filePath(QStringLiteral("first-use.sqlite"));
        add(db, m_nb, QStringLiteral("churn"));
        QVERIFY(QFileInfo::exists(db));
        const QString tagged = m_dir.filePath(QStringLiteral("first-tag.sqlite"));
        QCOMPARE(cli({"catalog", "--db", tagged, "tag", "churn", "x"}).exitCode, 1); // no model
        QVERIFY(QFileInfo::exists(tagged));
        // The default catalog (no --db) may be created by any verb: an empty list is fine.
        const QString xdg = m_dir.filePath(QStringLiteral("xdg-empty"));
        const Run r = cli({"catalog", "list"}, xdg);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.startsWith("No models match"));
    }

    void showNeverLetsStoredTextDriveTheTerminal()
    {
        const QString db = freshDb();
        add(db, m_nb, QStringLiteral("churn"),
            {"--description",
             QStringLiteral("\x1b]0;owned\x07\x1b[2J\x1b[31mred\x1b[0m\r\nnext\x9b")});
        const Run r = cli({"catalog", "--db", db, "show", "churn"});
        QCOMPARE(r.exitCode, 0);
        for (char control : {'\x1b', '\x07', '\r'})
            QVERIFY2(!r.out.contains(control), r.out.constData());
        QVERIFY(!QString::fromUtf8(r.out).contains(QChar(0x9b)));
        QVERIFY2(r.out.contains("\\x1b]0;owned\\x07\\x1b[2J\\x1b[31mred\\x1b[0m\nnext\\x9b"),
                 r.out.constData());
        // JSON keeps the text exactly (JSON escapes it).
        const Run json = cli({"catalog", "--db", db, "show", "churn", "--json"});
        QCOMPARE(QJsonDocument::fromJson(json.out).object().value("description").toString(),
                 QStringLiteral("\x1b]0;owned\x07\x1b[2J\x1b[31mred\x1b[0m\r\nnext\x9b"));
    }

    void descriptionFromAFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected"); // the description, or part of the error
        QTest::newRow("UTF-8 Markdown")
            << QByteArray("# Kündigung\n\nTrained on *EU* data \xe2\x80\x94 v1.\n") << 0
            << QString::fromUtf8("# Kündigung\n\nTrained on *EU* data \xe2\x80\x94 v1.\n");
        QTest::newRow("byte order mark dropped") << QByteArray("\xef\xbb\xbfhello") << 0 << "hello";
        QTest::newRow("exactly 1 MiB")
            << QByteArray(1 << 20, 'm') << 0 << QString(1 << 20, QLatin1Char('m'));
        QTest::newRow("one byte over 1 MiB")
            << QByteArray((1 << 20) + 1, 'm') << 1 << "larger than 1 MiB";
        QTest::newRow("not UTF-8") << QByteArray("caf\xe9 latin-1") << 1 << "not UTF-8 text";
    }

    void descriptionFromAFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const QString db = freshDb();
        const QString file = write(QStringLiteral("description.md"), content);
        Run r = cli(
            {"catalog", "--db", db, "add", m_nb, "--name", "churn", "--description-file", file});
        QCOMPARE(r.exitCode, exitCode);
        if (exitCode != 0) {
            QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
            QVERIFY(r.err.contains("description.md"));
            QVERIFY(!QFileInfo::exists(db)); // refused before the catalog was opened
            return;
        }
        r = cli({"catalog", "--db", db, "show", "churn", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("description").toString(), expected);
    }

    void descriptionAndDescriptionFileExcludeEachOther()
    {
        const QString file = write(QStringLiteral("d.md"), "text");
        const Run r = cli({"catalog", "--db", freshDb(), "add", m_nb, "--name", "churn",
                           "--description", "x", "--description-file", file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not both"), r.err.constData());
    }

    void helpDescribesTheNewOptions()
    {
        Run r = cli({"catalog", "history", "--help"});
        QVERIFY(r.out.contains("--alias"));
        QVERIFY(r.out.contains("--at"));
        QVERIFY(r.out.contains("UTC"));
        r = cli({"catalog", "remove", "--help"});
        QVERIFY(r.out.contains("--force"));
        r = cli({"catalog", "add", "--help"});
        QVERIFY(r.out.contains("--description-file"));
        QVERIFY(r.out.contains("1 MiB"));
        r = cli({"catalog", "--help"});
        QVERIFY(r.out.contains("--alias NAME@ALIAS --at DATETIME"));
    }

    void badFilesAreClearErrors()
    {
        Run r = cli({"catalog", "--db", m_iris, "list"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not a ModelBench catalog (not an SQLite database)"),
                 r.err.constData());
        QVERIFY(r.err.contains("iris.csv"));

        r = cli(
            {"catalog", "--db", m_dir.filePath(QStringLiteral("missing/folder/c.sqlite")), "list"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("does not exist"), r.err.constData());

        const QString db = freshDb();
        r = cli({"catalog", "--db", db, "add", m_iris, "--name", "x"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("iris.csv"), r.err.constData()); // the model file's own message
    }

    void everySubVerbHasHelp_data()
    {
        QTest::addColumn<QString>("sub");
        for (const char *sub : {"list", "add", "show", "export", "alias", "tag", "untag", "rename",
                                "remove", "history"})
            QTest::newRow(sub) << QString::fromLatin1(sub);
    }

    void everySubVerbHasHelp()
    {
        QFETCH(QString, sub);
        const Run r = cli({"catalog", sub, "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("modelbench-cli catalog " + sub.toUtf8()), r.out.constData());
        QVERIFY(r.out.contains("--db"));
    }

    void catalogHelpListsSubVerbs()
    {
        const Run r = cli({"catalog", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("history [NAME] [--json]"));
        QVERIFY(cli({"--help"}).out.contains("catalog"));
    }

    void defaultCatalogHonoursXdgDataHome()
    {
        const QString xdg = m_dir.filePath(QStringLiteral("xdg-home"));
        const Run r = cli({"catalog", "add", m_nb, "--name", "churn"}, xdg);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFileInfo::exists(xdg + QStringLiteral("/ModelBench/ModelBench/catalog.sqlite")));
        QCOMPARE(
            QJsonDocument::fromJson(cli({"catalog", "list", "--json"}, xdg).out).array().size(), 1);
    }

    void trainRegistersAndPredictReadsFromTheCatalog()
    {
        const QString db = freshDb();
        const QString saved = m_dir.filePath(QStringLiteral("trained.mbm"));
        Run r = cli({"train", m_iris, "--algo", "nb", "--out", saved, "--register", "iris-nb",
                     "--db", db, "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject registered
            = QJsonDocument::fromJson(r.out).object().value("registered").toObject();
        QCOMPARE(registered.value("name").toString(), QStringLiteral("iris-nb"));
        QCOMPARE(registered.value("version").toInt(), 1);
        // Without --out the model is encoded in memory and registered all the same.
        r = cli({"train", m_iris, "--algo", "nb", "--register", "iris-nb", "--db", db});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("registered iris-nb:2"));

        const QString exported = m_dir.filePath(QStringLiteral("from-catalog.mbm"));
        QCOMPARE(cli({"catalog", "--db", db, "export", "iris-nb:1", "--out", exported}).exitCode,
                 0);
        QCOMPARE(readFile(exported), readFile(saved));

        QCOMPARE(cli({"catalog", "--db", db, "alias", "iris-nb:1", "production"}).exitCode, 0);
        r = cli({"predict", "catalog:iris-nb@production", m_iris, "--db", db, "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("rows").toInt(), 150);
        r = cli({"evaluate", "catalog:iris-nb:2", m_iris, "--db", db, "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QJsonDocument::fromJson(r.out)
                    .object()
                    .value("metrics")
                    .toObject()
                    .value("accuracy")
                    .toDouble()
                > 0.9);
        r = cli({"predict", "catalog:nobody", m_iris, "--db", db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no model named 'nobody'"));

        r = cli({"train", m_iris, "--algo", "nb", "--register", "bad:name", "--db", db});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliCatalog)
#include "tst_cli_catalog.moc"
