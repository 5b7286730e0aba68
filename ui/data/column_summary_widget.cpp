// SPDX-License-Identifier: MIT
#include "ui/data/column_summary_widget.h"

#include "core/data/column.h"
#include "core/data/column_stats.h"
#include "core/data/histogram.h"
#include "ui/data/value_format.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFormLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mb {

namespace {

QString countWithShare(std::size_t count, std::size_t total)
{
    const QString n = QLocale().toString(qulonglong(count));
    if (total == 0 || count == 0)
        return n;
    return QStringLiteral("%1 (%2%)")
        .arg(n, QLocale().toString(100.0 * double(count) / double(total), 'f', 1));
}

// Level names become axis labels: keep them short, and unique since the axis needs that.
QString axisLabel(const std::string &level)
{
    constexpr int kMaxChars = 16;
    QString text = QString::fromStdString(level);
    if (text.size() > kMaxChars)
        text = text.left(kMaxChars - 1) + QChar(0x2026);
    return text;
}

constexpr int kMinChartHeight = 180;

QColor barColor(const QWidget *widget)
{
    return widget->palette().color(QPalette::Highlight);
}

} // namespace

ColumnSummaryWidget::ColumnSummaryWidget(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("summaryTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_placeholder = new QLabel(tr("Select a column to see its summary."), this);
    m_placeholder->setObjectName(QStringLiteral("summaryPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false);

    auto makeValue = [this](const char *name) {
        auto *label = new QLabel(this);
        label->setObjectName(QString::fromLatin1(name));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        return label;
    };
    m_type = makeValue("summaryType");
    m_reason = makeValue("summaryReason");
    // Secondary text: the label colour, faded, but still readable (disabled grey is not).
    QPalette faded = m_reason->palette();
    QColor text = faded.color(QPalette::WindowText);
    text.setAlpha(150);
    faded.setColor(QPalette::WindowText, text);
    m_reason->setPalette(faded);
    m_missing = makeValue("summaryMissing");
    m_distinct = makeValue("summaryDistinct");
    m_range = makeValue("summaryRange");
    m_mean = makeValue("summaryMean");
    m_levels = makeValue("summaryLevels");

    m_details = new QWidget(this);
    m_form = new QFormLayout(m_details);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setLabelAlignment(Qt::AlignLeft);
    // The reason sits right under the type, in small print, as part of the same row.
    auto *typeBox = new QWidget(m_details);
    auto *typeLayout = new QVBoxLayout(typeBox);
    typeLayout->setContentsMargins(0, 0, 0, 0);
    typeLayout->setSpacing(0);
    typeLayout->addWidget(m_type);
    typeLayout->addWidget(m_reason);
    QFont small = m_reason->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_reason->setFont(small);
    m_form->addRow(tr("Type:"), typeBox);
    m_form->addRow(tr("Missing:"), m_missing);
    m_form->addRow(tr("Distinct:"), m_distinct);
    m_form->addRow(tr("Range:"), m_range);
    m_form->addRow(tr("Mean:"), m_mean);
    m_form->addRow(tr("Top levels:"), m_levels);

    m_chart = new QChart();
    m_chart->legend()->hide();
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(QStringLiteral("summaryChart"));
    m_chartView->setAccessibleName(tr("Chart of the column's values"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(kMinChartHeight);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_chartView, 1);
    clear();
}

void ColumnSummaryWidget::clear()
{
    m_index = -1;
    m_title->clear();
    m_title->hide();
    m_details->hide();
    m_chartView->hide();
    clearChart();
    m_placeholder->show();
}

void ColumnSummaryWidget::setColumn(int index, const Column &column, const ColumnStats &stats)
{
    m_index = index;
    m_title->setText(QString::fromStdString(column.name()));
    m_title->setToolTip(m_title->text());
    m_type->setText(columnTypeText(column)
                    + (column.role() == ColumnRole::Target ? tr(", target") : QString()));
    m_reason->setText(typeReasonText(column));
    m_reason->setVisible(!column.typeReason().empty());
    m_missing->setText(countWithShare(stats.missing, column.size()));
    m_distinct->setText(QLocale().toString(qulonglong(stats.distinct)));

    clearChart();
    if (column.isNumeric())
        showNumeric(column, stats);
    else
        showCategorical(column, stats);

    m_placeholder->hide();
    m_title->show();
    m_details->show();
    m_chartView->show();
}

void ColumnSummaryWidget::showNumeric(const Column &column, const ColumnStats &stats)
{
    m_form->setRowVisible(m_range, true);
    m_form->setRowVisible(m_mean, true);
    m_form->setRowVisible(m_levels, false);
    if (stats.missing == column.size()) {
        m_range->setText(tr("every value is missing"));
        m_mean->setText(QStringLiteral("?"));
        return;
    }
    m_range->setText(tr("%1 to %2").arg(formatNumber(stats.min), formatNumber(stats.max)));
    m_mean->setText(QString::number(stats.mean, 'g', 6));
    plotHistogram(column);
}

void ColumnSummaryWidget::showCategorical(const Column &column, const ColumnStats &stats)
{
    m_form->setRowVisible(m_range, false);
    m_form->setRowVisible(m_mean, false);
    m_form->setRowVisible(m_levels, true);

    // The most frequent levels first; ties keep level order.
    std::vector<std::size_t> order(stats.levels.size());
    std::iota(order.begin(), order.end(), 0);
    std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
        return stats.levels[a].count > stats.levels[b].count;
    });
    constexpr std::size_t kListed = 5;
    QStringList listed;
    for (std::size_t i = 0; i < std::min(kListed, order.size()); ++i) {
        const auto &level = stats.levels[order[i]];
        listed << tr("%1: %2").arg(QString::fromStdString(level.value),
                                   countWithShare(level.count, column.size()));
    }
    if (order.size() > kListed)
        listed << tr("… and %1 more").arg(order.size() - kListed);
    m_levels->setText(listed.join(QLatin1Char('\n')));
    plotLevels(stats);
}

void ColumnSummaryWidget::plotHistogram(const Column &column)
{
    const Histogram histogram = computeHistogram(column.values(), kHistogramBins);
    if (histogram.counts.empty())
        return;
    // A column with a single value gets one bar of width 1 around it.
    const bool single = histogram.counts.size() == 1;
    const double width = single ? 1.0 : histogram.binWidth();
    const double start = single ? histogram.min - 0.5 : histogram.min;

    // Each bin is drawn as its own closed outline down to zero, so bins stay visible.
    auto *upper = new QLineSeries();
    std::size_t highest = 0;
    for (std::size_t i = 0; i < histogram.counts.size(); ++i) {
        const double left = start + width * double(i);
        const double right = left + width;
        const auto count = double(histogram.counts[i]);
        upper->append(left, 0);
        upper->append(left, count);
        upper->append(right, count);
        upper->append(right, 0);
        highest = std::max(highest, histogram.counts[i]);
    }
    auto *area = new QAreaSeries(upper);
    upper->setParent(area); // an area series does not own its line series
    area->setName(tr("Rows"));
    QColor fill = barColor(this);
    area->setBorderColor(fill.darker(130));
    fill.setAlpha(170);
    area->setColor(fill);
    m_chart->addSeries(area);

    auto *axisX = new QValueAxis();
    axisX->setRange(start, start + width * double(histogram.counts.size()));
    axisX->setLabelFormat(QStringLiteral("%.4g"));
    axisX->setTickCount(5);
    axisX->applyNiceNumbers(); // round tick labels; the bins keep their exact edges
    auto *axisY = new QValueAxis();
    axisY->setRange(0, double(highest));
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->applyNiceNumbers();
    m_chart->addAxis(axisX, Qt::AlignBottom);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    area->attachAxis(axisX);
    area->attachAxis(axisY);
    m_chart->setTitle(single ? tr("Histogram (a single value)")
                             : tr("Histogram (%1 bins)").arg(histogram.counts.size()));
}

void ColumnSummaryWidget::plotLevels(const ColumnStats &stats)
{
    if (stats.levels.empty())
        return;
    std::vector<std::size_t> order(stats.levels.size());
    std::iota(order.begin(), order.end(), 0);
    std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
        return stats.levels[a].count > stats.levels[b].count;
    });
    order.resize(std::min(order.size(), kMaxBars));
    // Horizontal bars read top-down, and the axis counts from the bottom: add in reverse.
    std::ranges::reverse(order);

    auto *set = new QBarSet(tr("Rows"));
    set->setColor(barColor(this));
    set->setBorderColor(barColor(this).darker(130));
    QStringList labels;
    std::size_t highest = 0;
    for (std::size_t i : order) {
        QString label = axisLabel(stats.levels[i].value);
        while (labels.contains(label))
            label += QLatin1Char(' ');
        labels << label;
        *set << double(stats.levels[i].count);
        highest = std::max(highest, stats.levels[i].count);
    }
    auto *series = new QHorizontalBarSeries();
    series->append(set);
    series->setBarWidth(0.7);
    // Room for every label: about one line of text per bar.
    const int perBar = fontMetrics().height() + 6;
    m_chartView->setMinimumHeight(std::max(kMinChartHeight, 70 + perBar * int(order.size())));
    m_chart->addSeries(series);

    auto *axisY = new QBarCategoryAxis();
    axisY->append(labels);
    // Labels are already short; Qt's own truncation would cut them all down to "...".
    axisY->setTruncateLabels(false);
    auto *axisX = new QValueAxis();
    axisX->setRange(0, double(highest));
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->applyNiceNumbers();
    m_chart->addAxis(axisY, Qt::AlignLeft);
    m_chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    m_chart->setTitle(stats.levels.size() > kMaxBars
                          ? tr("Top %1 of %2 levels").arg(kMaxBars).arg(stats.levels.size())
                          : tr("Rows per level"));
}

void ColumnSummaryWidget::clearChart()
{
    m_chartView->setMinimumHeight(kMinChartHeight);
    m_chart->removeAllSeries();
    const auto axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_chart->setTitle(QString());
}

} // namespace mb
