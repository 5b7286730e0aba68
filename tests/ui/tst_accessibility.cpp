// SPDX-License-Identifier: MIT
// Keyboard and screen-reader use of the main window, with real content on every page (a
// sample loaded, a tree and a naive Bayes model trained, a prediction filled in, a file
// scored, a catalog holding one model): every focusable widget has an accessible name, Tab
// reaches every one of them, every menu command has a shortcut or a mnemonic, the confusion
// heatmap and the probability bars read in greyscale, and Help > About names the versions.
#include "core/catalog/catalog.h"
#include "core/model/model_file.h"
#include "ui/batch/batch_page.h"
#include "ui/catalog/catalog_page.h"
#include "ui/catalog/catalog_table_model.h"
#include "ui/data/data_page.h"
#include "ui/main_window.h"
#include "ui/predict/predict_page.h"
#include "ui/predict/probability_bars.h"
#include "ui/results/chart_palette.h"
#include "ui/results/confusion_matrix_view.h"
#include "ui/results/results_page.h"
#include "ui/train/result_list_model.h"
#include "ui/train/train_page.h"
#include "widget_test_support.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <boost/version.hpp>

#include <cmath>
#include <memory>
#include <set>

using namespace mb;

class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void everyFocusableWidgetHasAName_data();
    void everyFocusableWidgetHasAName();
    void tabReachesEveryFocusableWidget_data();
    void tabReachesEveryFocusableWidget();
    void everyMenuCommandHasAShortcutOrMnemonic();
    void heatmapDarkensWithTheCount();
    void probabilityBarsReadWithoutColour();
    void aboutNamesTheVersions();

private:
    QWidget *page(const QString &name) const;
    void addPageRows() const;
    /// Shows `page` and calls `visit` once for every state of its inner tab widgets.
    template<class Visit>
    void forEachView(QWidget *page, Visit visit);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QTabWidget *m_tabs = nullptr;
};

namespace {

// "QPushButton 'trainButton' in QWidget 'trainPage' < QTabWidget 'pageTabs' < ...".
QString describe(const QWidget *widget)
{
    const auto one = [](const QObject *object) {
        return QStringLiteral("%1 '%2'").arg(QLatin1String(object->metaObject()->className()),
                                             object->objectName());
    };
    QStringList chain;
    for (const QObject *parent = widget->parent(); parent; parent = parent->parent())
        chain.append(one(parent));
    return QStringLiteral("%1 in %2").arg(one(widget), chain.join(QStringLiteral(" < ")));
}

// What a screen reader says first about `widget`: its own name, its label buddy's text or its
// visible text, as Qt's accessibility exposes them.
QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

// Whether `widget` is a part of a composite widget that speaks for it (the line edit inside a
// spin box or combo box), or gives its focus to another widget.
bool isInnerPart(const QWidget *widget, const QWidget *page)
{
    if (widget->focusProxy())
        return true;
    for (const QWidget *up = widget->parentWidget(); up && up != page; up = up->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox *>(up) || qobject_cast<const QComboBox *>(up))
            return true;
    }
    return false;
}

QList<QWidget *> focusableWidgets(QWidget *page)
{
    QList<QWidget *> found;
    for (QWidget *widget : page->findChildren<QWidget *>()) {
        if (widget->isVisible() && widget->focusPolicy() != Qt::NoFocus && !isInnerPart(widget, page))
            found.append(widget);
    }
    return found;
}

// WCAG relative luminance, what a colour becomes in greyscale.
double luminance(const QColor &colour)
{
    const auto linear = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF());
}

bool hasMnemonic(const QString &text)
{
    QString rest = text;
    rest.remove(QStringLiteral("&&"));
    const qsizetype at = rest.indexOf(QLatin1Char('&'));
    return at >= 0 && at + 1 < rest.size();
}

void collectMenuFindings(QMenu *menu, const QString &path, QStringList &findings)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QString where = path + QStringLiteral(" > ") + action->text();
        if (QMenu *sub = action->menu()) {
            // Menus rebuilt when they open (recent files) are checked as they would show.
            Q_EMIT sub->aboutToShow();
            if (!hasMnemonic(action->text()))
                findings.append(QStringLiteral("submenu without a mnemonic: %1").arg(where));
            collectMenuFindings(sub, where, findings);
        } else if (action->shortcut().isEmpty() && !hasMnemonic(action->text())) {
            findings.append(QStringLiteral("%1 ('%2')").arg(where, action->objectName()));
        }
    }
}

} // namespace

