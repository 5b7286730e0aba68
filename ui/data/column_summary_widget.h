// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <cstddef>

class QChart;
class QChartView;
class QFormLayout;
class QLabel;

namespace mb {

class Column;
struct ColumnStats;

/// Shows one column of a dataset: its type and why, missing and distinct counts, min/max/mean
/// or the most frequent levels, and a small distribution chart (a 20-bin histogram for numeric
/// columns, one bar per level, top 20, for categorical ones). Keeps no reference to the column
/// after setColumn() returns. GUI thread only.
class ColumnSummaryWidget : public QWidget
{
    Q_OBJECT
public:
    static constexpr std::size_t kHistogramBins = 20;
    static constexpr std::size_t kMaxBars = 20;

    explicit ColumnSummaryWidget(QWidget *parent = nullptr);

    /// Shows dataset column number `index`.
    void setColumn(int index, const Column &column, const ColumnStats &stats);
    void clear();
    /// The dataset column shown, or -1.
    int columnIndex() const { return m_index; }
    QChart *chart() const { return m_chart; }

private:
    void showNumeric(const Column &column, const ColumnStats &stats);
    void showCategorical(const Column &column, const ColumnStats &stats);
    void plotHistogram(const Column &column);
    void plotLevels(const ColumnStats &stats);
    void clearChart();

    int m_index = -1;
    QLabel *m_title = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_details = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_type = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_missing = nullptr;
    QLabel *m_distinct = nullptr;
    QLabel *m_range = nullptr;
    QLabel *m_mean = nullptr;
    QLabel *m_levels = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
};

} // namespace mb
