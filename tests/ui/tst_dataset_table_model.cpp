// SPDX-License-Identifier: MIT
#include "core/data/dataset.h"
#include "core/io/dataset_loader.h"
#include "ui/data/column_list_model.h"
#include "ui/data/dataset_table_model.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QFont>
#include <QPalette>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <limits>

using namespace mb;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Four rows: a categorical column with a missing value, numeric ones with and without.
Dataset mixedDataset()
{
    Dataset data;
    data.setName("mixed");
    data.addColumn(
        Column::categorical("colour", {0, 1, Column::kMissingCode, 0}, {"red", "green"}));
    Column size = Column::numeric("size", {1.5, kNaN, 3, 1e-7});
    size.setTypeReason("every value is a number");
    data.addColumn(std::move(size));
    data.addColumn(Column::numeric("count", {1, 2, 2, 40000}));
    data.addColumn(Column::categorical("label", {0, 1, 1, 0}, {"yes", "no"}));
    data.setTarget(3);
    return data;
}

Dataset iris()
{
    Expected<Dataset> data = loadDataset(QStringLiteral("sample:iris.csv"));
    if (!data)
        qFatal("cannot load the iris sample: %s", data.error().describe().c_str());
    if (!data->targetIndex())
        data->setTarget(data->columnCount() - 1);
    return std::move(*data);
}

} // namespace

class TestDatasetTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tableModelPassesTheModelTester_data();
    void tableModelPassesTheModelTester();
    void columnListPassesTheModelTester_data();
    void columnListPassesTheModelTester();
    void formatsCellsOnDemand_data();
    void formatsCellsOnDemand();
    void showsMissingAsGreyQuestionMark();
    void alignsNumbersRight();
    void headerShowsTypeAndMarksTarget();
    void headerFollowsTargetChange();
    void columnListShowsStats();
    void detachesFromDataset();
    void servesMillionRows();
};

void TestDatasetTableModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDatasetTableModel::tableModelPassesTheModelTester_data()
{
    QTest::addColumn<bool>("useIris");
    QTest::newRow("iris sample") << true;
    QTest::newRow("missing values and categorical columns") << false;
}

