// SPDX-License-Identifier: MIT
#include "core/data/dataset.h"
#include "core/io/dataset_loader.h"
#include "core/jobs/train_job.h"
#include "ui/data/data_page.h"
#include "ui/main_window.h"
#include "ui/results/class_metrics_model.h"
#include "ui/results/confusion_matrix_view.h"
#include "ui/results/importance_chart.h"
#include "ui/results/metrics_table_model.h"
#include "ui/results/number_text.h"
#include "ui/results/results_page.h"
#include "ui/results/roc_chart.h"
#include "ui/train/result_list_model.h"
#include "ui/train/train_page.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QClipboard>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace mb;

class TestResultsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void withoutAResultThePageSaysWhatToDo();
    void metricsModelsPassTheTesterAndShowTheEngineNumbers_data();
    void metricsModelsPassTheTesterAndShowTheEngineNumbers();
    void everyNumberStatesItsAveraging();
    void heatmapCountsSumToTheEvaluatedRows_data();
    void heatmapCountsSumToTheEvaluatedRows();
    void rocChartHasOneCurvePerClassWithItsAuc();
    void importanceChartHasOneBarPerFeatureSortedDescending();
    void learnerWithoutImportancesSaysSo();
    void modelSheetNamesLearnerFeaturesAndClasses();
    void copyPutsTheSheetOnTheClipboard();
    void unvalidatedModelShowsNoMetrics();
    void mainWindowShowsTheTrainedModelOnTheResultsTab();
    void screenshotAfterTrainingWine();

private:
    std::shared_ptr<const TrainResult> train(const Dataset &data, const char *algo,
                                             ValidationScheme scheme = {});

    std::shared_ptr<const Dataset> m_iris;
    std::unique_ptr<ResultsPage> m_page;
};

namespace {

QtMessageHandler g_previousHandler = nullptr;

// The offscreen platform says this each time a window is shown; it tells us nothing.
void dropOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()"))
        return;
    g_previousHandler(type, context, message);
}

std::shared_ptr<const Dataset> loadSample(const char *name)
{
    auto loaded = loadDataset(QString::fromLatin1(name));
    if (!loaded)
        qFatal("cannot load %s: %s", name, loaded.error().describe().c_str());
    auto data = std::make_shared<Dataset>(std::move(*loaded));
    data->setTarget(data->columnCount() - 1);
    return data;
}

ValidationScheme crossValidation(int folds)
{
    ValidationScheme scheme;
    scheme.kind = ValidationScheme::Kind::CrossValidation;
    scheme.folds = folds;
    return scheme;
}

} // namespace

std::shared_ptr<const TrainResult> TestResultsPage::train(const Dataset &data, const char *algo,
                                                          ValidationScheme scheme)
{
    TrainJob job;
    TrainParams params;
    params.data = std::make_shared<const Dataset>(data);
    params.algo = algo;
    params.scheme = scheme;
    params.seed = 7;
    QSignalSpy finished(&job, &TrainJob::finished);
    job.start(std::move(params));
    if (!finished.wait(60000))
        return nullptr;
    auto outcome = job.takeResult();
    if (!outcome) {
        qWarning("training failed: %s", outcome.error().describe().c_str());
        return nullptr;
    }
    return std::make_shared<const TrainResult>(std::move(*outcome));
}

void TestResultsPage::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(dropOffscreenNoise);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    m_iris = loadSample("sample:iris.csv");
}

