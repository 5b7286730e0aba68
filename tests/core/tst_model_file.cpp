// SPDX-License-Identifier: MIT
// Model files: every learner through every archive kind, and every kind of damage a file can
// have, each with its own message and without a crash.
#include "core/io/dataset_loader.h"
#include "core/ml/learner_registry.h"
#include "core/model/crc32c.h"
#include "core/model/model_file.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <unistd.h>

using namespace mb;

namespace {

std::uint32_t u32(const QByteArray &b, int at)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    return v;
}

void setU32(QByteArray &b, int at, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        b[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

/// Takes a model file apart, lets `edit` change its header JSON and payload, and puts it back
/// together with consistent lengths and checksums (unless `fixChecksums` is false), so that a
/// test can reach the checks behind the checksums.
QByteArray rebuild(const QByteArray &file, const std::function<void(QJsonObject &, QByteArray &)> &edit,
                   bool fixChecksums = true)
{
    const int headerBytes = static_cast<int>(u32(file, 12));
    QJsonObject header = QJsonDocument::fromJson(file.mid(24, headerBytes)).object();
    QByteArray payload = file.mid(24 + headerBytes);
    const std::uint32_t oldCrc = header.value("archive").toObject().value("crc32c").toString().toUInt(nullptr, 16);
    edit(header, payload);
    QJsonObject archive = header.value("archive").toObject();
    archive.insert("bytes", payload.size());
    const std::uint32_t crc = fixChecksums ? crc32c(payload.constData(), static_cast<std::size_t>(payload.size())) : oldCrc;
    archive.insert("crc32c", QStringLiteral("%1").arg(crc, 8, 16, QLatin1Char('0')));
    header.insert("archive", archive);
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QByteArray out = file.left(24);
    setU32(out, 12, static_cast<std::uint32_t>(json.size()));
    setU32(out, 16, crc32c(json.constData(), static_cast<std::size_t>(json.size())));
    return out + json + payload;
}

/// Changes the last digit in a text payload, as a person editing the file by hand might.
void editLastDigit(QByteArray &payload)
{
    for (qsizetype i = payload.size() - 1; i >= 0; --i) {
        if (payload[i] >= '0' && payload[i] <= '9') {
            payload[i] = payload[i] == '9' ? '8' : static_cast<char>(payload[i] + 1);
            return;
        }
    }
}

} // namespace

class TestModelFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<Dataset> m_iris;
    QByteArray m_binary;  // a good nb model, binary archive
    QByteArray m_text;
    QByteArray m_xml;

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
        const Model nb = train("nb", *m_iris);
        m_binary = *encodeModelFile(nb, ArchiveKind::Binary);
        m_text = *encodeModelFile(nb, ArchiveKind::Text);
        m_xml = *encodeModelFile(nb, ArchiveKind::Xml);
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

        const QByteArray &good = m_binary;
        const int headerBytes = static_cast<int>(u32(good, 12));
        QTest::newRow("empty file") << QByteArray() << "The file is empty";
        QTest::newRow("wrong magic") << QByteArray("hello, world, this is text") << "not a ModelBench model file";
        QTest::newRow("a python pickle") << QByteArray("\x80\x04\x95\x10\x00", 5) << "Python pickle";
        QTest::newRow("cut inside the fixed header") << good.left(12) << "inside its fixed header";
        QTest::newRow("cut inside the JSON header") << good.left(24 + headerBytes / 2) << "incomplete: expected at least";
        QTest::newRow("cut inside the payload") << good.left(good.size() - 10) << "cut off during download";
        QTest::newRow("bytes after the end") << good + QByteArray("extra") << "5 unexpected bytes";
        QByteArray newer = good;
        setU32(newer, 8, kModelFormatVersion + 1);
        QTest::newRow("newer format") << newer << "newer ModelBench (format 2). This version reads formats up to 1";
        QByteArray huge = good;
        setU32(huge, 12, 0x7FFFFFFF);
        QTest::newRow("header length beyond 16 MiB") << huge << "more than the 16 MiB";
        QByteArray flags = good;
        setU32(flags, 20, 1);
        QTest::newRow("unknown flags") << flags << "flags";
        QByteArray headerBit = good;
        headerBit[24 + headerBytes / 2] = static_cast<char>(headerBit[24 + headerBytes / 2] ^ 0x04);
        QTest::newRow("one flipped bit in the header") << headerBit << "header is damaged";
        QByteArray payloadBit = good;
        payloadBit[good.size() - 20] = static_cast<char>(payloadBit[good.size() - 20] ^ 0x01);
        QTest::newRow("one flipped bit in the payload") << payloadBit << "checksum does not match";
        QTest::newRow("header field missing")
                << rebuild(good, [](QJsonObject &h, QByteArray &) { h.remove("classes"); }) << "'classes' is missing";
        QTest::newRow("header field of the wrong type")
                << rebuild(good, [](QJsonObject &h, QByteArray &) { h.insert("algo", 42); }) << "'algo' must be text";
        QTest::newRow("header text field oversized")
                << rebuild(good, [](QJsonObject &h, QByteArray &) { h.insert("app_version", QString(70000, 'x')); })
                << "'app_version' is longer than";
        QTest::newRow("header list oversized")
                << rebuild(good,
                           [](QJsonObject &h, QByteArray &) {
                               QJsonArray many;
                               for (int i = 0; i < 100001; ++i)
                                   many.append(QStringLiteral("c"));
                               h.insert("classes", many);
                           })
                << "more than the 100000 allowed";
        QTest::newRow("unknown learner")
                << rebuild(good, [](QJsonObject &h, QByteArray &) { h.insert("algo", QStringLiteral("svm")); })
                << "learner this version does not know: 'svm'";
        QTest::newRow("unknown archive kind")
                << rebuild(good, [](QJsonObject &h, QByteArray &) {
                       QJsonObject a = h.value("archive").toObject();
                       a.insert("kind", QStringLiteral("pickle"));
                       h.insert("archive", a);
                   })
                << "must be binary, text or xml";
        QTest::newRow("big-endian model")
                << rebuild(good, [](QJsonObject &h, QByteArray &) {
                       QJsonObject a = h.value("archive").toObject();
                       a.insert("byte_order", QStringLiteral("big"));
                       h.insert("archive", a);
                   })
                << "little-endian";
        QTest::newRow("header and payload disagree")
                << rebuild(good, [](QJsonObject &h, QByteArray &) {
                       h.insert("classes", QJsonArray{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
                   })
                << "inconsistent";
        QTest::newRow("payload cut short with consistent checksums")
                << rebuild(good, [](QJsonObject &, QByteArray &p) { p.chop(p.size() / 3); }) << "model data is corrupt";
        QTest::newRow("binary payload replaced by noise")
                << rebuild(good, [](QJsonObject &, QByteArray &p) { p.fill('\xAB'); }) << "model data is corrupt";
        QTest::newRow("xml payload cut in the middle of a tag")
                << rebuild(m_xml, [](QJsonObject &, QByteArray &p) { p.chop(p.size() / 2); }) << "model data is corrupt";
        QTest::newRow("a count of 2^62 elements")
                << rebuild(m_xml,
                           [](QJsonObject &, QByteArray &p) {
                               p.replace("<features_count>4</features_count>",
                                         "<features_count>4611686018427387904</features_count>");
                           })
                << "declares 4611686018427387904 values";
        QTest::newRow("a count larger than the bytes left")
                << rebuild(m_xml,
                           [](QJsonObject &, QByteArray &p) {
                               p.replace("<features_count>4</features_count>", "<features_count>50000000</features_count>");
                           })
                << "only";
        QTest::newRow("text archive edited by hand, checksum not fixed")
                << rebuild(m_text, [](QJsonObject &, QByteArray &p) { editLastDigit(p); }, false)
                << "checksum does not match";
        QTest::newRow("self-check: probabilities stored differ")
                << rebuild(good,
                           [](QJsonObject &h, QByteArray &) {
                               QJsonObject check = h.value("self_check").toObject();
                               QJsonArray proba = check.value("proba").toArray();
                               QJsonArray first = proba.at(0).toArray();
                               first.replace(0, first.at(0).toDouble() + 0.25);
                               proba.replace(0, first);
                               check.insert("proba", proba);
                               h.insert("self_check", check);
                           })
                << "does not reproduce the predictions";
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
