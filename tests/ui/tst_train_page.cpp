// SPDX-License-Identifier: MIT
#include "core/data/dataset.h"
#include "core/io/dataset_loader.h"
#include "core/jobs/train_job.h"
#include "core/ml/learner_registry.h"
#include "ui/data/data_page.h"
#include "ui/main_window.h"
#include "ui/train/param_editor.h"
#include "ui/train/param_form.h"
#include "ui/train/result_list_model.h"
#include "ui/train/train_page.h"
#include "ui/train/validation_box.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace mb;

class TestTrainPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void listsEveryLearnerWithItsDescription();
    void formFollowsTheParamSpecs_data();
    void formFollowsTheParamSpecs();
    void resetRestoresTheDefaults();
    void withoutDataTrainIsDisabledWithAReason();
    void invalidEntryDisablesTrain();
    void testFileSchemeNeedsAFile();
    void trainingIrisAddsOneResult();
    void cancelStopsSoonAndKeepsNoModel();
    void resultModelPassesTheTester();
    void mainWindowSharesTheDataPageDataset();
    void screenshotAfterTrainingIris();

private:
    template<class T> T *child(const char *name) const
    {
        T *widget = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child named %s", name);
        return widget;
    }
    // Selects the text of a spin box and types `text` as a person would.
    static void typeInto(QAbstractSpinBox *spin, const QString &text);

    std::shared_ptr<Dataset> m_iris;
    std::shared_ptr<Dataset> m_digits;
    std::unique_ptr<TrainPage> m_page;
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

std::shared_ptr<Dataset> loadSample(const char *name)
{
    auto loaded = loadDataset(QString::fromLatin1(name));
    if (!loaded)
        qFatal("cannot load %s: %s", name, loaded.error().describe().c_str());
    auto data = std::make_shared<Dataset>(std::move(*loaded));
    data->setTarget(data->columnCount() - 1);
    return data;
}

// Whether two parameter sets mean the same values ("1e-07" is "1e-7").
bool sameValues(std::span<const ParamSpec> specs, const ParamValues &a, const ParamValues &b)
{
    const ParamCheck left = checkParams(specs, a);
    const ParamCheck right = checkParams(specs, b);
    if (!left.ok() || !right.ok())
        return false;
    for (std::size_t i = 0; i < left.values.size(); ++i) {
        if (left.values[i].number != right.values[i].number || left.values[i].text != right.values[i].text)
            return false;
    }
    return true;
}

} // namespace

void TestTrainPage::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(dropOffscreenNoise);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    m_iris = loadSample("sample:iris.csv");
    m_digits = loadSample("sample:digits.csv");
}

