// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace mb {

/// Filters and sorts a CatalogTableModel. The filter text is split into words; a row stays
/// when every word occurs (ignoring case) in one of its columns, so "wine forest @production"
/// narrows the way people type. Sorting uses CatalogTableModel::SortRole.
class CatalogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CatalogFilterModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace mb
