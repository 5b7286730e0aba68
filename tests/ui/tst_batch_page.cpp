// SPDX-License-Identifier: MIT
// The Batch page: pre-flight report, choosing a column by hand, scoring in the background
// with Cancel, rows left unscored named, export; and how the main window feeds it and the
// Predict page the model the Results page shows.
#include "core/eval/batch_scoring.h"
#include "core/io/score_writer.h"
#include "core/model/model_file.h"
#include "ui/batch/batch_page.h"
#include "ui/batch/preflight_table_model.h"
#include "ui/batch/scored_table_model.h"
#include "ui/main_window.h"
#include "ui/predict/predict_page.h"
#include "ui/results/results_page.h"
#include "widget_test_support.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mb;

class TestBatchPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void withoutAFileNothingCanBeScored();
    void renamedColumnBlocksUntilChosenByHand();
    void scoresAreTheEnginesAndExportIsTheCliFile();
    void skippedRowsAreListedByRow();
    void renamedColumnAndUnseenCategoryAreExactlyTheFindings();
    void cancelBringsTheScoreButtonBack();
    void unreadableFileGivesOneErrorBox();
    void mainWindowSharesTheShownModel();
    void screenshot();

private:
    QString write(const QString &name, const QByteArray &bytes);
    bool loadFile(const QString &path);
    QLabel *label(const char *name) const { return m_page->findChild<QLabel *>(QString::fromLatin1(name)); }

    std::shared_ptr<const TrainResult> m_iris;
    std::shared_ptr<const TrainResult> m_weather;
    QTemporaryDir m_dir;
    std::unique_ptr<BatchPage> m_page;
};

namespace {

std::shared_ptr<const Model> modelOf(const std::shared_ptr<const TrainResult> &result)
{
    return std::shared_ptr<const Model>(result, &result->evaluation.model);
}

const QByteArray kRenamedIris = "sl,sepal_width_cm,petal_length_cm,petal_width_cm,species,note\n"
                                "5.1,3.5,1.4,0.2,setosa,a\n"
                                "6.7,3.0,5.2,2.3,virginica,b\n"
                                "5.9,3.0,4.2,1.5,versicolor,c\n"
                                "9.9,3.1,4.0,1.3,versicolor,d\n";

} // namespace

void TestBatchPage::initTestCase()
{
    widget_test::silenceOffscreenNoise();
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    QSettings().clear();
    m_iris = widget_test::trainResult(widget_test::loadWithLastTarget(QStringLiteral("sample:iris.csv")), "nb");
    m_weather = widget_test::trainResult(widget_test::loadWithLastTarget(QStringLiteral("sample:weather.numeric.arff")), "nb");
    QVERIFY(m_iris && m_weather);
}

void TestBatchPage::init()
{
    m_page = std::make_unique<BatchPage>();
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestBatchPage::cleanup()
{
    m_page.reset();
}

QString TestBatchPage::write(const QString &name, const QByteArray &bytes)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(file.fileName()));
    file.write(bytes);
    return file.fileName();
}

bool TestBatchPage::loadFile(const QString &path)
{
    m_page->openFile(path);
    return QTest::qWaitFor([this] { return m_page->preflightModel()->rowCount() > 0; }, 10000);
}

void TestBatchPage::withoutAFileNothingCanBeScored()
{
    QVERIFY(!m_page->scoreButton()->isEnabled());
    QVERIFY(label("batchModelLabel")->text().contains(QLatin1String("No model")));
    m_page->setModel(modelOf(m_iris), QStringLiteral("iris nb"));
    QVERIFY(!m_page->scoreButton()->isEnabled());
    QVERIFY(!m_page->score());
}