void TestAccessibility::initTestCase()
{
    widget_test::silenceOffscreenNoise();
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    QApplication::setApplicationVersion(QStringLiteral(MB_VERSION));
    QSettings().clear();
    QVERIFY(m_dir.isValid());

    // A catalog holding one model.
    auto nb = widget_test::trainResult(widget_test::loadWithLastTarget(QStringLiteral("sample:iris.csv")), "nb");
    QVERIFY(nb);
    auto bytes = encodeModelFile(nb->evaluation.model);
    QVERIFY(bytes.has_value());
    const QString catalogPath = m_dir.filePath(QStringLiteral("catalog.sqlite"));
    {
        auto catalog = Catalog::open(catalogPath);
        QVERIFY(catalog.has_value());
        CatalogAddOptions options;
        options.tags = QStringList {QStringLiteral("baseline")};
        QVERIFY(catalog->add(QStringLiteral("iris"), *bytes, options).has_value());
    }

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openCatalog(catalogPath));
    m_tabs = m_window->findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    QVERIFY(m_tabs);

    // The Data page: a sample from the File menu.
    QSignalSpy loaded(m_window->dataPage(), &DataPage::datasetChanged);
    auto *sample = m_window->findChild<QAction *>(QStringLiteral("actionSample_iris.csv"));
    QVERIFY(sample);
    sample->trigger();
    QVERIFY(loaded.wait(10000));

    // The Train page: a tree and naive Bayes, trained by its button.
    m_tabs->setCurrentWidget(m_window->trainPage());
    auto *learners = m_window->trainPage()->findChild<QListWidget *>(QStringLiteral("learnerList"));
    auto *train = m_window->trainPage()->findChild<QPushButton *>(QStringLiteral("trainButton"));
    QVERIFY(learners && train);
    for (const QString &key : {QStringLiteral("tree"), QStringLiteral("nb")}) {
        const auto items = learners->findItems(QStringLiteral("*"), Qt::MatchWildcard);
        QListWidgetItem *item = nullptr;
        for (QListWidgetItem *candidate : items)
            item = candidate->data(Qt::UserRole).toString() == key ? candidate : item;
        QVERIFY2(item, qPrintable(key));
        learners->setCurrentItem(item);
        QSignalSpy finished(m_window->trainPage(), &TrainPage::trainingFinished);
        QTest::mouseClick(train, Qt::LeftButton);
        QVERIFY2(finished.wait(60000), qPrintable(key));
    }
    QCOMPARE(m_window->trainPage()->resultModel()->rowCount(), 2);

    // The Predict page filled from a row; the Batch page with the sample scored.
    QTRY_VERIFY(m_window->predictPage()->model() != nullptr);
    QVERIFY(m_window->predictPage()->fillFromRow(1));
    m_window->batchPage()->openFile(QStringLiteral(MB_SHARED_DATASETS_DIR "/iris.csv"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->batchPage()->scoreButton()->isEnabled(), 10000);
    QSignalSpy scored(m_window->batchPage(), &BatchPage::scoringFinished);
    QVERIFY(m_window->batchPage()->score());
    QVERIFY(scored.wait(60000));

    // The Catalog page with its one model selected.
    QTRY_COMPARE(m_window->catalogPage()->tableModel()->rowCount(), 1);
    m_tabs->setCurrentWidget(m_window->catalogPage());
    m_window->catalogPage()->tableView()->selectRow(0);
}

void TestAccessibility::cleanupTestCase()
{
    m_window.reset();
}

QWidget *TestAccessibility::page(const QString &name) const
{
    return m_window->findChild<QWidget *>(name);
}

void TestAccessibility::addPageRows() const
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<int>("result"); // row of the Train page's results to show, or -1
    QTest::newRow("the Data page with iris loaded") << QStringLiteral("dataPage") << -1;
    QTest::newRow("the Train page after two trainings") << QStringLiteral("trainPage") << -1;
    QTest::newRow("the Results page with a tree") << QStringLiteral("resultsPage") << 0;
    QTest::newRow("the Results page with naive Bayes") << QStringLiteral("resultsPage") << 1;
    QTest::newRow("the Predict page with a tree") << QStringLiteral("predictPage") << 0;
    QTest::newRow("the Predict page with naive Bayes") << QStringLiteral("predictPage") << 1;
    QTest::newRow("the Batch page with a file scored") << QStringLiteral("batchPage") << -1;
    QTest::newRow("the Catalog page with one model") << QStringLiteral("catalogPage") << -1;
}

