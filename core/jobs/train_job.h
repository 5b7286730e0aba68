// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/data/dataset.h"
#include "core/eval/evaluation.h"
#include "core/ml/param_spec.h"

#include <QDateTime>
#include <QFuture>
#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>

namespace mb {

/// What to train and how to measure it. The dataset is shared and never changed, so the
/// caller may replace its own copy while the job runs.
struct TrainParams
{
    std::shared_ptr<const Dataset> data; ///< its Target column (or the last) is the class
    std::string algo;                    ///< a learner key: "tree", "forest", ...
    ParamValues params;
    ValidationScheme scheme;             ///< testSet is ignored: the job loads testPath
    QString testPath;                    ///< Kind::TestSet: a data file or "sample:NAME"
    std::uint64_t seed = 0;
    int threads = 0;                     ///< 0 = every core
};

/// One finished training run, as the result list and the results view show it.
struct TrainResult
{
    explicit TrainResult(EvaluationResult evaluated) : evaluation(std::move(evaluated)) {}

    EvaluationResult evaluation; ///< the model and its metrics
    std::string algo;
    ParamValues params;
    std::string validation;  ///< ValidationScheme::describe(): "holdout 0.25", "cv 10", ...
    std::string datasetName;
    std::string targetName;
    std::uint64_t seed = 0;
    double seconds = 0;      ///< wall time of the whole run, test file loading included
    QDateTime finishedAt;
};

/// Trains and evaluates one model on a worker thread (QtConcurrent) so the GUI stays
/// responsive. Lives in and is used from one thread; progress() and finished() arrive there.
/// cancel() asks the learner to stop at its next unit of work (a tree, a round, a fold);
/// takeResult() then reports ErrorCode::Cancelled and no model, even when the fit had just
/// completed. The destructor cancels and waits for the worker.
class TrainJob : public QObject
{
    Q_OBJECT
public:
    explicit TrainJob(QObject *parent = nullptr);
    ~TrainJob() override;

    /// Starts training. A run still going is cancelled and waited for first; its finished()
    /// is not emitted.
    void start(TrainParams params);
    /// Asks the running job to stop; finished() follows. Does nothing when idle.
    void cancel();

    bool isRunning() const { return m_running; }

    /// The outcome of the last run, moved out: call once, from a slot on finished().
    Expected<TrainResult> takeResult();

Q_SIGNALS:
    /// Fraction done, in [0, 1].
    void progress(double fraction);
    /// The run ended: trained, failed or cancelled. Collect the outcome with takeResult().
    void finished();

private:
    void onWorkerFinished();
    void stopAndWait();

    // As in LoadJob: the outcome lives beside the future, not in it.
    using ResultSlot = std::optional<Expected<TrainResult>>;

    std::stop_source m_stop;
    std::shared_ptr<ResultSlot> m_result;
    QFuture<void> m_future;
    QFutureWatcher<void> m_watcher;
    bool m_running = false;
};

} // namespace mb

Q_DECLARE_METATYPE(std::shared_ptr<const mb::TrainResult>)
