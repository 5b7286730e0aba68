// SPDX-License-Identifier: MIT
// Model files: every learner through every archive kind, and every kind of damage a file can
// have, each with its own message and without a crash.
#include "core/io/dataset_loader.h"
#include "core/ml/learner_registry.h"
#include "core/model/crc32c.h"
#include "core/model/model_file.h"
#include "core/model/model_payload.h"
#include "tests/core/damaged_model_files.h"
#include "tests/core/model_file_surgery.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace mb;

namespace {

std::uint32_t u32(const QByteArray &b, int at)
{
    return testing::readU32(b, at);
}

} // namespace

class TestModelFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<Dataset> m_iris;
    QByteArray m_binary;  // a good nb model of iris, binary archive
    testing::GoodModelFiles m_weather;  // nb on weather.numeric: numeric and categorical inputs

    Model train(const std::string &algo, const Dataset &data)
    {
        FitControl control;
        control.seed = 7;
        control.threads = 2;
        auto model = Model::train(data, {}, algo, {}, control);
        if (!model)
            qFatal("training %s failed: %s", algo.c_str(), model.error().message.c_str());
        model->setMetrics({{"accuracy", 0.96}});
        return std::move(*model);
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto iris = loadDataset(QStringLiteral("sample:iris.csv"));
        QVERIFY(iris);
        m_iris = std::move(*iris);
        m_binary = *encodeModelFile(train("nb", *m_iris), ArchiveKind::Binary);
        auto weather = loadDataset(QStringLiteral("sample:weather.numeric.arff"));
        QVERIFY(weather);
        const Model nb = train("nb", *weather);
        m_weather = {*encodeModelFile(nb, ArchiveKind::Binary), *encodeModelFile(nb, ArchiveKind::Text),
                     *encodeModelFile(nb, ArchiveKind::Xml)};
    }

    void everyLearnerSurvivesEveryArchiveKind_data()
    {
        QTest::addColumn<QString>("algo");
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<int>("kind");
        for (const LearnerInfo &info : learners()) {
            for (const QString &data : {QStringLiteral("sample:iris.csv"), QStringLiteral("sample:weather.numeric.arff")}) {
                for (ArchiveKind kind : {ArchiveKind::Binary, ArchiveKind::Text, ArchiveKind::Xml}) {
                    const std::string name = std::string(info.key) + " on " + data.mid(7).toStdString() + " as "
                            + archiveKindName(kind);
                    QTest::newRow(name.c_str()) << QString::fromLatin1(info.key.data(), info.key.size()) << data << int(kind);
                }
            }
        }
    }

    void everyLearnerSurvivesEveryArchiveKind()
    {
        QFETCH(QString, algo);
        QFETCH(QString, dataset);
        QFETCH(int, kind);
        auto data = loadDataset(dataset);
        QVERIFY(data);
        const Model model = train(algo.toStdString(), *data);
        const QString path = m_dir.filePath(algo + QString::number(kind) + QStringLiteral(".mbm"));
        auto saved = saveModelFile(path, model, static_cast<ArchiveKind>(kind));
        QVERIFY2(saved, saved ? "" : saved.error().describe().c_str());
        auto loaded = loadModelFile(path);
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());

        auto x = model.encode(*data);
        QVERIFY(x);
        std::vector<double> before(x->rows() * std::size_t(model.classCount()));
        std::vector<double> after(before.size());
        model.predictProba(*x, before);
        loaded->model.predictProba(*x, after);
        QVERIFY(std::memcmp(before.data(), after.data(), before.size() * sizeof(double)) == 0);
        QCOMPARE(loaded->header.algo, algo.toStdString());
        QCOMPARE(loaded->model.schema().classes, model.schema().classes);
        QCOMPARE(loaded->model.metrics().at("accuracy"), 0.96);
        QCOMPARE(loaded->header.recipe.fingerprint, model.recipe().fingerprint);
    }

    void headerReadsWithoutThePayload()
    {
        auto header = decodeModelHeader(m_binary, QStringLiteral("nb.mbm"));
        QVERIFY(header);
        QCOMPARE(header->algo, std::string("nb"));
        QCOMPARE(header->schema.features.size(), std::size_t(4));
        QCOMPARE(header->schema.classes.size(), std::size_t(3));
        QCOMPARE(header->recipe.rows, std::size_t(150));
        QVERIFY(header->schema.features[0].max > header->schema.features[0].min);
        QCOMPARE(header->formatVersion, kModelFormatVersion);
    }

    void badFilesGiveTheirOwnMessage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        for (const testing::DamagedModelFile &file : testing::damagedModelFiles(m_weather))
            QTest::newRow(qPrintable(file.name)) << file.bytes << file.message;
    }

    void badFilesGiveTheirOwnMessage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString path = write(QStringLiteral("bad.mbm"), bytes);
        auto loaded = loadModelFile(path);
        QVERIFY(!loaded);
        const QString text = QString::fromStdString(loaded.error().describe());
        QVERIFY2(text.contains(message), qPrintable(text));
        QVERIFY2(text.startsWith(path), qPrintable(text));
    }

    void everySingleFlippedBitIsRefused_data()
    {
        QTest::addColumn<QByteArray>("good");
        QTest::newRow("binary archive") << m_weather.binary;
        QTest::newRow("text archive") << m_weather.text;
    }

    void everySingleFlippedBitIsRefused()
    {
        QFETCH(QByteArray, good);
        QVERIFY(decodeModelFile(good, QStringLiteral("good.mbm")));
        for (qsizetype at = 0; at < good.size(); ++at) {
            for (int bit = 0; bit < 8; ++bit) {
                QByteArray bad = good;
                bad[at] = static_cast<char>(bad[at] ^ (1 << bit));
                if (decodeModelFile(bad, QStringLiteral("bad.mbm")))
                    QFAIL(qPrintable(QStringLiteral("byte %1 bit %2 flipped, and the file still opens").arg(at).arg(bit)));
            }
        }
    }

    /// A payload whose classifier reads more inputs or writes more classes than its schema
    /// has would make every prediction read or write past its buffers.
    void aClassifierThatDisagreesWithItsSchemaIsRefused_data()
    {
        QTest::addColumn<QString>("algo");
        QTest::addColumn<int>("features");
        QTest::addColumn<int>("classes");
        QTest::addColumn<QString>("message");
        for (const LearnerInfo &info : learners()) {
            const QString algo = QString::fromLatin1(info.key.data(), info.key.size());
            QTest::newRow(qPrintable(algo + QStringLiteral(" reading more inputs than its schema has")))
                    << algo << 2 << 3 << QStringLiteral("reads 4 inputs but its schema has 2");
            QTest::newRow(qPrintable(algo + QStringLiteral(" reading fewer inputs than its schema has")))
                    << algo << 5 << 3 << QStringLiteral("reads 4 inputs but its schema has 5");
            QTest::newRow(qPrintable(algo + QStringLiteral(" with more classes than its schema names")))
                    << algo << 4 << 2 << QStringLiteral("has 3 classes but its schema names 2");
        }
    }

    void aClassifierThatDisagreesWithItsSchemaIsRefused()
    {
        QFETCH(QString, algo);
        QFETCH(int, features);
        QFETCH(int, classes);
        QFETCH(QString, message);
        // The iris classifier (4 inputs, 3 classes) under a schema cut or padded to size.
        const Model iris = train(algo.toStdString(), *m_iris);
        const QByteArray file = *encodeModelFile(iris, ArchiveKind::Binary);
        const QByteArray payload = file.mid(testing::kPrefixBytes + testing::headerLength(file));
        auto contents = readPayload(payload.constData(), std::size_t(payload.size()), ArchiveKind::Binary, iris.algo());
        QVERIFY(contents);
        InputSchema schema = iris.schema();
        schema.features.resize(std::size_t(features), FeatureSchema{"extra", false, {}, 0, 1, 0.5, 0});
        schema.classes.resize(std::size_t(classes));
        const Model mismatched(schema, iris.recipe(), std::move(contents->classifier));
        auto bytes = encodeModelFile(mismatched, ArchiveKind::Binary);
        QVERIFY(bytes);

        auto loaded = decodeModelFile(*bytes, QStringLiteral("mismatched.mbm"));
        QVERIFY(!loaded);
        QVERIFY2(QString::fromStdString(loaded.error().message).contains(message), loaded.error().message.c_str());
    }

    void theFuzzersSeedFilesOpen_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(MB_TEST_DATA_DIR "/fuzz/model"));
        for (const QString &name : dir.entryList({QStringLiteral("*.mbm")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void theFuzzersSeedFilesOpen()
    {
        QFETCH(QString, path);
        auto loaded = loadModelFile(path);
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
    }

    /// Inputs that once crashed the reader under the fuzzer, kept as libFuzzer wrote them
    /// (tests/data/fuzz/regressions). The fuzzer tries each input as it is and resealed
    /// (lengths and checksums made to match); so does this test.
    void inputsTheFuzzerFoundAreRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        const QDir dir(QStringLiteral(MB_TEST_DATA_DIR "/fuzz/regressions"));
        const std::pair<const char *, const char *> found[] = {
            // Boost's XML end-tag check read past the expected tag name (ASan).
            {"xml-end-tag-longer-than-expected.bin", "the XML archive is malformed"},
            // Boost's binary archive copied the byte 58 into a bool (UBSan).
            {"binary-bool-byte-out-of-range.bin", "neither numeric nor categorical"},
            // Boost's text archive resized its signature string to a length read from the file
            // (963 GB; ASan: out of memory).
            {"text-signature-length-huge.bin", "does not start with \"22 serialization::archive \""},
        };
        for (const auto &[name, message] : found)
            QTest::newRow(name) << dir.filePath(QString::fromLatin1(name)) << QString::fromLatin1(message);
        QCOMPARE(dir.entryList(QDir::Files).size(), int(std::size(found)));
    }

    void inputsTheFuzzerFoundAreRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!decodeModelFile(bytes, path));
        const auto resealed = testing::resealModelFile(bytes);
        QVERIFY(resealed);
        auto loaded = decodeModelFile(*resealed, path);
        QVERIFY(!loaded);
        QVERIFY2(QString::fromStdString(loaded.error().message).contains(message), loaded.error().message.c_str());
    }

    void aDirectoryIsNotAModel()
    {
        auto loaded = loadModelFile(m_dir.path());
        QVERIFY(!loaded);
        QVERIFY(QString::fromStdString(loaded.error().message).contains(QStringLiteral("folder")));
    }

    void anUnreadableFileSaysSo()
    {
        if (geteuid() == 0)
            QSKIP("running as root: file permissions do not stop root from reading");
        const QString path = write(QStringLiteral("locked.mbm"), m_binary);
        QFile::setPermissions(path, QFileDevice::WriteOwner);
        auto loaded = loadModelFile(path);
        QVERIFY(!loaded);
        QVERIFY(QString::fromStdString(loaded.error().message).contains(QStringLiteral("permission")));
    }

    void savingReplacesAtomically()
    {
        const QString path = m_dir.filePath(QStringLiteral("atomic.mbm"));
        const Model nb = train("nb", *m_iris);
        QVERIFY(saveModelFile(path, nb, ArchiveKind::Text));
        // A save into a folder that does not exist fails cleanly and leaves nothing behind.
        auto failed = saveModelFile(m_dir.filePath(QStringLiteral("missing/dir/x.mbm")), nb);
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, ErrorCode::Io);
        QVERIFY(saveModelFile(path, nb, ArchiveKind::Binary));
        auto header = readModelHeader(path);
        QVERIFY(header);
        QCOMPARE(header->archive, ArchiveKind::Binary);
        const QStringList leftovers = QDir(m_dir.path()).entryList({QStringLiteral("atomic.mbm*")}, QDir::Files);
        QCOMPARE(leftovers, QStringList{QStringLiteral("atomic.mbm")});
    }

    void theSameModelEncodesToTheSamePayload()
    {
        const Model nb = train("nb", *m_iris);
        const QByteArray a = *encodeModelFile(nb, ArchiveKind::Binary);
        const QByteArray b = *encodeModelFile(nb, ArchiveKind::Binary);
        // The headers differ only in their creation time; payloads are identical.
        QCOMPARE(a.right(a.size() - 24 - int(u32(a, 12))), b.right(b.size() - 24 - int(u32(b, 12))));
    }

    void crc32cMatchesTheStandardCheckValue()
    {
        const char *check = "123456789";
        QCOMPARE(crc32c(check, 9), 0xE3069283u);
        QCOMPARE(crc32cSoftware(check, 9), 0xE3069283u);
        QByteArray big(100003, '\0');
        for (int i = 0; i < big.size(); ++i)
            big[i] = static_cast<char>(i * 31 + 7);
        QCOMPARE(crc32c(big.constData(), std::size_t(big.size())), crc32cSoftware(big.constData(), std::size_t(big.size())));
    }
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_model_file.moc"
