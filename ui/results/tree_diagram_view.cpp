// SPDX-License-Identifier: MIT
#include "ui/results/tree_diagram_view.h"

#include "core/ml/decision_tree.h"
#include "core/ml/model.h"
#include "ui/results/chart_palette.h"
#include "ui/results/number_text.h"
#include "ui/results/tree_layout.h"

#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QLocale>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mb {

namespace {

constexpr double kMinBoxWidth = 150;
constexpr double kMaxBoxWidth = 300;
constexpr double kSlotGap = 18; // between neighbouring leaves
constexpr double kLevelGap
    = 56; // between a level's tallest box and the next level: room for edge labels
constexpr double kSceneMargin = 24;
// Level sets longer than this are cut short in the box (the tool tip has them all).
constexpr int kShownLevels = 4;
// The first view never shrinks a tree below this scale to fit it: a large tree opens readable
// at its root, and Fit shows it whole.
constexpr double kFirstViewMinZoom = 0.7;

/// A split threshold with as many digits as it needs: "2.45", "1234567.5", "0.000123".
QString thresholdText(double value)
{
    const double magnitude = std::abs(value);
    const int digits = magnitude >= 1 ? int(std::floor(std::log10(magnitude))) + 3 : 6;
    return QLocale().toString(value, 'g', std::max(6, digits));
}

QString joined(const QStringList &parts)
{
    return parts.join(QStringLiteral(" / "));
}

std::vector<double> sharesOf(const std::vector<double> &mass)
{
    const double total = std::accumulate(mass.begin(), mass.end(), 0.0);
    std::vector<double> shares(mass.size(), 0.0);
    if (total > 0) {
        for (std::size_t k = 0; k < mass.size(); ++k)
            shares[k] = mass[k] / total;
    }
    return shares;
}

} // namespace

TreeDiagramView::TreeDiagramView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setAccessibleName(tr("Decision tree drawing"));
    setAccessibleDescription(
        tr("Drag to move the drawing; Ctrl+wheel or + and - zoom; 0 fits the whole tree"));
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    // A tree smaller than the view hangs from the top, where its root is.
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    // What is in the middle stays there when the page is resized (the root, at first).
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
}

TreeDiagramView::~TreeDiagramView() = default;

void TreeDiagramView::setModel(const Model &model)
{
    if (model.algo() != "tree") {
        clear();
        return;
    }
    setTree(static_cast<const DecisionTree &>(model.classifier()).nodes(), model.schema());
}

void TreeDiagramView::clear()
{
    m_scene->clear();
    m_boxes.clear();
    m_schema = InputSchema();
    m_hasStats = false;
    m_weighted = false;
    m_firstViewPending = false;
    m_note.clear();
    m_legend.clear();
    resetTransform();
    Q_EMIT zoomChanged(zoom());
}

QString TreeDiagramView::className(int code) const
{
    if (code < 0 || code >= int(m_schema.classes.size()))
        return tr("(none)");
    return QString::fromStdString(m_schema.classes[std::size_t(code)]);
}

QString TreeDiagramView::splitText(const TreeNodeInfo &node, bool whole) const
{
    const bool known = node.feature >= 0 && node.feature < int(m_schema.features.size());
    const QString feature = known
        ? QString::fromStdString(m_schema.features[std::size_t(node.feature)].name)
        : tr("feature %1").arg(node.feature + 1);
    if (!node.categorical)
        return tr("%1 <= %2").arg(feature, thresholdText(node.threshold));
    QStringList names;
    if (known) {
        for (const std::string &name :
             levelNames(m_schema.features[std::size_t(node.feature)], node.leftLevels))
            names.append(QString::fromStdString(name));
    }
    if (!whole && names.size() > kShownLevels) {
        const qsizetype more = names.size() - (kShownLevels - 1);
        names = names.first(kShownLevels - 1);
        names.append(tr("%n more", nullptr, int(more)));
    }
    return tr("%1 in {%2}").arg(feature, names.join(QStringLiteral(", ")));
}

