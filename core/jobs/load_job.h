// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/data/dataset.h"
#include "core/io/csv_options.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <stop_token>

namespace mb {

/// What to load: a file or Qt resource path ("sample:iris.csv" too) and how to read it if it
/// is a CSV file.
struct LoadParams
{
    QString path;
    CsvOptions csv;
};

/// Loads one dataset on a worker thread (QtConcurrent) so the GUI stays responsive.
/// Lives in and is used from one thread (the GUI thread); progress() and finished() arrive
/// there. progress() is throttled by Qt to at most 25 signals per second. cancel() asks the
/// reader to stop at its next block; finished() then reports ErrorCode::Cancelled, even when
/// the reader had already completed. The destructor cancels and waits for the worker.
class LoadJob : public QObject
{
    Q_OBJECT
public:
    explicit LoadJob(QObject *parent = nullptr);
    ~LoadJob() override;

    /// Starts loading. A load still running is cancelled and waited for first (the readers
    /// stop within one block); its finished() is not emitted.
    void start(LoadParams params);
    /// Asks the running load to stop; finished() follows. Does nothing when idle.
    void cancel();

    bool isRunning() const { return m_running; }
    /// The parameters of the current (or last) load.
    const LoadParams &params() const { return m_params; }

    /// The outcome of the last load, moved out: call once, from a slot on finished().
    Expected<Dataset> takeResult();

Q_SIGNALS:
    /// Fraction done, in [0, 1].
    void progress(double fraction);
    /// The load ended: loaded, failed or cancelled. Collect the outcome with takeResult().
    void finished();

private:
    void onWorkerFinished();
    void stopAndWait();

    // The worker writes its outcome here rather than into the QFuture: taking a result out of
    // a QFuture resets it to "not finished", after which waitForFinished() would never return.
    using ResultSlot = std::optional<Expected<Dataset>>;

    LoadParams m_params;
    std::stop_source m_stop;
    std::shared_ptr<ResultSlot> m_result;
    QFuture<void> m_future;
    QFutureWatcher<void> m_watcher;
    bool m_running = false;
};

} // namespace mb
