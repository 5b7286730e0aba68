// SPDX-License-Identifier: MIT
#include "core/eval/evaluation.h"
#include "core/eval/permutation_importance.h"

#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>
#include <stop_token>

using namespace mb;

namespace {

/// The learner the train-and-measure tests run: naive Bayes fits in one pass, so the tests
/// exercise the evaluation, not the learner.
constexpr std::string_view kLearner = "nb";

/// A uniform draw in [-1, 1) that does not depend on the standard library's distributions.
double noise(std::mt19937_64 &rng)
{
    return static_cast<double>(rng() >> 11) / 4503599627370496.0 - 1.0;
}

/// `perClass` rows of each of `classes` classes ("a", "b", ...): `signal` grows with the
/// class, `noise` does not help. The target is the last column, as files have it.
Dataset blobs(std::size_t perClass, int classes, std::uint64_t seed = 1)
{
    std::mt19937_64 rng(seed);
    std::vector<double> signal, other;
    std::vector<std::int32_t> target;
    for (std::size_t i = 0; i < perClass; ++i) {
        for (int c = 0; c < classes; ++c) {
            signal.push_back(3.0 * c + 1.2 * noise(rng));
            other.push_back(noise(rng));
            target.push_back(c);
        }
    }
    std::vector<std::string> levels;
    for (int c = 0; c < classes; ++c)
        levels.push_back(std::string(1, static_cast<char>('a' + c)));
    Dataset data;
    data.setName("blobs");
    data.addColumn(Column::numeric("signal", std::move(signal)));
    data.addColumn(Column::numeric("noise", std::move(other)));
    data.addColumn(Column::categorical("class", std::move(target), std::move(levels)));
    return data;
}

ValidationScheme holdoutScheme(double fraction = 0.25)
{
    ValidationScheme s;
    s.kind = ValidationScheme::Kind::Holdout;
    s.holdoutFraction = fraction;
    return s;
}

ValidationScheme cvScheme(int folds)
{
    ValidationScheme s;
    s.kind = ValidationScheme::Kind::CrossValidation;
    s.folds = folds;
    return s;
}

ValidationScheme testScheme(const Dataset *test, std::string name)
{
    ValidationScheme s;
    s.kind = ValidationScheme::Kind::TestSet;
    s.testSet = test;
    s.testName = std::move(name);
    return s;
}

ValidationScheme noScheme()
{
    ValidationScheme s;
    s.kind = ValidationScheme::Kind::None;
    return s;
}

FitControl seeded(std::uint64_t seed)
{
    FitControl c;
    c.seed = seed;
    return c;
}

/// The failure's message, for QVERIFY2 (which evaluates its message even on success).
template<class T> QByteArray errorText(const Expected<T> &result)
{
    return result ? QByteArray() : QByteArray::fromStdString(result.error().describe());
}

bool rowsSumToOne(const std::vector<double> &proba, int classes)
{
    const auto k = static_cast<std::size_t>(classes);
    for (std::size_t i = 0; i < proba.size(); i += k) {
        double sum = 0;
        for (std::size_t c = 0; c < k; ++c)
            sum += proba[i + c];
        if (std::abs(sum - 1) > 1e-9)
            return false;
    }
    return true;
}

/// A fixed rule written here, so evaluateModel and permutation importance can be tested on
/// a known model: class "b" when the first feature is positive, with 0.9 confidence.
class ThresholdClassifier final : public Classifier
{
public:
    std::string_view kind() const override { return "test-threshold"; }
    Expected<void> fit(const TrainingSet &, const FitControl &) override { return {}; }
    int classCount() const override { return 2; }
    void predictProba(const FeatureMatrix &x, std::span<double> out) const override
    {
        for (std::size_t i = 0; i < x.rows(); ++i)
            rule(x.at(i, 0), out.subspan(2 * i, 2));
    }
    void predictRow(std::span<const double> row, std::span<double> proba) const override
    {
        rule(row[0], proba);
    }

private:
    static void rule(double x, std::span<double> p)
    {
        p[1] = x > 0 ? 0.9 : 0.2;
        p[0] = 1 - p[1];
    }
};

Model thresholdModel()
{
    InputSchema schema;
    schema.features = {FeatureSchema {"x", false, {}, -1, 1, 0, 0},
                       FeatureSchema {"y", false, {}, -1, 1, 0, 0}};
    schema.targetName = "class";
    schema.classes = {"a", "b"};
    TrainingRecipe recipe;
    recipe.algo = "test-threshold";
    return Model(std::move(schema), std::move(recipe), std::make_unique<ThresholdClassifier>());
}

/// Rows for the threshold model: x decides the class, y is noise; a few labels are wrong.
Dataset thresholdData(std::size_t n, std::vector<std::string> levels = {"a", "b"})
{
    std::mt19937_64 rng(3);
    std::vector<double> x, y;
    std::vector<std::int32_t> target;
    for (std::size_t i = 0; i < n; ++i) {
        x.push_back(noise(rng));
        y.push_back(noise(rng));
        target.push_back(x.back() > 0 ? 1 : 0);
        if (i % 10 == 0)
            target.back() = 1 - target.back();
    }
    Dataset data;
    data.addColumn(Column::numeric("x", std::move(x)));
    data.addColumn(Column::numeric("y", std::move(y)));
    data.addColumn(Column::categorical("class", std::move(target), std::move(levels)));
    return data;
}

} // namespace

