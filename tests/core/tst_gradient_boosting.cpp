// SPDX-License-Identifier: MIT
#include "core/ml/gradient_boosting.h"
#include "core/ml/learner_registry.h"
#include "core/model/archive_io.h"

#include "learner_test_support.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <numbers>
#include <random>
#include <sstream>
#include <stop_token>

using namespace mb;

namespace {

/// A learning problem held in memory.
struct Problem {
    FeatureMatrix x;
    std::vector<std::int32_t> y;
    std::vector<FeatureInfo> features;
    int classes = 0;

    TrainingSet set() const { return TrainingSet{&x, y, classes, features, {}}; }
};

/// Three classes on concentric rings in the plane, plus `noise` uninformative columns: no
/// single threshold separates them, so the model must combine splits.
Problem rings(std::size_t rows, std::uint64_t seed, int noise = 2)
{
    Problem p;
    p.classes = 3;
    p.x = FeatureMatrix(rows, 2 + static_cast<std::size_t>(noise));
    p.y.resize(rows);
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> angle(0, 2 * std::numbers::pi);
    std::uniform_real_distribution<double> jitter(-0.3, 0.3);
    std::normal_distribution<double> gauss;
    for (std::size_t r = 0; r < rows; ++r) {
        const int c = static_cast<int>(r % 3);
        const double radius = 1 + 1.5 * c + jitter(rng);
        const double a = angle(rng);
        p.x.at(r, 0) = radius * std::cos(a);
        p.x.at(r, 1) = radius * std::sin(a);
        for (int j = 0; j < noise; ++j)
            p.x.at(r, 2 + static_cast<std::size_t>(j)) = gauss(rng);
        p.y[r] = c;
    }
    p.features.resize(p.x.cols());
    for (std::size_t j = 0; j < p.features.size(); ++j)
        p.features[j].name = std::string{'x', static_cast<char>('0' + j % 10)};
    return p;
}

/// Two classes by the sign of x0 * x1 (XOR of the quadrants).
Problem quadrants(std::size_t rows, std::uint64_t seed)
{
    Problem p;
    p.classes = 2;
    p.x = FeatureMatrix(rows, 3);
    p.y.resize(rows);
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-1, 1);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t j = 0; j < 3; ++j)
            p.x.at(r, j) = u(rng);
        p.y[r] = p.x.at(r, 0) * p.x.at(r, 1) > 0 ? 1 : 0;
    }
    p.features = {{"a", false, 0}, {"b", false, 0}, {"noise", false, 0}};
    return p;
}

/// A categorical feature of 8 levels whose class is set by membership in {1, 4, 6} (no
/// ordinal threshold isolates it), plus a numeric noise column.
Problem categories(std::size_t rows, std::uint64_t seed)
{
    Problem p;
    p.classes = 2;
    p.x = FeatureMatrix(rows, 2);
    p.y.resize(rows);
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> level(0, 7);
    std::normal_distribution<double> gauss;
    for (std::size_t r = 0; r < rows; ++r) {
        const int l = level(rng);
        p.x.at(r, 0) = l;
        p.x.at(r, 1) = gauss(rng);
        p.y[r] = (l == 1 || l == 4 || l == 6) ? 1 : 0;
    }
    p.features = {{"colour", true, 8}, {"noise", false, 0}};
    return p;
}

/// Labels that no feature explains (early stopping should find nothing to learn).
Problem noise(std::size_t rows, std::uint64_t seed)
{
    Problem p = quadrants(rows, seed);
    std::mt19937_64 rng(seed + 1);
    for (std::int32_t &label : p.y)
        label = static_cast<std::int32_t>(rng() % 2);
    return p;
}

std::unique_ptr<GradientBoosting> make(const ParamValues &params = {})
{
    auto made = makeClassifier("gbt", params);
    if (!made)
        qFatal("%s", made.error().message.c_str());
    return std::unique_ptr<GradientBoosting>(static_cast<GradientBoosting *>(made->release()));
}

