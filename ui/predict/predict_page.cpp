// SPDX-License-Identifier: MIT
#include "ui/predict/predict_page.h"

#include "core/eval/metrics.h"
#include "ui/predict/dataset_row.h"
#include "ui/predict/explanation_view.h"
#include "ui/predict/feature_field.h"
#include "ui/predict/feature_form.h"
#include "ui/predict/probability_bars.h"
#include "ui/predict/what_if_chart.h"
#include "ui/train/result_text.h"

#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace mb {

namespace {

QFont scaledBold(QFont font, double scale)
{
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    return font;
}

QStringList classNames(const Model &model)
{
    QStringList names;
    for (const std::string &name : model.schema().classes)
        names.append(QString::fromStdString(name));
    return names;
}

QString percentPoints(double fraction)
{
    return QLocale().toString(100.0 * fraction, 'f', 1);
}

} // namespace

PredictPage::PredictPage(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("predictTitle"));
    m_title->setFont(scaledBold(m_title->font(), 1.25));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("predictSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    m_fillNote = new QLabel(this);
    m_fillNote->setObjectName(QStringLiteral("fillNote"));
    m_fillNote->setWordWrap(true);
    m_fillNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fillNote->hide();

    m_form = new FeatureForm(this);
    m_form->setObjectName(QStringLiteral("featureForm"));
    connect(m_form, &FeatureForm::changed, this, &PredictPage::onFormChanged);
    auto *inputs = new QGroupBox(tr("Inputs"));
    auto *inputsLayout = new QVBoxLayout(inputs);
    inputsLayout->setContentsMargins(4, 4, 4, 4);
    inputsLayout->addWidget(m_form);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("predictSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(inputs);
    splitter->addWidget(createResultPanel());
    // A little more for the inputs, so a long form gets two columns on a wide screen.
    splitter->setSizes({550, 450});

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_summary);
    contentLayout->addWidget(createToolbar());
    contentLayout->addWidget(m_fillNote);
    contentLayout->addWidget(splitter, 1);

    auto *placeholder
        = new QLabel(tr("No model yet. Train one on the Train page, or open a model file with "
                        "File > Open Model…; a form for its inputs appears here."),
                     this);
    placeholder->setObjectName(QStringLiteral("predictPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setEnabled(false);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(placeholder);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    setModel(nullptr);
}

PredictPage::~PredictPage() = default;

QWidget *PredictPage::createToolbar()
{
    m_resetButton = new QPushButton(tr("Reset to &Medians"));
    m_resetButton->setObjectName(QStringLiteral("resetButton"));
    m_resetButton->setToolTip(tr("Every number at its training median, every category at its "
                                 "most frequent training level"));
    connect(m_resetButton, &QPushButton::clicked, this, &PredictPage::resetToMedians);

    m_rowSpin = new QSpinBox;
    m_rowSpin->setObjectName(QStringLiteral("fillRowSpin"));
    m_rowSpin->setAccessibleName(tr("Row to fill from"));
    m_rowSpin->setMinimum(1);
    auto *rowLabel = new QLabel(tr("&Row:"));
    rowLabel->setBuddy(m_rowSpin);
    m_fillButton = new QPushButton(tr("&Fill from Row"));
    m_fillButton->setObjectName(QStringLiteral("fillButton"));
    m_fillButton->setToolTip(tr("Copy a row of the loaded dataset into the form, columns "
                                "matched by name"));
    connect(m_fillButton, &QPushButton::clicked, this,
            [this] { fillFromRow(m_rowSpin->value() - 1); });

    m_scenarioCombo = new QComboBox;
    m_scenarioCombo->setObjectName(QStringLiteral("scenarioCombo"));
    m_scenarioCombo->setAccessibleName(tr("Saved scenarios"));
    m_scenarioCombo->setPlaceholderText(tr("Saved scenarios"));
    m_scenarioCombo->setMinimumContentsLength(16);
    m_scenarioCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_scenarioCombo, &QComboBox::activated, this,
            [this](int index) { loadScenario(m_scenarioCombo->itemText(index)); });
    auto *scenarioLabel = new QLabel(tr("S&cenario:"));
    scenarioLabel->setBuddy(m_scenarioCombo);
    m_saveScenarioButton = new QPushButton(tr("&Save Scenario…"));
    m_saveScenarioButton->setObjectName(QStringLiteral("saveScenarioButton"));
    m_saveScenarioButton->setToolTip(tr("Keep the inputs on show under a name, for this model"));
    connect(m_saveScenarioButton, &QPushButton::clicked, this, &PredictPage::askScenarioName);
    m_removeScenarioButton = new QPushButton(tr("Forget"));
    m_removeScenarioButton->setObjectName(QStringLiteral("removeScenarioButton"));
    m_removeScenarioButton->setToolTip(tr("Delete the chosen scenario"));
    connect(m_removeScenarioButton, &QPushButton::clicked, this,
            &PredictPage::removeCurrentScenario);

    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 4, 0, 4);
    row->addWidget(m_resetButton);
    row->addSpacing(16);
    row->addWidget(rowLabel);
    row->addWidget(m_rowSpin);
    row->addWidget(m_fillButton);
    row->addStretch(1);
    row->addWidget(scenarioLabel);
    row->addWidget(m_scenarioCombo);
    row->addWidget(m_saveScenarioButton);
    row->addWidget(m_removeScenarioButton);
    return bar;
}

