// SPDX-License-Identifier: MIT
#include "core/data/dataset.h"
#include "core/io/dataset_loader.h"
#include "core/ml/model.h"
#include "core/model/model_file.h"
#include "ui/predict/feature_field.h"
#include "ui/predict/feature_form.h"
#include "ui/predict/input_number.h"
#include "ui/predict/predict_page.h"
#include "ui/predict/probability_bars.h"
#include "ui/predict/what_if_chart.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <charconv>
#include <cmath>
#include <memory>
#include <numeric>
#include <random>

using namespace mb;

class TestPredictPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void withoutAModelThePageSaysWhatToDo();
    void oneFieldPerFeatureAtItsTrainingMedian();
    void typingAValuePredictsThroughTheEngine_data();
    void typingAValuePredictsThroughTheEngine();
    void formGivesTheNumbersOfModelbenchCliPredict_data();
    void formGivesTheNumbersOfModelbenchCliPredict();
    void valueOutsideTheTrainingRangeIsAcceptedButFlagged();
    void missingToggleGivesNaN();
    void categoricalFeaturesGetComboBoxesWithTheTrainingLevels();
    void resetPutsEveryFieldBackAtItsMedian();
    void fillFromRowMatchesColumnsByName();
    void unseenCategoryFillsAsMissingAndSaysSo();
    void scenariosAreSavedAndReloaded();
    void inputsAreKeptPerModelAndAcrossRestarts();
    void germanLocaleTakesADecimalComma();
    void whatIfChartHasOneCurvePerClass_data();
    void whatIfChartHasOneCurvePerClass();
    void whatIfChartFollowsTheForm();
    void sixtyFourFeaturesScrollAndUseTwoColumnsWhenWide();
    void screenshotOfWine();

private:
    std::shared_ptr<const Model> train(const Dataset &data, const char *algo) const;
    FeatureField *fieldAt(int index) const;
    void typeInto(FeatureField *field, const QString &text) const;
    std::vector<double> engineProba(const Model &model, const std::vector<double> &row) const;

    std::shared_ptr<const Dataset> m_iris;
    std::shared_ptr<const Dataset> m_weather; // all nominal
    std::shared_ptr<const Dataset> m_weatherNumeric; // two nominal, two numeric
    std::unique_ptr<PredictPage> m_page;
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

// Numbers as the CLI reads them back exactly (C locale, shortest round trip).
QByteArray exactText(double value)
{
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QByteArray(buffer, r.ptr - buffer);
}

bool sameProba(const std::vector<double> &a, const std::vector<double> &b)
{
    return a == b;
}

QByteArray probaText(const std::vector<double> &p)
{
    QByteArrayList parts;
    for (double v : p)
        parts.append(exactText(v));
    return parts.join(' ');
}

} // namespace

std::shared_ptr<const Model> TestPredictPage::train(const Dataset &data, const char *algo) const
{
    FitControl control;
    control.seed = 7;
    auto model = Model::train(data, {}, algo, {}, control);
    if (!model) {
        qWarning("training failed: %s", model.error().describe().c_str());
        return nullptr;
    }
    return std::make_shared<const Model>(std::move(*model));
}

FeatureField *TestPredictPage::fieldAt(int index) const
{
    return m_page->form()->fields().at(index);
}

void TestPredictPage::typeInto(FeatureField *field, const QString &text) const
{
    QLineEdit *line = field->lineEdit();
    line->setFocus();
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Backspace);
    QTest::keyClicks(line, text);
}

std::vector<double> TestPredictPage::engineProba(const Model &model,
                                                 const std::vector<double> &row) const
{
    std::vector<double> proba(std::size_t(model.classCount()));
    model.predictRow(row, proba);
    return proba;
}

void TestPredictPage::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(dropOffscreenNoise);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    m_iris = loadSample("sample:iris.csv");
    m_weather = loadSample("sample:weather.nominal.arff");
    m_weatherNumeric = loadSample("sample:weather.numeric.arff");
}

void TestPredictPage::cleanupTestCase()
{
    QSettings().clear();
    qInstallMessageHandler(g_previousHandler);
}

