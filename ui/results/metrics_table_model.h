// SPDX-License-Identifier: MIT
#pragma once

#include "core/eval/metrics.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace mb {

/// The overall numbers of one evaluation, one metric per row: its name, its value and how it
/// is averaged ("macro", "weighted by support", ...), so no number stands without its mode.
/// Shows the engine's Metrics as they are; computes nothing. GUI thread only.
class MetricsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, AveragingColumn, ColumnCount };
    enum Role {
        ValueRole = Qt::UserRole + 1, ///< the number as a double (NaN when undefined)
        KeyRole, ///< a stable key: "accuracy", "macro_f1", ...
    };

    explicit MetricsTableModel(QObject *parent = nullptr);

    /// Shows `metrics` (copied); `crossValidated` states rates as means over folds.
    void setMetrics(const Metrics &metrics, bool crossValidated);
    void clear();

    /// The row holding `key`, or -1.
    int rowOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString key;
        QString name;
        double value = 0;
        QString averaging;
        bool isCount = false;
        QString help;
    };
    std::vector<Row> m_rows;
};

} // namespace mb
