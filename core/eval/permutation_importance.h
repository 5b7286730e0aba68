// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/progress.h"
#include "core/ml/model.h"

#include <cstdint>
#include <span>
#include <vector>

namespace mb {

/// Mean drop in accuracy when one feature's column is shuffled, `repeats` times per feature
/// (scikit-learn's permutation_importance), and its standard deviation. Works for any model.
/// `encoded` is a matrix from model.encode(); `truth` holds its rows' class codes (rows with a
/// negative code are not scored). Repeat r shuffles with the permutation drawn from seed + r,
/// so the result is the same for the same inputs. The standard deviation is the population
/// one (numpy's default, as scikit-learn reports). Progress: one step per feature; a cancel
/// returns empty vectors.
struct PermutationImportance
{
    std::vector<double> mean;
    std::vector<double> stddev;
};
PermutationImportance permutationImportance(const Model &model, const FeatureMatrix &encoded,
                                            std::span<const std::int32_t> truth, int repeats,
                                            std::uint64_t seed, const WorkControl &control = {});

} // namespace mb
