// SPDX-License-Identifier: MIT
// Chinese names in the data: a column "颜色" holding "红" and "蓝", a class column "类别" and a
// file "水果.csv" keep their UTF-8 bytes from the CSV file through training, the model file
// (every archive kind), the catalog and back into the prediction form.
#include "core/catalog/catalog.h"
#include "core/data/dataset.h"
#include "core/io/dataset_loader.h"
#include "core/ml/model.h"
#include "core/model/model_file.h"
#include "ui/predict/predict_page.h"
#include "widget_test_support.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>

using namespace mb;

Q_DECLARE_METATYPE(mb::ArchiveKind)

class TestChineseNames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sourceIsCompiledAsUtf8();
    void namesSurviveLoadTrainFileCatalogAndForm_data();
    void namesSurviveLoadTrainFileCatalogAndForm();

private:
    QTemporaryDir m_dir;
};

namespace {

// The bytes every step must give back, spelled out so a change of encoding anywhere shows.
const std::string kColour = "颜色"; // e9 a2 9c e8 89 b2
const std::string kRed = "红"; // e7 ba a2
const std::string kBlue = "蓝"; // e8 93 9d
const std::string kLength = "长度";
const std::string kClass = "类别";
const std::string kApple = "苹果";
const std::string kBanana = "香蕉";
const std::string kDatasetName = "水果";
const QString kModelName = QStringLiteral("水果分类");

QString q(const std::string &utf8)
{
    return QString::fromStdString(utf8);
}

// Red fruit are apples, blue ones bananas (it is a test), whatever their length.
QByteArray fruitCsv()
{
    QByteArray csv = QByteArray::fromStdString(kColour + "," + kLength + "," + kClass + "\n");
    for (int i = 0; i < 40; ++i) {
        const bool red = i % 2 == 0;
        csv += QByteArray::fromStdString(red ? kRed : kBlue) + ',' + QByteArray::number(10 + i % 7)
            + ',' + QByteArray::fromStdString(red ? kApple : kBanana) + '\n';
    }
    return csv;
}

void compareSchema(const InputSchema &schema)
{
    QCOMPARE(schema.features.size(), std::size_t(2));
    const FeatureSchema &colour = schema.features[0];
    QCOMPARE(colour.name, kColour);
    QVERIFY(colour.categorical);
    QCOMPARE(colour.levels, (std::vector<std::string> {kRed, kBlue}));
    QCOMPARE(schema.features[1].name, kLength);
    QCOMPARE(schema.targetName, kClass);
    QCOMPARE(schema.classes, (std::vector<std::string> {kApple, kBanana}));
}

} // namespace

void TestChineseNames::initTestCase()
{
    widget_test::silenceOffscreenNoise();
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    QVERIFY(m_dir.isValid());
}

void TestChineseNames::sourceIsCompiledAsUtf8()
{
    // Everything below compares bytes with these literals, so they must be UTF-8 themselves.
    QCOMPARE(QByteArray::fromStdString(kColour).toHex(), QByteArray("e9a29ce889b2"));
    QCOMPARE(QByteArray::fromStdString(kRed).toHex(), QByteArray("e7baa2"));
    QCOMPARE(QByteArray::fromStdString(kBlue).toHex(), QByteArray("e8939d"));
}

void TestChineseNames::namesSurviveLoadTrainFileCatalogAndForm_data()
{
    QTest::addColumn<ArchiveKind>("kind");
    QTest::newRow("binary model file") << ArchiveKind::Binary;
    QTest::newRow("text model file") << ArchiveKind::Text;
    QTest::newRow("XML model file") << ArchiveKind::Xml;
}

