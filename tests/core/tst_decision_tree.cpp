// SPDX-License-Identifier: MIT
#include "core/ml/decision_tree.h"
#include "core/ml/histogram_tree.h"
#include "core/ml/learner_registry.h"
#include "core/model/archive_io.h"

#include "learner_test_support.h"

#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>
#include <sstream>
#include <stop_token>

using namespace mb;

namespace {

/// A small learning problem held in one place, so that TrainingSet's spans stay valid.
struct Problem {
    FeatureMatrix x;
    std::vector<std::int32_t> y;
    int classes = 2;
    std::vector<FeatureInfo> features;
    std::vector<double> weights;

    TrainingSet set() const { return TrainingSet{&x, y, classes, features, weights}; }
};

Problem oneFeature(const std::vector<double> &values, const std::vector<std::int32_t> &labels)
{
    Problem p;
    p.x = FeatureMatrix(values.size(), 1);
    for (std::size_t i = 0; i < values.size(); ++i)
        p.x.at(i, 0) = values[i];
    p.y = labels;
    p.classes = *std::max_element(labels.begin(), labels.end()) + 1;
    p.features = {FeatureInfo{"x", false, 0}};
    return p;
}

/// `informative` features carry the class (with label noise `flip`); the rest are noise.
Problem noisy(std::size_t rows, std::size_t informative, std::size_t noiseFeatures, double flip, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> unit;
    Problem p;
    const std::size_t cols = informative + noiseFeatures;
    p.x = FeatureMatrix(rows, cols);
    p.y.resize(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        double signal = 0;
        for (std::size_t f = 0; f < cols; ++f) {
            p.x.at(r, f) = normal(rng);
            if (f < informative)
                signal += p.x.at(r, f);
        }
        p.y[r] = (signal > 0) != (unit(rng) < flip) ? 1 : 0;
    }
    p.features.resize(cols);
    for (std::size_t f = 0; f < cols; ++f)
        p.features[f].name = std::to_string(f);  // ("f" + ... trips a g++ 12 -Wrestrict false alarm)
    return p;
}

std::unique_ptr<DecisionTree> fitted(const Problem &p, const ParamValues &params, std::uint64_t seed = 1)
{
    auto made = makeClassifier("tree", params);
    if (!made)
        return nullptr;
    std::unique_ptr<DecisionTree> tree(static_cast<DecisionTree *>(made->release()));
    FitControl control;
    control.seed = seed;
    control.threads = 2;
    if (!tree->fit(p.set(), control))
        return nullptr;
    return tree;
}

/// Every leaf's row count of a tree grown directly with the shared grower.
std::vector<double> leafRows(const Problem &p, const TreeGrowth &growth)
{
    const BinnedMatrix bins = BinnedMatrix::build(p.x, p.features);
    HistogramTreeGrower grower(bins, p.y, p.classes, growth);
    std::vector<std::uint32_t> rows(p.y.size());
    std::iota(rows.begin(), rows.end(), 0u);
    const std::vector<double> weights(p.y.size(), 1.0);
    const std::optional<GrownTree> tree = grower.grow(rows, weights, 1);
    std::vector<double> out;
    for (std::size_t i = 0; tree && i < tree->size(); ++i) {
        if (tree->isLeaf(i))
            out.push_back(tree->weight[i]);
    }
    return out;
}

template<class OArchive, class IArchive>
std::unique_ptr<DecisionTree> roundTrip(const DecisionTree &tree)
{
    std::stringstream stream;
    {
        OArchive out(stream);
        out << boost::serialization::make_nvp("tree", tree);
    }
    auto loaded = std::make_unique<DecisionTree>(std::span<const ParamValue>{});
    IArchive in(stream);
    in >> boost::serialization::make_nvp("tree", *loaded);
    return loaded;
}

} // namespace

class TestDecisionTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsAtTheMidpoint_data();
    void splitsAtTheMidpoint();
    void pureNodesStop();
    void respectsMaxDepth_data();
    void respectsMaxDepth();
    void respectsMinSamplesLeaf_data();
    void respectsMinSamplesLeaf();
    void learnsXorAtDepthTwo_data();
    void learnsXorAtDepthTwo();
    void balancedClassWeightFavoursTheRareClass();
    void splitsNominalFeatureOnLevelSubset_data();
    void splitsNominalFeatureOnLevelSubset();
    void hugeCcpAlphaLeavesOneLeaf();
    void cvPruningShrinksTreeOnNoisyData();
    void importancesSumToOneAndRankSignalFirst();
    void predictRowMatchesPredictProba();
    void sameSeedSameTreeWithFeatureSampling();
    void roundTripsThroughArchives_data();
    void roundTripsThroughArchives();
    void cancelledFitReturnsCancelled();
    void refusesEmptyData();
};

