// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/dataset.h"
#include "core/eval/batch_scoring.h"
#include "core/ml/model.h"

#include <QElapsedTimer>
#include <QWidget>
#include <QPointer>

#include <memory>

class QComboBox;
class QLabel;
class QMessageBox;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace mb {

class LoadJob;
class PreflightTableModel;
class ScoreJob;
class ScoredTableModel;

/// Batch scoring: choose a CSV or ARFF file, see before scoring how it matches the model's
/// inputs (the pre-flight report; an input can be read from another column by hand, and the
/// policy for unseen categories chosen), score every row in the background with progress
/// and Cancel, see the result as a table, export it as CSV. Rows that are not scored are
/// listed by row number. Scores come from scoreRows, the code `modelbench-cli predict` runs.
/// GUI thread only.
class BatchPage : public QWidget
{
    Q_OBJECT
public:
    explicit BatchPage(QWidget *parent = nullptr);
    ~BatchPage() override;

    /// The model to score with (nullptr: none); `source` says where it came from.
    void setModel(std::shared_ptr<const Model> model, const QString &source);
    std::shared_ptr<const Model> model() const { return m_model; }

    /// Loads `path` in the background, then checks it; failures show one message box.
    void openFile(const QString &path);
    /// Uses `data` (already loaded) as the file to score.
    void setData(std::shared_ptr<const Dataset> data, const QString &source);

    /// Reads model input `feature` from data column `column` (-1: match by name again).
    void chooseColumn(const QString &feature, int column);
    void setUnseenPolicy(UnseenPolicy policy);

    /// Starts scoring; false when the pre-flight check blocks it (or nothing to score).
    bool score();
    void cancel();
    bool isScoring() const;
    /// Writes the scored table as CSV (inputs, class, probabilities); false on failure.
    bool exportTo(const QString &path);

    PreflightTableModel *preflightModel() const { return m_preflight; }
    ScoredTableModel *scoredModel() const { return m_scored; }
    std::shared_ptr<const BatchScores> scores() const { return m_scores; }
    QPushButton *scoreButton() const { return m_scoreButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }

Q_SIGNALS:
    void scoringFinished(bool scored);
    void statusMessage(const QString &message);

private:
    void showOpenDialog();
    void showExportDialog();
    void onLoaded();
    void onScored();
    void recheck();
    void updateState();
    void showScoresSummary();
    void showError(const QString &title, const QString &text, const QString &details);

    std::shared_ptr<const Model> m_model;
    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const BatchScores> m_scores;
    ScoringOptions m_options;
    QString m_dataSource;

    LoadJob *m_loadJob = nullptr;
    ScoreJob *m_scoreJob = nullptr;
    QElapsedTimer m_elapsed;
    PreflightTableModel *m_preflight = nullptr;
    ScoredTableModel *m_scored = nullptr;

    QLabel *m_modelLabel = nullptr;
    QLabel *m_fileLabel = nullptr;
    QPushButton *m_openButton = nullptr;
    QComboBox *m_unseenCombo = nullptr;
    QLabel *m_preflightSummary = nullptr;
    QTableView *m_preflightView = nullptr;
    QLabel *m_blockers = nullptr;
    QPushButton *m_scoreButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_outcome = nullptr;
    QTableView *m_scoredView = nullptr;
    QPlainTextEdit *m_skipped = nullptr;
    QPushButton *m_exportButton = nullptr;
    /// Cleared by Qt when the box is deleted (on close, or with this page as its parent).
    QPointer<QMessageBox> m_errorBox;
};

} // namespace mb