void TestChineseNames::namesSurviveLoadTrainFileCatalogAndForm()
{
    QFETCH(ArchiveKind, kind);
    const QString kindName = q(archiveKindName(kind));

    // CSV load: the names and levels as written, the dataset named after the Chinese file.
    const QString csvPath = m_dir.filePath(q(kDatasetName) + QStringLiteral(".csv"));
    {
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(fruitCsv());
    }
    auto loaded = loadDataset(csvPath);
    QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
    const Dataset &data = *loaded;
    QCOMPARE(data.name(), kDatasetName);
    QCOMPARE(data.columnCount(), std::size_t(3));
    QCOMPARE(data.column(0).name(), kColour);
    QCOMPARE(data.column(0).levels(), (std::vector<std::string> {kRed, kBlue}));
    QCOMPARE(data.column(2).name(), kClass);
    QCOMPARE(data.column(2).levels(), (std::vector<std::string> {kApple, kBanana}));

    // Training: the schema keeps them.
    auto trained = Model::train(data, {}, "tree", {}, FitControl {});
    QVERIFY2(trained, trained ? "" : trained.error().describe().c_str());
    compareSchema(trained->schema());

    // The model file, written and read back.
    const QString modelPath = m_dir.filePath(q(kDatasetName) + kindName + QStringLiteral(".mbm"));
    auto saved = saveModelFile(modelPath, *trained, kind);
    QVERIFY2(saved, saved ? "" : saved.error().describe().c_str());
    auto reread = loadModelFile(modelPath);
    QVERIFY2(reread, reread ? "" : reread.error().describe().c_str());
    compareSchema(reread->model.schema());
    QCOMPARE(reread->model.recipe().datasetName, kDatasetName);

    // The catalog: the entry names the classes and the dataset, the bytes come back whole.
    QFile file(modelPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray fileBytes = file.readAll();
    auto catalog = Catalog::open(m_dir.filePath(QStringLiteral("目录-%1.sqlite").arg(kindName)));
    QVERIFY2(catalog, catalog ? "" : catalog.error().describe().c_str());
    auto added = catalog->add(kModelName, fileBytes);
    QVERIFY2(added, added ? "" : added.error().describe().c_str());
    auto entry = catalog->entry(added->ref());
    QVERIFY2(entry, entry ? "" : entry.error().describe().c_str());
    QCOMPARE(entry->name.toUtf8(), kModelName.toUtf8());
    QCOMPARE(entry->datasetName.toUtf8(), QByteArray::fromStdString(kDatasetName));
    QCOMPARE(entry->classes, (QStringList {q(kApple), q(kBanana)}));
    QCOMPARE(entry->classes.join(QLatin1Char(',')).toUtf8(),
             QByteArray::fromStdString(kApple + "," + kBanana));
    auto bytes = catalog->bytes(entry->ref());
    QVERIFY2(bytes, bytes ? "" : bytes.error().describe().c_str());
    QCOMPARE(*bytes, fileBytes);
    auto fromCatalog = decodeModelFile(*bytes, entry->ref().toString());
    QVERIFY2(fromCatalog, fromCatalog ? "" : fromCatalog.error().describe().c_str());
    compareSchema(fromCatalog->model.schema());

    // The prediction form: a label "颜色" and a combo box of "红" and "蓝"; choosing "蓝"
    // predicts "香蕉".
    PredictPage page;
    page.resize(1000, 700);
    auto model = std::make_shared<const Model>(std::move(fromCatalog->model));
    page.setModel(model, entry->ref().toString());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *combo = page.findChild<QComboBox *>(QStringLiteral("value_") + q(kColour));
    QVERIFY2(combo, "a combo box for 颜色");
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->itemText(0).toUtf8(), QByteArray::fromStdString(kRed));
    QCOMPARE(combo->itemText(1).toUtf8(), QByteArray::fromStdString(kBlue));
    bool labelled = false;
    const QList<QLabel *> labels = page.findChildren<QLabel *>();
    for (const QLabel *label : labels)
        labelled = labelled || label->text().toUtf8() == QByteArray::fromStdString(kColour);
    QVERIFY2(labelled, "a label 颜色 in the form");
    combo->setCurrentIndex(1);
    QTRY_COMPARE(page.predictedClass(), 1);
    QCOMPARE(model->schema().classes[std::size_t(page.predictedClass())], kBanana);
}

QTEST_MAIN(TestChineseNames)
#include "tst_chinese_names.moc"