QWidget *PredictPage::createResultPanel()
{
    auto *caption = new QLabel(tr("Predicted class"));
    m_predictedLabel = new QLabel;
    m_predictedLabel->setObjectName(QStringLiteral("predictedClass"));
    m_predictedLabel->setFont(scaledBold(m_predictedLabel->font(), 1.6));
    m_predictedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_marginLabel = new QLabel;
    m_marginLabel->setObjectName(QStringLiteral("marginLabel"));
    m_marginLabel->setWordWrap(true);
    m_bars = new ProbabilityBars;
    m_bars->setObjectName(QStringLiteral("probabilityBars"));

    m_whatIfCombo = new QComboBox;
    m_whatIfCombo->setObjectName(QStringLiteral("whatIfFeatureCombo"));
    m_whatIfCombo->setAccessibleName(tr("Feature to vary"));
    auto *whatIfLabel = new QLabel(tr("&What if this feature varies:"));
    whatIfLabel->setBuddy(m_whatIfCombo);
    m_whatIf = new WhatIfChart;
    connect(m_whatIfCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setWhatIfFeature(index); });

    auto *whatIfPage = new QWidget;
    auto *whatIfLayout = new QVBoxLayout(whatIfPage);
    whatIfLayout->setContentsMargins(4, 6, 4, 0);
    auto *whatIfRow = new QHBoxLayout;
    whatIfRow->addWidget(whatIfLabel);
    whatIfRow->addWidget(m_whatIfCombo, 1);
    whatIfLayout->addLayout(whatIfRow);
    whatIfLayout->addWidget(m_whatIf, 1);

    m_explanation = new ExplanationView;
    m_explanation->setObjectName(QStringLiteral("explanationView"));
    // Why this answer, and what if an input changed: one question at a time, in tabs, so each
    // gets the height it needs.
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_explanation, tr("W&hy"));
    m_tabs->addTab(whatIfPage, tr("What &If"));
    m_tabs->setTabToolTip(0, tr("Why the model gives this answer: a tree's decision path, or each "
                                "input's contribution"));
    m_tabs->setTabToolTip(1, tr("How the probabilities change as one input varies"));
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int index) { m_whatIfChosen = index == 1; });

    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(caption);
    layout->addWidget(m_predictedLabel);
    layout->addWidget(m_marginLabel);
    layout->addSpacing(6);
    layout->addWidget(m_bars);
    layout->addSpacing(6);
    layout->addWidget(m_tabs, 1);
    return panel;
}

void PredictPage::setResult(std::shared_ptr<const TrainResult> result)
{
    if (!result) {
        setModel(nullptr);
        return;
    }
    // Shares ownership with the run, as the Results page holds it.
    std::shared_ptr<const Model> model(result, &result->evaluation.model);
    setModel(std::move(model));
}

void PredictPage::showLoadedModel(LoadedModel loaded, const QString &source)
{
    setModel(std::make_shared<const Model>(std::move(loaded.model)), source);
}

