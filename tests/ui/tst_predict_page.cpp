// SPDX-License-Identifier: MIT
#include "core/data/dataset.h"
#include "core/io/dataset_loader.h"
#include "core/io/number_parser.h"
#include "core/ml/model.h"
#include "core/model/model_file.h"
#include "ui/predict/contribution_chart.h"
#include "ui/predict/explanation_view.h"
#include "ui/predict/feature_field.h"
#include "ui/predict/feature_form.h"
#include "ui/predict/input_number.h"
#include "ui/predict/predict_page.h"
#include "ui/predict/probability_bars.h"
#include "ui/predict/what_if_chart.h"
#include "ui/results/number_text.h"
#include "ui/train/result_text.h"
#include "widget_test_support.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
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
    void treePathFollowsTheInputAcrossAThreshold();
    void contributionsAddUpToTheShownProbabilities_data();
    void contributionsAddUpToTheShownProbabilities();
    void explanationShowsTheNumbersOfModelbenchCliExplain_data();
    void explanationShowsTheNumbersOfModelbenchCliExplain();
    void otherLearnersSayWhyThereIsNoExplanation();
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

std::shared_ptr<const Dataset> loadSample(const char *name)
{
    return widget_test::loadWithLastTarget(QString::fromLatin1(name));
}

// Numbers as the CLI reads them back exactly (C locale, shortest round trip).
QByteArray exactText(double value)
{
    return QByteArray::fromStdString(shortestNumberText(value));
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

/// Encoded rows as a CSV file the CLI reads back to the same rows: a header of the features,
/// level names for categories, exact numbers, empty cells for missing values.
QByteArray csvOfRows(const std::vector<FeatureSchema> &features, const std::vector<std::vector<double>> &rows)
{
    QByteArrayList header;
    for (const FeatureSchema &f : features)
        header.append(QByteArray::fromStdString(f.name));
    QByteArray csv = header.join(',') + '\n';
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
    return csv;
}

bool closeRelative(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max({std::abs(a), std::abs(b), 1e-300});
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
    widget_test::silenceOffscreenNoise();
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
    const QByteArray csv = csvOfRows(shown.schema().features, rows);
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

void TestPredictPage::treePathFollowsTheInputAcrossAThreshold()
{
    const auto model = train(*m_iris, "tree");
    QVERIFY(model);
    m_page->setModel(model);
    ExplanationView *view = m_page->explanationView();
    QVERIFY(view->isAvailable());
    QCOMPARE(m_page->resultTabs()->currentWidget(), view);
    QTableWidget *table = view->pathTable();
    QVERIFY(table->isVisibleTo(m_page.get()));

    // The root's test, and a value on either side of its threshold.
    const PathStep root = view->explanation()->path()->steps.front();
    QVERIFY(!root.split.categorical);
    const auto j = std::size_t(root.split.feature);
    const QString feature = QString::fromStdString(model->schema().features[j].name);
    QCOMPARE(table->item(0, ExplanationView::TestColumn)->text(),
             QStringLiteral("%1 <= %2").arg(feature, compactNumberText(root.split.threshold)));
    QCOMPARE(table->item(0, ExplanationView::RowsColumn)->text(), countText(double(m_iris->rowCount())));

    auto shownSteps = [&] {
        QStringList steps;
        for (int r = 0; r < table->rowCount(); ++r) {
            steps.append(table->item(r, ExplanationView::TestColumn)->text() + QLatin1Char('|')
                         + table->item(r, ExplanationView::ValueColumn)->text() + QLatin1Char('|')
                         + table->item(r, ExplanationView::AnswerColumn)->text());
        }
        return steps;
    };
    auto checkShown = [&] {
        const Explanation &e = *view->explanation();
        const DecisionPath &path = *e.path();
        QCOMPARE(table->rowCount(), int(path.steps.size()) + 1);
        for (int r = 0; r < int(path.steps.size()); ++r) {
            const PathStep &step = path.steps[std::size_t(r)];
            QCOMPARE(table->item(r, ExplanationView::AnswerColumn)->text(),
                     step.wentLeft ? QStringLiteral("yes") : QStringLiteral("no"));
            const QString value = compactNumberText(step.value);
            QCOMPARE(table->item(r, ExplanationView::ValueColumn)->text(),
                     e.imputed(std::size_t(step.split.feature)) ? QStringLiteral("missing: %1 used").arg(value) : value);
            QCOMPARE(table->item(r, ExplanationView::RowsColumn)->text(), countText(double(step.split.rows)));
        }
        // It ends at the leaf whose probabilities the bars show.
        QVERIFY(sameProba(path.leafNode.proba, m_page->probabilities()));
        QCOMPARE(table->item(table->rowCount() - 1, ExplanationView::TestColumn)->text(),
                 QStringLiteral("Leaf: %1").arg(m_page->probabilityBars()->classes().at(m_page->predictedClass())));
    };

    typeInto(fieldAt(int(j)), inputNumberText(root.split.threshold - 0.3));
    QCOMPARE(table->item(0, ExplanationView::AnswerColumn)->text(), QStringLiteral("yes"));
    checkShown();
    const QStringList below = shownSteps();
    typeInto(fieldAt(int(j)), inputNumberText(root.split.threshold + 0.3));
    QCOMPARE(table->item(0, ExplanationView::AnswerColumn)->text(), QStringLiteral("no"));
    checkShown();
    const QStringList above = shownSteps();
    QVERIFY(below != above);
    QCOMPARE(above.front().section(QLatin1Char('|'), 0, 0), below.front().section(QLatin1Char('|'), 0, 0));

    // A missing value: the tree is given the training median, and the table says so.
    QTest::mouseClick(fieldAt(int(j))->missingBox(), Qt::LeftButton);
    checkShown();
    const double median = model->schema().features[j].median;
    QCOMPARE(table->item(0, ExplanationView::ValueColumn)->text(),
             QStringLiteral("missing: %1 used").arg(compactNumberText(median)));
}

void TestPredictPage::contributionsAddUpToTheShownProbabilities_data()
{
    QTest::addColumn<QString>("algo");
    QTest::addColumn<QString>("sample");
    QTest::newRow("logistic regression on iris") << QStringLiteral("logreg") << QStringLiteral("iris");
    QTest::newRow("naive Bayes on iris") << QStringLiteral("nb") << QStringLiteral("iris");
    QTest::newRow("logistic regression on nominal weather") << QStringLiteral("logreg") << QStringLiteral("weather");
    QTest::newRow("naive Bayes on weather with two categories")
        << QStringLiteral("nb") << QStringLiteral("weatherNumeric");
}

void TestPredictPage::contributionsAddUpToTheShownProbabilities()
{
    QFETCH(QString, algo);
    QFETCH(QString, sample);
    const Dataset &data = sample == QLatin1String("iris") ? *m_iris
        : sample == QLatin1String("weather")              ? *m_weather
                                                          : *m_weatherNumeric;
    const auto model = train(data, algo.toLatin1().constData());
    QVERIFY(model);
    m_page->setModel(model);
    ExplanationView *view = m_page->explanationView();
    QVERIFY(view->isAvailable());
    ContributionChart *chart = view->contributionChart();
    QVERIFY(chart->isVisibleTo(m_page.get()));
    // Change an input, as a user would: a number typed, or another level picked.
    FeatureField *field = fieldAt(sample == QLatin1String("weatherNumeric") ? 1 : 0);
    if (field->comboBox())
        field->comboBox()->setCurrentIndex((field->comboBox()->currentIndex() + 1) % field->comboBox()->count());
    else
        typeInto(field, QStringLiteral("6.4"));
    if (sample == QLatin1String("weatherNumeric"))
        QTest::mouseClick(fieldAt(0)->missingBox(), Qt::LeftButton);  // naive Bayes leaves it out

    const Explanation &e = *view->explanation();
    const Contributions &c = *e.contributions();
    const std::size_t K = c.classCount();
    const std::vector<double> &shown = m_page->probabilities();
    QCOMPARE(shown, m_page->probabilityBars()->probabilities());
    // Scores: the base plus the terms; their softmax (here with std::exp) is what the bars show.
    std::vector<double> scores(K);
    for (std::size_t k = 0; k < K; ++k) {
        scores[k] = c.base[k];
        for (std::size_t j = 0; j < model->schema().features.size(); ++j)
            scores[k] += c.term(j, k);
        QVERIFY(closeRelative(scores[k], c.scores[k]));
    }
    const double top = *std::max_element(scores.begin(), scores.end());
    double total = 0;
    for (double s : scores)
        total += std::exp(s - top);
    for (std::size_t k = 0; k < K; ++k) {
        const double p = std::exp(scores[k] - top) / total;
        QVERIFY2(closeRelative(p, shown[k]), qPrintable(QStringLiteral("class %1: %2 vs %3").arg(k).arg(p).arg(shown[k])));
    }

    // One bar per input: its term for the predicted class minus that for the runner-up, the
    // largest first, each with its number written beside it.
    const auto w = std::size_t(m_page->predictedClass());
    const auto a = std::size_t(view->comparedClass());
    QVERIFY(w != a);
    const QList<ContributionBar> &bars = chart->bars();
    QCOMPARE(bars.size(), qsizetype(model->schema().features.size()));
    double sum = c.base[w] - c.base[a];
    for (int i = 0; i < bars.size(); ++i) {
        const int j = model->schema().featureIndex(bars[i].feature.toStdString());
        QVERIFY(j >= 0);
        QCOMPARE(bars[i].amount, c.term(std::size_t(j), w) - c.term(std::size_t(j), a));
        QCOMPARE(chart->amountText(i), ContributionChart::signedText(bars[i].amount));
        if (i > 0)
            QVERIFY(std::abs(bars[i - 1].amount) >= std::abs(bars[i].amount));
        sum += bars[i].amount;
    }
    // In all, the log-odds of the predicted class against the runner-up.
    QVERIFY(std::abs(sum - std::log(shown[w] / shown[a])) < 1e-9 * std::max(1.0, std::abs(sum)));
    const QString footer = view->footer()->text();
    QVERIFY2(footer.contains(ContributionChart::signedText(c.scores[w] - c.scores[a])), qPrintable(footer));
    for (std::size_t k = 0; k < K; ++k)
        QVERIFY2(footer.contains(ContributionChart::signedText(c.scores[k])), qPrintable(footer));
    if (sample == QLatin1String("weatherNumeric")) {
        const int outlook = model->schema().featureIndex("outlook");
        for (const ContributionBar &bar : bars) {
            if (bar.feature == QLatin1String("outlook")) {
                QCOMPARE(bar.amount, 0.0);
                QCOMPARE(bar.value, QStringLiteral("missing: left out"));
            }
        }
        for (std::size_t k = 0; k < K; ++k)
            QCOMPARE(c.term(std::size_t(outlook), k), 0.0);
    }
}

void TestPredictPage::explanationShowsTheNumbersOfModelbenchCliExplain_data()
{
    QTest::addColumn<QString>("algo");
    QTest::addColumn<QString>("sample");
    QTest::newRow("tree on iris") << QStringLiteral("tree") << QStringLiteral("iris");
    QTest::newRow("tree on weather with two categories") << QStringLiteral("tree") << QStringLiteral("weather");
    QTest::newRow("logistic regression on iris") << QStringLiteral("logreg") << QStringLiteral("iris");
    QTest::newRow("logistic regression on weather with two categories")
        << QStringLiteral("logreg") << QStringLiteral("weather");
    QTest::newRow("naive Bayes on weather with two categories")
        << QStringLiteral("nb") << QStringLiteral("weather");
}

void TestPredictPage::explanationShowsTheNumbersOfModelbenchCliExplain()
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
    const Model &shownModel = *m_page->model();
    const auto &features = shownModel.schema().features;
    const auto &classes = shownModel.schema().classes;

    // Two rows typed into the form, the second with a missing value.
    const QList<QStringList> typed = iris ? QList<QStringList> {{"6.1", "2.8", "4.7", "1.2"}, {"5.9", "", "5.1", "1.8"}}
                                          : QList<QStringList> {{"sunny", "75", "70", "TRUE"}, {"rainy", "", "91", "FALSE"}};
    std::vector<std::vector<double>> rows;
    std::vector<Explanation> shown;
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
        QVERIFY(m_page->explanationView()->explanation());
        shown.push_back(*m_page->explanationView()->explanation());
        QVERIFY(sameProba(shown.back().proba, m_page->probabilities()));
    }
    QVERIFY(std::isnan(rows[1][1]));

    const QString dataPath = dir.filePath(QStringLiteral("rows.csv"));
    QFile file(dataPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csvOfRows(features, rows));
    file.close();
    QProcess cli;
    cli.start(QStringLiteral(MB_CLI_PATH), {QStringLiteral("predict"), modelPath, dataPath, QStringLiteral("--explain")});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QJsonArray explained = QJsonDocument::fromJson(cli.readAllStandardOutput()).object().value("explanations").toArray();
    QCOMPARE(explained.size(), qsizetype(rows.size()));

    auto name = [](const std::string &s) { return QString::fromStdString(s); };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Explanation &e = shown[r];
        const QJsonObject row = explained[qsizetype(r)].toObject();
        const QJsonObject why = row.value("explanation").toObject();
        QCOMPARE(row.value("predicted").toString(), name(classes[std::size_t(e.predicted)]));
        for (std::size_t k = 0; k < classes.size(); ++k)
            QCOMPARE(row.value("probabilities").toObject().value(name(classes[k])).toDouble(), e.proba[k]);
        // What was missing, and what the model used instead, alike.
        const QJsonArray inputs = row.value("inputs").toArray();
        for (std::size_t j = 0; j < features.size(); ++j) {
            const QJsonObject input = inputs[qsizetype(j)].toObject();
            QCOMPARE(input.value("missing").toBool(), bool(std::isnan(e.given[j])));
            QCOMPARE(input.contains("imputed"), e.imputed(j));
        }
        if (const DecisionPath *path = e.path()) {
            const QJsonArray steps = why.value("path").toArray();
            QCOMPARE(steps.size(), qsizetype(path->steps.size()));
            QTableWidget *table = m_page->explanationView()->pathTable();
            for (std::size_t i = 0; i < path->steps.size(); ++i) {
                const PathStep &step = path->steps[i];
                const QJsonObject s = steps[qsizetype(i)].toObject();
                QCOMPARE(s.value("node").toInt(), step.node);
                QCOMPARE(s.value("feature").toString(), name(features[std::size_t(step.split.feature)].name));
                QCOMPARE(s.value("answer").toString(), step.wentLeft ? QStringLiteral("yes") : QStringLiteral("no"));
                QCOMPARE(s.value("samples").toInteger(), qint64(step.split.rows));
                QCOMPARE(s.value("imputed").toBool(), e.imputed(std::size_t(step.split.feature)));
                if (step.split.categorical)
                    QCOMPARE(s.value("value").toString(), name(features[std::size_t(step.split.feature)].levels[std::size_t(step.value)]));
                else {
                    QCOMPARE(s.value("threshold").toDouble(), step.split.threshold);
                    QCOMPARE(s.value("value").toDouble(), step.value);
                }
                if (r + 1 == rows.size()) {  // the row on show: the table has the CLI's numbers
                    QCOMPARE(table->item(int(i), ExplanationView::RowsColumn)->text(), countText(double(s.value("samples").toInteger())));
                    QCOMPARE(table->item(int(i), ExplanationView::AnswerColumn)->text(), s.value("answer").toString());
                }
            }
            QCOMPARE(why.value("leaf").toObject().value("node").toInt(), path->leaf);
            QCOMPARE(why.value("leaf").toObject().value("samples").toInteger(), qint64(path->leafNode.rows));
        } else {
            const Contributions &c = *e.contributions();
            const QJsonArray perFeature = why.value("features").toArray();
            for (std::size_t k = 0; k < classes.size(); ++k) {
                QCOMPARE(why.value("base").toObject().value(name(classes[k])).toDouble(), c.base[k]);
                QCOMPARE(why.value("scores").toObject().value(name(classes[k])).toDouble(), c.scores[k]);
                for (std::size_t j = 0; j < features.size(); ++j) {
                    const QJsonObject f = perFeature[qsizetype(j)].toObject();
                    QCOMPARE(f.value("feature").toString(), name(features[j].name));
                    QCOMPARE(f.value("contributions").toObject().value(name(classes[k])).toDouble(), c.term(j, k));
                }
            }
        }
    }
}

