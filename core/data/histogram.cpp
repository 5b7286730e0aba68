// SPDX-License-Identifier: MIT
#include "core/data/histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mb {

Histogram computeHistogram(std::span<const double> values, std::size_t bins)
{
    Histogram h;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (lo > hi)
        return h;
    h.min = lo;
    h.max = hi;
    const std::size_t n = (hi > lo && std::isfinite(hi - lo)) ? std::max<std::size_t>(bins, 1) : 1;
    h.counts.assign(n, 0);
    const double scale = n > 1 ? double(n) / (hi - lo) : 0.0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        const auto bin = static_cast<std::size_t>((v - lo) * scale);
        ++h.counts[std::min(bin, n - 1)];
    }
    return h;
}

} // namespace mb
