// SPDX-License-Identifier: MIT
#pragma once

#include "core/io/csv_options.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace mb {

class ColumnListModel;
class ColumnSummaryWidget;
class CsvImportDialog;
class Dataset;
class DatasetTableModel;
class LoadJob;

/// The Data page: opens a dataset (CSV files through CsvImportDialog, ARFF files and built-in
/// samples directly), loads it in the background with progress and cancel, and shows it as a
/// table, a list of columns with a summary of the selected one, and a target chooser.
/// Owns the current Dataset; later pages read it through dataset() and listen to
/// datasetChanged() and targetChanged(). A load that fails or is cancelled leaves the current
/// dataset as it was. GUI thread only.
class DataPage : public QWidget
{
    Q_OBJECT
public:
    explicit DataPage(QWidget *parent = nullptr);
    ~DataPage() override;

    /// The dataset on show, or nullptr before the first load.
    const Dataset *dataset() const { return m_dataset.get(); }
    /// The same dataset, for readers that outlive a change (a training job). Never changed in
    /// place while someone else holds it: a target change then works on a copy.
    std::shared_ptr<const Dataset> sharedDataset() const { return m_dataset; }
    /// Where the dataset on show came from ("" before the first load).
    const QString &currentPath() const { return m_path; }
    bool isLoading() const;

    /// Opens a data file the way a person expects: a CSV file on disk goes through the import
    /// dialog (opened window-modal, without blocking), anything else loads at once.
    void openFile(const QString &path);
    /// Loads `path` in the background with `options`, without a dialog.
    void load(const QString &path, const CsvOptions &options = {});
    /// Stops the running load; the dataset on show stays.
    void cancelLoad();

    /// Makes dataset column `column` the target.
    void setTarget(int column);
    /// Selects dataset column `column` in the column list and shows its summary.
    void selectColumn(int column);
    /// The dataset column whose summary is on show, or -1.
    int currentColumn() const;

    DatasetTableModel *tableModel() const { return m_tableModel; }
    ColumnListModel *columnModel() const { return m_columnModel; }

Q_SIGNALS:
    /// A new dataset is on show.
    void datasetChanged();
    /// The target is now dataset column `column`.
    void targetChanged(int column);
    /// `path` was loaded successfully (for recent files).
    void fileLoaded(const QString &path);
    /// A load failed with `message` (also shown in a message box).
    void loadFailed(const QString &message);
    /// A short message for the status bar.
    void statusMessage(const QString &message);

private:
    void onLoadProgress(double fraction);
    void onLoadFinished();
    void install(Dataset dataset, const QString &path);
    void showError(const QString &message);
    void updateSummaryLine();
    void fillTargetCombo();
    void showColumn(int column);
    void fitColumnWidths();
    void fitColumnListHeight();
    void setLoadingVisible(bool visible);

    std::shared_ptr<Dataset> m_dataset;
    QString m_path;
    LoadJob *m_job = nullptr;
    QPointer<CsvImportDialog> m_importDialog;
    QPointer<QMessageBox> m_errorBox;

    DatasetTableModel *m_tableModel = nullptr;
    ColumnListModel *m_columnModel = nullptr;

    QLabel *m_summary = nullptr;
    QLabel *m_warnings = nullptr;
    QComboBox *m_targetCombo = nullptr;
    QWidget *m_loadingBar = nullptr;
    QLabel *m_loadingLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    QSplitter *m_leftSplitter = nullptr;
    QTableView *m_columnList = nullptr;
    ColumnSummaryWidget *m_columnSummary = nullptr;
    QTableView *m_dataTable = nullptr;
};

} // namespace mb