void TestDecisionTree::splitsAtTheMidpoint_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<std::vector<std::int32_t>>("labels");
    QTest::addColumn<double>("threshold");
    QTest::newRow("gap between 3 and 10") << std::vector<double>{1, 2, 3, 10, 11, 12}
                                          << std::vector<std::int32_t>{0, 0, 0, 1, 1, 1} << 6.5;
    QTest::newRow("unsorted, negative") << std::vector<double>{0.5, -2, 4, -1}
                                        << std::vector<std::int32_t>{1, 0, 1, 0} << -0.25;
    QTest::newRow("class on the left is 1") << std::vector<double>{7, 8, 20, 30}
                                            << std::vector<std::int32_t>{1, 1, 0, 0} << 14.0;
}

void TestDecisionTree::splitsAtTheMidpoint()
{
    QFETCH(std::vector<double>, values);
    QFETCH(std::vector<std::int32_t>, labels);
    QFETCH(double, threshold);
    const Problem p = oneFeature(values, labels);
    const auto tree = fitted(p, {{"prune", "none"}});
    QVERIFY(tree);
    const FlatTree &flat = tree->flatTree();
    QCOMPARE(flat.splitCount(), std::size_t(1));
    QCOMPARE(flat.nodes()[0].feature, 0);
    QCOMPARE(flat.nodes()[0].threshold, threshold);
    QCOMPARE(learner_test::accuracyOf(*tree, p.x, p.y), 1.0);
}

void TestDecisionTree::pureNodesStop()
{
    // Separable by one split: both children are pure, so nothing splits further although
    // min_samples_split would allow it.
    const Problem p = oneFeature({1, 2, 3, 4, 5, 6, 7, 8}, {0, 0, 0, 0, 0, 1, 1, 1});
    const auto tree = fitted(p, {{"prune", "none"}});
    QVERIFY(tree);
    QCOMPARE(tree->flatTree().leafCount(), std::size_t(2));
    // One class only: a single leaf.
    const Problem one = oneFeature({1, 2, 3}, {1, 1, 1});
    const auto leaf = fitted(one, {{"prune", "none"}});
    QVERIFY(leaf);
    QCOMPARE(leaf->flatTree().leafCount(), std::size_t(1));
}

void TestDecisionTree::respectsMaxDepth_data()
{
    QTest::addColumn<int>("maxDepth");
    QTest::newRow("a stump") << 1;
    QTest::newRow("depth three") << 3;
    QTest::newRow("depth seven") << 7;
}

void TestDecisionTree::respectsMaxDepth()
{
    QFETCH(int, maxDepth);
    const Problem p = noisy(600, 2, 2, 0.2, 3);
    const auto tree = fitted(p, {{"prune", "none"}, {"max_depth", std::to_string(maxDepth)}});
    QVERIFY(tree);
    // Noisy data would grow deeper: the limit is reached, not exceeded.
    QCOMPARE(tree->flatTree().depth(), maxDepth);
}

void TestDecisionTree::respectsMinSamplesLeaf_data()
{
    QTest::addColumn<int>("minLeaf");
    QTest::newRow("one row (the default)") << 1;
    QTest::newRow("five rows") << 5;
    QTest::newRow("forty rows") << 40;
}

void TestDecisionTree::respectsMinSamplesLeaf()
{
    QFETCH(int, minLeaf);
    const Problem p = noisy(500, 2, 1, 0.25, 4);
    TreeGrowth growth;
    growth.minSamplesLeaf = minLeaf;
    const std::vector<double> leaves = leafRows(p, growth);
    QVERIFY(leaves.size() > 3);
    QCOMPARE(*std::min_element(leaves.begin(), leaves.end()) >= minLeaf, true);
    if (minLeaf == 1)  // noise forces tiny leaves when nothing forbids them
        QCOMPARE(*std::min_element(leaves.begin(), leaves.end()), 1.0);
    const auto tree = fitted(p, {{"prune", "none"}, {"min_samples_leaf", std::to_string(minLeaf)}});
    QVERIFY(tree);
    QCOMPARE(tree->flatTree().leafCount(), leaves.size());
}

void TestDecisionTree::learnsXorAtDepthTwo_data()
{
    QTest::addColumn<QString>("criterion");
    QTest::newRow("gini") << "gini";
    QTest::newRow("entropy") << "entropy";
}

