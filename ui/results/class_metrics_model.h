// SPDX-License-Identifier: MIT
#pragma once

#include "core/eval/metrics.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace mb {

/// Precision, recall, F1 (each one-vs-rest for its class) and support, one class per row, as
/// the engine measured them. GUI thread only.
class ClassMetricsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ClassColumn,
        PrecisionColumn,
        RecallColumn,
        F1Column,
        SupportColumn,
        ColumnCount
    };
    enum Role { ValueRole = Qt::UserRole + 1 }; ///< the number as a double

    explicit ClassMetricsModel(QObject *parent = nullptr);

    /// Shows the per-class numbers of `metrics`; `classes` names them in code order.
    void setMetrics(const Metrics &metrics, const QStringList &classes);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    double value(int row, int column) const;

    std::vector<ClassMetrics> m_rows;
    QStringList m_classes;
};

} // namespace mb