void TestTrainPage::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void TestTrainPage::init()
{
    QSettings().clear();
    m_page = std::make_unique<TrainPage>();
    m_page->resize(1200, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestTrainPage::cleanup()
{
    m_page.reset();
}

void TestTrainPage::typeInto(QAbstractSpinBox *spin, const QString &text)
{
    auto *edit = spin->findChild<QLineEdit *>();
    QVERIFY(edit);
    spin->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

void TestTrainPage::listsEveryLearnerWithItsDescription()
{
    auto *list = child<QListWidget>("learnerList");
    QCOMPARE(list->count(), int(learners().size()));
    for (int row = 0; row < list->count(); ++row) {
        const LearnerInfo &info = learners()[std::size_t(row)];
        QVERIFY(list->item(row)->text().startsWith(QString::fromUtf8(info.name.data(), qsizetype(info.name.size()))));
        QVERIFY(list->item(row)->text().contains(
                QString::fromUtf8(info.description.data(), qsizetype(info.description.size()))));
    }
    QCOMPARE(m_page->currentLearner(), QStringLiteral("tree"));
    QVERIFY(!list->accessibleName().isEmpty());
}

void TestTrainPage::formFollowsTheParamSpecs_data()
{
    QTest::addColumn<QString>("key");
    for (const LearnerInfo &info : learners()) {
        const QByteArray name(info.name.data(), qsizetype(info.name.size()));
        QTest::newRow(name.constData()) << QString::fromUtf8(info.key.data(), qsizetype(info.key.size()));
    }
}

void TestTrainPage::formFollowsTheParamSpecs()
{
    QFETCH(QString, key);
    // Picked by clicking its row, as a person would.
    auto *list = child<QListWidget>("learnerList");
    int row = 0;
    while (row < list->count() && list->item(row)->data(Qt::UserRole).toString() != key)
        ++row;
    QVERIFY(row < list->count());
    list->scrollToItem(list->item(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
    QCOMPARE(m_page->currentLearner(), key);

    const LearnerInfo *info = findLearner(key.toStdString());
    const auto specs = info->params();
    ParamForm *form = m_page->paramForm();
    QCOMPARE(form->editors().size(), qsizetype(specs.size()));
    for (const ParamSpec &spec : specs) {
        const QString name = QString::fromUtf8(spec.name.data(), qsizetype(spec.name.size()));
        ParamEditor *editor = form->editor(name);
        QVERIFY2(editor, qPrintable(name));
        QWidget *input = editor->valueWidget();
        QCOMPARE(input->objectName(), QStringLiteral("param_") + name);
        QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(name));
        QVERIFY2(input->toolTip().contains(translatedSpecText(spec.help).toHtmlEscaped()), qPrintable(name));
        switch (spec.type) {
        case ParamSpec::Type::Int: {
            auto *spin = qobject_cast<QSpinBox *>(input);
            QVERIFY2(spin, qPrintable(name));
            QCOMPARE(spin->minimum(), int(spec.min));
            QCOMPARE(spin->maximum(), int(spec.max));
            break;
        }
        case ParamSpec::Type::Real: {
            auto *spin = qobject_cast<QDoubleSpinBox *>(input);
            QVERIFY2(spin, qPrintable(name));
            QCOMPARE(spin->minimum(), spec.min);
            QCOMPARE(spin->maximum(), spec.max);
            break;
        }
        case ParamSpec::Type::Choice: {
            auto *combo = qobject_cast<QComboBox *>(input);
            QVERIFY2(combo, qPrintable(name));
            QCOMPARE(combo->count(), int(spec.choices.size()));
            break;
        }
        case ParamSpec::Type::Bool:
            QVERIFY2(qobject_cast<QCheckBox *>(input), qPrintable(name));
            break;
        }
        // Words such as 'none' are offered beside the number, and only there.
        QCOMPARE(editor->specialCombo() != nullptr, !spec.specialValues.empty());
        if (editor->specialCombo())
            QCOMPARE(editor->specialCombo()->count(), int(spec.specialValues.size()) + 1);
    }
    QVERIFY(sameValues(specs, form->values(), {}));
    QVERIFY(form->problem().isEmpty());
    QVERIFY(form->isAtDefaults());
}

void TestTrainPage::resetRestoresTheDefaults()
{
    m_page->setCurrentLearner(QStringLiteral("forest"));
    ParamForm *form = m_page->paramForm();
    auto *reset = child<QPushButton>("resetParamsButton");
    QVERIFY(!reset->isEnabled());

    child<QSpinBox>("param_n_estimators")->setValue(7);
    child<QComboBox>("param_max_depth_special")->setCurrentIndex(0);
    child<QSpinBox>("param_max_depth")->setValue(5);
    child<QCheckBox>("param_bootstrap")->setChecked(false);
    child<QComboBox>("param_criterion")->setCurrentIndex(1);
    const ParamValues changed = form->values();
    QCOMPARE(changed.at("n_estimators"), std::string("7"));
    QCOMPARE(changed.at("max_depth"), std::string("5"));
    QCOMPARE(changed.at("bootstrap"), std::string("false"));
    QCOMPARE(changed.at("criterion"), std::string("entropy"));
    QVERIFY(reset->isEnabled());

    QTest::mouseClick(reset, Qt::LeftButton);
    const auto specs = findLearner("forest")->params();
    QVERIFY(sameValues(specs, form->values(), {}));
    QCOMPARE(form->values().at("max_depth"), std::string("none"));
    QVERIFY(!child<QSpinBox>("param_max_depth")->isEnabled());
    QVERIFY(!reset->isEnabled());
}

void TestTrainPage::withoutDataTrainIsDisabledWithAReason()
{
    auto *train = child<QPushButton>("trainButton");
    QVERIFY(!train->isEnabled());
    QVERIFY(child<QLabel>("trainBlocker")->isVisible());
    QVERIFY(child<QLabel>("trainBlocker")->text().contains(QStringLiteral("Data page")));
    m_page->setDataset(m_iris);
    QVERIFY(train->isEnabled());
    QVERIFY(!child<QLabel>("trainBlocker")->isVisible());
    QVERIFY(child<QLabel>("trainDataLabel")->text().contains(QStringLiteral("species")));
}

void TestTrainPage::invalidEntryDisablesTrain()
{
    m_page->setDataset(m_iris);
    m_page->setCurrentLearner(QStringLiteral("gbt"));
    auto *train = child<QPushButton>("trainButton");
    QVERIFY(train->isEnabled());

    // Below the minimum of 2.
    auto *bins = child<QSpinBox>("param_max_bins");
    typeInto(bins, QStringLiteral("1"));
    QVERIFY(!train->isEnabled());
    QVERIFY(child<QLabel>("trainBlocker")->isVisible());
    QVERIFY(child<QLabel>("trainBlocker")->text().contains(QStringLiteral("Max bins")));
    QVERIFY(!m_page->trainBlocker().isEmpty());
    // Clicking the disabled button trains nothing.
    QTest::mouseClick(train, Qt::LeftButton);
    QVERIFY(!m_page->isTraining());

    typeInto(bins, QStringLiteral("64"));
    QVERIFY(train->isEnabled());

    // A number the real spin box cannot hold.
    auto *rate = child<QDoubleSpinBox>("param_learning_rate");
    typeInto(rate, QStringLiteral("50"));
    QVERIFY(!train->isEnabled());
    typeInto(rate, QStringLiteral("0.05"));
    QVERIFY(train->isEnabled());
    QCOMPARE(m_page->paramForm()->values().at("learning_rate"), std::string("0.05"));
}

void TestTrainPage::testFileSchemeNeedsAFile()
{
    m_page->setDataset(m_iris);
    auto *train = child<QPushButton>("trainButton");
    // On the indicator: a radio button takes clicks on its indicator and text only.
    auto *radio = child<QWidget>("testFileRadio");
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
    QCOMPARE(m_page->validationBox()->scheme().kind, ValidationScheme::Kind::TestSet);
    QVERIFY(!train->isEnabled());
    QVERIFY(child<QLabel>("trainBlocker")->text().contains(QStringLiteral("test file")));
    m_page->validationBox()->setTestPath(QStringLiteral("sample:iris.csv"));
    QVERIFY(train->isEnabled());
}

void TestTrainPage::trainingIrisAddsOneResult()
{
    m_page->setDataset(m_iris);
    m_page->setCurrentLearner(QStringLiteral("forest"));
    QSignalSpy activated(m_page.get(), &TrainPage::resultActivated);
    QSignalSpy finished(m_page.get(), &TrainPage::trainingFinished);
    auto *train = child<QPushButton>("trainButton");

    QTest::mouseClick(train, Qt::LeftButton);
    QVERIFY(m_page->isTraining());
    QVERIFY(!train->isEnabled());
    QVERIFY(child<QPushButton>("cancelTrainButton")->isEnabled());
    QVERIFY(child<QProgressBar>("trainProgress")->isVisible());

    QVERIFY(finished.wait(120000));
    QCOMPARE(m_page->resultModel()->rowCount(), 1);
    QCOMPARE(activated.count(), 1);
    const auto result = activated.at(0).at(0).value<std::shared_ptr<const TrainResult>>();
    QVERIFY(result);
    QCOMPARE(result->algo, std::string("forest"));
    QCOMPARE(result->validation, std::string("holdout 0.25"));
    QVERIFY2(result->evaluation.metrics.accuracy > 0.8,
             qPrintable(QString::number(result->evaluation.metrics.accuracy)));
    QCOMPARE(m_page->resultModel()->data(m_page->resultModel()->index(0), ResultListModel::AccuracyRole).toDouble(),
             result->evaluation.metrics.accuracy);
    QVERIFY(m_page->resultModel()->index(0).data().toString().contains(QStringLiteral("Random forest")));
    QVERIFY(child<QLabel>("trainOutcome")->text().contains(QStringLiteral("accuracy")));
    QVERIFY(train->isEnabled());
    QVERIFY(!child<QPushButton>("cancelTrainButton")->isEnabled());
    QVERIFY(!child<QProgressBar>("trainProgress")->isVisible());

    // Selecting the row again announces it again, for the results view.
    auto *view = child<QListView>("resultList");
    QCOMPARE(view->currentIndex().row(), 0);
    view->clearSelection();
    view->setCurrentIndex({});
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(m_page->resultModel()->index(0)).center());
    QCOMPARE(activated.count(), 2);
}

void TestTrainPage::cancelStopsSoonAndKeepsNoModel()
{
    m_page->setDataset(m_digits);
    m_page->setCurrentLearner(QStringLiteral("forest"));
    child<QSpinBox>("param_n_estimators")->setValue(2000);
    QSignalSpy finished(m_page.get(), &TrainPage::trainingFinished);
    auto *train = child<QPushButton>("trainButton");
    auto *cancel = child<QPushButton>("cancelTrainButton");

    QTest::mouseClick(train, Qt::LeftButton);
    QVERIFY(m_page->isTraining());
    // Let the forest get going, and the elapsed time move.
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("elapsedLabel")->text() != QStringLiteral("Elapsed: 0:00.0"), 5000);
    QVERIFY(m_page->isTraining());

    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_page->resultModel()->rowCount(), 0);
    QVERIFY(!m_page->isTraining());
    QVERIFY(train->isEnabled());
    QVERIFY(child<QLabel>("trainOutcome")->text().contains(QStringLiteral("cancelled")));
}

void TestTrainPage::resultModelPassesTheTester()
{
    ResultListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    TrainJob job;
    TrainParams params;
    params.data = std::make_shared<const Dataset>(*m_iris);
    params.algo = "nb";
    params.scheme.kind = ValidationScheme::Kind::CrossValidation;
    params.scheme.folds = 5;
    QSignalSpy finished(&job, &TrainJob::finished);
    job.start(std::move(params));
    QVERIFY(finished.wait(60000));
    auto result = job.takeResult();
    QVERIFY2(result, result ? "" : result.error().describe().c_str());
    model.append(std::make_shared<const TrainResult>(std::move(*result)));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0).data().toString().contains(QStringLiteral("Naive Bayes")));
    QVERIFY(model.index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("5-fold")));
}

