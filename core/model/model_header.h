// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/json_tree.h"
#include "core/model/model_file.h"

#include <QJsonObject>

namespace mb {

/// The JSON header of a model file: built from a model and its payload facts, and parsed back
/// with every field checked (type, size) so that a hostile header gives a message, not a crash.
QJsonObject headerJson(const Model &model, ArchiveKind kind, std::uint64_t payloadBytes,
                       std::uint32_t payloadCrc, const std::vector<double> &probeProba);

/// Fills every field of `header` but fileBytes, formatVersion and text from `json` (whose
/// "format_version" must equal header.formatVersion, read from the file's prefix);
/// `error.field` names a bad field.
Expected<void> parseHeaderJson(const JsonTree &json, ModelFileHeader &header);

} // namespace mb