std::unique_ptr<GradientBoosting> fitted(const Problem &p, const ParamValues &params = {}, int threads = 1,
                                         std::uint64_t seed = 7)
{
    auto model = make(params);
    FitControl control;
    control.threads = threads;
    control.seed = seed;
    const auto ok = model->fit(p.set(), control);
    if (!ok)
        qFatal("fit failed: %s", ok.error().message.c_str());
    return model;
}

double logLoss(const Classifier &model, const Problem &p)
{
    const std::vector<double> out = learner_test::probaOf(model, p.x);
    const auto K = static_cast<std::size_t>(p.classes);
    double loss = 0;
    for (std::size_t r = 0; r < p.x.rows(); ++r)
        loss -= std::log(out[r * K + static_cast<std::size_t>(p.y[r])]);
    return loss / static_cast<double>(p.x.rows());
}

Problem problemNamed(const QString &name, std::size_t rows, std::uint64_t seed)
{
    if (name == "rings")
        return rings(rows, seed);
    if (name == "quadrants")
        return quadrants(rows, seed);
    return categories(rows, seed);
}

template<class OArchive, class IArchive>
std::vector<double> roundTrip(const GradientBoosting &model, const FeatureMatrix &x)
{
    // Named values, which XML archives require and the others accept.
    std::stringstream stream;
    {
        OArchive out(stream);
        out << boost::serialization::make_nvp("gbt", model);
    }
    auto loaded = make();
    {
        IArchive in(stream);
        in >> boost::serialization::make_nvp("gbt", *loaded);
    }
    if (loaded->iterations() != model.iterations() || loaded->classCount() != model.classCount())
        return {};
    return learner_test::probaOf(*loaded, x);
}

} // namespace

class TestGradientBoosting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsFollowScikitLearn_data();
    void defaultsFollowScikitLearn();
    void learnsNonlinearProblems_data();
    void learnsNonlinearProblems();
    void learnsSmallDataDespiteMinSamplesLeaf();
    void tinyDataPredictsThePriors();
    void trainingLossDecreasesEveryIteration();
    void treeShapeLimitsHold_data();
    void treeShapeLimitsHold();
    void earlyStoppingKeepsTheBestIteration();
    void earlyStoppingAutoIsOffForSmallData();
    void l2ShrinksLeafValues();
    void sameSeedAndThreadsGiveIdenticalModels();
    void oneAndTwoThreadsGiveIdenticalModels_data();
    void oneAndTwoThreadsGiveIdenticalModels();
    void cancelFromProgressStopsPromptly();
    void progressRisesFromZeroToOne();
    void predictRowMatchesPredictProba_data();
    void predictRowMatchesPredictProba();
    void importancesSumToOneAndFavourTheSignal();
    void serializationRoundTripIsBitIdentical_data();
    void serializationRoundTripIsBitIdentical();
    void corruptTreeIsRefused_data();
    void corruptTreeIsRefused();
    void refusesASingleClass();
};

void TestGradientBoosting::defaultsFollowScikitLearn_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    // scikit-learn 1.2 HistGradientBoostingClassifier() defaults.
    QTest::newRow("learning rate 0.1") << "learning_rate" << "0.1";
    QTest::newRow("100 iterations") << "max_iter" << "100";
    QTest::newRow("31 leaves") << "max_leaf_nodes" << "31";
    QTest::newRow("no depth limit") << "max_depth" << "none";
    QTest::newRow("20 rows per leaf") << "min_samples_leaf" << "20";
    QTest::newRow("no l2") << "l2_regularization" << "0";
    QTest::newRow("255 bins") << "max_bins" << "255";
    QTest::newRow("early stopping auto") << "early_stopping" << "auto";
    QTest::newRow("validation tenth") << "validation_fraction" << "0.1";
    QTest::newRow("patience 10") << "n_iter_no_change" << "10";
    QTest::newRow("tolerance 1e-7") << "tol" << "1e-7";
}

void TestGradientBoosting::defaultsFollowScikitLearn()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    const ParamValues defaults = defaultParams(GradientBoosting::paramSpecs());
    const auto found = defaults.find(name.toStdString());
    QVERIFY(found != defaults.end());
    QCOMPARE(QString::fromStdString(found->second), value);
    for (const ParamSpec &spec : GradientBoosting::paramSpecs())
        QVERIFY2(!spec.help.empty() && !spec.label.empty(), std::string(spec.name).c_str());
}

