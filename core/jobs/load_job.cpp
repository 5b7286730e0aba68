// SPDX-License-Identifier: MIT
#include "core/jobs/load_job.h"

#include "core/base/progress.h"
#include "core/io/dataset_loader.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <new>

namespace mb {

namespace {

// Progress travels through QFutureInterface as an int; this is its resolution.
constexpr int kProgressSteps = 1000;

// Runs on a pool thread. Exceptions are broken invariants or exhausted memory: this is the
// boundary where they become an Error, so nothing escapes into the thread pool.
void runLoad(QPromise<void> &promise, const LoadParams &params, std::stop_token stop,
             const std::shared_ptr<std::optional<Expected<Dataset>>> &slot)
{
    promise.setProgressRange(0, kProgressSteps);
    WorkControl control;
    control.stop = std::move(stop);
    control.report = [&promise](double fraction) {
        // QFutureInterface drops decreasing values and limits emits to 25 per second.
        promise.setProgressValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kProgressSteps));
    };
    try {
        slot->emplace(loadDataset(params.path, params.csv, control));
    } catch (const std::bad_alloc &) {
        Expected<Dataset> failed = fail(ErrorCode::Io, "Not enough memory to load this file.");
        failed.error().file = params.path.toStdString();
        slot->emplace(std::move(failed));
    } catch (const std::exception &e) {
        slot->emplace(
            fail(ErrorCode::Internal, std::string("Internal error while loading: ") + e.what()));
    }
}

} // namespace

LoadJob::LoadJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(double(value) / kProgressSteps); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &LoadJob::onWorkerFinished);
}

LoadJob::~LoadJob()
{
    m_watcher.disconnect(this);
    stopAndWait();
}

void LoadJob::start(LoadParams params)
{
    if (m_running)
        stopAndWait();
    m_params = std::move(params);
    m_stop = std::stop_source();
    m_running = true;
    m_result = std::make_shared<ResultSlot>();
    m_future = QtConcurrent::run(runLoad, m_params, m_stop.get_token(), m_result);
    m_watcher.setFuture(m_future);
}

void LoadJob::cancel()
{
    if (m_running)
        m_stop.request_stop();
}

Expected<Dataset> LoadJob::takeResult()
{
    if (m_running || !m_result || !m_result->has_value())
        return fail(ErrorCode::Internal, "LoadJob::takeResult called without a finished load.");
    Expected<Dataset> result = std::move(**m_result);
    m_result.reset();
    // A cancel that came after the reader's last check still means "nothing changes".
    if (m_stop.stop_requested())
        return fail(ErrorCode::Cancelled, "Loading was cancelled.");
    return result;
}

void LoadJob::onWorkerFinished()
{
    // A finished event of a load replaced by start() may still be queued: it is not ours.
    if (!m_running || !m_future.isFinished())
        return;
    m_running = false;
    Q_EMIT finished();
}

void LoadJob::stopAndWait()
{
    m_stop.request_stop();
    m_future.waitForFinished();
    m_running = false;
    m_result.reset();
}

} // namespace mb
