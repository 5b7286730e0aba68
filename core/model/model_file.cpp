// SPDX-License-Identifier: MIT
#include "core/model/model_file.h"

#include "core/model/crc32c.h"
#include "core/model/model_header.h"
#include "core/model/model_payload.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>

#include <cmath>
#include <cstring>

namespace mb {

namespace {

constexpr unsigned char kMagic[8] = {0x89, 'M', 'B', 'M', '\r', '\n', 0x1A, '\n'};
constexpr std::size_t kPrefixBytes = 24;
constexpr std::uint32_t kMaxHeaderBytes = 16u << 20;
constexpr qint64 kMaxFileBytes = qint64(4) << 30;
// Probabilities recomputed on open may differ from the stored ones in the last bits on another
// platform (a different libm); a damaged model differs by far more.
constexpr double kSelfCheckTolerance = 1e-9;

void putU32(QByteArray &out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out.append(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::uint32_t getU32(const char *p)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

Error fileError(const QString &name, std::string message, ErrorCode code = ErrorCode::Format,
                std::string field = {})
{
    return Error{code, std::move(message), name.toStdString(), 0, 0, std::move(field)};
}

QString count(std::uint64_t n)
{
    return QLocale(QLocale::English).toString(static_cast<qulonglong>(n));
}

std::vector<double> predictProbes(const Model &model, const std::vector<double> &rows)
{
    const std::size_t width = model.schema().features.size();
    const std::size_t classes = static_cast<std::size_t>(model.classCount());
    std::vector<double> proba;
    if (width == 0)
        return proba;
    proba.resize(rows.size() / width * classes);
    for (std::size_t r = 0; r * width < rows.size(); ++r) {
        model.predictRow(std::span<const double>(rows).subspan(r * width, width),
                         std::span<double>(proba).subspan(r * classes, classes));
    }
    return proba;
}

bool sameSchema(const InputSchema &a, const InputSchema &b)
{
    if (a.features.size() != b.features.size() || a.classes != b.classes || a.targetName != b.targetName)
        return false;
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        if (a.features[i].name != b.features[i].name || a.features[i].categorical != b.features[i].categorical
            || a.features[i].levels != b.features[i].levels)
            return false;
    }
    return true;
}

Expected<QByteArray> readWholeFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return std::unexpected(fileError(path, "The file does not exist.", ErrorCode::Io));
    if (info.isDir())
        return std::unexpected(fileError(path, "This is a folder, not a model file.", ErrorCode::Io));
    if (info.size() > kMaxFileBytes)
        return std::unexpected(fileError(path, "The file is larger than any model file (" + count(info.size()).toStdString()
                                                       + " bytes).", ErrorCode::Format));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(fileError(path, "The file cannot be read: " + file.errorString().toStdString()
                                                       + ". Check that you have permission to read it.",
                                         ErrorCode::Io));
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return std::unexpected(fileError(path, "Reading failed: " + file.errorString().toStdString() + ".", ErrorCode::Io));
    return bytes;
}

} // namespace

std::string archiveKindName(ArchiveKind kind)
{
    switch (kind) {
    case ArchiveKind::Binary:
        return "binary";
    case ArchiveKind::Text:
        return "text";
    case ArchiveKind::Xml:
        return "xml";
    }
    return "binary";
}

std::optional<ArchiveKind> archiveKindFromName(std::string_view name)
{
    if (name == "binary")
        return ArchiveKind::Binary;
    if (name == "text")
        return ArchiveKind::Text;
    if (name == "xml")
        return ArchiveKind::Xml;
    return std::nullopt;
}

Expected<QByteArray> encodeModelFile(const Model &model, ArchiveKind kind)
{
    std::string payload;
    try {
        payload = writePayload(model.schema(), model.classifier(), kind);
    } catch (const std::exception &e) {
        return fail(ErrorCode::Internal, std::string("The model could not be written: ") + e.what());
    }
    const std::uint32_t payloadCrc = crc32c(payload.data(), payload.size());
    const QJsonObject json = headerJson(model, kind, payload.size(), payloadCrc,
                                        predictProbes(model, model.probeRows()));
    const QByteArray header = QJsonDocument(json).toJson(QJsonDocument::Compact);
    if (static_cast<std::uint64_t>(header.size()) > kMaxHeaderBytes)
        return fail(ErrorCode::Usage, "The model's header is larger than 16 MiB (too many features or levels).");

    QByteArray out;
    out.reserve(static_cast<qsizetype>(kPrefixBytes + header.size() + payload.size()));
    out.append(reinterpret_cast<const char *>(kMagic), sizeof kMagic);
    putU32(out, kModelFormatVersion);
    putU32(out, static_cast<std::uint32_t>(header.size()));
    putU32(out, crc32c(header.constData(), static_cast<std::size_t>(header.size())));
    putU32(out, 0);
    out.append(header);
    out.append(payload.data(), static_cast<qsizetype>(payload.size()));
    return out;
}

Expected<void> saveModelFile(const QString &path, const Model &model, ArchiveKind kind)
{
    auto bytes = encodeModelFile(model, kind);
    if (!bytes) {
        bytes.error().file = path.toStdString();
        return std::unexpected(bytes.error());
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return std::unexpected(fileError(path, "The model cannot be saved here: " + file.errorString().toStdString() + ".",
                                         ErrorCode::Io));
    }
    if (file.write(*bytes) != bytes->size() || !file.commit()) {
        const std::string why = file.errorString().toStdString();
        file.cancelWriting();
        return std::unexpected(fileError(path, "Saving the model failed (" + why
                                                       + "); the previous file, if any, is unchanged.",
                                         ErrorCode::Io));
    }
    return {};
}

Expected<ModelFileHeader> decodeModelHeader(const QByteArray &bytes, const QString &name)
{
    const auto size = static_cast<std::uint64_t>(bytes.size());
    if (size == 0)
        return std::unexpected(fileError(name, "The file is empty."));
    // A file cut off inside the signature is a damaged model file, not some other file.
    if (size < sizeof kMagic && std::memcmp(bytes.constData(), kMagic, static_cast<std::size_t>(size)) == 0)
        return std::unexpected(fileError(name, "The model file is incomplete: it ends after " + std::to_string(size)
                                                       + " bytes, inside its fixed header."
                                                       + std::string(kCutOffModelAdvice)));
    if (size < sizeof kMagic || std::memcmp(bytes.constData(), kMagic, sizeof kMagic) != 0) {
        // 0x80 then a protocol number is how a Python pickle starts.
        if (static_cast<unsigned char>(bytes[0]) == 0x80)
            return std::unexpected(fileError(name, "This looks like a Python pickle, not a ModelBench model. "
                                                   "ModelBench never opens pickles: loading one can run any code."));
        return std::unexpected(fileError(name, "This is not a ModelBench model file (it does not start with the "
                                               "model file signature). Choose a .mbm file saved by "
                                               "ModelBench."));
    }
    if (size < kPrefixBytes)
        return std::unexpected(fileError(name, "The model file is incomplete: it ends after " + std::to_string(size)
                                                       + " bytes, inside its fixed header."
                                                       + std::string(kCutOffModelAdvice)));
    const char *p = bytes.constData();
    const std::uint32_t version = getU32(p + 8);
    if (version > kModelFormatVersion) {
        return std::unexpected(fileError(name, "This model was saved by a newer ModelBench (format " + std::to_string(version)
                                                       + "). This version reads formats up to "
                                                       + std::to_string(kModelFormatVersion) + ": please update.",
                                         ErrorCode::Unsupported));
    }
    if (version == 0)
        return std::unexpected(fileError(name, "The model file states format version 0, which does not exist."
                                                       + std::string(kDamagedModelAdvice)));
    const std::uint32_t headerBytes = getU32(p + 12);
    if (headerBytes > kMaxHeaderBytes)
        return std::unexpected(fileError(name, "The model header claims " + count(headerBytes).toStdString()
                                                       + " bytes, more than the 16 MiB a header may have."
                                                       + std::string(kDamagedModelAdvice), ErrorCode::Format, "header"));
    if (size < kPrefixBytes + headerBytes) {
        return std::unexpected(fileError(name, "The model file is incomplete: expected at least "
                                                       + count(kPrefixBytes + headerBytes).toStdString() + " bytes, found "
                                                       + count(size).toStdString() + "." + std::string(kCutOffModelAdvice)));
    }
    if (crc32c(p + kPrefixBytes, headerBytes) != getU32(p + 16))
        return std::unexpected(fileError(name, "The model header is damaged (its checksum does not match)."
                                                       + std::string(kDamagedModelAdvice), ErrorCode::Format, "header"));
    if (getU32(p + 20) != 0)
        return std::unexpected(fileError(name, "The model file uses flags this version does not know.", ErrorCode::Format, "flags"));

    const auto json = JsonTree::parse(std::string_view(p + kPrefixBytes, headerBytes));
    if (!json || json->kind(0) != JsonTree::Kind::Object)
        return std::unexpected(fileError(name, "The model header is not valid JSON." + std::string(kDamagedModelAdvice),
                                         ErrorCode::Format, "header"));
    ModelFileHeader header;
    header.formatVersion = version;
    header.fileBytes = size;
    header.text = bytes.mid(kPrefixBytes, headerBytes);
    if (auto parsed = parseHeaderJson(*json, header); !parsed) {
        Error e = parsed.error();
        e.file = name.toStdString();
        return std::unexpected(e);
    }
    const std::uint64_t expected = kPrefixBytes + headerBytes + header.payloadBytes;
    if (size < expected) {
        return std::unexpected(fileError(name, "The model file is incomplete: expected " + count(expected).toStdString()
                                                       + " bytes, found " + count(size).toStdString()
                                                       + "." + std::string(kCutOffModelAdvice)));
    }
    if (size > expected) {
        return std::unexpected(fileError(name, "The model file has " + count(size - expected).toStdString()
                                                       + " unexpected bytes after its end."));
    }
    return header;
}

Expected<ModelFileHeader> readModelHeader(const QString &path)
{
    auto bytes = readWholeFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    return decodeModelHeader(*bytes, path);
}

Expected<LoadedModel> decodeModelFile(const QByteArray &bytes, const QString &name)
{
    auto header = decodeModelHeader(bytes, name);
    if (!header)
        return std::unexpected(header.error());
    const char *payload = bytes.constData() + (bytes.size() - static_cast<qsizetype>(header->payloadBytes));
    if (crc32c(payload, header->payloadBytes) != header->payloadCrc)
        return std::unexpected(fileError(name, "The model data is damaged: its checksum does not match."
                                                       + std::string(kDamagedModelAdvice), ErrorCode::Format, "payload"));

    auto contents = readPayload(payload, header->payloadBytes, header->archive, header->algo);
    if (!contents) {
        Error e = contents.error();
        e.file = name.toStdString();
        return std::unexpected(e);
    }
    if (!sameSchema(contents->schema, header->schema))
        return std::unexpected(fileError(name, "The model file is inconsistent: its header and its data describe different inputs or classes."));

    Model model(std::move(contents->schema), header->recipe, std::move(contents->classifier));
    model.setMetrics(header->metrics);
    model.setProbeRows(header->probeRows);
    const std::vector<double> again = predictProbes(model, header->probeRows);
    for (std::size_t i = 0; i < again.size(); ++i) {
        const double stored = header->probeProba[i];
        if (!(std::fabs(again[i] - stored) <= kSelfCheckTolerance)) {
            return std::unexpected(fileError(name, "The model does not reproduce the predictions stored with it (self-check "
                                                   "row " + std::to_string(i / header->schema.classes.size() + 1)
                                                           + "): it is damaged or was edited by hand.",
                                             ErrorCode::Format, "self_check"));
        }
    }
    return LoadedModel{std::move(*header), std::move(model)};
}

Expected<LoadedModel> loadModelFile(const QString &path)
{
    auto bytes = readWholeFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    return decodeModelFile(*bytes, path);
}

} // namespace mb
