// SPDX-License-Identifier: MIT
#include "ui/results/metrics_table_model.h"

#include "ui/results/number_text.h"

namespace mb {

MetricsTableModel::MetricsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MetricsTableModel::setMetrics(const Metrics &metrics, bool crossValidated)
{
    // Under cross-validation every rate is the mean of the folds' rates (counts are sums).
    const QString over = crossValidated ? tr(", mean over folds") : QString();
    const QString macro = tr("macro (unweighted mean over classes)") + over;
    const QString weighted = tr("weighted by class support") + over;
    const QString aucMode = metrics.classes == 2 ? tr("binary (positive: second class)") + over
                                                 : tr("one-vs-rest, macro") + over;

    beginResetModel();
    m_rows = {
        {QStringLiteral("accuracy"), tr("Accuracy"), metrics.accuracy,
         tr("all rows (micro)") + over, false, tr("Share of rows predicted right")},
        {QStringLiteral("balanced_accuracy"), tr("Balanced accuracy"), metrics.balancedAccuracy,
         tr("macro mean of recall") + over, false,
         tr("Mean recall over the classes present in the truth")},
        {QStringLiteral("macro_precision"),
         tr("Precision"),
         metrics.macroPrecision,
         macro,
         false,
         {}},
        {QStringLiteral("weighted_precision"),
         tr("Precision"),
         metrics.weightedPrecision,
         weighted,
         false,
         {}},
        {QStringLiteral("macro_recall"), tr("Recall"), metrics.macroRecall, macro, false, {}},
        {QStringLiteral("weighted_recall"),
         tr("Recall"),
         metrics.weightedRecall,
         weighted,
         false,
         {}},
        {QStringLiteral("macro_f1"), tr("F1"), metrics.macroF1, macro, false, {}},
        {QStringLiteral("weighted_f1"), tr("F1"), metrics.weightedF1, weighted, false, {}},
        {QStringLiteral("log_loss"), tr("Log loss"), metrics.logLoss, tr("mean over rows") + over,
         false, tr("Lower is better; probabilities clipped to [1e-15, 1 - 1e-15]")},
        {QStringLiteral("roc_auc"), tr("ROC AUC"), metrics.rocAuc, aucMode, false,
         tr("Area under the ROC curve; 0.5 is chance")},
        {QStringLiteral("rows"),
         tr("Rows evaluated"),
         double(metrics.rows),
         crossValidated ? tr("count, summed over folds") : tr("count"),
         true,
         {}},
    };
    endResetModel();
}

void MetricsTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int MetricsTableModel::rowOf(const QString &key) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].key == key)
            return int(i);
    }
    return -1;
}

int MetricsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MetricsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case ValueRole:
        return row.value;
    case KeyRole:
        return row.key;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case ValueColumn:
            return row.isCount ? countText(row.value) : rateText(row.value);
        case AveragingColumn:
            return row.averaging;
        }
        return {};
    case Qt::ToolTipRole:
        return row.help.isEmpty() ? QVariant() : QVariant(row.help);
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Metric");
    case ValueColumn:
        return tr("Value");
    case AveragingColumn:
        return tr("Averaging");
    }
    return {};
}

} // namespace mb
