// SPDX-License-Identifier: MIT
#include "core/eval/metrics.h"

#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>
#include <vector>

using namespace mb;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Stored predictions: truth and probabilities, read from tests/data/metrics/<case>.csv.
struct Stored
{
    std::vector<std::int32_t> truth;
    std::vector<double> proba;
    int classes = 0;
};

Stored readStored(const QString &fileName)
{
    Stored s;
    QFile file(QStringLiteral(MB_TEST_DATA_DIR "/metrics/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return s;
    const QList<QByteArray> lines = file.readAll().split('\n');
    s.classes = static_cast<int>(lines.front().split(',').size()) - 1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const QList<QByteArray> fields = lines[i].split(',');
        s.truth.push_back(fields[0].toInt());
        for (qsizetype c = 1; c < fields.size(); ++c)
            s.proba.push_back(fields[c].toDouble()); // shortest round-trip text: exact
    }
    return s;
}

QJsonObject sklearnCase(const QString &name)
{
    QFile file(QStringLiteral(MB_TEST_DATA_DIR "/metrics/sklearn_metrics.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QStringLiteral("cases"))
        .toObject()
        .value(name)
        .toObject();
}

/// JSON null stands for NaN (an undefined metric).
double number(const QJsonValue &v)
{
    return v.isNull() ? kNaN : v.toDouble();
}

bool near(double a, double b, double tolerance)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= tolerance;
}

QByteArray differs(const char *what, double ours, double theirs)
{
    return QByteArray(what) + ": ours " + QByteArray::number(ours, 'g', 17) + ", scikit-learn "
        + QByteArray::number(theirs, 'g', 17);
}

Metrics fold(double accuracy, double rocAuc, std::vector<std::vector<std::size_t>> confusion)
{
    Metrics m;
    m.classes = static_cast<int>(confusion.size());
    m.accuracy = accuracy;
    m.rocAuc = rocAuc;
    m.confusion = std::move(confusion);
    for (const auto &row : m.confusion) {
        for (std::size_t n : row)
            m.rows += n;
    }
    m.perClass.resize(m.confusion.size());
    m.rocAucPerClass.assign(m.confusion.size(), kNaN);
    return m;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data();
    void matchesScikitLearn();
    void rocCurveMatchesScikitLearn_data();
    void rocCurveMatchesScikitLearn();
    void handComputedBinaryCase();
    void tiedScoresAndNeverPredictedClass();
    void oneClassInTruthLeavesAucUndefined();
    void classNeverSeenStaysOutOfMacroAverages();
    void skipsRowsWithoutAKnownClass();
    void noRowsGiveUndefinedRates();
    void logLossClipsCertainMistakes();
    void argmaxTiesGoToTheLowestClass_data();
    void argmaxTiesGoToTheLowestClass();
    void rocCurvePoints_data();
    void rocCurvePoints();
    void averageMeansRatesAndSumsCounts();
};

void TestMetrics::matchesScikitLearn_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("binary case with tied scores and certain mistakes") << QStringLiteral("binary");
    QTest::newRow("four classes, one never predicted") << QStringLiteral("multiclass");
    QTest::newRow("four classes, one absent from the truth but predicted")
        << QStringLiteral("absent");
}

void TestMetrics::matchesScikitLearn()
{
    QFETCH(QString, name);
    const QJsonObject expected = sklearnCase(name);
    QVERIFY2(!expected.isEmpty(),
             "tests/data/metrics/sklearn_metrics.json lacks the case; run "
             "scripts/make_metrics_fixture.py");
    const Stored stored = readStored(expected.value(QStringLiteral("file")).toString());
    QCOMPARE(stored.classes, expected.value(QStringLiteral("classes")).toInt());
    QCOMPARE(static_cast<int>(stored.truth.size()), expected.value(QStringLiteral("rows")).toInt());

    const std::vector<std::int32_t> predicted = predictedClasses(stored.proba, stored.classes);
    const QJsonArray expectedPredicted = expected.value(QStringLiteral("predicted")).toArray();
    for (std::size_t i = 0; i < predicted.size(); ++i)
        QCOMPARE(predicted[i], expectedPredicted[static_cast<qsizetype>(i)].toInt());

    const Metrics m = computeMetrics(stored.truth, stored.proba, stored.classes);
    QCOMPARE(m.rows, stored.truth.size());
    QCOMPARE(m.classes, stored.classes);
    const struct
    {
        const char *key;
        double ours;
        double tolerance;
    } scalars[] = {
        {"accuracy", m.accuracy, 1e-12},
        {"balanced_accuracy", m.balancedAccuracy, 1e-12},
        {"macro_precision", m.macroPrecision, 1e-12},
        {"macro_recall", m.macroRecall, 1e-12},
        {"macro_f1", m.macroF1, 1e-12},
        {"weighted_precision", m.weightedPrecision, 1e-12},
        {"weighted_recall", m.weightedRecall, 1e-12},
        {"weighted_f1", m.weightedF1, 1e-12},
        {"log_loss", m.logLoss, 1e-9},
        {"roc_auc", m.rocAuc, 1e-9},
    };
    for (const auto &s : scalars) {
        const double theirs = number(expected.value(QLatin1String(s.key)));
        QVERIFY2(near(s.ours, theirs, s.tolerance), differs(s.key, s.ours, theirs).constData());
    }

    const auto k = static_cast<std::size_t>(stored.classes);
    QCOMPARE(m.perClass.size(), k);
    QCOMPARE(m.rocAucPerClass.size(), k);
    for (std::size_t c = 0; c < k; ++c) {
        const auto at = static_cast<qsizetype>(c);
        const ClassMetrics &cm = m.perClass[c];
        QVERIFY2(
            near(cm.precision, expected[QStringLiteral("precision")][at].toDouble(), 1e-12),
            differs("precision", cm.precision, expected[QStringLiteral("precision")][at].toDouble())
                .constData());
        QVERIFY2(near(cm.recall, expected[QStringLiteral("recall")][at].toDouble(), 1e-12),
                 differs("recall", cm.recall, expected[QStringLiteral("recall")][at].toDouble())
                     .constData());
        QVERIFY2(near(cm.f1, expected[QStringLiteral("f1")][at].toDouble(), 1e-12),
                 differs("f1", cm.f1, expected[QStringLiteral("f1")][at].toDouble()).constData());
        QCOMPARE(static_cast<int>(cm.support), expected[QStringLiteral("support")][at].toInt());
        const double auc = number(expected[QStringLiteral("roc_auc_per_class")][at]);
        QVERIFY2(near(m.rocAucPerClass[c], auc, 1e-9),
                 differs("roc_auc of one class", m.rocAucPerClass[c], auc).constData());
        for (std::size_t p = 0; p < k; ++p) {
            QCOMPARE(static_cast<int>(m.confusion[c][p]),
                     expected[QStringLiteral("confusion")][at][static_cast<qsizetype>(p)].toInt());
        }
    }
}

void TestMetrics::rocCurveMatchesScikitLearn_data()
{
    matchesScikitLearn_data();
}

void TestMetrics::rocCurveMatchesScikitLearn()
{
    QFETCH(QString, name);
    const QJsonObject expected = sklearnCase(name);
    const Stored stored = readStored(expected.value(QStringLiteral("file")).toString());
    const QJsonObject curve = expected.value(QStringLiteral("roc_curve")).toObject();
    const int positive = curve.value(QStringLiteral("positive")).toInt();
    const RocCurve ours = rocCurve(stored.truth, stored.proba, stored.classes, positive);
    // scikit-learn's roc_curve(drop_intermediate=False) also has one point per distinct
    // threshold after its (0, 0) start.
    const QJsonArray fpr = curve.value(QStringLiteral("fpr")).toArray();
    const QJsonArray tpr = curve.value(QStringLiteral("tpr")).toArray();
    QCOMPARE(static_cast<qsizetype>(ours.falsePositiveRate.size()), fpr.size());
    QCOMPARE(static_cast<qsizetype>(ours.truePositiveRate.size()), tpr.size());
    for (qsizetype i = 0; i < fpr.size(); ++i) {
        QVERIFY(
            near(ours.falsePositiveRate[static_cast<std::size_t>(i)], fpr[i].toDouble(), 1e-12));
        QVERIFY(near(ours.truePositiveRate[static_cast<std::size_t>(i)], tpr[i].toDouble(), 1e-12));
    }
    const double auc = number(expected[QStringLiteral("roc_auc_per_class")][positive]);
    QVERIFY2(near(ours.auc, auc, 1e-9), differs("curve area", ours.auc, auc).constData());
}

void TestMetrics::handComputedBinaryCase()
{
    // Predicted: 0, 1, 0, 1 against 0, 1, 1, 0.
    const std::vector<std::int32_t> truth {0, 1, 1, 0};
    const std::vector<double> proba {0.9, 0.1, 0.2, 0.8, 0.6, 0.4, 0.3, 0.7};
    const Metrics m = computeMetrics(truth, proba, 2);
    QCOMPARE(m.rows, std::size_t(4));
    QCOMPARE(m.accuracy, 0.5);
    QCOMPARE(m.balancedAccuracy, 0.5);
    QCOMPARE(m.confusion, (std::vector<std::vector<std::size_t>> {{1, 1}, {1, 1}}));
    QCOMPARE(m.perClass[1].precision, 0.5);
    QCOMPARE(m.perClass[1].recall, 0.5);
    QCOMPARE(m.perClass[1].support, std::size_t(2));
    // Positive scores {0.8, 0.4} beat negative ones {0.1, 0.7} in 3 of 4 pairs.
    QCOMPARE(m.rocAuc, 0.75);
    const double loss = -(std::log(0.9) + std::log(0.8) + std::log(0.4) + std::log(0.3)) / 4;
    QVERIFY(std::abs(m.logLoss - loss) < 1e-12);
}

void TestMetrics::tiedScoresAndNeverPredictedClass()
{
    // Every row tied: argmax says class 0, the ROC is one diagonal step.
    const std::vector<std::int32_t> truth {0, 1, 1};
    const std::vector<double> proba {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    const Metrics m = computeMetrics(truth, proba, 2);
    QCOMPARE(m.rocAuc, 0.5);
    QCOMPARE(m.perClass[1].precision, 0.0); // never predicted: zero_division = 0
    QCOMPARE(m.perClass[1].f1, 0.0);
    QCOMPARE(m.perClass[0].precision, 1.0 / 3.0);
    QCOMPARE(m.macroPrecision, (1.0 / 3.0 + 0.0) / 2);
    QCOMPARE(m.weightedRecall, (1 * 1.0 + 2 * 0.0) / 3);
    QCOMPARE(m.balancedAccuracy, 0.5);
}

void TestMetrics::oneClassInTruthLeavesAucUndefined()
{
    const std::vector<std::int32_t> truth {1, 1, 1};
    const std::vector<double> proba {0.2, 0.8, 0.7, 0.3, 0.4, 0.6};
    const Metrics binary = computeMetrics(truth, proba, 2);
    QVERIFY(std::isnan(binary.rocAuc));
    QVERIFY(std::isnan(binary.rocAucPerClass[0]));
    QCOMPARE(binary.balancedAccuracy, 2.0 / 3.0); // only class 1 is in the truth
    // Class 0 is predicted once but absent from the truth: it joins the macro average.
    QCOMPARE(binary.macroRecall, (0.0 + 2.0 / 3.0) / 2);

    const std::vector<double> three {0.1, 0.8, 0.1, 0.3, 0.3, 0.4, 0.2, 0.5, 0.3};
    QVERIFY(std::isnan(computeMetrics(truth, three, 3).rocAuc));
}

void TestMetrics::classNeverSeenStaysOutOfMacroAverages()
{
    // Class 2 is neither in the truth nor predicted: scikit-learn (labels=None) averages over
    // classes 0 and 1 only.
    const std::vector<std::int32_t> truth {0, 1};
    const std::vector<double> proba {0.8, 0.1, 0.1, 0.1, 0.8, 0.1};
    const Metrics m = computeMetrics(truth, proba, 3);
    QCOMPARE(m.macroPrecision, 1.0);
    QCOMPARE(m.macroRecall, 1.0);
    QCOMPARE(m.macroF1, 1.0);
    QCOMPARE(m.perClass[2].f1, 0.0);
    QVERIFY(std::isnan(m.rocAucPerClass[2]));
    QCOMPARE(m.rocAuc, 1.0);
}

void TestMetrics::skipsRowsWithoutAKnownClass()
{
    const std::vector<std::int32_t> truth {-1, 0, 1, 2};
    const std::vector<double> proba {0.0, 1.0, 0.9, 0.1, 0.2, 0.8, 0.5, 0.5};
    const Metrics m = computeMetrics(truth, proba, 2);
    QCOMPARE(m.rows, std::size_t(2));
    QCOMPARE(m.accuracy, 1.0);
    QCOMPARE(m.rocAuc, 1.0);
}

void TestMetrics::noRowsGiveUndefinedRates()
{
    const Metrics m = computeMetrics({}, {}, 3);
    QCOMPARE(m.rows, std::size_t(0));
    QCOMPARE(m.classes, 3);
    QVERIFY(std::isnan(m.accuracy));
    QVERIFY(std::isnan(m.macroF1));
    QVERIFY(std::isnan(m.logLoss));
    QVERIFY(std::isnan(m.rocAuc));
    QCOMPARE(m.confusion.size(), std::size_t(3));
}

void TestMetrics::logLossClipsCertainMistakes()
{
    const std::vector<std::int32_t> truth {0};
    const std::vector<double> proba {0.0, 1.0};
    const Metrics m = computeMetrics(truth, proba, 2);
    // Clipped to 1e-15 and 1 - 1e-15, then renormalised: -log(1e-15 / 1).
    const double expected = -std::log(1e-15 / (1e-15 + (1 - 1e-15)));
    QVERIFY(std::isfinite(m.logLoss));
    QVERIFY(std::abs(m.logLoss - expected) < 1e-9);
}

void TestMetrics::argmaxTiesGoToTheLowestClass_data()
{
    QTest::addColumn<QList<double>>("row");
    QTest::addColumn<int>("expected");
    QTest::newRow("first two tied") << QList<double> {0.4, 0.4, 0.2} << 0;
    QTest::newRow("last two tied") << QList<double> {0.1, 0.45, 0.45} << 1;
    QTest::newRow("all tied") << QList<double> {0.25, 0.25, 0.25, 0.25} << 0;
    QTest::newRow("clear winner last") << QList<double> {0.1, 0.2, 0.7} << 2;
}

void TestMetrics::argmaxTiesGoToTheLowestClass()
{
    QFETCH(QList<double>, row);
    QFETCH(int, expected);
    const std::vector<double> proba(row.begin(), row.end());
    const auto predicted = predictedClasses(proba, static_cast<int>(proba.size()));
    QCOMPARE(predicted.size(), std::size_t(1));
    QCOMPARE(predicted[0], expected);
}

void TestMetrics::rocCurvePoints_data()
{
    QTest::addColumn<QList<int>>("truth");
    QTest::addColumn<QList<double>>("scores");
    QTest::addColumn<QList<double>>("fpr");
    QTest::addColumn<QList<double>>("tpr");
    QTest::addColumn<double>("auc");
    // scikit-learn's roc_curve documentation example.
    QTest::newRow("four distinct scores")
        << QList<int> {0, 0, 1, 1} << QList<double> {0.1, 0.4, 0.35, 0.8}
        << QList<double> {0, 0, 0.5, 0.5, 1} << QList<double> {0, 0.5, 0.5, 1, 1} << 0.75;
    QTest::newRow("every score tied")
        << QList<int> {0, 1, 0, 1} << QList<double> {0.5, 0.5, 0.5, 0.5} << QList<double> {0, 1}
        << QList<double> {0, 1} << 0.5;
    QTest::newRow("a tie across the classes")
        << QList<int> {0, 1, 1} << QList<double> {0.3, 0.3, 0.9} << QList<double> {0, 0, 1}
        << QList<double> {0, 0.5, 1} << 0.75;
    QTest::newRow("no negative row") << QList<int> {1, 1} << QList<double> {0.3, 0.9}
                                     << QList<double> {} << QList<double> {} << kNaN;
}

void TestMetrics::rocCurvePoints()
{
    QFETCH(QList<int>, truth);
    QFETCH(QList<double>, scores);
    QFETCH(QList<double>, fpr);
    QFETCH(QList<double>, tpr);
    QFETCH(double, auc);
    std::vector<std::int32_t> y(truth.begin(), truth.end());
    std::vector<double> proba;
    for (double s : scores) {
        proba.push_back(1 - s);
        proba.push_back(s);
    }
    const RocCurve curve = rocCurve(y, proba, 2, 1);
    QCOMPARE(QList<double>(curve.falsePositiveRate.begin(), curve.falsePositiveRate.end()), fpr);
    QCOMPARE(QList<double>(curve.truePositiveRate.begin(), curve.truePositiveRate.end()), tpr);
    QVERIFY(near(curve.auc, auc, 1e-15));
    if (!std::isnan(auc))
        QVERIFY(near(computeMetrics(y, proba, 2).rocAuc, auc, 1e-15));
}

void TestMetrics::averageMeansRatesAndSumsCounts()
{
    const std::vector<Metrics> folds {fold(0.5, 0.8, {{1, 1}, {0, 2}}),
                                      fold(1.0, kNaN, {{3, 0}, {0, 0}}),
                                      fold(0.75, 0.6, {{1, 0}, {1, 2}})};
    const Metrics mean = averageMetrics(folds);
    QCOMPARE(mean.accuracy, 0.75);
    QCOMPARE(mean.rocAuc, 0.7); // the fold without an AUC is left out
    QCOMPARE(mean.rows, std::size_t(4 + 3 + 4));
    QCOMPARE(mean.confusion, (std::vector<std::vector<std::size_t>> {{5, 1}, {1, 4}}));
    QVERIFY(std::isnan(mean.rocAucPerClass[0]));
    QVERIFY(std::isnan(averageMetrics({}).accuracy));

    // Real folds: the per-class support adds up.
    const std::vector<std::int32_t> truthA {0, 1, 1}, truthB {0, 0, 1};
    const std::vector<double> probaA {0.9, 0.1, 0.4, 0.6, 0.7, 0.3},
        probaB {0.6, 0.4, 0.2, 0.8, 0.1, 0.9};
    const std::vector<Metrics> real {computeMetrics(truthA, probaA, 2),
                                     computeMetrics(truthB, probaB, 2)};
    const Metrics both = averageMetrics(real);
    QCOMPARE(both.perClass[0].support, std::size_t(3));
    QCOMPARE(both.perClass[1].support, std::size_t(3));
    QCOMPARE(both.accuracy, (real[0].accuracy + real[1].accuracy) / 2);
    QCOMPARE(both.macroF1, (real[0].macroF1 + real[1].macroF1) / 2);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
