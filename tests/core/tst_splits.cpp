// SPDX-License-Identifier: MIT
#include "core/eval/splits.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

using namespace mb;

namespace {

/// Class codes with `counts[c]` rows of class c, interleaved so that rows of one class are
/// not contiguous, plus `unlabelled` rows with code -1 spread among them.
std::vector<std::int32_t> labels(const QList<int> &counts, int unlabelled = 0)
{
    std::vector<std::int32_t> y;
    std::vector<int> left(counts.begin(), counts.end());
    bool any = true;
    while (any) {
        any = false;
        for (std::size_t c = 0; c < left.size(); ++c) {
            if (left[c] > 0) {
                y.push_back(static_cast<std::int32_t>(c));
                --left[c];
                any = true;
            }
        }
        if (unlabelled > 0) {
            y.push_back(-1);
            --unlabelled;
            any = true;
        }
    }
    return y;
}

std::vector<std::size_t> countByClass(std::span<const std::int32_t> y,
                                      std::span<const std::size_t> rows, int classes)
{
    std::vector<std::size_t> n(static_cast<std::size_t>(classes), 0);
    for (std::size_t r : rows)
        ++n[static_cast<std::size_t>(y[r])];
    return n;
}

std::vector<std::size_t> labelledRows(std::span<const std::int32_t> y)
{
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (y[i] >= 0)
            rows.push_back(i);
    }
    return rows;
}

} // namespace

class TestSplits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdoutKeepsClassProportions_data();
    void holdoutKeepsClassProportions();
    void kFoldPartitionsEveryRowOnce_data();
    void kFoldPartitionsEveryRowOnce();
    void sameSeedSameSplit();
    void differentSeedDifferentSplit();
    void tooFewFoldsGiveNothing();
    void shuffledIndicesArePermutations();
};

void TestSplits::holdoutKeepsClassProportions_data()
{
    QTest::addColumn<QList<int>>("counts");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<QList<int>>("expectedTest");
    QTest::newRow("three balanced classes, a quarter held out")
        << QList<int> {50, 50, 50} << 0.25 << QList<int> {13, 13, 13};
    QTest::newRow("imbalanced classes keep their ratio")
        << QList<int> {90, 10} << 0.3 << QList<int> {27, 3};
    QTest::newRow("a two-row class still gives one test row")
        << QList<int> {20, 2} << 0.1 << QList<int> {2, 1};
    QTest::newRow("a one-row class stays in training")
        << QList<int> {8, 1} << 0.5 << QList<int> {4, 0};
    QTest::newRow("a large fraction leaves one training row per class")
        << QList<int> {4, 3} << 0.95 << QList<int> {3, 2};
}

void TestSplits::holdoutKeepsClassProportions()
{
    QFETCH(QList<int>, counts);
    QFETCH(double, fraction);
    QFETCH(QList<int>, expectedTest);
    const std::vector<std::int32_t> y = labels(counts, 3);
    const Split split = stratifiedHoldout(y, fraction, 7);
    const int classes = static_cast<int>(counts.size());
    const auto test = countByClass(y, split.test, classes);
    const auto train = countByClass(y, split.train, classes);
    for (int c = 0; c < classes; ++c) {
        QCOMPARE(static_cast<int>(test[static_cast<std::size_t>(c)]), expectedTest[c]);
        QCOMPARE(static_cast<int>(train[static_cast<std::size_t>(c)]
                                  + test[static_cast<std::size_t>(c)]),
                 counts[c]);
    }
    // Disjoint, sorted, covering the labelled rows and nothing else.
    QVERIFY(std::ranges::is_sorted(split.train));
    QVERIFY(std::ranges::is_sorted(split.test));
    std::vector<std::size_t> all = split.train;
    all.insert(all.end(), split.test.begin(), split.test.end());
    std::ranges::sort(all);
    QCOMPARE(all, labelledRows(y));
}

void TestSplits::kFoldPartitionsEveryRowOnce_data()
{
    QTest::addColumn<QList<int>>("counts");
    QTest::addColumn<int>("folds");
    QTest::newRow("iris-like, ten folds") << QList<int> {50, 50, 50} << 10;
    QTest::newRow("imbalanced, five folds") << QList<int> {97, 13, 4} << 5;
    QTest::newRow("a class with fewer rows than folds") << QList<int> {30, 3} << 10;
    QTest::newRow("as many folds as rows") << QList<int> {3, 2} << 5;
}