template<class Visit>
void TestAccessibility::forEachView(QWidget *shown, Visit visit)
{
    m_tabs->setCurrentWidget(shown);
    QTest::qWait(0);
    visit();
    // Each tab of the page's own tab widgets (Results' views, Predict's result tabs).
    for (QTabWidget *inner : shown->findChildren<QTabWidget *>()) {
        const int before = inner->currentIndex();
        for (int i = 0; i < inner->count(); ++i) {
            if (!inner->isVisible() || !inner->isTabEnabled(i))
                continue;
            inner->setCurrentIndex(i);
            QTest::qWait(0);
            visit();
        }
        inner->setCurrentIndex(before);
    }
}

void TestAccessibility::everyFocusableWidgetHasAName_data()
{
    addPageRows();
}

void TestAccessibility::everyFocusableWidgetHasAName()
{
    QFETCH(QString, page);
    QFETCH(int, result);
    QWidget *shown = this->page(page);
    QVERIFY(shown);
    if (result >= 0) {
        const auto trained = m_window->trainPage()->resultModel()->result(result);
        QVERIFY(trained);
        m_window->resultsPage()->setResult(trained);
    }
    std::set<QString> findings;
    int checked = 0;
    forEachView(shown, [&] {
        for (QWidget *widget : focusableWidgets(shown)) {
            ++checked;
            if (accessibleName(widget).isEmpty())
                findings.insert(describe(widget));
        }
    });
    QVERIFY2(checked >= 3, qPrintable(QString::number(checked)));
    QStringList list(findings.begin(), findings.end());
    QVERIFY2(list.isEmpty(), qPrintable(QStringLiteral("%1 focusable widget(s) without an accessible name:\n%2")
                                            .arg(list.size())
                                            .arg(list.join(QLatin1Char('\n')))));
}

void TestAccessibility::tabReachesEveryFocusableWidget_data()
{
    addPageRows();
}

