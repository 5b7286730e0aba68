// SPDX-License-Identifier: MIT
#include "core/data/column_stats.h"
#include "core/data/dataset.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace mb;

class TestDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duplicateNamesAreMadeUniqueWithAWarning()
    {
        Dataset data;
        data.addColumn(Column::numeric("x", {1, 2}));
        data.addColumn(Column::numeric("x", {3, 4}));
        data.addColumn(Column::numeric("x", {5, 6}));
        QCOMPARE(data.column(1).name(), std::string("x_2"));
        QCOMPARE(data.column(2).name(), std::string("x_3"));
        QCOMPARE(data.warnings().size(), std::size_t(2));
        QCOMPARE(data.columnIndex("x_3"), std::optional<std::size_t>(2));
    }

    void onlyOneColumnIsTheTarget()
    {
        Dataset data;
        data.addColumn(Column::numeric("a", {1}));
        data.addColumn(Column::numeric("b", {2}));
        QVERIFY(!data.targetIndex());
        data.setTarget(0);
        data.setTarget(1);
        QCOMPARE(data.targetIndex(), std::optional<std::size_t>(1));
        QCOMPARE(data.column(0).role(), ColumnRole::Feature);
    }

    void numericStatsSkipMissingValues()
    {
        const Column c = Column::numeric("v", {1.0, Column::kMissingValue, 3.0, 3.0});
        const ColumnStats s = computeStats(c);
        QCOMPARE(s.missing, std::size_t(1));
        QCOMPARE(s.distinct, std::size_t(2));
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 3.0);
        QCOMPARE(s.mean, 7.0 / 3.0);
    }

    void distinctCountMatchesSortAndUnique()
    {
        // Many values, many repeats, both zeros and a few NaNs: the hash count must agree with
        // the obvious sort-and-unique count (where -0.0 == 0.0).
        std::mt19937_64 rng(7);
        std::uniform_int_distribution<int> pick(-5000, 5000);
        std::vector<double> values;
        for (int i = 0; i < 100000; ++i)
            values.push_back(i % 997 == 0 ? Column::kMissingValue : pick(rng) * 0.125);
        values.push_back(-0.0);
        values.push_back(0.0);
        std::vector<double> present;
        for (double v : values)
            if (!std::isnan(v))
                present.push_back(v);
        std::ranges::sort(present);
        const auto expected = static_cast<std::size_t>(std::unique(present.begin(), present.end()) - present.begin());
        const ColumnStats s = computeStats(Column::numeric("v", values));
        QCOMPARE(s.distinct, expected);
        QVERIFY(s.distinct > 9000);
    }

    void datasetStatsInParallelEqualOneByOne()
    {
        Dataset data;
        for (int j = 0; j < 7; ++j) {
            std::vector<double> v;
            for (int i = 0; i < 1000; ++i)
                v.push_back(std::fmod(i * (j + 1) * 0.37, 17.0));
            std::string name = "c"; // not "c" + ...: g++ 12 warns falsely (-Wrestrict, PR 105329)
            name += std::to_string(j);
            data.addColumn(Column::numeric(name, v));
        }
        const std::vector<ColumnStats> all = computeStats(data, 2);
        QCOMPARE(all.size(), data.columnCount());
        for (std::size_t j = 0; j < all.size(); ++j) {
            const ColumnStats one = computeStats(data.column(j));
            QCOMPARE(all[j].distinct, one.distinct);
            QCOMPARE(all[j].mean, one.mean);
        }
    }

    void allMissingNumericColumnHasNoRange()
    {
        const ColumnStats s = computeStats(Column::numeric("v", {Column::kMissingValue}));
        QCOMPARE(s.missing, std::size_t(1));
        QCOMPARE(s.distinct, std::size_t(0));
        QVERIFY(std::isnan(s.mean));
    }

    void categoricalStatsCountLevelsInLevelOrder()
    {
        const Column c = Column::categorical("c", {1, 1, Column::kMissingCode, 0}, {"b", "a", "unused"});
        const ColumnStats s = computeStats(c);
        QCOMPARE(s.missing, std::size_t(1));
        QCOMPARE(s.distinct, std::size_t(2));
        QCOMPARE(s.levels.size(), std::size_t(3));
        QCOMPARE(s.levels[0].value, std::string("b"));
        QCOMPARE(s.levels[0].count, std::size_t(1));
        QCOMPARE(s.levels[1].count, std::size_t(2));
        QCOMPARE(s.levels[2].count, std::size_t(0));
        QVERIFY(c.isMissing(2));
        QVERIFY(!c.isMissing(0));
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
