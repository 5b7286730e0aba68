// SPDX-License-Identifier: MIT
#include "core/data/dataset.h"
#include "core/jobs/load_job.h"
#include "ui/data/column_list_model.h"
#include "ui/data/column_summary_widget.h"
#include "ui/data/csv_import_dialog.h"
#include "ui/data/data_page.h"
#include "ui/data/dataset_table_model.h"
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace mb;

class TestDataPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void startsEmpty();
    void opensSampleFromTheMenu();
    void clickingAColumnShowsItsSummary();
    void clickingATableCellSelectsItsColumn();
    void choosingATargetMarksItsHeader();
    void targetChangeLeavesAHeldDatasetAlone();
    void importDialogDetectsSemicolonsAndDecimalCommas();
    void importDialogTypeOverrideChangesThePreview();
    void importDialogShowsParseErrors();
    void openingACsvGoesThroughTheImportDialog();
    void droppingAnArffFileLoadsIt();
    void cancellingABigLoadKeepsTheOldDataset();
    void invalidFileShowsOneErrorBox_data();
    void invalidFileShowsOneErrorBox();
    void recentFilesDropMissingFiles();

private:
    DataPage *page() const { return m_window->dataPage(); }
    template<class T> T *child(const char *name) const
    {
        T *widget = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child named %s", name);
        return widget;
    }
    QString writeFile(const QString &name, const QByteArray &bytes) const;
    bool openIris();
    QMessageBox *errorBox() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

namespace {

QtMessageHandler g_previousHandler = nullptr;

// The offscreen platform says this each time a window is shown; it tells us nothing.
void dropOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()"))
        return;
    g_previousHandler(type, context, message);
}

const QByteArray kSemicolonCsv = "name;length;weight;kind\n"
                                 "a;1,5;10,25;x\n"
                                 "b;2,75;NA;y\n"
                                 "c;3,0;7,5;x\n";

void clickRow(QTableView *view, int row, int column = 0)
{
    const QRect rect = view->visualRect(view->model()->index(row, column));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

void TestDataPage::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(dropOffscreenNoise);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
}

void TestDataPage::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void TestDataPage::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDataPage::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

QString TestDataPage::writeFile(const QString &name, const QByteArray &bytes) const
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

bool TestDataPage::openIris()
{
    auto *action = child<QAction>("actionSample_iris.csv");
    if (!action)
        return false;
    action->trigger();
    QSignalSpy changed(page(), &DataPage::datasetChanged);
    return changed.wait(10000) && page()->dataset() && page()->dataset()->rowCount() == 150;
}

QMessageBox *TestDataPage::errorBox() const
{
    const auto boxes = m_window->findChildren<QMessageBox *>(QStringLiteral("loadErrorBox"));
    return boxes.size() == 1 ? boxes.front() : nullptr;
}

void TestDataPage::startsEmpty()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("ModelBench"));
    QVERIFY(!page()->dataset());
    QVERIFY(child<QLabel>("dataPlaceholder")->isVisible());
    QVERIFY(!child<QProgressBar>("loadProgress")->isVisible());
    QVERIFY(!child<QComboBox>("targetCombo")->isEnabled());
}

void TestDataPage::opensSampleFromTheMenu()
{
    auto *menu = child<QMenu>("menuOpenSample");
    QVERIFY(menu);
    auto *action = child<QAction>("actionSample_iris.csv");
    QVERIFY(action);
    QVERIFY(menu->actions().contains(action));
    QVERIFY(!action->statusTip().isEmpty());

    action->trigger();
    auto *table = child<QTableView>("dataTable");
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 150, 10000);
    QCOMPARE(table->model()->columnCount(), 5);
    QVERIFY(table->isVisible());
    QVERIFY(!child<QProgressBar>("loadProgress")->isVisible());
    QCOMPARE(child<QTableView>("columnList")->model()->rowCount(), 5);
    QVERIFY(child<QLabel>("datasetSummary")->text().contains(QStringLiteral("150")));
    QCOMPARE(child<QComboBox>("targetCombo")->currentText(), QStringLiteral("species"));
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("iris")));
    // Samples are not recent files: they have their own menu.
    QVERIFY(m_window->recentFiles().isEmpty());
}

