// SPDX-License-Identifier: MIT
#pragma once

#include "core/catalog/catalog.h"
#include "core/jobs/train_job.h"
#include "core/model/model_file.h"

#include <QWidget>
#include <QMessageBox>
#include <QPointer>

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
class TreeDiagramView;

/// The Results page: what one trained model measured and what it is. A header names the
/// model; tabs show the metrics (overall, per class, the confusion matrix), the charts (ROC
/// curves, feature importances), a drawing of the tree (decision trees only) and the model
/// sheet, which can be copied. Every number comes from the engine's evaluation; the page
/// computes nothing but the ROC curves it asks rocCurve() for. Holds the shown result alive.
/// GUI thread only.
class ResultsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsPage(QWidget *parent = nullptr);
    ~ResultsPage() override;

    /// Shows `result` (nullptr: the empty page).
    void setResult(std::shared_ptr<const TrainResult> result);
    std::shared_ptr<const TrainResult> result() const { return m_result; }

    /// Shows a model read from a file (or the catalog): no fresh evaluation, so the page
    /// shows the metrics its header stored and its model sheet. `source` names where it came
    /// from (a path) in the header.
    void showLoadedModel(LoadedModel loaded, const QString &source);
    /// Where the shown model came from when it was opened rather than trained (else empty).
    QString source() const { return m_source; }

    /// The catalog "Save to Catalog" registers into (MainWindow::catalogPath()).
    void setCatalogPath(const QString &path) { m_catalogPath = path; }

    /// Writes the shown model to `path` (atomically) as a `kind` archive. Failure shows the
    /// error box and returns false. The dialog-free half of "Save as File…".
    bool saveModelTo(const QString &path, ArchiveKind kind = ArchiveKind::Binary);
    /// Registers the shown model as the next version of `name` in the catalog in use; says
    /// "Saved as NAME:VERSION" on the status bar. Failure shows the error box. The dialog-free
    /// half of "Save to Catalog…".
    std::optional<CatalogEntry> saveToCatalog(const QString &name, const QStringList &tags = {},
                                              const QString &description = {});

    /// Asks for a file name and format, then saves (saveModelTo).
    void showSaveFileDialog();
    /// Asks for name, tags and description, then registers (saveToCatalog).
    void showSaveToCatalogDialog();

    /// The one error box of the page (nullptr when none is open).
    QMessageBox *errorBox() const { return m_errorBox; }

    /// Puts the model sheet on the clipboard.
    void copySheet();

    /// Where buttons acting on the shown model go (right of the header).
    QHBoxLayout *buttonRow() const { return m_buttonRow; }

    MetricsTableModel *metricsModel() const { return m_metricsModel; }
    ClassMetricsModel *classMetricsModel() const { return m_classModel; }
    ConfusionMatrixView *confusionView() const { return m_confusion; }
    RocChart *rocChart() const { return m_roc; }
    ImportanceChart *importanceChart() const { return m_importance; }
    /// The drawing on the Tree tab, which is shown for decision trees only.
    TreeDiagramView *treeDiagram() const { return m_treeDiagram; }
    /// The index of the Tree tab in the result views.
    int treeTabIndex() const { return m_treeTab; }
    QPlainTextEdit *sheetView() const { return m_sheet; }

Q_SIGNALS:
    /// A short message for the status bar.
    void statusMessage(const QString &message);
    /// A model was registered in the catalog (so catalog views can refresh).
    void savedToCatalog(const mb::CatalogEntry &entry);
    /// A model is shown (true) or the page was cleared (false): what can be saved changed.
    void modelShown(bool shown);
    /// The user asked to ask the shown model about new cases.
    void openInPredictRequested();

private:
    QWidget *createMetricsTab();
    QWidget *createChartsTab();
    QWidget *createTreeTab();
    void showTree(const Model &model);
    QWidget *createSheetTab();
    void showImportances(const Model &model);
    QString headerText(const TrainResult &result) const;
    QString loadedHeaderText() const;
    QString storedMetricsText(const Model &model) const;
    void showResult(std::shared_ptr<const TrainResult> result, const QString &source,
              QString created);
    void showError(const QString &title, const QString &text, const QString &details);

    std::shared_ptr<const TrainResult> m_result;
    QString m_source;  ///< the file a shown model was opened from
    QString m_created; ///< when that model was made (its header), ISO 8601
    QString m_catalogPath;
    /// Cleared by Qt when the box is deleted (on close, or with this page as its parent).
    QPointer<QMessageBox> m_errorBox;
    QPushButton *m_saveFileButton = nullptr;
    QPushButton *m_saveCatalogButton = nullptr;
    QPushButton *m_predictButton = nullptr;

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
    TreeDiagramView *m_treeDiagram = nullptr;
    QLabel *m_treeNote = nullptr;
    QLabel *m_treeLegend = nullptr;
    QLabel *m_treeZoom = nullptr;
    int m_treeTab = -1;
    QPlainTextEdit *m_sheet = nullptr;
    QPushButton *m_copyButton = nullptr;
};

} // namespace mb
