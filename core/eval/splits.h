// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace mb {

/// Row indices of a train/test split, each list in ascending row order.
struct Split
{
    std::vector<std::size_t> train;
    std::vector<std::size_t> test;
};

/// Stratified holdout: about `testFraction` of each class's rows go to test (at least one row
/// per class that has two or more, and never all of them), shuffled with `seed`. Rows with a
/// negative code are left out. Same `y` and seed: same split on every platform (the shuffle
/// draws from std::mt19937_64 without the implementation-defined std distributions).
Split stratifiedHoldout(std::span<const std::int32_t> y, double testFraction, std::uint64_t seed);

/// Stratified k-fold: each class's shuffled rows are dealt round-robin over the folds, so
/// fold sizes differ by at most one per class. Returns one Split per fold. The deal goes on
/// where the previous class stopped, so total fold sizes differ by at most one too; a class
/// with fewer rows than folds lands in as many folds as it has rows. Rows with a negative
/// code are left out; fewer than 2 folds give an empty result.
std::vector<Split> stratifiedKFold(std::span<const std::int32_t> y, int folds, std::uint64_t seed);

/// A random permutation of 0..n-1 drawn with `seed` (Fisher-Yates on std::mt19937_64), the
/// same on every platform.
std::vector<std::size_t> shuffledIndices(std::size_t n, std::uint64_t seed);

} // namespace mb
