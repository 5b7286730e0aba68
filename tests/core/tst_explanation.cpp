// SPDX-License-Identifier: MIT
// Explanations of one prediction: a tree's decision path ends at the leaf predictRow answers
// from, and the contributions of logistic regression and naive Bayes add up to predictRow's
// probabilities; checked on real samples with missing values and unseen categories, and the
// checks are shown to catch a wrong path or a wrong number.
#include "core/data/dataset.h"
#include "core/eval/explained_rows.h"
#include "core/eval/explanation.h"
#include "core/io/dataset_loader.h"
#include "core/ml/decision_tree.h"
#include "core/ml/logistic_regression.h"
#include "core/ml/model.h"
#include "core/ml/naive_bayes.h"

#include <QtTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <memory>
#include <numbers>
#include <set>

using namespace mb;

namespace {

std::shared_ptr<const Dataset> sample(const QString &name)
{
    auto data = loadDataset(QStringLiteral("sample:") + name);
    if (!data)
        qFatal("cannot load %s: %s", qPrintable(name), data.error().describe().c_str());
    return std::make_shared<const Dataset>(std::move(*data));
}

std::shared_ptr<const Model> trainOn(const Dataset &data, const QString &algo,
                                     const ParamValues &params = {})
{
    FitControl control;
    control.seed = 11;
    auto model = Model::train(data, {}, algo.toStdString(), params, control);
    if (!model)
        qFatal("training failed: %s", model.error().describe().c_str());
    return std::make_shared<const Model>(std::move(*model));
}

/// The rows to explain: every row of `data` as encoded for `model`, then a copy of the first
/// with each feature missing in turn (NaN: what the form's "missing" box and an empty cell give).
std::vector<std::vector<double>> rowsOf(const Model &model, const Dataset &data)
{
    auto x = model.encode(data);
    if (!x)
        qFatal("encode failed: %s", x.error().describe().c_str());
    std::vector<std::vector<double>> rows(x->rows(), std::vector<double>(x->cols()));
    for (std::size_t r = 0; r < x->rows(); ++r)
        x->copyRow(r, rows[r]);
    for (std::size_t j = 0; j < x->cols(); ++j) {
        std::vector<double> missing = rows.front();
        missing[j] = std::nan("");
        rows.push_back(missing);
    }
    return rows;
}

std::vector<double> predicted(const Model &model, std::span<const double> row)
{
    std::vector<double> proba(static_cast<std::size_t>(model.classCount()));
    model.predictRow(row, proba);
    return proba;
}

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

bool closeRelative(double a, double b, double tolerance = 1e-12)
{
    if (std::abs(a) < 1e-300 && std::abs(b) < 1e-300)
        return true; // both below anything a softmax can tell apart
    return std::abs(a - b) <= tolerance * std::max(std::abs(a), std::abs(b));
}

QString numbers(std::span<const double> values)
{
    QStringList parts;
    for (double v : values)
        parts.append(QString::number(v, 'g', 17));
    return parts.join(QLatin1Char(' '));
}

/// What is wrong with `e` as the decision path of a row predicted as `proba` through `nodes`,
/// checked independently of the explainer: each step is the child the previous test chose,
/// each test's answer is the rule's (a number goes left when <= threshold, a level when it is
/// in the node's set) on the value the model used, and the walk ends at a leaf whose
/// probabilities are predictRow's, bit for bit. Empty when nothing is.
QString pathProblem(const std::vector<TreeNodeInfo> &nodes, const Explanation &e,
                    std::span<const double> proba)
{
    const DecisionPath *path = e.path();
    if (!path)
        return QStringLiteral("no decision path");
    std::int32_t expected = 0;
    for (std::size_t i = 0; i < path->steps.size(); ++i) {
        const PathStep &step = path->steps[i];
        if (step.node != expected)
            return QStringLiteral("step %1 is node %2, not node %3")
                .arg(i)
                .arg(step.node)
                .arg(expected);
        const TreeNodeInfo &node = nodes[static_cast<std::size_t>(step.node)];
        if (node.isLeaf())
            return QStringLiteral("step %1 is a leaf").arg(i);
        const double value = e.used[static_cast<std::size_t>(node.feature)];
        if (!sameBits(step.value, value))
            return QStringLiteral("step %1 tested %2, the row has %3")
                .arg(i)
                .arg(step.value)
                .arg(value);
        bool holds = value <= node.threshold;
        if (node.categorical) {
            const auto code
                = std::isnan(value) ? 0 : static_cast<std::int32_t>(std::clamp(value, 0.0, 254.0));
            holds = std::ranges::find(node.leftLevels, code) != node.leftLevels.end();
        }
        if (holds != step.wentLeft)
            return QStringLiteral("step %1 went %2").arg(i).arg(step.wentLeft ? "left" : "right");
        expected = holds ? node.left : node.right;
    }
    if (path->leaf != expected)
        return QStringLiteral("ends at node %1, the tests lead to node %2")
            .arg(path->leaf)
            .arg(expected);
    const TreeNodeInfo &leaf = nodes[static_cast<std::size_t>(path->leaf)];
    if (!leaf.isLeaf())
        return QStringLiteral("ends at an inner node");
    if (!std::ranges::equal(leaf.proba, proba, sameBits)
        || !std::ranges::equal(e.proba, proba, sameBits))
        return QStringLiteral("leaf gives %1, predictRow %2")
            .arg(numbers(leaf.proba), numbers(proba));
    return {};
}

/// What is wrong with `e`'s contributions as an account of probabilities `proba`: each score is
/// the base plus the terms, and the softmax of the scores (computed here with std::exp) is
/// `proba` to 1e-12 relative. Empty when nothing is.
QString contributionProblem(const Explanation &e, std::span<const double> proba)
{
    const Contributions *c = e.contributions();
    if (!c)
        return QStringLiteral("no contributions");
    const std::size_t K = c->classCount();
    const std::size_t features = c->terms.size() / K;
    std::vector<double> scores(K);
    for (std::size_t k = 0; k < K; ++k) {
        double sum = c->base[k];
        for (std::size_t j = 0; j < features; ++j)
            sum += c->term(j, k);
        scores[k] = sum;
        if (!closeRelative(sum, c->scores[k]))
            return QStringLiteral("class %1: base + terms = %2, score %3")
                .arg(k)
                .arg(sum, 0, 'g', 17)
                .arg(c->scores[k], 0, 'g', 17);
    }
    const double top = *std::ranges::max_element(scores);
    double total = 0;
    std::vector<double> softmax(K);
    for (std::size_t k = 0; k < K; ++k)
        total += softmax[k] = std::exp(scores[k] - top);
    for (std::size_t k = 0; k < K; ++k) {
        softmax[k] /= total;
        if (!closeRelative(softmax[k], proba[k]) || !closeRelative(e.proba[k], proba[k]))
            return QStringLiteral("softmax %1, predictRow %2")
                .arg(numbers(softmax), numbers(proba));
    }
    return {};
}

} // namespace

