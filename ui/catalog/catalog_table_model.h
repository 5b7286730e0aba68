// SPDX-License-Identifier: MIT
#pragma once

#include "core/catalog/catalog.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace mb {

/// The versions of a catalog as a table: one row per version (name, version, learner, dataset,
/// accuracy, created, size, tags, aliases). SortRole gives each column's value in the type that
/// sorts it right (numbers as numbers, times as QDateTime), so a QSortFilterProxyModel can sort
/// on it. Holds a snapshot: CatalogPage refreshes it after each change.
class CatalogTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Version, Learner, Dataset, Accuracy, Created, Size, Tags, Aliases, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        /// Every column's text joined, what the page's filter searches.
        SearchTextRole,
    };

    explicit CatalogTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Replaces the rows (a reset: the catalog may have changed in any way).
    void setEntries(std::vector<CatalogEntry> entries);
    const CatalogEntry *entry(int row) const;
    /// The row of NAME:VERSION, or -1.
    int rowOf(const QString &name, int version) const;

private:
    QVariant display(const CatalogEntry &entry, int column) const;
    QVariant sortValue(const CatalogEntry &entry, int column) const;
    QString searchText(const CatalogEntry &entry) const;

    std::vector<CatalogEntry> m_entries;
};

} // namespace mb
