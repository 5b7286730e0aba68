// SPDX-License-Identifier: MIT
#include "ui/train/result_list_model.h"

#include "ui/train/result_text.h"

#include <QLocale>

#include <cmath>

namespace mb {

ResultListModel::ResultListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ResultListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QVariant ResultListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &result = m_results[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayText(*result);
    case Qt::ToolTipRole:
        return toolTip(*result);
    case ResultRole:
        return QVariant::fromValue(result);
    case AccuracyRole:
        return result->evaluation.metrics.accuracy;
    default:
        return {};
    }
}

int ResultListModel::append(std::shared_ptr<const TrainResult> result)
{
    const int row = int(m_results.size());
    beginInsertRows({}, row, row);
    m_results.push_back(std::move(result));
    endInsertRows();
    return row;
}

std::shared_ptr<const TrainResult> ResultListModel::result(int row) const
{
    if (row < 0 || std::size_t(row) >= m_results.size())
        return nullptr;
    return m_results[std::size_t(row)];
}

QString ResultListModel::displayText(const TrainResult &result) const
{
    const QString time = QLocale().toString(result.finishedAt.time(), QStringLiteral("HH:mm:ss"));
    const double accuracy = result.evaluation.metrics.accuracy;
    // Without validation there is nothing measured to show.
    const QString measured = result.evaluation.metrics.rows > 0 && std::isfinite(accuracy)
            ? tr("accuracy %1").arg(QLocale().toString(accuracy, 'f', 3))
            : tr("not validated");
    return tr("%1  %2  %3").arg(time, learnerDisplayName(result.algo), measured);
}

QString ResultListModel::toolTip(const TrainResult &result) const
{
    return resultLogEntry(result);
}

} // namespace mb
