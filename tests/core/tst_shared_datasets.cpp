// SPDX-License-Identifier: MIT
// Golden shapes and types of every shared dataset, read from disk and from the built-in
// samples, plus a check that the built-in copies match the shared originals.
#include "core/data/column_stats.h"
#include "core/data/samples.h"
#include "core/io/dataset_loader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtTest>

using namespace mb;

class TestSharedDatasets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsWithTheRightShape_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("numeric");
        QTest::addColumn<int>("categorical");
        QTest::addColumn<int>("classes");  // distinct values observed in the last column
        QTest::addColumn<int>("missing");  // missing cells in the whole table

        QTest::newRow("iris csv") << "iris.csv" << 150 << 4 << 1 << 3 << 0;
        QTest::newRow("wine csv") << "wine.csv" << 178 << 13 << 1 << 3 << 0;
        QTest::newRow("breast cancer csv") << "breast_cancer.csv" << 569 << 30 << 1 << 2 << 0;
        QTest::newRow("digits csv, numeric label") << "digits.csv" << 1797 << 65 << 0 << 10 << 0;
        QTest::newRow("iris arff") << "iris.arff" << 150 << 4 << 1 << 3 << 0;
        QTest::newRow("weather nominal arff") << "weather.nominal.arff" << 14 << 0 << 5 << 2 << 0;
        QTest::newRow("weather numeric arff") << "weather.numeric.arff" << 14 << 2 << 3 << 2 << 0;
        QTest::newRow("diabetes arff") << "diabetes.arff" << 768 << 8 << 1 << 2 << 0;
        QTest::newRow("contact lenses arff") << "contact-lenses.arff" << 24 << 0 << 5 << 3 << 0;
        QTest::newRow("glass arff, one declared class unused") << "glass.arff" << 214 << 9 << 1 << 6 << 0;
    }

    void loadsWithTheRightShape()
    {
        QFETCH(QString, file);
        QFETCH(int, rows);
        QFETCH(int, numeric);
        QFETCH(int, categorical);
        QFETCH(int, classes);
        QFETCH(int, missing);

        for (const QString &path : {QStringLiteral(MB_SHARED_DATASETS_DIR "/") + file,
                                    QStringLiteral("sample:") + file}) {
            auto data = loadDataset(path);
            QVERIFY2(data, data ? "" : data.error().describe().c_str());
            QCOMPARE(int(data->rowCount()), rows);
            int nNumeric = 0, nCategorical = 0;
            std::size_t nMissing = 0;
            for (const Column &c : data->columns()) {
                (c.isNumeric() ? nNumeric : nCategorical)++;
                nMissing += computeStats(c).missing;
            }
            QCOMPARE(nNumeric, numeric);
            QCOMPARE(nCategorical, categorical);
            QCOMPARE(int(nMissing), missing);
            QCOMPARE(int(computeStats(data->columns().back()).distinct), classes);
            QCOMPARE(QString::fromStdString(data->name()), file.section(QLatin1Char('.'), 0, -2));
        }
    }

    void builtInSamplesMatchTheSharedOriginals()
    {
        const QString shared = QStringLiteral(MB_SOURCE_DIR "/../shared/datasets");
        if (!QFile::exists(shared + QStringLiteral("/README.md")))
            QSKIP("the shared datasets folder is not beside this checkout");
        for (const SampleDataset &sample : sampleDatasets()) {
            QFile original(shared + QLatin1Char('/') + QString::fromUtf8(sample.fileName));
            QFile builtIn(samplePath(sample));
            QVERIFY2(original.open(QIODevice::ReadOnly), sample.fileName);
            QVERIFY2(builtIn.open(QIODevice::ReadOnly), sample.fileName);
            QCOMPARE(builtIn.readAll(), original.readAll());
        }
    }

    void everySampleIsListed()
    {
        QCOMPARE(sampleDatasets().size(), std::size_t(10));
        for (const SampleDataset &sample : sampleDatasets())
            QVERIFY2(QFile::exists(samplePath(sample)), sample.fileName);
    }
};

QTEST_GUILESS_MAIN(TestSharedDatasets)
#include "tst_shared_datasets.moc"