TreeBoxContent TreeDiagramView::boxContent(const TreeNodeInfo &node) const
{
    TreeBoxContent box;
    box.majorityClass = node.majorityClass;
    const QString predicted = tr("class: %1").arg(className(node.majorityClass));
    box.title = node.isLeaf() ? predicted : splitText(node, false);
    QStringList tip;
    tip.append(node.isLeaf() ? tr("Leaf: predicts %1").arg(className(node.majorityClass))
                             : tr("Split: %1 (yes: left, no: right)").arg(splitText(node, true)));
    if (node.hasStats) {
        box.lines.append(tr("samples: %1").arg(countText(double(node.rows))));
        QStringList counts;
        for (std::uint32_t n : node.classRows)
            counts.append(countText(double(n)));
        box.lines.append(tr("per class: %1").arg(joined(counts)));
        if (!node.classWeights.empty()) {
            QStringList weights;
            for (double w : node.classWeights)
                weights.append(QLocale().toString(w, 'f', 1));
            box.lines.append(tr("weighted: %1").arg(joined(weights)));
            box.shares = sharesOf(node.classWeights);
        } else {
            box.shares
                = sharesOf(std::vector<double>(node.classRows.begin(), node.classRows.end()));
        }
        if (!node.isLeaf())
            box.lines.append(predicted);
        tip.append(tr("%1 training rows reached this node.").arg(countText(double(node.rows))));
        for (std::size_t k = 0; k < node.classRows.size(); ++k) {
            QString line
                = tr("%1: %2 rows").arg(className(int(k)), countText(double(node.classRows[k])));
            if (!node.classWeights.empty())
                line += tr(", weight %1").arg(QLocale().toString(node.classWeights[k], 'f', 2));
            tip.append(line);
        }
    } else if (node.isLeaf()) {
        box.shares = node.proba;
        const double top = node.proba.empty() ? 1.0 : *std::ranges::max_element(node.proba);
        if (top < 1.0)
            box.lines.append(tr("probability: %1").arg(QLocale().toString(top, 'f', 3)));
        for (std::size_t k = 0; k < node.proba.size(); ++k)
            tip.append(tr("%1: probability %2")
                           .arg(className(int(k)), QLocale().toString(node.proba[k], 'f', 3)));
    }
    box.toolTip = tip.join(QLatin1Char('\n'));
    return box;
}

void TreeDiagramView::setTree(const std::vector<TreeNodeInfo> &nodes, const InputSchema &schema)
{
    clear();
    m_schema = schema;
    if (nodes.empty())
        return;
    m_hasStats = nodes.front().hasStats;
    m_weighted = m_hasStats && !nodes.front().classWeights.empty();
    // The active colours: the view may be drawn while its tab is disabled, whose greyed-out
    // colours the drawing would otherwise keep.
    const QPalette &colours = palette();
    setBackgroundBrush(colours.color(QPalette::Active, QPalette::Window));
    m_style.font = font();
    m_style.titleFont = font();
    m_style.titleFont.setBold(true);
    m_style.base = colours.color(QPalette::Active, QPalette::Base);
    m_style.text = colours.color(QPalette::Active, QPalette::Text);
    m_style.border = colours.color(QPalette::Active, QPalette::Mid);
    m_style.edge = colours.color(QPalette::Active, QPalette::Dark);

    // Every box as wide as the widest text (within limits), so the levels line up.
    std::vector<TreeBoxContent> contents;
    contents.reserve(nodes.size());
    const QFontMetricsF titleMetrics(m_style.titleFont);
    const QFontMetricsF metrics(m_style.font);
    double textWidth = 0;
    double tallest = 0;
    for (const TreeNodeInfo &node : nodes) {
        contents.push_back(boxContent(node));
        const TreeBoxContent &box = contents.back();
        textWidth = std::max(textWidth, titleMetrics.horizontalAdvance(box.title));
        for (const QString &line : box.lines)
            textWidth = std::max(textWidth, metrics.horizontalAdvance(line));
        tallest = std::max(tallest, TreeNodeItem::heightOf(box, m_style));
    }
    m_style.width = std::clamp(std::ceil(textWidth) + m_style.band + 2 * m_style.padding + 2,
                               kMinBoxWidth, kMaxBoxWidth);

    const std::vector<QPointF> at
        = layoutTree(nodes, m_style.width + kSlotGap, tallest + kLevelGap);
    m_boxes.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        auto *item = new TreeNodeItem(std::move(contents[i]), m_style);
        item->setPos(at[i]);
        item->setZValue(1); // above the edges
        m_scene->addItem(item);
        m_boxes.push_back(item);
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const TreeNodeInfo &node = nodes[i];
        if (node.isLeaf())
            continue;
        addEdge(m_boxes[i], m_boxes[std::size_t(node.left)], tr("yes"), true);
        addEdge(m_boxes[i], m_boxes[std::size_t(node.right)], tr("no"), false);
    }
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-kSceneMargin, -kSceneMargin,
                                                                kSceneMargin, kSceneMargin));

    if (!m_hasStats)
        m_note
            = tr("This model was saved before ModelBench kept training counts in its trees: the "
                 "drawing shows the splits and what each leaf predicts, not how many rows reached "
                 "each node.");
    QStringList legend;
    for (int k = 0; k < int(m_schema.classes.size()); ++k)
        legend.append(QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                          .arg(seriesColour(k).name(), className(k).toHtmlEscaped()));
    const QString bars = !m_hasStats ? tr("Bars: what each leaf predicts.")
        : m_weighted ? tr("Bars and classes: weighted rows (class weights or row weights).")
                     : tr("Bars: the classes of the rows at each node.");
    m_legend = legend.join(QStringLiteral("&nbsp;&nbsp; ")) + QStringLiteral("&nbsp;&nbsp;&nbsp; ")
        + bars.toHtmlEscaped();

    m_firstViewPending = true;
    showFirstView();
}

