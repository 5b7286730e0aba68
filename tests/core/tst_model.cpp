// SPDX-License-Identifier: MIT
// The preprocessing a Model owns: schema, column matching by name, unseen categories, imputation,
// class lists, and the errors a person can meet.
#include "core/ml/model.h"

#include <QtTest>

#include <cmath>

using namespace mb;

namespace {

/// Two numeric features, one categorical, and a categorical target "y" with classes a/b.
Dataset smallTable()
{
    Dataset d;
    d.setName("small");
    d.addColumn(Column::numeric("x1", {1, 2, 3, 4, 5, 6, Column::kMissingValue, 8}));
    d.addColumn(Column::numeric("x2", {0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.4, 0.6}));
    d.addColumn(Column::categorical("colour", {0, 1, 0, 1, 0, 2, Column::kMissingCode, 1}, {"red", "blue", "green"}));
    d.addColumn(Column::categorical("y", {0, 1, 0, 1, 0, 1, 0, 1}, {"a", "b"}));
    return d;
}

Model trainOn(const Dataset &d, const std::string &algo = "logreg")
{
    auto m = Model::train(d, {}, algo, {}, {});
    if (!m)
        qFatal("%s", m.error().message.c_str());
    return std::move(*m);
}

} // namespace

class TestModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schemaRecordsRangesMediansAndLevels()
    {
        const Model m = trainOn(smallTable());
        const InputSchema &s = m.schema();
        QCOMPARE(s.features.size(), std::size_t(3));
        QCOMPARE(s.targetName, std::string("y"));
        QCOMPARE(s.classes, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(s.features[0].min, 1.0);
        QCOMPARE(s.features[0].max, 8.0);
        QCOMPARE(s.features[0].median, 4.0);  // of 1 2 3 4 5 6 8
        QVERIFY(s.features[2].categorical);
        QCOMPARE(s.features[2].mode, 0);  // red and blue both appear 3 times; the first wins
        QCOMPARE(m.recipe().rows, std::size_t(8));
        QCOMPARE(m.recipe().datasetName, std::string("small"));
        QVERIFY(m.recipe().params.contains("C"));
    }

    void columnsAreMatchedByNameInAnyOrder()
    {
        const Dataset train = smallTable();
        const Model m = trainOn(train);
        Dataset shuffled;
        shuffled.addColumn(Column::categorical("colour", {2, 1}, {"blue", "red", "green"}));
        shuffled.addColumn(Column::numeric("extra", {9, 9}));
        shuffled.addColumn(Column::numeric("x2", {0.5, 0.1}));
        shuffled.addColumn(Column::numeric("x1", {1, 2}));
        auto x = m.encode(shuffled);
        QVERIFY(x);
        QCOMPARE(x->at(0, 0), 1.0);
        QCOMPARE(x->at(1, 1), 0.1);
        QCOMPARE(x->at(0, 2), 2.0);  // "green": code 2 here, training level 2
        QCOMPARE(x->at(1, 2), 0.0);  // "red": code 1 here, training level 0
    }

    void unseenCategoriesAreMissingThenImputed()
    {
        const Model m = trainOn(smallTable());
        Dataset later;
        later.addColumn(Column::numeric("x1", {Column::kMissingValue}));
        later.addColumn(Column::numeric("x2", {0.5}));
        later.addColumn(Column::categorical("colour", {0}, {"purple"}));
        EncodeReport report;
        auto x = m.encode(later, {}, &report);
        QVERIFY(x);
        QCOMPARE(report.unseenCategories, std::size_t(1));
        QCOMPARE(report.missingValues, std::size_t(2));
        QCOMPARE(x->at(0, 0), 4.0);  // the training median
        QCOMPARE(x->at(0, 2), 0.0);  // the most frequent training level
        std::vector<double> p(2);
        m.predictProba(*x, p);
        QVERIFY(std::fabs(p[0] + p[1] - 1) < 1e-12);
    }

    void naiveBayesSeesMissingValuesAsTheyAre()
    {
        const Model m = trainOn(smallTable(), "nb");
        Dataset later;
        later.addColumn(Column::numeric("x1", {Column::kMissingValue}));
        later.addColumn(Column::numeric("x2", {0.5}));
        later.addColumn(Column::categorical("colour", {0}, {"red"}));
        auto x = m.encode(later);
        QVERIFY(x);
        QVERIFY(std::isnan(x->at(0, 0)));
    }

    void predictRowEqualsTheBlockPrediction()
    {
        const Dataset d = smallTable();
        const Model m = trainOn(d);
        auto x = m.encode(d);
        QVERIFY(x);
        std::vector<double> block(x->rows() * 2);
        m.predictProba(*x, block);
        std::vector<double> row(x->cols()), p(2);
        for (std::size_t r = 0; r < x->rows(); ++r) {
            x->copyRow(r, row);
            m.predictRow(row, p);
            QCOMPARE(p[0], block[r * 2]);
            QCOMPARE(p[1], block[r * 2 + 1]);
        }
        // A missing value in a single row is imputed the same way as in a block.
        std::vector<double> withGap{Column::kMissingValue, 0.5, 0};
        m.predictRow(withGap, p);
        QVERIFY(std::isfinite(p[0]));
    }

    void aNumericTargetWithFewValuesIsAClassLabel()
    {
        Dataset d;
        d.addColumn(Column::numeric("x", {1, 2, 3, 4, 5, 6}));
        d.addColumn(Column::numeric("digit", {7, 3, 7, 3, 7, 3}));
        const Model m = trainOn(d, "nb");
        QCOMPARE(m.schema().classes, (std::vector<std::string>{"3", "7"}));
        auto y = m.encodeTarget(d);
        QVERIFY(y);
        QCOMPARE((*y)[0], 1);
    }

    void mistakesGiveClearErrors_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("only one class") << 0 << "only one class ('a')";
        QTest::newRow("a continuous target") << 1 << "more than 100 distinct values";
        QTest::newRow("no feature columns") << 2 << "at least one feature column";
        QTest::newRow("unknown learner") << 3 << "unknown learner 'svm'";
        QTest::newRow("every target missing") << 4 << "no training rows with a target value";
    }

    void mistakesGiveClearErrors()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        Dataset d;
        std::string algo = "nb";
        switch (which) {
        case 0:
            d.addColumn(Column::numeric("x", {1, 2}));
            d.addColumn(Column::categorical("y", {0, 0}, {"a", "b"}));
            break;
        case 1: {
            std::vector<double> x(200), y(200);
            for (int i = 0; i < 200; ++i)
                x[std::size_t(i)] = y[std::size_t(i)] = i * 0.5;
            d.addColumn(Column::numeric("x", x));
            d.addColumn(Column::numeric("y", y));
            break;
        }
        case 2:
            d.addColumn(Column::categorical("y", {0, 1}, {"a", "b"}));
            break;
        case 3:
            d = smallTable();
            algo = "svm";
            break;
        case 4:
            d.addColumn(Column::numeric("x", {1, 2}));
            d.addColumn(Column::categorical("y", {Column::kMissingCode, Column::kMissingCode}, {"a", "b"}));
            break;
        }
        auto m = Model::train(d, {}, algo, {}, {});
        QVERIFY(!m);
        QVERIFY2(QString::fromStdString(m.error().message).contains(message), m.error().message.c_str());
    }

    void encodingAFileWithoutAFeatureNamesIt()
    {
        const Model m = trainOn(smallTable());
        Dataset partial;
        partial.addColumn(Column::numeric("x1", {1}));
        auto x = m.encode(partial);
        QVERIFY(!x);
        QVERIFY(QString::fromStdString(x.error().message).contains(QStringLiteral("no column 'x2'")));
    }

    void probeRowsCoverSeveralClasses()
    {
        const Model m = trainOn(smallTable());
        const std::size_t width = m.schema().features.size();
        QCOMPARE(m.probeRows().size(), 8 * width);  // 8 rows, alternating classes a and b
        QCOMPARE(m.probeRows()[0], 1.0);          // row 0 (class a)
        QCOMPARE(m.probeRows()[width], 2.0);      // row 1 (class b)
    }

    void theFingerprintFollowsTheData()
    {
        Dataset a = smallTable();
        Dataset b = smallTable();
        b.column(1).mutableValues()[0] = 0.55;
        QVERIFY(trainOn(a).recipe().fingerprint == trainOn(smallTable()).recipe().fingerprint);
        QVERIFY(trainOn(a).recipe().fingerprint != trainOn(b).recipe().fingerprint);
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
