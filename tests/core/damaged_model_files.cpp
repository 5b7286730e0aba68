// SPDX-License-Identifier: MIT
#include "tests/core/damaged_model_files.h"

#include "tests/core/model_file_surgery.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace mb::testing {

namespace {

using Change = std::function<void(QJsonObject &parent, const QString &key)>;

constexpr int kMaxText = 64 * 1024;
const QString kTooLong(kMaxText + 1, QLatin1Char('x'));

/// Calls `change` with the object that holds the last part of `path` ("archive.kind",
/// "features[0].levels") and that part's key, and writes every changed object back.
void changeAt(QJsonObject &object, const QString &path, const Change &change)
{
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        change(object, path);
        return;
    }
    QString head = path.left(dot);
    const QString rest = path.mid(dot + 1);
    const qsizetype bracket = head.indexOf(QLatin1Char('['));
    if (bracket < 0) {
        QJsonObject child = object.value(head).toObject();
        changeAt(child, rest, change);
        object.insert(head, child);
        return;
    }
    const int index = head.mid(bracket + 1, head.size() - bracket - 2).toInt();
    head.truncate(bracket);
    QJsonArray array = object.value(head).toArray();
    QJsonObject child = array.at(index).toObject();
    changeAt(child, rest, change);
    array.replace(index, child);
    object.insert(head, array);
}

QByteArray withValue(const QByteArray &file, const QString &path, const QJsonValue &value)
{
    return editModelHeader(file, [&](QJsonObject &h) {
        changeAt(h, path, [&](QJsonObject &parent, const QString &key) { parent.insert(key, value); });
    });
}

QByteArray without(const QByteArray &file, const QString &path)
{
    return editModelHeader(file, [&](QJsonObject &h) {
        changeAt(h, path, [](QJsonObject &parent, const QString &key) { parent.remove(key); });
    });
}

QJsonArray repeated(const QJsonValue &value, int count)
{
    QJsonArray array;
    for (int i = 0; i < count; ++i)
        array.append(value);
    return array;
}

QByteArray flipBit(QByteArray bytes, qsizetype at, int bit)
{
    bytes[at] = static_cast<char>(bytes[at] ^ (1 << bit));
    return bytes;
}

/// The 8 little-endian bytes of `value`, as a binary archive stores a count.
QByteArray u64(std::uint64_t value)
{
    QByteArray out(8, '\0');
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<char>((value >> (8 * i)) & 0xFF);
    return out;
}

constexpr std::uint64_t k2To62 = std::uint64_t(1) << 62;

const char *kindName(int kind)
{
    return kind == 0 ? "binary" : kind == 1 ? "text" : "xml";
}

void notModelFiles(QList<DamagedModelFile> &rows)
{
    rows.append({QStringLiteral("empty file"), QByteArray(), QStringLiteral("The file is empty")});
    rows.append({QStringLiteral("wrong magic"), QByteArray("hello, world, this is text"),
                 QStringLiteral("not a ModelBench model file")});
    rows.append({QStringLiteral("a python pickle"), QByteArray("\x80\x04\x95\x10\x00", 5), QStringLiteral("Python pickle")});
}

void headerFieldsMissing(const QByteArray &good, QList<DamagedModelFile> &rows)
{
    // Feature 0 of the model is categorical (outlook), feature 1 numeric (temperature).
    for (const char *path :
         {"format_version", "app_version", "created", "algo", "archive", "archive.kind", "archive.bytes",
          "archive.crc32c", "archive.byte_order", "archive.sizes", "features", "features[0].name",
          "features[0].type", "features[0].levels", "features[0].mode", "features[1].min", "features[1].max",
          "features[1].median", "target", "classes", "recipe", "recipe.params", "recipe.seed", "recipe.threads",
          "recipe.validation", "recipe.dataset", "recipe.rows", "recipe.fingerprint", "metrics", "self_check",
          "self_check.rows", "self_check.proba"}) {
        const QString field = QString::fromLatin1(path);
        rows.append({QStringLiteral("header field %1 missing").arg(field), without(good, field),
                     QStringLiteral("'%1' is missing").arg(field)});
    }
}