void TestPredictPage::init()
{
    QSettings().clear();
    m_page = std::make_unique<PredictPage>();
    m_page->resize(1200, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestPredictPage::cleanup()
{
    m_page.reset();
}

void TestPredictPage::withoutAModelThePageSaysWhatToDo()
{
    auto *stack = m_page->findChild<QStackedWidget *>();
    auto *placeholder = m_page->findChild<QLabel *>(QStringLiteral("predictPlaceholder"));
    QVERIFY(stack && placeholder);
    QCOMPARE(stack->currentWidget(), placeholder);
    QVERIFY(placeholder->text().contains(QStringLiteral("Train")));
    QCOMPARE(m_page->predictedClass(), -1);
    QVERIFY(m_page->form()->fields().isEmpty());
}

void TestPredictPage::oneFieldPerFeatureAtItsTrainingMedian()
{
    const auto model = train(*m_iris, "tree");
    QVERIFY(model);
    QSignalSpy predicted(m_page.get(), &PredictPage::predictionChanged);
    m_page->setModel(model);
    QCOMPARE(predicted.count(), 1); // one prediction for the whole form, not one per field

    const auto &features = model->schema().features;
    QCOMPARE(m_page->form()->fields().size(), qsizetype(features.size()));
    QCOMPARE(features.size(), std::size_t(4));
    for (std::size_t j = 0; j < features.size(); ++j) {
        FeatureField *field = fieldAt(int(j));
        QCOMPARE(field->name(), QString::fromStdString(features[j].name));
        QVERIFY(field->lineEdit());
        QVERIFY(!field->comboBox());
        QCOMPARE(field->value(), features[j].median);
        QCOMPARE(field->lineEdit()->text(), inputNumberText(features[j].median));
        QVERIFY(!field->isMissing());
        QVERIFY(!field->isOutOfRange());
        QVERIFY(!field->flag()->isVisibleTo(m_page.get()));
        QCOMPARE(field->rangeText(),
                 QStringLiteral("%1 – %2").arg(inputNumberText(features[j].min),
                                               inputNumberText(features[j].max)));
    }
    std::vector<double> medians;
    for (const FeatureSchema &f : features)
        medians.push_back(f.median);
    QCOMPARE(m_page->inputRow(), medians);
    QVERIFY(sameProba(m_page->probabilities(), engineProba(*model, medians)));
    QCOMPARE(m_page->probabilityBars()->probabilities(), m_page->probabilities());
    QCOMPARE(m_page->probabilityBars()->classes().size(), 3);
}

void TestPredictPage::typingAValuePredictsThroughTheEngine_data()
{
    QTest::addColumn<QString>("algo");
    for (const char *algo : {"tree", "forest", "gbt", "logreg", "knn", "nb"})
        QTest::newRow(algo) << QString::fromLatin1(algo);
}

void TestPredictPage::typingAValuePredictsThroughTheEngine()
{
    QFETCH(QString, algo);
    const auto model = train(*m_iris, algo.toLatin1().constData());
    QVERIFY(model);
    m_page->setModel(model);
    const std::vector<double> before = m_page->probabilities();

    // A large petal: virginica whatever the learner.
    QSignalSpy predicted(m_page.get(), &PredictPage::predictionChanged);
    typeInto(fieldAt(2), QStringLiteral("6.1"));
    typeInto(fieldAt(3), QStringLiteral("2.3"));
    QVERIFY(predicted.count() >= 2);
    const std::vector<double> row = m_page->inputRow();
    QCOMPARE(row[2], 6.1);
    QCOMPARE(row[3], 2.3);

    const std::vector<double> expected = engineProba(*model, row);
    QVERIFY2(sameProba(m_page->probabilities(), expected),
             probaText(m_page->probabilities()) + " vs " + probaText(expected));
    QVERIFY(m_page->probabilities() != before);
    QCOMPARE(std::accumulate(expected.begin(), expected.end(), 0.0), 1.0);
    const QStringList classes = m_page->probabilityBars()->classes();
    QCOMPARE(classes.at(m_page->predictedClass()), QStringLiteral("virginica"));
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("predictedClass"))->text(),
             QStringLiteral("virginica"));
    QCOMPARE(predicted.last().at(0).toInt(), m_page->predictedClass());
    QCOMPARE(m_page->probabilityBars()->probabilities(), expected);
    QCOMPARE(m_page->probabilityBars()->winner(), m_page->predictedClass());

    std::vector<double> sorted = expected;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    QCOMPARE(m_page->margin(), sorted[0] - sorted[1]);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("marginLabel"))
                ->text()
                .contains(QLocale().toString(100 * (sorted[0] - sorted[1]), 'f', 1)));
}

