// SPDX-License-Identifier: MIT
#include "core/jobs/score_job.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <new>

namespace mb {

namespace {

constexpr int kProgressSteps = 1000;

// On a pool thread; exceptions become an Error here so none escapes into the pool.
void runScore(QPromise<void> &promise, const std::shared_ptr<const Model> &model,
              const std::shared_ptr<const Dataset> &data, const ScoringOptions &options, std::stop_token stop,
              const std::shared_ptr<std::optional<Expected<BatchScores>>> &slot)
{
    promise.setProgressRange(0, kProgressSteps);
    WorkControl control;
    control.stop = std::move(stop);
    control.report = [&promise](double fraction) {
        promise.setProgressValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kProgressSteps));
    };
    try {
        slot->emplace(scoreRows(*model, *data, options, control));
    } catch (const std::bad_alloc &) {
        slot->emplace(fail(ErrorCode::Data, "Not enough memory to score this file."));
    } catch (const std::exception &e) {
        slot->emplace(fail(ErrorCode::Internal, std::string("Internal error while scoring: ") + e.what()));
    }
}

} // namespace

ScoreJob::ScoreJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(double(value) / kProgressSteps); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ScoreJob::onWorkerFinished);
}

ScoreJob::~ScoreJob()
{
    m_watcher.disconnect(this);
    stopAndWait();
}

void ScoreJob::start(std::shared_ptr<const Model> model, std::shared_ptr<const Dataset> data,
                     ScoringOptions options)
{
    if (m_running)
        stopAndWait();
    m_stop = std::stop_source();
    m_running = true;
    m_result = std::make_shared<ResultSlot>();
    if (!model || !data) {
        m_result->emplace(fail(ErrorCode::Usage, "There is no model or no data to score."));
        m_future = QtConcurrent::run([] {});
    } else {
        m_future = QtConcurrent::run(runScore, std::move(model), std::move(data), std::move(options),
                                     m_stop.get_token(), m_result);
    }
    m_watcher.setFuture(m_future);
}

void ScoreJob::cancel()
{
    if (m_running)
        m_stop.request_stop();
}

Expected<BatchScores> ScoreJob::takeResult()
{
    if (m_running || !m_result || !m_result->has_value())
        return fail(ErrorCode::Internal, "ScoreJob::takeResult called without a finished run.");
    Expected<BatchScores> result = std::move(**m_result);
    m_result.reset();
    if (m_stop.stop_requested())
        return fail(ErrorCode::Cancelled, "Scoring was cancelled.");
    return result;
}

void ScoreJob::onWorkerFinished()
{
    if (!m_running || !m_future.isFinished())
        return;
    m_running = false;
    Q_EMIT finished();
}

void ScoreJob::stopAndWait()
{
    m_stop.request_stop();
    m_future.waitForFinished();
    m_running = false;
    m_result.reset();
}

} // namespace mb
