// SPDX-License-Identifier: MIT
// The Tree tab of the Results page: a drawing of a fitted decision tree, offscreen.
#include "core/io/dataset_loader.h"
#include "core/jobs/train_job.h"
#include "core/ml/decision_tree.h"
#include "core/model/model_file.h"
#include "ui/data/data_page.h"
#include "ui/main_window.h"
#include "ui/results/number_text.h"
#include "ui/results/results_page.h"
#include "ui/results/tree_diagram_view.h"
#include "ui/results/tree_layout.h"
#include "ui/results/tree_node_item.h"
#include "ui/train/train_page.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <map>
#include <memory>

using namespace mb;

namespace {

QtMessageHandler g_previousHandler = nullptr;

// The offscreen platform says this each time a window is shown; it tells us nothing.
void dropOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()"))
        return;
    g_previousHandler(type, context, message);
}

/// Trains `algo` on every row of the sample `sample` (no validation) through the real job.
std::shared_ptr<const TrainResult> trainOnSample(const char *sample, const char *algo,
                                                 ParamValues params = {})
{
    auto data = loadDataset(QString::fromLatin1(sample));
    if (!data)
        qFatal("cannot load %s: %s", sample, data.error().describe().c_str());
    auto shared = std::make_shared<Dataset>(std::move(*data));
    shared->setTarget(shared->columnCount() - 1);
    TrainParams train;
    train.data = shared;
    train.algo = algo;
    train.params = std::move(params);
    train.scheme.kind = ValidationScheme::Kind::None;
    train.seed = 3;
    TrainJob job;
    QSignalSpy finished(&job, &TrainJob::finished);
    job.start(std::move(train));
    if (!finished.wait(60000))
        return nullptr;
    auto outcome = job.takeResult();
    if (!outcome)
        return nullptr;
    return std::make_shared<const TrainResult>(std::move(*outcome));
}

int boxesInScene(const TreeDiagramView *view)
{
    int boxes = 0;
    for (const QGraphicsItem *item : view->scene()->items())
        boxes += item->type() == TreeNodeItem::Type ? 1 : 0;
    return boxes;
}

/// A complete tree of `depth` levels of splits in pre-order, with made-up counts that add up.
std::vector<TreeNodeInfo> completeTree(int depth)
{
    std::vector<TreeNodeInfo> nodes;
    auto grow = [&nodes](auto &&self, int level, int height) -> std::int32_t {
        const auto index = std::int32_t(nodes.size());
        nodes.emplace_back();
        nodes.back().depth = level;
        nodes.back().hasStats = true;
        if (height == 0) {
            const auto leaf = std::uint32_t(index);
            nodes.back().classRows = {leaf % 5, leaf % 3 + 1, leaf % 7};
            nodes.back().proba = {0.2, 0.5, 0.3};
            nodes.back().majorityClass = 1;
        } else {
            const std::int32_t left = self(self, level + 1, height - 1);
            const std::int32_t right = self(self, level + 1, height - 1);
            TreeNodeInfo &n = nodes[std::size_t(index)];
            n.left = left;
            n.right = right;
            n.feature = level % 4;
            n.threshold = 0.5 + level;
            n.majorityClass = 1;
            n.classRows.resize(3);
            for (std::size_t k = 0; k < 3; ++k)
                n.classRows[k] = nodes[std::size_t(left)].classRows[k]
                    + nodes[std::size_t(right)].classRows[k];
        }
        TreeNodeInfo &n = nodes[std::size_t(index)];
        n.rows = std::uint64_t(n.classRows[0]) + n.classRows[1] + n.classRows[2];
        return index;
    };
    grow(grow, 0, depth);
    return nodes;
}

InputSchema schemaWithFourFeatures()
{
    InputSchema schema;
    for (const char *name : {"alpha", "beta", "gamma", "delta"})
        schema.features.push_back(FeatureSchema {name, false, {}, 0, 1, 0.5, 0});
    schema.classes = {"one", "two", "three"};
    return schema;
}

} // namespace

class TestTreeDiagram : public QObject
{
    Q_OBJECT

    std::unique_ptr<ResultsPage> m_page;

    QTabWidget *views() const
    {
        return m_page->findChild<QTabWidget *>(QStringLiteral("resultsViews"));
    }

    void showTreeTab()
    {
        m_page->resize(1100, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        views()->setCurrentIndex(m_page->treeTabIndex());
    }

private Q_SLOTS:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(dropOffscreenNoise);
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("ModelBench"));
        QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void init() { m_page = std::make_unique<ResultsPage>(); }
    void cleanup() { m_page.reset(); }

