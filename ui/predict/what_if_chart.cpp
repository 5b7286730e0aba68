// SPDX-License-Identifier: MIT
#include "ui/predict/what_if_chart.h"

#include "ui/results/chart_palette.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QElapsedTimer>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <array>
#include <cmath>

namespace mb {

namespace {

// Line styles by class, so the curves stay apart in greyscale and for every colour vision.
Qt::PenStyle lineStyle(int index)
{
    static constexpr std::array<Qt::PenStyle, 5> styles
        = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine};
    return styles[std::size_t(index) % styles.size()];
}

// A round tick step giving about five ticks over `range` (1, 2 or 5 times a power of ten).
double tickStep(double range)
{
    const double raw = range / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    return magnitude * (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10);
}

QString featureName(const FeatureSchema &feature)
{
    return QString::fromStdString(feature.name);
}

} // namespace

WhatIfChart::WhatIfChart(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("whatIfChart"));
    setAccessibleName(tr("What-if chart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 240);
    m_delay.setSingleShot(true);
    m_delay.setInterval(kDelayMs);
    connect(&m_delay, &QTimer::timeout, this, &WhatIfChart::refresh);
    showMessage(tr("Pick a feature to see the probabilities change with it"));
}

void WhatIfChart::setModel(std::shared_ptr<const Model> model)
{
    m_model = std::move(model);
    m_feature = -1;
    m_row.clear();
    rebuild();
}

void WhatIfChart::setFeature(int index)
{
    if (!m_model || index < 0 || std::size_t(index) >= m_model->schema().features.size())
        index = -1;
    m_feature = index;
    rebuild();
}

void WhatIfChart::setRow(std::vector<double> row)
{
    m_row = std::move(row);
    m_delay.start();
}

void WhatIfChart::showMessage(const QString &message)
{
    m_delay.stop();
    m_curves.clear();
    m_lines.clear();
    m_sets.clear();
    m_marker = nullptr;
    auto *chart = new QChart;
    chart->setTitle(message);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    // setChart() releases the previous chart (at first the view's own empty one) without
    // deleting it; deleting it takes its series and axes along.
    QChart *previous = this->chart();
    setChart(chart);
    delete previous;
}

void WhatIfChart::rebuild()
{
    if (!m_model || m_feature < 0) {
        showMessage(m_model ? tr("Pick a feature to see the probabilities change with it")
                            : tr("No model"));
        return;
    }
    const FeatureSchema &feature = m_model->schema().features[std::size_t(m_feature)];
    if (feature.categorical ? feature.levels.empty() : !(feature.max > feature.min)) {
        showMessage(tr("%1 had a single value in training: there is nothing to vary")
                        .arg(featureName(feature)));
        return;
    }
    showMessage(tr("Probabilities as %1 varies, the other inputs as in the form")
                    .arg(featureName(feature)));
    chart()->legend()->show();
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setLocalizeNumbers(true);
    chart()->setLocale(locale());
    if (feature.categorical)
        buildLevels(feature);
    else
        buildNumeric(feature);
    if (m_row.size() == m_model->schema().features.size())
        refresh();
}

void WhatIfChart::buildNumeric(const FeatureSchema &feature)
{
    QChart *chart = this->chart();
    auto *axisX = new QValueAxis;
    axisX->setRange(feature.min, feature.max);
    // Ticks on round values inside the training range, which itself stays as it is.
    const double step = tickStep(feature.max - feature.min);
    axisX->setTickType(QValueAxis::TicksDynamic);
    axisX->setTickInterval(step);
    axisX->setTickAnchor(std::ceil(feature.min / step) * step);
    axisX->setTitleText(tr("%1 (training range)").arg(featureName(feature)));
    axisX->setLabelFormat(QStringLiteral("%.4g"));
    auto *axisY = new QValueAxis;
    axisY->setRange(0, 1);
    axisY->setTickCount(6);
    axisY->setLabelFormat(QStringLiteral("%.1f"));
    axisY->setTitleText(tr("Probability"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);

    const auto &classes = m_model->schema().classes;
    for (std::size_t k = 0; k < classes.size(); ++k) {
        auto *line = new QLineSeries;
        line->setName(QString::fromStdString(classes[k]));
        QPen pen(seriesColour(int(k)), 2.5, lineStyle(int(k)));
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(axisY);
        m_lines.append(line);
    }
    // Where the form's value lies, as a thin dashed vertical line outside the legend.
    m_marker = new QLineSeries;
    m_marker->setName(tr("current value"));
    m_marker->setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DashLine));
    chart->addSeries(m_marker);
    m_marker->attachAxis(axisX);
    m_marker->attachAxis(axisY);
    for (QLegendMarker *marker : chart->legend()->markers(m_marker))
        marker->setVisible(false);
    // The legend draws each class's line, dashes included, not just its colour.
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
}

