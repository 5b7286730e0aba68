// SPDX-License-Identifier: MIT
// The whole loop a person clicks through, on one main window: open a sample, choose the
// target, train each learner with a changed parameter, see its metrics, save one to the
// catalog through its dialog, find it in the Catalog page and delete it there.
#include "core/catalog/catalog.h"
#include "ui/catalog/catalog_filter_model.h"
#include "ui/catalog/catalog_page.h"
#include "ui/catalog/catalog_table_model.h"
#include "ui/data/data_page.h"
#include "ui/main_window.h"
#include "ui/results/metrics_table_model.h"
#include "ui/results/results_page.h"
#include "ui/train/result_list_model.h"
#include "ui/train/train_page.h"
#include "widget_test_support.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace mb;

class TestWorkbenchFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainEachLearnerSaveFindAndDelete();
    void closingDuringTrainingExitsCleanlyAndSoon();
};

namespace {

// Clicks the learner's row in the list, as a person would.
bool clickLearner(QListWidget *list, const QString &key)
{
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        if (item->data(Qt::UserRole).toString() != key)
            continue;
        list->scrollToItem(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
        return list->currentItem() == item;
    }
    return false;
}

} // namespace

void TestWorkbenchFlow::initTestCase()
{
    widget_test::silenceOffscreenNoise();
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    QSettings().clear();
}

void TestWorkbenchFlow::trainEachLearnerSaveFindAndDelete()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // File > Open Catalog takes an existing catalog only; make an empty one.
    const QString catalogPath = dir.filePath(QStringLiteral("team.sqlite"));
    QVERIFY(Catalog::open(catalogPath).has_value());
    QVERIFY(window.openCatalog(catalogPath));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));

    // Open a sample from the File menu's samples.
    QSignalSpy loaded(window.dataPage(), &DataPage::datasetChanged);
    window.findChild<QAction *>(QStringLiteral("actionSample_iris.csv"))->trigger();
    QVERIFY(loaded.wait(10000));

    // Choose the target: first another column, then the class column back, by keyboard.
    auto *target = window.dataPage()->findChild<QComboBox *>(QStringLiteral("targetCombo"));
    QVERIFY(target);
    const int classColumn = target->findText(QStringLiteral("species"), Qt::MatchContains);
    QVERIFY2(classColumn >= 0, "iris has a species column");
    QSignalSpy targetChanged(window.dataPage(), &DataPage::targetChanged);
    target->setFocus();
    QTest::keyClick(target, Qt::Key_Home);
    QCOMPARE(window.dataPage()->dataset()->targetIndex(), std::optional<std::size_t>(0));
    target->setCurrentIndex(classColumn);
    QCOMPARE(window.dataPage()->dataset()->targetIndex(), std::optional<std::size_t>(classColumn));
    QCOMPARE(targetChanged.count(), 2);

    tabs->setCurrentWidget(window.trainPage());
    TrainPage *train = window.trainPage();
    auto *learners = train->findChild<QListWidget *>(QStringLiteral("learnerList"));
    auto *trainButton = train->findChild<QPushButton *>(QStringLiteral("trainButton"));
    QVERIFY(learners && trainButton);
    const QStringList keys {QStringLiteral("tree"), QStringLiteral("forest"), QStringLiteral("gbt"),
                            QStringLiteral("logreg"), QStringLiteral("knn"), QStringLiteral("nb")};
    // One integer parameter per learner, changed in its generated form.
    const QList<QPair<QString, int>> changes {
        {QStringLiteral("param_min_samples_leaf"), 2},   {QStringLiteral("param_n_estimators"), 20},
        {QStringLiteral("param_max_iter"), 30},   {QStringLiteral("param_max_iter"), 50},
        {QStringLiteral("param_n_neighbors"), 7}, {}};
    for (int i = 0; i < keys.size(); ++i) {
        QVERIFY2(clickLearner(learners, keys[i]), qPrintable(keys[i]));
        if (!changes[i].first.isEmpty()) {
            auto *spin = train->findChild<QSpinBox *>(changes[i].first);
            QVERIFY2(spin, qPrintable(changes[i].first));
            // A new form's widgets show once the event loop runs.
            QTRY_VERIFY(spin->isVisible());
            spin->setFocus();
            spin->selectAll();
            QTest::keyClicks(spin, QString::number(changes[i].second));
            QCOMPARE(spin->value(), changes[i].second);
        }
        QSignalSpy finished(train, &TrainPage::trainingFinished);
        QTest::mouseClick(trainButton, Qt::LeftButton);
        QVERIFY2(finished.wait(60000), qPrintable(keys[i]));
        QCOMPARE(train->resultModel()->rowCount(), i + 1);
        // Its metrics are on the Results page, with the parameter as it was set.
        const auto result = window.resultsPage()->result();
        QVERIFY(result);
        QCOMPARE(QString::fromStdString(result->algo), keys[i]);
        MetricsTableModel *metrics = window.resultsPage()->metricsModel();
        QVERIFY(metrics->rowCount() > 0);
        const double accuracy = metrics->index(metrics->rowOf(QStringLiteral("accuracy")),
                                               MetricsTableModel::ValueColumn)
                                    .data(MetricsTableModel::ValueRole)
                                    .toDouble();
        QVERIFY2(accuracy > 0.8, qPrintable(QStringLiteral("%1: %2").arg(keys[i]).arg(accuracy)));
        if (!changes[i].first.isEmpty()) {
            const std::string name = changes[i].first.mid(6).toStdString();
            bool found = false;
            for (const auto &[key, value] : result->params)
                found = found || (key == name && value == std::to_string(changes[i].second));
            QVERIFY2(found, name.c_str());
        }
    }

    // Save the last model to the catalog through its dialog.
    tabs->setCurrentWidget(window.resultsPage());
    auto *save = window.resultsPage()->findChild<QPushButton *>(QStringLiteral("saveToCatalogButton"));
    QVERIFY(save);
    QTRY_VERIFY(save->isVisible() && save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    auto *dialog = widget_test::waitForChild<QDialog>(window.resultsPage(), QStringLiteral("saveToCatalogDialog"));
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("catalogNameEdit"));
    QVERIFY(name);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("iris-bayes"));
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("catalogButtons"));
    QVERIFY(buttons && buttons->button(QDialogButtonBox::Save));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);

    // Found in the Catalog page's table, selected.
    CatalogPage *catalog = window.catalogPage();
    QTRY_COMPARE(catalog->tableModel()->rowCount(), 1);
    tabs->setCurrentWidget(catalog);
    catalog->filterEdit()->setText(QStringLiteral("bayes"));
    QCOMPARE(catalog->filterModel()->rowCount(), 1);
    const QModelIndex row = catalog->filterModel()->index(0, CatalogTableModel::Name);
    QCOMPARE(row.data().toString(), QStringLiteral("iris-bayes"));
    QCOMPARE(catalog->filterModel()->index(0, CatalogTableModel::Learner).data().toString(),
             QStringLiteral("Naive Bayes"));

    // Delete it there, confirming.
    QTableView *table = catalog->tableView();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(row).center());
    QWidget *deleteButton = catalog->toolBar()->widgetForAction(catalog->deleteAction());
    QVERIFY(deleteButton);
    QTRY_VERIFY(deleteButton->isVisible());
    QTest::mouseClick(deleteButton, Qt::LeftButton);
    auto *confirm = widget_test::waitForChild<QMessageBox>(catalog, QStringLiteral("catalogDeleteBox"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE(catalog->tableModel()->rowCount(), 0);
}

namespace {

QStringList g_warnings;
QtMessageHandler g_chained = nullptr;

void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg)
        g_warnings << message;
    g_chained(type, context, message);
}

} // namespace