void TestPredictPage::formGivesTheNumbersOfModelbenchCliPredict_data()
{
    QTest::addColumn<QString>("algo");
    QTest::addColumn<QString>("sample");
    QTest::newRow("tree on iris") << QStringLiteral("tree") << QStringLiteral("iris");
    QTest::newRow("forest on iris") << QStringLiteral("forest") << QStringLiteral("iris");
    QTest::newRow("boosting on iris") << QStringLiteral("gbt") << QStringLiteral("iris");
    QTest::newRow("logistic regression on iris")
        << QStringLiteral("logreg") << QStringLiteral("iris");
    QTest::newRow("nearest neighbours on iris") << QStringLiteral("knn") << QStringLiteral("iris");
    QTest::newRow("naive Bayes on weather with two categories")
        << QStringLiteral("nb") << QStringLiteral("weather");
    QTest::newRow("tree on weather with two categories")
        << QStringLiteral("tree") << QStringLiteral("weather");
}

void TestPredictPage::formGivesTheNumbersOfModelbenchCliPredict()
{
    QFETCH(QString, algo);
    QFETCH(QString, sample);
    const bool iris = sample == QLatin1String("iris");
    const auto model = train(iris ? *m_iris : *m_weatherNumeric, algo.toLatin1().constData());
    QVERIFY(model);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString modelPath = dir.filePath(QStringLiteral("model.mbm"));
    QVERIFY(saveModelFile(modelPath, *model));
    auto loaded = loadModelFile(modelPath);
    QVERIFY(loaded);
    m_page->showLoadedModel(std::move(*loaded), modelPath);
    const Model &shown = *m_page->model();

    // Three rows typed into the form: two ordinary, one with a missing value (the CLI reads an
    // empty cell as missing, the form a ticked box; both must impute alike).
    std::vector<std::vector<double>> rows;
    std::vector<std::vector<double>> probas;
    const QList<QStringList> typed = iris ? QList<QStringList> {{"5.9", "3", "4.2", "1.5"},
                                                                {"6.3", "2.9", "5.6", "1.8"},
                                                                {"", "3.1", "4.9", "1.6"}}
                                          : QList<QStringList> {{"sunny", "81", "77", "TRUE"},
                                                                {"rainy", "66.5", "93", "FALSE"},
                                                                {"", "71", "", "TRUE"}};
    for (const QStringList &values : typed) {
        for (int j = 0; j < values.size(); ++j) {
            FeatureField *field = fieldAt(j);
            if (values[j].isEmpty()) {
                if (!field->isMissing())
                    QTest::mouseClick(field->missingBox(), Qt::LeftButton);
                continue;
            }
            if (field->isMissing())
                QTest::mouseClick(field->missingBox(), Qt::LeftButton);
            if (field->comboBox())
                field->comboBox()->setCurrentIndex(field->comboBox()->findText(values[j]));
            else
                typeInto(field, values[j]);
        }
        rows.push_back(m_page->inputRow());
        probas.push_back(m_page->probabilities());
    }
    QVERIFY(std::isnan(rows[2][0]));

    // The same rows as a file, scored by the real modelbench-cli.
    const auto &features = shown.schema().features;
    QByteArray csv;
    QByteArrayList header;
    for (const FeatureSchema &f : features)
        header.append(QByteArray::fromStdString(f.name));
    csv += header.join(',') + '\n';
    for (const auto &row : rows) {
        QByteArrayList cells;
        for (std::size_t j = 0; j < features.size(); ++j) {
            if (std::isnan(row[j]))
                cells.append(QByteArray());
            else if (features[j].categorical)
                cells.append(QByteArray::fromStdString(features[j].levels[std::size_t(row[j])]));
            else
                cells.append(exactText(row[j]));
        }
        csv += cells.join(',') + '\n';
    }
    const QString dataPath = dir.filePath(QStringLiteral("rows.csv"));
    QFile file(dataPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();

    QProcess cli;
    cli.start(QStringLiteral(MB_CLI_PATH),
              {QStringLiteral("predict"), modelPath, dataPath, QStringLiteral("--proba")});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);
    const QByteArrayList lines = cli.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), qsizetype(rows.size() + 1));
    const std::size_t k = shown.schema().classes.size();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const QByteArrayList cells = lines[qsizetype(r + 1)].trimmed().split(',');
        std::vector<double> fromCli;
        for (std::size_t c = 0; c < k; ++c)
            fromCli.push_back(cells[cells.size() - qsizetype(k) + qsizetype(c)].toDouble());
        const QByteArray predictedName = cells[cells.size() - qsizetype(k) - 1];
        QVERIFY2(sameProba(probas[r], fromCli),
                 "row " + QByteArray::number(r) + ": form " + probaText(probas[r]) + ", CLI "
                     + probaText(fromCli));
        m_page->setInputRow(rows[r]);
        QCOMPARE(predictedName,
                 QByteArray::fromStdString(
                     shown.schema().classes[std::size_t(m_page->predictedClass())]));
    }
}