void WhatIfChart::buildLevels(const FeatureSchema &feature)
{
    QChart *chart = this->chart();
    QStringList levels;
    for (const std::string &level : feature.levels)
        levels.append(QString::fromStdString(level));
    auto *axisX = new QBarCategoryAxis;
    axisX->append(levels);
    axisX->setTitleText(featureName(feature));
    auto *axisY = new QValueAxis;
    axisY->setRange(0, 1);
    axisY->setTickCount(6);
    axisY->setLabelFormat(QStringLiteral("%.1f"));
    axisY->setTitleText(tr("Probability"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);

    auto *series = new QBarSeries;
    const auto &classes = m_model->schema().classes;
    for (std::size_t k = 0; k < classes.size(); ++k) {
        auto *set = new QBarSet(QString::fromStdString(classes[k]));
        set->setColor(seriesColour(int(k)));
        // Outlined, so light colours stay visible and bars stay apart in greyscale.
        set->setBorderColor(palette().color(QPalette::WindowText));
        for (qsizetype l = 0; l < levels.size(); ++l)
            set->append(0.0);
        series->append(set);
        m_sets.append(set);
    }
    chart->addSeries(series);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
}

std::vector<double> WhatIfChart::sweptValues() const
{
    const FeatureSchema &feature = m_model->schema().features[std::size_t(m_feature)];
    std::vector<double> values;
    if (feature.categorical) {
        for (std::size_t l = 0; l < feature.levels.size(); ++l)
            values.push_back(double(l));
        return values;
    }
    values.reserve(kPoints);
    const double step = (feature.max - feature.min) / (kPoints - 1);
    for (int i = 0; i < kPoints; ++i)
        values.push_back(i == kPoints - 1 ? feature.max : feature.min + step * i);
    return values;
}

void WhatIfChart::refresh()
{
    m_delay.stop();
    if (!m_model || m_feature < 0 || (m_lines.isEmpty() && m_sets.isEmpty())
        || m_row.size() != m_model->schema().features.size())
        return;
    QElapsedTimer timer;
    timer.start();
    const int classes = m_model->classCount();
    std::vector<double> row = m_row;
    std::vector<double> proba(std::size_t(classes), 0.0);
    const std::vector<double> values = sweptValues();
    m_curves = QList<QList<QPointF>>(classes);
    for (auto &curve : m_curves)
        curve.reserve(qsizetype(values.size()));
    for (double value : values) {
        row[std::size_t(m_feature)] = value;
        m_model->predictRow(row, proba);
        for (int k = 0; k < classes; ++k)
            m_curves[k].append(QPointF(value, proba[std::size_t(k)]));
    }
    for (qsizetype k = 0; k < m_lines.size(); ++k)
        m_lines[k]->replace(m_curves[k]);
    for (qsizetype k = 0; k < m_sets.size(); ++k) {
        for (qsizetype l = 0; l < m_curves[k].size(); ++l)
            m_sets[k]->replace(l, m_curves[k][l].y());
    }
    updateMarker();
    m_lastSweepSeconds = double(timer.nsecsElapsed()) / 1e9;
    Q_EMIT refreshed();
}

void WhatIfChart::updateMarker()
{
    if (!m_marker)
        return;
    const FeatureSchema &feature = m_model->schema().features[std::size_t(m_feature)];
    const double current = m_row[std::size_t(m_feature)];
    QList<QPointF> points;
    if (std::isfinite(current) && current >= feature.min && current <= feature.max)
        points = {QPointF(current, 0.0), QPointF(current, 1.0)};
    m_marker->replace(points);
}

} // namespace mb