void TestGradientBoosting::learnsNonlinearProblems_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<double>("minAccuracy");
    QTest::newRow("three concentric rings") << "rings" << 0.95;
    QTest::newRow("xor of two quadrants (binary)") << "quadrants" << 0.95;
    QTest::newRow("a subset of categories") << "categories" << 0.99;
}

void TestGradientBoosting::learnsNonlinearProblems()
{
    QFETCH(QString, problem);
    QFETCH(double, minAccuracy);
    const Problem train = problemNamed(problem, 3000, 1);
    const Problem test = problemNamed(problem, 1000, 2);
    const auto model = fitted(train);
    QCOMPARE(model->classCount(), train.classes);
    const double acc = learner_test::accuracyOf(*model, test.x, test.y);
    QVERIFY2(acc >= minAccuracy, qPrintable(QString("test accuracy %1").arg(acc)));
}

void TestGradientBoosting::learnsSmallDataDespiteMinSamplesLeaf()
{
    // 150 rows like iris: min_samples_leaf=20 still leaves room for splits, and
    // scikit-learn learns such sets (ANCHORS.md: 93% on iris).
    const Problem train = rings(150, 3, 0);
    const Problem test = rings(600, 4, 0);
    const auto model = fitted(train);
    QVERIFY(model->trees().leafCount(0) > 1);
    QVERIFY(learner_test::accuracyOf(*model, test.x, test.y) > 0.75);  // the prior alone gets a third right
}

void TestGradientBoosting::tinyDataPredictsThePriors()
{
    // 14 rows (the weather set's size): no split can keep 20 rows on each side, so like
    // scikit-learn the model predicts the training class shares.
    Problem p = quadrants(14, 5);
    const auto model = fitted(p);
    double positives = 0;
    for (const std::int32_t label : p.y)
        positives += label;
    const std::vector<double> out = learner_test::probaOf(*model, p.x);
    for (std::size_t r = 0; r < p.x.rows(); ++r)
        // float32 gradients leave the root leaves a few 1e-9 off zero.
        QVERIFY(std::abs(out[2 * r + 1] - positives / 14) < 1e-7);
}

void TestGradientBoosting::trainingLossDecreasesEveryIteration()
{
    const Problem p = rings(600, 6);
    double previous = std::numeric_limits<double>::infinity();
    for (int iterations = 1; iterations <= 25; ++iterations) {
        const auto model = fitted(p, {{"max_iter", std::to_string(iterations)}, {"early_stopping", "off"}});
        QCOMPARE(model->iterations(), iterations);
        const double loss = logLoss(*model, p);
        QVERIFY2(loss < previous, qPrintable(QString("iteration %1: %2 after %3").arg(iterations).arg(loss).arg(previous)));
        previous = loss;
    }
}

void TestGradientBoosting::treeShapeLimitsHold_data()
{
    QTest::addColumn<QString>("leaves");
    QTest::addColumn<QString>("depth");
    QTest::addColumn<int>("maxLeaves");
    QTest::addColumn<int>("maxDepth");
    QTest::newRow("four leaves") << "4" << "none" << 4 << 1000;
    QTest::newRow("two leaves are stumps") << "2" << "none" << 2 << 1;
    QTest::newRow("depth two allows four leaves") << "31" << "2" << 4 << 2;
    QTest::newRow("depth three with seven leaves") << "7" << "3" << 7 << 3;
    QTest::newRow("defaults: 31 leaves") << "31" << "none" << 31 << 1000;
}

