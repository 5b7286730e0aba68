// SPDX-License-Identifier: MIT
// Model files and the catalog in the GUI: save the shown model as a file in each format and to
// the catalog, open a model file on the Results page, and a damaged file gives one error box.
#include "core/catalog/catalog.h"
#include "core/data/dataset.h"
#include "core/io/dataset_loader.h"
#include "core/jobs/train_job.h"
#include "core/model/model_file.h"
#include "ui/data/data_page.h"
#include "ui/main_window.h"
#include "ui/results/results_page.h"
#include "ui/results/save_to_catalog_dialog.h"
#include "ui/train/result_text.h"
#include "ui/train/train_page.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

namespace {

QtMessageHandler g_previousHandler = nullptr;

// The offscreen platform says this each time a window is shown; it tells us nothing.
void dropOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()"))
        return;
    g_previousHandler(type, context, message);
}

std::vector<double> probabilities(const Model &model, const Dataset &data)
{
    auto encoded = model.encode(data);
    if (!encoded)
        qFatal("cannot encode: %s", encoded.error().describe().c_str());
    std::vector<double> out(encoded->rows() * std::size_t(model.classCount()));
    model.predictProba(*encoded, out);
    return out;
}

} // namespace

class TestModelFilesGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void savedFileLoadsBackWithTheSameProbabilities_data();
    void savedFileLoadsBackWithTheSameProbabilities();
    void aFileThatCannotBeWrittenGivesOneErrorBox();
    void savingToTheCatalogTwiceGivesVersionsOneAndTwo();
    void catalogDialogAcceptsOnlyValidNamesAndTags();
    void openingAModelFileShowsItsLearnerAndStoredMetrics();
    void aCorruptModelFileGivesAnErrorBoxNamingIt();
    void aDroppedModelFileOpensOnTheResultsPage();
    void storedModelFilesOpen_data();
    void storedModelFilesOpen();

private:
    QString saveGoodModel(const QString &fileName);

    std::shared_ptr<const Dataset> m_iris;
    std::shared_ptr<const TrainResult> m_result;
    QTemporaryDir m_dir;
};

void TestModelFilesGui::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(dropOffscreenNoise);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    QVERIFY(m_dir.isValid());

    auto loaded = loadDataset(QStringLiteral("sample:iris.csv"));
    QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().describe().c_str());
    auto data = std::make_shared<Dataset>(std::move(*loaded));
    data->setTarget(data->columnCount() - 1);
    m_iris = data;

    // Trained as a user does: open the sample, pick the tree, click Train.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy changed(window.dataPage(), &DataPage::datasetChanged);
    window.findChild<QAction *>(QStringLiteral("actionSample_iris.csv"))->trigger();
    QVERIFY(changed.wait(10000));
    TrainPage *page = window.trainPage();
    page->setCurrentLearner(QStringLiteral("tree"));
    QSignalSpy finished(page, &TrainPage::trainingFinished);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("trainButton")),
                      Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    m_result = window.resultsPage()->result();
    QVERIFY(m_result);
    QVERIFY(!m_result->evaluation.model.metrics().empty());
}

void TestModelFilesGui::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void TestModelFilesGui::init()
{
    QSettings().clear();
}

QString TestModelFilesGui::saveGoodModel(const QString &fileName)
{
    ResultsPage page;
    page.setResult(m_result);
    const QString path = m_dir.filePath(fileName);
    if (!page.saveModelTo(path, ArchiveKind::Binary))
        return {};
    return path;
}

void TestModelFilesGui::savedFileLoadsBackWithTheSameProbabilities_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("binary archive") << int(ArchiveKind::Binary);
    QTest::newRow("text archive") << int(ArchiveKind::Text);
    QTest::newRow("xml archive") << int(ArchiveKind::Xml);
}

