// SPDX-License-Identifier: MIT
#include "core/jobs/load_job.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mb;

class TestLoadJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadsASampleAndReportsProgress();
    void reportsErrorsAsValues();
    void cancelStopsWithinABlock();
    void startReplacesARunningLoad();
    void destructorWaitsForTheWorker();

private:
    QString m_bigFile;
    QTemporaryDir m_dir;
};

void TestLoadJob::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // About 30 MB, so that a load is still running when it is cancelled.
    m_bigFile = m_dir.filePath(QStringLiteral("big.csv"));
    QFile file(m_bigFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b,c\n");
    QByteArray block;
    for (int i = 0; i < 20000; ++i)
        block += QByteArray::number(i) + ",0.25," + (i % 2 ? "x\n" : "y\n");
    while (file.size() < 30LL * 1024 * 1024)
        QCOMPARE(file.write(block), block.size());
}

void TestLoadJob::loadsASampleAndReportsProgress()
{
    LoadJob job;
    QSignalSpy finished(&job, &LoadJob::finished);
    QSignalSpy progress(&job, &LoadJob::progress);
    job.start({QStringLiteral("sample:iris.csv"), {}});
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(10000));
    QVERIFY(!job.isRunning());
    Expected<Dataset> data = job.takeResult();
    QVERIFY2(data.has_value(), data ? "" : data.error().describe().c_str());
    QCOMPARE(data->rowCount(), std::size_t(150));
    QCOMPARE(data->name(), std::string("iris"));
    for (const QList<QVariant> &args : progress) {
        const double fraction = args.front().toDouble();
        QVERIFY(fraction >= 0.0 && fraction <= 1.0);
    }
    // The result is taken once.
    QCOMPARE(job.takeResult().error().code, ErrorCode::Internal);
}

void TestLoadJob::reportsErrorsAsValues()
{
    LoadJob job;
    QSignalSpy finished(&job, &LoadJob::finished);
    job.start({m_dir.filePath(QStringLiteral("missing.csv")), {}});
    QVERIFY(finished.wait(10000));
    const Expected<Dataset> data = job.takeResult();
    QVERIFY(!data);
    QCOMPARE(data.error().code, ErrorCode::Io);
    QVERIFY(
        QString::fromStdString(data.error().describe()).contains(QStringLiteral("missing.csv")));
}

void TestLoadJob::cancelStopsWithinABlock()
{
    LoadJob job;
    QSignalSpy finished(&job, &LoadJob::finished);
    QSignalSpy progress(&job, &LoadJob::progress);
    job.start({m_bigFile, {}});
    QVERIFY(progress.wait(10000));
    job.cancel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job.takeResult().error().code, ErrorCode::Cancelled);
    job.cancel(); // idle: nothing happens
    QVERIFY(!job.isRunning());
}

void TestLoadJob::startReplacesARunningLoad()
{
    LoadJob job;
    QSignalSpy finished(&job, &LoadJob::finished);
    job.start({m_bigFile, {}});
    job.start({QStringLiteral("sample:wine.csv"), {}});
    QVERIFY(finished.wait(10000));
    QCOMPARE(job.params().path, QStringLiteral("sample:wine.csv"));
    Expected<Dataset> data = job.takeResult();
    QVERIFY(data);
    QCOMPARE(data->rowCount(), std::size_t(178));
    // The replaced load finished before the new one started: no finished() of its own.
    QCOMPARE(finished.count(), 1);
}

void TestLoadJob::destructorWaitsForTheWorker()
{
    auto job = std::make_unique<LoadJob>();
    QSignalSpy progress(job.get(), &LoadJob::progress);
    job->start({m_bigFile, {}});
    QVERIFY(progress.wait(10000));
    job.reset(); // cancels and waits; the worker must not outlive it
    QVERIFY(!job);
}

QTEST_GUILESS_MAIN(TestLoadJob)
#include "tst_load_job.moc"