void TestGradientBoosting::treeShapeLimitsHold()
{
    QFETCH(QString, leaves);
    QFETCH(QString, depth);
    QFETCH(int, maxLeaves);
    QFETCH(int, maxDepth);
    const Problem p = rings(4000, 7, 3);
    const auto model = fitted(p, {{"max_leaf_nodes", leaves.toStdString()},
                                  {"max_depth", depth.toStdString()},
                                  {"max_iter", "20"},
                                  {"early_stopping", "off"}});
    const BoostingEnsemble &trees = model->trees();
    QCOMPARE(trees.treeCount(), std::size_t(20 * 3));
    int mostLeaves = 0;
    for (std::size_t t = 0; t < trees.treeCount(); ++t) {
        QVERIFY(trees.leafCount(t) <= maxLeaves);
        QVERIFY(trees.depth(t) <= maxDepth);
        QCOMPARE(static_cast<int>(trees.leafValues(t).size()), trees.leafCount(t));
        mostLeaves = std::max(mostLeaves, trees.leafCount(t));
    }
    // The limit binds: this problem wants bigger trees.
    QCOMPARE(mostLeaves, maxLeaves);
}

void TestGradientBoosting::earlyStoppingKeepsTheBestIteration()
{
    const Problem p = noise(3000, 8);
    const auto model = fitted(p, {{"early_stopping", "on"}, {"max_iter", "300"}});
    const std::span<const double> loss = model->validationLoss();
    const int run = static_cast<int>(loss.size()) - 1;  // the first entry is the baseline's
    QVERIFY2(run < 300, qPrintable(QString("ran %1 iterations").arg(run)));
    QVERIFY(run >= 10);
    // Stopped by scikit-learn's rule: none of the last 10 beat the one before them by tol.
    for (int i = run - 9; i <= run; ++i)
        QVERIFY(-loss[static_cast<std::size_t>(i)] <= -loss[static_cast<std::size_t>(run - 10)] + 1e-7);
    // Kept the iteration count with the lowest validation loss.
    const auto best = std::min_element(loss.begin() + 1, loss.end()) - loss.begin();
    QCOMPARE(model->iterations(), static_cast<int>(best));
    QCOMPARE(model->trees().treeCount(), static_cast<std::size_t>(best));
}

void TestGradientBoosting::earlyStoppingAutoIsOffForSmallData()
{
    // scikit-learn: early_stopping='auto' turns on above 10,000 rows only.
    const Problem p = noise(2000, 9);
    const auto model = fitted(p, {{"max_iter", "30"}});
    QVERIFY(model->validationLoss().empty());
    QCOMPARE(model->iterations(), 30);
}

void TestGradientBoosting::l2ShrinksLeafValues()
{
    const Problem p = rings(2000, 10);
    auto meanAbsLeaf = [&](const char *l2) {
        const auto model = fitted(p, {{"l2_regularization", l2}, {"max_iter", "5"}, {"early_stopping", "off"}});
        double sum = 0;
        std::size_t count = 0;
        for (std::size_t t = 0; t < model->trees().treeCount(); ++t) {
            for (double v : model->trees().leafValues(t)) {
                sum += std::abs(v);
                ++count;
            }
        }
        return sum / static_cast<double>(count);
    };
    const double none = meanAbsLeaf("0");
    const double some = meanAbsLeaf("10");
    const double much = meanAbsLeaf("1000");
    QVERIFY2(some < none && much < some, qPrintable(QString("%1 %2 %3").arg(none).arg(some).arg(much)));
    QVERIFY(much < none / 5);
}

void TestGradientBoosting::sameSeedAndThreadsGiveIdenticalModels()
{
    const Problem p = rings(3000, 11);
    const Problem test = rings(500, 12);
    const ParamValues params{{"early_stopping", "on"}, {"max_iter", "30"}};
    const auto a = fitted(p, params, 2, 5);
    const auto b = fitted(p, params, 2, 5);
    QVERIFY(learner_test::probaOf(*a, test.x) == learner_test::probaOf(*b, test.x));
    // A different seed draws a different validation split.
    const auto c = fitted(p, params, 2, 6);
    QVERIFY(learner_test::probaOf(*a, test.x) != learner_test::probaOf(*c, test.x));
}

void TestGradientBoosting::oneAndTwoThreadsGiveIdenticalModels_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("earlyStopping");
    // 40,000 rows: large enough that root histograms are built over parallel row blocks.
    QTest::newRow("three classes, trees in parallel") << "rings" << "off";
    QTest::newRow("binary, histograms in parallel") << "quadrants" << "off";
    QTest::newRow("binary with early stopping") << "quadrants" << "auto";
    QTest::newRow("categorical splits") << "categories" << "off";
}