void TestModelFilesGui::savedFileLoadsBackWithTheSameProbabilities()
{
    QFETCH(int, kind);
    ResultsPage page;
    page.setResult(m_result);
    auto *button = page.findChild<QPushButton *>(QStringLiteral("saveModelFileButton"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QVERIFY(!button->accessibleName().isEmpty());
    QSignalSpy status(&page, &ResultsPage::statusMessage);

    const QString path = m_dir.filePath(QStringLiteral("iris-%1.mbm").arg(kind));
    QVERIFY(page.saveModelTo(path, ArchiveKind(kind)));
    QCOMPARE(status.count(), 1);
    QVERIFY(!page.errorBox());

    auto loaded = loadModelFile(path);
    QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().describe().c_str());
    QCOMPARE(loaded->header.archive, ArchiveKind(kind));
    QCOMPARE(probabilities(loaded->model, *m_iris),
             probabilities(m_result->evaluation.model, *m_iris));
}

void TestModelFilesGui::aFileThatCannotBeWrittenGivesOneErrorBox()
{
    ResultsPage page;
    page.setResult(m_result);
    page.show();
    const QString path = m_dir.filePath(QStringLiteral("no-such-folder/model.mbm"));
    QVERIFY(!page.saveModelTo(path));
    QVERIFY(!page.saveModelTo(path));
    QTRY_COMPARE(page.findChildren<QMessageBox *>(QStringLiteral("resultsErrorBox")).size(), 1);
    QMessageBox *box = page.errorBox();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("model.mbm")), qPrintable(box->text()));
    QVERIFY(!QFile::exists(path));
}

void TestModelFilesGui::savingToTheCatalogTwiceGivesVersionsOneAndTwo()
{
    const QString path = m_dir.filePath(QStringLiteral("gui-catalog.sqlite"));
    QVERIFY(Catalog::open(path).has_value()); // creates it

    MainWindow window;
    QVERIFY(window.openCatalog(path));
    window.resultsPage()->setResult(m_result);

    auto first = window.resultsPage()->saveToCatalog(
        QStringLiteral("iris-tree"), {QStringLiteral("baseline")}, QStringLiteral("First try."));
    QVERIFY(first.has_value());
    QCOMPARE(first->version, 1);
    auto second = window.resultsPage()->saveToCatalog(QStringLiteral("iris-tree"));
    QVERIFY(second.has_value());
    QCOMPARE(second->version, 2);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("iris-tree:2")), qPrintable(message));

    auto catalog = Catalog::open(path);
    QVERIFY(catalog.has_value());
    auto entries = catalog->list();
    QVERIFY(entries.has_value());
    QCOMPARE(entries->size(), std::size_t(2));
    QCOMPARE(entries->at(0).name, QStringLiteral("iris-tree"));
    QCOMPARE(entries->at(0).version, 1);
    QCOMPARE(entries->at(1).version, 2);
    QCOMPARE(entries->at(0).tags, QStringList {QStringLiteral("baseline")});
    QCOMPARE(entries->at(0).algo, QStringLiteral("tree"));
}

void TestModelFilesGui::catalogDialogAcceptsOnlyValidNamesAndTags()
{
    SaveToCatalogDialog dialog;
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("catalogNameEdit"));
    auto *tags = dialog.findChild<QLineEdit *>(QStringLiteral("catalogTagsEdit"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("catalogButtons"));
    QVERIFY(name && tags && buttons);
    QPushButton *save = buttons->button(QDialogButtonBox::Save);

    QVERIFY(!save->isEnabled()); // a name is required
    QTest::keyClicks(name, QStringLiteral("churn"));
    QVERIFY(save->isEnabled());
    name->setText(QStringLiteral("churn:3"));
    QVERIFY(!save->isEnabled());
    name->setText(QStringLiteral("churn"));
    tags->setText(QStringLiteral("baseline, q3 ,, q3"));
    QVERIFY(save->isEnabled());
    QCOMPARE(dialog.tags(), (QStringList {QStringLiteral("baseline"), QStringLiteral("q3")}));
    tags->setText(QStringLiteral("has space"));
    QVERIFY(!save->isEnabled());
}