void TestPredictPage::valueOutsideTheTrainingRangeIsAcceptedButFlagged()
{
    const auto model = train(*m_iris, "nb");
    QVERIFY(model);
    m_page->setModel(model);
    FeatureField *field = fieldAt(0);
    const FeatureSchema &f = model->schema().features[0];
    typeInto(field, QStringLiteral("12"));
    QCOMPARE(m_page->inputRow()[0], 12.0);
    QVERIFY(field->isOutOfRange());
    QVERIFY(field->flag()->isVisibleTo(m_page.get()));
    const QString range
        = QStringLiteral("%1 – %2").arg(inputNumberText(f.min), inputNumberText(f.max));
    QVERIFY2(field->flag()->toolTip().contains(
                 QStringLiteral("outside the training range ") + range, Qt::CaseInsensitive),
             qPrintable(field->flag()->toolTip()));
    QCOMPARE(field->lineEdit()->toolTip(), field->flag()->toolTip());
    QVERIFY(sameProba(m_page->probabilities(), engineProba(*model, m_page->inputRow())));

    typeInto(field, QStringLiteral("6"));
    QVERIFY(!field->isOutOfRange());
    QVERIFY(!field->flag()->isVisibleTo(m_page.get()));
    // The ends of the range are inside it.
    typeInto(field, inputNumberText(f.max));
    QVERIFY(!field->isOutOfRange());

    // A half-typed number is flagged, keeps the last number, and is put back on leaving.
    typeInto(field, QStringLiteral("-"));
    QVERIFY(!field->hasAcceptableInput());
    QVERIFY(field->flag()->isVisibleTo(m_page.get()));
    QCOMPARE(field->value(), f.max);
    fieldAt(1)->lineEdit()->setFocus();
    QCOMPARE(field->lineEdit()->text(), inputNumberText(f.max));
    QVERIFY(!field->flag()->isVisibleTo(m_page.get()));
}

void TestPredictPage::missingToggleGivesNaN()
{
    const auto model = train(*m_iris, "forest");
    QVERIFY(model);
    m_page->setModel(model);
    FeatureField *field = fieldAt(2);
    typeInto(field, QStringLiteral("1.2"));
    QSignalSpy predicted(m_page.get(), &PredictPage::predictionChanged);
    QTest::mouseClick(field->missingBox(), Qt::LeftButton);
    QCOMPARE(predicted.count(), 1);
    QVERIFY(field->isMissing());
    QVERIFY(std::isnan(m_page->inputRow()[2]));
    QVERIFY(!field->lineEdit()->isEnabled());
    QVERIFY(sameProba(m_page->probabilities(), engineProba(*model, m_page->inputRow())));

    QTest::mouseClick(field->missingBox(), Qt::LeftButton);
    QCOMPARE(predicted.count(), 2);
    QCOMPARE(m_page->inputRow()[2], 1.2);
    QVERIFY(field->lineEdit()->isEnabled());
}

