// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QStringList>

class QAction;
class QLabel;
class QMenu;
class QMimeData;
class QTabWidget;

namespace mb {

class BatchPage;
class CatalogPage;
class DataPage;
class PredictPage;
class ResultsPage;
class TrainPage;

/// The ModelBench main window: a tab per page (Data, Train, Results, Predict, Batch, Catalog), the File, Settings and Help menus,
/// a toolbar, recent files, drag and drop of data files, and the status bar. Remembers its
/// geometry, the last folder and the recent files in QSettings. GUI thread only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int kMaxRecentFiles = 10;
    static constexpr int kMaxRecentCatalogs = 8;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a data file (CSV through the import dialog, ARFF directly) or a built-in sample
    /// ("sample:iris.csv" or ":/samples/iris.csv") on the Data page.
    void openDataFile(const QString &path);

    /// Opens a model file (.mbm) on the Results page. A damaged or unreadable file gives one
    /// error box naming the file and what is wrong, and changes nothing; returns false then.
    bool openModelFile(const QString &path);

    /// Opens version `version` of model `name` from the catalog in use on the Results page; a
    /// failure gives the same error box as a damaged model file.
    bool openCatalogModel(const QString &name, int version);

    /// Whether `path` names a model file (.mbm).
    static bool isModelFileName(const QString &path);

    DataPage *dataPage() const { return m_dataPage; }
    TrainPage *trainPage() const { return m_trainPage; }
    ResultsPage *resultsPage() const { return m_resultsPage; }
    CatalogPage *catalogPage() const { return m_catalogPage; }
    PredictPage *predictPage() const { return m_predictPage; }
    BatchPage *batchPage() const { return m_batchPage; }
    /// Recent data files, newest first, as stored in the settings.
    QStringList recentFiles() const;

    /// Whether `path` names a file the Data page reads (.csv, .tsv, .txt, .arff).
    static bool isDataFileName(const QString &path);

    /// Catalogs opened before, newest first: files and postgresql:// URLs (never a password).
    QStringList recentCatalogs() const;
    /// Makes the catalog at `path` the one the app uses (empty: the default catalog, created
    /// on first use; a postgresql:// URL: a team catalog, set up in an empty database on first
    /// use, after asking for the password if the server wants one that PGPASSWORD and
    /// ~/.pgpass do not give). Any other file must already be a catalog: it is checked before it is
    /// used, and a file that is not one gives an error box and changes nothing. Remembered
    /// in the settings for the next start.
    bool openCatalog(const QString &path);
    /// The catalog in use: its file path, or its URL (without a password).
    QString catalogPath() const { return m_catalogPath; }
    /// The catalog used last time (empty: none yet, so the default one).
    static QString rememberedCatalogPath();
    /// At start: the catalog used last time; if it is gone or damaged, says so and uses the
    /// default one. A team catalog on a server stays the one to try first next time, even when
    /// it is down or still waits for its password now.
    void openStartupCatalog();

Q_SIGNALS:
    void modelFileOpened(const QString &path);
    void modelFileFailed(const QString &message);
    void catalogChanged(const QString &path);
    void catalogFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showStatusMessage(const QString &message);
    /// Gives the model the Results page shows (or none) to the Predict and Batch pages.
    void shareShownModel(bool shown);
    void createActions();
    void createMenus();
    void createToolBar();
    void showOpenDialog();
    void showOpenCatalogDialog();
    void showCatalogError(const QString &message);
    void askCatalogPassword(const QString &location, const QString &message);
    void showOpenModelDialog();
    void showModelError(const QString &text, const QString &message);
    void showAbout();
    void addRecentFile(const QString &path);
    void setRecentFiles(const QStringList &files);
    void rebuildRecentMenu();
    void readSettings();
    void writeSettings() const;
    QStringList droppedDataFiles(const QMimeData *mime) const;
    QStringList droppedModelFiles(const QMimeData *mime) const;

    QTabWidget *m_tabs = nullptr;
    DataPage *m_dataPage = nullptr;
    TrainPage *m_trainPage = nullptr;
    ResultsPage *m_resultsPage = nullptr;
    CatalogPage *m_catalogPage = nullptr;
    PredictPage *m_predictPage = nullptr;
    BatchPage *m_batchPage = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openCatalogAction = nullptr;
    QAction *m_saveModelAction = nullptr;
    QAction *m_openModelAction = nullptr;
    QPointer<QMessageBox> m_modelErrorBox; // forgets a closed box by itself
    QLabel *m_catalogLabel = nullptr;
    QPointer<QMessageBox> m_catalogErrorBox;
    QString m_catalogPath;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_clearRecentAction = nullptr;
    QMenu *m_sampleMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace mb
