// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>

namespace mb {

class Dataset;

/// A read-only table over a Dataset's column store: one row per data row, one column per
/// dataset column. Nothing is copied; data() formats a cell when the view asks for it, so
/// millions of rows cost nothing up front. Missing values show as a grey "?", numbers are
/// right-aligned, the target column's header is bold. Does not own the Dataset: call
/// setDataset() (with nullptr to detach) before the Dataset goes away, and
/// refreshHeaders() after its roles change. GUI thread only.
class DatasetTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit DatasetTableModel(QObject *parent = nullptr);

    void setDataset(const Dataset *dataset);
    const Dataset *dataset() const { return m_dataset; }
    /// Tells views that column roles (the target) changed.
    void refreshHeaders();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const Dataset *m_dataset = nullptr;
};

} // namespace mb