class TestExplanation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void treePathEndsAtTheLeafPredictRowUses_data();
    void treePathEndsAtTheLeafPredictRowUses();
    void treePathRoutesAMissingValueAsItsImputedValue();
    void treePathTestsCategoriesByTheirLevelSet();
    void contributionsAddUpToPredictRow_data();
    void contributionsAddUpToPredictRow();
    void logisticTermsAreCoefficientTimesStandardisedValue();
    void bayesTermsAreLogLikelihoodsAndSkipMissingValues();
    void unseenCategoryIsExplainedAsMissing();
    void otherLearnersHaveNoExplanation_data();
    void otherLearnersHaveNoExplanation();
    void dataRowsAreExplainedUpToTheLimit();
    void checksCatchAWrongPathOrAWrongNumber();

private:
    std::shared_ptr<const Dataset> m_iris, m_wine, m_weather;
};

void TestExplanation::initTestCase()
{
    m_iris = sample(QStringLiteral("iris.csv"));
    m_wine = sample(QStringLiteral("wine.csv"));
    m_weather = sample(QStringLiteral("weather.numeric.arff")); // outlook and windy are nominal
}

void TestExplanation::treePathEndsAtTheLeafPredictRowUses_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("unpruned");
    QTest::newRow("iris, pruned by cross-validation") << QStringLiteral("iris") << false;
    QTest::newRow("wine, pruned by cross-validation") << QStringLiteral("wine") << false;
    QTest::newRow("wine, grown out") << QStringLiteral("wine") << true;
    QTest::newRow("weather with nominal inputs, grown out") << QStringLiteral("weather") << true;
}