    void drawsOneBoxPerNodeWithTheRootsRows()
    {
        const auto result = trainOnSample("sample:iris.csv", "tree");
        QVERIFY(result);
        m_page->setResult(result);
        showTreeTab();
        QVERIFY(views()->isTabVisible(m_page->treeTabIndex()));
        QVERIFY(views()->isTabEnabled(m_page->treeTabIndex()));

        const Model &model = result->evaluation.model;
        const auto &tree = static_cast<const DecisionTree &>(model.classifier());
        const TreeDiagramView *view = m_page->treeDiagram();
        const int nodes = int(tree.flatTree().splitCount() + tree.flatTree().leafCount());
        QVERIFY(nodes >= 3);
        QCOMPARE(view->nodeCount(), nodes);
        QCOMPARE(boxesInScene(view), nodes);
        QVERIFY(view->hasStatistics());
        QVERIFY(view->note().isEmpty());
        QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("treeNote"))->isVisible());

        // The root: its split on an iris measurement, then every training row.
        const QString root = view->nodeText(0);
        QCOMPARE(model.recipe().rows, std::size_t(150));
        QVERIFY2(root.contains(QStringLiteral("samples: ") + countText(150)), qPrintable(root));
        QVERIFY2(root.section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral(" <= ")),
                 qPrintable(root));
        QVERIFY(root.contains(QStringLiteral("per class: 50 / 50 / 50")));
        // Every class is in the legend.
        const QString legend = m_page->findChild<QLabel *>(QStringLiteral("treeLegend"))->text();
        for (const std::string &name : model.schema().classes)
            QVERIFY(legend.contains(QString::fromStdString(name)));
    }

    void zoomChangesTheViewTransform_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("zoom buttons") << "button";
        QTest::newRow("plus and minus keys") << "key";
        QTest::newRow("wheel with Ctrl held") << "wheel";
    }

    void zoomChangesTheViewTransform()
    {
        QFETCH(QString, how);
        const auto result = trainOnSample("sample:iris.csv", "tree");
        QVERIFY(result);
        m_page->setResult(result);
        showTreeTab();
        TreeDiagramView *view = m_page->treeDiagram();
        QTRY_VERIFY(view->isVisible());
        const double before = view->transform().m11();
        QVERIFY(before > 0);
        auto wheel = [view](int delta) {
            const QPointF at(view->viewport()->width() / 2.0, view->viewport()->height() / 2.0);
            QWheelEvent event(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, delta),
                              Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(view->viewport(), &event);
        };
        if (how == "button")
            QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("treeZoomInButton")),
                              Qt::LeftButton);
        else if (how == "key")
            QTest::keyClick(view, Qt::Key_Plus);
        else
            wheel(120);
        const double in = view->transform().m11();
        QVERIFY2(in > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(in)));
        QCOMPARE(view->transform().m22(), in); // no distortion
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("treeZoomLabel"))->text(),
                 QLocale().toString(qRound(in * 100)) + QStringLiteral(" %"));

        if (how == "button")
            QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("treeZoomOutButton")),
                              Qt::LeftButton);
        else if (how == "key")
            QTest::keyClick(view, Qt::Key_Minus);
        else
            wheel(-120);
        QVERIFY(qFuzzyCompare(view->transform().m11(), before));

        // Fit shows the whole drawing.
        QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("treeFitButton")),
                          Qt::LeftButton);
        const QRectF shown = view->mapToScene(view->viewport()->rect()).boundingRect();
        QVERIFY(shown.adjusted(-1, -1, 1, 1).contains(view->scene()->itemsBoundingRect()));
    }

    void tabIsHiddenAndDisabledForOtherLearners_data()
    {
        QTest::addColumn<QString>("algo");
        QTest::newRow("naive Bayes") << "nb";
        QTest::newRow("k nearest neighbours") << "knn";
        QTest::newRow("random forest") << "forest";
    }

    void tabIsHiddenAndDisabledForOtherLearners()
    {
        QFETCH(QString, algo);
        // Shown for a tree first, on its own tab, so the switch away is tested too.
        const auto tree = trainOnSample("sample:iris.csv", "tree");
        QVERIFY(tree);
        m_page->setResult(tree);
        showTreeTab();
        QCOMPARE(views()->currentIndex(), m_page->treeTabIndex());

        const auto other = trainOnSample("sample:iris.csv", qPrintable(algo));
        QVERIFY(other);
        m_page->setResult(other);
        QVERIFY(!views()->isTabVisible(m_page->treeTabIndex()));
        QVERIFY(!views()->isTabEnabled(m_page->treeTabIndex()));
        QVERIFY(views()->currentIndex() != m_page->treeTabIndex());
        QCOMPARE(m_page->treeDiagram()->nodeCount(), 0);

        m_page->setResult(nullptr);
        QVERIFY(!views()->isTabVisible(m_page->treeTabIndex()));
    }

    void treeOpenedFromAVersionOneFileSaysCountsAreNotStored()
    {
        const QString path = QDir(QStringLiteral(MB_TEST_DATA_DIR "/models"))
                                 .filePath(QStringLiteral("iris-tree.binary.mbm"));
        auto loaded = loadModelFile(path);
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        const auto &tree = static_cast<const DecisionTree &>(loaded->model.classifier());
        const int nodes = int(tree.flatTree().splitCount() + tree.flatTree().leafCount());
        m_page->showLoadedModel(std::move(*loaded), path);
        showTreeTab();
        QVERIFY(views()->isTabVisible(m_page->treeTabIndex()));
        const TreeDiagramView *view = m_page->treeDiagram();
        QCOMPARE(view->nodeCount(), nodes);
        QVERIFY(!view->hasStatistics());
        auto *note = m_page->findChild<QLabel *>(QStringLiteral("treeNote"));
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), view->note());
        QVERIFY(note->text().contains(QStringLiteral("counts")));
        QVERIFY(!view->nodeText(0).contains(QStringLiteral("samples")));
        // The splits and every leaf's class are still drawn.
        QVERIFY(view->nodeText(0).contains(QStringLiteral(" <= ")));
        int leaves = 0;
        for (int i = 0; i < view->nodeCount(); ++i)
            leaves += view->nodeText(i).startsWith(QStringLiteral("class: ")) ? 1 : 0;
        QCOMPARE(leaves, int(tree.flatTree().leafCount()));
    }

    void categoricalSplitNamesItsLevels()
    {
        // Unpruned, so the 14 rows keep their splits on the nominal outlook, windy, ...
        const auto result
            = trainOnSample("sample:weather.nominal.arff", "tree", {{"prune", "none"}});
        QVERIFY(result);
        m_page->setResult(result);
        const TreeDiagramView *view = m_page->treeDiagram();
        QVERIFY(view->nodeCount() >= 3);
        const QString root = view->nodeText(0).section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(root.contains(QStringLiteral(" in {")), qPrintable(root));
        const FeatureSchema *feature = nullptr;
        for (const FeatureSchema &f : result->evaluation.model.schema().features) {
            if (root.startsWith(QString::fromStdString(f.name) + QLatin1Char(' ')))
                feature = &f;
        }
        QVERIFY2(feature, qPrintable(root));
        bool named = false;
        for (const std::string &level : feature->levels)
            named = named || root.contains(QString::fromStdString(level));
        QVERIFY2(named, qPrintable(root));
    }

    void largeTreeLaysOutQuicklyWithoutOverlaps()
    {
        // 1,024 leaves, 2,047 boxes.
        const std::vector<TreeNodeInfo> nodes = completeTree(10);
        TreeDiagramView view;
        view.resize(900, 600);
        QElapsedTimer timer;
        timer.start();
        view.setTree(nodes, schemaWithFourFeatures());
        const qint64 ms = timer.elapsed();
        qInfo("a tree of %d boxes drawn in %lld ms", view.nodeCount(), ms);
        QCOMPARE(view.nodeCount(), 2047);
        QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));

        // Boxes of one level never overlap; parents sit centred over their children.
        std::map<int, std::vector<QRectF>> levels;
        for (int i = 0; i < view.nodeCount(); ++i)
            levels[nodes[std::size_t(i)].depth].push_back(view.nodeItem(i)->sceneBoundingRect());
        for (auto &[depth, boxes] : levels) {
            std::ranges::sort(boxes, {}, [](const QRectF &r) { return r.left(); });
            for (std::size_t j = 1; j < boxes.size(); ++j)
                QVERIFY2(boxes[j - 1].right() < boxes[j].left(),
                         qPrintable(QString::number(depth)));
        }
        for (int i = 0; i < view.nodeCount(); ++i) {
            const TreeNodeInfo &n = nodes[std::size_t(i)];
            if (n.isLeaf())
                continue;
            const double mid = (view.nodeItem(n.left)->x() + view.nodeItem(n.right)->x()) / 2;
            QVERIFY(std::abs(view.nodeItem(i)->x() - mid) < 1e-6);
            QVERIFY(view.nodeItem(i)->y() < view.nodeItem(n.left)->y());
        }
    }

    // Not a check: saves the picture for docs/screenshots when MB_SCREENSHOT names a .png
    // file: the main window at 1280x800 after training a tree on wine, on the Tree tab.
    void screenshotOfTheTreeTab()
    {
        const QString path = qEnvironmentVariable("MB_SCREENSHOT");
        if (path.isEmpty())
            QSKIP("set MB_SCREENSHOT=FILE.png to take the screenshot");
        QSettings().clear();
        m_page.reset();
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy changed(window.dataPage(), &DataPage::datasetChanged);
        window.findChild<QAction *>(QStringLiteral("actionSample_wine.csv"))->trigger();
        QVERIFY(changed.wait(10000));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
        tabs->setCurrentWidget(window.trainPage());
        window.trainPage()->setCurrentLearner(QStringLiteral("tree"));
        QSignalSpy finished(window.trainPage(), &TrainPage::trainingFinished);
        QTest::mouseClick(
            window.trainPage()->findChild<QPushButton *>(QStringLiteral("trainButton")),
            Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        tabs->setCurrentWidget(window.resultsPage());
        auto *results
            = window.resultsPage()->findChild<QTabWidget *>(QStringLiteral("resultsViews"));
        results->setCurrentIndex(window.resultsPage()->treeTabIndex());
        QTest::qWait(300);
        QVERIFY(window.grab().save(path));
    }
};

QTEST_MAIN(TestTreeDiagram)
#include "tst_tree_diagram.moc"