void headerFieldsMistyped(const QByteArray &good, QList<DamagedModelFile> &rows)
{
    auto add = [&](const QString &name, const QString &path, const QJsonValue &value, const QString &message) {
        rows.append({name, withValue(good, path, value), message});
    };
    add(QStringLiteral("header algo is a number"), QStringLiteral("algo"), 42, QStringLiteral("'algo' must be text"));
    add(QStringLiteral("header features is an object"), QStringLiteral("features"), QJsonObject(),
        QStringLiteral("'features' must be a list"));
    add(QStringLiteral("header classes are numbers"), QStringLiteral("classes"), QJsonArray{1, 2},
        QStringLiteral("'classes' must be a list of texts"));
    add(QStringLiteral("header names one class"), QStringLiteral("classes"), QJsonArray{QStringLiteral("yes")},
        QStringLiteral("at least two classes"));
    add(QStringLiteral("header row count is negative"), QStringLiteral("recipe.rows"), -1,
        QStringLiteral("'recipe.rows' must be a whole number"));
    add(QStringLiteral("header feature type unknown"), QStringLiteral("features[1].type"), QStringLiteral("date"),
        QStringLiteral("must be numeric or categorical"));
    add(QStringLiteral("header format version disagrees with the prefix"), QStringLiteral("format_version"), 2,
        QStringLiteral("but the file's prefix says 1"));
    add(QStringLiteral("header type sizes of another machine"), QStringLiteral("archive.sizes.int"), 8,
        QStringLiteral("do not match this machine's"));
    add(QStringLiteral("header of a big-endian machine"), QStringLiteral("archive.byte_order"), QStringLiteral("big"),
        QStringLiteral("little-endian"));
    add(QStringLiteral("header archive kind unknown"), QStringLiteral("archive.kind"), QStringLiteral("pickle"),
        QStringLiteral("must be binary, text or xml"));
    add(QStringLiteral("header self-check rows of the wrong width"), QStringLiteral("self_check.rows"),
        QJsonArray{QJsonArray{1, 2}}, QStringLiteral("must hold rows of 4 numbers"));
    rows.append({QStringLiteral("header learner unknown"), withValue(good, QStringLiteral("algo"), QStringLiteral("svm")),
                 QStringLiteral("learner this version does not know: 'svm'")});
}