void TestDataPage::clickingAColumnShowsItsSummary()
{
    QVERIFY(openIris());
    auto *list = child<QTableView>("columnList");
    auto *summary = child<ColumnSummaryWidget>("columnSummary");

    clickRow(list, 2);
    QCOMPARE(page()->currentColumn(), 2);
    QCOMPARE(summary->columnIndex(), 2);
    QCOMPARE(child<QLabel>("summaryTitle")->text(), QStringLiteral("petal_length_cm"));
    QCOMPARE(child<QLabel>("summaryType")->text(), QStringLiteral("Numeric"));
    QCOMPARE(child<QLabel>("summaryMissing")->text(), QStringLiteral("0"));
    QCOMPARE(child<QLabel>("summaryRange")->text(), QStringLiteral("1 to 6.9"));
    QCOMPARE(child<QLabel>("summaryMean")->text(), QStringLiteral("3.758"));
    QVERIFY(child<QLabel>("summaryRange")->isVisible());
    QVERIFY(!child<QLabel>("summaryLevels")->isVisible());
    QCOMPARE(summary->chart()->series().size(), 1);

    clickRow(list, 4);
    QCOMPARE(summary->columnIndex(), 4);
    QCOMPARE(child<QLabel>("summaryTitle")->text(), QStringLiteral("species"));
    QVERIFY(child<QLabel>("summaryType")->text().startsWith(QStringLiteral("Categorical (3")));
    QVERIFY(child<QLabel>("summaryLevels")->isVisible());
    QVERIFY(child<QLabel>("summaryLevels")->text().contains(QStringLiteral("setosa: 50")));
    QVERIFY(!child<QLabel>("summaryRange")->isVisible());
    QCOMPARE(summary->chart()->series().size(), 1);
}

void TestDataPage::clickingATableCellSelectsItsColumn()
{
    QVERIFY(openIris());
    auto *table = child<QTableView>("dataTable");
    clickRow(table, 3, 1);
    QCOMPARE(page()->currentColumn(), 1);
    QCOMPARE(child<QTableView>("columnList")->currentIndex().row(), 1);
    QCOMPARE(child<QLabel>("summaryTitle")->text(), QStringLiteral("sepal_width_cm"));
}

void TestDataPage::choosingATargetMarksItsHeader()
{
    QVERIFY(openIris());
    auto *combo = child<QComboBox>("targetCombo");
    auto *model = page()->tableModel();
    QCOMPARE(combo->currentIndex(), 4);
    QVERIFY(model->headerData(4, Qt::Horizontal, Qt::FontRole).value<QFont>().bold());

    QSignalSpy targetSpy(page(), &DataPage::targetChanged);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Up); // species -> petal_width_cm
    QCOMPARE(combo->currentText(), QStringLiteral("petal_width_cm"));
    QCOMPARE(targetSpy.count(), 1);
    QCOMPARE(targetSpy.front().front().toInt(), 3);
    QCOMPARE(page()->dataset()->targetIndex(), std::optional<std::size_t>(3));
    QVERIFY(model->headerData(3, Qt::Horizontal, Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model->headerData(4, Qt::Horizontal, Qt::FontRole).value<QFont>().bold());
    QCOMPARE(page()->columnModel()->index(3, ColumnListModel::RoleSection).data().toString(),
             QStringLiteral("Target"));
}

// A training job shares the page's dataset instead of copying it; changing the target while
// the job runs must not change the job's data under it.
void TestDataPage::targetChangeLeavesAHeldDatasetAlone()
{
    QVERIFY(openIris());
    auto *combo = child<QComboBox>("targetCombo");
    const Dataset *before = page()->dataset();
    // Nobody else holds it: changed in place, no copy.
    combo->setCurrentIndex(3);
    QCOMPARE(page()->dataset(), before);
    QCOMPARE(page()->dataset()->targetIndex(), std::optional<std::size_t>(3));

    const std::shared_ptr<const Dataset> held = page()->sharedDataset();
    combo->setCurrentIndex(4);
    QCOMPARE(held->targetIndex(), std::optional<std::size_t>(3));
    QVERIFY(page()->dataset() != held.get());
    QCOMPARE(page()->dataset()->targetIndex(), std::optional<std::size_t>(4));
    // The views follow the copy.
    QCOMPARE(page()->columnModel()->index(4, ColumnListModel::RoleSection).data().toString(),
             QStringLiteral("Target"));
    QCOMPARE(page()->tableModel()->rowCount(), int(held->rowCount()));
}

