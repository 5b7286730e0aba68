// SPDX-License-Identifier: MIT
#pragma once
// The ModelBench model file (".mbm"), format version 1; docs/model-format.md has the byte-level
// description. In short, all integers little-endian:
//
//   offset  size  field
//   0       8     magic: 89 4D 42 4D 0D 0A 1A 0A  ("\x89MBM\r\n\x1a\n")
//   8       4     format version (uint32)
//   12      4     header length H in bytes (uint32, at most 16 MiB)
//   16      4     CRC-32C of the header bytes (uint32)
//   20      4     flags (uint32, 0 in version 1)
//   24      H     header: UTF-8 JSON (learner, schema, classes, recipe, metrics, self-check rows,
//                 payload kind, length, CRC-32C, byte order and type sizes)
//   24+H    P     payload: a Boost.Serialization archive (binary without Boost's header, text or
//                 XML) of the input schema and the fitted classifier
//
// The header can be read without Boost; the payload is handed to Boost only after its length and
// checksum match, and every count inside is checked against the bytes that remain.

#include "core/base/error.h"
#include "core/ml/input_schema.h"
#include "core/ml/model.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace mb {

inline constexpr std::uint32_t kModelFormatVersion = 1;
inline constexpr char kModelFileSuffix[] = ".mbm";

enum class ArchiveKind : std::uint8_t { Binary, Text, Xml };

std::string archiveKindName(ArchiveKind kind);  ///< "binary", "text", "xml"
std::optional<ArchiveKind> archiveKindFromName(std::string_view name);

/// Everything the header says, read without touching the payload.
struct ModelFileHeader {
    std::uint32_t formatVersion = 0;
    std::string appVersion;
    std::string created;  ///< ISO 8601, UTC
    std::string algo;
    ArchiveKind archive = ArchiveKind::Binary;
    std::uint64_t payloadBytes = 0;
    std::uint32_t payloadCrc = 0;
    std::uint64_t fileBytes = 0;
    InputSchema schema;
    TrainingRecipe recipe;
    std::map<std::string, double> metrics;
    std::vector<double> probeRows;   ///< row-major, schema.features.size() per row
    std::vector<double> probeProba;  ///< row-major, classes per row
    QByteArray text;                 ///< the header's JSON as stored (for `info --json`)
};

/// A model read back from a file, with what its header said.
struct LoadedModel {
    ModelFileHeader header;
    Model model;
};

/// The bytes of a model file for `model`.
Expected<QByteArray> encodeModelFile(const Model &model, ArchiveKind kind = ArchiveKind::Binary);

/// Writes a model file atomically (QSaveFile): the path holds the complete old or the complete
/// new file, never a partial one; on failure no temporary file is left.
Expected<void> saveModelFile(const QString &path, const Model &model,
                             ArchiveKind kind = ArchiveKind::Binary);

/// Reads and checks the header only (no Boost): magic, version, lengths, header checksum, fields.
Expected<ModelFileHeader> readModelHeader(const QString &path);
Expected<ModelFileHeader> decodeModelHeader(const QByteArray &bytes, const QString &name);

/// Reads, checks and loads a model file: header, payload length and checksum, the payload
/// itself (every failure of any kind becomes an Error), then the self-check. `name` is used in
/// messages (a path, or "catalog:churn:2").
Expected<LoadedModel> loadModelFile(const QString &path);
Expected<LoadedModel> decodeModelFile(const QByteArray &bytes, const QString &name);

} // namespace mb