void TestExplanation::treePathEndsAtTheLeafPredictRowUses()
{
    QFETCH(QString, name);
    QFETCH(bool, unpruned);
    const Dataset &data = name == QLatin1String("iris") ? *m_iris
        : name == QLatin1String("wine")                 ? *m_wine
                                                        : *m_weather;
    const auto model = trainOn(data, QStringLiteral("tree"),
                               unpruned ? ParamValues {{"prune", "none"}} : ParamValues {});
    const Explainer explainer(*model);
    QVERIFY(explainer.available());
    const auto &nodes = explainer.treeNodes();
    QVERIFY(nodes.size() > 1);
    std::set<std::int32_t> leaves;
    for (const std::vector<double> &row : rowsOf(*model, data)) {
        const auto e = explainer.explain(row);
        QVERIFY(e);
        const std::vector<double> proba = predicted(*model, row);
        const QString problem = pathProblem(nodes, *e, proba);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        leaves.insert(e->path()->leaf);
        // The statistics on the way: each step's rows split between its children.
        for (const PathStep &step : e->path()->steps) {
            QVERIFY(step.split.hasStats);
            QCOMPARE(step.split.rows,
                     nodes[std::size_t(step.split.left)].rows
                         + nodes[std::size_t(step.split.right)].rows);
        }
        QCOMPARE(e->predicted, std::int32_t(std::ranges::max_element(proba) - proba.begin()));
    }
    // The training rows reach many leaves, so many different paths were checked.
    QVERIFY2(leaves.size() > 2, qPrintable(QString::number(leaves.size())));
}