void TestDataPage::importDialogDetectsSemicolonsAndDecimalCommas()
{
    const QString path = writeFile(QStringLiteral("semicolons.csv"), kSemicolonCsv);
    CsvImportDialog dialog(path);
    auto *delimiter = dialog.findChild<QComboBox *>(QStringLiteral("delimiterCombo"));
    auto *decimalComma = dialog.findChild<QCheckBox *>(QStringLiteral("decimalCommaCheck"));
    auto *header = dialog.findChild<QCheckBox *>(QStringLiteral("headerCheck"));
    auto *preview = dialog.findChild<QTableView *>(QStringLiteral("previewTable"));
    QVERIFY(delimiter && decimalComma && header && preview);

    QCOMPARE(delimiter->currentData().toInt(), int(';'));
    QVERIFY(delimiter->currentText().contains(QStringLiteral("Semicolon")));
    QVERIFY(decimalComma->isChecked());
    QVERIFY(header->isChecked());
    QVERIFY2(dialog.previewError().isEmpty(), qPrintable(dialog.previewError()));
    QCOMPARE(preview->model()->columnCount(), 4);
    QCOMPARE(preview->model()->rowCount(), 3);
    QCOMPARE(preview->model()->index(0, 1).data().toString(), QStringLiteral("1.5"));
    QCOMPARE(preview->model()->index(1, 2).data().toString(), QStringLiteral("?"));

    // Another delimiter re-reads the preview: the rows no longer split into four columns.
    QSignalSpy updated(&dialog, &CsvImportDialog::previewUpdated);
    delimiter->setCurrentIndex(delimiter->findData(int(',')));
    QCOMPARE(updated.count(), 1);
    QVERIFY(preview->model()->columnCount() != 4);

    delimiter->setCurrentIndex(delimiter->findData(int(';')));
    QCOMPARE(updated.count(), 2);
    QCOMPARE(preview->model()->columnCount(), 4);

    auto *load = dialog.findChild<QPushButton *>(QStringLiteral("loadButton"));
    QVERIFY(load && load->isEnabled());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(load, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const CsvOptions options = dialog.options();
    QCOMPARE(options.delimiter, std::optional<char>(';'));
    QCOMPARE(options.decimal, CsvOptions::Decimal::Comma);
    QCOMPARE(options.header, CsvOptions::Header::Present);
    QCOMPARE(options.maxRows, std::size_t(0));

    QSignalSpy changed(page(), &DataPage::datasetChanged);
    page()->load(path, options);
    QVERIFY(changed.wait(10000));
    const Dataset *data = page()->dataset();
    QCOMPARE(data->rowCount(), std::size_t(3));
    QCOMPARE(data->column(1).values()[0], 1.5);
    QCOMPARE(data->column(2).values()[0], 10.25);
    QVERIFY(data->column(2).isMissing(1));
}

void TestDataPage::importDialogTypeOverrideChangesThePreview()
{
    const QString path = writeFile(QStringLiteral("semicolons.csv"), kSemicolonCsv);
    CsvImportDialog dialog(path);
    QVERIFY(dialog.preview());
    QVERIFY(dialog.preview()->column(1).isNumeric());
    auto *types = dialog.findChild<QTableWidget *>(QStringLiteral("columnTypesTable"));
    QVERIFY(types);
    QCOMPARE(types->rowCount(), 4);

    auto *useAs = dialog.findChild<QComboBox *>(QStringLiteral("typeCombo_1"));
    QVERIFY(useAs);
    QSignalSpy updated(&dialog, &CsvImportDialog::previewUpdated);
    useAs->setCurrentIndex(2); // Categorical
    QVERIFY(updated.wait(5000));
    QVERIFY(!dialog.preview()->column(1).isNumeric());
    QCOMPARE(dialog.options().typeOverrides.at("length"), ColumnType::Categorical);

    useAs->setCurrentIndex(0); // Auto again
    QVERIFY(updated.wait(5000));
    QVERIFY(dialog.preview()->column(1).isNumeric());
    QVERIFY(dialog.options().typeOverrides.empty());
}

void TestDataPage::importDialogShowsParseErrors()
{
    const QString path
        = writeFile(QStringLiteral("broken.csv"), "a,b\n1,2\n\"never closed,3\n4,5\n");
    CsvImportDialog dialog(path);
    QVERIFY(!dialog.previewError().isEmpty());
    QVERIFY(!dialog.preview());
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("previewStatus"));
    QVERIFY(status->text().contains(dialog.previewError()));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("loadButton"))->isEnabled());
}

void TestDataPage::openingACsvGoesThroughTheImportDialog()
{
    const QString path = writeFile(QStringLiteral("measurements.csv"), kSemicolonCsv);
    m_window->openDataFile(path);
    CsvImportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<CsvImportDialog *>()) && dialog->isVisible());
    QVERIFY(dialog->windowModality() != Qt::NonModal);
    QVERIFY(!page()->dataset()); // nothing loads before the person says so

    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("loadButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page()->dataset(), 10000);
    QCOMPARE(page()->dataset()->name(), std::string("measurements"));
    QCOMPARE(page()->tableModel()->rowCount(), 3);
    QCOMPARE(page()->tableModel()->index(2, 2).data().toString(), QStringLiteral("7.5"));
    QCOMPARE(m_window->recentFiles(), QStringList {QFileInfo(path).absoluteFilePath()});
    QTRY_VERIFY(!m_window->findChild<CsvImportDialog *>()); // deleted on close
}