void TestBatchPage::renamedColumnBlocksUntilChosenByHand()
{
    QAbstractItemModelTester tester(m_page->preflightModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->setModel(modelOf(m_iris), QStringLiteral("iris nb"));
    QVERIFY(loadFile(write(QStringLiteral("renamed.csv"), kRenamedIris)));
    PreflightTableModel *report = m_page->preflightModel();
    QCOMPARE(report->rowCount(), 4);
    QCOMPARE(report->index(0, PreflightTableModel::DataColumn).data().toString(), QStringLiteral("(none)"));
    QVERIFY(!m_page->scoreButton()->isEnabled());
    QVERIFY2(label("preflightBlockers")->text().contains(QLatin1String("sepal_length_cm")),
             qPrintable(label("preflightBlockers")->text()));
    // The unused column and the class column are reported.
    const QString summary = label("preflightSummary")->text();
    QVERIFY2(summary.contains(QLatin1String("note")) && summary.contains(QLatin1String("3 of 4")), qPrintable(summary));
    QVERIFY(summary.contains(QLatin1String("accuracy")));

    // Double-click the cell, pick "sl" in its combo box, press Enter.
    auto *view = m_page->findChild<QTableView *>(QStringLiteral("preflightTable"));
    const QModelIndex cell = report->index(0, PreflightTableModel::DataColumn);
    view->edit(cell);
    auto *combo = widget_test::waitForChild<QComboBox>(view, QStringLiteral("columnChoiceEditor"));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findText(QStringLiteral("sl")));
    QTest::keyClick(combo, Qt::Key_Enter);
    QTRY_COMPARE(report->index(0, PreflightTableModel::DataColumn).data().toString(), QStringLiteral("sl"));
    QVERIFY(m_page->scoreButton()->isEnabled());
    QVERIFY(label("preflightBlockers")->text().isEmpty());
    // 9.9 is over the training maximum: counted.
    QCOMPARE(report->index(0, PreflightTableModel::OutOfRange).data().toString(), QStringLiteral("1"));
    // Back to matching by name blocks again.
    m_page->chooseColumn(QStringLiteral("sepal_length_cm"), PreflightTableModel::kNoColumn);
    QVERIFY(!m_page->scoreButton()->isEnabled());
}

void TestBatchPage::scoresAreTheEnginesAndExportIsTheCliFile()
{
    QAbstractItemModelTester tester(m_page->scoredModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->setModel(modelOf(m_iris), QStringLiteral("iris nb"));
    QVERIFY(loadFile(write(QStringLiteral("renamed.csv"), kRenamedIris)));
    m_page->chooseColumn(QStringLiteral("sepal_length_cm"), 0);
    QSignalSpy finished(m_page.get(), &BatchPage::scoringFinished);
    QTest::mouseClick(m_page->scoreButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.front().front().toBool(), true);
    ScoredTableModel *table = m_page->scoredModel();
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->columnCount(), 6 + 1 + 3);
    QCOMPARE(table->headerData(table->predictedColumn(), Qt::Horizontal).toString(), QStringLiteral("predicted"));
    QCOMPARE(table->index(0, table->predictedColumn()).data().toString(), QStringLiteral("setosa"));
    QVERIFY(label("scoreOutcome")->text().contains(QLatin1String("4 of 4")));
    QVERIFY(label("scoreOutcome")->text().contains(QLatin1String("Accuracy")));
    QVERIFY(m_page->findChild<QPlainTextEdit *>(QStringLiteral("skippedRows"))->isHidden());

    // The same numbers as scoring directly, and the exported file is the CLI's file.
    auto data = loadDataset(m_dir.filePath(QStringLiteral("renamed.csv")));
    QVERIFY(data);
    ScoringOptions options;
    options.choices = {{"sepal_length_cm", 0}};
    const auto direct = scoreRows(m_iris->evaluation.model, *data, options);
    QVERIFY(direct);
    QCOMPARE(m_page->scores()->proba, direct->proba);
    const QString exported = m_dir.filePath(QStringLiteral("scored.csv"));
    QVERIFY(m_page->exportTo(exported));
    QBuffer expected;
    QVERIFY(expected.open(QIODevice::WriteOnly));
    QVERIFY(writeScoresCsv(expected, *data, m_iris->evaluation.model.schema().classes, *direct, true));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected.data());
}

