// SPDX-License-Identifier: MIT
#include "core/ml/binned_matrix.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using mb::BinnedMatrix;
using mb::FeatureInfo;
using mb::FeatureMatrix;

namespace {

FeatureMatrix column(const std::vector<double> &values)
{
    FeatureMatrix x(values.size(), 1);
    for (std::size_t i = 0; i < values.size(); ++i)
        x.at(i, 0) = values[i];
    return x;
}

std::vector<FeatureInfo> numeric(std::size_t count)
{
    return std::vector<FeatureInfo>(count);
}

} // namespace

class TestBinnedMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fewDistinctValuesUseMidpoints_data();
    void fewDistinctValuesUseMidpoints();
    void manyDistinctValuesUseAtMostMaxBins_data();
    void manyDistinctValuesUseAtMostMaxBins();
    void thresholdsAgreeWithBins();
    void splitThresholdIsMidpointOfTrainingValues();
    void missingValuesGoToFirstBin();
    void categoricalCodesAreBins();
    void sameSeedSameBinsWhateverTheThreads();
};

void TestBinnedMatrix::fewDistinctValuesUseMidpoints_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<std::vector<double>>("edges");
    QTest::newRow("three integers") << std::vector<double>{3, 1, 2, 1, 3} << std::vector<double>{1.5, 2.5};
    QTest::newRow("uneven gaps") << std::vector<double>{0, 10, 0.5, 10} << std::vector<double>{0.25, 5.25};
    QTest::newRow("negative and positive") << std::vector<double>{-4, 4, -4} << std::vector<double>{0};
    QTest::newRow("one value") << std::vector<double>{7, 7, 7} << std::vector<double>{};
}

void TestBinnedMatrix::fewDistinctValuesUseMidpoints()
{
    QFETCH(std::vector<double>, values);
    QFETCH(std::vector<double>, edges);
    const BinnedMatrix m = BinnedMatrix::build(column(values), numeric(1));
    const std::span<const double> got = m.edges(0);
    QCOMPARE(std::vector<double>(got.begin(), got.end()), edges);
    QCOMPARE(m.binCount(0), static_cast<int>(edges.size()) + 1);
    // Equal values share a bin, and bins follow the order of the values.
    for (std::size_t i = 0; i < values.size(); ++i) {
        for (std::size_t j = 0; j < values.size(); ++j) {
            QCOMPARE(values[i] < values[j], m.bin(i, 0) < m.bin(j, 0));
            QCOMPARE(values[i] == values[j], m.bin(i, 0) == m.bin(j, 0));
        }
    }
}

void TestBinnedMatrix::manyDistinctValuesUseAtMostMaxBins_data()
{
    QTest::addColumn<int>("maxBins");
    QTest::addColumn<int>("rows");
    QTest::newRow("default 255 bins, ten thousand values") << 255 << 10000;
    QTest::newRow("16 bins") << 16 << 5000;
    QTest::newRow("two bins") << 2 << 1000;
}

void TestBinnedMatrix::manyDistinctValuesUseAtMostMaxBins()
{
    QFETCH(int, maxBins);
    QFETCH(int, rows);
    std::mt19937_64 rng(1);
    std::normal_distribution<double> normal;
    std::vector<double> values(static_cast<std::size_t>(rows));
    for (double &v : values)
        v = normal(rng);
    const BinnedMatrix m = BinnedMatrix::build(column(values), numeric(1), maxBins);
    QVERIFY(m.binCount(0) <= maxBins);
    QVERIFY(m.binCount(0) >= maxBins - 1);  // quantiles of distinct values fill (nearly) every bin
    // Quantile bins hold similar numbers of rows.
    std::vector<int> counts(static_cast<std::size_t>(m.binCount(0)), 0);
    for (std::size_t r = 0; r < m.rows(); ++r)
        ++counts[m.bin(r, 0)];
    const int largest = *std::max_element(counts.begin(), counts.end());
    QVERIFY2(largest <= 2 * rows / maxBins + 2, qPrintable(QString::number(largest)));
}