class TestEvaluation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describesSchemes_data();
    void describesSchemes();
    void holdoutMeasuresTheHeldOutRows();
    void crossValidationKeepsOutOfFoldProbabilities();
    void testFileSkipsClassesTheModelDoesNotKnow();
    void noValidationLeavesMetricsUndefined();
    void rowsWithoutTargetAreNotEvaluated();
    void progressRisesToOne_data();
    void progressRisesToOne();
    void cancelStopsTheRun_data();
    void cancelStopsTheRun();
    void sameSeedSameResult();
    void refusesBadSchemes_data();
    void refusesBadSchemes();
    void evaluatesAGivenModel();
    void evaluatingNeedsTheTargetColumn();
    void permutationImportanceOfAKnownRule();
    void permutationImportanceRanksSignalAboveNoise_data();
    void permutationImportanceRanksSignalAboveNoise();
};

void TestEvaluation::describesSchemes_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::newRow("holdout of a quarter")
        << int(ValidationScheme::Kind::Holdout) << QStringLiteral("holdout 0.25");
    QTest::newRow("ten folds") << int(ValidationScheme::Kind::CrossValidation)
                               << QStringLiteral("cv 10");
    QTest::newRow("a test file") << int(ValidationScheme::Kind::TestSet)
                                 << QStringLiteral("test other.csv");
    QTest::newRow("no validation") << int(ValidationScheme::Kind::None) << QStringLiteral("none");
}

void TestEvaluation::describesSchemes()
{
    QFETCH(int, kind);
    QFETCH(QString, text);
    ValidationScheme s;
    s.kind = static_cast<ValidationScheme::Kind>(kind);
    s.testName = "other.csv";
    QCOMPARE(QString::fromStdString(s.describe()), text);
}

void TestEvaluation::holdoutMeasuresTheHeldOutRows()
{
    const Dataset data = blobs(40, 3);
    auto result = trainAndEvaluate(data, kLearner, {}, holdoutScheme(), seeded(1));
    QVERIFY2(result, errorText(result).constData());
    // 10 of each class's 40 rows are held out; the kept model saw the other 90.
    QCOMPARE(result->metrics.rows, std::size_t(30));
    QCOMPARE(result->truth.size(), std::size_t(30));
    QCOMPARE(result->proba.size(), std::size_t(90));
    QCOMPARE(result->model.recipe().rows, std::size_t(90));
    QCOMPARE(result->model.recipe().validation, std::string("holdout 0.25"));
    QVERIFY(result->folds.empty());
    QVERIFY(rowsSumToOne(result->proba, 3));
    QCOMPARE(result->metrics.accuracy, computeMetrics(result->truth, result->proba, 3).accuracy);
    QVERIFY2(result->metrics.accuracy > 0.8,
             QByteArray::number(result->metrics.accuracy).constData());
    QVERIFY(result->fitSeconds > 0);
    QVERIFY(result->predictSeconds >= 0);
    QCOMPARE(result->skippedRows, std::size_t(0));
}