void TestGradientBoosting::oneAndTwoThreadsGiveIdenticalModels()
{
    QFETCH(QString, problem);
    QFETCH(QString, earlyStopping);
    const Problem p = problemNamed(problem, 40000, 13);
    const Problem test = problemNamed(problem, 2000, 14);
    const ParamValues params{{"early_stopping", earlyStopping.toStdString()}, {"max_iter", "8"}};
    const auto one = fitted(p, params, 1);
    const auto two = fitted(p, params, 2);
    QCOMPARE(one->iterations(), two->iterations());
    QVERIFY(learner_test::probaOf(*one, test.x) == learner_test::probaOf(*two, test.x));
    QVERIFY(one->featureImportances() == two->featureImportances());
}

void TestGradientBoosting::cancelFromProgressStopsPromptly()
{
    const Problem p = rings(20000, 15, 8);
    auto model = make({{"max_iter", "10000"}, {"early_stopping", "off"}});
    std::stop_source source;
    FitControl control;
    control.threads = 2;
    control.stop = source.get_token();
    std::chrono::steady_clock::time_point requested;
    int reports = 0;
    control.report = [&](double fraction) {
        if (fraction > 0 && ++reports == 3) {
            requested = std::chrono::steady_clock::now();
            source.request_stop();
        }
    };
    const auto result = model->fit(p.set(), control);
    const auto took = std::chrono::steady_clock::now() - requested;
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Cancelled);
    QVERIFY(took < std::chrono::milliseconds(500));
    QCOMPARE(model->classCount(), 0);  // no model left behind
    QCOMPARE(model->trees().treeCount(), std::size_t(0));
}

void TestGradientBoosting::progressRisesFromZeroToOne()
{
    const Problem p = rings(600, 16);
    auto model = make({{"max_iter", "12"}});
    std::vector<double> seen;
    FitControl control;
    control.report = [&](double fraction) { seen.push_back(fraction); };
    QVERIFY(model->fit(p.set(), control));
    QVERIFY(seen.size() >= 12);
    QCOMPARE(seen.front(), 0.0);
    QCOMPARE(seen.back(), 1.0);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
}

void TestGradientBoosting::predictRowMatchesPredictProba_data()
{
    QTest::addColumn<QString>("problem");
    QTest::newRow("three classes") << "rings";
    QTest::newRow("two classes") << "quadrants";
    QTest::newRow("categorical splits") << "categories";
}

void TestGradientBoosting::predictRowMatchesPredictProba()
{
    QFETCH(QString, problem);
    const Problem train = problemNamed(problem, 2000, 17);
    // 1,000 rows: several prediction blocks, the last one partly filled.
    Problem test = problemNamed(problem, 1000, 18);
    test.x.at(0, 0) = std::numeric_limits<double>::quiet_NaN();  // goes where training's NaN bin went
    test.x.at(1, 0) = 1e300;
    test.x.at(2, 0) = -1e300;
    const auto model = fitted(train, {{"max_iter", "40"}});
    const std::vector<double> batch = learner_test::probaOf(*model, test.x);
    const auto K = static_cast<std::size_t>(model->classCount());
    std::vector<double> row(test.x.cols()), one(K);
    for (std::size_t r = 0; r < test.x.rows(); ++r) {
        test.x.copyRow(r, row);
        model->predictRow(row, one);
        double sum = 0;
        for (std::size_t k = 0; k < K; ++k) {
            QCOMPARE(one[k], batch[r * K + k]);  // bit for bit
            QVERIFY(one[k] >= 0 && one[k] <= 1);
            sum += one[k];
        }
        QVERIFY(std::abs(sum - 1) < 1e-12);
    }
}

