// SPDX-License-Identifier: MIT
#pragma once

#include "core/jobs/train_job.h"

#include <QAbstractListModel>

#include <memory>
#include <vector>

namespace mb {

/// The models trained in this session, oldest first, as Weka's result list shows them:
/// "14:03:12  Random forest  accuracy 0.953". Each row holds its TrainResult (ResultRole).
class ResultListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { ResultRole = Qt::UserRole + 1, AccuracyRole };

    explicit ResultListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Appends `result`; returns its row.
    int append(std::shared_ptr<const TrainResult> result);
    /// The result in `row`, or nullptr.
    std::shared_ptr<const TrainResult> result(int row) const;

private:
    QString displayText(const TrainResult &result) const;
    QString toolTip(const TrainResult &result) const;

    std::vector<std::shared_ptr<const TrainResult>> m_results;
};

} // namespace mb