void TestTrainPage::mainWindowSharesTheDataPageDataset()
{
    m_page.reset();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    QVERIFY(tabs->indexOf(window.trainPage()) >= 0);
    QCOMPARE(tabs->widget(1), window.trainPage());
    auto *train = window.trainPage()->findChild<QPushButton *>(QStringLiteral("trainButton"));
    QVERIFY(!train->isEnabled());

    QSignalSpy changed(window.dataPage(), &DataPage::datasetChanged);
    window.findChild<QAction *>(QStringLiteral("actionSample_iris.csv"))->trigger();
    QVERIFY(changed.wait(10000));
    QVERIFY(train->isEnabled());
    auto *dataLabel = window.trainPage()->findChild<QLabel *>(QStringLiteral("trainDataLabel"));
    QVERIFY(dataLabel->text().contains(QStringLiteral("species")));
    // A new target on the Data page shows on the Train page.
    window.dataPage()->setTarget(0);
    QVERIFY(dataLabel->text().contains(QStringLiteral("sepal_length")));
}

// Not a check: saves the picture for docs/screenshots when MB_SCREENSHOT names a .png file.
// Run it under Xvfb for real X11 rendering, e.g.
// QT_QPA_PLATFORM=xcb xvfb-run -s '-screen 0 1400x900x24' tst_train_page screenshotAfterTrainingIris
void TestTrainPage::screenshotAfterTrainingIris()
{
    const QString path = qEnvironmentVariable("MB_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set MB_SCREENSHOT=FILE.png to take the screenshot");
    m_page.reset();
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy changed(window.dataPage(), &DataPage::datasetChanged);
    window.findChild<QAction *>(QStringLiteral("actionSample_iris.csv"))->trigger();
    QVERIFY(changed.wait(10000));
    window.findChild<QTabWidget *>(QStringLiteral("pageTabs"))->setCurrentWidget(window.trainPage());
    TrainPage *page = window.trainPage();
    page->setCurrentLearner(QStringLiteral("forest"));
    QSignalSpy finished(page, &TrainPage::trainingFinished);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("trainButton")), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(page->resultModel()->rowCount(), 1);
    QTest::qWait(200);
    QVERIFY(window.grab().save(path));
}

QTEST_MAIN(TestTrainPage)
#include "tst_train_page.moc"