void TestModelFilesGui::openingAModelFileShowsItsLearnerAndStoredMetrics()
{
    const QString path = saveGoodModel(QStringLiteral("open-me.mbm"));
    QVERIFY(!path.isEmpty());

    MainWindow window;
    window.show();
    auto *saveAs = window.findChild<QAction *>(QStringLiteral("actionSaveModelAs"));
    QVERIFY(saveAs);
    QVERIFY(!saveAs->isEnabled()); // nothing to save yet
    QSignalSpy opened(&window, &MainWindow::modelFileOpened);
    QVERIFY(window.openModelFile(path));
    QCOMPARE(opened.count(), 1);
    QVERIFY(saveAs->isEnabled());
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    QCOMPARE(tabs->currentWidget(), window.resultsPage());
    auto *title = window.resultsPage()->findChild<QLabel *>(QStringLiteral("resultsTitle"));
    QCOMPARE(title->text(), learnerDisplayName("tree"));
    auto *summary = window.resultsPage()->findChild<QLabel *>(QStringLiteral("resultsSummary"));
    QVERIFY2(summary->text().contains(QStringLiteral("open-me.mbm")), qPrintable(summary->text()));
    auto *note = window.resultsPage()->findChild<QLabel *>(QStringLiteral("metricsNote"));
    QVERIFY2(note->text().contains(QStringLiteral("accuracy")), qPrintable(note->text()));
    QVERIFY(window.resultsPage()->result());
    QVERIFY(!window.resultsPage()->sheetView()->toPlainText().isEmpty());
    QCOMPARE(probabilities(window.resultsPage()->result()->evaluation.model, *m_iris),
             probabilities(m_result->evaluation.model, *m_iris));
}

void TestModelFilesGui::aCorruptModelFileGivesAnErrorBoxNamingIt()
{
    const QString good = saveGoodModel(QStringLiteral("good.mbm"));
    QVERIFY(!good.isEmpty());
    QFile in(good);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray bytes = in.readAll();
    in.close();
    bytes[bytes.size() - 10] = char(bytes[bytes.size() - 10] ^ 0x5a); // inside the payload
    const QString bad = m_dir.filePath(QStringLiteral("damaged.mbm"));
    QFile out(bad);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();

    MainWindow window;
    window.show();
    QSignalSpy failed(&window, &MainWindow::modelFileFailed);
    QVERIFY(!window.openModelFile(bad));
    QCOMPARE(failed.count(), 1);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("modelErrorBox"))));
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("damaged.mbm")), qPrintable(box->text()));
    QVERIFY2(!box->informativeText().isEmpty(), "the loader's message is shown");
    QVERIFY(!window.resultsPage()->result()); // nothing shown from the damaged file

    // The app still works: the good file opens.
    box->close();
    QVERIFY(window.openModelFile(good));
    QCOMPARE(window.resultsPage()->source(), QFileInfo(good).absoluteFilePath());
}

void TestModelFilesGui::aDroppedModelFileOpensOnTheResultsPage()
{
    const QString path = saveGoodModel(QStringLiteral("dropped.mbm"));
    QVERIFY(!path.isEmpty());
    MainWindow window;
    window.show();
    QSignalSpy opened(&window, &MainWindow::modelFileOpened);

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(window.resultsPage()->source(), QFileInfo(path).absoluteFilePath());
}

void TestModelFilesGui::storedModelFilesOpen_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("forest in a binary archive") << QStringLiteral("iris-forest.binary.mbm");
    QTest::newRow("forest in a text archive") << QStringLiteral("iris-forest.text.mbm");
    QTest::newRow("forest in an xml archive") << QStringLiteral("iris-forest.xml.mbm");
}

void TestModelFilesGui::storedModelFilesOpen()
{
    QFETCH(QString, file);
    const QString path = QStringLiteral(MB_TEST_DATA_DIR "/models/") + file;
    MainWindow window;
    QVERIFY(window.openModelFile(path));
    auto *title = window.resultsPage()->findChild<QLabel *>(QStringLiteral("resultsTitle"));
    QCOMPARE(title->text(), learnerDisplayName("forest"));
    QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("modelErrorBox")));
}

QTEST_MAIN(TestModelFilesGui)
#include "tst_model_files_gui.moc"