void TestBatchPage::skippedRowsAreListedByRow()
{
    m_page->setModel(modelOf(m_weather), QStringLiteral("weather nb"));
    QVERIFY(loadFile(write(QStringLiteral("foggy.csv"), "outlook,temperature,humidity,windy\n"
                                                         "sunny,85,85,FALSE\nfoggy,70,80,TRUE\n")));
    QVERIFY(m_page->preflightModel()->index(0, PreflightTableModel::Unseen).data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("foggy")));
    auto *policy = m_page->findChild<QComboBox *>(QStringLiteral("unseenPolicyCombo"));
    policy->setCurrentIndex(policy->findData(int(UnseenPolicy::SkipRow)));
    QSignalSpy finished(m_page.get(), &BatchPage::scoringFinished);
    QVERIFY(m_page->score());
    QVERIFY(finished.wait(10000));
    ScoredTableModel *table = m_page->scoredModel();
    QCOMPARE(table->index(1, table->predictedColumn()).data().toString(), QStringLiteral("not scored"));
    QVERIFY(table->index(1, table->predictedColumn()).data(Qt::ToolTipRole).toString().contains(QLatin1String("foggy")));
    QVERIFY(table->index(1, table->predictedColumn() + 1).data().toString().isEmpty());
    auto *skipped = m_page->findChild<QPlainTextEdit *>(QStringLiteral("skippedRows"));
    QVERIFY(!skipped->isHidden());
    QVERIFY2(skipped->toPlainText().contains(QLatin1String("Row 2 (line 3):")), qPrintable(skipped->toPlainText()));
    QVERIFY(label("scoreOutcome")->text().contains(QLatin1String("1 of 2")));
}

// Issue 7's case: one file, a renamed column and an unseen category, and the report says
// exactly that: one input without a column (its renamed column unused), one unseen value.
void TestBatchPage::renamedColumnAndUnseenCategoryAreExactlyTheFindings()
{
    m_page->setModel(modelOf(m_weather), QStringLiteral("weather nb"));
    QVERIFY(loadFile(write(QStringLiteral("both.csv"), "outlook,temperature,hum,windy\n"
                                                        "sunny,80,85,FALSE\nfoggy,70,80,TRUE\novercast,72,90,TRUE\n")));
    const ScoringPreflight &report = m_page->preflightModel()->report();
    QCOMPARE(report.features.size(), std::size_t(4));
    QStringList findings;
    for (const FeatureCheck &check : report.features) {
        if (!check.column)
            findings << QStringLiteral("no column: %1").arg(QString::fromStdString(check.feature));
        if (check.typeMismatch || check.moved || check.byHand)
            findings << QStringLiteral("other: %1").arg(QString::fromStdString(check.feature));
        if (check.unseen > 0)
            findings << QStringLiteral("unseen %1 in %2").arg(check.unseen).arg(QString::fromStdString(check.feature));
        if (check.belowRange + check.aboveRange + check.missing > 0)
            findings << QStringLiteral("values: %1").arg(QString::fromStdString(check.feature));
    }
    QCOMPARE(findings, (QStringList {QStringLiteral("unseen 1 in outlook"), QStringLiteral("no column: humidity")}));
    QCOMPARE(report.extraColumns, std::vector<std::string> {"hum"});
    QVERIFY(!m_page->scoreButton()->isEnabled());
    // The table says the same, with "foggy" as the example.
    PreflightTableModel *table = m_page->preflightModel();
    QCOMPARE(table->index(0, PreflightTableModel::Unseen).data().toString(), QStringLiteral("1"));
    QVERIFY(table->index(0, PreflightTableModel::Unseen).data(Qt::ToolTipRole).toString().contains(QLatin1String("foggy")));
    QCOMPARE(table->index(2, PreflightTableModel::DataColumn).data().toString(), QStringLiteral("(none)"));
}