void TestResultsPage::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void TestResultsPage::init()
{
    m_page = std::make_unique<ResultsPage>();
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestResultsPage::cleanup()
{
    m_page.reset();
}

void TestResultsPage::withoutAResultThePageSaysWhatToDo()
{
    auto *stack = m_page->findChild<QStackedWidget *>();
    auto *placeholder = m_page->findChild<QLabel *>(QStringLiteral("resultsPlaceholder"));
    QVERIFY(stack && placeholder);
    QCOMPARE(stack->currentWidget(), placeholder);
    QVERIFY(placeholder->text().contains(QStringLiteral("Train")));
    QCOMPARE(m_page->metricsModel()->rowCount(), 0);
}

void TestResultsPage::metricsModelsPassTheTesterAndShowTheEngineNumbers_data()
{
    QTest::addColumn<QString>("algo");
    QTest::addColumn<int>("folds");
    QTest::newRow("forest measured on a holdout") << QStringLiteral("forest") << 0;
    QTest::newRow("naive Bayes cross-validated 5 times") << QStringLiteral("nb") << 5;
}

void TestResultsPage::metricsModelsPassTheTesterAndShowTheEngineNumbers()
{
    QFETCH(QString, algo);
    QFETCH(int, folds);
    QAbstractItemModelTester overall(m_page->metricsModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester perClass(m_page->classMetricsModel(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto result = train(*m_iris, algo.toLatin1().constData(),
                              folds > 0 ? crossValidation(folds) : ValidationScheme {});
    QVERIFY(result);
    m_page->setResult(result);
    const Metrics &metrics = result->evaluation.metrics;

    MetricsTableModel *model = m_page->metricsModel();
    const int accuracyRow = model->rowOf(QStringLiteral("accuracy"));
    QVERIFY(accuracyRow >= 0);
    const QModelIndex accuracy = model->index(accuracyRow, MetricsTableModel::ValueColumn);
    QCOMPARE(accuracy.data(MetricsTableModel::ValueRole).toDouble(), metrics.accuracy);
    QCOMPARE(accuracy.data().toString(), rateText(metrics.accuracy));
    const QModelIndex macroF1
        = model->index(model->rowOf(QStringLiteral("macro_f1")), MetricsTableModel::ValueColumn);
    QCOMPARE(macroF1.data(MetricsTableModel::ValueRole).toDouble(), metrics.macroF1);
    const QModelIndex auc
        = model->index(model->rowOf(QStringLiteral("roc_auc")), MetricsTableModel::ValueColumn);
    QCOMPARE(auc.data(MetricsTableModel::ValueRole).toDouble(), metrics.rocAuc);

    ClassMetricsModel *classes = m_page->classMetricsModel();
    QCOMPARE(classes->rowCount(), 3);
    for (int c = 0; c < 3; ++c) {
        const ClassMetrics &expected = metrics.perClass[std::size_t(c)];
        QCOMPARE(classes->index(c, ClassMetricsModel::ClassColumn).data().toString(),
                 QString::fromStdString(result->evaluation.model.schema().classes[std::size_t(c)]));
        QCOMPARE(classes->index(c, ClassMetricsModel::F1Column)
                     .data(ClassMetricsModel::ValueRole)
                     .toDouble(),
                 expected.f1);
        QCOMPARE(classes->index(c, ClassMetricsModel::SupportColumn)
                     .data(ClassMetricsModel::ValueRole)
                     .toDouble(),
                 double(expected.support));
    }
}

void TestResultsPage::everyNumberStatesItsAveraging()
{
    const auto result = train(*m_iris, "tree", crossValidation(3));
    QVERIFY(result);
    m_page->setResult(result);
    MetricsTableModel *model = m_page->metricsModel();
    QVERIFY(model->rowCount() >= 11);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString averaging
            = model->index(row, MetricsTableModel::AveragingColumn).data().toString();
        QVERIFY2(!averaging.isEmpty(), qPrintable(model->index(row, 0).data().toString()));
    }
    const auto averagingOf = [model](const char *key) {
        return model
            ->index(model->rowOf(QString::fromLatin1(key)), MetricsTableModel::AveragingColumn)
            .data()
            .toString();
    };
    QVERIFY(averagingOf("macro_f1").startsWith(QStringLiteral("macro")));
    QVERIFY(averagingOf("weighted_f1").startsWith(QStringLiteral("weighted")));
    QVERIFY(averagingOf("roc_auc").contains(QStringLiteral("one-vs-rest")));
    QVERIFY(averagingOf("accuracy").contains(QStringLiteral("mean over folds")));
}

void TestResultsPage::heatmapCountsSumToTheEvaluatedRows_data()
{
    QTest::addColumn<int>("folds");
    QTest::newRow("a quarter held out") << 0;
    QTest::newRow("every row out of fold") << 4;
}

void TestResultsPage::heatmapCountsSumToTheEvaluatedRows()
{
    QFETCH(int, folds);
    const auto result
        = train(*m_iris, "tree", folds > 0 ? crossValidation(folds) : ValidationScheme {});
    QVERIFY(result);
    m_page->setResult(result);
    ConfusionMatrixView *view = m_page->confusionView();
    QCOMPARE(view->classCount(), 3);
    std::size_t total = 0;
    for (int r = 0; r < 3; ++r) {
        double share = 0;
        for (int c = 0; c < 3; ++c) {
            total += view->count(r, c);
            share += view->rowShare(r, c);
            QVERIFY(view->cellText(r, c).startsWith(QString::number(view->count(r, c))));
            QVERIFY(view->cellText(r, c).contains(QLatin1Char('%')));
        }
        QVERIFY(qAbs(share - 1.0) < 1e-9);
    }
    QCOMPARE(total, result->evaluation.metrics.rows);
    QCOMPARE(total, result->evaluation.truth.size());
    if (folds > 0)
        QCOMPARE(total, m_iris->rowCount());
    QVERIFY(!view->grab().isNull());
}

void TestResultsPage::rocChartHasOneCurvePerClassWithItsAuc()
{
    const auto result = train(*m_iris, "logreg");
    QVERIFY(result);
    m_page->setResult(result);
    const auto &series = m_page->rocChart()->classSeries();
    QCOMPARE(series.size(), 3);
    const auto &classes = result->evaluation.model.schema().classes;
    for (int c = 0; c < 3; ++c) {
        const QString name = series[c]->name();
        QVERIFY2(name.startsWith(QString::fromStdString(classes[std::size_t(c)])),
                 qPrintable(name));
        QVERIFY2(
            name.contains(QStringLiteral("AUC ")
                          + rateText(result->evaluation.metrics.rocAucPerClass[std::size_t(c)])),
            qPrintable(name));
        QVERIFY(series[c]->count() >= 2);
        QCOMPARE(series[c]->at(series[c]->count() - 1), QPointF(1, 1));
        QVERIFY(m_page->rocChart()->chart()->series().contains(series[c]));
    }
}

void TestResultsPage::importanceChartHasOneBarPerFeatureSortedDescending()
{
    const auto result = train(*m_iris, "forest");
    QVERIFY(result);
    m_page->setResult(result);
    ImportanceChart *chart = m_page->importanceChart();
    const auto &bars = chart->bars();
    QCOMPARE(bars.size(), qsizetype(4));
    QVERIFY(chart->barSet());
    QCOMPARE(chart->barSet()->count(), 4);
    QStringList names;
    for (qsizetype i = 0; i < bars.size(); ++i) {
        names.append(bars[i].first);
        if (i > 0)
            QVERIFY(bars[i - 1].second >= bars[i].second);
        // The bar set runs bottom to top, so its last value is the top bar.
        QCOMPARE(chart->barSet()->at(int(bars.size() - 1 - i)), bars[i].second);
    }
    for (const FeatureSchema &feature : result->evaluation.model.schema().features)
        QVERIFY(names.contains(QString::fromStdString(feature.name)));
    const auto importances = result->evaluation.model.classifier().featureImportances();
    QCOMPARE(bars.first().second, *std::max_element(importances.begin(), importances.end()));
}

void TestResultsPage::learnerWithoutImportancesSaysSo()
{
    const auto result = train(*m_iris, "knn");
    QVERIFY(result);
    m_page->setResult(result);
    QVERIFY(m_page->importanceChart()->bars().isEmpty());
    QVERIFY(m_page->importanceChart()->chart()->title().contains(
        QStringLiteral("no feature importances")));
}

void TestResultsPage::modelSheetNamesLearnerFeaturesAndClasses()
{
    const auto result = train(*m_iris, "forest");
    QVERIFY(result);
    m_page->setResult(result);
    auto *sheet = m_page->findChild<QPlainTextEdit *>(QStringLiteral("modelSheet"));
    QVERIFY(sheet);
    QVERIFY(sheet->isReadOnly());
    const QString text = sheet->toPlainText();
    QVERIFY(text.contains(QStringLiteral("Random forest")));
    QVERIFY(text.contains(QStringLiteral("(forest)")));
    QVERIFY(text.contains(QStringLiteral("seed")));
    QVERIFY(text.contains(QStringLiteral("holdout")));
    const Model &model = result->evaluation.model;
    for (const FeatureSchema &feature : model.schema().features)
        QVERIFY2(text.contains(QString::fromStdString(feature.name)), feature.name.c_str());
    for (const std::string &name : model.schema().classes)
        QVERIFY2(text.contains(QString::fromStdString(name)), name.c_str());
    for (const auto &[name, value] : model.recipe().params)
        QVERIFY2(text.contains(QString::fromStdString(name)), name.c_str());
    QVERIFY(text.contains(rateText(result->evaluation.metrics.accuracy)));
}

void TestResultsPage::copyPutsTheSheetOnTheClipboard()
{
    const auto result = train(*m_iris, "tree");
    QVERIFY(result);
    m_page->setResult(result);
    QApplication::clipboard()->setText(QStringLiteral("something else"));
    m_page->findChild<QTabWidget *>(QStringLiteral("resultsViews"))->setCurrentIndex(2);
    auto *copy = m_page->findChild<QPushButton *>(QStringLiteral("copySheetButton"));
    QVERIFY(copy);
    QVERIFY(copy->isEnabled());
    QVERIFY(!copy->accessibleName().isEmpty());
    QSignalSpy status(m_page.get(), &ResultsPage::statusMessage);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), m_page->sheetView()->toPlainText());
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("Decision tree")));
    QCOMPARE(status.count(), 1);
}

