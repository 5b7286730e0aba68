// SPDX-License-Identifier: MIT
#include "core/io/dataset_loader.h"
#include "core/ml/learner_registry.h"
#include "core/ml/logistic_regression.h"
#include "core/model/archive_io.h"

#include "learner_test_support.h"

#include <QtTest>

#include <array>
#include <cmath>
#include <memory>
#include <random>
#include <sstream>
#include <stop_token>

using namespace mb;

namespace {

using learner_test::Table;

/// Iris from the built-in samples, classes coded in scikit-learn's (sorted) order.
Table iris(bool onlyLastTwoClasses = false)
{
    auto data = loadDataset(QStringLiteral(MB_SHARED_DATASETS_DIR "/iris.csv"));
    if (!data)
        qFatal("cannot load iris: %s", data.error().message.c_str());
    const Column &target = data->column(4);
    const std::vector<std::string> names = {"setosa", "versicolor", "virginica"};
    std::vector<std::size_t> rows;
    Table t;
    for (std::size_t r = 0; r < data->rowCount(); ++r) {
        const std::string &label = target.levels()[static_cast<std::size_t>(target.codes()[r])];
        const auto code
            = static_cast<std::int32_t>(std::ranges::find(names, label) - names.begin());
        if (onlyLastTwoClasses && code == 0)
            continue;
        rows.push_back(r);
        t.y.push_back(onlyLastTwoClasses ? code - 1 : code);
    }
    t.x = FeatureMatrix(rows.size(), 4);
    for (std::size_t j = 0; j < 4; ++j) {
        t.features.push_back({data->column(j).name(), false, 0});
        for (std::size_t i = 0; i < rows.size(); ++i)
            t.x.at(i, j) = data->column(j).values()[rows[i]];
    }
    t.classes = onlyLastTwoClasses ? 2 : 3;
    return t;
}

std::unique_ptr<LogisticRegression> make(const ParamValues &params = {})
{
    return learner_test::makeLearner<LogisticRegression>(params);
}

std::unique_ptr<LogisticRegression> fitted(const Table &t, const ParamValues &params = {}, int threads = 0)
{
    return learner_test::fitLearner<LogisticRegression>(t, params, threads);
}

template<class OArchive, class IArchive>
std::unique_ptr<LogisticRegression> roundTrip(const LogisticRegression &model)
{
    return learner_test::roundTrip<OArchive, IArchive>(model, {{"C", "0.5"}, {"max_iter", "3"}});
}

/// A separable two-class problem: the class is the sign of 3 a - b (c is noise), features
/// uniform on [-1, 1] from a fixed generator.
Table separable()
{
    std::mt19937_64 rng(7);
    auto uniform = [&] {
        return double(rng() >> 11) * 0x1.0p-53 * 2 - 1;
    };
    Table t;
    const std::size_t n = 400;
    t.x = FeatureMatrix(n, 3);
    for (std::size_t i = 0; i < n; ++i) {
        const double a = uniform(), b = uniform(), c = uniform();
        t.x.at(i, 0) = a;
        t.x.at(i, 1) = b;
        t.x.at(i, 2) = c;
        t.y.push_back(3 * a - b > 0 ? 1 : 0);
    }
    t.features = {{"a", false, 0}, {"b", false, 0}, {"c", false, 0}};
    t.classes = 2;
    return t;
}

} // namespace