void TestPredictPage::categoricalFeaturesGetComboBoxesWithTheTrainingLevels()
{
    const auto model = train(*m_weather, "nb");
    QVERIFY(model);
    m_page->setModel(model);
    const auto &features = model->schema().features;
    QCOMPARE(m_page->form()->fields().size(), qsizetype(features.size()));
    for (std::size_t j = 0; j < features.size(); ++j) {
        QVERIFY(features[j].categorical);
        QComboBox *combo = fieldAt(int(j))->comboBox();
        QVERIFY(combo);
        QVERIFY(!fieldAt(int(j))->lineEdit());
        QStringList items;
        for (int i = 0; i < combo->count(); ++i)
            items.append(combo->itemText(i));
        QStringList levels;
        for (const std::string &level : features[j].levels)
            levels.append(QString::fromStdString(level));
        QCOMPARE(items, levels);
        QCOMPARE(combo->currentIndex(), features[j].mode);
    }
    QCOMPARE(fieldAt(0)->comboBox()->itemText(0), QStringLiteral("sunny"));

    QSignalSpy predicted(m_page.get(), &PredictPage::predictionChanged);
    QComboBox *outlook = fieldAt(0)->comboBox();
    outlook->setFocus();
    const int before = outlook->currentIndex();
    QTest::keyClick(outlook, before == 0 ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(predicted.count(), 1);
    QCOMPARE(m_page->inputRow()[0], double(outlook->currentIndex()));
    QVERIFY(sameProba(m_page->probabilities(), engineProba(*model, m_page->inputRow())));
    QTest::mouseClick(fieldAt(0)->missingBox(), Qt::LeftButton);
    QVERIFY(std::isnan(m_page->inputRow()[0]));

    // The wheel over a combo box the user is not in scrolls the form; it changes no level.
    QComboBox *windy = fieldAt(3)->comboBox();
    const int level = windy->currentIndex();
    m_page->setFocus();
    QVERIFY(!windy->hasFocus());
    const QPoint centre = windy->rect().center();
    // Towards the other level: down (negative) from the first, up from the last.
    const QPoint towardsOther(0, level == 0 ? -120 : 120);
    QWheelEvent wheel(centre, windy->mapToGlobal(centre), QPoint(), towardsOther, Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(windy, &wheel);
    QCOMPARE(windy->currentIndex(), level);
}

void TestPredictPage::resetPutsEveryFieldBackAtItsMedian()
{
    const auto model = train(*m_weatherNumeric, "tree");
    QVERIFY(model);
    m_page->setModel(model);
    const std::vector<double> defaults = m_page->inputRow();
    typeInto(m_page->form()->field(QStringLiteral("temperature")), QStringLiteral("99"));
    QTest::mouseClick(m_page->form()->field(QStringLiteral("windy"))->missingBox(), Qt::LeftButton);
    m_page->form()->field(QStringLiteral("outlook"))->comboBox()->setCurrentIndex(2);
    QVERIFY(m_page->inputRow() != defaults);

    QSignalSpy predicted(m_page.get(), &PredictPage::predictionChanged);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("resetButton")),
                      Qt::LeftButton);
    QCOMPARE(predicted.count(), 1);
    QCOMPARE(m_page->inputRow(), defaults);
    const auto &features = model->schema().features;
    for (std::size_t j = 0; j < features.size(); ++j)
        QCOMPARE(defaults[j],
                 features[j].categorical ? double(features[j].mode) : features[j].median);
}

void TestPredictPage::fillFromRowMatchesColumnsByName()
{
    const auto model = train(*m_iris, "logreg");
    QVERIFY(model);
    m_page->setModel(model);
    auto *fill = m_page->findChild<QPushButton *>(QStringLiteral("fillButton"));
    auto *spin = m_page->findChild<QSpinBox *>(QStringLiteral("fillRowSpin"));
    QVERIFY(fill && spin);
    QVERIFY(!fill->isEnabled());

    // The same data with its columns in reverse order: matched by name, not by position.
    auto reversed = std::make_shared<Dataset>();
    reversed->setName("iris-reversed.csv");
    for (std::size_t c = m_iris->columnCount(); c-- > 0;)
        reversed->addColumn(m_iris->column(c));
    m_page->setDataset(reversed);
    QVERIFY(fill->isEnabled());
    QCOMPARE(spin->maximum(), 150);

    spin->setValue(120);
    QTest::mouseClick(fill, Qt::LeftButton);
    const auto &features = model->schema().features;
    const std::vector<double> row = m_page->inputRow();
    for (std::size_t j = 0; j < features.size(); ++j)
        QCOMPARE(row[j], m_iris->column(*m_iris->columnIndex(features[j].name)).values()[119]);
    QVERIFY(m_page->fillNote().contains(QStringLiteral("row 120")));
    QVERIFY(m_page->fillNote().contains(QStringLiteral("virginica"))); // its class in the data
    QVERIFY(sameProba(m_page->probabilities(), engineProba(*model, row)));
    QVERIFY(!m_page->fillFromRow(150));
}

void TestPredictPage::unseenCategoryFillsAsMissingAndSaysSo()
{
    const auto model = train(*m_weatherNumeric, "nb");
    QVERIFY(model);
    m_page->setModel(model);
    auto data = std::make_shared<Dataset>();
    data->setName("new-days.csv");
    data->addColumn(Column::numeric("humidity", {90, 71}));
    data->addColumn(Column::categorical("outlook", {0, 1}, {"foggy", "sunny"}));
    data->addColumn(Column::numeric("temperature", {60, 88}));
    data->addColumn(Column::categorical("windy", {0, 0}, {"TRUE"}));
    m_page->setDataset(data);

    QVERIFY(m_page->fillFromRow(0));
    FeatureField *outlook = m_page->form()->field(QStringLiteral("outlook"));
    QVERIFY(outlook->isMissing());
    QVERIFY(std::isnan(m_page->inputRow()[0]));
    QCOMPARE(m_page->form()->field(QStringLiteral("humidity"))->value(), 90.0);
    QCOMPARE(m_page->form()->field(QStringLiteral("temperature"))->value(), 60.0);
    QVERIFY2(m_page->fillNote().contains(QStringLiteral("foggy")), qPrintable(m_page->fillNote()));
    QVERIFY(m_page->fillNote().contains(QStringLiteral("outlook")));
    QVERIFY(sameProba(m_page->probabilities(), engineProba(*model, m_page->inputRow())));

    QVERIFY(m_page->fillFromRow(1));
    QVERIFY(!outlook->isMissing());
    QCOMPARE(outlook->comboBox()->currentText(), QStringLiteral("sunny"));
    QVERIFY(!m_page->fillNote().contains(QStringLiteral("foggy")));
}

