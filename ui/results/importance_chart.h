// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>
#include <QList>
#include <QPair>
#include <QString>

#include <vector>

class QBarSet;

namespace mb {

/// Feature importances as a horizontal bar chart, the most important feature on top. Shows
/// the numbers it is given (the learner's own importances); at most kMaxBars features, the
/// rest summed up in the title. GUI thread only.
class ImportanceChart : public QChartView
{
    Q_OBJECT
public:
    static constexpr int kMaxBars = 30;

    explicit ImportanceChart(QWidget *parent = nullptr);

    /// `names[i]` has importance `values[i]`; `kind` says what they measure (the axis title).
    void setImportances(const QStringList &names, const std::vector<double> &values,
                        const QString &kind);
    /// Shows `message` (why there are no importances) instead of bars.
    void showMessage(const QString &message);

    /// The features drawn, top to bottom, with their values: sorted descending.
    const QList<QPair<QString, double>> &bars() const { return m_bars; }
    /// The one bar set of the chart (nullptr when there is none).
    QBarSet *barSet() const { return m_set; }

private:
    void resetChart(const QString &title);

    QList<QPair<QString, double>> m_bars;
    QBarSet *m_set = nullptr;
};

} // namespace mb
