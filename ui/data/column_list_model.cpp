// SPDX-License-Identifier: MIT
#include "ui/data/column_list_model.h"

#include "core/data/dataset.h"
#include "ui/data/value_format.h"

#include <QFont>
#include <QLocale>

namespace mb {

ColumnListModel::ColumnListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ColumnListModel::setDataset(const Dataset *dataset)
{
    beginResetModel();
    m_dataset = dataset;
    m_stats.assign(dataset ? dataset->columnCount() : 0, std::nullopt);
    endResetModel();
}

void ColumnListModel::refreshRoles()
{
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, SectionCount - 1),
                           {Qt::DisplayRole, Qt::FontRole});
    }
}

const ColumnStats &ColumnListModel::stats(int column) const
{
    auto &slot = m_stats.at(std::size_t(column));
    if (!slot)
        slot = computeStats(m_dataset->column(std::size_t(column)));
    return *slot;
}

int ColumnListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_dataset)
        return 0;
    return int(m_dataset->columnCount());
}

int ColumnListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : SectionCount;
}

QVariant ColumnListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Column &column = m_dataset->column(std::size_t(index.row()));
    const bool isTarget = column.role() == ColumnRole::Target;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameSection:
            return QString::fromStdString(column.name());
        case TypeSection:
            return columnTypeName(column.type());
        case MissingSection:
            return QLocale().toString(qulonglong(stats(index.row()).missing));
        case DistinctSection:
            return QLocale().toString(qulonglong(stats(index.row()).distinct));
        case RoleSection:
            return columnRoleText(column.role());
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TypeSection && !column.typeReason().empty())
            return typeReasonText(column);
        if (index.column() == NameSection)
            return QString::fromStdString(column.name());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == MissingSection || index.column() == DistinctSection)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (isTarget) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant ColumnListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameSection:
        return tr("Column");
    case TypeSection:
        return tr("Type");
    case MissingSection:
        return tr("Missing");
    case DistinctSection:
        return tr("Distinct");
    case RoleSection:
        return tr("Role");
    }
    return {};
}

} // namespace mb