void TestPredictPage::scenariosAreSavedAndReloaded()
{
    const auto model = train(*m_iris, "tree");
    QVERIFY(model);
    m_page->setModel(model);
    typeInto(fieldAt(0), QStringLiteral("4.5"));
    typeInto(fieldAt(2), QStringLiteral("1.1"));
    const std::vector<double> small = m_page->inputRow();
    m_page->saveScenario(QStringLiteral("small flower"));
    typeInto(fieldAt(2), QStringLiteral("6.5"));
    QTest::mouseClick(fieldAt(1)->missingBox(), Qt::LeftButton);
    const std::vector<double> large = m_page->inputRow();
    m_page->saveScenario(QStringLiteral("Large / odd"));
    QCOMPARE(m_page->scenarioNames(),
             QStringList({QStringLiteral("Large / odd"), QStringLiteral("small flower")}));

    auto *combo = m_page->findChild<QComboBox *>(QStringLiteral("scenarioCombo"));
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->currentText(), QStringLiteral("Large / odd"));
    QSignalSpy predicted(m_page.get(), &PredictPage::predictionChanged);
    const int index = combo->findText(QStringLiteral("small flower"));
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index); // as a pick from the list does
    QCOMPARE(predicted.count(), 1);
    QCOMPARE(m_page->inputRow(), small);

    // A change leaves the scenario: the combo no longer claims its name.
    typeInto(fieldAt(3), QStringLiteral("0.3"));
    QCOMPARE(combo->currentIndex(), -1);

    // Another page (a restart) lists and loads both.
    m_page = std::make_unique<PredictPage>();
    m_page->setModel(model);
    QCOMPARE(m_page->scenarioNames().size(), 2);
    QVERIFY(m_page->loadScenario(QStringLiteral("Large / odd")));
    const std::vector<double> reloaded = m_page->inputRow();
    QVERIFY(std::isnan(reloaded[1]));
    QCOMPARE(reloaded[0], large[0]);
    QCOMPARE(reloaded[2], large[2]);
    QVERIFY(!m_page->loadScenario(QStringLiteral("no such scenario")));

    // Scenarios belong to their model.
    m_page->setModel(train(*m_iris, "nb"));
    QVERIFY(m_page->scenarioNames().isEmpty());
}

void TestPredictPage::inputsAreKeptPerModelAndAcrossRestarts()
{
    const auto tree = train(*m_iris, "tree");
    const auto bayes = train(*m_iris, "nb");
    QVERIFY(tree && bayes);
    QVERIFY(modelKey(*tree, {}) != modelKey(*bayes, {}));
    m_page->setModel(tree);
    typeInto(fieldAt(0), QStringLiteral("7.1"));
    m_page->setModel(bayes);
    QCOMPARE(fieldAt(0)->value(), bayes->schema().features[0].median);
    typeInto(fieldAt(1), QStringLiteral("2.2"));
    QTest::mouseClick(fieldAt(3)->missingBox(), Qt::LeftButton);

    m_page->setModel(tree);
    QCOMPARE(fieldAt(0)->value(), 7.1);
    QCOMPARE(fieldAt(1)->value(), tree->schema().features[1].median);

    // After a restart, the same model opened from its file finds its inputs again.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bayes.mbm"));
    QVERIFY(saveModelFile(path, *bayes));
    auto loaded = loadModelFile(path);
    QVERIFY(loaded);
    m_page = std::make_unique<PredictPage>();
    m_page->showLoadedModel(std::move(*loaded), path);
    QCOMPARE(m_page->modelKey(), modelKey(*bayes, {}));
    QCOMPARE(fieldAt(1)->value(), 2.2);
    QVERIFY(fieldAt(3)->isMissing());
    QVERIFY(std::isnan(m_page->inputRow()[3]));
}

