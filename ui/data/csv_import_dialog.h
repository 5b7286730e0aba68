// SPDX-License-Identifier: MIT
#pragma once

#include "core/io/csv_options.h"

#include <QDialog>

#include <map>
#include <memory>
#include <string>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTableWidget;

namespace mb {

class Dataset;
class DatasetTableModel;

/// Lets a person check how a CSV file will be read before loading all of it: delimiter,
/// header, decimal comma, missing-value tokens and per-column types, with a live preview of
/// the first rows. Starts from what the reader detects; every change re-reads the preview
/// (readCsv with maxRows), and a preview that fails to parse shows its error and disables
/// Load. options() gives the settings for the full load. GUI thread only.
class CsvImportDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr std::size_t kPreviewRows = 200;

    explicit CsvImportDialog(const QString &path, QWidget *parent = nullptr);
    ~CsvImportDialog() override;

    const QString &path() const { return m_path; }
    /// The options for loading the whole file (no row limit).
    CsvOptions options() const;
    /// The preview as last read, or nullptr when it failed.
    const Dataset *preview() const { return m_preview.get(); }
    /// The last preview's error, empty when it succeeded.
    const QString &previewError() const { return m_error; }

public Q_SLOTS:
    /// Re-reads the preview with the current settings.
    void refreshPreview();

Q_SIGNALS:
    void previewUpdated();

private:
    CsvOptions optionsFromControls() const;
    void showDialect(char delimiter, bool header, bool decimalComma);
    void onStructureChanged();
    void rebuildTypeTable();
    void updateTypeTable();

    QString m_path;
    bool m_detected = false; ///< the controls hold a dialect (detected or chosen)
    std::map<std::string, ColumnType> m_overrides;
    std::unique_ptr<Dataset> m_preview;
    QString m_error;

    DatasetTableModel *m_previewModel = nullptr;
    QComboBox *m_delimiter = nullptr;
    QCheckBox *m_header = nullptr;
    QCheckBox *m_decimalComma = nullptr;
    QLineEdit *m_missing = nullptr;
    QTableView *m_previewTable = nullptr;
    QTableWidget *m_types = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mb