void TestBinnedMatrix::thresholdsAgreeWithBins()
{
    std::mt19937_64 rng(2);
    std::uniform_int_distribution<int> pick(0, 400);
    FeatureMatrix x(3000, 2);
    for (std::size_t r = 0; r < x.rows(); ++r) {
        x.at(r, 0) = pick(rng) * 0.25;            // 401 distinct values: quantile bins
        x.at(r, 1) = std::floor(pick(rng) / 50.0);  // 9 distinct values: one bin each
    }
    const BinnedMatrix m = BinnedMatrix::build(x, numeric(2));
    for (std::size_t f = 0; f < 2; ++f) {
        for (int b = 0; b + 1 < m.binCount(f); ++b) {
            for (std::size_t r = 0; r < x.rows(); ++r)
                QCOMPARE(x.at(r, f) <= m.threshold(f, b), m.bin(r, f) <= b);
        }
        for (std::size_t r = 0; r < x.rows(); ++r)
            QCOMPARE(m.binOf(f, x.at(r, f)), m.bin(r, f));
    }
}

void TestBinnedMatrix::splitThresholdIsMidpointOfTrainingValues()
{
    const BinnedMatrix m = BinnedMatrix::build(column({1, 2, 5, 9}), numeric(1));
    QCOMPARE(m.binLow(0, 2), 5.0);
    QCOMPARE(m.binHigh(0, 2), 5.0);
    // Bins 1 and 3 with bin 2 empty at the node: halfway between 2 and 9, as scikit-learn.
    QCOMPARE(m.splitThreshold(0, 1, 3), 5.5);
    QCOMPARE(m.splitThreshold(0, 0, 1), 1.5);
    // Adjacent doubles: the midpoint would round up to the right value, so the left one is used.
    const double a = 1.0;
    const double b = std::nextafter(1.0, 2.0);
    const BinnedMatrix tight = BinnedMatrix::build(column({a, b}), numeric(1));
    QCOMPARE(tight.splitThreshold(0, 0, 1), a);
}

void TestBinnedMatrix::missingValuesGoToFirstBin()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const BinnedMatrix m = BinnedMatrix::build(column({nan, 3, 4, nan}), numeric(1));
    QCOMPARE(m.bin(0, 0), std::uint8_t(0));
    QCOMPARE(m.bin(3, 0), std::uint8_t(0));
    QCOMPARE(m.binCount(0), 2);
    QCOMPARE(m.threshold(0, 0), 3.5);
}

void TestBinnedMatrix::categoricalCodesAreBins()
{
    FeatureMatrix x(4, 1);
    const double codes[] = {0, 2, 299, 1};
    for (std::size_t r = 0; r < 4; ++r)
        x.at(r, 0) = codes[r];
    const std::vector<FeatureInfo> features{{"colour", true, 300}};
    const BinnedMatrix m = BinnedMatrix::build(x, features);
    QVERIFY(m.isCategorical(0));
    QCOMPARE(m.binCount(0), 255);
    QCOMPARE(m.bin(0, 0), std::uint8_t(0));
    QCOMPARE(m.bin(1, 0), std::uint8_t(2));
    QCOMPARE(m.bin(2, 0), std::uint8_t(254));  // codes above 254 share the last bin
    QCOMPARE(m.bin(3, 0), std::uint8_t(1));
}

void TestBinnedMatrix::sameSeedSameBinsWhateverTheThreads()
{
    // More rows than the edge sample, so the seed matters.
    std::mt19937_64 rng(3);
    std::exponential_distribution<double> draw(1.0);
    FeatureMatrix x(250'000, 2);
    for (std::size_t f = 0; f < 2; ++f) {
        for (std::size_t r = 0; r < x.rows(); ++r)
            x.at(r, f) = draw(rng);
    }
    const BinnedMatrix one = BinnedMatrix::build(x, numeric(2), 255, 7, 1);
    const BinnedMatrix two = BinnedMatrix::build(x, numeric(2), 255, 7, 2);
    const BinnedMatrix other = BinnedMatrix::build(x, numeric(2), 255, 8, 2);
    QVERIFY(std::equal(one.data(), one.data() + x.rows() * 2, two.data()));
    const auto e1 = one.edges(0), e2 = two.edges(0), e3 = other.edges(0);
    QVERIFY(std::equal(e1.begin(), e1.end(), e2.begin(), e2.end()));
    QVERIFY(!std::equal(e1.begin(), e1.end(), e3.begin(), e3.end()));
}

QTEST_GUILESS_MAIN(TestBinnedMatrix)
#include "tst_binned_matrix.moc"
