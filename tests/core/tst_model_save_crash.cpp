// SPDX-License-Identifier: MIT
// Saving a model file when things go wrong: a process killed (SIGKILL) at random moments while
// it saves over and over, and a disk that fills up during a save. The path must always hold
// the complete old or the complete new file.
//
// This executable starts copies of itself: `tst_model_save_crash --child-save PATH A B` loads
// the model files A and B and saves them to PATH in turn until it is killed.
#include "core/io/dataset_loader.h"
#include "core/ml/model.h"
#include "core/model/model_file.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace mb;

namespace {

int childSave(const QStringList &args)
{
    // args: program --child-save PATH A B
    if (args.size() != 5)
        return 2;
    auto a = loadModelFile(args[3]);
    auto b = loadModelFile(args[4]);
    if (!a || !b)
        return 2;
    for (unsigned i = 0;; ++i) {
        if (!saveModelFile(args[2], (i % 2 == 0 ? a : b)->model))
            return 1;
    }
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Model trained(const QString &sample, const char *algo, const ParamValues &params = {})
{
    auto data = loadDataset(sample);
    if (!data)
        qFatal("iris: %s", data.error().message.c_str());
    FitControl control;
    control.threads = 1;
    auto model = Model::train(*data, {}, algo, params, control);
    if (!model)
        qFatal("training failed: %s", model.error().message.c_str());
    return std::move(*model);
}

} // namespace

class TestModelSaveCrash : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_small; // a naive Bayes model file, a few KB
    QString m_large; // a forest on digits, about a MB: its save takes long enough to be caught
    QByteArray m_smallBytes;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_small = m_dir.filePath(QStringLiteral("small.mbm"));
        m_large = m_dir.filePath(QStringLiteral("large.mbm"));
        QVERIFY(saveModelFile(m_small, trained(QStringLiteral("sample:iris.csv"), "nb")));
        QVERIFY(saveModelFile(m_large, trained(QStringLiteral("sample:digits.csv"), "forest",
                                               {{"n_estimators", "50"}})));
        m_smallBytes = readAll(m_small);
        QVERIFY(readAll(m_large).size() > 50 * m_smallBytes.size());
    }

    void sigkillDuringSaveLeavesTheOldOrTheNewFile()
    {
        const int cycles = qEnvironmentVariableIntValue("MB_CRASH_CYCLES") > 0
            ? qEnvironmentVariableIntValue("MB_CRASH_CYCLES")
            : 100;
        QTemporaryDir folder(m_dir.filePath(QStringLiteral("kill-XXXXXX")));
        const QString target = folder.filePath(QStringLiteral("model.mbm"));
        int small = 0, large = 0, none = 0, strays = 0;
        for (int cycle = 0; cycle < cycles; ++cycle) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--child-save"), target, m_small, m_large});
            QVERIFY(child.waitForStarted(30000));
            QTest::qWait(int(QRandomGenerator::global()->bounded(20, 400)));
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(30000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit); // killed, not failed

            if (!QFileInfo::exists(target)) {
                ++none; // killed before its first save finished
            } else {
                // Complete means: every length in the envelope matches, both checksums hold and
                // the self-check passes (saving stamps the time, so bytes differ from run to run).
                auto loaded = loadModelFile(target);
                QVERIFY2(loaded, qPrintable(QStringLiteral("cycle %1: %2").arg(cycle).arg(
                                     QString::fromStdString(loaded.error().describe()))));
                const std::string algo = loaded->header.algo;
                QVERIFY2(algo == "nb" || algo == "forest", algo.c_str());
                ++(algo == "nb" ? small : large);
            }
            // A kill mid-save leaves QSaveFile's temporary file behind (only the target's
            // name is promised); clear it so that the next cycle starts clean.
            for (const QFileInfo &entry : QDir(folder.path()).entryInfoList(QDir::Files)) {
                if (entry.fileName() != QLatin1String("model.mbm")) {
                    ++strays;
                    QFile::remove(entry.filePath());
                }
            }
        }
        qInfo("%d kills: target held the small model %d times, the large %d times, nothing yet "
              "%d times; %d temporary files left by kills",
              cycles, small, large, none, strays);
        QVERIFY(small > 0 && large > 0);
    }

    void aFullDiskLeavesTheOriginalAndNoTemporaryFile()
    {
        // A real full disk: a 256 KiB tmpfs (mounting needs root; elsewhere the test says so).
        const QString mountPoint = m_dir.filePath(QStringLiteral("small-disk"));
        QVERIFY(QDir().mkpath(mountPoint));
        if (::mount("tmpfs", mountPoint.toLocal8Bit().constData(), "tmpfs", 0, "size=256k") != 0)
            QSKIP(qPrintable(QStringLiteral("cannot mount a small tmpfs here (%1; needs root)")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno)))));
        const auto unmount = qScopeGuard(
            [&] { ::umount2(mountPoint.toLocal8Bit().constData(), MNT_DETACH); });

        const QString target = mountPoint + QStringLiteral("/model.mbm");
        QVERIFY(QFile::copy(m_small, target));
        // Fill what is left.
        QFile filler(mountPoint + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size()) {
        }
        filler.close();

        auto saved = saveModelFile(target, loadModelFile(m_large)->model);
        QVERIFY(!saved);
        const QString message = QString::fromStdString(saved.error().describe());
        QCOMPARE(saved.error().code, ErrorCode::Io);
        QVERIFY2(message.contains(target), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("No space left on device")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("the previous file, if any, is unchanged")),
                 qPrintable(message));
        QCOMPARE(readAll(target), m_smallBytes);
        QCOMPARE(QDir(mountPoint).entryList(QDir::Files | QDir::Hidden),
                 (QStringList {QStringLiteral("filler"), QStringLiteral("model.mbm")}));
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "--child-save") == 0)
        return childSave(QCoreApplication::arguments());
    TestModelSaveCrash test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_model_save_crash.moc"