void TestDataPage::droppingAnArffFileLoadsIt()
{
    QFile::copy(QStringLiteral(MB_SHARED_DATASETS_DIR "/weather.nominal.arff"),
                m_dir->filePath(QStringLiteral("weather.arff")));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("weather.arff")))});
    const QPoint centre = m_window->rect().center();

    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QTRY_VERIFY_WITH_TIMEOUT(page()->dataset(), 10000);
    QCOMPARE(page()->dataset()->rowCount(), std::size_t(14));

    QMimeData image;
    image.setUrls({QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("photo.png")))});
    QDragEnterEvent refused(centre, Qt::CopyAction, &image, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(m_window.get(), &refused);
    QVERIFY(!refused.isAccepted());
}

void TestDataPage::cancellingABigLoadKeepsTheOldDataset()
{
    QVERIFY(openIris());

    // About 50 MB: enough rows that the load is still running when Cancel is clicked.
    const QString path = m_dir->filePath(QStringLiteral("big.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,x,y,z,label\n");
        QByteArray block;
        qint64 row = 0;
        while (file.size() < 50LL * 1024 * 1024) {
            block.clear();
            for (int i = 0; i < 20000; ++i, ++row) {
                block += QByteArray::number(row) + ',' + QByteArray::number(row * 0.001, 'f', 3)
                    + ',' + QByteArray::number((row * 7919) % 10007) + ",0.123456789,"
                    + (row % 2 ? "alpha\n" : "beta\n");
            }
            QCOMPARE(file.write(block), block.size());
        }
    }

    auto *progress = child<QProgressBar>("loadProgress");
    auto *cancel = child<QPushButton>("cancelLoadButton");
    auto *job = page()->findChild<LoadJob *>(QStringLiteral("loadJob"));
    QVERIFY(job);
    QSignalSpy progressSpy(job, &LoadJob::progress);
    QSignalSpy failed(page(), &DataPage::loadFailed);
    QSignalSpy changed(page(), &DataPage::datasetChanged);

    page()->load(path);
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QVERIFY(page()->isLoading());
    QVERIFY(progressSpy.wait(10000)); // the reader is on its way
    QVERIFY(page()->isLoading());
    QTest::mouseClick(cancel, Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!progress->isVisible(), 10000);
    QVERIFY(!page()->isLoading());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!errorBox());
    QCOMPARE(page()->dataset()->name(), std::string("iris"));
    QCOMPARE(page()->tableModel()->rowCount(), 150);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Loading cancelled."));
}

void TestDataPage::invalidFileShowsOneErrorBox_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("throughDialog");
    QTest::newRow("file that does not exist")
        << QStringLiteral("nowhere.csv") << QByteArray() << true;
    QTest::newRow("arff without data section")
        << QStringLiteral("broken.arff") << QByteArray("@relation r\n@attribute a numeric\n")
        << true;
    QTest::newRow("csv with a quote never closed")
        << QStringLiteral("broken.csv") << QByteArray("a,b\n1,2\n\"x,3\n") << false;
}

void TestDataPage::invalidFileShowsOneErrorBox()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, throughDialog);
    QVERIFY(openIris());
    const QString path = bytes.isEmpty() ? m_dir->filePath(name) : writeFile(name, bytes);

    QSignalSpy failed(page(), &DataPage::loadFailed);
    if (throughDialog)
        m_window->openDataFile(path);
    else
        page()->load(path);
    QTRY_VERIFY_WITH_TIMEOUT(errorBox() && errorBox()->isVisible(), 10000);
    QCOMPARE(failed.count(), 1);
    QMessageBox *box = errorBox();
    QVERIFY2(box->informativeText().contains(name), qPrintable(box->informativeText()));
    QCOMPARE(box->informativeText(), failed.front().front().toString());

    // The dataset on show stays.
    QCOMPARE(page()->dataset()->name(), std::string("iris"));
    QCOMPARE(page()->tableModel()->rowCount(), 150);

    QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!errorBox());
}

void TestDataPage::recentFilesDropMissingFiles()
{
    const QString first = writeFile(QStringLiteral("first.arff"),
                                    "@relation r\n@attribute a numeric\n@data\n1\n2\n");
    const QString second
        = writeFile(QStringLiteral("second.arff"), "@relation s\n@attribute b numeric\n@data\n3\n");
    for (const QString &path : {first, second}) {
        QSignalSpy changed(page(), &DataPage::datasetChanged);
        m_window->openDataFile(path);
        QVERIFY(changed.wait(10000));
    }
    QCOMPARE(m_window->recentFiles(), (QStringList {second, first}));

    QVERIFY(QFile::remove(first));
    auto *menu = child<QMenu>("menuRecentFiles");
    Q_EMIT menu->aboutToShow();
    QCOMPARE(m_window->recentFiles(), QStringList {second});
    QVERIFY(child<QAction>("actionRecent_0"));
    QCOMPARE(child<QAction>("actionRecent_0")->data().toString(), second);
}

QTEST_MAIN(TestDataPage)
#include "tst_data_page.moc"
