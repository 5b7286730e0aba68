// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/ml/classifier.h"
#include "core/ml/input_schema.h"
#include "core/model/model_file.h"

#include <memory>
#include <string>
#include <string_view>

namespace mb {

/// Ends the messages about model files that are damaged: what a user can do about it.
inline constexpr std::string_view kDamagedModelAdvice
    = " Open an undamaged copy of the file, or save the model again.";
/// Ends the messages about model files that are cut off.
inline constexpr std::string_view kCutOffModelAdvice
    = " It may have been cut off during download: copy or download it again.";

/// The Boost archive inside a model file: the input schema and the fitted classifier. The
/// set of classifier types is closed (one per learner key); nothing else can be loaded.
std::string writePayload(const InputSchema &schema, const Classifier &classifier, ArchiveKind kind);

struct PayloadContents {
    InputSchema schema;
    std::unique_ptr<Classifier> classifier;
};

/// Loads a payload whose length and checksum were already verified. Any failure inside Boost
/// or a learner's loader (bad counts, unexpected end, std::bad_alloc, ...) becomes an Error;
/// bytes left over after the archive are an error too.
Expected<PayloadContents> readPayload(const char *data, std::size_t size, ArchiveKind kind,
                                      std::string_view algo);

} // namespace mb
