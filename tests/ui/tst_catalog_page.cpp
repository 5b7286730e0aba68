// SPDX-License-Identifier: MIT
#include "core/catalog/catalog.h"
#include "core/model/model_file.h"
#include "ui/catalog/catalog_details_view.h"
#include "ui/catalog/catalog_filter_model.h"
#include "ui/catalog/catalog_page.h"
#include "ui/catalog/catalog_table_model.h"
#include "ui/main_window.h"
#include "ui/results/results_page.h"
#include "widget_test_support.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUrl>

#include <memory>

using namespace mb;

class TestCatalogPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void itemModelsPassTheTester();
    void tableListsEveryVersionWithItsColumns();
    void headerClickSortsByValueNotByText();
    void filterNarrowsByEveryWord();
    void detailsShowHeaderDescriptionAndEvents();
    void descriptionNeverLoadsWhatItNames();
    void exportWritesTheRegisteredBytes();
    void importRegistersAndReportsBadFiles();
    void renameThroughItsDialog();
    void tagsAreSetExactly();
    void aliasShowsInTheTable();
    void deleteAsksThenAsksAgainForAliases();
    void cancelledDeleteKeepsTheVersion();
    void savedModelAppearsAndOpensOnTheResultsPage();
    void corruptEntryGivesOneErrorBox();
    void lockedCatalogGivesOneErrorBox();
    void everyActionIsOnTheTablesContextMenu();
    void screenshot();

private:
    QString catalogPath() const { return m_dir.filePath(QStringLiteral("catalog.sqlite")); }
    CatalogEntry add(const QString &name, const QByteArray &bytes, const QStringList &tags = {},
                     const QString &description = {});
    int rowCount() const { return m_page->filterModel()->rowCount(); }
    QString cell(int row, int column) const
    {
        return m_page->filterModel()->index(row, column).data().toString();
    }
    void clickAction(QAction *action);

    QByteArray m_nbBytes;
    QByteArray m_treeBytes;
    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_caseDir;
    std::unique_ptr<CatalogPage> m_page;
};

namespace {

QByteArray encoded(const char *algo, const char *sample)
{
    auto result = widget_test::trainResult(widget_test::loadWithLastTarget(QString::fromLatin1(sample)), algo);
    if (!result)
        qFatal("training %s failed", algo);
    auto bytes = encodeModelFile(result->evaluation.model);
    if (!bytes)
        qFatal("encoding failed: %s", bytes.error().describe().c_str());
    return *bytes;
}


} // namespace

void TestCatalogPage::initTestCase()
{
    widget_test::silenceOffscreenNoise();
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    QSettings().clear();
    m_nbBytes = encoded("nb", "sample:iris.csv");
    m_treeBytes = encoded("tree", "sample:wine.csv");
}

void TestCatalogPage::init()
{
    m_caseDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_caseDir->isValid());
    QFile::remove(catalogPath());
    add(QStringLiteral("iris"), m_nbBytes, {QStringLiteral("baseline")});
    add(QStringLiteral("iris"), m_nbBytes);
    add(QStringLiteral("wine"), m_treeBytes, {QStringLiteral("prod-ready")},
        QStringLiteral("# Wine\nA **pruned** tree.\n\n<b>raw html</b>"));
    m_page = std::make_unique<CatalogPage>();
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setCatalogPath(catalogPath());
}

void TestCatalogPage::cleanup()
{
    m_page.reset();
    QFile::remove(catalogPath());
}

CatalogEntry TestCatalogPage::add(const QString &name, const QByteArray &bytes,
                                  const QStringList &tags, const QString &description)
{
    auto catalog = Catalog::open(catalogPath());
    if (!catalog)
        qFatal("%s", catalog.error().describe().c_str());
    CatalogAddOptions options;
    options.tags = tags;
    options.description = description;
    auto added = catalog->add(name, bytes, options);
    if (!added)
        qFatal("%s", added.error().describe().c_str());
    return *added;
}