void TestEvaluation::crossValidationKeepsOutOfFoldProbabilities()
{
    const Dataset data = blobs(30, 3);
    auto result = trainAndEvaluate(data, kLearner, {}, cvScheme(5), seeded(1));
    QVERIFY2(result, errorText(result).constData());
    QCOMPARE(result->folds.size(), std::size_t(5));
    QCOMPARE(result->model.recipe().validation, std::string("cv 5"));
    QCOMPARE(result->model.recipe().rows, std::size_t(90)); // refitted on every row
    // Every row once, in row order, with its own class.
    QCOMPARE(result->truth.size(), std::size_t(90));
    for (std::size_t i = 0; i < result->truth.size(); ++i)
        QCOMPARE(result->truth[i], data.column(2).codes()[i]);
    QVERIFY(rowsSumToOne(result->proba, 3));

    double accuracySum = 0;
    std::size_t foldRows = 0;
    for (const Metrics &f : result->folds) {
        accuracySum += f.accuracy;
        foldRows += f.rows;
        QCOMPARE(f.rows, std::size_t(18));
    }
    QCOMPARE(foldRows, std::size_t(90));
    QVERIFY(std::abs(result->metrics.accuracy - accuracySum / 5) < 1e-12);
    std::size_t confused = 0;
    for (const auto &row : result->metrics.confusion)
        confused += std::accumulate(row.begin(), row.end(), std::size_t(0));
    QCOMPARE(confused, std::size_t(90));
    // The pooled out-of-fold predictions agree with the fold confusion matrices.
    QCOMPARE(computeMetrics(result->truth, result->proba, 3).confusion, result->metrics.confusion);
}

void TestEvaluation::testFileSkipsClassesTheModelDoesNotKnow()
{
    const Dataset train = blobs(20, 2);
    // The test file knows a class "c" the training rows never had, and one row lacks its class.
    Dataset test = blobs(5, 3, 9);
    test.column(2).mutableCodes()[0] = Column::kMissingCode; // was "a"
    auto result = trainAndEvaluate(train, kLearner, {}, testScheme(&test, "later.csv"), seeded(1));
    QVERIFY2(result, errorText(result).constData());
    QCOMPARE(result->skippedRows, std::size_t(5));
    QCOMPARE(result->metrics.rows, std::size_t(15 - 5 - 1));
    QCOMPARE(result->truth.size(), std::size_t(9));
    QCOMPARE(result->model.recipe().validation, std::string("test later.csv"));
    QCOMPARE(result->model.recipe().rows, std::size_t(40));
}

void TestEvaluation::noValidationLeavesMetricsUndefined()
{
    const Dataset data = blobs(20, 3);
    auto result = trainAndEvaluate(data, kLearner, {}, noScheme(), seeded(1));
    QVERIFY2(result, errorText(result).constData());
    QCOMPARE(result->metrics.rows, std::size_t(0));
    QVERIFY(std::isnan(result->metrics.accuracy));
    QVERIFY(result->truth.empty());
    QCOMPARE(result->model.recipe().rows, std::size_t(60));
    QCOMPARE(result->model.recipe().validation, std::string("none"));
}

void TestEvaluation::rowsWithoutTargetAreNotEvaluated()
{
    Dataset data = blobs(30, 3);
    auto &codes = data.column(2).mutableCodes();
    for (std::size_t i = 0; i < codes.size(); i += 15)
        codes[i] = Column::kMissingCode; // 6 rows
    auto cv = trainAndEvaluate(data, kLearner, {}, cvScheme(4), seeded(2));
    QVERIFY2(cv, errorText(cv).constData());
    QCOMPARE(cv->truth.size(), std::size_t(84));
    QCOMPARE(cv->metrics.rows, std::size_t(84));
    QCOMPARE(cv->skippedRows, std::size_t(0));
    auto holdout = trainAndEvaluate(data, kLearner, {}, holdoutScheme(0.5), seeded(2));
    QVERIFY2(holdout, errorText(holdout).constData());
    QCOMPARE(holdout->truth.size() + holdout->model.recipe().rows, std::size_t(84));
}

void TestEvaluation::progressRisesToOne_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("holdout") << int(ValidationScheme::Kind::Holdout);
    QTest::newRow("cross-validation") << int(ValidationScheme::Kind::CrossValidation);
    QTest::newRow("test file") << int(ValidationScheme::Kind::TestSet);
    QTest::newRow("no validation") << int(ValidationScheme::Kind::None);
}

void TestEvaluation::progressRisesToOne()
{
    QFETCH(int, kind);
    const Dataset data = blobs(20, 3);
    const Dataset test = blobs(4, 3, 5);
    ValidationScheme scheme = cvScheme(4);
    scheme.kind = static_cast<ValidationScheme::Kind>(kind);
    scheme.testSet = &test;
    std::vector<double> seen;
    FitControl control = seeded(1);
    control.report = [&seen](double f) {
        seen.push_back(f);
    };
    auto result = trainAndEvaluate(data, kLearner, {}, scheme, control);
    QVERIFY2(result, errorText(result).constData());
    QVERIFY(!seen.empty());
    QVERIFY(std::ranges::is_sorted(seen));
    QVERIFY(seen.front() >= 0);
    QCOMPARE(seen.back(), 1.0);
    if (scheme.kind == ValidationScheme::Kind::CrossValidation) {
        // One share per fold and one for the refit: the folds end at 1/5, 2/5, ...
        for (double mark : {0.2, 0.4, 0.6, 0.8})
            QVERIFY(
                std::ranges::any_of(seen, [mark](double f) { return std::abs(f - mark) < 1e-12; }));
    }
}

