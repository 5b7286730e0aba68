// SPDX-License-Identifier: MIT
// The real modelbench-cli binary: train, info, convert, predict and evaluate.
#include "tests/core/damaged_model_files.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

#include <unistd.h>

class TestCliModel : public QObject
{
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    QTemporaryDir m_dir;
    const QString m_iris = QStringLiteral(MB_SHARED_DATASETS_DIR "/iris.csv");

    static Run cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(MB_CLI_PATH), args);
        if (!p.waitForFinished(300000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    static QJsonObject json(const Run &r) { return QJsonDocument::fromJson(r.out).object(); }

    QByteArray trainedAs(const QString &format)
    {
        const QString path = m_dir.filePath(QStringLiteral("weather.%1.mbm").arg(format));
        const Run r = cli({"train", "sample:weather.numeric.arff", "--algo", "nb", "--format", format, "--out", path});
        if (r.exitCode != 0)
            qFatal("training failed: %s", r.err.constData());
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }

    /// A model file nobody can open: exit 1 with `mentions` on stderr, from both verbs that
    /// read a whole model.
    void refusesModel(const QString &path, const QString &mentions)
    {
        for (const char *verb : {"predict", "evaluate"}) {
            const Run r = cli({verb, path, "sample:weather.numeric.arff"});
            QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("%1 exit %2: %3").arg(verb).arg(r.exitCode).arg(r.err)));
            QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
        }
    }

    static bool closeRelative(double a, double b)
    {
        return std::abs(a - b) <= 1e-12 * std::max({std::abs(a), std::abs(b), 1e-300});
    }

    /// What is wrong with one row of `predict --explain` (empty when nothing): the path's
    /// answers follow its tests and end at a leaf with the row's probabilities, or the base
    /// plus the contributions are the scores and their softmax is the probabilities.
    static QString explainedRowProblem(const QJsonObject &row, const QJsonArray &classes)
    {
        const QJsonObject proba = row.value("probabilities").toObject();
        const QJsonObject e = row.value("explanation").toObject();
        if (e.value("kind") == QLatin1String("decision_path")) {
            for (const QJsonValue &v : e.value("path").toArray()) {
                const QJsonObject step = v.toObject();
                bool yes = false;
                if (step.contains("threshold"))
                    yes = step.value("value").toDouble() <= step.value("threshold").toDouble();
                else
                    yes = step.value("levels").toArray().contains(step.value("value"));
                if (step.value("answer").toString() != (yes ? QLatin1String("yes") : QLatin1String("no")))
                    return QStringLiteral("step %1 answered %2").arg(step.value("test").toString(), step.value("answer").toString());
            }
            if (e.value("leaf").toObject().value("probabilities").toObject() != proba)
                return QStringLiteral("the leaf's probabilities are not the row's");
            return {};
        }
        if (e.value("kind") != QLatin1String("contributions"))
            return QStringLiteral("unknown kind %1").arg(e.value("kind").toString());
        const QJsonObject base = e.value("base").toObject();
        const QJsonObject scores = e.value("scores").toObject();
        double top = -INFINITY;
        for (const QJsonValue &c : classes) {
            double sum = base.value(c.toString()).toDouble();
            for (const QJsonValue &f : e.value("features").toArray())
                sum += f.toObject().value("contributions").toObject().value(c.toString()).toDouble();
            if (!closeRelative(sum, scores.value(c.toString()).toDouble()))
                return QStringLiteral("%1: base + contributions %2, score %3").arg(c.toString()).arg(sum).arg(scores.value(c.toString()).toDouble());
            top = std::max(top, sum);
        }
        double total = 0;
        for (const QJsonValue &c : classes)
            total += std::exp(scores.value(c.toString()).toDouble() - top);
        for (const QJsonValue &c : classes) {
            const double p = std::exp(scores.value(c.toString()).toDouble() - top) / total;
            if (!closeRelative(p, proba.value(c.toString()).toDouble()))
                return QStringLiteral("%1: softmax %2, probability %3").arg(c.toString()).arg(p).arg(proba.value(c.toString()).toDouble());
        }
        return {};
    }

    mb::testing::GoodModelFiles m_good;

