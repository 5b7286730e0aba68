// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/model.h"

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QTimer>

#include <memory>
#include <vector>

class QBarSet;
class QLineSeries;

namespace mb {

/// What-if: every class's probability as one feature varies while the other inputs stay at
/// the form's values. A numeric feature is swept over its training range (kPoints evenly
/// spaced values; one line per class, a dashed line at the current value); a categorical one
/// takes each training level in turn (grouped bars, one set per class). Each point is one
/// Model::predictRow call, the form's own path, so the curves pass through the bars' numbers.
/// Changes of the row are gathered for a moment so typing does not queue sweeps. GUI thread
/// only.
class WhatIfChart : public QChartView
{
    Q_OBJECT
public:
    static constexpr int kPoints = 100;
    /// How long row changes are gathered before the sweep is redone.
    static constexpr int kDelayMs = 60;

    explicit WhatIfChart(QWidget *parent = nullptr);

    /// The model to ask (nullptr: an empty chart); shows no feature until setFeature().
    void setModel(std::shared_ptr<const Model> model);
    /// Sweeps feature `index` of the model's schema (-1: none).
    void setFeature(int index);
    int feature() const { return m_feature; }
    /// The encoded row the other inputs come from; the chart follows after kDelayMs.
    void setRow(std::vector<double> row);
    /// Redoes the sweep now rather than after the delay.
    void refresh();

    /// The swept values' probabilities: curves()[k] holds class k's points (x = the feature's
    /// value, or the level's index for a categorical feature; y = probability).
    const QList<QList<QPointF>> &curves() const { return m_curves; }
    /// Seconds the last sweep took (the predictRow calls and the chart update).
    double lastSweepSeconds() const { return m_lastSweepSeconds; }

Q_SIGNALS:
    /// A sweep finished and the chart shows it.
    void refreshed();

private:
    void rebuild();
    void buildNumeric(const FeatureSchema &feature);
    void buildLevels(const FeatureSchema &feature);
    void showMessage(const QString &message);
    std::vector<double> sweptValues() const;
    void updateMarker();

    std::shared_ptr<const Model> m_model;
    int m_feature = -1;
    std::vector<double> m_row;
    QTimer m_delay;
    QList<QList<QPointF>> m_curves;
    QList<QLineSeries *> m_lines; ///< numeric feature: one per class
    QList<QBarSet *> m_sets; ///< categorical feature: one per class
    QLineSeries *m_marker = nullptr;
    double m_lastSweepSeconds = 0;
};

} // namespace mb
