// SPDX-License-Identifier: MIT
// The training statistics a decision tree keeps per node for its drawing (TreeSummary, read
// through treeNodes()): they must add up, agree with the tree's own predictions, survive a
// model file, and be absent, not wrong, in files written before they were stored.
#include "core/io/dataset_loader.h"
#include "core/ml/decision_tree.h"
#include "core/ml/learner_registry.h"
#include "core/ml/tree_nodes.h"
#include "core/model/model_file.h"

#include "learner_test_support.h"

#include <QDir>
#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>

using namespace mb;
using learner_test::Table;

namespace {

/// Two informative features (one categorical with five levels), one noise feature; classes
/// 0..2 with the first three times as common as the others.
Table mixedTable(std::size_t rows, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::uniform_int_distribution<int> level(0, 4);
    Table t;
    t.classes = 3;
    t.x = FeatureMatrix(rows, 3);
    t.y.resize(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const double a = normal(rng);
        const int l = level(rng);
        t.x.at(r, 0) = a;
        t.x.at(r, 1) = l;
        t.x.at(r, 2) = normal(rng);
        const double score = a + (l == 1 || l == 3 ? 1.5 : 0.0) + 0.5 * normal(rng);
        t.y[r] = score < 0.8 ? 0 : (score < 1.6 ? 1 : 2);
    }
    t.features = {FeatureInfo{"a", false, 0}, FeatureInfo{"level", true, 5}, FeatureInfo{"noise", false, 0}};
    return t;
}

std::unique_ptr<DecisionTree> fitTree(const Table &t, const ParamValues &params)
{
    auto made = makeClassifier("tree", params);
    if (!made)
        qFatal("%s", made.error().message.c_str());
    std::unique_ptr<DecisionTree> tree(static_cast<DecisionTree *>(made->release()));
    FitControl control;
    control.seed = 5;
    control.threads = 2;
    if (auto fitted = tree->fit(t.set(), control); !fitted)
        qFatal("%s", fitted.error().message.c_str());
    return tree;
}

/// The leaf (index into `nodes`) that a row of raw values reaches, by the splits as read.
std::size_t leafOf(const std::vector<TreeNodeInfo> &nodes, const FeatureMatrix &x, std::size_t r)
{
    std::size_t i = 0;
    while (!nodes[i].isLeaf()) {
        const TreeNodeInfo &n = nodes[i];
        const double v = x.at(r, static_cast<std::size_t>(n.feature));
        const bool left = n.categorical
                ? std::ranges::find(n.leftLevels, static_cast<std::int32_t>(v)) != n.leftLevels.end()
                : v <= n.threshold;
        i = static_cast<std::size_t>(left ? n.left : n.right);
    }
    return i;
}

Model trainModel(const QString &dataset, const ParamValues &params = {})
{
    auto data = loadDataset(dataset);
    if (!data)
        qFatal("%s", data.error().describe().c_str());
    FitControl control;
    control.seed = 7;
    control.threads = 2;
    auto model = Model::train(*data, {}, "tree", params, control);
    if (!model)
        qFatal("%s", model.error().message.c_str());
    return std::move(*model);
}

const DecisionTree &treeOf(const Model &model)
{
    return static_cast<const DecisionTree &>(model.classifier());
}

} // namespace

class TestTreeSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAddUpFromRootToLeaves_data()
    {
        QTest::addColumn<QString>("classWeight");
        QTest::addColumn<QString>("prune");
        QTest::addColumn<bool>("sampleWeights");
        QTest::newRow("pruned by cross-validation") << "none" << "cv" << false;
        QTest::newRow("grown to purity") << "none" << "none" << false;
        QTest::newRow("balanced class weights") << "balanced" << "none" << false;
        QTest::newRow("sample weights, some of them zero") << "none" << "cv" << true;
    }

    void countsAddUpFromRootToLeaves()
    {
        QFETCH(QString, classWeight);
        QFETCH(QString, prune);
        QFETCH(bool, sampleWeights);
        Table t = mixedTable(900, 3);
        std::size_t trainingRows = t.y.size();
        if (sampleWeights) {
            t.weights.resize(t.y.size());
            for (std::size_t r = 0; r < t.weights.size(); ++r)
                t.weights[r] = static_cast<double>(r % 4);  // rows with weight 0 are left out
            trainingRows -= (t.y.size() + 3) / 4;
        }
        const auto tree = fitTree(t, {{"class_weight", classWeight.toStdString()}, {"prune", prune.toStdString()}});
        const std::vector<TreeNodeInfo> nodes = tree->nodes();
        QCOMPARE(nodes.size(), tree->flatTree().splitCount() + tree->flatTree().leafCount());
        QVERIFY(nodes.size() >= 3);
        QCOMPARE(tree->summary().weighted(), classWeight == "balanced" || sampleWeights);
        QCOMPARE(nodes[0].rows, std::uint64_t(trainingRows));
        QCOMPARE(nodes[0].depth, 0);

        for (const TreeNodeInfo &n : nodes) {
            QVERIFY(n.hasStats);
            QCOMPARE(n.classRows.size(), std::size_t(3));
            QCOMPARE(std::accumulate(n.classRows.begin(), n.classRows.end(), std::uint64_t(0)), n.rows);
            QVERIFY(n.majorityClass >= 0 && n.majorityClass < 3);
            QCOMPARE(n.classWeights.empty(), !tree->summary().weighted());
            if (n.isLeaf()) {
                QVERIFY(n.rows > 0);
                // The leaf predicts the (weighted) class shares its rows gave it.
                const std::vector<double> mass = n.classWeights.empty()
                        ? std::vector<double>(n.classRows.begin(), n.classRows.end())
                        : n.classWeights;
                const double total = std::accumulate(mass.begin(), mass.end(), 0.0);
                for (std::size_t k = 0; k < 3; ++k)
                    QVERIFY(std::abs(n.proba[k] - mass[k] / total) < 1e-12);
                continue;
            }
            const TreeNodeInfo &l = nodes[static_cast<std::size_t>(n.left)];
            const TreeNodeInfo &r = nodes[static_cast<std::size_t>(n.right)];
            QCOMPARE(l.depth, n.depth + 1);
            QCOMPARE(r.depth, n.depth + 1);
            QCOMPARE(n.rows, l.rows + r.rows);
            for (std::size_t k = 0; k < 3; ++k) {
                QCOMPARE(n.classRows[k], l.classRows[k] + r.classRows[k]);
                if (!n.classWeights.empty())
                    QVERIFY(std::abs(n.classWeights[k] - l.classWeights[k] - r.classWeights[k]) < 1e-9);
            }
        }
    }

    void leafCountsMatchTheRowsThatReachThem()
    {
        // Counted on bins while training, checked here on raw values through the splits as
        // the reader describes them: both must send every training row to the same leaf.
        const Table t = mixedTable(700, 4);
        const auto tree = fitTree(t, {{"prune", "none"}});
        const std::vector<TreeNodeInfo> nodes = tree->nodes();
        bool categorical = false;
        for (const TreeNodeInfo &n : nodes)
            categorical = categorical || n.categorical;
        QVERIFY(categorical);
        std::vector<std::vector<std::uint32_t>> reached(nodes.size(), std::vector<std::uint32_t>(3, 0));
        for (std::size_t r = 0; r < t.y.size(); ++r)
            ++reached[leafOf(nodes, t.x, r)][static_cast<std::size_t>(t.y[r])];
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].isLeaf())
                QCOMPARE(nodes[i].classRows, reached[i]);
        }
    }

    void singleLeafTreeHasOneNodeWithEveryRow()
    {
        const Table t = mixedTable(200, 5);
        const auto tree = fitTree(t, {{"prune", "none"}, {"ccp_alpha", "1000"}});
        const std::vector<TreeNodeInfo> nodes = tree->nodes();
        QCOMPARE(nodes.size(), std::size_t(1));
        QVERIFY(nodes[0].isLeaf());
        QCOMPARE(nodes[0].rows, std::uint64_t(200));
    }

    void modelFileKeepsTheStatistics_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("weighted");
        // Balanced weights are all 1 on iris (50 rows of each class), not on weather (9 to 5).
        for (const char *data : {"sample:iris.csv", "sample:weather.nominal.arff"}) {
            for (ArchiveKind kind : {ArchiveKind::Binary, ArchiveKind::Text, ArchiveKind::Xml}) {
                const std::string name = std::string(data + 7) + " as " + archiveKindName(kind);
                QTest::newRow(name.c_str()) << QString::fromLatin1(data) << int(kind)
                                            << QString::fromLatin1(data).contains(QStringLiteral("weather"));
            }
        }
    }

    void modelFileKeepsTheStatistics()
    {
        QFETCH(QString, dataset);
        QFETCH(int, kind);
        QFETCH(bool, weighted);
        // Unpruned and balanced, so the tiny weather set keeps splits and weights differ from 1.
        const Model model = trainModel(dataset, {{"prune", "none"}, {"class_weight", "balanced"}});
        auto bytes = encodeModelFile(model, static_cast<ArchiveKind>(kind));
        QVERIFY(bytes);
        auto loaded = decodeModelFile(*bytes, QStringLiteral("tree.mbm"));
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        const std::vector<TreeNodeInfo> before = treeOf(model).nodes();
        const std::vector<TreeNodeInfo> after = treeOf(loaded->model).nodes();
        QVERIFY(before.size() > 1);
        QCOMPARE(after.size(), before.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            QVERIFY(after[i].hasStats);
            QCOMPARE(after[i].rows, before[i].rows);
            QCOMPARE(after[i].classRows, before[i].classRows);
            QCOMPARE(after[i].classWeights, before[i].classWeights);
            QCOMPARE(after[i].feature, before[i].feature);
            QCOMPARE(after[i].threshold, before[i].threshold);
            QCOMPARE(after[i].leftLevels, before[i].leftLevels);
            QCOMPARE(after[i].majorityClass, before[i].majorityClass);
        }
        QCOMPARE(treeOf(loaded->model).summary().weighted(), weighted);
        QCOMPARE(after[0].rows, std::uint64_t(model.recipe().rows));
    }

    void versionOneFileLoadsWithoutStatistics_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *stem : {"iris-tree", "weather-tree"}) {
            for (const char *kind : {"binary", "text", "xml"}) {
                const QString name = QStringLiteral("%1.%2.mbm").arg(QLatin1String(stem), QLatin1String(kind));
                QTest::newRow(qPrintable(name)) << name;
            }
        }
    }

    void versionOneFileLoadsWithoutStatistics()
    {
        QFETCH(QString, file);
        auto loaded = loadModelFile(QDir(QStringLiteral(MB_TEST_DATA_DIR "/models")).filePath(file));
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        const DecisionTree &tree = treeOf(loaded->model);
        QVERIFY(tree.summary().empty());
        const std::vector<TreeNodeInfo> nodes = tree.nodes();
        QCOMPARE(nodes.size(), tree.flatTree().splitCount() + tree.flatTree().leafCount());
        const InputSchema &schema = loaded->model.schema();
        for (const TreeNodeInfo &n : nodes) {
            QVERIFY(!n.hasStats);
            QCOMPARE(n.rows, std::uint64_t(0));
            if (n.isLeaf()) {
                // Without counts a leaf still names the class it predicts.
                QVERIFY(n.majorityClass >= 0 && n.majorityClass < loaded->model.classCount());
                QCOMPARE(std::accumulate(n.proba.begin(), n.proba.end(), 0.0), 1.0);
            } else {
                QCOMPARE(n.majorityClass, -1);
                QVERIFY(n.feature < int(schema.features.size()));
                const FeatureSchema &f = schema.features[static_cast<std::size_t>(n.feature)];
                QCOMPARE(n.categorical, f.categorical);
                if (n.categorical)
                    QVERIFY(!levelNames(f, n.leftLevels).empty());
            }
        }
    }

    void levelNamesNameTheLevelsAndTheSharedBin()
    {
        FeatureSchema colour;
        colour.categorical = true;
        colour.levels = {"red", "green", "blue"};
        QCOMPARE(levelNames(colour, {0, 2}), (std::vector<std::string>{"red", "blue"}));
        QCOMPARE(levelNames(colour, {1, 7}), (std::vector<std::string>{"green"}));  // 7 was never seen

        FeatureSchema many;
        many.categorical = true;
        for (int i = 0; i < 300; ++i)
            many.levels.push_back(std::to_string(i));  // ("l" + ... trips a g++ 12 -Wrestrict false alarm)
        const std::vector<std::string> names = levelNames(many, {3, 254});
        QCOMPARE(names.size(), std::size_t(1 + 300 - 254));  // code 254 is every level from 254 on
        QCOMPARE(names.front(), std::string("3"));
        QCOMPARE(names[1], std::string("254"));
        QCOMPARE(names.back(), std::string("299"));
    }
};

QTEST_GUILESS_MAIN(TestTreeSummary)
#include "tst_tree_summary.moc"