void TestExplanation::treePathRoutesAMissingValueAsItsImputedValue()
{
    const auto model = trainOn(*m_iris, QStringLiteral("tree"));
    const Explainer explainer(*model);
    const std::int32_t rootFeature = explainer.treeNodes().front().feature;
    QVERIFY(rootFeature >= 0);
    const auto j = static_cast<std::size_t>(rootFeature);
    std::vector<double> row = rowsOf(*model, *m_iris).front();
    row[j] = std::nan("");
    const auto e = explainer.explain(row);
    QVERIFY(e);
    // Model::predictRow puts the training median in the gap before the tree sees the row, so
    // the path tests the median, and says it was imputed.
    const double median = model->schema().features[j].median;
    QVERIFY(e->imputed(j));
    QVERIFY(std::isnan(e->given[j]));
    QCOMPARE(e->used[j], median);
    QCOMPARE(e->path()->steps.front().value, median);
    QCOMPARE(e->path()->steps.front().wentLeft, median <= explainer.treeNodes().front().threshold);
    const QString problem = pathProblem(explainer.treeNodes(), *e, predicted(*model, row));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestExplanation::treePathTestsCategoriesByTheirLevelSet()
{
    const auto model = trainOn(*m_weather, QStringLiteral("tree"), {{"prune", "none"}});
    const Explainer explainer(*model);
    const auto outlook = static_cast<std::size_t>(model->schema().featureIndex("outlook"));
    bool sawCategoricalStep = false;
    // Every level of outlook (and a missing one) with the other inputs of each row.
    for (std::vector<double> row : rowsOf(*model, *m_weather)) {
        for (double level : {0.0, 1.0, 2.0, std::nan("")}) {
            row[outlook] = level;
            const auto e = explainer.explain(row);
            QVERIFY(e);
            const QString problem = pathProblem(explainer.treeNodes(), *e, predicted(*model, row));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            for (const PathStep &step : e->path()->steps) {
                if (step.split.categorical) {
                    sawCategoricalStep = true;
                    QVERIFY(!step.split.leftLevels.empty());
                    QVERIFY(!levelNames(model->schema().features[std::size_t(step.split.feature)],
                                        step.split.leftLevels)
                                 .empty());
                }
            }
        }
    }
    QVERIFY(sawCategoricalStep);
}

void TestExplanation::contributionsAddUpToPredictRow_data()
{
    QTest::addColumn<QString>("algo");
    QTest::addColumn<QString>("name");
    for (const char *algo : {"logreg", "nb"}) {
        for (const char *name : {"iris", "wine", "weather"})
            QTest::newRow(qPrintable(QStringLiteral("%1 on %2").arg(algo, name)))
                << QString::fromLatin1(algo) << QString::fromLatin1(name);
    }
}

void TestExplanation::contributionsAddUpToPredictRow()
{
    QFETCH(QString, algo);
    QFETCH(QString, name);
    const Dataset &data = name == QLatin1String("iris") ? *m_iris
        : name == QLatin1String("wine")                 ? *m_wine
                                                        : *m_weather;
    const auto model = trainOn(data, algo);
    const Explainer explainer(*model);
    QVERIFY(explainer.available());
    int exact = 0, rows = 0;
    for (const std::vector<double> &row : rowsOf(*model, data)) {
        const auto e = explainer.explain(row);
        QVERIFY(e);
        const Contributions *c = e->contributions();
        QVERIFY(c);
        QCOMPARE(c->score,
                 algo == QLatin1String("nb") ? Contributions::Score::LogLikelihood
                                             : Contributions::Score::Logit);
        QCOMPARE(c->classCount(), std::size_t(model->classCount()));
        QCOMPARE(c->terms.size(), model->schema().features.size() * c->classCount());
        const std::vector<double> proba = predicted(*model, row);
        const QString problem = contributionProblem(*e, proba);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The explainer adds as the learner does, so in practice the very same bits.
        exact += std::ranges::equal(e->proba, proba, sameBits) ? 1 : 0;
        ++rows;
    }
    QCOMPARE(exact, rows);
}

void TestExplanation::logisticTermsAreCoefficientTimesStandardisedValue()
{
    for (const Dataset *data : {m_wine.get(), m_weather.get()}) {
        const auto model = trainOn(*data, QStringLiteral("logreg"));
        const auto &lr = dynamic_cast<const LogisticRegression &>(model->classifier());
        const Standardizer &encoder = lr.encoder();
        const std::size_t K = std::size_t(model->classCount());
        const std::size_t width = encoder.encodedCount();
        for (const std::vector<double> &row : rowsOf(*model, *data)) {
            const auto e = explainRow(*model, row);
            QVERIFY(e);
            std::vector<double> z(width);
            encoder.encodeRow(e->used, z.data());
            for (std::size_t j = 0; j < row.size(); ++j) {
                const std::size_t first = encoder.firstColumn(j);
                for (std::size_t k = 0; k < K; ++k) {
                    double expected = 0, magnitude = 0;
                    for (std::size_t col = first; col < first + encoder.columnCount(j); ++col) {
                        expected += lr.coefficients()[k * width + col] * z[col];
                        magnitude += std::abs(lr.coefficients()[k * width + col] * z[col]);
                    }
                    const double term = e->contributions()->term(j, k);
                    QVERIFY2(std::abs(term - expected) <= 1e-12 * std::max(magnitude, 1e-300),
                             qPrintable(QStringLiteral("feature %1 class %2: %3 vs %4")
                                            .arg(j)
                                            .arg(k)
                                            .arg(term)
                                            .arg(expected)));
                }
            }
            for (std::size_t k = 0; k < K; ++k)
                QCOMPARE(e->contributions()->base[k], lr.intercept(int(k)));
        }
    }
}

void TestExplanation::bayesTermsAreLogLikelihoodsAndSkipMissingValues()
{
    const auto model = trainOn(*m_weather, QStringLiteral("nb"));
    const auto &nb = dynamic_cast<const NaiveBayes &>(model->classifier());
    const auto &features = model->schema().features;
    const std::size_t K = std::size_t(model->classCount());
    for (const std::vector<double> &row : rowsOf(*model, *m_weather)) {
        const auto e = explainRow(*model, row);
        QVERIFY(e);
        for (std::size_t j = 0; j < features.size(); ++j) {
            // Naive Bayes imputes nothing: a missing value stays missing and adds nothing.
            QVERIFY(!e->imputed(j));
            for (std::size_t k = 0; k < K; ++k) {
                const double term = e->contributions()->term(j, k);
                const double v = row[j];
                double expected = 0;
                if (std::isnan(v))
                    expected = 0;
                else if (features[j].categorical)
                    expected = std::log(nb.levelProbability(j, int(v), int(k)));
                else
                    expected = -0.5 * std::log(2 * std::numbers::pi * nb.variance(j, int(k)))
                        - (v - nb.mean(j, int(k))) * (v - nb.mean(j, int(k)))
                            / (2 * nb.variance(j, int(k)));
                QVERIFY2(std::abs(term - expected) <= 1e-12 * std::max(1.0, std::abs(expected)),
                         qPrintable(QStringLiteral("feature %1 class %2: %3 vs %4")
                                        .arg(j)
                                        .arg(k)
                                        .arg(term)
                                        .arg(expected)));
            }
        }
        for (std::size_t k = 0; k < K; ++k)
            QCOMPARE(e->contributions()->base[k], nb.logPrior(int(k)));
    }
}

void TestExplanation::unseenCategoryIsExplainedAsMissing()
{
    // A file with an outlook the models never saw, and an empty humidity.
    Dataset data;
    data.addColumn(Column::categorical("outlook", {0, 1}, {"foggy", "sunny"}));
    data.addColumn(Column::numeric("temperature", {70, 85}));
    data.addColumn(Column::numeric("humidity", {std::nan(""), 85}));
    data.addColumn(Column::categorical("windy", {0, 1}, {"TRUE", "FALSE"}));
    for (const char *algo : {"tree", "logreg", "nb"}) {
        const auto model = trainOn(*m_weather, QString::fromLatin1(algo));
        const auto outlook = std::size_t(model->schema().featureIndex("outlook"));
        const auto humidity = std::size_t(model->schema().featureIndex("humidity"));
        auto explained = explainDataRows(*model, data, {}, 0);
        QVERIFY2(explained, explained ? "" : explained.error().describe().c_str());
        QCOMPARE(explained->size(), std::size_t(2));
        const Explanation &e = *explained->front().explanation;
        QVERIFY(std::isnan(e.given[outlook]));
        QVERIFY(std::isnan(e.given[humidity]));
        QVERIFY(!std::isnan(e.given[std::size_t(model->schema().featureIndex("temperature"))]));
        const bool imputes = QByteArray(algo) != "nb";
        QCOMPARE(e.imputed(outlook), imputes);
        QCOMPARE(e.imputed(humidity), imputes);
        if (imputes) {
            QCOMPARE(e.used[outlook], double(model->schema().features[outlook].mode));
            QCOMPARE(e.used[humidity], model->schema().features[humidity].median);
        } else {
            for (std::size_t k = 0; k < std::size_t(model->classCount()); ++k) {
                QCOMPARE(e.contributions()->term(outlook, k), 0.0);
                QCOMPARE(e.contributions()->term(humidity, k), 0.0);
            }
        }
        // The numbers are those of batch scoring, which encodes the same way.
        auto scores = scoreRows(*model, data);
        QVERIFY(scores);
        for (std::size_t r = 0; r < 2; ++r) {
            const auto &p = (*explained)[r].explanation->proba;
            for (std::size_t k = 0; k < p.size(); ++k)
                QVERIFY(closeRelative(p[k], scores->proba[r * p.size() + k]));
        }
        const auto &levels = model->schema().features[outlook].levels; // "sunny" is known
        QCOMPARE(explained->back().explanation->given[outlook],
                 double(std::ranges::find(levels, "sunny") - levels.begin()));
    }
}

void TestExplanation::otherLearnersHaveNoExplanation_data()
{
    QTest::addColumn<QString>("algo");
    for (const char *algo : {"forest", "gbt", "knn"})
        QTest::newRow(algo) << QString::fromLatin1(algo);
}

void TestExplanation::otherLearnersHaveNoExplanation()
{
    QFETCH(QString, algo);
    const auto model = trainOn(*m_iris, algo);
    const Explainer explainer(*model);
    QVERIFY(!explainer.available());
    QVERIFY(!explainer.explain(rowsOf(*model, *m_iris).front()));
    auto explained = explainDataRows(*model, *m_iris, {}, 3);
    QVERIFY(explained);
    QCOMPARE(explained->size(), std::size_t(3));
    QVERIFY(!explained->front().explanation);
}

void TestExplanation::dataRowsAreExplainedUpToTheLimit()
{
    const auto model = trainOn(*m_iris, QStringLiteral("tree"));
    auto five = explainDataRows(*model, *m_iris, {}, 5);
    QVERIFY(five);
    QCOMPARE(five->size(), std::size_t(5));
    QCOMPARE(five->back().row, std::size_t(4));
    auto all = explainDataRows(*model, *m_iris, {}, 0);
    QVERIFY(all);
    QCOMPARE(all->size(), m_iris->rowCount());
    auto more = explainDataRows(*model, *m_iris, {}, 100000);
    QVERIFY(more);
    QCOMPARE(more->size(), m_iris->rowCount());
}

void TestExplanation::checksCatchAWrongPathOrAWrongNumber()
{
    // The identity checks above must be able to fail: feed them explanations made wrong.
    const auto tree = trainOn(*m_wine, QStringLiteral("tree"), {{"prune", "none"}});
    const Explainer treeExplainer(*tree);
    const std::vector<double> row = rowsOf(*tree, *m_wine)[70];
    const std::vector<double> proba = predicted(*tree, row);
    const Explanation good = *treeExplainer.explain(row);
    QVERIFY(pathProblem(treeExplainer.treeNodes(), good, proba).isEmpty());
    QVERIFY(good.path()->steps.size() >= 2);

    Explanation turned = good; // the last test answered the other way
    auto &last = std::get<DecisionPath>(turned.detail).steps.back();
    last.wentLeft = !last.wentLeft;
    QVERIFY(!pathProblem(treeExplainer.treeNodes(), turned, proba).isEmpty());

    Explanation sibling = good; // the walk ends at the leaf next door
    const TreeNodeInfo &parent
        = treeExplainer.treeNodes()[std::size_t(good.path()->steps.back().node)];
    std::get<DecisionPath>(sibling.detail).leaf
        = good.path()->leaf == parent.left ? parent.right : parent.left;
    QVERIFY(!pathProblem(treeExplainer.treeNodes(), sibling, proba).isEmpty());

    std::vector<double> otherProba = proba; // probabilities of another leaf
    std::rotate(otherProba.begin(), otherProba.begin() + 1, otherProba.end());
    QVERIFY(!pathProblem(treeExplainer.treeNodes(), good, otherProba).isEmpty());

    for (const char *algo : {"logreg", "nb"}) {
        const auto model = trainOn(*m_wine, QString::fromLatin1(algo));
        const std::vector<double> r = rowsOf(*model, *m_wine)[70];
        const std::vector<double> p = predicted(*model, r);
        const Explanation e = *explainRow(*model, r);
        QVERIFY(contributionProblem(e, p).isEmpty());
        // The largest term, off by one part in a billion, and the scores with it.
        Explanation nudged = e;
        auto &c = std::get<Contributions>(nudged.detail);
        auto largest = std::ranges::max_element(c.terms, {}, [](double v) { return std::abs(v); });
        const std::size_t k = std::size_t(largest - c.terms.begin()) % c.classCount();
        const double delta = *largest * 1e-9;
        *largest += delta;
        c.scores[k] += delta;
        QVERIFY2(!contributionProblem(nudged, p).isEmpty(), algo);
        // A term changed but not its score.
        Explanation inconsistent = e;
        std::get<Contributions>(inconsistent.detail).terms[0] += 1e-6;
        QVERIFY2(!contributionProblem(inconsistent, p).isEmpty(), algo);
    }
}

QTEST_GUILESS_MAIN(TestExplanation)
#include "tst_explanation.moc"
