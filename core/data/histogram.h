// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace mb {

/// Counts of a numeric column's present values in equal-width bins over [min, max].
/// Bin i covers [edge(i), edge(i + 1)); the last bin also holds max. When every present
/// value is equal there is a single bin; when none is present, no bin.
struct Histogram
{
    double min = 0;
    double max = 0;
    std::vector<std::size_t> counts;

    double binWidth() const { return counts.empty() ? 0 : (max - min) / double(counts.size()); }
    double edge(std::size_t i) const { return min + binWidth() * double(i); }
};

/// Builds a histogram of `values` (NaN = missing, skipped) with `bins` bins (at least 1).
Histogram computeHistogram(std::span<const double> values, std::size_t bins);

} // namespace mb
