// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>
#include <QList>
#include <QStringList>

#include <cstdint>
#include <span>

class QLineSeries;

namespace mb {

/// One-vs-rest ROC curves, one line per class with its AUC in the legend, and the chance
/// diagonal. The curves come from the engine's rocCurve(); nothing is measured here.
/// GUI thread only.
class RocChart : public QChartView
{
    Q_OBJECT
public:
    explicit RocChart(QWidget *parent = nullptr);

    /// Draws the curves of the evaluated rows: `truth` class codes, `proba` rows x classes.
    /// With no rows the chart says so instead.
    void setEvaluation(std::span<const std::int32_t> truth, std::span<const double> proba,
                       const QStringList &classes);
    void clear();

    /// The class curves, in class order (the diagonal is not among them).
    const QList<QLineSeries *> &classSeries() const { return m_series; }

private:
    void resetChart(const QString &title);

    QList<QLineSeries *> m_series;
};

} // namespace mb