void TestEvaluation::cancelStopsTheRun_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("beforeStart");
    QTest::newRow("holdout cancelled before it starts")
        << int(ValidationScheme::Kind::Holdout) << true;
    QTest::newRow("cross-validation cancelled before it starts")
        << int(ValidationScheme::Kind::CrossValidation) << true;
    QTest::newRow("cross-validation cancelled after a few folds")
        << int(ValidationScheme::Kind::CrossValidation) << false;
}

void TestEvaluation::cancelStopsTheRun()
{
    QFETCH(int, kind);
    QFETCH(bool, beforeStart);
    const Dataset data = blobs(30, 3);
    ValidationScheme scheme = cvScheme(10);
    scheme.kind = static_cast<ValidationScheme::Kind>(kind);
    std::stop_source stop;
    if (beforeStart)
        stop.request_stop();
    FitControl control = seeded(1);
    control.stop = stop.get_token();
    double last = 0;
    control.report = [&stop, &last](double f) {
        last = f;
        if (f >= 0.3)
            stop.request_stop();
    };
    auto result = trainAndEvaluate(data, kLearner, {}, scheme, control);
    QVERIFY(!result);
    QCOMPARE(int(result.error().code), int(ErrorCode::Cancelled));
    QVERIFY2(last < 0.5, "the run went on well after the cancel");
}

void TestEvaluation::sameSeedSameResult()
{
    const Dataset data = blobs(25, 3);
    auto a = trainAndEvaluate(data, kLearner, {}, cvScheme(5), seeded(4));
    auto b = trainAndEvaluate(data, kLearner, {}, cvScheme(5), seeded(4));
    auto c = trainAndEvaluate(data, kLearner, {}, cvScheme(5), seeded(5));
    QVERIFY2(a && b && c, "training failed");
    QCOMPARE(a->proba, b->proba);
    QCOMPARE(a->truth, b->truth);
    QVERIFY2(a->proba != c->proba, "another seed should deal other folds");
}

void TestEvaluation::refusesBadSchemes_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<int>("folds");
    QTest::addColumn<QString>("algo");
    QTest::newRow("holdout of nothing")
        << int(ValidationScheme::Kind::Holdout) << 0.0 << 10 << QString::fromLatin1(kLearner);
    QTest::newRow("holdout of everything")
        << int(ValidationScheme::Kind::Holdout) << 1.0 << 10 << QString::fromLatin1(kLearner);
    QTest::newRow("one fold") << int(ValidationScheme::Kind::CrossValidation) << 0.25 << 1
                              << QString::fromLatin1(kLearner);
    QTest::newRow("more folds than rows") << int(ValidationScheme::Kind::CrossValidation) << 0.25
                                          << 61 << QString::fromLatin1(kLearner);
    QTest::newRow("a test file without data")
        << int(ValidationScheme::Kind::TestSet) << 0.25 << 10 << QString::fromLatin1(kLearner);
    QTest::newRow("an unknown learner")
        << int(ValidationScheme::Kind::Holdout) << 0.25 << 10 << QStringLiteral("svm");
}

void TestEvaluation::refusesBadSchemes()
{
    QFETCH(int, kind);
    QFETCH(double, fraction);
    QFETCH(int, folds);
    QFETCH(QString, algo);
    const Dataset data = blobs(20, 3);
    ValidationScheme scheme;
    scheme.kind = static_cast<ValidationScheme::Kind>(kind);
    scheme.holdoutFraction = fraction;
    scheme.folds = folds;
    auto result = trainAndEvaluate(data, algo.toStdString(), {}, scheme, seeded(1));
    QVERIFY(!result);
    QCOMPARE(int(result.error().code), int(ErrorCode::Usage));
    QVERIFY(!result.error().message.empty());
}

