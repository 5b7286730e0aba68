// SPDX-License-Identifier: MIT
#include "ui/results/roc_chart.h"

#include "core/eval/metrics.h"
#include "ui/results/chart_palette.h"
#include "ui/results/number_text.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

namespace mb {

RocChart::RocChart(QWidget *parent)
    : QChartView(parent)
{
    setAccessibleName(tr("ROC curves"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 260);
    resetChart(tr("ROC curves (one-vs-rest)"));
}

void RocChart::resetChart(const QString &title)
{
    m_series.clear();
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    // setChart() releases the previous chart (at first the view's own empty one) without
    // deleting it; deleting it takes its series and axes along.
    QChart *previous = this->chart();
    setChart(chart);
    delete previous;
}

void RocChart::clear()
{
    resetChart(tr("ROC curves (one-vs-rest)"));
}

void RocChart::setEvaluation(std::span<const std::int32_t> truth, std::span<const double> proba,
                             const QStringList &classes)
{
    const int classCount = int(classes.size());
    if (truth.empty() || classCount < 2 || proba.size() != truth.size() * std::size_t(classCount)) {
        resetChart(tr("No ROC curves: the model was not validated"));
        return;
    }
    resetChart(tr("ROC curves (one-vs-rest)"));
    QChart *chart = this->chart();

    auto *axisX = new QValueAxis;
    axisX->setRange(0, 1);
    axisX->setTitleText(tr("False positive rate"));
    axisX->setLabelFormat(QStringLiteral("%.1f"));
    axisX->setTickCount(6); // 0, 0.2, ... 1: ticks the one-decimal labels name exactly
    auto *axisY = new QValueAxis;
    axisY->setRange(0, 1);
    axisY->setTitleText(tr("True positive rate"));
    axisY->setLabelFormat(QStringLiteral("%.1f"));
    axisY->setTickCount(6);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);

    auto *chance = new QLineSeries;
    chance->setName(tr("chance"));
    chance->append(0, 0);
    chance->append(1, 1);
    QPen dashed(QColor(128, 128, 128));
    dashed.setStyle(Qt::DashLine);
    chance->setPen(dashed);
    chart->addSeries(chance);
    chance->attachAxis(axisX);
    chance->attachAxis(axisY);

    for (int c = 0; c < classCount; ++c) {
        const RocCurve curve = rocCurve(truth, proba, classCount, c);
        auto *series = new QLineSeries;
        series->setName(tr("%1 (AUC %2)").arg(classes[c], rateText(curve.auc)));
        QList<QPointF> points;
        points.reserve(qsizetype(curve.falsePositiveRate.size()));
        for (std::size_t i = 0; i < curve.falsePositiveRate.size(); ++i)
            points.append({curve.falsePositiveRate[i], curve.truePositiveRate[i]});
        series->replace(points);
        QPen pen(seriesColour(c));
        pen.setWidthF(2);
        series->setPen(pen);
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
        m_series.append(series);
    }
}

} // namespace mb
