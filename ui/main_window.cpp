// SPDX-License-Identifier: MIT
#include "ui/main_window.h"

#include "core/catalog/catalog.h"
#include "core/catalog/catalog_location.h"

#include "core/data/dataset.h"
#include "core/data/samples.h"
#include "core/model/model_file.h"
#include "ui/batch/batch_page.h"
#include "ui/catalog/catalog_page.h"
#include "ui/catalog/open_catalog_dialog.h"
#include "ui/data/data_page.h"
#include "ui/language.h"
#include "ui/predict/predict_page.h"
#include "ui/results/results_page.h"
#include "ui/train/result_text.h"
#include "ui/train/train_page.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>

#include <boost/version.hpp>

namespace mb {

namespace {

const QString kGeometryKey = QStringLiteral("MainWindow/geometry");
const QString kStateKey = QStringLiteral("MainWindow/state");
const QString kLastFolderKey = QStringLiteral("Files/lastFolder");
const QString kRecentKey = QStringLiteral("Files/recent");
const QString kCatalogKey = QStringLiteral("Catalog/path");
const QString kRecentCatalogsKey = QStringLiteral("Catalog/recent");
const QString kModelFolderKey = QStringLiteral("Files/lastModelFolder");

constexpr int kStatusTimeoutMs = 6000;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ModelBench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/modelbench.svg")));
    setAcceptDrops(true);