void PredictPage::setModel(std::shared_ptr<const Model> model, const QString &source)
{
    m_model = std::move(model);
    m_source = m_model ? source : QString();
    m_store = ScenarioStore(m_model ? mb::modelKey(*m_model, m_source) : QString());
    m_fillNote->clear();
    m_fillNote->hide();
    m_whatIf->setModel(m_model);
    m_explanation->setModel(m_model);
    {
        // The explanation first where there is one, unless the user went for the what-if
        // chart; not a choice of the user's, so it does not count as one.
        const QSignalBlocker quiet(m_tabs);
        m_tabs->setCurrentIndex(m_explanation->isAvailable() && !m_whatIfChosen ? 0 : 1);
    }
    {
        const QSignalBlocker quiet(m_whatIfCombo);
        m_whatIfCombo->clear();
    }
    if (!m_model) {
        m_form->clear();
        m_bars->setClasses({});
        m_proba.clear();
        m_predicted = -1;
        m_margin = 0;
        refreshScenarios();
        updateFillControls();
        m_stack->setCurrentIndex(0);
        return;
    }
    const InputSchema &schema = m_model->schema();
    m_title->setText(tr("Predict with %1").arg(learnerDisplayName(m_model->algo())));
    m_summary->setText(summaryText());
    m_bars->setClasses(classNames(*m_model));
    m_form->setSchema(schema);
    {
        const QSignalBlocker quiet(m_whatIfCombo);
        for (const FeatureSchema &feature : schema.features)
            m_whatIfCombo->addItem(QString::fromStdString(feature.name));
    }
    refreshScenarios();
    updateFillControls();
    m_stack->setCurrentIndex(1);

    // The inputs this model showed last time, else its defaults; either predicts.
    m_applying = true;
    if (const auto last = m_store.lastInputs())
        m_form->setValues(inputsFromJson(schema, *last));
    else
        m_form->resetToDefaults();
    m_applying = false;
    setWhatIfFeature(firstWhatIfFeature());
}

QString PredictPage::summaryText() const
{
    const TrainingRecipe &recipe = m_model->recipe();
    const InputSchema &schema = m_model->schema();
    QString origin;
    if (!m_source.isEmpty())
        origin = tr("Opened from %1.").arg(QDir::toNativeSeparators(m_source));
    else if (!recipe.datasetName.empty())
        origin = tr("Trained on %1.").arg(QString::fromStdString(recipe.datasetName));
    const QString shape = tr("Inputs: %1; target %2 with %3 classes.")
                              .arg(schema.features.size())
                              .arg(QString::fromStdString(schema.targetName))
                              .arg(schema.classes.size());
    const QString how = tr("Every change predicts at once; a number outside the training range "
                           "is flagged.");
    return QStringList {origin, shape, how}.join(QLatin1Char(' ')).trimmed();
}

int PredictPage::firstWhatIfFeature() const
{
    // The learner's most important feature shows the most; else the first.
    const std::vector<double> importances = m_model->classifier().featureImportances();
    if (importances.size() != m_model->schema().features.size() || importances.empty())
        return 0;
    return int(std::max_element(importances.begin(), importances.end()) - importances.begin());
}

std::vector<double> PredictPage::inputRow() const
{
    return m_form->values();
}

void PredictPage::setInputRow(const std::vector<double> &row)
{
    m_form->setValues(row);
}

void PredictPage::onFormChanged()
{
    if (!m_model)
        return;
    predict();
    const std::vector<double> row = m_form->values();
    m_store.setLastInputs(inputsToJson(m_model->schema(), row));
    m_whatIf->setRow(row);
    if (!m_applying && m_scenarioCombo->currentIndex() >= 0) {
        // The inputs no longer are the chosen scenario's.
        m_scenarioCombo->setCurrentIndex(-1);
        m_removeScenarioButton->setEnabled(false);
    }
}

void PredictPage::predict()
{
    const std::vector<double> row = m_form->values();
    m_proba.assign(std::size_t(m_model->classCount()), 0.0);
    m_model->predictRow(row, m_proba);
    // The CLI's rule for the class (first of equal tops), so both name the same class.
    m_predicted = m_proba.empty() ? -1 : predictedClasses(m_proba, m_model->classCount()).front();
    std::vector<double> sorted = m_proba;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    m_margin = sorted.empty() ? 0.0 : sorted.size() == 1 ? sorted[0] : sorted[0] - sorted[1];
    m_explanation->setRow(row);
    showPrediction();
    Q_EMIT predictionChanged(m_predicted);
}

void PredictPage::showPrediction()
{
    const QStringList classes = classNames(*m_model);
    m_bars->setProbabilities(m_proba, m_predicted);
    if (m_predicted < 0) {
        m_predictedLabel->clear();
        m_marginLabel->clear();
        return;
    }
    m_predictedLabel->setText(classes[m_predicted]);
    if (classes.size() < 2) {
        m_marginLabel->setText(tr("The model knows a single class."));
        return;
    }
    // The runner-up: the most probable class other than the winner.
    int second = m_predicted == 0 ? 1 : 0;
    for (int k = 0; k < int(m_proba.size()); ++k) {
        if (k != m_predicted && m_proba[std::size_t(k)] > m_proba[std::size_t(second)])
            second = k;
    }
    m_marginLabel->setText(tr("Margin %1 percentage points over %2 (%3 % against %4 %).")
                               .arg(percentPoints(m_margin), classes[second],
                                    percentPoints(m_proba[std::size_t(m_predicted)]),
                                    percentPoints(m_proba[std::size_t(second)])));
}

