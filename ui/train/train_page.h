// SPDX-License-Identifier: MIT
#pragma once

#include "core/jobs/train_job.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QListView;
class QListWidget;
class QPlainTextEdit;
class QScrollArea;
class QProgressBar;
class QPushButton;
class QTimer;

namespace mb {

class Dataset;
class ParamForm;
class ResultListModel;
class ValidationBox;

/// The Train page: pick a learner, set its parameters (a form generated from its ParamSpec
/// table) and a validation scheme, train in the background with progress, elapsed time and
/// Cancel, and collect the models of this session in a result list. Trains on the dataset
/// given to setDataset() (the Data page's, with its target), shared with the job when Train is
/// pressed, so the Data page may load another file meanwhile. GUI thread only.
class TrainPage : public QWidget
{
    Q_OBJECT
public:
    explicit TrainPage(QWidget *parent = nullptr);
    ~TrainPage() override;

    /// The dataset to train on (watched, not owned: nullptr or an expired one is none). Call
    /// again when it changes or its target does.
    void setDataset(std::shared_ptr<const Dataset> data);

    /// The key of the chosen learner ("forest").
    QString currentLearner() const;
    void setCurrentLearner(const QString &key);

    /// Starts training with the choices on show, if they allow it.
    void train();
    /// Stops the running training; no model is kept.
    void cancel();
    bool isTraining() const;
    /// Why Train is disabled, or empty.
    QString trainBlocker() const;

    ParamForm *paramForm() const { return m_form; }
    ValidationBox *validationBox() const { return m_validation; }
    ResultListModel *resultModel() const { return m_results; }

Q_SIGNALS:
    /// The user selected `result` in the result list (also right after a model is trained):
    /// the hook for the results view.
    void resultActivated(std::shared_ptr<const mb::TrainResult> result);
    /// A run ended with a model, now in the result list.
    void resultAdded(std::shared_ptr<const mb::TrainResult> result);
    /// A run ended: trained, failed or cancelled.
    void trainingFinished();
    /// A short message for the status bar.
    void statusMessage(const QString &message);

private:
    QWidget *createLearnerColumn();
    QWidget *createSettingsColumn();
    QWidget *createRunBox();
    void fillLearnerList();
    void onLearnerChanged();
    void onTrainFinished();
    void onResultSelected(int row);
    void updateTrainEnabled();
    void updateDataLabel();
    void updateElapsed();
    void setRunning(bool running);
    void showOutcome(const QString &text, bool isError);

    std::weak_ptr<const Dataset> m_data;
    TrainJob *m_job = nullptr;
    ResultListModel *m_results = nullptr;
    QElapsedTimer m_elapsed;
    QTimer *m_elapsedTimer = nullptr;

    QListWidget *m_learners = nullptr;
    QListView *m_resultView = nullptr;
    QLabel *m_learnerTitle = nullptr;
    QLabel *m_learnerDescription = nullptr;
    ParamForm *m_form = nullptr;
    QScrollArea *m_paramScroll = nullptr;
    QPushButton *m_resetButton = nullptr;
    ValidationBox *m_validation = nullptr;
    QLabel *m_dataLabel = nullptr;
    QPushButton *m_trainButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_elapsedLabel = nullptr;
    QLabel *m_blockerLabel = nullptr;
    QLabel *m_outcomeLabel = nullptr;
    QPlainTextEdit *m_log = nullptr;
};

} // namespace mb