void TestCatalogPage::clickAction(QAction *action)
{
    QVERIFY(action->isEnabled());
    QWidget *button = m_page->toolBar()->widgetForAction(action);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestCatalogPage::itemModelsPassTheTester()
{
    QAbstractItemModelTester source(m_page->tableModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filtered(m_page->filterModel(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_page->refresh());
    m_page->filterEdit()->setText(QStringLiteral("wine"));
    m_page->filterEdit()->clear();
    m_page->tableView()->sortByColumn(CatalogTableModel::Accuracy, Qt::DescendingOrder);
    QCOMPARE(m_page->tableModel()->rowCount(), 3);
}

void TestCatalogPage::tableListsEveryVersionWithItsColumns()
{
    QCOMPARE(rowCount(), 3);
    QCOMPARE(m_page->filterModel()->columnCount(), int(CatalogTableModel::ColumnCount));
    m_page->tableView()->sortByColumn(CatalogTableModel::Name, Qt::AscendingOrder);
    QCOMPARE(cell(0, CatalogTableModel::Name), QStringLiteral("iris"));
    QCOMPARE(cell(0, CatalogTableModel::Version), QStringLiteral("1"));
    QCOMPARE(cell(1, CatalogTableModel::Version), QStringLiteral("2"));
    QCOMPARE(cell(2, CatalogTableModel::Name), QStringLiteral("wine"));
    QCOMPARE(cell(2, CatalogTableModel::Learner), QStringLiteral("Decision tree"));
    QCOMPARE(cell(0, CatalogTableModel::Learner), QStringLiteral("Naive Bayes"));
    QVERIFY(cell(2, CatalogTableModel::Dataset).contains(QStringLiteral("wine")));
    QCOMPARE(cell(0, CatalogTableModel::Tags), QStringLiteral("baseline"));
    // Accuracy as the model file measured it (a holdout), with three decimals.
    bool ok = false;
    const double accuracy = QLocale().toDouble(cell(2, CatalogTableModel::Accuracy), &ok);
    QVERIFY(ok);
    QVERIFY2(accuracy > 0.7 && accuracy <= 1.0, qPrintable(cell(2, CatalogTableModel::Accuracy)));
    QVERIFY(!cell(0, CatalogTableModel::Size).isEmpty());
    QVERIFY(cell(0, CatalogTableModel::Created).startsWith(QString::number(QDate::currentDate().year())));
    auto *count = m_page->findChild<QLabel *>(QStringLiteral("catalogCount"));
    QVERIFY(count && count->text().contains(QLatin1String("3")));
}

void TestCatalogPage::headerClickSortsByValueNotByText()
{
    // Ten versions: as text "10" sorts before "2"; as numbers it comes last.
    for (int i = 0; i < 8; ++i)
        add(QStringLiteral("iris"), m_nbBytes);
    m_page->refresh();
    m_page->filterEdit()->setText(QStringLiteral("iris"));
    QCOMPARE(rowCount(), 10);
    QHeaderView *header = m_page->tableView()->horizontalHeader();
    const int x = header->sectionViewportPosition(CatalogTableModel::Version) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    const Qt::SortOrder order = header->sortIndicatorOrder();
    QCOMPARE(header->sortIndicatorSection(), int(CatalogTableModel::Version));
    const QString last = cell(9, CatalogTableModel::Version);
    QCOMPARE(last, order == Qt::AscendingOrder ? QStringLiteral("10") : QStringLiteral("1"));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(cell(0, CatalogTableModel::Version),
             order == Qt::AscendingOrder ? QStringLiteral("10") : QStringLiteral("1"));
}

void TestCatalogPage::filterNarrowsByEveryWord()
{
    QTest::keyClicks(m_page->filterEdit(), QStringLiteral("IRIS"));
    QCOMPARE(rowCount(), 2);
    QTest::keyClicks(m_page->filterEdit(), QStringLiteral(" baseline"));
    QCOMPARE(rowCount(), 1);
    QCOMPARE(cell(0, CatalogTableModel::Version), QStringLiteral("1"));
    auto *count = m_page->findChild<QLabel *>(QStringLiteral("catalogCount"));
    QVERIFY2(count->text().contains(QLatin1String("1 of 3")), qPrintable(count->text()));
    m_page->filterEdit()->setText(QStringLiteral("tree"));
    QCOMPARE(rowCount(), 1);
    QCOMPARE(cell(0, CatalogTableModel::Name), QStringLiteral("wine"));
    m_page->filterEdit()->setText(QStringLiteral("nothing-like-this"));
    QCOMPARE(rowCount(), 0);
    // Selecting a hidden version clears the filter rather than failing.
    QVERIFY(m_page->selectVersion(QStringLiteral("wine"), 1));
    QCOMPARE(rowCount(), 3);
}

void TestCatalogPage::detailsShowHeaderDescriptionAndEvents()
{
    QVERIFY(m_page->selectVersion(QStringLiteral("wine"), 1));
    const QString text = m_page->detailsView()->toPlainText();
    QVERIFY2(text.contains(QLatin1String("wine:1")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Decision tree")));
    QVERIFY(text.contains(QLatin1String("prod-ready")));
    QVERIFY(text.contains(QLatin1String("accuracy")));
    // Markdown is rendered: the emphasis marks are gone, the words stay.
    QVERIFY(text.contains(QLatin1String("A pruned tree.")));
    QVERIFY(!text.contains(QLatin1String("**pruned**")));
    // Raw HTML is shown as text, not interpreted.
    QVERIFY2(text.contains(QLatin1String("<b>raw html</b>")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("registered")));
    // Two versions: no details, a count instead.
    m_page->tableView()->selectAll();
    QVERIFY(m_page->detailsView()->toPlainText().contains(QLatin1String("3")));
    QVERIFY(!m_page->openAction()->isEnabled());
    QVERIFY(m_page->deleteAction()->isEnabled());
}

void TestCatalogPage::descriptionNeverLoadsWhatItNames()
{
    QFile image(m_caseDir->filePath(QStringLiteral("secret.png")));
    QVERIFY(image.open(QIODevice::WriteOnly));
    image.write("not really a picture");
    image.close();
    const QUrl url = QUrl::fromLocalFile(image.fileName());
    QVERIFY(!m_page->detailsView()->loadResource(QTextDocument::ImageResource, url).isValid());
    QVERIFY(!m_page->detailsView()->loadResource(QTextDocument::StyleSheetResource, url).isValid());
    // A plain QTextBrowser would have read it: the override is what protects.
    QTextBrowser plain;
    QVERIFY(plain.loadResource(QTextDocument::ImageResource, url).isValid());
}

void TestCatalogPage::exportWritesTheRegisteredBytes()
{
    QVERIFY(m_page->selectVersion(QStringLiteral("wine"), 1));
    const QString path = m_caseDir->filePath(QStringLiteral("wine.mbm"));
    QSignalSpy status(m_page.get(), &CatalogPage::statusMessage);
    QVERIFY(m_page->exportSelectedTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), m_treeBytes);
    QCOMPARE(status.count(), 1);
    // The exported file is a model file like any other.
    QVERIFY(loadModelFile(path).has_value());
    // Into a folder that does not exist: an error box, no file.
    QVERIFY(!m_page->exportSelectedTo(m_caseDir->filePath(QStringLiteral("no/such/dir/x.mbm"))));
    auto *box = widget_test::waitForChild<QMessageBox>(m_page.get(), QStringLiteral("catalogErrorBox"));
    QVERIFY(box);
    box->close();
}

void TestCatalogPage::importRegistersAndReportsBadFiles()
{
    const QString good = m_caseDir->filePath(QStringLiteral("churn-model.mbm"));
    const QString truncated = m_caseDir->filePath(QStringLiteral("broken.mbm"));
    {
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_treeBytes);
        QFile bad(truncated);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(m_treeBytes.left(m_treeBytes.size() / 2));
    }
    QSignalSpy edited(m_page.get(), &CatalogPage::catalogEdited);
    QCOMPARE(m_page->importFiles({good, truncated}), 1);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(m_page->tableModel()->rowCount(), 4);
    // Named after the file, and selected.
    const auto selected = m_page->selectedEntries();
    QCOMPARE(selected.size(), std::size_t(1));
    QCOMPARE(selected.front().name, QStringLiteral("churn-model"));
    auto *box = widget_test::waitForChild<QMessageBox>(m_page.get(), QStringLiteral("catalogErrorBox"));
    QVERIFY(box);
    QVERIFY2(box->informativeText().contains(QLatin1String("broken.mbm")), qPrintable(box->informativeText()));
    box->close();
    // A name given for one file is used.
    QCOMPARE(m_page->importFiles({good}, QStringLiteral("wine")), 1);
    QCOMPARE(m_page->selectedEntries().front().version, 2);
}

void TestCatalogPage::renameThroughItsDialog()
{
    QVERIFY(m_page->selectVersion(QStringLiteral("iris"), 2));
    clickAction(m_page->renameAction());
    auto *dialog = widget_test::waitForChild<QInputDialog>(m_page.get(), QStringLiteral("catalogRenameDialog"));
    QVERIFY(dialog);
    QCOMPARE(dialog->textValue(), QStringLiteral("iris"));
    dialog->setTextValue(QStringLiteral("iris-nb"));
    dialog->accept();
    QTRY_COMPARE(m_page->selectedEntries().size(), std::size_t(1));
    QCOMPARE(m_page->selectedEntries().front().name, QStringLiteral("iris-nb"));
    // Every version went with the name.
    m_page->filterEdit()->setText(QStringLiteral("iris-nb"));
    QCOMPARE(rowCount(), 2);
    // A name the catalog refuses: one error box, nothing renamed.
    QVERIFY(!m_page->renameSelected(QStringLiteral("bad:name")));
    QVERIFY(widget_test::waitForChild<QMessageBox>(m_page.get(), QStringLiteral("catalogErrorBox")));
    m_page->refresh();
    QCOMPARE(rowCount(), 2);
}

void TestCatalogPage::tagsAreSetExactly()
{
    QVERIFY(m_page->selectVersion(QStringLiteral("iris"), 1));
    QVERIFY(m_page->setSelectedTags({QStringLiteral("reviewed"), QStringLiteral("q3")}));
    auto catalog = Catalog::open(catalogPath());
    QVERIFY(catalog);
    auto entry = catalog->entry(ModelRef {QStringLiteral("iris"), 1, {}});
    QVERIFY(entry);
    // "baseline" went, the two new ones came, sorted.
    QCOMPARE(entry->tags, (QStringList {QStringLiteral("q3"), QStringLiteral("reviewed")}));
    QVERIFY(!m_page->setSelectedTags({QStringLiteral("not a tag")}));
    QVERIFY(widget_test::waitForChild<QMessageBox>(m_page.get(), QStringLiteral("catalogErrorBox")));
}

void TestCatalogPage::aliasShowsInTheTable()
{
    QVERIFY(m_page->selectVersion(QStringLiteral("iris"), 1));
    QVERIFY(m_page->setAliasOnSelected(QStringLiteral("production")));
    const int row = m_page->tableModel()->rowOf(QStringLiteral("iris"), 1);
    QCOMPARE(m_page->tableModel()->index(row, CatalogTableModel::Aliases).data().toString(),
             QStringLiteral("@production"));
    // Moving it to version 2 takes it off version 1.
    QVERIFY(m_page->selectVersion(QStringLiteral("iris"), 2));
    QVERIFY(m_page->setAliasOnSelected(QStringLiteral("production")));
    QCOMPARE(m_page->tableModel()->index(row, CatalogTableModel::Aliases).data().toString(), QString());
    m_page->filterEdit()->setText(QStringLiteral("@production"));
    QCOMPARE(rowCount(), 1);
    QCOMPARE(cell(0, CatalogTableModel::Version), QStringLiteral("2"));
}

void TestCatalogPage::deleteAsksThenAsksAgainForAliases()
{
    QVERIFY(m_page->selectVersion(QStringLiteral("iris"), 2));
    QVERIFY(m_page->setAliasOnSelected(QStringLiteral("production")));
    clickAction(m_page->deleteAction());
    auto *confirm = widget_test::waitForChild<QMessageBox>(m_page.get(), QStringLiteral("catalogDeleteBox"));
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(QLatin1String("iris:2")));
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    // The alias stops it, and a second box names the alias.
    auto *again = widget_test::waitForChild<QMessageBox>(m_page.get(), QStringLiteral("catalogAliasesBox"));
    QVERIFY(again);
    QVERIFY2(again->informativeText().contains(QLatin1String("production")),
             qPrintable(again->informativeText()));
    QCOMPARE(m_page->tableModel()->rowCount(), 3);
    QTest::mouseClick(again->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE(m_page->tableModel()->rowCount(), 2);
    QCOMPARE(m_page->tableModel()->rowOf(QStringLiteral("iris"), 2), -1);
    // Still a sound database.
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(catalogPath());
        QVERIFY(db.open());
        QSqlQuery query(QStringLiteral("PRAGMA integrity_check"), db);
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestCatalogPage::cancelledDeleteKeepsTheVersion()
{
    QVERIFY(m_page->selectVersion(QStringLiteral("wine"), 1));
    m_page->tableView()->setFocus();
    QTest::keyClick(m_page->tableView(), Qt::Key_Delete);
    auto *confirm = widget_test::waitForChild<QMessageBox>(m_page.get(), QStringLiteral("catalogDeleteBox"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
    QTest::qWait(50);
    m_page->refresh();
    QCOMPARE(m_page->tableModel()->rowCount(), 3);
}

void TestCatalogPage::savedModelAppearsAndOpensOnTheResultsPage()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openCatalog(catalogPath()));
    CatalogPage *page = window.catalogPage();
    QCOMPARE(page->tableModel()->rowCount(), 3);
    // Saved from the Results page: in the table at once, selected.
    auto result = widget_test::trainResult(widget_test::loadWithLastTarget(QStringLiteral("sample:iris.csv")), "knn");
    QVERIFY(result);
    window.resultsPage()->setResult(result);
    QVERIFY(window.resultsPage()->saveToCatalog(QStringLiteral("iris-knn"), {}, {}));
    QCOMPARE(page->tableModel()->rowCount(), 4);
    QCOMPARE(page->selectedEntries().front().name, QStringLiteral("iris-knn"));
    // Open (Enter on the table) shows it on the Results page.
    QVERIFY(page->selectVersion(QStringLiteral("wine"), 1));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    tabs->setCurrentWidget(page);
    QSignalSpy opened(&window, &MainWindow::modelFileOpened);
    page->tableView()->setFocus();
    QTest::keyClick(page->tableView(), Qt::Key_Return);
    QTRY_COMPARE(opened.count(), 1);
    QVERIFY(opened.front().front().toString().contains(QLatin1String("wine:1")));
    QCOMPARE(tabs->currentWidget(), window.resultsPage());
}

void TestCatalogPage::corruptEntryGivesOneErrorBox()
{
    // Damage the stored bytes behind the catalog's back: its checksum catches it on open.
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
        db.setDatabaseName(catalogPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE blobs SET bytes = zeroblob(length(bytes))")));
        QVERIFY(query.numRowsAffected() == 3);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("damage"));
    MainWindow window;
    window.show();
    QVERIFY(window.openCatalog(catalogPath()));
    QSignalSpy failed(&window, &MainWindow::modelFileFailed);
    QVERIFY(!window.openCatalogModel(QStringLiteral("wine"), 1));
    QCOMPARE(failed.count(), 1);
    auto *box = widget_test::waitForChild<QMessageBox>(&window, QStringLiteral("modelErrorBox"));
    QVERIFY(box);
    QVERIFY(box->text().contains(QLatin1String("wine:1")));
    // The window and the catalog page live on.
    QCOMPARE(window.catalogPage()->tableModel()->rowCount(), 3);
}

// Another program holds the write lock past the busy timeout: one message box saying so,
// nothing changed, the page alive.
void TestCatalogPage::lockedCatalogGivesOneErrorBox()
{
    QVERIFY(m_page->selectVersion(QStringLiteral("wine"), 1));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        db.setDatabaseName(catalogPath());
        QVERIFY(db.open());
        QSqlQuery lock(db);
        QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QVERIFY(!m_page->renameSelected(QStringLiteral("wine-renamed")));
        auto *box = widget_test::waitForChild<QMessageBox>(m_page.get(), QStringLiteral("catalogErrorBox"));
        QVERIFY(box);
        const QString said = box->text() + QLatin1Char('\n') + box->informativeText();
        QVERIFY2(said.contains(QLatin1String("locked"), Qt::CaseInsensitive)
                     || said.contains(QLatin1String("busy"), Qt::CaseInsensitive),
                 qPrintable(said));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    QVERIFY(m_page->refresh());
    QCOMPARE(m_page->tableModel()->rowOf(QStringLiteral("wine"), 1) >= 0, true);
}

// The toolbar's buttons take no focus; the keyboard reaches the actions through the table's
// context menu (Shift+F10, the Menu key).
void TestCatalogPage::everyActionIsOnTheTablesContextMenu()
{
    QTableView *table = m_page->tableView();
    QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    const QList<QAction *> actions = table->actions();
    for (QAction *action : {m_page->openAction(), m_page->exportAction(), m_page->importAction(),
                            m_page->renameAction(), m_page->tagsAction(), m_page->aliasAction(),
                            m_page->deleteAction(), m_page->refreshAction()})
        QVERIFY2(actions.contains(action), qPrintable(action->objectName()));
}

// Not a check: saves the picture for docs/screenshots when MB_SCREENSHOT names a .png file.
// QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1280x800x24' tst_catalog_page screenshot
void TestCatalogPage::screenshot()
{
    const QString path = qEnvironmentVariable("MB_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set MB_SCREENSHOT=FILE.png to take the screenshot");
    add(QStringLiteral("wine"), m_treeBytes, {QStringLiteral("reviewed")},
        QStringLiteral("Pruned by 5-fold cross-validation.\n\n- trained on `wine.csv`\n- *holdout* 25 %"));
    {
        auto catalog = Catalog::open(catalogPath());
        QVERIFY(catalog);
        QVERIFY(catalog->setAlias(QStringLiteral("wine"), 2, QStringLiteral("production")));
        QVERIFY(catalog->setAlias(QStringLiteral("iris"), 2, QStringLiteral("staging")));
    }
    m_page.reset();
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openCatalog(catalogPath()));
    window.findChild<QTabWidget *>(QStringLiteral("pageTabs"))->setCurrentWidget(window.catalogPage());
    QVERIFY(window.catalogPage()->selectVersion(QStringLiteral("wine"), 2));
    QTest::qWait(200);
    QVERIFY(window.grab().save(path));
}

QTEST_MAIN(TestCatalogPage)
#include "tst_catalog_page.moc"
