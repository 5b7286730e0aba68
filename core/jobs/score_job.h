// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/dataset.h"
#include "core/eval/batch_scoring.h"
#include "core/ml/model.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <memory>
#include <optional>
#include <stop_token>

namespace mb {

/// Scores a whole dataset with a model on a worker thread (QtConcurrent), through scoreRows:
/// the numbers `modelbench-cli predict` gives. Used from one thread; progress() and
/// finished() arrive there. cancel() stops between blocks; takeResult() then reports
/// ErrorCode::Cancelled. The destructor cancels and waits.
class ScoreJob : public QObject
{
    Q_OBJECT
public:
    explicit ScoreJob(QObject *parent = nullptr);
    ~ScoreJob() override;

    /// Starts scoring (a run still going is cancelled and waited for first, silently). The
    /// model and data are shared, never changed.
    void start(std::shared_ptr<const Model> model, std::shared_ptr<const Dataset> data,
               ScoringOptions options);
    void cancel();
    bool isRunning() const { return m_running; }

    /// The outcome of the last run, moved out: call once, from a slot on finished().
    Expected<BatchScores> takeResult();

Q_SIGNALS:
    void progress(double fraction);
    void finished();

private:
    void onWorkerFinished();
    void stopAndWait();

    using ResultSlot = std::optional<Expected<BatchScores>>;

    std::stop_source m_stop;
    std::shared_ptr<ResultSlot> m_result;
    QFuture<void> m_future;
    QFutureWatcher<void> m_watcher;
    bool m_running = false;
};

} // namespace mb