void TestPredictPage::otherLearnersSayWhyThereIsNoExplanation()
{
    const auto tree = train(*m_iris, "tree");
    const auto forest = train(*m_iris, "forest");
    QVERIFY(tree && forest);
    m_page->setModel(tree);
    QTabWidget *tabs = m_page->resultTabs();
    QCOMPARE(tabs->currentWidget(), m_page->explanationView());

    // A forest has no explanation: the what-if chart comes to the front, and the "Why" tab
    // says why it is empty.
    m_page->setModel(forest);
    QVERIFY(!m_page->explanationView()->isAvailable());
    QVERIFY(!m_page->explanationView()->explanation());
    QCOMPARE(tabs->currentIndex(), 1);
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(0).center());
    QCOMPARE(tabs->currentWidget(), m_page->explanationView());
    auto *none = m_page->explanationView()->findChild<QLabel *>(QStringLiteral("noExplanation"));
    QVERIFY(none && none->isVisibleTo(m_page.get()));
    QVERIFY2(none->text().contains(learnerDisplayName("forest")), qPrintable(none->text()));
    QVERIFY(!m_page->explanationView()->pathTable()->isVisibleTo(m_page.get()));

    // A user who chose the what-if chart keeps it when the next model has an explanation.
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(1).center());
    m_page->setModel(tree);
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY(m_page->explanationView()->explanation());  // still worked out, ready to be seen
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

// Not only a picture: it measures the what-if sweep and the explanation on wine (13 features,
// three classes). With MB_SCREENSHOT=FILE.png it saves the page at 1280x800 there.
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
    // The "why" panel is worked out again at every change too.
    const std::vector<double> row = m_page->inputRow();
    timer.restart();
    for (int i = 0; i < kRepeats; ++i)
        m_page->explanationView()->setRow(row);
    qInfo("explanation on wine (%s): %.3f ms per update, table or chart included", qPrintable(algo),
          double(timer.nsecsElapsed()) / 1e6 / kRepeats);

    const QString path = qEnvironmentVariable("MB_SCREENSHOT");
    if (path.isEmpty())
        return;
    QTest::qWait(300);
    QVERIFY(m_page->grab().save(path));
}

QTEST_MAIN(TestPredictPage)
#include "tst_predict_page.moc"