private Q_SLOTS:
    void initTestCase()
    {
        m_good = {trainedAs(QStringLiteral("binary")), trainedAs(QStringLiteral("text")), trainedAs(QStringLiteral("xml"))};
    }

    void paramsHelpNeedsNoData()
    {
        const Run r = cli({"train", "--params-help"});
        QCOMPARE(r.exitCode, 0);
        for (const char *word : {"tree", "forest", "gbt", "logreg", "knn", "nb", "ccp_alpha", "n_estimators", "max_leaf_nodes"})
            QVERIFY2(r.out.contains(word), word);
    }

    void damagedModelFilesExitWithAMessage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        for (const mb::testing::DamagedModelFile &file : mb::testing::damagedModelFiles(m_good))
            QTest::newRow(qPrintable(file.name)) << file.bytes << file.message;
    }

    void damagedModelFilesExitWithAMessage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        refusesModel(write(QStringLiteral("damaged.mbm"), bytes), message);
    }

    void aDirectoryIsNotAModel() { refusesModel(m_dir.path(), QStringLiteral("folder")); }

    void anUnreadableModelSaysSo()
    {
        if (geteuid() == 0)
            QSKIP("running as root: file permissions do not stop root from reading");
        const QString path = write(QStringLiteral("locked.mbm"), m_good.binary);
        QFile::setPermissions(path, QFileDevice::WriteOwner);
        refusesModel(path, QStringLiteral("permission"));
    }

    void trainReportsEveryDocumentedField()
    {
        const Run r = cli({"train", m_iris, "--algo", "tree", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = json(r);
        for (const char *key : {"algo", "params", "rows", "features", "classes", "load_seconds", "fit_seconds",
                                "predict_seconds", "metrics", "confusion_matrix"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        for (const char *key : {"accuracy", "balanced_accuracy", "macro_f1", "log_loss", "roc_auc"})
            QVERIFY2(o.value("metrics").toObject().contains(QLatin1String(key)), key);
        QCOMPARE(o.value("rows").toInt(), 150);
        QCOMPARE(o.value("features").toInt(), 4);
        QCOMPARE(o.value("classes").toArray().size(), 3);
        QCOMPARE(o.value("params").toObject().value("prune").toString(), QStringLiteral("cv"));
        // Default scheme: a stratified 25% holdout, so 38 or so test rows, all in the matrix.
        int counted = 0;
        for (const QJsonValue &row : o.value("confusion_matrix").toArray())
            for (const QJsonValue &n : row.toArray())
                counted += n.toInt();
        QCOMPARE(counted, o.value("metrics").toObject().value("rows").toInt());
        QVERIFY(counted > 30 && counted < 45);
        QVERIFY(o.value("metrics").toObject().value("accuracy").toDouble() > 0.85);
    }

    void crossValidationListsEachFold()
    {
        const Run r = cli({"train", m_iris, "--algo", "nb", "--cv", "5", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray folds = json(r).value("folds").toArray();
        QCOMPARE(folds.size(), 5);
        double sum = 0;
        for (const QJsonValue &f : folds)
            sum += f.toObject().value("accuracy").toDouble();
        QVERIFY(qAbs(sum / 5 - json(r).value("metrics").toObject().value("accuracy").toDouble()) < 1e-12);
    }

    void aSavedModelPredictsLikeTheTrainedOne()
    {
        const QString model = m_dir.filePath("iris.mbm");
        Run r = cli({"train", m_iris, "--algo", "logreg", "--out", model, "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        r = cli({"info", model, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject info = json(r);
        for (const char *key : {"format_version", "algo", "archive", "features", "classes", "recipe", "metrics",
                                "created", "app_version", "payload_bytes", "checksum"})
            QVERIFY2(info.contains(QLatin1String(key)), key);
        QCOMPARE(info.value("algo").toString(), QStringLiteral("logreg"));
        QCOMPARE(info.value("archive").toString(), QStringLiteral("binary"));
        const QJsonObject recipe = info.value("recipe").toObject();
        QCOMPARE(recipe.value("dataset").toString(), QStringLiteral("iris"));
        QCOMPARE(recipe.value("validation").toString(), QStringLiteral("holdout 0.25"));
        const QJsonObject sepal = info.value("features").toArray().at(0).toObject();
        QCOMPARE(sepal.value("type").toString(), QStringLiteral("numeric"));
        QVERIFY(sepal.contains("median"));

        const QString xml = m_dir.filePath("iris.xml.mbm");
        QCOMPARE(cli({"convert", model, "--format", "xml", "--out", xml}).exitCode, 0);
        const Run a = cli({"predict", model, m_iris, "--proba"});
        const Run b = cli({"predict", xml, m_iris, "--proba"});
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, b.out);  // identical CSV, digit for digit
        const QList<QByteArray> lines = a.out.split('\n');
        QCOMPARE(lines.at(0), QByteArray("sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species,"
                                         "predicted,p_setosa,p_versicolor,p_virginica"));
        QCOMPARE(lines.size(), 152);  // header, 150 rows, final newline
        const QList<QByteArray> first = lines.at(1).split(',');
        QCOMPARE(first.at(5), QByteArray("setosa"));
        const double total = first.at(6).toDouble() + first.at(7).toDouble() + first.at(8).toDouble();
        QVERIFY(qAbs(total - 1) < 1e-12);

        r = cli({"evaluate", xml, m_iris, "--json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(json(r).value("metrics").toObject().value("accuracy").toDouble() > 0.9);

        r = cli({"predict", model, m_iris, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject counts = json(r).value("predicted_counts").toObject();
        QCOMPARE(counts.value("setosa").toInt() + counts.value("versicolor").toInt() + counts.value("virginica").toInt(), 150);
    }

    void scoreColumnsAreSuffixedWhenTaken()
    {
        const QString model = m_dir.filePath("nb.mbm");
        QCOMPARE(cli({"train", m_iris, "--algo", "nb", "--out", model}).exitCode, 0);
        QFile data(m_dir.filePath("taken.csv"));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write("sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,predicted\n5.1,3.5,1.4,0.2,x\n");
        data.close();
        const Run r = cli({"predict", model, data.fileName(), "--proba"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,predicted,predicted_2,p_setosa"));
    }

    void renamedColumnsAreMappedByHand()
    {
        const QString model = m_dir.filePath("nb-map.mbm");
        QCOMPARE(cli({"train", m_iris, "--algo", "nb", "--out", model}).exitCode, 0);
        const QString data = write("renamed.csv", "sl,sepal_width_cm,petal_length_cm,petal_width_cm\n5.1,3.5,1.4,0.2\n");
        Run r = cli({"predict", model, data});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("sepal_length_cm"), r.err.constData());
        r = cli({"predict", model, data, "--map", "sepal_length_cm=sl", "--proba"});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[1].startsWith("5.1,3.5,1.4,0.2,setosa,"), lines[1].constData());
        // A column that is not there, or a map without '=': wrong usage, exit 2.
        QCOMPARE(cli({"predict", model, data, "--map", "sepal_length_cm=nope"}).exitCode, 2);
        QCOMPARE(cli({"predict", model, data, "--map", "sepal_length_cm"}).exitCode, 2);
    }

    void unseenCategoriesAreScoredOrSkippedAndNamed()
    {
        const QString model = m_dir.filePath("weather-nb.mbm");
        QCOMPARE(cli({"train", "sample:weather.numeric.arff", "--algo", "nb", "--out", model}).exitCode, 0);
        const QString data = write("foggy.csv", "outlook,temperature,humidity,windy\nfoggy,70,80,TRUE\nsunny,85,85,FALSE\n");
        Run r = cli({"predict", model, data});
        QCOMPARE(r.exitCode, 0);
        QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(!lines[1].endsWith(","), lines[1].constData()); // scored, outlook as missing
        r = cli({"predict", model, data, "--unseen", "skip", "--proba"});
        QCOMPARE(r.exitCode, 0);
        lines = r.out.trimmed().split('\n');
        QVERIFY2(lines[1].startsWith("foggy,70,80,TRUE,,,"), lines[1].constData());
        QVERIFY(!lines[2].contains(",,"));
        QVERIFY2(r.err.contains("foggy.csv:2: row 1 not scored") && r.err.contains("foggy"), r.err.constData());
        r = cli({"predict", model, data, "--unseen", "skip", "--json"});
        QCOMPARE(json(r).value("skipped_rows").toInt(), 1);
        QCOMPARE(cli({"predict", model, data, "--unseen", "drop"}).exitCode, 2);
    }

    void explainGivesWhyForEachRow_data()
    {
        QTest::addColumn<QString>("algo");
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("kind");
        const QString weather = QStringLiteral("sample:weather.numeric.arff");
        QTest::newRow("tree on iris") << "tree" << m_iris << "decision_path";
        QTest::newRow("tree on weather, grown out") << "tree" << weather << "decision_path";
        QTest::newRow("logistic regression on iris") << "logreg" << m_iris << "contributions";
        QTest::newRow("logistic regression on weather") << "logreg" << weather << "contributions";
        QTest::newRow("naive Bayes on wine") << "nb" << QStringLiteral("sample:wine.csv") << "contributions";
        QTest::newRow("naive Bayes on weather") << "nb" << weather << "contributions";
    }

    void explainGivesWhyForEachRow()
    {
        QFETCH(QString, algo);
        QFETCH(QString, data);
        QFETCH(QString, kind);
        const QString model = m_dir.filePath(QStringLiteral("explain-%1.mbm").arg(algo));
        QStringList train{"train", data, "--algo", algo, "--out", model};
        if (algo == QLatin1String("tree") && data.contains("weather"))
            train << "--param" << "prune=none";
        Run r = cli(train);
        QVERIFY2(r.exitCode == 0, r.err.constData());

        r = cli({"predict", model, data, "--explain", "--rows", "12"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = json(r);
        // The --json summary is all there, and the explained rows after it.
        for (const char *key : {"rows", "predicted_counts", "metrics", "classes", "explained_rows", "explanations"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        const QJsonArray classes = o.value("classes").toArray();
        const QJsonArray rows = o.value("explanations").toArray();
        const int expected = std::min(12, o.value("rows").toInt());
        QCOMPARE(o.value("explained_rows").toInt(), expected);
        QCOMPARE(rows.size(), expected);

        // The probabilities are the scores `predict --proba` writes, digit for digit.
        const Run csv = cli({"predict", model, data, "--proba"});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.split('\n');
        int steps = 0;
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows[i].toObject();
            QCOMPARE(row.value("row").toInt(), i + 1);
            const QList<QByteArray> cells = lines.at(i + 1).split(',');
            QCOMPARE(row.value("predicted").toString(), QString::fromUtf8(cells.at(cells.size() - classes.size() - 1)));
            for (int k = 0; k < classes.size(); ++k) {
                const double fromCsv = cells.at(cells.size() - classes.size() + k).toDouble();
                QCOMPARE(row.value("probabilities").toObject().value(classes[k].toString()).toDouble(), fromCsv);
            }
            QCOMPARE(row.value("explanation").toObject().value("kind").toString(), kind);
            const qsizetype inputs = row.value("inputs").toArray().size();
            QVERIFY(inputs > 0);
            if (kind == QLatin1String("contributions"))
                QCOMPARE(row.value("explanation").toObject().value("features").toArray().size(), inputs);
            const QString problem = explainedRowProblem(row, classes);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("row %1: %2").arg(i + 1).arg(problem)));
            steps += int(row.value("explanation").toObject().value("path").toArray().size());
        }
        if (kind == QLatin1String("decision_path"))
            QVERIFY(steps > 0);
    }

    void explainSaysWhatWasMissingOrUnseen()
    {
        const QString data = write("explain-gaps.csv", "outlook,temperature,humidity,windy\nfoggy,70,,TRUE\n");
        for (const char *algo : {"tree", "nb"}) {
            const QString model = m_dir.filePath(QStringLiteral("gaps-%1.mbm").arg(algo));
            QCOMPARE(cli({"train", "sample:weather.numeric.arff", "--algo", algo, "--out", model}).exitCode, 0);
            const Run r = cli({"predict", model, data, "--explain"});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const QJsonObject row = json(r).value("explanations").toArray().at(0).toObject();
            const QJsonArray inputs = row.value("inputs").toArray();
            QCOMPARE(inputs.size(), 4);
            const QJsonObject outlook = inputs.at(0).toObject();
            const QJsonObject humidity = inputs.at(2).toObject();
            QVERIFY(outlook.value("missing").toBool());  // "foggy" is no level the model knows
            QVERIFY(humidity.value("missing").toBool());
            QVERIFY(!inputs.at(1).toObject().contains("missing"));
            if (QByteArray(algo) == "tree") {
                // A tree is given the training median and most frequent level instead.
                QVERIFY(outlook.value("imputed").isString());
                QVERIFY(humidity.value("imputed").isDouble());
            } else {
                // Naive Bayes leaves a missing value out: it adds nothing to any class.
                QVERIFY(!outlook.contains("imputed"));
                const QJsonObject terms = row.value("explanation").toObject().value("features").toArray().at(2).toObject().value("contributions").toObject();
                for (const QJsonValue &t : terms)
                    QCOMPARE(t.toDouble(), 0.0);
            }
            QVERIFY(explainedRowProblem(row, json(r).value("classes").toArray()).isEmpty());
        }
    }

    void explainIsBoundedAndSaysSo()
    {
        const QString model = m_dir.filePath("explain-bounds.mbm");
        QCOMPARE(cli({"train", m_iris, "--algo", "nb", "--out", model}).exitCode, 0);
        const Run help = cli({"predict", "--help"});
        QVERIFY2(help.out.contains("--explain") && help.out.contains("1000"), help.out.constData());
        QCOMPARE(json(cli({"predict", model, m_iris, "--explain"})).value("explained_rows").toInt(), 150);
        QCOMPARE(json(cli({"predict", model, m_iris, "--explain", "--rows", "0"})).value("explained_rows").toInt(), 150);
        QCOMPARE(json(cli({"predict", model, m_iris, "--explain", "--rows", "3"})).value("explanations").toArray().size(), 3);
        QCOMPARE(cli({"predict", model, m_iris, "--rows", "3"}).exitCode, 2);
        QCOMPARE(cli({"predict", model, m_iris, "--explain", "--rows", "-1"}).exitCode, 2);
        QCOMPARE(cli({"predict", model, m_iris, "--explain", "--out", m_dir.filePath("x.csv")}).exitCode, 2);
    }

    void explainOfAnotherLearnerIsNullNotAnError()
    {
        const QString model = m_dir.filePath("explain-forest.mbm");
        QCOMPARE(cli({"train", m_iris, "--algo", "forest", "--param", "n_estimators=10", "--out", model}).exitCode, 0);
        const Run r = cli({"predict", model, m_iris, "--explain", "--rows", "2"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        QVERIFY(o.value("explanation_note").toString().contains("forest"));
        const QJsonObject row = o.value("explanations").toArray().at(0).toObject();
        QVERIFY(row.value("explanation").isNull());
        QVERIFY(row.value("probabilities").isObject());
    }

    void mistakesAreRefusedBeforeAnyWork_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no algo") << QStringList{"train", m_iris} << 2 << "--algo is required";
        QTest::newRow("unknown algo") << QStringList{"train", m_iris, "--algo", "svm"} << 2 << "unknown learner 'svm'";
        QTest::newRow("unknown parameter") << QStringList{"train", m_iris, "--algo", "tree", "--param", "depth=3"} << 2 << "valid parameters";
        QTest::newRow("parameter out of range") << QStringList{"train", m_iris, "--algo", "knn", "--param", "n_neighbors=0"} << 2 << "n_neighbors";
        QTest::newRow("two schemes") << QStringList{"train", m_iris, "--algo", "nb", "--cv", "5", "--holdout", "0.2"} << 2 << "choose one";
        QTest::newRow("bad fraction") << QStringList{"train", m_iris, "--algo", "nb", "--holdout", "1.5"} << 2 << "--holdout";
        QTest::newRow("bad format") << QStringList{"train", m_iris, "--algo", "nb", "--format", "pickle"} << 2 << "--format";
        QTest::newRow("single class data") << QStringList{"train", QStringLiteral(MB_TEST_DATA_DIR "/one_class.csv"), "--algo", "nb"} << 1 << "only one class";
        QTest::newRow("model file missing") << QStringList{"predict", m_dir.filePath("none.mbm"), m_iris} << 1 << "does not exist";
        QTest::newRow("data is not a model") << QStringList{"info", m_iris} << 1 << "not a ModelBench model file";
        QTest::newRow("convert without format") << QStringList{"convert", m_iris} << 2 << "--format and --out are required";
    }

    void mistakesAreRefusedBeforeAnyWork()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliModel)
#include "tst_cli_model.moc"
