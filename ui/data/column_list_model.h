// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/column_stats.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace mb {

class Dataset;

/// The columns of a Dataset as a table: name, type, missing, distinct, role; one row per
/// dataset column. Statistics come from computeStats(), computed once per column when first
/// needed and cached until setDataset(). Does not own the Dataset: call setDataset() (with
/// nullptr to detach) before it goes away, and refreshRoles() after its roles change.
/// GUI thread only.
class ColumnListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Section {
        NameSection,
        TypeSection,
        MissingSection,
        DistinctSection,
        RoleSection,
        SectionCount
    };

    explicit ColumnListModel(QObject *parent = nullptr);

    void setDataset(const Dataset *dataset);
    const Dataset *dataset() const { return m_dataset; }
    /// Tells views that column roles (the target) changed.
    void refreshRoles();

    /// The statistics of dataset column `column` (a row of this model).
    const ColumnStats &stats(int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const Dataset *m_dataset = nullptr;
    mutable std::vector<std::optional<ColumnStats>> m_stats;
};

} // namespace mb