void TestEvaluation::evaluatesAGivenModel()
{
    const Model model = thresholdModel();
    // Levels "a", "b" and a class "z" the model does not know; row 1 lacks its class.
    Dataset data = thresholdData(50, {"a", "b", "z"});
    auto &codes = data.column(2).mutableCodes();
    codes[1] = Column::kMissingCode;
    codes[2] = 2;
    codes[3] = 2;
    auto result = evaluateModel(model, data);
    QVERIFY2(result, errorText(result).constData());
    QCOMPARE(result->skippedRows, std::size_t(2));
    QCOMPARE(result->metrics.rows, std::size_t(47));

    // The same numbers by hand from the rule.
    std::vector<std::int32_t> truth;
    std::vector<double> proba;
    for (std::size_t i = 0; i < data.rowCount(); ++i) {
        if (codes[i] < 0 || codes[i] > 1)
            continue;
        truth.push_back(codes[i]);
        const double p1 = data.column(0).values()[i] > 0 ? 0.9 : 0.2;
        proba.push_back(1 - p1);
        proba.push_back(p1);
    }
    QCOMPARE(result->truth, truth);
    QCOMPARE(result->proba, proba);
    QCOMPARE(result->metrics.accuracy, computeMetrics(truth, proba, 2).accuracy);
    QVERIFY(result->metrics.accuracy > 0.8 && result->metrics.accuracy < 1);

    // The result's model predicts with the given model's classifier.
    QCOMPARE(result->model.algo(), std::string_view("test-threshold"));
    double p[2] = {0, 0};
    const double row[2] = {0.5, 0};
    result->model.predictRow(row, p);
    QCOMPARE(p[1], 0.9);
}

void TestEvaluation::evaluatingNeedsTheTargetColumn()
{
    const Model model = thresholdModel();
    Dataset data;
    data.addColumn(Column::numeric("x", {0.1, -0.2}));
    data.addColumn(Column::numeric("y", {0.0, 0.0}));
    auto result = evaluateModel(model, data);
    QVERIFY(!result);
    QVERIFY2(result.error().message.find("class") != std::string::npos,
             result.error().message.c_str());
}

void TestEvaluation::permutationImportanceOfAKnownRule()
{
    const Model model = thresholdModel();
    const Dataset data = thresholdData(200);
    auto x = model.encode(data);
    auto truth = model.encodeTarget(data);
    QVERIFY(x && truth);
    const PermutationImportance a = permutationImportance(model, *x, *truth, 5, 10);
    QCOMPARE(a.mean.size(), std::size_t(2));
    QCOMPARE(a.stddev.size(), std::size_t(2));
    // The rule never reads y: shuffling it changes nothing at all.
    QCOMPARE(a.mean[1], 0.0);
    QCOMPARE(a.stddev[1], 0.0);
    // Shuffling x turns a 90% rule into a coin toss.
    QVERIFY2(a.mean[0] > 0.25, QByteArray::number(a.mean[0]).constData());
    QVERIFY(a.stddev[0] > 0);

    const PermutationImportance same = permutationImportance(model, *x, *truth, 5, 10);
    QCOMPARE(same.mean, a.mean);
    QCOMPARE(same.stddev, a.stddev);
    QVERIFY(permutationImportance(model, *x, *truth, 5, 11).mean[0] != a.mean[0]);

    std::stop_source stop;
    stop.request_stop();
    WorkControl cancelled;
    cancelled.stop = stop.get_token();
    QVERIFY(permutationImportance(model, *x, *truth, 5, 10, cancelled).mean.empty());
}

void TestEvaluation::permutationImportanceRanksSignalAboveNoise_data()
{
    QTest::addColumn<QString>("algo");
    QTest::newRow("decision tree") << QStringLiteral("tree");
    QTest::newRow("random forest") << QStringLiteral("forest");
}

void TestEvaluation::permutationImportanceRanksSignalAboveNoise()
{
    QFETCH(QString, algo);
    const Dataset data = blobs(60, 3);
    auto model = Model::train(data, {}, algo.toStdString(), {}, seeded(1));
    QVERIFY2(model, errorText(model).constData());
    auto x = model->encode(data);
    auto truth = model->encodeTarget(data);
    QVERIFY(x && truth);
    std::vector<double> progress;
    WorkControl control;
    control.report = [&progress](double f) {
        progress.push_back(f);
    };
    const PermutationImportance imp = permutationImportance(*model, *x, *truth, 5, 1, control);
    QCOMPARE(imp.mean.size(), std::size_t(2));
    QVERIFY2(
        imp.mean[0] > imp.mean[1] + 0.2,
        (QByteArray::number(imp.mean[0]) + " vs " + QByteArray::number(imp.mean[1])).constData());
    QCOMPARE(progress, (std::vector<double> {0.5, 1.0}));
}

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