void TestDatasetTableModel::tableModelPassesTheModelTester()
{
    QFETCH(bool, useIris);
    const Dataset data = useIris ? iris() : mixedDataset();
    DatasetTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDataset(&data);
    QCOMPARE(model.rowCount(), int(data.rowCount()));
    QCOMPARE(model.columnCount(), int(data.columnCount()));
    model.refreshHeaders();
    model.setDataset(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestDatasetTableModel::columnListPassesTheModelTester_data()
{
    tableModelPassesTheModelTester_data();
}

void TestDatasetTableModel::columnListPassesTheModelTester()
{
    QFETCH(bool, useIris);
    const Dataset data = useIris ? iris() : mixedDataset();
    ColumnListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDataset(&data);
    QCOMPARE(model.rowCount(), int(data.columnCount()));
    QCOMPARE(model.columnCount(), int(ColumnListModel::SectionCount));
    model.refreshRoles();
    model.setDataset(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestDatasetTableModel::formatsCellsOnDemand_data()
{
    QTest::addColumn<bool>("useIris");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::newRow("iris first sepal length") << true << 0 << 0 << QStringLiteral("5.1");
    QTest::newRow("iris whole number written as 3") << true << 1 << 1 << QStringLiteral("3");
    QTest::newRow("iris last species") << true << 149 << 4 << QStringLiteral("virginica");
    QTest::newRow("level name") << false << 1 << 0 << QStringLiteral("green");
    QTest::newRow("missing level") << false << 2 << 0 << QStringLiteral("?");
    QTest::newRow("missing number") << false << 1 << 1 << QStringLiteral("?");
    QTest::newRow("tiny number in shortest form") << false << 3 << 1 << QStringLiteral("1e-07");
    QTest::newRow("large whole number without separators")
        << false << 3 << 2 << QStringLiteral("40000");
}

void TestDatasetTableModel::formatsCellsOnDemand()
{
    QFETCH(bool, useIris);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    const Dataset data = useIris ? iris() : mixedDataset();
    DatasetTableModel model;
    model.setDataset(&data);
    QCOMPARE(model.data(model.index(row, column)).toString(), text);
}

void TestDatasetTableModel::showsMissingAsGreyQuestionMark()
{
    const Dataset data = mixedDataset();
    DatasetTableModel model;
    model.setDataset(&data);
    const QModelIndex missing = model.index(1, 1);
    QCOMPARE(missing.data().toString(), QStringLiteral("?"));
    const QVariant brush = missing.data(Qt::ForegroundRole);
    QVERIFY(brush.canConvert<QBrush>());
    const QColor grey = brush.value<QBrush>().color();
    const QColor text = QPalette().color(QPalette::Active, QPalette::Text);
    QVERIFY2(grey != text, "missing values must not look like ordinary values");
    // Present values keep the view's colour.
    QVERIFY(!model.index(0, 1).data(Qt::ForegroundRole).isValid());
}

void TestDatasetTableModel::alignsNumbersRight()
{
    const Dataset data = mixedDataset();
    DatasetTableModel model;
    model.setDataset(&data);
    const auto alignment = [&](int column) {
        return Qt::Alignment(model.index(0, column).data(Qt::TextAlignmentRole).toInt());
    };
    QVERIFY(alignment(1) & Qt::AlignRight);
    QVERIFY(alignment(0) & Qt::AlignLeft);
}

void TestDatasetTableModel::headerShowsTypeAndMarksTarget()
{
    const Dataset data = mixedDataset();
    DatasetTableModel model;
    model.setDataset(&data);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("size"));
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("1"));
    QCOMPARE(model.headerData(3, Qt::Vertical).toString(), QStringLiteral("4"));

    const QString sizeTip = model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString();
    QVERIFY2(sizeTip.contains(QStringLiteral("Numeric")), qPrintable(sizeTip));
    QVERIFY2(sizeTip.contains(QStringLiteral("every value is a number")), qPrintable(sizeTip));
    const QString colourTip = model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString();
    QVERIFY2(colourTip.contains(QStringLiteral("Categorical (2 levels)")), qPrintable(colourTip));
    QVERIFY(model.headerData(3, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Target")));

    QVERIFY(model.headerData(3, Qt::Horizontal, Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.headerData(1, Qt::Horizontal, Qt::FontRole).value<QFont>().bold());
}

void TestDatasetTableModel::headerFollowsTargetChange()
{
    Dataset data = mixedDataset();
    DatasetTableModel table;
    ColumnListModel columns;
    table.setDataset(&data);
    columns.setDataset(&data);
    QSignalSpy headerSpy(&table, &QAbstractItemModel::headerDataChanged);
    QSignalSpy dataSpy(&columns, &QAbstractItemModel::dataChanged);

    data.setTarget(0);
    table.refreshHeaders();
    columns.refreshRoles();
    QCOMPARE(headerSpy.count(), 1);
    QCOMPARE(dataSpy.count(), 1);
    QVERIFY(table.headerData(0, Qt::Horizontal, Qt::FontRole).value<QFont>().bold());
    QVERIFY(!table.headerData(3, Qt::Horizontal, Qt::FontRole).value<QFont>().bold());
    QCOMPARE(columns.index(0, ColumnListModel::RoleSection).data().toString(),
             QStringLiteral("Target"));
    QCOMPARE(columns.index(3, ColumnListModel::RoleSection).data().toString(),
             QStringLiteral("Feature"));
}

void TestDatasetTableModel::columnListShowsStats()
{
    const Dataset data = mixedDataset();
    ColumnListModel model;
    model.setDataset(&data);
    const auto cell = [&](int row, int section) {
        return model.index(row, section).data().toString();
    };
    QCOMPARE(cell(0, ColumnListModel::NameSection), QStringLiteral("colour"));
    QCOMPARE(cell(0, ColumnListModel::TypeSection), QStringLiteral("Categorical"));
    QCOMPARE(cell(0, ColumnListModel::MissingSection), QStringLiteral("1"));
    QCOMPARE(cell(0, ColumnListModel::DistinctSection), QStringLiteral("2"));
    QCOMPARE(cell(1, ColumnListModel::TypeSection), QStringLiteral("Numeric"));
    QCOMPARE(cell(1, ColumnListModel::MissingSection), QStringLiteral("1"));
    QCOMPARE(cell(2, ColumnListModel::DistinctSection), QStringLiteral("3"));
    QCOMPARE(cell(3, ColumnListModel::RoleSection), QStringLiteral("Target"));
    QCOMPARE(cell(2, ColumnListModel::RoleSection), QStringLiteral("Feature"));
    QCOMPARE(model.index(1, ColumnListModel::TypeSection).data(Qt::ToolTipRole).toString(),
             QStringLiteral("every value is a number"));
    QVERIFY(model.index(3, ColumnListModel::NameSection).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(model.stats(2).max, 40000.0);
    QCOMPARE(model.headerData(ColumnListModel::MissingSection, Qt::Horizontal).toString(),
             QStringLiteral("Missing"));
}

void TestDatasetTableModel::detachesFromDataset()
{
    DatasetTableModel model;
    QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
    {
        const Dataset data = mixedDataset();
        model.setDataset(&data);
        model.setDataset(nullptr);
    }
    QCOMPARE(resetSpy.count(), 2);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    QVERIFY(!model.headerData(0, Qt::Horizontal).isValid());
}

void TestDatasetTableModel::servesMillionRows()
{
    constexpr std::size_t kRows = 1'000'000;
    std::vector<double> values(kRows);
    std::vector<std::int32_t> codes(kRows);
    for (std::size_t i = 0; i < kRows; ++i) {
        values[i] = double(i) * 0.5;
        codes[i] = std::int32_t(i % 3);
    }
    values[kRows - 2] = kNaN;
    Dataset data;
    data.setName("synthetic");
    data.addColumn(Column::numeric("x", std::move(values)));
    data.addColumn(Column::categorical("y", std::move(codes), {"a", "b", "c"}));
    data.setTarget(1);

    DatasetTableModel model;
    model.setDataset(&data);
    QCOMPARE(model.rowCount(), 1'000'000);
    QCOMPARE(model.index(999'999, 0).data().toString(), QStringLiteral("499999.5"));
    QCOMPARE(model.index(999'999, 1).data().toString(), QStringLiteral("a"));
    QCOMPARE(model.index(999'998, 0).data().toString(), QStringLiteral("?"));
    QCOMPARE(model.headerData(999'999, Qt::Vertical).toString(), QStringLiteral("1000000"));
    QVERIFY(!model.index(1'000'000, 0).isValid());

    ColumnListModel columns;
    columns.setDataset(&data);
    QCOMPARE(columns.index(0, ColumnListModel::MissingSection).data().toString(),
             QStringLiteral("1"));
    QCOMPARE(columns.stats(1).levels.size(), std::size_t(3));
}

QTEST_MAIN(TestDatasetTableModel)
#include "tst_dataset_table_model.moc"
