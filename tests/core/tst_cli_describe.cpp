// SPDX-License-Identifier: MIT
// Runs the real modelbench-cli binary and checks `describe`'s output and exit codes.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliDescribe : public QObject
{
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    QTemporaryDir m_dir;

    static Run cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(MB_CLI_PATH), args);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
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

    static QJsonObject columnNamed(const QJsonObject &report, const QString &name)
    {
        for (const QJsonValue &c : report.value(QStringLiteral("columns")).toArray()) {
            if (c.toObject().value(QStringLiteral("name")).toString() == name)
                return c.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void irisJsonHasEveryField()
    {
        const Run r = cli({QStringLiteral("describe"), QStringLiteral(MB_SHARED_DATASETS_DIR "/iris.csv"),
                           QStringLiteral("--target"), QStringLiteral("species"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QStringLiteral("rows")).toInt(), 150);
        QCOMPARE(report.value(QStringLiteral("columns")).toArray().size(), 5);
        const QJsonObject sepal = columnNamed(report, QStringLiteral("sepal_length_cm"));
        QCOMPARE(sepal.value(QStringLiteral("type")).toString(), QStringLiteral("numeric"));
        QCOMPARE(sepal.value(QStringLiteral("missing")).toInt(), 0);
        QCOMPARE(sepal.value(QStringLiteral("distinct")).toInt(), 35);
        QCOMPARE(sepal.value(QStringLiteral("min")).toDouble(), 4.3);
        QCOMPARE(sepal.value(QStringLiteral("max")).toDouble(), 7.9);
        QVERIFY(qAbs(sepal.value(QStringLiteral("mean")).toDouble() - 5.843333) < 1e-5);
        const QJsonArray classes = report.value(QStringLiteral("classes")).toArray();
        QCOMPARE(classes.size(), 3);
        QCOMPARE(classes.at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("setosa"));
        QCOMPARE(classes.at(0).toObject().value(QStringLiteral("count")).toInt(), 50);
    }

    void arffLevelsKeepDeclaredOrderAndCsvLevelsFirstAppearance()
    {
        Run r = cli({QStringLiteral("describe"), QStringLiteral(MB_SHARED_DATASETS_DIR "/weather.nominal.arff"),
                     QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonArray levels = columnNamed(QJsonDocument::fromJson(r.out).object(), QStringLiteral("outlook"))
                                    .value(QStringLiteral("levels")).toArray();
        QCOMPARE(levels.size(), 3);
        QCOMPARE(levels.at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("sunny"));
        QCOMPARE(levels.at(2).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("rainy"));

        const QString csv = write(QStringLiteral("order.csv"), "x,c\n1,zeta\n2,alpha\n3,zeta\n");
        r = cli({QStringLiteral("describe"), csv, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        levels = columnNamed(QJsonDocument::fromJson(r.out).object(), QStringLiteral("c"))
                         .value(QStringLiteral("levels")).toArray();
        QCOMPARE(levels.at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("zeta"));
        QCOMPARE(levels.at(0).toObject().value(QStringLiteral("count")).toInt(), 2);
    }

    void semicolonDecimalCommaIsDetectedWithoutOptions()
    {
        const QString csv = write(QStringLiteral("eu.csv"), "a;b;label\n1,5;2,25;x\n3,5;4;y\n");
        const Run r = cli({QStringLiteral("describe"), csv, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject a = columnNamed(QJsonDocument::fromJson(r.out).object(), QStringLiteral("a"));
        QCOMPARE(a.value(QStringLiteral("type")).toString(), QStringLiteral("numeric"));
        QCOMPARE(a.value(QStringLiteral("min")).toDouble(), 1.5);
        QCOMPARE(a.value(QStringLiteral("max")).toDouble(), 3.5);
    }

    void duplicateColumnNamesAreMadeUniqueWithAWarning()
    {
        const QString csv = write(QStringLiteral("dup.csv"), "x,x,y\n1,2,a\n3,4,b\n");
        const Run r = cli({QStringLiteral("describe"), csv, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QVERIFY(!columnNamed(report, QStringLiteral("x_2")).isEmpty());
        QVERIFY(r.err.contains("warning"));
        QVERIFY(r.err.contains("x_2"));
    }

    void textReportListsEveryColumn()
    {
        const Run r = cli({QStringLiteral("describe"), QStringLiteral("sample:wine.csv"),
                           QStringLiteral("--target"), QStringLiteral("cultivar")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("wine: 178 rows, 14 columns"));
        QVERIFY(r.out.contains("proline"));
        QVERIFY(r.out.contains("target 'cultivar': 3 classes"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrMentions");

        const QString iris = QStringLiteral(MB_SHARED_DATASETS_DIR "/iris.csv");
        const QString ragged = write(QStringLiteral("ragged.csv"), "a,b\n1,2\n3,4,5\n");
        QTest::newRow("help on the verb") << QStringList{"describe", "--help"} << 0 << "";
        QTest::newRow("top-level help") << QStringList{"--help"} << 0 << "";
        QTest::newRow("no verb") << QStringList{} << 2 << "no verb";
        QTest::newRow("unknown verb") << QStringList{"frobnicate"} << 2 << "unknown verb";
        QTest::newRow("unknown option") << QStringList{"describe", iris, "--bogus"} << 2 << "bogus";
        QTest::newRow("missing data argument") << QStringList{"describe"} << 2 << "DATA";
        QTest::newRow("unknown target column") << QStringList{"describe", iris, "--target", "nope"} << 2 << "nope";
        QTest::newRow("bad delimiter") << QStringList{"describe", iris, "--delimiter", "x"} << 2 << "--delimiter";
        QTest::newRow("file does not exist") << QStringList{"describe", m_dir.filePath("none.csv")} << 1 << "does not exist";
        QTest::newRow("ragged row names line 3") << QStringList{"describe", ragged} << 1 << "ragged.csv:3";
    }

    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrMentions);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(stderrMentions), r.err.constData());
        if (exitCode != 0)
            QCOMPARE(r.err.count('\n'), 1);  // one line on stderr
    }
};

QTEST_GUILESS_MAIN(TestCliDescribe)
#include "tst_cli_describe.moc"
