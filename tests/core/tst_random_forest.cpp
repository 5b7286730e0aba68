// SPDX-License-Identifier: MIT
#include "core/ml/learner_registry.h"
#include "core/ml/random_forest.h"
#include "core/model/archive_io.h"

#include <QElapsedTimer>
#include "learner_test_support.h"

#include <QtTest>

#include <cmath>
#include <mutex>
#include <random>
#include <sstream>
#include <stop_token>

using namespace mb;

namespace {

struct Problem {
    FeatureMatrix x;
    std::vector<std::int32_t> y;
    int classes = 3;
    std::vector<FeatureInfo> features;

    TrainingSet set() const { return TrainingSet{&x, y, classes, features, {}}; }
};

/// Three classes around three centres in the first two features, plus noise features and
/// `flip` label noise.
Problem blobs(std::size_t rows, std::size_t noiseFeatures, double flip, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> unit;
    std::uniform_int_distribution<int> anyClass(0, 2);
    const double centres[3][2] = {{0, 0}, {2, 0}, {1, 1.7}};
    Problem p;
    const std::size_t cols = 2 + noiseFeatures;
    p.x = FeatureMatrix(rows, cols);
    p.y.resize(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const int c = static_cast<int>(r % 3);
        p.x.at(r, 0) = centres[c][0] + normal(rng);
        p.x.at(r, 1) = centres[c][1] + normal(rng);
        for (std::size_t f = 2; f < cols; ++f)
            p.x.at(r, f) = normal(rng);
        p.y[r] = unit(rng) < flip ? anyClass(rng) : c;
    }
    p.features.resize(cols);
    for (std::size_t f = 0; f < cols; ++f)
        p.features[f].name = std::to_string(f);  // ("f" + ... trips a g++ 12 -Wrestrict false alarm)
    return p;
}

Problem rowsOf(const Problem &p, std::size_t begin, std::size_t end)
{
    std::vector<std::size_t> rows;
    for (std::size_t r = begin; r < end; ++r)
        rows.push_back(r);
    Problem out;
    out.x = p.x.selectRows(rows);
    out.y.assign(p.y.begin() + static_cast<std::ptrdiff_t>(begin), p.y.begin() + static_cast<std::ptrdiff_t>(end));
    out.classes = p.classes;
    out.features = p.features;
    return out;
}

std::unique_ptr<RandomForest> fitted(const Problem &p, const ParamValues &params, std::uint64_t seed, int threads = 2)
{
    auto made = makeClassifier("forest", params);
    if (!made)
        return nullptr;
    std::unique_ptr<RandomForest> forest(static_cast<RandomForest *>(made->release()));
    FitControl control;
    control.seed = seed;
    control.threads = threads;
    if (!forest->fit(p.set(), control))
        return nullptr;
    return forest;
}

template<class OArchive, class IArchive>
std::unique_ptr<RandomForest> roundTrip(const RandomForest &forest)
{
    std::stringstream stream;
    {
        OArchive out(stream);
        out << boost::serialization::make_nvp("forest", forest);
    }
    auto loaded = std::make_unique<RandomForest>(std::span<const ParamValue>{});
    IArchive in(stream);
    in >> boost::serialization::make_nvp("forest", *loaded);
    return loaded;
}

} // namespace

class TestRandomForest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameForest_data();
    void sameSeedSameForest();
    void differentSeedDifferentForest();
    void cancelAfterFirstTreeIsPrompt();
    void progressRisesToOne();
    void oobScoreIsCloseToHoldoutAccuracy();
    void oobScoreIsNaNWithoutBootstrap();
    void predictRowMatchesPredictProba();
    void importancesSumToOneAndRankSignalFirst();
    void respectsTreeLimits();
    void roundTripsThroughArchives_data();
    void roundTripsThroughArchives();
};

