// SPDX-License-Identifier: MIT
#include "ui/batch/scored_table_model.h"

#include "ui/data/value_format.h"

#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QPalette>

#include <limits>

namespace mb {

ScoredTableModel::ScoredTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ScoredTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_data || !m_scores)
        return 0;
    return int(std::min<std::size_t>(m_data->rowCount(), std::numeric_limits<int>::max()));
}

int ScoredTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_data)
        return 0;
    return int(m_data->columnCount() + 1 + m_classes.size());
}

int ScoredTableModel::predictedColumn() const
{
    return m_data ? int(m_data->columnCount()) : 0;
}

QVariant ScoredTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = std::size_t(index.row());
    const int column = index.column();
    const int predicted = m_scores->predicted[row];
    const bool skipped = predicted < 0;
    if (column < predictedColumn()) {
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return formatCell(m_data->column(std::size_t(column)), row);
        if (role == Qt::TextAlignmentRole && m_data->column(std::size_t(column)).isNumeric())
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ToolTipRole && skipped) {
        const auto reason = m_skipReason.find(row);
        return reason == m_skipReason.end() ? QVariant()
                                            : tr("Not scored: %1").arg(QString::fromStdString(reason->second));
    }
    if (column == predictedColumn()) {
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return skipped ? tr("not scored") : QString::fromStdString(m_classes[std::size_t(predicted)]);
        if (role == Qt::FontRole && !skipped) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::ForegroundRole && skipped)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    }
    const std::size_t k = std::size_t(column - predictedColumn() - 1);
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return skipped ? QString() : QLocale().toString(m_scores->proba[row * m_classes.size() + k], 'f', 4);
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ScoredTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || !m_data)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return QLocale().toString(section + 1);
    if (section < predictedColumn())
        return QString::fromStdString(m_data->column(std::size_t(section)).name());
    // The names the exported CSV uses.
    if (section == predictedColumn())
        return QString::fromStdString(m_names.predicted);
    const std::size_t k = std::size_t(section - predictedColumn() - 1);
    return k < m_names.probabilities.size() ? QString::fromStdString(m_names.probabilities[k]) : QVariant();
}

void ScoredTableModel::setScores(std::shared_ptr<const Dataset> data, std::vector<std::string> classes,
                                 std::shared_ptr<const BatchScores> scores)
{
    beginResetModel();
    m_data = std::move(data);
    m_classes = std::move(classes);
    m_scores = std::move(scores);
    m_skipReason.clear();
    m_names = m_data ? scoreColumnNames(*m_data, m_classes) : ScoreColumnNames {};
    if (m_scores) {
        for (const SkippedRow &skipped : m_scores->skipped)
            m_skipReason.emplace(skipped.row, skipped.reason);
    }
    endResetModel();
}

void ScoredTableModel::clear()
{
    beginResetModel();
    m_data.reset();
    m_scores.reset();
    m_classes.clear();
    m_names = {};
    m_skipReason.clear();
    endResetModel();
}

} // namespace mb