void TreeDiagramView::addEdge(const TreeNodeItem *from, const TreeNodeItem *to,
                              const QString &label, bool left)
{
    const QPointF start = from->pos() + QPointF(0, from->boundingRect().bottom());
    const QPointF end = to->pos();
    auto *line = new QGraphicsLineItem(QLineF(start, end));
    line->setPen(QPen(m_style.edge, 1.2));
    m_scene->addItem(line);

    // The label beside the edge near its parent, on the outer side.
    auto *text = new QGraphicsSimpleTextItem(label);
    text->setBrush(m_style.text);
    text->setFont(m_style.font);
    const QRectF size = text->boundingRect();
    const QPointF near = start + (end - start) * 0.3;
    const double gap = 4;
    text->setPos(left ? near.x() - size.width() - gap : near.x() + gap,
                 near.y() - size.height() / 2);
    m_scene->addItem(text);
}

double TreeDiagramView::zoom() const
{
    return transform().m11();
}

void TreeDiagramView::setZoom(double zoom, ViewportAnchor anchor)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const ViewportAnchor previous = transformationAnchor();
    setTransformationAnchor(anchor);
    setTransform(QTransform::fromScale(zoom, zoom));
    setTransformationAnchor(previous);
    Q_EMIT zoomChanged(zoom);
}

void TreeDiagramView::zoomIn()
{
    setZoom(zoom() * kZoomStep, AnchorViewCenter);
}

void TreeDiagramView::zoomOut()
{
    setZoom(zoom() / kZoomStep, AnchorViewCenter);
}

void TreeDiagramView::zoomToActualSize()
{
    setZoom(1.0, AnchorViewCenter);
}

void TreeDiagramView::zoomToFit()
{
    const QRectF scene = sceneRect();
    const QSize room = viewport()->size();
    if (scene.isEmpty() || room.isEmpty())
        return;
    const double fit = std::min(room.width() / scene.width(), room.height() / scene.height());
    setZoom(std::min(fit, 1.0), AnchorViewCenter);
    centerOn(scene.center());
}

void TreeDiagramView::showFirstView()
{
    if (!m_firstViewPending || !isVisible() || viewport()->size().isEmpty() || m_boxes.empty())
        return;
    m_firstViewPending = false;
    const QRectF scene = sceneRect();
    const QSize room = viewport()->size();
    const double fit = std::min(room.width() / scene.width(), room.height() / scene.height());
    setZoom(std::clamp(fit, kFirstViewMinZoom, 1.0), AnchorViewCenter);
    // The root on top, centred when the tree is wider than the view.
    centerOn(m_boxes.front()->pos().x(), scene.center().y());
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
}

QString TreeDiagramView::nodeText(int node) const
{
    return node >= 0 && node < nodeCount() ? m_boxes[std::size_t(node)]->text() : QString();
}

void TreeDiagramView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    setZoom(zoom() * std::pow(kZoomStep, steps), AnchorUnderMouse);
    event->accept();
}

void TreeDiagramView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        zoomToFit();
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TreeDiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    showFirstView();
}

void TreeDiagramView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    showFirstView();
}

} // namespace mb
