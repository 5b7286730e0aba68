// SPDX-License-Identifier: MIT
#include "core/ml/k_nearest_neighbors.h"
#include "core/ml/learner_registry.h"
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

/// One numeric feature: rows at 0, 1, 2, 3 and 10, classes A A B B A.
Table line()
{
    Table t;
    const std::array<double, 5> values = {0, 1, 2, 3, 10};
    t.x = FeatureMatrix(values.size(), 1);
    for (std::size_t i = 0; i < values.size(); ++i)
        t.x.at(i, 0) = values[i];
    t.y = {0, 0, 1, 1, 0};
    t.features = {{"v", false, 0}};
    t.classes = 2;
    return t;
}

/// Uniform random numbers in [0, 1) from a fixed generator, `rows` x `dims`, three classes by
/// the sum of the first two coordinates.
Table random(std::size_t rows, std::size_t dims, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    Table t;
    t.x = FeatureMatrix(rows, dims);
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t j = 0; j < dims; ++j)
            t.x.at(i, j) = double(rng() >> 11) * 0x1.0p-53;
        const double s = t.x.at(i, 0) + t.x.at(i, dims > 1 ? 1 : 0);
        t.y.push_back(s < 0.8 ? 0 : (s < 1.2 ? 1 : 2));
    }
    for (std::size_t j = 0; j < dims; ++j)
        t.features.push_back({std::to_string(j), false, 0});
    t.classes = 3;
    return t;
}

std::unique_ptr<KNearestNeighbors> make(const ParamValues &params = {})
{
    return learner_test::makeLearner<KNearestNeighbors>(params);
}

std::unique_ptr<KNearestNeighbors> fitted(const Table &t, const ParamValues &params = {}, int threads = 0)
{
    return learner_test::fitLearner<KNearestNeighbors>(t, params, threads);
}

template<class OArchive, class IArchive>
std::unique_ptr<KNearestNeighbors> roundTrip(const KNearestNeighbors &model)
{
    return learner_test::roundTrip<OArchive, IArchive>(model, {{"n_neighbors", "1"}});
}

} // namespace

