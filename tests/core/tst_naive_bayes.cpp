// SPDX-License-Identifier: MIT
#include "core/io/dataset_loader.h"
#include "core/ml/learner_registry.h"
#include "core/ml/naive_bayes.h"
#include "core/model/archive_io.h"

#include "learner_test_support.h"

#include <QtTest>

#include <array>
#include <cmath>
#include <memory>
#include <numbers>
#include <sstream>
#include <stop_token>

using namespace mb;

namespace {

using learner_test::Table;

const double kNan = std::numeric_limits<double>::quiet_NaN();

/// Iris from the built-in samples, classes coded in scikit-learn's (sorted) order.
Table iris()
{
    auto data = loadDataset(QStringLiteral(MB_SHARED_DATASETS_DIR "/iris.csv"));
    if (!data)
        qFatal("cannot load iris: %s", data.error().message.c_str());
    const Column &target = data->column(4);
    const std::vector<std::string> names = {"setosa", "versicolor", "virginica"};
    Table t;
    t.x = FeatureMatrix(data->rowCount(), 4);
    for (std::size_t r = 0; r < data->rowCount(); ++r) {
        const std::string &label = target.levels()[static_cast<std::size_t>(target.codes()[r])];
        t.y.push_back(static_cast<std::int32_t>(std::ranges::find(names, label) - names.begin()));
        for (std::size_t j = 0; j < 4; ++j)
            t.x.at(r, j) = data->column(j).values()[r];
    }
    for (std::size_t j = 0; j < 4; ++j)
        t.features.push_back({data->column(j).name(), false, 0});
    t.classes = 3;
    return t;
}

/// Five rows: a number and a three-level category (one value missing).
///   class 0: (1, L0) (2, L0) (3, L1)      class 1: (10, L2) (14, missing)
Table handMade()
{
    Table t;
    const std::array<double, 5> a = {1, 2, 3, 10, 14};
    const std::array<double, 5> b = {0, 0, 1, 2, kNan};
    t.x = FeatureMatrix(5, 2);
    for (std::size_t i = 0; i < 5; ++i) {
        t.x.at(i, 0) = a[i];
        t.x.at(i, 1) = b[i];
    }
    t.y = {0, 0, 0, 1, 1};
    t.features = {{"a", false, 0}, {"b", true, 3}};
    t.classes = 2;
    return t;
}

std::unique_ptr<NaiveBayes> make(const ParamValues &params = {})
{
    return learner_test::makeLearner<NaiveBayes>(params);
}

std::unique_ptr<NaiveBayes> fitted(const Table &t, const ParamValues &params = {}, int threads = 0)
{
    return learner_test::fitLearner<NaiveBayes>(t, params, threads);
}

double logNormal(double x, double mean, double variance)
{
    return -0.5 * std::log(2 * std::numbers::pi * variance)
        - (x - mean) * (x - mean) / (2 * variance);
}

template<class OArchive, class IArchive>
std::unique_ptr<NaiveBayes> roundTrip(const NaiveBayes &model)
{
    return learner_test::roundTrip<OArchive, IArchive>(model, {{"alpha", "3"}});
}

} // namespace