class TestLogisticRegression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsFollowScikitLearn()
    {
        const ParamValues defaults = defaultParams(LogisticRegression::paramSpecs());
        QCOMPARE(defaults.at("C"), std::string("1.0"));
        QCOMPARE(defaults.at("solver"), std::string("lbfgs"));
        QCOMPARE(defaults.at("max_iter"), std::string("100"));
        QCOMPARE(defaults.at("tol"), std::string("1e-4"));
        QVERIFY(!makeClassifier("logreg", {{"C", "0"}}).has_value());
        QVERIFY(!makeClassifier("logreg", {{"solver", "sag"}}).has_value());
    }

    void probabilitiesMatchScikitLearn_data()
    {
        QTest::addColumn<bool>("binary");
        QTest::addColumn<QString>("solver");
        QTest::addColumn<int>("row");
        QTest::addColumn<QList<double>>("expected");
        // scikit-learn 1.2.1: LogisticRegression(C=1.0, tol=1e-8, max_iter=10000) fitted on
        // StandardScaler().fit_transform(iris features); predict_proba of the listed rows of
        // resources/samples/iris.csv. Binary: the same on the versicolor and virginica rows
        // only (row numbers count from the first versicolor row).
        const QList<std::pair<int, QList<double>>> multi = {
            {0, {0.9846947466018541, 0.015305191373586957, 6.202455901346555e-08}},
            {50, {0.0047292440769819075, 0.8648953852543384, 0.13037537066867963}},
            {70, {0.012009315414446865, 0.44032406375678956, 0.5476666208287636}},
            {119, {0.00038435161626527406, 0.46373174755258695, 0.5358839008311477}},
            {149, {0.0030450057901642963, 0.29389400888511286, 0.7030609853247228}},
        };
        const QList<std::pair<int, QList<double>>> binary = {
            {0, {0.9484776621302866, 0.05152233786971337}},
            {20, {0.47905804310044153, 0.5209419568995585}},
            {83, {0.5643948002975698, 0.4356051997024301}},
            {99, {0.22285436689909321, 0.7771456331009068}},
        };
        for (const QString &solver : {QStringLiteral("lbfgs"), QStringLiteral("newton")}) {
            for (const auto &[row, p] : multi) {
                QTest::addRow("three iris classes, row %d, %s", row, qPrintable(solver))
                    << false << solver << row << p;
            }
            for (const auto &[row, p] : binary) {
                QTest::addRow("two iris classes, row %d, %s", row, qPrintable(solver))
                    << true << solver << row << p;
            }
        }
    }

    void probabilitiesMatchScikitLearn()
    {
        QFETCH(bool, binary);
        QFETCH(QString, solver);
        QFETCH(int, row);
        QFETCH(QList<double>, expected);
        const Table t = iris(binary);
        auto model = fitted(
            t, {{"tol", "1e-10"}, {"max_iter", "10000"}, {"solver", solver.toStdString()}});
        QVERIFY(model->converged());
        const std::vector<double> p = learner_test::probaOf(*model, t.x);
        for (qsizetype k = 0; k < expected.size(); ++k) {
            const double got = p[static_cast<std::size_t>(row * expected.size() + k)];
            QVERIFY2(std::abs(got - expected[k]) < 1e-4,
                     qPrintable(QStringLiteral("class %1: %2 vs %3")
                                    .arg(k)
                                    .arg(got, 0, 'g', 17)
                                    .arg(expected[k], 0, 'g', 17)));
        }
    }

    void solversAgree_data()
    {
        QTest::addColumn<bool>("binary");
        QTest::addColumn<QString>("c");
        QTest::newRow("three classes, C = 1") << false << "1.0";
        QTest::newRow("three classes, C = 100") << false << "100";
        QTest::newRow("two classes, C = 0.01") << true << "0.01";
    }

    void solversAgree()
    {
        QFETCH(bool, binary);
        QFETCH(QString, c);
        const Table t = iris(binary);
        const ParamValues common
            = {{"tol", "1e-10"}, {"max_iter", "100000"}, {"C", c.toStdString()}};
        ParamValues newton = common;
        newton["solver"] = "newton";
        const std::vector<double> a = learner_test::probaOf(*fitted(t, common), t.x);
        const std::vector<double> b = learner_test::probaOf(*fitted(t, newton), t.x);
        double worst = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            worst = std::max(worst, std::abs(a[i] - b[i]));
        QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
    }

    void separableDataGivesWeightsOfTheRightSignAndOrder()
    {
        const Table t = separable();
        auto model = fitted(t);
        // Class 1's logit per feature (standardised space, three columns).
        const std::span<const double> coef = model->coefficients();
        const double a = coef[3], b = coef[4], c = coef[5];
        QVERIFY2(a > 0 && b < 0, qPrintable(QStringLiteral("a %1 b %2").arg(a).arg(b)));
        QVERIFY(std::abs(a) > std::abs(b));
        QVERIFY(std::abs(b) > std::abs(c));
        // Two classes are shown as two symmetric logits.
        QCOMPARE(coef[0], -a);
        const std::vector<double> p = learner_test::probaOf(*model, t.x);
        std::size_t right = 0;
        for (std::size_t i = 0; i < t.y.size(); ++i)
            right += (p[2 * i + 1] > 0.5) == (t.y[i] == 1) ? 1 : 0;
        QVERIFY(right >= t.y.size() * 97 / 100);
    }

    void smallerCGivesProbabilitiesNearerUniform()
    {
        const Table t = iris();
        auto largest = [&](const char *c) {
            const std::vector<double> p = learner_test::probaOf(*fitted(t, {{"C", c}}), t.x);
            return *std::ranges::max_element(p);
        };
        const double tiny = largest("1e-5"), small = largest("0.01"), usual = largest("1.0");
        QVERIFY2(tiny < 1.0 / 3 + 0.005, qPrintable(QString::number(tiny)));
        QVERIFY(tiny < small);
        QVERIFY(small < usual);
        QVERIFY(usual > 0.9);
    }

    void categoricalFeaturesAreOneHotEncoded()
    {
        // The class is level 2 of a three-level feature; a numeric feature is noise.
        Table t;
        const std::size_t n = 90;
        t.x = FeatureMatrix(n, 2);
        for (std::size_t i = 0; i < n; ++i) {
            t.x.at(i, 0) = double(i % 3);
            t.x.at(i, 1) = double((i * 7) % 11);
            t.y.push_back(i % 3 == 2 ? 1 : 0);
        }
        t.features = {{"colour", true, 3}, {"noise", false, 0}};
        t.classes = 2;
        auto model = fitted(t);
        QCOMPARE(model->encoder().encodedCount(), std::size_t(4));
        const std::vector<double> p = learner_test::probaOf(*model, t.x);
        for (std::size_t i = 0; i < n; ++i)
            QCOMPARE(p[2 * i + 1] > 0.5, t.y[i] == 1);
        // An unknown level encodes like a missing one: every indicator off.
        std::array<double, 2> unknown = {7, 3}, missing = {std::nan(""), 3};
        std::array<double, 2> pu {}, pm {};
        model->predictRow(unknown, pu);
        model->predictRow(missing, pm);
        QVERIFY(pu == pm);
    }

    void contributionsAddUpToTheLogits()
    {
        const Table t = iris();
        auto model = fitted(t);
        std::array<double, 4> row {};
        for (std::size_t i : {0u, 77u, 140u}) {
            t.x.copyRow(i, row);
            std::array<double, 3> logits {}, expected {};
            for (int k = 0; k < 3; ++k) {
                const std::vector<double> terms = model->contributions(row, k);
                QCOMPARE(terms.size(), std::size_t(4));
                logits[static_cast<std::size_t>(k)] = model->intercept(k);
                for (double v : terms)
                    logits[static_cast<std::size_t>(k)] += v;
            }
            const double top = std::max({logits[0], logits[1], logits[2]});
            double sum = 0;
            for (double &v : logits)
                sum += (v = std::exp(v - top));
            model->predictRow(row, expected);
            for (std::size_t k = 0; k < 3; ++k)
                QVERIFY(std::abs(logits[k] / sum - expected[k]) < 1e-12);
        }
    }

    void predictRowMatchesPredictProbaAndSumsToOne()
    {
        const Table t = iris();
        auto model = fitted(t);
        const std::vector<double> all = learner_test::probaOf(*model, t.x);
        std::array<double, 4> row {};
        std::array<double, 3> p {};
        for (std::size_t i = 0; i < t.y.size(); ++i) {
            t.x.copyRow(i, row);
            model->predictRow(row, p);
            double sum = 0;
            for (std::size_t k = 0; k < 3; ++k) {
                QCOMPARE(p[k], all[3 * i + k]);
                sum += p[k];
            }
            QVERIFY(std::abs(sum - 1) < 1e-12);
        }
    }

    void roundTripGivesIdenticalPredictions_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("binary archive") << "binary";
        QTest::newRow("text archive") << "text";
        QTest::newRow("xml archive") << "xml";
    }

    void roundTripGivesIdenticalPredictions()
    {
        QFETCH(QString, kind);
        const Table t = iris();
        auto model = fitted(t);
        std::unique_ptr<LogisticRegression> loaded;
        if (kind == "binary")
            loaded = roundTrip<boost::archive::binary_oarchive, boost::archive::binary_iarchive>(
                *model);
        else if (kind == "text")
            loaded
                = roundTrip<boost::archive::text_oarchive, boost::archive::text_iarchive>(*model);
        else
            loaded = roundTrip<boost::archive::xml_oarchive, boost::archive::xml_iarchive>(*model);
        QCOMPARE(loaded->classCount(), 3);
        QVERIFY(learner_test::probaOf(*loaded, t.x) == learner_test::probaOf(*model, t.x));
        std::array<double, 4> row {};
        t.x.copyRow(60, row);
        QVERIFY(loaded->contributions(row, 1) == model->contributions(row, 1));
    }

    void sameInputGivesSameModelWhateverTheThreads()
    {
        // Passes are summed in chunk order, so even the thread count does not matter. Enough
        // rows for several chunks.
        Table t;
        const std::size_t n = 20000;
        std::mt19937_64 rng(3);
        t.x = FeatureMatrix(n, 5);
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0;
            for (std::size_t j = 0; j < 5; ++j) {
                t.x.at(i, j) = double(rng() >> 11) * 0x1.0p-53;
                s += t.x.at(i, j) * double(j);
            }
            t.y.push_back(static_cast<std::int32_t>(std::min(2.0, std::floor(s / 3.4))));
        }
        t.features
            = {{"a", false, 0}, {"b", false, 0}, {"c", false, 0}, {"d", false, 0}, {"e", false, 0}};
        t.classes = 3;
        const std::vector<double> one = learner_test::probaOf(*fitted(t, {}, 1), t.x);
        QVERIFY(learner_test::probaOf(*fitted(t, {}, 1), t.x) == one);
        QVERIFY(learner_test::probaOf(*fitted(t, {}, 2), t.x) == one);
        QVERIFY(learner_test::probaOf(*fitted(t, {}, 3), t.x) == one);
    }

    void cancelReturnsCancelled_data()
    {
        QTest::addColumn<bool>("before");
        QTest::newRow("stop requested before fit") << true;
        QTest::newRow("stop requested after the first iteration") << false;
    }

    void cancelReturnsCancelled()
    {
        QFETCH(bool, before);
        const Table t = iris();
        auto model = make({{"tol", "1e-12"}, {"max_iter", "10000"}});
        std::stop_source source;
        FitControl control;
        control.stop = source.get_token();
        if (before)
            source.request_stop();
        else
            control.report = [&](double done) {
                if (done > 0)
                    source.request_stop();
            };
        auto result = model->fit(t.set(), control);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(model->classCount(), 0);
    }

    void progressRisesToOne()
    {
        const Table t = iris();
        auto model = make();
        std::vector<double> seen;
        FitControl control;
        control.report = [&](double done) {
            seen.push_back(done);
        };
        QVERIFY(model->fit(t.set(), control).has_value());
        QVERIFY(seen.size() >= 2);
        QVERIFY(std::ranges::is_sorted(seen));
        QCOMPARE(seen.back(), 1.0);
    }

    void refusesASingleClass()
    {
        Table t = iris();
        t.classes = 1;
        auto result = make()->fit(t.set(), FitControl());
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TestLogisticRegression)
#include "tst_logistic_regression.moc"