void TestRandomForest::sameSeedSameForest_data()
{
    QTest::addColumn<int>("threadsFirst");
    QTest::addColumn<int>("threadsSecond");
    QTest::newRow("two threads twice") << 2 << 2;
    QTest::newRow("one thread, then two") << 1 << 2;
}

void TestRandomForest::sameSeedSameForest()
{
    QFETCH(int, threadsFirst);
    QFETCH(int, threadsSecond);
    const Problem p = blobs(1500, 3, 0.1, 1);
    const ParamValues params{{"n_estimators", "30"}};
    const auto a = fitted(p, params, 42, threadsFirst);
    const auto b = fitted(p, params, 42, threadsSecond);
    QVERIFY(a && b);
    QVERIFY(learner_test::probaOf(*a, p.x) == learner_test::probaOf(*b, p.x));
    QCOMPARE(a->oobScore(), b->oobScore());
    QCOMPARE(a->featureImportances(), b->featureImportances());
}

void TestRandomForest::differentSeedDifferentForest()
{
    const Problem p = blobs(1500, 3, 0.1, 2);
    const ParamValues params{{"n_estimators", "30"}};
    const auto a = fitted(p, params, 42);
    const auto b = fitted(p, params, 43);
    QVERIFY(a && b);
    QVERIFY(learner_test::probaOf(*a, p.x) != learner_test::probaOf(*b, p.x));
}

void TestRandomForest::cancelAfterFirstTreeIsPrompt()
{
    // Big enough that all 2000 trees would take far longer than the bound below.
    const Problem p = blobs(20000, 8, 0.2, 3);
    auto made = makeClassifier("forest", {{"n_estimators", "2000"}});
    QVERIFY(made.has_value());
    std::stop_source stop;
    FitControl control;
    control.stop = stop.get_token();
    control.threads = 2;
    control.report = [&](double fraction) {
        if (fraction > 0)  // the first finished tree
            stop.request_stop();
    };
    QElapsedTimer timer;
    timer.start();
    const auto result = (*made)->fit(p.set(), control);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Cancelled);
    QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
    QCOMPARE((*made)->classCount(), 0);  // no half-trained model is left
}

void TestRandomForest::progressRisesToOne()
{
    const Problem p = blobs(600, 2, 0.1, 4);
    auto made = makeClassifier("forest", {{"n_estimators", "20"}});
    QVERIFY(made.has_value());
    std::vector<double> seen;
    std::mutex mutex;
    FitControl control;
    control.threads = 2;
    control.report = [&](double f) {
        std::lock_guard lock(mutex);
        seen.push_back(f);
    };
    QVERIFY((*made)->fit(p.set(), control).has_value());
    QVERIFY(seen.size() >= 20);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QCOMPARE(seen.back(), 1.0);
}

void TestRandomForest::oobScoreIsCloseToHoldoutAccuracy()
{
    const Problem all = blobs(4000, 4, 0.15, 5);
    const Problem train = rowsOf(all, 0, 3000);
    const Problem test = rowsOf(all, 3000, 4000);
    const auto forest = fitted(train, {{"n_estimators", "60"}}, 7);
    QVERIFY(forest);
    const double holdout = learner_test::accuracyOf(*forest, test.x, test.y);
    QVERIFY2(std::abs(forest->oobScore() - holdout) < 0.04,
             qPrintable(QStringLiteral("oob %1, holdout %2").arg(forest->oobScore()).arg(holdout)));
    QVERIFY(holdout > 0.6);  // it did learn
}

void TestRandomForest::oobScoreIsNaNWithoutBootstrap()
{
    const Problem p = blobs(300, 1, 0.1, 6);
    const auto forest = fitted(p, {{"n_estimators", "5"}, {"bootstrap", "false"}}, 1);
    QVERIFY(forest);
    QVERIFY(std::isnan(forest->oobScore()));
}

