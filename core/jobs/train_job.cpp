// SPDX-License-Identifier: MIT
#include "core/jobs/train_job.h"

#include "core/eval/metric_summary.h"
#include "core/io/dataset_loader.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <new>

namespace mb {

namespace {

// Progress travels through QFutureInterface as an int; this is its resolution.
constexpr int kProgressSteps = 1000;

std::string targetNameOf(const Dataset &data)
{
    const auto index = data.targetIndex();
    if (index)
        return data.column(*index).name();
    return data.columnCount() ? data.column(data.columnCount() - 1).name() : std::string();
}

// The test file is read here, on the worker, so a big one does not freeze the window.
Expected<Dataset> loadTestSet(const TrainParams &params, const WorkControl &control)
{
    auto test = loadDataset(params.testPath, {}, control);
    if (!test)
        return test;
    // The class column of the test file is the one named like the training target.
    if (const auto index = test->columnIndex(targetNameOf(*params.data)))
        test->setTarget(*index);
    return test;
}

Expected<TrainResult> train(const TrainParams &params, const FitControl &control)
{
    QElapsedTimer timer;
    timer.start();
    ValidationScheme scheme = params.scheme;
    std::optional<Dataset> testSet;
    if (scheme.kind == ValidationScheme::Kind::TestSet) {
        WorkControl loadControl;
        loadControl.stop = control.stop;
        auto loaded = loadTestSet(params, loadControl);
        if (!loaded)
            return std::unexpected(loaded.error());
        testSet = std::move(*loaded);
        scheme.testSet = &*testSet;
        scheme.testName = params.testPath.toStdString();
    } else {
        scheme.testSet = nullptr;
    }

    auto evaluated = trainAndEvaluate(*params.data, params.algo, params.params, scheme, control);
    if (!evaluated)
        return std::unexpected(evaluated.error());
    TrainResult result{std::move(*evaluated)};
    // The headline numbers travel with the model (file header, catalog entry), as with the
    // CLI's train.
    if (result.evaluation.metrics.rows > 0)
        result.evaluation.model.setMetrics(headlineMetrics(result.evaluation.metrics));
    result.algo = params.algo;
    result.params = params.params;
    result.validation = scheme.describe();
    result.datasetName = params.data->name();
    result.targetName = targetNameOf(*params.data);
    result.seed = params.seed;
    result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    result.finishedAt = QDateTime::currentDateTime();
    return result;
}

// Runs on a pool thread. Exceptions are broken invariants or exhausted memory: this is the
// boundary where they become an Error, so nothing escapes into the thread pool.
void runTrain(QPromise<void> &promise, const TrainParams &params, std::stop_token stop,
              const std::shared_ptr<std::optional<Expected<TrainResult>>> &slot)
{
    promise.setProgressRange(0, kProgressSteps);
    FitControl control;
    control.stop = std::move(stop);
    control.seed = params.seed;
    control.threads = params.threads;
    control.report = [&promise](double fraction) {
        // QFutureInterface drops decreasing values and limits emits to 25 per second.
        promise.setProgressValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kProgressSteps));
    };
    try {
        if (!params.data)
            slot->emplace(fail(ErrorCode::Usage, "There is no dataset to train on."));
        else
            slot->emplace(train(params, control));
    } catch (const std::bad_alloc &) {
        slot->emplace(fail(ErrorCode::Data, "Not enough memory to train this model."));
    } catch (const std::exception &e) {
        slot->emplace(
            fail(ErrorCode::Internal, std::string("Internal error while training: ") + e.what()));
    }
}

} // namespace

TrainJob::TrainJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(double(value) / kProgressSteps); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &TrainJob::onWorkerFinished);
}

TrainJob::~TrainJob()
{
    m_watcher.disconnect(this);
    stopAndWait();
}

void TrainJob::start(TrainParams params)
{
    if (m_running)
        stopAndWait();
    m_stop = std::stop_source();
    m_running = true;
    m_result = std::make_shared<ResultSlot>();
    m_future = QtConcurrent::run(runTrain, std::move(params), m_stop.get_token(), m_result);
    m_watcher.setFuture(m_future);
}

void TrainJob::cancel()
{
    if (m_running)
        m_stop.request_stop();
}

Expected<TrainResult> TrainJob::takeResult()
{
    if (m_running || !m_result || !m_result->has_value())
        return fail(ErrorCode::Internal, "TrainJob::takeResult called without a finished run.");
    Expected<TrainResult> result = std::move(**m_result);
    m_result.reset();
    // A cancel that came after the learner's last check still means "no model".
    if (m_stop.stop_requested())
        return fail(ErrorCode::Cancelled, "Training was cancelled.");
    return result;
}

void TrainJob::onWorkerFinished()
{
    // A finished event of a run replaced by start() may still be queued: it is not ours.
    if (!m_running || !m_future.isFinished())
        return;
    m_running = false;
    Q_EMIT finished();
}

void TrainJob::stopAndWait()
{
    m_stop.request_stop();
    m_future.waitForFinished();
    m_running = false;
    m_result.reset();
}

} // namespace mb