void TestGradientBoosting::importancesSumToOneAndFavourTheSignal()
{
    const Problem p = quadrants(3000, 19);
    const auto model = fitted(p, {{"max_iter", "30"}});
    const std::vector<double> importance = model->featureImportances();
    QCOMPARE(importance.size(), std::size_t(3));
    QVERIFY(std::abs(importance[0] + importance[1] + importance[2] - 1) < 1e-12);
    QVERIFY(importance[0] > importance[2] && importance[1] > importance[2]);
}

void TestGradientBoosting::serializationRoundTripIsBitIdentical_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("archive");
    for (const char *problem : {"rings", "quadrants", "categories"}) {
        for (const char *archive : {"binary", "text", "xml"})
            QTest::newRow(qPrintable(QString("%1 through a %2 archive").arg(problem, archive))) << problem << archive;
    }
}

void TestGradientBoosting::serializationRoundTripIsBitIdentical()
{
    QFETCH(QString, problem);
    QFETCH(QString, archive);
    const Problem train = problemNamed(problem, 2000, 20);
    const Problem test = problemNamed(problem, 500, 21);
    const auto model = fitted(train, {{"max_iter", "25"}, {"l2_regularization", "0.5"}});
    const std::vector<double> before = learner_test::probaOf(*model, test.x);
    std::vector<double> after;
    if (archive == "binary")
        after = roundTrip<boost::archive::binary_oarchive, boost::archive::binary_iarchive>(*model, test.x);
    else if (archive == "text")
        after = roundTrip<boost::archive::text_oarchive, boost::archive::text_iarchive>(*model, test.x);
    else
        after = roundTrip<boost::archive::xml_oarchive, boost::archive::xml_iarchive>(*model, test.x);
    QVERIFY(after == before);
}

void TestGradientBoosting::corruptTreeIsRefused_data()
{
    QTest::addColumn<QString>("array");
    QTest::addColumn<int>("item");
    QTest::addColumn<QString>("value");
    QTest::newRow("a right child outside its tree") << "node_right" << 0 << "1000000";
    QTest::newRow("a right child pointing back") << "node_right" << 0 << "0";
    QTest::newRow("a tree starting past the nodes") << "tree_start" << 1 << "1000000";
    QTest::newRow("a split on a column the model lacks") << "node_feature" << 0 << "3";
    QTest::newRow("a category set that is not there") << "node_category_set" << 0 << "0";
}

void TestGradientBoosting::corruptTreeIsRefused()
{
    // An archive whose trees could send a prediction outside its arrays must be refused when
    // loaded, before any prediction could walk it.
    QFETCH(QString, array);
    QFETCH(int, item);
    QFETCH(QString, value);
    const Problem p = quadrants(500, 22);
    const auto model = fitted(p, {{"max_iter", "2"}});
    QVERIFY(model->trees().leafCount(0) > 1);
    std::stringstream stream;
    {
        boost::archive::xml_oarchive out(stream);
        out << boost::serialization::make_nvp("gbt", *model);
    }
    auto load = [](const std::string &text) {
        std::stringstream in(text);
        boost::archive::xml_iarchive archive(in);
        auto loaded = make();
        archive >> boost::serialization::make_nvp("gbt", *loaded);
    };
    const std::string good = stream.str();
    QVERIFY_THROWS_NO_EXCEPTION(load(good));
    // Replace the value of the array's item-th element.
    std::size_t at = good.find(QString("<%1>").arg(array).toStdString());
    QVERIFY(at != std::string::npos);
    for (int i = 0; i <= item; ++i)
        at = good.find("<item>", at) + std::string("<item>").size();
    const std::size_t end = good.find("</item>", at);
    const std::string bad = good.substr(0, at) + value.toStdString() + good.substr(end);
    QVERIFY(bad != good);
    QVERIFY_THROWS_EXCEPTION(archive::CorruptPayload, load(bad));
}

void TestGradientBoosting::refusesASingleClass()
{
    Problem p = quadrants(100, 23);
    p.classes = 1;
    std::fill(p.y.begin(), p.y.end(), 0);
    auto model = make();
    const auto result = model->fit(p.set(), FitControl{});
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Usage);
}

QTEST_GUILESS_MAIN(TestGradientBoosting)
#include "tst_gradient_boosting.moc"