void TestAccessibility::tabReachesEveryFocusableWidget()
{
    QFETCH(QString, page);
    QFETCH(int, result);
    QWidget *shown = this->page(page);
    QVERIFY(shown);
    if (result >= 0)
        m_window->resultsPage()->setResult(m_window->trainPage()->resultModel()->result(result));
    std::set<QString> findings;
    forEachView(shown, [&] {
        const QList<QWidget *> focusable = focusableWidgets(shown);
        QVERIFY(!focusable.isEmpty());
        // What Tab visits, as QWidget::focusNextPrevChild picks it, from the page's first
        // widget round the whole window.
        QWidget *first = focusable.first();
        std::set<QWidget *> reached;
        QWidget *w = first;
        do {
            if ((w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && w->isVisible()
                && !w->focusProxy())
                reached.insert(w);
            w = w->nextInFocusChain();
        } while (w && w != first);
        for (QWidget *widget : focusable) {
            // (Labels whose text can be selected by mouse take click focus only, by design.)
            if ((widget->focusPolicy() & Qt::TabFocus) != Qt::TabFocus) {
                if (!qobject_cast<QLabel *>(widget))
                    findings.insert(QStringLiteral("takes no Tab focus: ") + describe(widget));
            } else if (!reached.contains(widget)) {
                findings.insert(QStringLiteral("not in the focus chain: ") + describe(widget));
            }
        }
    });
    QStringList list(findings.begin(), findings.end());
    QVERIFY2(list.isEmpty(), qPrintable(QStringLiteral("%1 widget(s) Tab does not reach:\n%2")
                                            .arg(list.size())
                                            .arg(list.join(QLatin1Char('\n')))));
}

void TestAccessibility::everyMenuCommandHasAShortcutOrMnemonic()
{
    // The recent-files menu is rebuilt when it opens; give it one file.
    QSettings().setValue(QStringLiteral("Files/recent"),
                         QStringList {QStringLiteral(MB_SHARED_DATASETS_DIR "/iris.csv")});
    QStringList findings;
    int menus = 0;
    for (QAction *top : m_window->menuBar()->actions()) {
        QMenu *menu = top->menu();
        if (!menu)
            continue;
        ++menus;
        if (!hasMnemonic(top->text()))
            findings.append(QStringLiteral("menu without a mnemonic: %1").arg(top->text()));
        Q_EMIT menu->aboutToShow();
        collectMenuFindings(menu, top->text(), findings);
    }
    QVERIFY(menus >= 3);
    QVERIFY2(findings.isEmpty(),
             qPrintable(QStringLiteral("%1 menu command(s) neither shortcut nor mnemonic:\n%2")
                            .arg(findings.size())
                            .arg(findings.join(QLatin1Char('\n')))));
}

void TestAccessibility::heatmapDarkensWithTheCount()
{
    // A row with every count from 0 to 12: the cell colours, read off the painted widget,
    // must get strictly darker in greyscale as the count grows.
    const int n = 13;
    std::vector<std::vector<std::size_t>> counts(std::size_t(n), std::vector<std::size_t>(std::size_t(n), 0));
    QStringList classes;
    for (int c = 0; c < n; ++c) {
        counts[0][std::size_t(c)] = std::size_t(c);
        if (c > 0)
            counts[std::size_t(c)][std::size_t(c)] = 1; // no empty rows
        classes.append(QStringLiteral("c%1").arg(c));
    }
    ConfusionMatrixView view;
    view.setMatrix(counts, classes);
    double previous = -1;
    double previousShare = -1;
    for (int c = 0; c < n; ++c) {
        const double share = view.rowShare(0, c);
        QVERIFY(share > previousShare || c == 0);
        const double grey = luminance(view.cellColour(share));
        if (c > 0)
            QVERIFY2(grey < previous, qPrintable(QStringLiteral("count %1: %2 after %3").arg(c).arg(grey).arg(previous)));
        previous = grey;
        previousShare = share;
    }
    // From near white to dark: counts tell apart by far in greyscale.
    QVERIFY(luminance(view.cellColour(0.0)) - luminance(view.cellColour(1.0)) > 0.7);
    // And every cell carries its count as text, so no reading rests on the colour.
    QCOMPARE(view.cellText(0, 5).section(QLatin1Char('\n'), 0, 0), QStringLiteral("5"));
}

void TestAccessibility::probabilityBarsReadWithoutColour()
{
    // Adjacent bars whose colours are close in greyscale must carry their percentage as text.
    const int n = 8;
    QStringList classes;
    std::vector<double> probabilities;
    for (int k = 0; k < n; ++k) {
        classes.append(QStringLiteral("class %1").arg(k));
        probabilities.push_back(1.0 / n);
    }
    ProbabilityBars bars;
    bars.setClasses(classes);
    bars.setProbabilities(probabilities, 0);
    bars.resize(bars.sizeHint());
    bars.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bars));
    QStringList closeInGrey;
    for (int k = 0; k + 1 < n; ++k) {
        const double difference = std::abs(luminance(seriesColour(k)) - luminance(seriesColour(k + 1)));
        if (difference < 0.05)
            closeInGrey.append(QStringLiteral("%1/%2: %3").arg(k).arg(k + 1).arg(difference, 0, 'f', 3));
    }
    if (!closeInGrey.isEmpty())
        qInfo("adjacent bar colours close in greyscale (their text tells them apart): %s",
              qPrintable(closeInGrey.join(QStringLiteral(", "))));
    // The text is there for each bar, and painted: the column right of the bars holds text
    // pixels on every row.
    QImage image(bars.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    bars.render(&image);
    const int rowHeight = bars.height() / n;
    // (Right of the bars' tracks, whose outline ends where this column begins.)
    const int textLeft = bars.width() - bars.fontMetrics().horizontalAdvance(QStringLiteral("100.0 %")) - 12 + 3;
    const QColor ink = bars.palette().color(QPalette::WindowText);
    for (int k = 0; k < n; ++k) {
        QVERIFY(!bars.percentText(k).isEmpty());
        QVERIFY(bars.accessibleDescription().contains(bars.percentText(k)));
        int inked = 0;
        for (int y = k * rowHeight; y < (k + 1) * rowHeight && y < image.height(); ++y) {
            for (int x = textLeft; x < image.width(); ++x) {
                const QColor pixel = image.pixelColor(x, y);
                inked += std::abs(pixel.lightness() - ink.lightness()) < 100 ? 1 : 0;
            }
        }
        QVERIFY2(inked > 5, qPrintable(QStringLiteral("bar %1 has no percentage painted").arg(k)));
    }
}

void TestAccessibility::aboutNamesTheVersions()
{
    auto *about = m_window->findChild<QAction *>(QStringLiteral("actionAbout"));
    QVERIFY(about);
    QVERIFY(hasMnemonic(about->text()));
    about->trigger();
    auto *box = widget_test::waitForChild<QMessageBox>(m_window.get(), QStringLiteral("aboutBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    const QString text = box->text() + box->informativeText();
    const QStringList expected {
        QCoreApplication::applicationVersion(), QStringLiteral(MB_VERSION),
        QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
        QString::fromLatin1(BOOST_LIB_VERSION).replace(QLatin1Char('_'), QLatin1Char('.')),
        QStringLiteral("format version %1").arg(kModelFormatVersion)};
    for (const QString &version : expected)
        QVERIFY2(text.contains(version), qPrintable(version + QStringLiteral(" not in: ") + text));
    QVERIFY(!accessibleName(box).isEmpty() || !box->windowTitle().isEmpty());
    box->close();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox")));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
