// SPDX-License-Identifier: MIT
// What the widget tests share: quiet offscreen windows, samples and trained results.
#pragma once

#include "core/data/dataset.h"
#include "core/io/dataset_loader.h"
#include "core/jobs/train_job.h"

#include <QSignalSpy>
#include <QTest>
#include <QString>
#include <QtGlobal>

#include <memory>

namespace widget_test {

/// Drops the line the offscreen platform logs each time a window is shown; it tells nothing.
/// Call once in initTestCase().
inline void silenceOffscreenNoise()
{
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context,
                                         const QString &message) {
        if (message == QLatin1String("This plugin does not support propagateSizeHints()"))
            return;
        previous(type, context, message);
    });
}

/// A data file or sample ("sample:iris.csv") with its last column as the target.
inline std::shared_ptr<const mb::Dataset> loadWithLastTarget(const QString &path)
{
    auto loaded = mb::loadDataset(path);
    if (!loaded)
        qFatal("cannot load %s: %s", qPrintable(path), loaded.error().describe().c_str());
    auto data = std::make_shared<mb::Dataset>(std::move(*loaded));
    data->setTarget(data->columnCount() - 1);
    return data;
}

/// Trains `algo` through the GUI's TrainJob (holdout unless `scheme` says otherwise).
inline std::shared_ptr<const mb::TrainResult> trainResult(std::shared_ptr<const mb::Dataset> data,
                                                           const char *algo,
                                                           mb::ValidationScheme scheme = {})
{
    mb::TrainJob job;
    mb::TrainParams params;
    params.data = std::move(data);
    params.algo = algo;
    params.scheme = scheme;
    params.seed = 7;
    QSignalSpy finished(&job, &mb::TrainJob::finished);
    job.start(std::move(params));
    if (!finished.wait(60000))
        return nullptr;
    auto outcome = job.takeResult();
    if (!outcome) {
        qWarning("training failed: %s", outcome.error().describe().c_str());
        return nullptr;
    }
    return std::make_shared<const mb::TrainResult>(std::move(*outcome));
}

/// The child of `parent` named `name` once it exists (dialogs open asynchronously), or
/// nullptr after five seconds.
template<class Widget>
Widget *waitForChild(QObject *parent, const QString &name)
{
    Widget *found = nullptr;
    (void)QTest::qWaitFor([&] { return (found = parent->findChild<Widget *>(name)) != nullptr; }, 5000);
    return found;
}

} // namespace widget_test
