// SPDX-License-Identifier: MIT
#include "ui/data/dataset_table_model.h"

#include "core/data/dataset.h"
#include "ui/data/value_format.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

#include <algorithm>
#include <limits>

namespace mb {

DatasetTableModel::DatasetTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DatasetTableModel::setDataset(const Dataset *dataset)
{
    beginResetModel();
    m_dataset = dataset;
    endResetModel();
}

void DatasetTableModel::refreshHeaders()
{
    if (columnCount() > 0)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

int DatasetTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_dataset)
        return 0;
    // Views address rows with int; larger tables show their first 2^31 - 1 rows.
    return int(std::min<std::size_t>(m_dataset->rowCount(), std::numeric_limits<int>::max()));
}

int DatasetTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_dataset)
        return 0;
    return int(m_dataset->columnCount());
}

QVariant DatasetTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Column &column = m_dataset->column(std::size_t(index.column()));
    const auto row = std::size_t(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return formatCell(column, row);
    case Qt::ForegroundRole:
        if (column.isMissing(row))
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::TextAlignmentRole:
        return column.isNumeric() ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_dataset || section < 0)
        return {};
    if (orientation == Qt::Vertical) {
        // Rows are numbered from 1, as in the file.
        if (role == Qt::DisplayRole && section < rowCount())
            return section + 1;
        return {};
    }
    if (section >= columnCount())
        return {};
    const Column &column = m_dataset->column(std::size_t(section));
    const bool isTarget = column.role() == ColumnRole::Target;
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromStdString(column.name());
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b><br>%2")
                          .arg(QString::fromStdString(column.name()).toHtmlEscaped(),
                               columnTypeText(column));
        if (isTarget)
            tip += QStringLiteral("<br>") + tr("Target (the class to predict)");
        if (!column.typeReason().empty())
            tip += QStringLiteral("<br><i>%1</i>")
                       .arg(typeReasonText(column).toHtmlEscaped());
        return tip;
    }
    case Qt::FontRole:
        if (isTarget) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignCenter);
    default:
        return {};
    }
}

} // namespace mb
