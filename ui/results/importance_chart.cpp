// SPDX-License-Identifier: MIT
#include "ui/results/importance_chart.h"

#include "ui/results/chart_palette.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace mb {

ImportanceChart::ImportanceChart(QWidget *parent)
    : QChartView(parent)
{
    setAccessibleName(tr("Feature importances"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 260);
    resetChart(tr("Feature importances"));
}

void ImportanceChart::resetChart(const QString &title)
{
    m_bars.clear();
    m_set = nullptr;
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    // setChart() releases the previous chart (at first the view's own empty one) without
    // deleting it; deleting it takes its series and axes along.
    QChart *previous = this->chart();
    setChart(chart);
    delete previous;
}

void ImportanceChart::showMessage(const QString &message)
{
    resetChart(message);
}

void ImportanceChart::setImportances(const QStringList &names, const std::vector<double> &values,
                                     const QString &kind)
{
    QList<QPair<QString, double>> bars;
    for (qsizetype i = 0; i < names.size() && std::size_t(i) < values.size(); ++i) {
        const double value = std::isfinite(values[std::size_t(i)]) ? values[std::size_t(i)] : 0.0;
        bars.append({names[i], value});
    }
    // Stable, so equal importances keep the schema's order.
    std::stable_sort(bars.begin(), bars.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    const qsizetype total = bars.size();
    if (total > kMaxBars)
        bars.resize(kMaxBars);

    resetChart(total > kMaxBars ? tr("Feature importances (top %1 of %2)").arg(kMaxBars).arg(total)
                                : tr("Feature importances"));
    m_bars = bars;
    if (bars.isEmpty())
        return;

    // A horizontal bar series draws its first category at the bottom: feed it upside down so
    // the most important feature reads first.
    m_set = new QBarSet(kind);
    m_set->setColor(seriesColour(0));
    m_set->setBorderColor(seriesColour(0));
    QStringList categories;
    double largest = 0;
    for (qsizetype i = bars.size() - 1; i >= 0; --i) {
        categories.append(bars[i].first);
        m_set->append(bars[i].second);
        largest = std::max(largest, bars[i].second);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(m_set);
    series->setBarWidth(0.7);
    QChart *chart = this->chart();
    chart->addSeries(series);

    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, largest > 0 ? largest : 1.0);
    axisX->applyNiceNumbers(); // round ticks (0, 0.1, 0.2, ...) rather than fractions of the top
    axisX->setTitleText(kind);
    axisX->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
}

} // namespace mb
