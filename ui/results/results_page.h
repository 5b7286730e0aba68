// SPDX-License-Identifier: MIT
#pragma once

#include "core/jobs/train_job.h"

#include <QWidget>

#include <memory>

class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace mb {

class ClassMetricsModel;
class ConfusionMatrixView;
class ImportanceChart;
class MetricsTableModel;
class RocChart;

/// The Results page: what one trained model measured and what it is. A header names the
/// model; tabs show the metrics (overall, per class, the confusion matrix), the charts (ROC
/// curves, feature importances) and the model sheet, which can be copied. Every number comes
/// from the engine's evaluation; the page computes nothing but the ROC curves it asks
/// rocCurve() for. Holds the shown result alive. GUI thread only.
class ResultsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsPage(QWidget *parent = nullptr);
    ~ResultsPage() override;

    /// Shows `result` (nullptr: the empty page).
    void setResult(std::shared_ptr<const TrainResult> result);
    std::shared_ptr<const TrainResult> result() const { return m_result; }

    /// Puts the model sheet on the clipboard.
    void copySheet();

    /// Where buttons acting on the shown model go (right of the header).
    QHBoxLayout *buttonRow() const { return m_buttonRow; }

    MetricsTableModel *metricsModel() const { return m_metricsModel; }
    ClassMetricsModel *classMetricsModel() const { return m_classModel; }
    ConfusionMatrixView *confusionView() const { return m_confusion; }
    RocChart *rocChart() const { return m_roc; }
    ImportanceChart *importanceChart() const { return m_importance; }
    QPlainTextEdit *sheetView() const { return m_sheet; }

Q_SIGNALS:
    /// A short message for the status bar.
    void statusMessage(const QString &message);

private:
    QWidget *createMetricsTab();
    QWidget *createChartsTab();
    QWidget *createSheetTab();
    void showImportances(const Model &model);
    QString headerText(const TrainResult &result) const;

    std::shared_ptr<const TrainResult> m_result;

    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QHBoxLayout *m_buttonRow = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTabWidget *m_views = nullptr;
    MetricsTableModel *m_metricsModel = nullptr;
    ClassMetricsModel *m_classModel = nullptr;
    QLabel *m_metricsNote = nullptr;
    QTableView *m_metricsTable = nullptr;
    QTableView *m_classTable = nullptr;
    ConfusionMatrixView *m_confusion = nullptr;
    RocChart *m_roc = nullptr;
    ImportanceChart *m_importance = nullptr;
    QPlainTextEdit *m_sheet = nullptr;
    QPushButton *m_copyButton = nullptr;
};

} // namespace mb