void TestDecisionTree::learnsXorAtDepthTwo()
{
    QFETCH(QString, criterion);
    // XOR of two features on a grid, ten rows per corner: no single split helps, so the root
    // split has no gain at all (on jittered data a greedy stump could pick an off-centre cut).
    Problem p;
    p.x = FeatureMatrix(40, 2);
    p.y.resize(40);
    for (std::size_t r = 0; r < 40; ++r) {
        const int a = static_cast<int>(r % 2);
        const int b = static_cast<int>((r / 2) % 2);
        p.x.at(r, 0) = a;
        p.x.at(r, 1) = b;
        p.y[r] = a ^ b;
    }
    p.features = {FeatureInfo{"a", false, 0}, FeatureInfo{"b", false, 0}};
    const auto tree = fitted(p, {{"prune", "none"}, {"max_depth", "2"}, {"criterion", criterion.toStdString()}});
    QVERIFY(tree);
    QCOMPARE(learner_test::accuracyOf(*tree, p.x, p.y), 1.0);
    QCOMPARE(tree->flatTree().depth(), 2);
}

void TestDecisionTree::balancedClassWeightFavoursTheRareClass()
{
    // 95 rows of class 0 spread over [0, 1), 5 rows of class 1 in [0.8, 1): the upper region
    // holds more class-0 rows (10) than class-1 rows, until classes are balanced.
    std::vector<double> values;
    std::vector<std::int32_t> labels;
    for (int i = 0; i < 95; ++i) {
        values.push_back((i + 0.5) / 95.0);
        labels.push_back(0);
    }
    for (int i = 0; i < 5; ++i) {
        values.push_back(0.81 + 0.035 * i);
        labels.push_back(1);
    }
    const Problem p = oneFeature(values, labels);
    const auto plain = fitted(p, {{"prune", "none"}, {"max_depth", "1"}});
    const auto balanced = fitted(p, {{"prune", "none"}, {"max_depth", "1"}, {"class_weight", "balanced"}});
    QVERIFY(plain && balanced);
    std::vector<double> probaPlain(2), probaBalanced(2);
    const std::vector<double> row{0.9};
    plain->predictRow(row, probaPlain);
    balanced->predictRow(row, probaBalanced);
    QVERIFY(probaPlain[0] > probaPlain[1]);
    QVERIFY(probaBalanced[1] > probaBalanced[0]);
}

void TestDecisionTree::splitsNominalFeatureOnLevelSubset_data()
{
    QTest::addColumn<int>("levels");
    QTest::newRow("four levels, every subset tried") << 4;
    QTest::newRow("twelve levels, ordered by class share") << 12;
}

void TestDecisionTree::splitsNominalFeatureOnLevelSubset()
{
    QFETCH(int, levels);
    // Class 1 for the odd level codes: no threshold on the codes separates them, a level
    // subset does in one split.
    Problem p;
    const std::size_t rows = static_cast<std::size_t>(levels) * 6;
    p.x = FeatureMatrix(rows, 1);
    p.y.resize(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const int level = static_cast<int>(r) % levels;
        p.x.at(r, 0) = level;
        p.y[r] = level % 2;
    }
    p.features = {FeatureInfo{"colour", true, levels}};
    const auto tree = fitted(p, {{"prune", "none"}, {"max_depth", "1"}});
    QVERIFY(tree);
    QCOMPARE(tree->flatTree().splitCount(), std::size_t(1));
    QVERIFY(tree->flatTree().nodes()[0].feature < 0);  // a categorical split
    QCOMPARE(learner_test::accuracyOf(*tree, p.x, p.y), 1.0);
}

void TestDecisionTree::hugeCcpAlphaLeavesOneLeaf()
{
    const Problem p = noisy(300, 2, 1, 0.1, 6);
    const auto grown = fitted(p, {{"prune", "none"}});
    const auto pruned = fitted(p, {{"prune", "none"}, {"ccp_alpha", "1000"}});
    QVERIFY(grown && pruned);
    QVERIFY(grown->flatTree().leafCount() > 10);
    QCOMPARE(pruned->flatTree().leafCount(), std::size_t(1));
    // The one leaf predicts the class shares of the training rows.
    std::vector<double> proba(2);
    pruned->predictRow(std::vector<double>(3, 0.0), proba);
    const double ones = std::count(p.y.begin(), p.y.end(), 1);
    QCOMPARE(proba[1], ones / 300.0);
}

void TestDecisionTree::cvPruningShrinksTreeOnNoisyData()
{
    const Problem p = noisy(800, 2, 3, 0.25, 7);
    const auto none = fitted(p, {{"prune", "none"}});
    const auto cv = fitted(p, {{"prune", "cv"}});
    QVERIFY(none && cv);
    QVERIFY2(cv->flatTree().leafCount() * 4 < none->flatTree().leafCount(),
             qPrintable(QStringLiteral("%1 vs %2").arg(cv->flatTree().leafCount()).arg(none->flatTree().leafCount())));
    QVERIFY(cv->ccpAlpha() > 0);
    QVERIFY(cv->flatTree().leafCount() >= 2);  // the signal survives
}