void TestSplits::kFoldPartitionsEveryRowOnce()
{
    QFETCH(QList<int>, counts);
    QFETCH(int, folds);
    const std::vector<std::int32_t> y = labels(counts, 2);
    const std::vector<Split> splits = stratifiedKFold(y, folds, 11);
    QCOMPARE(static_cast<int>(splits.size()), folds);
    const std::vector<std::size_t> labelled = labelledRows(y);
    const int classes = static_cast<int>(counts.size());

    std::vector<int> timesInTest(y.size(), 0);
    std::size_t smallest = y.size(), largest = 0;
    std::vector<std::set<std::size_t>> foldsOfClass(static_cast<std::size_t>(classes));
    for (std::size_t f = 0; f < splits.size(); ++f) {
        const Split &s = splits[f];
        for (std::size_t r : s.test)
            ++timesInTest[r];
        // Train is exactly the labelled rows outside this fold's test rows.
        std::vector<std::size_t> both = s.train;
        both.insert(both.end(), s.test.begin(), s.test.end());
        std::ranges::sort(both);
        QCOMPARE(both, labelled);
        smallest = std::min(smallest, s.test.size());
        largest = std::max(largest, s.test.size());
        const auto perClass = countByClass(y, s.test, classes);
        for (int c = 0; c < classes; ++c) {
            const double share = static_cast<double>(counts[c]) / folds;
            const auto n = static_cast<double>(perClass[static_cast<std::size_t>(c)]);
            QVERIFY2(n >= std::floor(share) && n <= std::ceil(share),
                     "a class is not spread evenly");
            if (n > 0)
                foldsOfClass[static_cast<std::size_t>(c)].insert(f);
        }
    }
    for (std::size_t i = 0; i < y.size(); ++i)
        QCOMPARE(timesInTest[i], y[i] >= 0 ? 1 : 0);
    QVERIFY(largest - smallest <= 1);
    // A class smaller than the fold count reaches as many folds as it has rows.
    for (int c = 0; c < classes; ++c)
        QCOMPARE(static_cast<int>(foldsOfClass[static_cast<std::size_t>(c)].size()),
                 std::min(counts[c], folds));
}

void TestSplits::sameSeedSameSplit()
{
    const std::vector<std::int32_t> y = labels({40, 25, 10});
    QCOMPARE(stratifiedHoldout(y, 0.3, 5).test, stratifiedHoldout(y, 0.3, 5).test);
    const auto a = stratifiedKFold(y, 4, 5);
    const auto b = stratifiedKFold(y, 4, 5);
    for (std::size_t f = 0; f < a.size(); ++f)
        QCOMPARE(a[f].test, b[f].test);
}

void TestSplits::differentSeedDifferentSplit()
{
    const std::vector<std::int32_t> y = labels({40, 25, 10});
    QVERIFY(stratifiedHoldout(y, 0.3, 5).test != stratifiedHoldout(y, 0.3, 6).test);
    QVERIFY(stratifiedKFold(y, 4, 5)[0].test != stratifiedKFold(y, 4, 6)[0].test);
}

void TestSplits::tooFewFoldsGiveNothing()
{
    const std::vector<std::int32_t> y = labels({5, 5});
    QVERIFY(stratifiedKFold(y, 1, 1).empty());
    QVERIFY(stratifiedKFold(y, 0, 1).empty());
}

void TestSplits::shuffledIndicesArePermutations()
{
    const auto p = shuffledIndices(100, 3);
    std::vector<std::size_t> sorted = p;
    std::ranges::sort(sorted);
    for (std::size_t i = 0; i < sorted.size(); ++i)
        QCOMPARE(sorted[i], i);
    QVERIFY(p != sorted); // 1 in 100! that a shuffle leaves everything in place
    QCOMPARE(shuffledIndices(100, 3), p);
    QVERIFY(shuffledIndices(100, 4) != p);
    QVERIFY(shuffledIndices(0, 1).empty());
}

QTEST_GUILESS_MAIN(TestSplits)
#include "tst_splits.moc"