void headerFieldsOversized(const QByteArray &good, QList<DamagedModelFile> &rows)
{
    for (const char *path : {"app_version", "created", "algo", "archive.kind", "archive.crc32c", "archive.byte_order",
                             "features[0].name", "features[1].type", "target", "recipe.seed", "recipe.validation",
                             "recipe.dataset", "recipe.fingerprint"}) {
        const QString field = QString::fromLatin1(path);
        rows.append({QStringLiteral("header text %1 oversized").arg(field), withValue(good, field, kTooLong),
                     QStringLiteral("'%1' is longer than 65536 characters").arg(field)});
    }
    rows.append({QStringLiteral("header class name oversized"),
                 withValue(good, QStringLiteral("classes"), QJsonArray{QStringLiteral("yes"), kTooLong}),
                 QStringLiteral("'classes' holds a text longer than 65536 characters")});
    rows.append({QStringLiteral("header level name oversized"),
                 withValue(good, QStringLiteral("features[0].levels"), QJsonArray{QStringLiteral("sunny"), kTooLong}),
                 QStringLiteral("'features[0].levels' holds a text longer than 65536 characters")});
    rows.append({QStringLiteral("header parameter value oversized"),
                 withValue(good, QStringLiteral("recipe.params"), QJsonObject{{QStringLiteral("alpha"), kTooLong}}),
                 QStringLiteral("'recipe.params' holds a text longer than 65536 characters")});

    rows.append({QStringLiteral("header lists more than a million features"),
                 withValue(good, QStringLiteral("features"), repeated(QJsonObject(), 1'000'001)),
                 QStringLiteral("'features' has 1000001 entries, more than the 1000000 allowed")});
    rows.append({QStringLiteral("header lists more than a million levels"),
                 withValue(good, QStringLiteral("features[0].levels"), repeated(QStringLiteral("l"), 1'000'001)),
                 QStringLiteral("'features[0].levels' has 1000001 entries, more than the 1000000 allowed")});
    rows.append({QStringLiteral("header lists more than 100,000 classes"),
                 withValue(good, QStringLiteral("classes"), repeated(QStringLiteral("c"), 100'001)),
                 QStringLiteral("'classes' has 100001 entries, more than the 100000 allowed")});

    for (const auto &[path, limit] : {std::pair{"archive.bytes", "1000000000000000"}, std::pair{"recipe.rows", "1000000000000000"},
                                      std::pair{"recipe.threads", "1000000"}, std::pair{"features[0].mode", "1000000"}}) {
        const QString field = QString::fromLatin1(path);
        rows.append({QStringLiteral("header number %1 oversized").arg(field), withValue(good, field, 1e16),
                     QStringLiteral("'%1' must be a whole number from 0 to %2").arg(field, QLatin1String(limit))});
    }

    // The prefix is checked before anything is parsed: a 16 MiB limit, whatever the JSON says.
    QByteArray claims = good;
    writeU32(claims, 12, 0x7FFFFFFF);
    rows.append({QStringLiteral("header length field beyond 16 MiB"), claims, QStringLiteral("more than the 16 MiB")});
    const QByteArray huge = editModelHeader(good, [](QJsonObject &h) {
        h.insert(QStringLiteral("padding"), repeated(QString(1024, QLatin1Char('p')), 16 * 1024 + 1));
    });
    rows.append({QStringLiteral("header of more than 16 MiB"), huge, QStringLiteral("more than the 16 MiB")});
}

void truncations(const QByteArray &good, const char *kind, QList<DamagedModelFile> &rows)
{
    const int headerBytes = headerLength(good);
    const int payloadStart = kPrefixBytes + headerBytes;
    const int payloadBytes = static_cast<int>(good.size()) - payloadStart;
    auto cut = [&](const char *where, int size, const QString &message) {
        rows.append({QStringLiteral("%1 file cut %2").arg(QLatin1String(kind), QLatin1String(where)), good.left(size), message});
    };
    const QString inPrefix = QStringLiteral("inside its fixed header");
    const QString atLeast = QStringLiteral("incomplete: expected at least");
    const QString download = QStringLiteral("cut off during download");
    cut("inside the signature", 4, inPrefix);
    cut("after the format version", 12, inPrefix);
    cut("inside the header checksum", 18, inPrefix);
    cut("after the fixed header", kPrefixBytes, atLeast);
    cut("inside the JSON header", kPrefixBytes + headerBytes / 2, atLeast);
    cut("after the JSON header", payloadStart, download);
    cut("inside the payload", payloadStart + payloadBytes / 2, download);
    cut("one byte short", static_cast<int>(good.size()) - 1, download);
    rows.append({QStringLiteral("%1 file with bytes after its end").arg(QLatin1String(kind)), good + "extra",
                 QStringLiteral("5 unexpected bytes")});
}

void flippedBits(const QByteArray &good, const char *kind, QList<DamagedModelFile> &rows)
{
    const int headerBytes = headerLength(good);
    const qsizetype payloadStart = kPrefixBytes + headerBytes;
    auto add = [&](const char *what, QByteArray bytes, const char *message) {
        rows.append({QStringLiteral("%1 file with %2").arg(QLatin1String(kind), QLatin1String(what)), std::move(bytes),
                     QString::fromLatin1(message)});
    };
    add("one flipped bit in the signature", flipBit(good, 1, 5), "not a ModelBench model file");
    add("one flipped bit in the format version", flipBit(good, 8, 1), "newer ModelBench (format 3)");
    add("the format version flipped to 0", flipBit(good, 8, 0), "format version 0");
    add("one flipped bit in the header checksum", flipBit(good, 17, 3), "header is damaged");
    add("one flipped bit in the flags", flipBit(good, 20, 0), "flags");
    add("one flipped bit in the header", flipBit(good, kPrefixBytes + headerBytes / 2, 2), "header is damaged");
    add("one flipped bit at the payload's start", flipBit(good, payloadStart, 0), "checksum does not match");
    add("one flipped bit in the payload", flipBit(good, payloadStart + (good.size() - payloadStart) / 2, 6),
        "checksum does not match");
    add("one flipped bit in the last byte", flipBit(good, good.size() - 1, 7), "checksum does not match");
}

/// The first feature count of the payload's schema (4) replaced by 2^62, in each archive kind.
void hugeCounts(const GoodModelFiles &good, QList<DamagedModelFile> &rows)
{
    const QString message = QStringLiteral("declares 4611686018427387904 values");
    // Binary: the first 8-byte little-endian 4 is the schema's feature count (only class
    // versions and a tracking byte come before it).
    rows.append({QStringLiteral("binary payload with a count of 2^62 elements"),
                 rebuildModelFile(good.binary, [](QJsonObject &, QByteArray &p) {
                     const qsizetype at = p.indexOf(u64(4));
                     p.replace(at, 8, u64(k2To62));
                 }),
                 message});
    // Text: "22 serialization::archive 19 0 1 4 ...": class version, tracking, then the count.
    rows.append({QStringLiteral("text payload with a count of 2^62 elements"),
                 rebuildModelFile(good.text, [](QJsonObject &, QByteArray &p) {
                     const qsizetype at = p.indexOf(" 4 ");
                     p.replace(at, 3, " 4611686018427387904 ");
                 }),
                 message});
    rows.append({QStringLiteral("xml payload with a count of 2^62 elements"),
                 rebuildModelFile(good.xml, [](QJsonObject &, QByteArray &p) {
                     p.replace("<features_count>4</features_count>", "<features_count>4611686018427387904</features_count>");
                 }),
                 message});
    rows.append({QStringLiteral("xml payload with a count larger than the bytes left"),
                 rebuildModelFile(good.xml, [](QJsonObject &, QByteArray &p) {
                     p.replace("<features_count>4</features_count>", "<features_count>50000000</features_count>");
                 }),
                 QStringLiteral("values but only")});
}

/// Changes the last digit of a text payload, as a person editing it by hand might.
void editLastDigit(QByteArray &payload)
{
    for (qsizetype i = payload.size() - 1; i >= 0; --i) {
        if (payload[i] >= '0' && payload[i] <= '9') {
            payload[i] = payload[i] == '9' ? '8' : static_cast<char>(payload[i] + 1);
            return;
        }
    }
}

void handEdits(const GoodModelFiles &good, QList<DamagedModelFile> &rows)
{
    rows.append({QStringLiteral("text archive edited by hand"),
                 rebuildModelFile(good.text, [](QJsonObject &, QByteArray &p) { editLastDigit(p); }, false),
                 QStringLiteral("checksum does not match")});
    // Someone who also fixed the checksums: the edit must still be caught, here by the
    // naive Bayes loader's own size checks, or by the self-check.
    rows.append({QStringLiteral("xml archive edited by hand, checksums fixed, sizes broken"),
                 rebuildModelFile(good.xml, [](QJsonObject &, QByteArray &p) {
                     p.replace("<class_count>2</class_count>", "<class_count>3</class_count>");
                 }),
                 QStringLiteral("sizes do not fit together")});
    rows.append({QStringLiteral("xml archive edited by hand, checksums fixed, a weight changed"),
                 rebuildModelFile(good.xml, [](QJsonObject &, QByteArray &p) {
                     const qsizetype at = p.indexOf("<class_weight>") + int(sizeof "<class_weight>") - 1;
                     p.insert(p.indexOf("<item>", at) + int(sizeof "<item>") - 1, "1");
                 }),
                 QStringLiteral("does not reproduce the predictions")});
    rows.append({QStringLiteral("self-check probabilities edited"),
                 editModelHeader(good.binary, [](QJsonObject &h) {
                     changeAt(h, QStringLiteral("self_check"), [](QJsonObject &parent, const QString &key) {
                         QJsonObject check = parent.value(key).toObject();
                         QJsonArray proba = check.value(QStringLiteral("proba")).toArray();
                         QJsonArray first = proba.at(0).toArray();
                         first.replace(0, first.at(0).toDouble() + 0.25);
                         proba.replace(0, first);
                         check.insert(QStringLiteral("proba"), proba);
                         parent.insert(key, check);
                     });
                 }),
                 QStringLiteral("does not reproduce the predictions")});
    rows.append({QStringLiteral("header and payload name different classes"),
                 withValue(good.binary, QStringLiteral("classes"), QJsonArray{QStringLiteral("no"), QStringLiteral("yes")}),
                 QStringLiteral("inconsistent")});
    rows.append({QStringLiteral("binary payload replaced by noise"),
                 rebuildModelFile(good.binary, [](QJsonObject &, QByteArray &p) { p.fill('\xAB'); }),
                 QStringLiteral("model data is corrupt")});
    rows.append({QStringLiteral("binary payload cut short, checksums fixed"),
                 rebuildModelFile(good.binary, [](QJsonObject &, QByteArray &p) { p.chop(p.size() / 3); }),
                 QStringLiteral("model data is corrupt")});
    rows.append({QStringLiteral("xml payload cut inside a tag, checksums fixed"),
                 rebuildModelFile(good.xml, [](QJsonObject &, QByteArray &p) { p.chop(p.size() / 2); }),
                 QStringLiteral("model data is corrupt")});
    rows.append({QStringLiteral("text payload with bytes after the archive, checksums fixed"),
                 rebuildModelFile(good.text, [](QJsonObject &, QByteArray &p) { p.append(" 7"); }),
                 QStringLiteral("follow the end of the archive")});
    rows.append({QStringLiteral("xml payload read as a text archive"),
                 rebuildModelFile(good.xml, [](QJsonObject &h, QByteArray &) {
                     QJsonObject archive = h.value(QStringLiteral("archive")).toObject();
                     archive.insert(QStringLiteral("kind"), QStringLiteral("text"));
                     h.insert(QStringLiteral("archive"), archive);
                 }),
                 QStringLiteral("model data is corrupt")});
}

} // namespace

QList<DamagedModelFile> damagedModelFiles(const GoodModelFiles &good)
{
    QList<DamagedModelFile> rows;
    notModelFiles(rows);
    headerFieldsMissing(good.binary, rows);
    headerFieldsMistyped(good.binary, rows);
    headerFieldsOversized(good.binary, rows);
    const QByteArray *files[] = {&good.binary, &good.text, &good.xml};
    for (int kind = 0; kind < 3; ++kind) {
        truncations(*files[kind], kindName(kind), rows);
        flippedBits(*files[kind], kindName(kind), rows);
    }
    hugeCounts(good, rows);
    handEdits(good, rows);
    return rows;
}

} // namespace mb::testing