void TestPredictPage::germanLocaleTakesADecimalComma()
{
    // Widgets take the default locale when made; it is put back however the test ends.
    struct DefaultLocale
    {
        QLocale previous;
        ~DefaultLocale() { QLocale::setDefault(previous); }
    } restore;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    m_page = std::make_unique<PredictPage>();
    m_page->show();
    const auto model = train(*m_iris, "nb");
    QVERIFY(model);
    m_page->setModel(model);
    FeatureField *field = fieldAt(0);
    const FeatureSchema &f = model->schema().features[0];
    QCOMPARE(field->lineEdit()->text(),
             QString::number(f.median).replace(QLatin1Char('.'), QLatin1Char(',')));
    QCOMPARE(field->rangeText(),
             QStringLiteral("%1 – %2").arg(
                 QString::number(f.min).replace(QLatin1Char('.'), QLatin1Char(',')),
                 QString::number(f.max).replace(QLatin1Char('.'), QLatin1Char(','))));

    typeInto(field, QStringLiteral("5,1"));
    QCOMPARE(field->lineEdit()->text(), QStringLiteral("5,1"));
    QCOMPARE(field->value(), 5.1);
    QCOMPARE(m_page->inputRow()[0], 5.1);
    // A dot is the German group separator, never accepted here: typed, it is the decimal sign
    // rather than vanishing (which would make "6.3" read as 63).
    typeInto(field, QStringLiteral("6.3"));
    QCOMPARE(field->lineEdit()->text(), QStringLiteral("6,3"));
    QCOMPARE(field->value(), 6.3);
    QVERIFY(!field->isOutOfRange());
    QVERIFY(sameProba(m_page->probabilities(), engineProba(*model, m_page->inputRow())));
}

void TestPredictPage::whatIfChartHasOneCurvePerClass_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("feature");
    QTest::addColumn<int>("points");
    QTest::newRow("numeric feature swept over its training range")
        << QStringLiteral("iris") << QStringLiteral("petal_length_cm") << WhatIfChart::kPoints;
    QTest::newRow("categorical feature takes each level")
        << QStringLiteral("weather") << QStringLiteral("outlook") << 3;
}

void TestPredictPage::whatIfChartHasOneCurvePerClass()
{
    QFETCH(QString, sample);
    QFETCH(QString, feature);
    QFETCH(int, points);
    const auto model = train(sample == QLatin1String("iris") ? *m_iris : *m_weather, "forest");
    QVERIFY(model);
    m_page->setModel(model);
    const int index = model->schema().featureIndex(feature.toStdString());
    QVERIFY(index >= 0);
    m_page->setWhatIfFeature(index);
    WhatIfChart *chart = m_page->whatIfChart();
    QCOMPARE(chart->feature(), index);

    const int classes = model->classCount();
    QCOMPARE(chart->curves().size(), classes);
    const FeatureSchema &f = model->schema().features[std::size_t(index)];
    std::vector<double> row = m_page->inputRow();
    for (int k = 0; k < classes; ++k) {
        const QList<QPointF> &curve = chart->curves()[k];
        QCOMPARE(curve.size(), points);
        if (!f.categorical) {
            QCOMPARE(curve.front().x(), f.min);
            QCOMPARE(curve.back().x(), f.max);
        }
        // Every point is the engine's answer for the form's row with this one value changed.
        for (const QPointF &point : curve) {
            row[std::size_t(index)] = point.x();
            QCOMPARE(point.y(), engineProba(*model, row)[std::size_t(k)]);
        }
    }
    // What the chart draws: one line or bar set per class, named after it.
    if (f.categorical) {
        const auto bars = chart->chart()->series();
        QCOMPARE(bars.size(), 1);
        auto *series = qobject_cast<QBarSeries *>(bars.front());
        QVERIFY(series);
        QCOMPARE(series->count(), classes);
        QCOMPARE(series->barSets().front()->count(), points);
    } else {
        int lines = 0;
        for (QAbstractSeries *series : chart->chart()->series()) {
            auto *line = qobject_cast<QLineSeries *>(series);
            if (line && line->count() == points) {
                QCOMPARE(line->name(),
                         QString::fromStdString(model->schema().classes[std::size_t(lines)]));
                ++lines;
            }
        }
        QCOMPARE(lines, classes);
    }
}

void TestPredictPage::whatIfChartFollowsTheForm()
{
    const auto model = train(*m_iris, "forest");
    QVERIFY(model);
    m_page->setModel(model);
    m_page->setWhatIfFeature(2);
    WhatIfChart *chart = m_page->whatIfChart();
    const auto before = chart->curves();
    QSignalSpy refreshed(chart, &WhatIfChart::refreshed);
    typeInto(fieldAt(3), QStringLiteral("2.4"));
    QVERIFY(refreshed.wait(2000));
    QCOMPARE(refreshed.count(), 1); // the keystrokes were gathered into one sweep
    QVERIFY(chart->curves() != before);
    std::vector<double> row = m_page->inputRow();
    row[2] = chart->curves()[0][50].x();
    QCOMPARE(chart->curves()[2][50].y(), engineProba(*model, row)[2]);
}

