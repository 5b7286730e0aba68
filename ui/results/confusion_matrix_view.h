// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

#include <cstddef>
#include <vector>

namespace mb {

/// The confusion matrix as a heatmap: true classes down, predicted classes across, each cell
/// with its count and its share of the row (the true class). The colour follows the row share
/// on a single-hue light-to-dark blue scale, so it reads for colour-blind people and in grey.
/// Paints the counts it is given; computes nothing. GUI thread only.
class ConfusionMatrixView : public QWidget
{
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget *parent = nullptr);

    /// `counts[truth][predicted]`, `classes` in code order.
    void setMatrix(std::vector<std::vector<std::size_t>> counts, const QStringList &classes);
    void clear();

    int classCount() const { return int(m_counts.size()); }
    std::size_t count(int truth, int predicted) const;
    /// The share of row `truth` in cell (truth, predicted), in [0, 1]; 0 for an empty row.
    double rowShare(int truth, int predicted) const;
    /// The text painted in a cell: "12\n(85.7 %)".
    QString cellText(int truth, int predicted) const;
    /// The fill of a cell holding `share` of its row: a sequential blue scale whose lightness
    /// falls steadily with the share, so the heatmap reads in greyscale too.
    QColor cellColour(double share) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Geometry
    {
        QRect grid;
        int cell = 0;
    };
    Geometry geometry() const;
    int labelWidth() const;

    std::vector<std::vector<std::size_t>> m_counts;
    QStringList m_classes;
};

} // namespace mb
