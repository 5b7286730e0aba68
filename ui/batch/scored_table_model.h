// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/dataset.h"
#include "core/eval/batch_scoring.h"
#include "core/io/score_writer.h"

#include <QAbstractTableModel>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace mb {

/// A scored file as a table: its own columns, then the predicted class and one probability
/// per class, as the exported CSV has them. Rows that were not scored say so, with the reason
/// in their tooltip. Reads the dataset and scores in place (no copy of the rows).
class ScoredTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit ScoredTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setScores(std::shared_ptr<const Dataset> data, std::vector<std::string> classes,
                   std::shared_ptr<const BatchScores> scores);
    void clear();

    /// The first column after the file's own: the predicted class.
    int predictedColumn() const;

private:
    std::shared_ptr<const Dataset> m_data;
    std::vector<std::string> m_classes;
    std::shared_ptr<const BatchScores> m_scores;
    ScoreColumnNames m_names;
    std::unordered_map<std::size_t, std::string> m_skipReason;  ///< by row
};

} // namespace mb
