// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/ml/classifier.h"
#include "core/ml/param_spec.h"

#include <memory>
#include <span>
#include <string_view>

namespace mb {

/// A learner as the GUI, the CLI and model files know it: a stable key, words for people,
/// its parameter table and a factory.
struct LearnerInfo {
    std::string_view key;          ///< "tree", "forest", "gbt", "logreg", "knn", "nb"
    std::string_view name;         ///< "Decision tree"
    std::string_view description;  ///< one line
    std::span<const ParamSpec> (*params)();
    std::unique_ptr<Classifier> (*create)(std::span<const ParamValue> values);
    /// Whether the model imputes missing values before this learner sees them.
    bool needsImputation = true;
};

/// Every learner, in the order the GUI lists them.
std::span<const LearnerInfo> learners();

/// The learner with `key`, or nullptr.
const LearnerInfo *findLearner(std::string_view key);

/// Validates `values` against the learner's parameter table and makes an unfitted classifier.
/// Unknown keys, unknown parameter names and bad values give ErrorCode::Usage with the valid
/// range in the message.
Expected<std::unique_ptr<Classifier>> makeClassifier(std::string_view key, const ParamValues &values);

} // namespace mb