class TestKNearestNeighbors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsFollowScikitLearn()
    {
        const ParamValues defaults = defaultParams(KNearestNeighbors::paramSpecs());
        QCOMPARE(defaults.at("n_neighbors"), std::string("5"));
        QCOMPARE(defaults.at("weights"), std::string("uniform"));
        QCOMPARE(defaults.at("algorithm"), std::string("auto"));
        QVERIFY(!makeClassifier("knn", {{"n_neighbors", "0"}}).has_value());
    }

    void findsTheExactNeighbours_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<double>("query");
        QTest::addColumn<int>("k");
        QTest::addColumn<QList<int>>("rows");
        QTest::newRow("nearest first, brute") << "brute" << 2.2 << 3 << QList<int> {2, 3, 1};
        QTest::newRow("nearest first, k-d tree") << "kd_tree" << 2.2 << 3 << QList<int> {2, 3, 1};
        QTest::newRow("far query, brute") << "brute" << 9.0 << 2 << QList<int> {4, 3};
        QTest::newRow("far query, k-d tree") << "kd_tree" << 9.0 << 2 << QList<int> {4, 3};
        QTest::newRow("k above the row count takes every row")
            << "auto" << 0.0 << 9 << QList<int> {0, 1, 2, 3, 4};
    }

    void findsTheExactNeighbours()
    {
        QFETCH(QString, algorithm);
        QFETCH(double, query);
        QFETCH(int, k);
        QFETCH(QList<int>, rows);
        auto model = fitted(
            line(), {{"algorithm", algorithm.toStdString()}, {"n_neighbors", std::to_string(k)}});
        const std::array<double, 1> row = {query};
        const auto found = model->neighbors(row);
        QCOMPARE(found.size(), std::size_t(rows.size()));
        // Standardised: the spread of {0, 1, 2, 3, 10} is sqrt(12.56).
        const std::array<double, 5> values = {0, 1, 2, 3, 10};
        for (std::size_t i = 0; i < found.size(); ++i) {
            QCOMPARE(found[i].row, std::size_t(rows[static_cast<qsizetype>(i)]));
            const double d = values[found[i].row] - query;
            QVERIFY(std::abs(found[i].squaredDistance - d * d / 12.56) < 1e-12);
        }
    }

    void tiesGoToTheLowerRow_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("brute force") << "brute";
        QTest::newRow("k-d tree") << "kd_tree";
    }

    void tiesGoToTheLowerRow()
    {
        // Categories give exactly equal distances: 0 to the same level, 1 to any other.
        // Rows hold levels 1 0 1 0 2 0 1; the query is level 0.
        QFETCH(QString, algorithm);
        Table t;
        const std::array<double, 7> levels = {1, 0, 1, 0, 2, 0, 1};
        t.x = FeatureMatrix(levels.size(), 1);
        for (std::size_t i = 0; i < levels.size(); ++i)
            t.x.at(i, 0) = levels[i];
        t.y = {0, 1, 0, 1, 0, 1, 0};
        t.features = {{"c", true, 3}};
        t.classes = 2;
        auto model = fitted(t, {{"algorithm", algorithm.toStdString()}, {"n_neighbors", "5"}});
        const std::array<double, 1> row = {0};
        const auto found = model->neighbors(row);
        const std::array<std::size_t, 5> expected = {1, 3, 5, 0, 2};
        QCOMPARE(found.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(found[i].row, expected[i]);
    }

    void votesAreShares_data()
    {
        QTest::addColumn<QString>("weights");
        QTest::addColumn<double>("query");
        QTest::addColumn<double>("expectedA");
        // k = 3 on the line; A = rows 0, 1, 4; B = rows 2, 3.
        QTest::newRow("uniform: 2 of 3 are B") << "uniform" << 2.2 << 1.0 / 3;
        QTest::newRow("distance: weighted by 1 / distance")
            << "distance" << 2.2 << (1 / 1.2) / (1 / 0.2 + 1 / 0.8 + 1 / 1.2);
        QTest::newRow("distance: an exact match takes all the weight") << "distance" << 1.0 << 1.0;
        QTest::newRow("uniform: an exact match is one vote") << "uniform" << 1.0 << 2.0 / 3;
    }

    void votesAreShares()
    {
        QFETCH(QString, weights);
        QFETCH(double, query);
        QFETCH(double, expectedA);
        auto model = fitted(line(), {{"weights", weights.toStdString()}, {"n_neighbors", "3"}});
        const std::array<double, 1> row = {query};
        std::array<double, 2> p {};
        model->predictRow(row, p);
        QVERIFY2(std::abs(p[0] - expectedA) < 1e-12, qPrintable(QString::number(p[0])));
        QVERIFY(std::abs(p[0] + p[1] - 1) < 1e-15);
    }

    void exactMatchesShareTheWeight()
    {
        // Two training rows at the query's position, of different classes.
        Table t;
        t.x = FeatureMatrix(4, 1);
        const std::array<double, 4> values = {0, 0, 1, 2};
        for (std::size_t i = 0; i < 4; ++i)
            t.x.at(i, 0) = values[i];
        t.y = {0, 1, 1, 0};
        t.features = {{"v", false, 0}};
        t.classes = 2;
        auto model = fitted(t, {{"weights", "distance"}, {"n_neighbors", "3"}});
        const std::array<double, 1> row = {0};
        std::array<double, 2> p {};
        model->predictRow(row, p);
        QCOMPARE(p[0], 0.5);
        QCOMPARE(p[1], 0.5);
    }

    void treeAndBruteForceAgree_data()
    {
        QTest::addColumn<int>("dims");
        QTest::addColumn<QString>("weights");
        QTest::newRow("3 dimensions, uniform") << 3 << "uniform";
        QTest::newRow("3 dimensions, distance") << 3 << "distance";
        QTest::newRow("30 dimensions, uniform") << 30 << "uniform";
        QTest::newRow("30 dimensions, distance") << 30 << "distance";
    }

    void treeAndBruteForceAgree()
    {
        QFETCH(int, dims);
        QFETCH(QString, weights);
        const Table train = random(3000, static_cast<std::size_t>(dims), 11);
        const Table test = random(700, static_cast<std::size_t>(dims), 12);
        const ParamValues common = {{"weights", weights.toStdString()}, {"n_neighbors", "7"}};
        ParamValues tree = common, brute = common;
        tree["algorithm"] = "kd_tree";
        brute["algorithm"] = "brute";
        auto a = fitted(train, tree);
        auto b = fitted(train, brute);
        QVERIFY(a->usesTree());
        QVERIFY(!b->usesTree());
        // The batch brute force screens blocks of queries; single rows scan exactly.
        const std::vector<double> pa = learner_test::probaOf(*a, test.x), pb = learner_test::probaOf(*b, test.x);
        QVERIFY(pa == pb);
        std::vector<double> row(test.x.cols());
        for (std::size_t i = 0; i < 50; ++i) {
            test.x.copyRow(i, row);
            const auto na = a->neighbors(row), nb = b->neighbors(row);
            QCOMPARE(na.size(), nb.size());
            for (std::size_t j = 0; j < na.size(); ++j) {
                QCOMPARE(na[j].row, nb[j].row);
                QCOMPARE(na[j].squaredDistance, nb[j].squaredDistance);
            }
        }
    }

    void autoPicksTheTreeOnlyInLowDimension()
    {
        QVERIFY(fitted(random(100, 3, 1))->usesTree());
        QVERIFY(!fitted(random(100, 30, 1))->usesTree());
    }

    void categoricalMismatchAddsOneToTheSquaredDistance()
    {
        Table t;
        t.x = FeatureMatrix(2, 1);
        t.x.at(0, 0) = 0;
        t.x.at(1, 0) = 2;
        t.y = {0, 1};
        t.features = {{"colour", true, 3}};
        t.classes = 2;
        auto model = fitted(t, {{"n_neighbors", "2"}});
        const std::array<double, 1> row = {2};
        const auto found = model->neighbors(row);
        QCOMPARE(found[0].row, std::size_t(1));
        QCOMPARE(found[0].squaredDistance, 0.0);
        QVERIFY(std::abs(found[1].squaredDistance - 1.0) < 1e-15);
    }

    void predictRowMatchesPredictProbaAndSumsToOne_data()
    {
        QTest::addColumn<int>("dims");
        QTest::newRow("3 dimensions (k-d tree)") << 3;
        QTest::newRow("30 dimensions (blocked brute force)") << 30;
    }

    void predictRowMatchesPredictProbaAndSumsToOne()
    {
        QFETCH(int, dims);
        const Table train = random(1500, static_cast<std::size_t>(dims), 5);
        const Table test = random(300, static_cast<std::size_t>(dims), 6);
        auto model = fitted(train, {{"weights", "distance"}});
        const std::vector<double> all = learner_test::probaOf(*model, test.x);
        std::vector<double> row(test.x.cols());
        std::array<double, 3> p {};
        for (std::size_t i = 0; i < test.x.rows(); ++i) {
            test.x.copyRow(i, row);
            model->predictRow(row, p);
            double sum = 0;
            for (std::size_t k = 0; k < 3; ++k) {
                QCOMPARE(p[k], all[i * 3 + k]);
                sum += p[k];
            }
            QVERIFY(std::abs(sum - 1) < 1e-12);
        }
    }

    void roundTripGivesIdenticalPredictions_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("dims");
        for (int dims : {3, 30}) {
            QTest::addRow("binary archive, %d dimensions", dims) << "binary" << dims;
            QTest::addRow("text archive, %d dimensions", dims) << "text" << dims;
            QTest::addRow("xml archive, %d dimensions", dims) << "xml" << dims;
        }
    }

    void roundTripGivesIdenticalPredictions()
    {
        QFETCH(QString, kind);
        QFETCH(int, dims);
        const Table train = random(400, static_cast<std::size_t>(dims), 8);
        const Table test = random(100, static_cast<std::size_t>(dims), 9);
        auto model = fitted(train, {{"weights", "distance"}, {"n_neighbors", "4"}});
        std::unique_ptr<KNearestNeighbors> loaded;
        if (kind == "binary")
            loaded = roundTrip<boost::archive::binary_oarchive, boost::archive::binary_iarchive>(
                *model);
        else if (kind == "text")
            loaded
                = roundTrip<boost::archive::text_oarchive, boost::archive::text_iarchive>(*model);
        else
            loaded = roundTrip<boost::archive::xml_oarchive, boost::archive::xml_iarchive>(*model);
        QCOMPARE(loaded->usesTree(), model->usesTree());
        QVERIFY(learner_test::probaOf(*loaded, test.x) == learner_test::probaOf(*model, test.x));
    }

    void sameInputGivesSameOutput()
    {
        const Table train = random(2000, 20, 3);
        const Table test = random(500, 20, 4);
        const std::vector<double> first = learner_test::probaOf(*fitted(train), test.x);
        QVERIFY(learner_test::probaOf(*fitted(train), test.x) == first);
    }

    void cancelReturnsCancelled()
    {
        auto model = make();
        std::stop_source source;
        FitControl control;
        control.stop = source.get_token();
        source.request_stop();
        auto result = model->fit(line().set(), control);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(model->classCount(), 0);
    }

    void refusesASingleClass()
    {
        Table t = line();
        t.classes = 1;
        auto result = make()->fit(t.set(), FitControl());
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TestKNearestNeighbors)
#include "tst_k_nearest_neighbors.moc"