void TestDecisionTree::importancesSumToOneAndRankSignalFirst()
{
    const Problem p = noisy(600, 1, 1, 0.05, 8);
    const auto tree = fitted(p, {{"prune", "none"}});
    QVERIFY(tree);
    const std::vector<double> importances = tree->featureImportances();
    QCOMPARE(importances.size(), std::size_t(2));
    QVERIFY(std::abs(importances[0] + importances[1] - 1.0) < 1e-12);
    QVERIFY(importances[0] > importances[1]);
}

void TestDecisionTree::predictRowMatchesPredictProba()
{
    const Problem p = noisy(5000, 3, 2, 0.1, 9);  // enough rows for the parallel blocks
    const auto tree = fitted(p, {{"prune", "none"}});
    QVERIFY(tree);
    const std::vector<double> all = learner_test::probaOf(*tree, p.x);
    std::vector<double> row(p.x.cols()), proba(2);
    for (std::size_t r = 0; r < p.x.rows(); ++r) {
        p.x.copyRow(r, row);
        tree->predictRow(row, proba);
        QCOMPARE(proba[0], all[2 * r]);
        QCOMPARE(proba[1], all[2 * r + 1]);
    }
}

void TestDecisionTree::sameSeedSameTreeWithFeatureSampling()
{
    const Problem p = noisy(1000, 4, 4, 0.1, 10);
    const Problem unseen = noisy(1000, 4, 4, 0.1, 11);  // grown to purity, trees agree on p
    const ParamValues params{{"prune", "none"}, {"max_features", "sqrt"}};
    const auto a = fitted(p, params, 3);
    const auto b = fitted(p, params, 3);
    const auto c = fitted(p, params, 4);
    QVERIFY(a && b && c);
    QVERIFY(learner_test::probaOf(*a, unseen.x) == learner_test::probaOf(*b, unseen.x));
    QVERIFY(learner_test::probaOf(*a, unseen.x) != learner_test::probaOf(*c, unseen.x));
}

void TestDecisionTree::roundTripsThroughArchives_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("binary") << "binary";
    QTest::newRow("text") << "text";
    QTest::newRow("xml") << "xml";
}

void TestDecisionTree::roundTripsThroughArchives()
{
    QFETCH(QString, kind);
    // Numeric and categorical splits, pruned (impure leaves with probabilities).
    Problem p = noisy(700, 2, 1, 0.15, 11);
    FeatureMatrix x(p.x.rows(), 4);
    for (std::size_t r = 0; r < x.rows(); ++r) {
        for (std::size_t f = 0; f < 3; ++f)
            x.at(r, f) = p.x.at(r, f);
        x.at(r, 3) = static_cast<double>((r * 7) % 5);
        if (x.at(r, 3) == 2)
            p.y[r] = 1;
    }
    p.x = std::move(x);
    p.features.push_back(FeatureInfo{"level", true, 5});
    const auto tree = fitted(p, {});
    QVERIFY(tree);
    std::unique_ptr<DecisionTree> loaded;
    if (kind == "binary")
        loaded = roundTrip<boost::archive::binary_oarchive, boost::archive::binary_iarchive>(*tree);
    else if (kind == "text")
        loaded = roundTrip<boost::archive::text_oarchive, boost::archive::text_iarchive>(*tree);
    else
        loaded = roundTrip<boost::archive::xml_oarchive, boost::archive::xml_iarchive>(*tree);
    QCOMPARE(loaded->classCount(), 2);
    QCOMPARE(loaded->flatTree().leafCount(), tree->flatTree().leafCount());
    QCOMPARE(loaded->featureImportances(), tree->featureImportances());
    QVERIFY(learner_test::probaOf(*loaded, p.x) == learner_test::probaOf(*tree, p.x));
}

void TestDecisionTree::cancelledFitReturnsCancelled()
{
    const Problem p = noisy(2000, 2, 2, 0.2, 12);
    auto made = makeClassifier("tree", {});
    QVERIFY(made.has_value());
    std::stop_source stop;
    FitControl control;
    control.stop = stop.get_token();
    int reports = 0;
    control.report = [&](double) {
        if (++reports == 2)
            stop.request_stop();
    };
    const auto result = (*made)->fit(p.set(), control);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Cancelled);
}

void TestDecisionTree::refusesEmptyData()
{
    Problem p;
    p.x = FeatureMatrix(0, 1);
    p.features = {FeatureInfo{"x", false, 0}};
    auto made = makeClassifier("tree", {});
    QVERIFY(made.has_value());
    const auto result = (*made)->fit(p.set(), FitControl{});
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Usage);
}

QTEST_GUILESS_MAIN(TestDecisionTree)
#include "tst_decision_tree.moc"
