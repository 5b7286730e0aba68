// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/feature_matrix.h"
#include "core/ml/training_set.h"

#include <cstdint>
#include <span>
#include <vector>

namespace mb {

/// Features quantised once into at most 255 bins each, stored row-major as uint8
/// (rows x features), for the histogram tree learners (tree, forest, gbt).
///
/// Numeric feature: bin b holds the values in (edge[b-1], edge[b]], so "x <= threshold(f, b)"
/// is exactly "bin(x) <= b" and a split found on bins can be applied to raw values at
/// prediction time without binning. Edges are midpoints between distinct training values
/// (all of them when there are few, else quantiles of a seeded subsample). NaN goes to bin 0.
/// Categorical feature: the bin is the level code (codes above 254 share bin 254).
/// Immutable after build(); safe to read from several threads.
class BinnedMatrix
{
public:
    static constexpr int kMaxBins = 255;

    /// Bins `x`. `maxBins` in [2, 255]. Deterministic for a given seed (whatever `threads`).
    static BinnedMatrix build(const FeatureMatrix &x, std::span<const FeatureInfo> features,
                              int maxBins = kMaxBins, std::uint64_t seed = 0, int threads = 1);

    std::size_t rows() const { return m_rows; }
    std::size_t features() const { return m_features; }
    /// All bins, row-major: data()[r * features() + f].
    const std::uint8_t *data() const { return m_bins.data(); }
    const std::uint8_t *row(std::size_t r) const { return m_bins.data() + r * m_features; }
    std::uint8_t bin(std::size_t r, std::size_t f) const { return m_bins[r * m_features + f]; }

    /// Number of bins feature `f` uses (at least 1).
    int binCount(std::size_t f) const { return m_binCounts[f]; }
    bool isCategorical(std::size_t f) const { return m_categorical[f] != 0; }
    /// Numeric features: the upper edge of bin `b` (b < binCount(f) - 1).
    double threshold(std::size_t f, int b) const { return m_edges[f][static_cast<std::size_t>(b)]; }
    std::span<const double> edges(std::size_t f) const { return m_edges[f]; }

    /// Numeric features: the smallest and largest training value that fell in bin `b`
    /// (NaN when no training value did).
    double binLow(std::size_t f, int b) const { return m_binLow[f][static_cast<std::size_t>(b)]; }
    double binHigh(std::size_t f, int b) const { return m_binHigh[f][static_cast<std::size_t>(b)]; }

    /// The threshold for a split of numeric feature `f` that sends bins <= `leftBin` left and
    /// bins >= `rightBin` right, where the bins in between hold none of the rows being split:
    /// the midpoint between the largest training value in `leftBin` and the smallest in
    /// `rightBin` (as scikit-learn's trees place thresholds). Every training value of bins
    /// <= leftBin is <= the result and every one of bins >= rightBin is > it.
    double splitThreshold(std::size_t f, int leftBin, int rightBin) const;

    /// The bin a raw value falls in (numeric: by the edges; categorical: its code, clamped).
    std::uint8_t binOf(std::size_t f, double value) const;

private:
    std::size_t m_rows = 0;
    std::size_t m_features = 0;
    std::vector<std::uint8_t> m_bins;
    std::vector<int> m_binCounts;
    std::vector<std::uint8_t> m_categorical;  // not vector<bool>: written per feature in parallel
    std::vector<std::vector<double>> m_edges;
    std::vector<std::vector<double>> m_binLow;
    std::vector<std::vector<double>> m_binHigh;
};

} // namespace mb