void TestBatchPage::cancelBringsTheScoreButtonBack()
{
    // Enough rows for k-NN to take a while: Cancel must stop it between blocks.
    auto knn = widget_test::trainResult(widget_test::loadWithLastTarget(QStringLiteral("sample:iris.csv")), "knn");
    QVERIFY(knn);
    auto data = std::make_shared<Dataset>();
    const std::size_t rows = 2000000;
    std::vector<double> a(rows), b(rows), c(rows), d(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        a[i] = 4.5 + double(i % 30) / 10;
        b[i] = 2.5 + double(i % 17) / 10;
        c[i] = 1.0 + double(i % 50) / 10;
        d[i] = 0.1 + double(i % 23) / 10;
    }
    data->addColumn(Column::numeric("sepal_length_cm", std::move(a)));
    data->addColumn(Column::numeric("sepal_width_cm", std::move(b)));
    data->addColumn(Column::numeric("petal_length_cm", std::move(c)));
    data->addColumn(Column::numeric("petal_width_cm", std::move(d)));
    m_page->setModel(modelOf(knn), QStringLiteral("iris knn"));
    m_page->setData(data, QStringLiteral("generated"));
    QSignalSpy finished(m_page.get(), &BatchPage::scoringFinished);
    QTest::mouseClick(m_page->scoreButton(), Qt::LeftButton);
    QVERIFY(m_page->isScoring());
    QVERIFY(!m_page->scoreButton()->isEnabled());
    QVERIFY(m_page->cancelButton()->isEnabled());
    QTest::mouseClick(m_page->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.front().front().toBool(), false);
    QVERIFY(label("scoreOutcome")->text().contains(QLatin1String("cancelled")));
    QVERIFY(m_page->scoreButton()->isEnabled());
    QVERIFY(!m_page->scores());
    QCOMPARE(m_page->scoredModel()->rowCount(), 0);
}

void TestBatchPage::unreadableFileGivesOneErrorBox()
{
    m_page->setModel(modelOf(m_iris), QStringLiteral("iris nb"));
    m_page->openFile(m_dir.filePath(QStringLiteral("no-such-file.csv")));
    auto *box = widget_test::waitForChild<QMessageBox>(m_page.get(), QStringLiteral("batchErrorBox"));
    QVERIFY(box);
    QVERIFY(box->text().contains(QLatin1String("no-such-file.csv")));
    QVERIFY(!m_page->scoreButton()->isEnabled());
}

void TestBatchPage::mainWindowSharesTheShownModel()
{
    m_page.reset();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString path = m_dir.filePath(QStringLiteral("iris.mbm"));
    QVERIFY(saveModelFile(path, m_iris->evaluation.model));
    QVERIFY(window.openModelFile(path));
    // Opened on Results; Predict and Batch have the same model.
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    QCOMPARE(tabs->currentWidget(), window.resultsPage());
    QVERIFY(window.predictPage()->model());
    QCOMPARE(window.batchPage()->model().get(), &window.resultsPage()->result()->evaluation.model);
    QCOMPARE(window.predictPage()->model()->schema().classes, m_iris->evaluation.model.schema().classes);
    QTest::mouseClick(window.resultsPage()->findChild<QPushButton *>(QStringLiteral("openInPredictButton")),
                      Qt::LeftButton);
    QCOMPARE(tabs->currentWidget(), window.predictPage());
}

// Not a check: saves the picture for docs/screenshots when MB_SCREENSHOT names a .png file.
// QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1280x800x24' tst_batch_page screenshot
void TestBatchPage::screenshot()
{
    const QString path = qEnvironmentVariable("MB_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set MB_SCREENSHOT=FILE.png to take the screenshot");
    m_page.reset();
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto weather = widget_test::trainResult(widget_test::loadWithLastTarget(QStringLiteral("sample:weather.numeric.arff")), "forest");
    window.resultsPage()->setResult(weather);
    window.findChild<QTabWidget *>(QStringLiteral("pageTabs"))->setCurrentWidget(window.batchPage());
    BatchPage *page = window.batchPage();
    page->openFile(write(QStringLiteral("new-days.csv"),
                         "outlook,temp,humidity,windy,play\n"
                         "sunny,85,85,FALSE,no\nfoggy,70,96,TRUE,no\novercast,64,65,TRUE,yes\n"
                         "rainy,71,91,TRUE,no\nsunny,69,70,FALSE,yes\nrainy,75,80,FALSE,yes\n"
                         "overcast,81,75,FALSE,yes\nsunny,99,70,TRUE,no\n"));
    QVERIFY(QTest::qWaitFor([page] { return page->preflightModel()->rowCount() > 0; }, 10000));
    page->chooseColumn(QStringLiteral("temperature"), 1);
    QTest::qWait(50);
    page->setUnseenPolicy(UnseenPolicy::SkipRow);
    QSignalSpy finished(page, &BatchPage::scoringFinished);
    QVERIFY(page->score());
    QVERIFY(finished.wait(10000));
    QTest::qWait(200);
    QVERIFY(window.grab().save(path));
}

QTEST_MAIN(TestBatchPage)
#include "tst_batch_page.moc"