class TestNaiveBayes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gaussiansMatchHandComputedValues()
    {
        auto model = fitted(handMade());
        // Largest feature variance: of {1, 2, 3, 10, 14} = 26; smoothing 1e-9 of it.
        const double epsilon = 26e-9;
        QCOMPARE(model->mean(0, 0), 2.0);
        QCOMPARE(model->mean(0, 1), 12.0);
        QVERIFY(std::abs(model->variance(0, 0) - (2.0 / 3 + epsilon)) < 1e-15);
        QVERIFY(std::abs(model->variance(0, 1) - (4.0 + epsilon)) < 1e-15);
        QVERIFY(std::abs(model->logPrior(0) - std::log(0.6)) < 1e-15);
        QVERIFY(std::abs(model->logPrior(1) - std::log(0.4)) < 1e-15);
    }

    void categoriesAreSmoothed_data()
    {
        QTest::addColumn<QString>("alpha");
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("cls");
        QTest::addColumn<double>("expected");
        // Class 0 saw levels {0, 0, 1}; class 1 saw {2} (its missing value is skipped).
        QTest::newRow("alpha 1, seen twice") << "1" << 0 << 0 << (2 + 1.0) / (3 + 3);
        QTest::newRow("alpha 1, seen once") << "1" << 1 << 0 << (1 + 1.0) / (3 + 3);
        QTest::newRow("alpha 1, never seen") << "1" << 2 << 0 << (0 + 1.0) / (3 + 3);
        QTest::newRow("alpha 1, missing value skipped") << "1" << 2 << 1 << (1 + 1.0) / (1 + 3);
        QTest::newRow("alpha 1, other level of class 1") << "1" << 0 << 1 << (0 + 1.0) / (1 + 3);
        QTest::newRow("alpha 0.5") << "0.5" << 1 << 0 << (1 + 0.5) / (3 + 1.5);
    }

    void categoriesAreSmoothed()
    {
        QFETCH(QString, alpha);
        QFETCH(int, level);
        QFETCH(int, cls);
        QFETCH(double, expected);
        auto model = fitted(handMade(), {{"alpha", alpha.toStdString()}});
        QVERIFY(std::abs(model->levelProbability(1, level, cls) - expected) < 1e-15);
    }

    void predictionsMatchHandComputedValues_data()
    {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::newRow("both present") << 4.0 << 1.0;
        QTest::newRow("number missing") << kNan << 2.0;
        QTest::newRow("category missing") << 11.0 << kNan;
        QTest::newRow("unknown level is skipped") << 3.0 << 7.0;
        QTest::newRow("both missing: the priors") << kNan << kNan;
    }

    void predictionsMatchHandComputedValues()
    {
        QFETCH(double, a);
        QFETCH(double, b);
        auto model = fitted(handMade());
        const double epsilon = 26e-9;
        const std::array<std::array<double, 3>, 2> levels
            = {{{3.0 / 6, 2.0 / 6, 1.0 / 6}, {0.25, 0.25, 0.5}}};
        std::array<double, 2> joint = {std::log(0.6), std::log(0.4)};
        if (!std::isnan(a)) {
            joint[0] += logNormal(a, 2, 2.0 / 3 + epsilon);
            joint[1] += logNormal(a, 12, 4 + epsilon);
        }
        if (b == 0 || b == 1 || b == 2) {
            for (std::size_t k = 0; k < 2; ++k)
                joint[k] += std::log(levels[k][static_cast<std::size_t>(b)]);
        }
        const double p0 = 1 / (1 + std::exp(joint[1] - joint[0]));
        const std::array<double, 2> row = {a, b};
        std::array<double, 2> p {};
        model->predictRow(row, p);
        QVERIFY2(std::abs(p[0] - p0) < 1e-12,
                 qPrintable(QStringLiteral("%1 vs %2").arg(p[0]).arg(p0)));
        QVERIFY(std::abs(p[1] - (1 - p0)) < 1e-12);
        // Contributions are each feature's log-likelihood term; missing ones are 0.
        for (int k = 0; k < 2; ++k) {
            const std::vector<double> terms = model->contributions(row, k);
            double sum = model->logPrior(k);
            for (double v : terms)
                sum += v;
            QVERIFY(std::abs(sum - joint[static_cast<std::size_t>(k)]) < 1e-12);
            if (std::isnan(a))
                QCOMPARE(terms[0], 0.0);
        }
    }

    void probabilitiesMatchScikitLearn_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QList<double>>("expected");
        // scikit-learn 1.2.1: GaussianNB().fit(X, y) on resources/samples/iris.csv (default
        // var_smoothing 1e-9), predict_proba of the listed rows. Iris has no feature that is
        // nearly constant within a class, so the precision floor leaves it untouched.
        QTest::newRow("row 0") << 0
                               << QList<double> {1.0, 1.3578426545097534e-18,
                                                 7.112835116303153e-26};
        QTest::newRow("row 25") << 25
                                << QList<double> {0.9999999999999996, 3.4984178374754443e-16,
                                                  6.622850859507933e-24};
        QTest::newRow("row 50") << 50
                                << QList<double> {3.213809354266301e-109, 0.8040376655396823,
                                                  0.19596233446031797};
        QTest::newRow("row 70") << 70
                                << QList<double> {2.591538028250168e-130, 0.15449408494388256,
                                                  0.8455059150561174};
        QTest::newRow("row 100") << 100
                                 << QList<double> {3.2324518072371566e-254, 6.353810311595854e-11,
                                                   0.9999999999364619};
        QTest::newRow("row 119") << 119
                                 << QList<double> {6.310865149954135e-126, 0.9581353618712692,
                                                   0.041864638128730806};
        QTest::newRow("row 133") << 133
                                 << QList<double> {2.6838258262863244e-131, 0.7126451442155288,
                                                   0.2873548557844708};
        QTest::newRow("row 149") << 149
                                 << QList<double> {3.2598824319148094e-146, 0.05600500915424877,
                                                   0.9439949908457513};
    }

    void probabilitiesMatchScikitLearn()
    {
        QFETCH(int, row);
        QFETCH(QList<double>, expected);
        const Table t = iris();
        for (const char *floor : {"true", "false"}) {
            const std::vector<double> p = learner_test::probaOf(*fitted(t, {{"precision_floor", floor}}), t.x);
            for (qsizetype k = 0; k < 3; ++k) {
                const double got = p[static_cast<std::size_t>(row * 3 + k)];
                QVERIFY2(std::abs(got - expected[k]) < 1e-9,
                         qPrintable(QStringLiteral("class %1: %2 vs %3")
                                        .arg(k)
                                        .arg(got, 0, 'g', 17)
                                        .arg(expected[k], 0, 'g', 17)));
            }
        }
    }

    void precisionFloorStopsAConstantFeatureFromVetoingAClass()
    {
        // Feature a is 0 for every row of class 0; a row with a = 1 that otherwise looks like
        // class 0 should not get probability ~0 for class 0 because of it.
        Table t;
        const std::size_t n = 40;
        t.x = FeatureMatrix(n, 2);
        for (std::size_t i = 0; i < n; ++i) {
            const bool zero = i < n / 2;
            t.x.at(i, 0) = zero ? 0.0 : double(i % 5);
            t.x.at(i, 1) = (zero ? 0.0 : 10.0) + double(i % 4);
            t.y.push_back(zero ? 0 : 1);
        }
        t.features = {{"a", false, 0}, {"b", false, 0}};
        t.classes = 2;
        const std::array<double, 2> row = {1.0, 1.0};
        std::array<double, 2> floored {}, plain {};
        fitted(t)->predictRow(row, floored);
        fitted(t, {{"precision_floor", "false"}})->predictRow(row, plain);
        QVERIFY2(plain[0] < 1e-100, qPrintable(QString::number(plain[0])));
        QVERIFY2(floored[0] > 0.5, qPrintable(QString::number(floored[0])));
    }

    void weightsCountAsRepeatedRows()
    {
        Table weighted = handMade();
        weighted.weights = {2, 1, 1, 1, 1};
        Table repeated = handMade();
        repeated.x = FeatureMatrix(6, 2);
        const std::array<std::size_t, 6> source = {0, 0, 1, 2, 3, 4};
        for (std::size_t i = 0; i < 6; ++i) {
            repeated.x.at(i, 0) = handMade().x.at(source[i], 0);
            repeated.x.at(i, 1) = handMade().x.at(source[i], 1);
        }
        repeated.y = {0, 0, 0, 0, 1, 1};
        auto a = fitted(weighted);
        auto b = fitted(repeated);
        QVERIFY(std::abs(a->mean(0, 0) - b->mean(0, 0)) < 1e-15);
        QVERIFY(std::abs(a->levelProbability(1, 0, 0) - b->levelProbability(1, 0, 0)) < 1e-15);
        QVERIFY(std::abs(a->logPrior(0) - b->logPrior(0)) < 1e-15);
    }

    void predictRowMatchesPredictProbaAndSumsToOne()
    {
        // Iris with a few values knocked out, and the hand-made mixed set.
        Table t = iris();
        for (std::size_t i = 0; i < t.y.size(); i += 7)
            t.x.at(i, i % 4) = kNan;
        for (const Table &data : {t, handMade()}) {
            auto model = fitted(data);
            const auto classes = static_cast<std::size_t>(model->classCount());
            const std::vector<double> all = learner_test::probaOf(*model, data.x);
            std::vector<double> row(data.x.cols()), p(classes);
            for (std::size_t i = 0; i < data.x.rows(); ++i) {
                data.x.copyRow(i, row);
                model->predictRow(row, p);
                double sum = 0;
                for (std::size_t k = 0; k < classes; ++k) {
                    QCOMPARE(p[k], all[i * classes + k]);
                    sum += p[k];
                }
                QVERIFY(std::abs(sum - 1) < 1e-12);
            }
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
        for (const Table &t : {iris(), handMade()}) {
            auto model = fitted(t);
            std::unique_ptr<NaiveBayes> loaded;
            if (kind == "binary")
                loaded
                    = roundTrip<boost::archive::binary_oarchive, boost::archive::binary_iarchive>(
                        *model);
            else if (kind == "text")
                loaded = roundTrip<boost::archive::text_oarchive, boost::archive::text_iarchive>(
                    *model);
            else
                loaded
                    = roundTrip<boost::archive::xml_oarchive, boost::archive::xml_iarchive>(*model);
            QCOMPARE(loaded->classCount(), model->classCount());
            QVERIFY(learner_test::probaOf(*loaded, t.x) == learner_test::probaOf(*model, t.x));
        }
    }

    void classWithoutRowsLoadsAndPredictsNearZero()
    {
        // A class listed but absent from the training rows (as in a cross-validation fold).
        Table t = handMade();
        t.classes = 3;
        auto model = fitted(t);
        auto loaded
            = roundTrip<boost::archive::text_oarchive, boost::archive::text_iarchive>(*model);
        const std::vector<double> p = learner_test::probaOf(*loaded, t.x);
        // exp(-inf) is taken as exp(-700), about 1e-304 (see linear_softmax.h).
        for (std::size_t i = 0; i < t.y.size(); ++i)
            QVERIFY(p[i * 3 + 2] < 1e-300);
    }

    void sameInputGivesSameOutput()
    {
        const Table t = iris();
        const std::vector<double> first = learner_test::probaOf(*fitted(t, {}, 2), t.x);
        QVERIFY(learner_test::probaOf(*fitted(t, {}, 2), t.x) == first);
        QVERIFY(learner_test::probaOf(*fitted(t, {}, 1), t.x) == first);
    }

    void cancelReturnsCancelled()
    {
        const Table t = iris();
        auto model = make();
        std::stop_source source;
        FitControl control;
        control.stop = source.get_token();
        source.request_stop();
        auto result = model->fit(t.set(), control);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(model->classCount(), 0);
    }

    void refusesASingleClass()
    {
        Table t = handMade();
        t.classes = 1;
        auto result = make()->fit(t.set(), FitControl());
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TestNaiveBayes)
#include "tst_naive_bayes.moc"
