// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/parallel.h"
#include "core/base/progress.h"
#include "core/ml/feature_matrix.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mb {

/// What a learner knows about one input column.
struct FeatureInfo {
    std::string name;
    bool categorical = false;
    int levels = 0;  ///< categorical: number of training levels (codes are 0..levels-1)
};

/// A learner's training input: features, class codes 0..classCount-1 and optional weights.
/// Non-owning: the caller keeps the referenced data alive during fit().
struct TrainingSet {
    const FeatureMatrix *x = nullptr;
    std::span<const std::int32_t> y;
    int classCount = 0;
    std::span<const FeatureInfo> features;
    std::span<const double> weights;  ///< empty: every row weighs 1
};

/// Progress, cancel, seed and threads for one fit. Same seed and thread count: same model.
struct FitControl : WorkControl {
    std::uint64_t seed = 0;
    int threads = 0;  ///< 0 = every core
};

} // namespace mb