void TestResultsPage::unvalidatedModelShowsNoMetrics()
{
    ValidationScheme none;
    none.kind = ValidationScheme::Kind::None;
    const auto result = train(*m_iris, "tree", none);
    QVERIFY(result);
    m_page->setResult(result);
    QCOMPARE(m_page->metricsModel()->rowCount(), 0);
    QCOMPARE(m_page->confusionView()->classCount(), 0);
    QVERIFY(m_page->rocChart()->classSeries().isEmpty());
    QVERIFY(m_page->sheetView()->toPlainText().contains(QStringLiteral("not measured")));
    // Back to the empty page.
    m_page->setResult(nullptr);
    QVERIFY(m_page->sheetView()->toPlainText().isEmpty());
}

void TestResultsPage::mainWindowShowsTheTrainedModelOnTheResultsTab()
{
    QSettings().clear();
    m_page.reset();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy changed(window.dataPage(), &DataPage::datasetChanged);
    window.findChild<QAction *>(QStringLiteral("actionSample_iris.csv"))->trigger();
    QVERIFY(changed.wait(10000));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    tabs->setCurrentWidget(window.trainPage());
    TrainPage *page = window.trainPage();
    page->setCurrentLearner(QStringLiteral("tree"));
    QSignalSpy finished(page, &TrainPage::trainingFinished);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("trainButton")),
                      Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(page->resultModel()->rowCount(), 1);

    ResultsPage *results = window.resultsPage();
    QVERIFY(results);
    QCOMPARE(results->result(), page->resultModel()->result(0));
    // The user stays on the Train page; the Results tab is up to date when they go there.
    QCOMPARE(tabs->currentWidget(), page);
    QVERIFY(tabs->indexOf(results) >= 0);
    QCOMPARE(results->metricsModel()
                 ->index(results->metricsModel()->rowOf(QStringLiteral("accuracy")),
                         MetricsTableModel::ValueColumn)
                 .data(MetricsTableModel::ValueRole)
                 .toDouble(),
             results->result()->evaluation.metrics.accuracy);
}

