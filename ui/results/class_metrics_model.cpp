// SPDX-License-Identifier: MIT
#include "ui/results/class_metrics_model.h"

#include "ui/results/number_text.h"

namespace mb {

ClassMetricsModel::ClassMetricsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ClassMetricsModel::setMetrics(const Metrics &metrics, const QStringList &classes)
{
    beginResetModel();
    m_rows = metrics.perClass;
    m_classes = classes;
    endResetModel();
}

void ClassMetricsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_classes.clear();
    endResetModel();
}

int ClassMetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClassMetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double ClassMetricsModel::value(int row, int column) const
{
    const ClassMetrics &m = m_rows[std::size_t(row)];
    switch (column) {
    case PrecisionColumn:
        return m.precision;
    case RecallColumn:
        return m.recall;
    case F1Column:
        return m.f1;
    case SupportColumn:
        return double(m.support);
    }
    return 0;
}

QVariant ClassMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    if (column == ClassColumn) {
        if (role == Qt::DisplayRole || role == ValueRole)
            return row < m_classes.size() ? m_classes[row] : QString::number(row);
        return {};
    }
    switch (role) {
    case ValueRole:
        return value(row, column);
    case Qt::DisplayRole:
        return column == SupportColumn ? countText(value(row, column))
                                       : rateText(value(row, column));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ClassMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        if (section == SupportColumn)
            return tr("Rows whose true class is this one");
        if (section != ClassColumn)
            return tr("This class against all others (one-vs-rest)");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ClassColumn:
        return tr("Class");
    case PrecisionColumn:
        return tr("Precision");
    case RecallColumn:
        return tr("Recall");
    case F1Column:
        return tr("F1");
    case SupportColumn:
        return tr("Support (rows)");
    }
    return {};
}

} // namespace mb
