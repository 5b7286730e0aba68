// SPDX-License-Identifier: MIT
#pragma once

#include "core/eval/batch_scoring.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace mb {

/// The batch pre-flight report as a table: one row per model input with the column it is read
/// from (editable: choosing another column maps it by hand), what the check found, and the
/// counts of missing cells, unseen categories and values outside the training range.
class PreflightTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Input, Kind, DataColumn, Check, Missing, Unseen, OutOfRange, ColumnCount };
    /// DataColumn's EditRole: the data column index, -1 for none.
    static constexpr int kNoColumn = -1;

    explicit PreflightTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// Shows `report`; `columnNames` are the data file's columns (what can be chosen).
    void setReport(ScoringPreflight report, QStringList columnNames);
    const ScoringPreflight &report() const { return m_report; }
    const QStringList &columnNames() const { return m_columnNames; }

Q_SIGNALS:
    /// The user chose `column` (kNoColumn: back to matching by name) for input `feature`.
    void columnChosen(const QString &feature, int column);

private:
    QString checkText(const FeatureCheck &check) const;
    bool isBlocking(const FeatureCheck &check) const;
    bool isWarning(const FeatureCheck &check) const;

    ScoringPreflight m_report;
    QStringList m_columnNames;
};

} // namespace mb