    m_dataPage = new DataPage(this);
    m_dataPage->setObjectName(QStringLiteral("dataPage"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("pageTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_dataPage, QIcon(QStringLiteral(":/icons/table.svg")), tr("&Data"));
    m_trainPage = new TrainPage(this);
    m_trainPage->setObjectName(QStringLiteral("trainPage"));
    m_tabs->addTab(m_trainPage, QIcon(QStringLiteral(":/icons/train.svg")), tr("&Train"));
    m_resultsPage = new ResultsPage(this);
    m_resultsPage->setObjectName(QStringLiteral("resultsPage"));
    m_tabs->addTab(m_resultsPage, QIcon(QStringLiteral(":/icons/results.svg")), tr("&Results"));
    m_predictPage = new PredictPage(this);
    m_predictPage->setObjectName(QStringLiteral("predictPage"));
    m_tabs->addTab(m_predictPage, QIcon(QStringLiteral(":/icons/predict.svg")), tr("&Predict"));
    m_batchPage = new BatchPage(this);
    m_batchPage->setObjectName(QStringLiteral("batchPage"));
    m_tabs->addTab(m_batchPage, QIcon(QStringLiteral(":/icons/batch.svg")), tr("&Batch"));
    m_catalogPage = new CatalogPage(this);
    m_catalogPage->setObjectName(QStringLiteral("catalogPage"));
    m_tabs->addTab(m_catalogPage, QIcon(QStringLiteral(":/icons/catalog.svg")), tr("&Catalog"));
    setCentralWidget(m_tabs);

    createActions();
    createMenus();
    createToolBar();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->showMessage(tr("Ready"));
    m_catalogLabel = new QLabel(tr("No catalog"), this);
    m_catalogLabel->setObjectName(QStringLiteral("catalogLabel"));
    m_catalogLabel->setAccessibleName(tr("Catalog in use"));
    statusBar()->addPermanentWidget(m_catalogLabel);

    connect(m_dataPage, &DataPage::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_dataPage, &DataPage::fileLoaded, this, &MainWindow::addRecentFile);
    connect(m_trainPage, &TrainPage::statusMessage, this, &MainWindow::showStatusMessage);
    // The Results page follows the Train page's result list, but the user stays where they
    // are: a finished training updates Results without taking the Train page (and its
    // progress and log) away, and the status bar says where to look.
    connect(m_trainPage, &TrainPage::resultActivated, m_resultsPage, &ResultsPage::setResult);
    connect(m_trainPage, &TrainPage::resultAdded, this,
            [this](const std::shared_ptr<const TrainResult> &result) {
                statusBar()->showMessage(tr("%1. Details on the Results tab.")
                                                 .arg(resultSummary(*result)),
                                         kStatusTimeoutMs);
            });
    connect(this, &MainWindow::catalogChanged, m_resultsPage, &ResultsPage::setCatalogPath);
    connect(this, &MainWindow::catalogChanged, m_catalogPage, &CatalogPage::setCatalogPath);
    // A model saved from the Results page appears in the catalog table at once.
    connect(m_resultsPage, &ResultsPage::savedToCatalog, this, [this](const CatalogEntry &entry) {
        m_catalogPage->refresh();
        m_catalogPage->selectVersion(entry.name, entry.version);
    });
    connect(m_catalogPage, &CatalogPage::openRequested, this, &MainWindow::openCatalogModel);
    // One current model: whatever the Results page shows, Predict and Batch ask.
    connect(m_resultsPage, &ResultsPage::modelShown, this, &MainWindow::shareShownModel);
    connect(m_resultsPage, &ResultsPage::openInPredictRequested, this,
            [this] { m_tabs->setCurrentWidget(m_predictPage); });
    connect(m_predictPage, &PredictPage::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_batchPage, &BatchPage::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_catalogPage, &CatalogPage::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_resultsPage, &ResultsPage::modelShown, m_saveModelAction, &QAction::setEnabled);
    connect(m_saveModelAction, &QAction::triggered, m_resultsPage, &ResultsPage::showSaveFileDialog);
    connect(m_resultsPage, &ResultsPage::statusMessage, this, &MainWindow::showStatusMessage);
    // The Train page reads the Data page's dataset, target included, at each change.
    const auto shareDataset = [this] {
        m_trainPage->setDataset(m_dataPage->sharedDataset());
        m_predictPage->setDataset(m_dataPage->sharedDataset());
    };
    connect(m_dataPage, &DataPage::datasetChanged, this, shareDataset);
    connect(m_dataPage, &DataPage::targetChanged, this, shareDataset);
    connect(m_dataPage, &DataPage::datasetChanged, this, [this] {
        setWindowTitle(
            tr("%1 — ModelBench").arg(QString::fromStdString(m_dataPage->dataset()->name())));
    });

    resize(1280, 800);
    readSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open Data…"), this);
    m_openAction->setObjectName(QStringLiteral("actionOpenData"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a CSV or ARFF data file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::showOpenDialog);

    m_saveModelAction = new QAction(tr("Save Model &As…"), this);
    m_saveModelAction->setObjectName(QStringLiteral("actionSaveModelAs"));
    m_saveModelAction->setShortcut(QKeySequence::SaveAs);
    m_saveModelAction->setStatusTip(tr("Save the model on the Results page as a file"));
    m_saveModelAction->setEnabled(false); // until the Results page shows a model

    m_openCatalogAction = new QAction(tr("Open &Catalog…"), this);
    m_openCatalogAction->setObjectName(QStringLiteral("actionOpenCatalog"));
    m_openCatalogAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m_openCatalogAction->setStatusTip(tr("Use another model catalog: a file, or a team catalog on a PostgreSQL server"));
    connect(m_openCatalogAction, &QAction::triggered, this, &MainWindow::showOpenCatalogDialog);

    m_openModelAction = new QAction(tr("Open &Model…"), this);
    m_openModelAction->setObjectName(QStringLiteral("actionOpenModel"));
    m_openModelAction->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    m_openModelAction->setStatusTip(tr("Open a ModelBench model file (.mbm)"));
    connect(m_openModelAction, &QAction::triggered, this, &MainWindow::showOpenModelDialog);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_quitAction->setShortcut(QKeySequence(tr("Ctrl+Q")));
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_quitAction->setStatusTip(tr("Quit ModelBench"));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(tr("&About ModelBench"), this);
    m_aboutAction->setObjectName(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_clearRecentAction = new QAction(tr("&Clear Recent Files"), this);
    m_clearRecentAction->setObjectName(QStringLiteral("actionClearRecent"));
    connect(m_clearRecentAction, &QAction::triggered, this, [this] { setRecentFiles({}); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(m_openAction);
    file->addAction(m_openModelAction);
    file->addAction(m_saveModelAction);

    m_sampleMenu = file->addMenu(QIcon(QStringLiteral(":/icons/sample.svg")), tr("Open &Sample"));
    m_sampleMenu->setObjectName(QStringLiteral("menuOpenSample"));
    m_sampleMenu->menuAction()->setStatusTip(tr("Open a dataset that comes with ModelBench"));
    int sampleNumber = 0;
    for (const SampleDataset &sample : sampleDatasets()) {
        const QString fileName = QString::fromUtf8(sample.fileName);
        // Accelerators 1-9, then 0 for the tenth, as in the recent files.
        ++sampleNumber;
        QAction *action = m_sampleMenu->addAction(
            sampleNumber <= 10 ? QStringLiteral("&%1  %2").arg(sampleNumber % 10).arg(fileName)
                               : fileName);
        action->setObjectName(QStringLiteral("actionSample_%1").arg(fileName));
        action->setStatusTip(tr(sample.description));
        action->setToolTip(tr(sample.description));
        const QString path = samplePath(sample);
        connect(action, &QAction::triggered, this, [this, path] { openDataFile(path); });
    }

    m_recentMenu = file->addMenu(tr("&Recent Files"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecentFiles"));
    // Rebuilt on every opening so files deleted meanwhile drop out.
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();

    file->addSeparator();
    file->addAction(m_openCatalogAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->setObjectName(QStringLiteral("menuSettings"));
    settings->addMenu(createLanguageMenu(
        this, [this](const QString &message) { showStatusMessage(message); }));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    // Qt's own icon texts and tooltips keep the "(O)" of a Chinese "打开数据(&O)…".
    m_openAction->setIconText(withoutMnemonic(m_openAction->text()));
    m_openAction->setToolTip(m_openAction->iconText());
    bar->addAction(m_openAction);
    QAction *samples = m_sampleMenu->menuAction();
    samples->setIconText(tr("Open Sample"));
    samples->setToolTip(samples->iconText());
    bar->addAction(samples);
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(samples))) {
        button->setObjectName(QStringLiteral("openSampleButton"));
        button->setPopupMode(QToolButton::InstantPopup);
    }
}

void MainWindow::openDataFile(const QString &path)
{
    m_tabs->setCurrentWidget(m_dataPage);
    m_dataPage->openFile(path);
}

void MainWindow::showOpenDialog()
{
    QSettings settings;
    const QString folder = settings.value(kLastFolderKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Data"), folder,
        tr("Data files (*.csv *.tsv *.txt *.arff);;CSV files (*.csv *.tsv *.txt);;"
           "ARFF files (*.arff);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kLastFolderKey, QFileInfo(path).absolutePath());
    openDataFile(path);
}

void MainWindow::showOpenCatalogDialog()
{
    const QString folder = m_catalogPath.isEmpty() || isCatalogUrl(m_catalogPath)
            ? QSettings().value(kLastFolderKey, QDir::homePath()).toString()
            : QFileInfo(m_catalogPath).absolutePath();
    auto *dialog = new OpenCatalogDialog(recentCatalogs(), folder, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { openCatalog(dialog->location()); });
    dialog->open();
}

QStringList MainWindow::recentCatalogs() const
{
    return QSettings().value(kRecentCatalogsKey).toStringList();
}

void MainWindow::askCatalogPassword(const QString &location, const QString &message)
{
    auto where = CatalogLocation::parse(location);
    if (!where)
        return;
    const QString shown = where->display();
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("catalogPasswordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Catalog Password"));
    // libpq's own words tell a refused password from a missing one; the full message is in the
    // tooltip, not in a line as wide as the screen.
    const QString refused = message.contains(QLatin1String("authentication failed"))
            ? tr("That password was not accepted.") + QLatin1Char('\n')
            : QString();
    dialog->setLabelText(refused
                         + tr("The catalog server %1 asks for the password of user %2 (database %3).\n"
                              "ModelBench keeps it only until it quits.")
                                   .arg(where->host,
                                        where->user.isEmpty() ? tr("(default)") : where->user,
                                        where->database));
    dialog->setToolTip(message);
    dialog->setTextEchoMode(QLineEdit::Password);
    // Kept in this process's memory only, for this catalog: never in the settings.
    connect(dialog, &QInputDialog::textValueSelected, this, [this, location, shown](const QString &password) {
        rememberCatalogPassword(shown, password);
        openCatalog(location);
    });
    dialog->open();
}

void MainWindow::showOpenModelDialog()
{
    QSettings settings;
    const QString folder = settings.value(kModelFolderKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Model"), folder, tr("ModelBench models (*.mbm);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kModelFolderKey, QFileInfo(path).absolutePath());
    openModelFile(path);
}

bool MainWindow::isModelFileName(const QString &path)
{
    return path.endsWith(QLatin1String(kModelFileSuffix), Qt::CaseInsensitive);
}

bool MainWindow::openModelFile(const QString &path)
{
    // The loader checks everything (header, lengths, checksums, the archive, the self-check)
    // and turns every failure into an Error, so a damaged file is a message, never a crash.
    auto loaded = loadModelFile(path);
    if (!loaded) {
        showModelError(tr("The model file %1 could not be opened.").arg(QDir::toNativeSeparators(path)),
                       QString::fromStdString(loaded.error().describe()));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_resultsPage->showLoadedModel(std::move(*loaded), absolute);
    m_tabs->setCurrentWidget(m_resultsPage);
    statusBar()->showMessage(tr("Opened model %1.").arg(QDir::toNativeSeparators(absolute)),
                             kStatusTimeoutMs);
    Q_EMIT modelFileOpened(absolute);
    return true;
}

void MainWindow::shareShownModel(bool shown)
{
    const std::shared_ptr<const TrainResult> result = shown ? m_resultsPage->result() : nullptr;
    m_predictPage->setResult(result);
    if (!result) {
        m_batchPage->setModel(nullptr, {});
        return;
    }
    // The model lives as long as its result: share it without a copy.
    const std::shared_ptr<const Model> model(result, &result->evaluation.model);
    const QString source = !m_resultsPage->source().isEmpty()
            ? QDir::toNativeSeparators(m_resultsPage->source())
            : tr("%1 trained on %2").arg(learnerDisplayName(result->algo),
                                          QString::fromStdString(result->datasetName));
    m_batchPage->setModel(model, source);
}

void MainWindow::showStatusMessage(const QString &message)
{
    statusBar()->showMessage(message, kStatusTimeoutMs);
}

bool MainWindow::openCatalogModel(const QString &name, int version)
{
    const ModelRef ref {name, version, {}};
    const QString source = tr("%1 in the catalog").arg(ref.toString());
    const QString failure = tr("%1 could not be opened from the catalog.").arg(ref.toString());
    // The catalog checks the stored checksum; the loader then checks the file as it would a
    // file on disk, so a damaged entry is one message box too.
    auto catalog = Catalog::open(m_catalogPath, CatalogOptions::interactive());
    if (!catalog) {
        showModelError(failure, QString::fromStdString(catalog.error().describe()));
        return false;
    }
    auto bytes = catalog->bytes(ref);
    if (!bytes) {
        showModelError(failure, QString::fromStdString(bytes.error().describe()));
        return false;
    }
    auto loaded = decodeModelFile(*bytes, ref.toString());
    if (!loaded) {
        showModelError(failure, QString::fromStdString(loaded.error().describe()));
        return false;
    }
    m_resultsPage->showLoadedModel(std::move(*loaded), source);
    m_tabs->setCurrentWidget(m_resultsPage);
    statusBar()->showMessage(tr("Opened %1.").arg(source), kStatusTimeoutMs);
    Q_EMIT modelFileOpened(source);
    return true;
}

void MainWindow::showModelError(const QString &text, const QString &message)
{
    if (m_modelErrorBox)
        m_modelErrorBox->close();
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Cannot Open Model"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("modelErrorBox"));
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_modelErrorBox = box;
    box->open();
    Q_EMIT modelFileFailed(message);
}

QString MainWindow::rememberedCatalogPath()
{
    return QSettings().value(kCatalogKey).toString();
}

void MainWindow::openStartupCatalog()
{
    const QString remembered = rememberedCatalogPath();
    if (openCatalog(remembered))
        return;
    openCatalog({});
    if (isCatalogUrl(remembered))
        QSettings().setValue(kCatalogKey, remembered);
}

bool MainWindow::openCatalog(const QString &path)
{
    // A file the user picks must already be a catalog: opening must not turn a mistaken
    // choice into a new empty database. Only the default catalog is created on first use, and
    // a team catalog in the (empty) database its administrator made for it.
    CatalogOptions options = CatalogOptions::interactive();
    const bool server = isCatalogUrl(path);
    // (Paths, not QFileInfo ==, which cannot compare files that do not exist yet.)
    options.mustExist = !path.isEmpty() && !server
        && QFileInfo(path).absoluteFilePath() != QFileInfo(Catalog::defaultPath()).absoluteFilePath();
    auto catalog = Catalog::open(path, options);
    Expected<std::vector<CatalogEntry>> entries = catalog ? catalog->list() : std::unexpected(catalog.error());
    if (!entries) {
        const QString message = QString::fromStdString(entries.error().describe());
        if (server && entries.error().field == kPasswordField)
            askCatalogPassword(path, message);
        else
            showCatalogError(message);
        return false;
    }
    m_catalogPath = catalog->path();
    QSettings settings;
    settings.setValue(kCatalogKey, m_catalogPath);
    QStringList recent = recentCatalogs();
    recent.removeAll(m_catalogPath);
    recent.prepend(m_catalogPath);
    settings.setValue(kRecentCatalogsKey, recent.mid(0, kMaxRecentCatalogs));
    if (auto where = CatalogLocation::parse(m_catalogPath); where && where->isServer())
        m_catalogLabel->setText(tr("Catalog: %1 on %2").arg(where->database, where->host));
    else
        m_catalogLabel->setText(tr("Catalog: %1").arg(QFileInfo(m_catalogPath).fileName()));
    const QString shown = server ? m_catalogPath : QDir::toNativeSeparators(m_catalogPath);
    m_catalogLabel->setToolTip(shown);
    statusBar()->showMessage(tr("Catalog %1: %n model version(s).", nullptr, int(entries->size()))
                                 .arg(shown),
                             kStatusTimeoutMs);
    Q_EMIT catalogChanged(m_catalogPath);
    return true;
}

void MainWindow::showCatalogError(const QString &message)
{
    // One box at a time, and not modal to the test harness: open(), not exec().
    if (m_catalogErrorBox)
        m_catalogErrorBox->close();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Catalog"),
                                tr("The catalog could not be opened; the one in use is unchanged."),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("catalogErrorBox"));
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_catalogErrorBox = box;
    box->open();
    Q_EMIT catalogFailed(message);
}

void MainWindow::showAbout()
{
    // One box at a time, and not modal to the test harness: open(), not exec().
    if (auto *shown = findChild<QMessageBox *>(QStringLiteral("aboutBox"))) {
        shown->raise();
        shown->activateWindow();
        return;
    }
    const QString boost = QStringLiteral("%1.%2.%3")
                              .arg(BOOST_VERSION / 100000)
                              .arg(BOOST_VERSION / 100 % 1000)
                              .arg(BOOST_VERSION % 100);
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setWindowTitle(tr("About ModelBench"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>ModelBench %1</h3>"
                    "<p>A desktop workbench for classifiers: load a dataset, train and "
                    "compare models, and use them to predict.</p>"
                    "<p>Version %1<br>Qt %2 (built with Qt %3)<br>Boost %4<br>"
                    "Model file format version %5</p>")
                     .arg(QStringLiteral(MB_VERSION), QString::fromLatin1(qVersion()),
                          QStringLiteral(QT_VERSION_STR), boost)
                     .arg(kModelFormatVersion));
    box->setStandardButtons(QMessageBox::Ok);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::addRecentFile(const QString &path)
{
    // Built-in samples have their own menu.
    if (path.startsWith(QLatin1Char(':')) || path.startsWith(QStringLiteral("sample:")))
        return;
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    setRecentFiles(files);
    QSettings().setValue(kLastFolderKey, info.absolutePath());
}

void MainWindow::setRecentFiles(const QStringList &files)
{
    QSettings().setValue(kRecentKey, files.mid(0, kMaxRecentFiles));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    QStringList files = recentFiles();
    const qsizetype before = files.size();
    files.removeIf([](const QString &file) { return !QFileInfo(file).isFile(); });
    if (files.size() != before)
        QSettings().setValue(kRecentKey, files);

    m_recentMenu->clear();
    for (int i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        // Accelerators 1-9, then 0 for the tenth.
        QAction *action = m_recentMenu->addAction(
            QStringLiteral("&%1  %2").arg((i + 1) % 10).arg(QFileInfo(file).fileName()));
        action->setObjectName(QStringLiteral("actionRecent_%1").arg(i));
        action->setStatusTip(QDir::toNativeSeparators(file));
        action->setData(file);
        connect(action, &QAction::triggered, this, [this, file] { openDataFile(file); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearRecentAction);
    m_clearRecentAction->setEnabled(!files.isEmpty());
    m_recentMenu->menuAction()->setEnabled(!files.isEmpty());
}

void MainWindow::readSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::isDataFileName(const QString &path)
{
    static const QStringList suffixes {QStringLiteral("csv"), QStringLiteral("tsv"),
                                       QStringLiteral("txt"), QStringLiteral("arff")};
    return suffixes.contains(QFileInfo(path).suffix(), Qt::CaseInsensitive);
}

QStringList MainWindow::droppedDataFiles(const QMimeData *mime) const
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && isDataFileName(url.toLocalFile()))
            files << url.toLocalFile();
    }
    return files;
}

QStringList MainWindow::droppedModelFiles(const QMimeData *mime) const
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && isModelFileName(url.toLocalFile()))
            files << url.toLocalFile();
    }
    return files;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedDataFiles(event->mimeData()).isEmpty()
        || !droppedModelFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // A model file wins over data files: it is what the user most likely meant to look at.
    const QStringList models = droppedModelFiles(event->mimeData());
    if (!models.isEmpty()) {
        event->acceptProposedAction();
        if (models.size() > 1)
            statusBar()->showMessage(
                tr("Opening the first of %1 dropped model files.").arg(models.size()),
                kStatusTimeoutMs);
        openModelFile(models.front());
        return;
    }
    const QStringList files = droppedDataFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    // One dataset at a time: the first data file wins.
    if (files.size() > 1)
        statusBar()->showMessage(tr("Opening the first of %1 dropped files.").arg(files.size()),
                                 kStatusTimeoutMs);
    openDataFile(files.front());
}

} // namespace mb