void TestPredictPage::sixtyFourFeaturesScrollAndUseTwoColumnsWhenWide()
{
    Dataset wide;
    std::mt19937 random(3);
    std::normal_distribution<double> noise;
    const int rows = 80;
    std::vector<std::int32_t> labels;
    for (int r = 0; r < rows; ++r)
        labels.push_back(r % 2);
    for (int j = 0; j < 64; ++j) {
        std::vector<double> values;
        for (int r = 0; r < rows; ++r)
            values.push_back(noise(random) + (j < 4 ? labels[std::size_t(r)] : 0));
        wide.addColumn(Column::numeric("feature_" + std::to_string(j + 1), values));
    }
    wide.addColumn(Column::categorical("label", labels, {"no", "yes"}));
    wide.setTarget(64);
    const auto model = train(wide, "nb");
    QVERIFY(model);

    m_page->resize(1900, 800);
    m_page->setModel(model);
    QCOMPARE(m_page->form()->fields().size(), 64);
    if (const QString path = qEnvironmentVariable("MB_SCREENSHOT_WIDE"); !path.isEmpty()) {
        QTest::qWait(200);
        QVERIFY(m_page->grab().save(path));
    }
    QTRY_COMPARE(m_page->form()->columnCount(), 2);
    QVERIFY(m_page->form()->verticalScrollBar()->maximum() > 0);
    QCOMPARE(m_page->form()->horizontalScrollBar()->maximum(), 0);

    m_page->resize(1000, 800);
    QTRY_COMPARE(m_page->form()->columnCount(), 1);
    QCOMPARE(m_page->form()->horizontalScrollBar()->maximum(), 0);

    // A median with seventeen digits is shown rounded, yet used exactly.
    const double median = model->schema().features[0].median;
    QCOMPARE(fieldAt(0)->value(), median);
    QVERIFY(fieldAt(0)->lineEdit()->text().size() <= 12);
    QCOMPARE(fieldAt(0)->lineEdit()->text(), QLocale::c().toString(median, 'g', 6));

    // The last field is reachable and works like the first.
    FeatureField *last = fieldAt(63);
    m_page->form()->ensureWidgetVisible(last);
    typeInto(last, QStringLiteral("0.5"));
    QCOMPARE(m_page->inputRow()[63], 0.5);
    QVERIFY(sameProba(m_page->probabilities(), engineProba(*model, m_page->inputRow())));
}

// Not only a picture: it measures the what-if sweep on wine (13 features, three classes). With
// MB_SCREENSHOT=FILE.png it saves the page at 1280x800 there.
void TestPredictPage::screenshotOfWine()
{
    const auto wine = loadSample("sample:wine.csv");
    const QString algo = qEnvironmentVariable("MB_SCREENSHOT_LEARNER", QStringLiteral("forest"));
    const auto model = train(*wine, algo.toLatin1().constData());
    QVERIFY(model);
    m_page->resize(1280, 800);
    m_page->setModel(model);
    m_page->setDataset(wine);
    QVERIFY(m_page->fillFromRow(60));
    // One value inside the training range, one outside it (flagged in the picture).
    typeInto(m_page->form()->field(QStringLiteral("proline")), QStringLiteral("1150"));
    typeInto(m_page->form()->field(QStringLiteral("magnesium")), QStringLiteral("170"));
    QVERIFY(m_page->form()->field(QStringLiteral("magnesium"))->isOutOfRange());
    QTest::qWait(200);
    WhatIfChart *chart = m_page->whatIfChart();
    QElapsedTimer timer;
    timer.start();
    constexpr int kRepeats = 20;
    for (int i = 0; i < kRepeats; ++i)
        chart->refresh();
    qInfo("what-if sweep on wine (%s, %d points x 3 classes): %.2f ms per update, "
          "%.2f ms inside the sweep",
          qPrintable(algo), WhatIfChart::kPoints, double(timer.nsecsElapsed()) / 1e6 / kRepeats,
          chart->lastSweepSeconds() * 1e3);
    QCOMPARE(chart->curves().size(), 3);

    const QString path = qEnvironmentVariable("MB_SCREENSHOT");
    if (path.isEmpty())
        return;
    QTest::qWait(300);
    QVERIFY(m_page->grab().save(path));
}

QTEST_MAIN(TestPredictPage)
#include "tst_predict_page.moc"
