// SPDX-License-Identifier: MIT
#include "core/eval/splits.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace mb {

namespace {

/// A uniform draw in [0, n) by rejection: std::uniform_int_distribution differs between
/// standard libraries, and a split must be the same wherever a model file is reproduced.
std::uint64_t drawBelow(std::mt19937_64 &rng, std::uint64_t n)
{
    const std::uint64_t threshold = (0 - n) % n; // 2^64 mod n: the biased low range
    for (;;) {
        const std::uint64_t r = rng();
        if (r >= threshold)
            return r % n;
    }
}

void shuffle(std::vector<std::size_t> &rows, std::mt19937_64 &rng)
{
    for (std::size_t i = rows.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(drawBelow(rng, i));
        std::swap(rows[i - 1], rows[j]);
    }
}

/// Each class's rows in ascending order, then shuffled; classes in code order.
std::vector<std::vector<std::size_t>> shuffledByClass(std::span<const std::int32_t> y,
                                                      std::uint64_t seed)
{
    std::int32_t maxCode = -1;
    for (std::int32_t code : y)
        maxCode = std::max(maxCode, code);
    std::vector<std::vector<std::size_t>> byClass(static_cast<std::size_t>(maxCode + 1));
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (y[i] >= 0)
            byClass[static_cast<std::size_t>(y[i])].push_back(i);
    }
    std::mt19937_64 rng(seed);
    for (auto &rows : byClass)
        shuffle(rows, rng);
    return byClass;
}

} // namespace

Split stratifiedHoldout(std::span<const std::int32_t> y, double testFraction, std::uint64_t seed)
{
    Split split;
    const double fraction = std::isnan(testFraction) ? 0.0 : std::clamp(testFraction, 0.0, 1.0);
    for (const auto &rows : shuffledByClass(y, seed)) {
        const std::size_t n = rows.size();
        std::size_t nTest = 0;
        if (n >= 2 && fraction > 0) {
            const auto wanted
                = static_cast<std::size_t>(std::llround(fraction * static_cast<double>(n)));
            // A class must be seen in both parts to be learned and measured.
            nTest = std::clamp<std::size_t>(wanted, 1, n - 1);
        }
        split.test.insert(split.test.end(), rows.begin(),
                          rows.begin() + static_cast<std::ptrdiff_t>(nTest));
        split.train.insert(split.train.end(), rows.begin() + static_cast<std::ptrdiff_t>(nTest),
                           rows.end());
    }
    std::ranges::sort(split.train);
    std::ranges::sort(split.test);
    return split;
}

std::vector<Split> stratifiedKFold(std::span<const std::int32_t> y, int folds, std::uint64_t seed)
{
    if (folds < 2)
        return {};
    const auto k = static_cast<std::size_t>(folds);
    std::vector<std::size_t> foldOf(y.size(), k); // k: not in any fold (no class)
    std::size_t next = 0;
    for (const auto &rows : shuffledByClass(y, seed)) {
        for (std::size_t r : rows) {
            foldOf[r] = next;
            next = (next + 1) % k;
        }
    }
    std::vector<Split> splits(k);
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (foldOf[i] == k)
            continue;
        for (std::size_t f = 0; f < k; ++f)
            (f == foldOf[i] ? splits[f].test : splits[f].train).push_back(i);
    }
    return splits;
}

std::vector<std::size_t> shuffledIndices(std::size_t n, std::uint64_t seed)
{
    std::vector<std::size_t> rows(n);
    for (std::size_t i = 0; i < n; ++i)
        rows[i] = i;
    std::mt19937_64 rng(seed);
    shuffle(rows, rng);
    return rows;
}

} // namespace mb
