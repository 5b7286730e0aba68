// SPDX-License-Identifier: MIT
#include "core/ml/binned_matrix.h"

#include "core/base/parallel.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <random>

namespace mb {

namespace {

// Quantiles from this many rows are as good as from all of them for 255 bins, and sorting
// a million values per feature would dominate binning time.
constexpr std::size_t kEdgeSampleRows = 200'000;

// Rows binned per task: a block's bins (rows x features bytes) stay in L2 while written.
constexpr std::size_t kBlockRows = 8192;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Sorts finite doubles by their bits: an LSD radix sort (six passes of 11 bits over keys
/// that order like the numbers) is several times faster than std::sort on a few hundred
/// thousand values, and sorting is most of the binning time.
void radixSort(std::vector<double> &values)
{
    const std::size_t n = values.size();
    if (n < 1024) {
        std::ranges::sort(values);
        return;
    }
    constexpr int kBits = 11;
    constexpr int kPasses = 6;
    constexpr std::size_t kBuckets = std::size_t(1) << kBits;
    std::vector<std::uint64_t> a(n), b(n);
    std::vector<std::size_t> counts(kPasses * kBuckets, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const auto bits = std::bit_cast<std::uint64_t>(values[i]);
        // Negative numbers: flip every bit; positive: flip the sign bit.
        const std::uint64_t key = (bits >> 63) ? ~bits : bits | (std::uint64_t(1) << 63);
        a[i] = key;
        for (int p = 0; p < kPasses; ++p)
            ++counts[static_cast<std::size_t>(p) * kBuckets + ((key >> (p * kBits)) & (kBuckets - 1))];
    }
    for (int p = 0; p < kPasses; ++p) {
        std::size_t *c = counts.data() + static_cast<std::size_t>(p) * kBuckets;
        if (std::ranges::any_of(std::span(c, kBuckets), [n](std::size_t x) { return x == n; }))
            continue;  // every key has the same digit here
        std::size_t sum = 0;
        for (std::size_t d = 0; d < kBuckets; ++d) {
            const std::size_t count = c[d];
            c[d] = sum;
            sum += count;
        }
        for (std::size_t i = 0; i < n; ++i)
            b[c[(a[i] >> (p * kBits)) & (kBuckets - 1)]++] = a[i];
        a.swap(b);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t key = a[i];
        values[i] = std::bit_cast<double>((key >> 63) ? key & ~(std::uint64_t(1) << 63) : ~key);
    }
}

std::vector<double> computeEdges(std::span<const double> column, std::span<const std::size_t> sample,
                                 int maxBins)
{
    std::vector<double> values;
    values.reserve(sample.empty() ? column.size() : sample.size());
    if (sample.empty()) {
        for (double v : column) {
            if (!std::isnan(v))
                values.push_back(v);
        }
    } else {
        for (std::size_t r : sample) {
            if (!std::isnan(column[r]))
                values.push_back(column[r]);
        }
    }
    radixSort(values);

    std::vector<double> edges;
    if (values.empty())
        return edges;
    std::size_t distinct = 1;
    for (std::size_t i = 1; i < values.size() && distinct <= static_cast<std::size_t>(maxBins); ++i)
        distinct += values[i] != values[i - 1] ? 1 : 0;
    if (distinct <= static_cast<std::size_t>(maxBins)) {
        for (std::size_t i = 1; i < values.size(); ++i) {
            if (values[i] != values[i - 1])
                edges.push_back(values[i - 1] + (values[i] - values[i - 1]) / 2);
        }
        return edges;
    }
    // Quantile edges: close a bin once it holds its share of the values, at the next change
    // of value (equal values never straddle an edge).
    const double perBin = static_cast<double>(values.size()) / maxBins;
    for (std::size_t i = 1; i < values.size(); ++i) {
        if (values[i] == values[i - 1])
            continue;
        if (static_cast<double>(i) >= perBin * static_cast<double>(edges.size() + 1)) {
            edges.push_back(values[i - 1] + (values[i] - values[i - 1]) / 2);
            if (edges.size() + 1 == static_cast<std::size_t>(maxBins))
                break;
        }
    }
    return edges;
}

/// Edges padded with +inf to 255 entries, for a branch-free binary search.
using PaddedEdges = std::array<double, 256>;

/// The number of edges below `v` (= std::lower_bound's index), without data-dependent
/// branches: binning a million values per feature with a branchy search is mostly
/// mispredictions.
inline std::uint8_t searchBin(const PaddedEdges &e, double v)
{
    // The comparison result is added as a number: written as a condition, g++ emits jumps.
    std::size_t pos = 0;
    pos += static_cast<std::size_t>(e[pos + 127] < v) << 7;
    pos += static_cast<std::size_t>(e[pos + 63] < v) << 6;
    pos += static_cast<std::size_t>(e[pos + 31] < v) << 5;
    pos += static_cast<std::size_t>(e[pos + 15] < v) << 4;
    pos += static_cast<std::size_t>(e[pos + 7] < v) << 3;
    pos += static_cast<std::size_t>(e[pos + 3] < v) << 2;
    pos += static_cast<std::size_t>(e[pos + 1] < v) << 1;
    pos += static_cast<std::size_t>(e[pos] < v);
    return static_cast<std::uint8_t>(pos);
}

} // namespace

BinnedMatrix BinnedMatrix::build(const FeatureMatrix &x, std::span<const FeatureInfo> features,
                                 int maxBins, std::uint64_t seed, int threads)
{
    maxBins = std::clamp(maxBins, 2, kMaxBins);
    threads = std::max(threads, 1);
    BinnedMatrix m;
    m.m_rows = x.rows();
    m.m_features = x.cols();
    const std::size_t nf = m.m_features;
    m.m_bins.resize(m.m_rows * nf);
    m.m_binCounts.assign(nf, 1);
    m.m_categorical.assign(nf, 0);
    m.m_edges.resize(nf);
    m.m_binLow.resize(nf);
    m.m_binHigh.resize(nf);

    std::vector<std::size_t> sample;
    if (x.rows() > kEdgeSampleRows) {
        std::mt19937_64 rng(seed);
        sample.resize(x.rows());
        for (std::size_t i = 0; i < sample.size(); ++i)
            sample[i] = i;
        // Partial Fisher-Yates: the first kEdgeSampleRows entries are a uniform sample.
        for (std::size_t i = 0; i < kEdgeSampleRows; ++i) {
            std::uniform_int_distribution<std::size_t> pick(i, sample.size() - 1);
            std::swap(sample[i], sample[pick(rng)]);
        }
        sample.resize(kEdgeSampleRows);
        std::ranges::sort(sample);
    }

    // Edges per feature (the sort is the expensive part, so features run in parallel).
    std::vector<PaddedEdges> padded(nf);
    parallelFor(nf, threads, [&](std::size_t f, int) {
        const bool categorical = f < features.size() && features[f].categorical;
        m.m_categorical[f] = categorical ? 1 : 0;
        if (categorical) {
            m.m_binCounts[f] = std::clamp(features[f].levels, 1, maxBins);
            return;
        }
        m.m_edges[f] = computeEdges(x.column(f), sample, maxBins);
        m.m_binCounts[f] = static_cast<int>(m.m_edges[f].size()) + 1;
        padded[f].fill(kInf);
        std::ranges::copy(m.m_edges[f], padded[f].begin());
    });

    // Bins by blocks of rows, so that each thread writes its own stretch of the row-major
    // matrix (by feature, two threads would share every cache line). Each worker keeps its
    // own per-bin minimum and maximum, merged below.
    const std::size_t blocks = (m.m_rows + kBlockRows - 1) / kBlockRows;
    const int workers = std::max(1, static_cast<int>(std::min<std::size_t>(threads, std::max<std::size_t>(blocks, 1))));
    std::vector<double> lows(static_cast<std::size_t>(workers) * nf * 256, kInf);
    std::vector<double> highs(static_cast<std::size_t>(workers) * nf * 256, -kInf);
    parallelFor(blocks, workers, [&](std::size_t block, int worker) {
        const std::size_t begin = block * kBlockRows;
        const std::size_t end = std::min(m.m_rows, begin + kBlockRows);
        for (std::size_t f = 0; f < nf; ++f) {
            const double *column = x.column(f).data();
            std::uint8_t *out = m.m_bins.data() + f;
            if (m.m_categorical[f]) {
                for (std::size_t r = begin; r < end; ++r)
                    out[r * nf] = m.binOf(f, column[r]);
                continue;
            }
            double *low = lows.data() + (static_cast<std::size_t>(worker) * nf + f) * 256;
            double *high = highs.data() + (static_cast<std::size_t>(worker) * nf + f) * 256;
            const PaddedEdges &e = padded[f];
            for (std::size_t r = begin; r < end; ++r) {
                const double v = column[r];
                if (std::isnan(v)) {
                    out[r * nf] = 0;
                    continue;
                }
                const std::uint8_t b = searchBin(e, v);
                out[r * nf] = b;
                low[b] = std::min(low[b], v);
                high[b] = std::max(high[b], v);
            }
        }
    });
    for (std::size_t f = 0; f < nf; ++f) {
        if (m.m_categorical[f])
            continue;
        const auto bins = static_cast<std::size_t>(m.m_binCounts[f]);
        m.m_binLow[f].assign(bins, kInf);
        m.m_binHigh[f].assign(bins, -kInf);
        for (int w = 0; w < workers; ++w) {
            const double *low = lows.data() + (static_cast<std::size_t>(w) * nf + f) * 256;
            const double *high = highs.data() + (static_cast<std::size_t>(w) * nf + f) * 256;
            for (std::size_t b = 0; b < bins; ++b) {
                m.m_binLow[f][b] = std::min(m.m_binLow[f][b], low[b]);
                m.m_binHigh[f][b] = std::max(m.m_binHigh[f][b], high[b]);
            }
        }
        for (std::size_t b = 0; b < bins; ++b) {
            if (m.m_binLow[f][b] > m.m_binHigh[f][b])
                m.m_binLow[f][b] = m.m_binHigh[f][b] = kNaN;
        }
    }
    return m;
}

double BinnedMatrix::splitThreshold(std::size_t f, int leftBin, int rightBin) const
{
    const double a = binHigh(f, leftBin);
    const double b = binLow(f, rightBin);
    if (std::isnan(a) || std::isnan(b))  // not from training rows: fall back on the edge
        return threshold(f, leftBin);
    const double mid = a + (b - a) / 2;
    if (!std::isfinite(mid)) {
        // Infinite training values: any finite number between a and b does (model files
        // store thresholds as text too, where infinities do not read back).
        const double t = std::isfinite(a) ? a : std::nextafter(b, -kInf);
        return std::isfinite(t) ? t : std::numeric_limits<double>::lowest();
    }
    // With adjacent doubles the midpoint rounds up to b, which would send b left.
    return mid < b ? mid : a;
}

std::uint8_t BinnedMatrix::binOf(std::size_t f, double value) const
{
    if (std::isnan(value))
        return 0;
    if (m_categorical[f]) {
        const double top = m_binCounts[f] - 1;
        return static_cast<std::uint8_t>(std::clamp(value, 0.0, top));
    }
    const std::vector<double> &edges = m_edges[f];
    return static_cast<std::uint8_t>(std::ranges::lower_bound(edges, value) - edges.begin());
}

} // namespace mb