void PredictPage::resetToMedians()
{
    if (!m_model)
        return;
    m_form->resetToDefaults();
    m_fillNote->hide();
}

void PredictPage::setDataset(std::shared_ptr<const Dataset> data)
{
    m_data = std::move(data);
    updateFillControls();
}

void PredictPage::updateFillControls()
{
    const auto data = m_data.lock();
    const int rows = data ? int(data->rowCount()) : 0;
    m_rowSpin->setMaximum(std::max(1, rows));
    const bool usable = m_model && rows > 0;
    m_rowSpin->setEnabled(usable);
    m_fillButton->setEnabled(usable);
    m_fillButton->setToolTip(
        rows > 0 ? tr("Copy a row of %1 into the form, columns matched by name")
                       .arg(QString::fromStdString(data->name()))
                 : tr("Load a dataset on the Data page to fill the form from one of its rows"));
}

bool PredictPage::fillFromRow(int row)
{
    const auto data = m_data.lock();
    if (!m_model || !data || row < 0 || std::size_t(row) >= data->rowCount())
        return false;
    const InputSchema &schema = m_model->schema();
    const DatasetRow read = DatasetRow::read(schema, *data, std::size_t(row));
    QStringList note;
    note.append(
        tr("Filled from row %1 of %2.").arg(row + 1).arg(QString::fromStdString(data->name())));
    // The row's own class, when the data has it: what the model should say.
    if (const auto target = data->columnIndex(schema.targetName)) {
        const std::string truth = targetText(data->column(*target), std::size_t(row));
        if (!truth.empty())
            note.append(tr("Its class in the data: %1.").arg(QString::fromStdString(truth)));
    }
    note.append(read.notes);
    m_rowSpin->setValue(row + 1);
    m_form->setValues(read.values);
    m_fillNote->setText(note.join(QLatin1Char(' ')));
    m_fillNote->show();
    Q_EMIT statusMessage(note.front());
    return true;
}

QString PredictPage::fillNote() const
{
    return m_fillNote->isHidden() ? QString() : m_fillNote->text();
}

void PredictPage::refreshScenarios(const QString &current)
{
    const QSignalBlocker quiet(m_scenarioCombo);
    m_scenarioCombo->clear();
    m_scenarioCombo->addItems(m_store.scenarioNames());
    m_scenarioCombo->setCurrentIndex(m_scenarioCombo->findText(current));
    m_scenarioCombo->setEnabled(m_scenarioCombo->count() > 0);
    m_saveScenarioButton->setEnabled(m_model != nullptr);
    m_removeScenarioButton->setEnabled(m_scenarioCombo->currentIndex() >= 0);
}

void PredictPage::saveScenario(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (!m_model || trimmed.isEmpty())
        return;
    m_store.saveScenario(trimmed, inputsToJson(m_model->schema(), m_form->values()));
    refreshScenarios(trimmed);
    Q_EMIT statusMessage(tr("Scenario “%1” saved.").arg(trimmed));
}

bool PredictPage::loadScenario(const QString &name)
{
    if (!m_model)
        return false;
    const auto inputs = m_store.scenario(name);
    if (!inputs)
        return false;
    m_applying = true;
    m_form->setValues(inputsFromJson(m_model->schema(), *inputs));
    m_applying = false;
    refreshScenarios(name);
    m_fillNote->hide();
    return true;
}

void PredictPage::askScenarioName()
{
    if (!m_model)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Save Scenario"),
        tr("Name for the inputs on show (a scenario of the same name is replaced):"),
        QLineEdit::Normal, m_scenarioCombo->currentText(), &ok);
    if (ok)
        saveScenario(name);
}

void PredictPage::removeCurrentScenario()
{
    const QString name = m_scenarioCombo->currentText();
    if (name.isEmpty() || m_scenarioCombo->currentIndex() < 0)
        return;
    m_store.removeScenario(name);
    refreshScenarios();
    Q_EMIT statusMessage(tr("Scenario “%1” deleted.").arg(name));
}

void PredictPage::setWhatIfFeature(int index)
{
    {
        const QSignalBlocker quiet(m_whatIfCombo);
        m_whatIfCombo->setCurrentIndex(index);
    }
    // The row first, so the new sweep starts from the form's values at once.
    if (m_model)
        m_whatIf->setRow(m_form->values());
    m_whatIf->setFeature(index);
}

} // namespace mb
