// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/input_schema.h"
#include "core/ml/tree_nodes.h"
#include "ui/results/tree_node_item.h"

#include <QGraphicsView>

#include <memory>
#include <vector>

namespace mb {

class Model;

/// A drawing of a fitted decision tree: one box per node with its split, the training rows
/// that reached it, their classes as numbers and as a bar in the charts' colours, and the class
/// it would predict; edges to the left ("yes", the split holds) and right ("no") children.
/// Drag to pan; Ctrl+wheel, +/- or the zoom slots to zoom; 0 or zoomToFit() shows it whole.
/// Trees read from files written before the counts were stored show their splits and leaf
/// classes only, and note() says so. Draws what treeNodes() gives; computes nothing else.
/// GUI thread only.
class TreeDiagramView : public QGraphicsView
{
    Q_OBJECT
public:
    static constexpr double kZoomStep = 1.25;
    static constexpr double kMinZoom = 0.02;
    static constexpr double kMaxZoom = 4.0;

    explicit TreeDiagramView(QWidget *parent = nullptr);
    ~TreeDiagramView() override;

    /// Draws the tree of `model` when it is a decision tree ("tree"); clears otherwise.
    void setModel(const Model &model);
    /// Draws `nodes` (pre-order, as treeNodes() gives them); names come from `schema`.
    void setTree(const std::vector<TreeNodeInfo> &nodes, const InputSchema &schema);
    void clear();

    /// The boxes drawn, in the order of the nodes given (0 is the root).
    int nodeCount() const { return int(m_boxes.size()); }
    TreeNodeItem *nodeItem(int node) const { return m_boxes.at(std::size_t(node)); }
    /// The text of a node's box, one line per line.
    QString nodeText(int node) const;
    /// Whether the tree came with training counts.
    bool hasStatistics() const { return m_hasStats; }
    /// What the drawing cannot show, or why (empty when nothing is missing).
    QString note() const { return m_note; }
    /// What the class colours and the bars mean, as rich text for a legend.
    QString legendHtml() const { return m_legend; }
    /// The current scale (1: actual size).
    double zoom() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    /// Scales the drawing to fit the view (never above actual size).
    void zoomToFit();
    void zoomToActualSize();

Q_SIGNALS:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void setZoom(double zoom, ViewportAnchor anchor);
    void showFirstView();
    TreeBoxContent boxContent(const TreeNodeInfo &node) const;
    QString splitText(const TreeNodeInfo &node, bool whole) const;
    QString className(int code) const;
    void addEdge(const TreeNodeItem *from, const TreeNodeItem *to, const QString &label, bool left);

    QGraphicsScene *m_scene = nullptr;
    TreeBoxStyle m_style;
    InputSchema m_schema;
    std::vector<TreeNodeItem *> m_boxes;
    bool m_hasStats = false;
    bool m_weighted = false;
    bool m_firstViewPending = false;
    QString m_note;
    QString m_legend;
};

} // namespace mb