// Not a check: saves the pictures for docs/screenshots when MB_SCREENSHOT names a .png file
// (the Metrics tab; the Charts and Model sheet tabs go beside it as -charts.png, -sheet.png).
// Run it under Xvfb for real X11 rendering, e.g.
// QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1280x800x24' tst_results_page
// screenshotAfterTrainingWine
void TestResultsPage::screenshotAfterTrainingWine()
{
    const QString path = qEnvironmentVariable("MB_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set MB_SCREENSHOT=FILE.png to take the screenshot");
    QSettings().clear();
    m_page.reset();
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy changed(window.dataPage(), &DataPage::datasetChanged);
    window.findChild<QAction *>(QStringLiteral("actionSample_wine.csv"))->trigger();
    QVERIFY(changed.wait(10000));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    tabs->setCurrentWidget(window.trainPage());
    TrainPage *page = window.trainPage();
    // A single tree makes a few mistakes on wine, so the matrix and the curves show something.
    page->setCurrentLearner(qEnvironmentVariable("MB_SCREENSHOT_LEARNER", QStringLiteral("tree")));
    QSignalSpy finished(page, &TrainPage::trainingFinished);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("trainButton")),
                      Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    tabs->setCurrentWidget(window.resultsPage());
    auto *views = window.resultsPage()->findChild<QTabWidget *>(QStringLiteral("resultsViews"));
    const QString stem = path.chopped(4);
    const QStringList files
        = {path, stem + QStringLiteral("-charts.png"), stem + QStringLiteral("-sheet.png")};
    for (int i = 0; i < files.size(); ++i) {
        views->setCurrentIndex(i);
        QTest::qWait(300);
        QVERIFY(window.grab().save(files[i]));
    }
}

QTEST_MAIN(TestResultsPage)
#include "tst_results_page.moc"
