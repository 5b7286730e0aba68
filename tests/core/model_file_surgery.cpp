// SPDX-License-Identifier: MIT
#include "tests/core/model_file_surgery.h"

#include "core/model/crc32c.h"

#include <QJsonDocument>

namespace mb::testing {

namespace {

QString hex8(std::uint32_t value)
{
    return QStringLiteral("%1").arg(value, 8, 16, QLatin1Char('0'));
}

std::uint32_t crcOf(const QByteArray &bytes)
{
    return crc32c(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

/// Puts prefix, header and payload together, the header's length and CRC written into the prefix.
QByteArray assemble(QByteArray prefix, const QJsonObject &header, const QByteArray &payload)
{
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    writeU32(prefix, 12, static_cast<std::uint32_t>(json.size()));
    writeU32(prefix, 16, crcOf(json));
    return prefix + json + payload;
}

} // namespace

std::uint32_t readU32(const QByteArray &bytes, int at)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
}

void writeU32(QByteArray &bytes, int at, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

int headerLength(const QByteArray &file)
{
    return file.size() < kPrefixBytes ? 0 : static_cast<int>(readU32(file, 12));
}

QByteArray editModelHeader(const QByteArray &file, const std::function<void(QJsonObject &)> &edit)
{
    const int headerBytes = headerLength(file);
    QJsonObject header = QJsonDocument::fromJson(file.mid(kPrefixBytes, headerBytes)).object();
    edit(header);
    return assemble(file.left(kPrefixBytes), header, file.mid(kPrefixBytes + headerBytes));
}

QByteArray rebuildModelFile(const QByteArray &file,
                            const std::function<void(QJsonObject &, QByteArray &)> &edit, bool fixChecksums)
{
    const int headerBytes = headerLength(file);
    QJsonObject header = QJsonDocument::fromJson(file.mid(kPrefixBytes, headerBytes)).object();
    QByteArray payload = file.mid(kPrefixBytes + headerBytes);
    const QString oldCrc = header.value(QLatin1String("archive")).toObject().value(QLatin1String("crc32c")).toString();
    edit(header, payload);
    QJsonObject archive = header.value(QLatin1String("archive")).toObject();
    if (!archive.isEmpty()) {  // an edit may have removed it on purpose
        archive.insert(QLatin1String("bytes"), payload.size());
        archive.insert(QLatin1String("crc32c"), fixChecksums ? hex8(crcOf(payload)) : oldCrc);
        header.insert(QLatin1String("archive"), archive);
    }
    return assemble(file.left(kPrefixBytes), header, payload);
}

std::optional<QByteArray> resealModelFile(const QByteArray &bytes)
{
    if (bytes.size() < kPrefixBytes)
        return std::nullopt;
    const qint64 headerBytes = readU32(bytes, 12);
    if (headerBytes > bytes.size() - kPrefixBytes)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.mid(kPrefixBytes, headerBytes));
    if (!doc.isObject())
        return std::nullopt;
    QJsonObject header = doc.object();
    const QByteArray payload = bytes.mid(kPrefixBytes + headerBytes);
    if (header.value(QLatin1String("archive")).isObject()) {
        QJsonObject archive = header.value(QLatin1String("archive")).toObject();
        archive.insert(QLatin1String("bytes"), payload.size());
        archive.insert(QLatin1String("crc32c"), hex8(crcOf(payload)));
        header.insert(QLatin1String("archive"), archive);
    }
    return assemble(bytes.left(kPrefixBytes), header, payload);
}

} // namespace mb::testing