// Closing the window while a forest trains on 300,000 rows: the window goes within 2 s (the job
// is cancelled and waited for) and nothing warns, e.g. about database connections in use.
void TestWorkbenchFlow::closingDuringTrainingExitsCleanlyAndSoon()
{
    auto data = std::make_shared<Dataset>();
    const std::size_t rows = 300000;
    for (int f = 0; f < 10; ++f) {
        std::vector<double> values(rows);
        for (std::size_t r = 0; r < rows; ++r)
            values[r] = double((r * 7919 + std::size_t(f) * 104729) % 1000) / 100.0;
        std::string name = "x";
        name += std::to_string(f);
        data->addColumn(Column::numeric(name, std::move(values)));
    }
    std::vector<std::int32_t> label(rows);
    for (std::size_t r = 0; r < rows; ++r)
        label[r] = (r * 31 % 97) < 48 ? 1 : 0;
    data->addColumn(Column::categorical("y", std::move(label), {"no", "yes"}));
    data->setTarget(10);

    QTemporaryDir dir;
    const QString catalogPath = dir.filePath(QStringLiteral("c.sqlite"));
    QVERIFY(Catalog::open(catalogPath).has_value());
    auto window = std::make_unique<MainWindow>();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(window->openCatalog(catalogPath));
    TrainPage *train = window->trainPage();
    train->setDataset(data);
    train->setCurrentLearner(QStringLiteral("forest"));
    auto *trees = train->findChild<QSpinBox *>(QStringLiteral("param_n_estimators"));
    QVERIFY(trees);
    trees->setValue(2000);
    QTest::mouseClick(train->findChild<QPushButton *>(QStringLiteral("trainButton")), Qt::LeftButton);
    QVERIFY(train->isTraining());
    QTest::qWait(300);
    QVERIFY(train->isTraining());

    g_warnings.clear();
    g_chained = qInstallMessageHandler(collectWarnings);
    QElapsedTimer closing;
    closing.start();
    QVERIFY(window->close());
    window.reset();
    const qint64 ms = closing.elapsed();
    qInstallMessageHandler(g_chained);
    QVERIFY2(ms < 2000, qPrintable(QStringLiteral("closing took %1 ms").arg(ms)));
    QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(QLatin1Char('\n'))));
    qInfo("closed during training in %lld ms", static_cast<long long>(ms));
}

QTEST_MAIN(TestWorkbenchFlow)
#include "tst_workbench_flow.moc"
