// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/dataset.h"
#include "core/jobs/train_job.h"
#include "core/ml/model.h"
#include "core/model/model_file.h"
#include "ui/predict/scenario_store.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

namespace mb {

class ExplanationView;
class FeatureForm;
class ProbabilityBars;
class WhatIfChart;

/// The Predict page: ask one model about one row, with no dataset needed. The form is made from
/// the model's input schema (FeatureForm); every change predicts at once through
/// Model::predictRow, the engine's own path, and shows the class, a bar per class probability
/// and the winning margin. Around it: reset to the training medians, fill from a row of a
/// loaded dataset, named scenarios, why the model answers so (ExplanationView: a tree's
/// decision path, the inputs' contributions of a linear model or naive Bayes), and a what-if
/// chart of one feature. The inputs on show are remembered per model (ScenarioStore, in
/// QSettings), so they come back when the model is shown again, also after a restart. Holds the
/// shown model and dataset alive. GUI thread only.
class PredictPage : public QWidget
{
    Q_OBJECT
public:
    explicit PredictPage(QWidget *parent = nullptr);
    ~PredictPage() override;

    /// Shows the form for `model` (nullptr: the empty page). `source` says where it came from
    /// (a file path or catalog reference; empty for a model trained in this session); it keys
    /// the stored inputs only when the model records no recipe.
    void setModel(std::shared_ptr<const Model> model, const QString &source = {});
    /// The model of a training run (nullptr: the empty page), kept alive with the run.
    void setResult(std::shared_ptr<const TrainResult> result);
    /// A model read from a file or the catalog; `source` names where.
    void showLoadedModel(LoadedModel loaded, const QString &source);

    std::shared_ptr<const Model> model() const { return m_model; }
    QString source() const { return m_source; }
    /// The key the inputs and scenarios of the shown model are stored under (see modelKey()).
    QString modelKey() const { return m_store.modelKey(); }

    /// The dataset "Fill from row" reads (nullptr: none; the fill controls are disabled).
    /// Watched, not owned: the Data page keeps it, and may replace it.
    void setDataset(std::shared_ptr<const Dataset> data);
    std::shared_ptr<const Dataset> dataset() const { return m_data.lock(); }

    /// The encoded row on show: one value per feature, NaN = missing, categorical = level code.
    std::vector<double> inputRow() const;
    /// Shows an encoded row and predicts it.
    void setInputRow(const std::vector<double> &row);
    /// The last prediction: one probability per class, in the model's class order.
    const std::vector<double> &probabilities() const { return m_proba; }
    /// The predicted class (index into the schema's classes), -1 without a model.
    int predictedClass() const { return m_predicted; }
    /// Top probability minus the second (the top one alone for a one-class model).
    double margin() const { return m_margin; }

    /// Every number at its training median, every category at its most frequent level.
    void resetToMedians();
    /// Fills the form from row `row` (0-based) of the dataset; false when there is no such
    /// row. What could not be carried over (an unseen category, a missing column) is said in
    /// fillNote().
    bool fillFromRow(int row);
    /// What the last fill said ("Filled from row 12 of iris.csv; …"), or empty.
    QString fillNote() const;

    /// Saves the inputs on show as scenario `name` of the shown model (replacing one so named).
    void saveScenario(const QString &name);
    /// Shows scenario `name`; false when the shown model has none so named.
    bool loadScenario(const QString &name);
    QStringList scenarioNames() const { return m_store.scenarioNames(); }

    /// Sweeps feature `index` in the what-if chart.
    void setWhatIfFeature(int index);

    FeatureForm *form() const { return m_form; }
    ProbabilityBars *probabilityBars() const { return m_bars; }
    WhatIfChart *whatIfChart() const { return m_whatIf; }
    ExplanationView *explanationView() const { return m_explanation; }
    /// The tabs under the probabilities: "Why" (the explanation) and "What if".
    QTabWidget *resultTabs() const { return m_tabs; }

Q_SIGNALS:
    /// The form's row was predicted again (after any change of input or model).
    void predictionChanged(int predictedClass);
    /// A short message for the status bar.
    void statusMessage(const QString &message);

private:
    QWidget *createToolbar();
    QWidget *createResultPanel();
    void onFormChanged();
    void predict();
    void showPrediction();
    void refreshScenarios(const QString &current = {});
    void updateFillControls();
    void askScenarioName();
    void removeCurrentScenario();
    QString summaryText() const;
    int firstWhatIfFeature() const;

    std::shared_ptr<const Model> m_model;
    QString m_source;
    std::weak_ptr<const Dataset> m_data;
    ScenarioStore m_store;
    std::vector<double> m_proba;
    int m_predicted = -1;
    double m_margin = 0;
    bool m_applying = false; ///< showing stored inputs: the scenario combo keeps its choice

    QStackedWidget *m_stack = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_resetButton = nullptr;
    QSpinBox *m_rowSpin = nullptr;
    QPushButton *m_fillButton = nullptr;
    QComboBox *m_scenarioCombo = nullptr;
    QPushButton *m_saveScenarioButton = nullptr;
    QPushButton *m_removeScenarioButton = nullptr;
    QLabel *m_fillNote = nullptr;
    FeatureForm *m_form = nullptr;
    QLabel *m_predictedLabel = nullptr;
    QLabel *m_marginLabel = nullptr;
    ProbabilityBars *m_bars = nullptr;
    QComboBox *m_whatIfCombo = nullptr;
    WhatIfChart *m_whatIf = nullptr;
    QTabWidget *m_tabs = nullptr;
    ExplanationView *m_explanation = nullptr;
    bool m_whatIfChosen = false; ///< the user picked the what-if tab: kept across models
};

} // namespace mb