void TestRandomForest::predictRowMatchesPredictProba()
{
    const Problem p = blobs(6000, 3, 0.1, 8);
    const auto forest = fitted(p, {{"n_estimators", "25"}}, 3);
    QVERIFY(forest);
    const std::vector<double> all = learner_test::probaOf(*forest, p.x);
    std::vector<double> row(p.x.cols()), proba(3);
    for (std::size_t r = 0; r < p.x.rows(); ++r) {
        p.x.copyRow(r, row);
        forest->predictRow(row, proba);
        for (std::size_t k = 0; k < 3; ++k)
            QCOMPARE(proba[k], all[3 * r + k]);
    }
}

void TestRandomForest::importancesSumToOneAndRankSignalFirst()
{
    const Problem p = blobs(1500, 3, 0.05, 9);
    const auto forest = fitted(p, {{"n_estimators", "30"}}, 1);
    QVERIFY(forest);
    const std::vector<double> imp = forest->featureImportances();
    QCOMPARE(imp.size(), std::size_t(5));
    double sum = 0;
    for (double v : imp)
        sum += v;
    QVERIFY(std::abs(sum - 1.0) < 1e-12);
    for (std::size_t f = 2; f < imp.size(); ++f) {
        QVERIFY(imp[0] > imp[f]);
        QVERIFY(imp[1] > imp[f]);
    }
}

void TestRandomForest::respectsTreeLimits()
{
    const Problem p = blobs(1500, 2, 0.2, 10);
    const auto forest = fitted(p, {{"n_estimators", "10"}, {"max_depth", "4"}}, 1);
    QVERIFY(forest);
    QCOMPARE(forest->trees().size(), std::size_t(10));
    int deepest = 0;
    for (const FlatTree &tree : forest->trees())
        deepest = std::max(deepest, tree.depth());
    QCOMPARE(deepest, 4);
}

void TestRandomForest::roundTripsThroughArchives_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("bootstrap");
    QTest::newRow("binary") << "binary" << true;
    QTest::newRow("text") << "text" << true;
    QTest::newRow("xml") << "xml" << true;
    QTest::newRow("text, without out-of-bag score") << "text" << false;
}

void TestRandomForest::roundTripsThroughArchives()
{
    QFETCH(QString, kind);
    QFETCH(bool, bootstrap);
    Problem p = blobs(800, 1, 0.1, 11);
    // A nominal feature too, so that level sets are stored.
    FeatureMatrix x(p.x.rows(), 4);
    for (std::size_t r = 0; r < x.rows(); ++r) {
        for (std::size_t f = 0; f < 3; ++f)
            x.at(r, f) = p.x.at(r, f);
        x.at(r, 3) = static_cast<double>(p.y[r] == 2 ? r % 2 : 2 + r % 3);
    }
    p.x = std::move(x);
    p.features.push_back(FeatureInfo{"level", true, 5});
    const auto forest = fitted(p, {{"n_estimators", "12"}, {"bootstrap", bootstrap ? "true" : "false"}}, 5);
    QVERIFY(forest);
    std::unique_ptr<RandomForest> loaded;
    if (kind == "binary")
        loaded = roundTrip<boost::archive::binary_oarchive, boost::archive::binary_iarchive>(*forest);
    else if (kind == "text")
        loaded = roundTrip<boost::archive::text_oarchive, boost::archive::text_iarchive>(*forest);
    else
        loaded = roundTrip<boost::archive::xml_oarchive, boost::archive::xml_iarchive>(*forest);
    QCOMPARE(loaded->classCount(), 3);
    QCOMPARE(loaded->trees().size(), std::size_t(12));
    QCOMPARE(std::isnan(loaded->oobScore()), !bootstrap);
    if (bootstrap)
        QCOMPARE(loaded->oobScore(), forest->oobScore());
    QVERIFY(learner_test::probaOf(*loaded, p.x) == learner_test::probaOf(*forest, p.x));
}

QTEST_GUILESS_MAIN(TestRandomForest)
#include "tst_random_forest.moc"
