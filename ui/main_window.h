// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QStringList>

class QAction;
class QMenu;
class QMimeData;
class QTabWidget;

namespace mb {

class DataPage;
class TrainPage;

/// The ModelBench main window: a tab per page (Data, Train), the File and Help menus,
/// a toolbar, recent files, drag and drop of data files, and the status bar. Remembers its
/// geometry, the last folder and the recent files in QSettings. GUI thread only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int kMaxRecentFiles = 10;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a data file (CSV through the import dialog, ARFF directly) or a built-in sample
    /// ("sample:iris.csv" or ":/samples/iris.csv") on the Data page.
    void openDataFile(const QString &path);

    DataPage *dataPage() const { return m_dataPage; }
    TrainPage *trainPage() const { return m_trainPage; }
    /// Recent data files, newest first, as stored in the settings.
    QStringList recentFiles() const;

    /// Whether `path` names a file the Data page reads (.csv, .tsv, .txt, .arff).
    static bool isDataFileName(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void showOpenDialog();
    void showAbout();
    void addRecentFile(const QString &path);
    void setRecentFiles(const QStringList &files);
    void rebuildRecentMenu();
    void readSettings();
    void writeSettings() const;
    QStringList droppedDataFiles(const QMimeData *mime) const;

    QTabWidget *m_tabs = nullptr;
    DataPage *m_dataPage = nullptr;
    TrainPage *m_trainPage = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_clearRecentAction = nullptr;
    QMenu *m_sampleMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace mb
