// SPDX-License-Identifier: MIT
#include "core/ml/boosting_histogram.h"

#include "core/ml/binned_matrix.h"
#include "core/base/parallel.h"

#include <algorithm>

namespace mb {

namespace {

// Nodes are cut into blocks of at least this many rows: a thread must have enough work to
// be worth starting (and, on a busy machine, waiting for).
constexpr std::size_t kBlockRows = 16384;
// More blocks than cores only add reduction work; eight covers the machines we ship to.
constexpr std::size_t kMaxBlocks = 8;
// Two doubles in one SSE2 / NEON register (GCC and Clang vector extension), at the alignment
// of double so that it can point into a vector<double>.
using Pair = double __attribute__((vector_size(16), aligned(8)));
// How far ahead accumulate() prefetches rows (about one memory latency of work).
constexpr std::size_t kPrefetchRows = 32;

// Categorical splits (as in LightGBM and scikit-learn): categories seen in fewer rows than
// this are not ordered (they stay right), and the ordering key G / (H + kCategorySmooth)
// keeps rare categories from looking extreme.
constexpr std::uint32_t kMinCategorySupport = 10;
constexpr double kCategorySmooth = 10;
// At most this many categories go left, counted from either end of the order.
constexpr int kMaxCategoryThreshold = 32;

} // namespace

BoostingHistogram::BoostingHistogram(const BinnedMatrix &bins, SplitRules rules, int threads)
    : m_bins(bins.data())
    , m_features(bins.features())
    , m_rules(rules)
    , m_threads(std::max(threads, 1))
{
    m_offsets.resize(m_features);
    m_binCounts.resize(m_features);
    m_categorical.resize(m_features);
    std::uint32_t next = 0;
    for (std::size_t f = 0; f < m_features; ++f) {
        m_offsets[f] = next;
        m_binCounts[f] = bins.binCount(f);
        m_categorical[f] = bins.isCategorical(f) ? 1 : 0;
        next += static_cast<std::uint32_t>(m_binCounts[f]);
    }
    m_size = next;
}

template<bool kCount>
void BoostingHistogram::accumulate(std::span<const std::uint32_t> rows, const GradientPair *gh,
                                   NodeHistogram &out) const
{
    const std::size_t features = m_features;
    const std::uint8_t *__restrict bins = m_bins;
    const std::uint32_t *__restrict offsets = m_offsets.data();
    // g and h travel as one pair: a single 16-byte add per bin, where two scalar adds would
    // each load and store on their own.
    Pair *__restrict sums = reinterpret_cast<Pair *>(out.gh.data());
    std::uint32_t *__restrict counts = out.count.data();
    const std::size_t n = rows.size();
    for (std::size_t i = 0; i < n; ++i) {
        // Below the root a node's rows are scattered over the bin matrix: ask for the row
        // needed a few iterations ahead so its cache line arrives in time.
        if (i + kPrefetchRows < n) {
            const std::uint32_t ahead = rows[i + kPrefetchRows];
            const std::uint8_t *line = bins + static_cast<std::size_t>(ahead) * features;
            __builtin_prefetch(line);
            __builtin_prefetch(line + features - 1);  // a row may straddle two cache lines
            __builtin_prefetch(gh + ahead);
        }
        const std::uint32_t r = rows[i];
        const std::uint8_t *__restrict rowBins = bins + static_cast<std::size_t>(r) * features;
        const Pair add = {gh[r].g, gh[r].h};
        std::size_t f = 0;
        for (; f + 4 <= features; f += 4) {  // unrolled: the loop control costs as much as an update
            const std::size_t b0 = offsets[f] + rowBins[f];
            const std::size_t b1 = offsets[f + 1] + rowBins[f + 1];
            const std::size_t b2 = offsets[f + 2] + rowBins[f + 2];
            const std::size_t b3 = offsets[f + 3] + rowBins[f + 3];
            sums[b0] += add;
            if constexpr (kCount)
                ++counts[b0];
            sums[b1] += add;
            if constexpr (kCount)
                ++counts[b1];
            sums[b2] += add;
            if constexpr (kCount)
                ++counts[b2];
            sums[b3] += add;
            if constexpr (kCount)
                ++counts[b3];
        }
        for (; f < features; ++f) {
            const std::size_t b = offsets[f] + rowBins[f];
            sums[b] += add;
            if constexpr (kCount)
                ++counts[b];
        }
    }
}

void BoostingHistogram::build(std::span<const std::uint32_t> rows, const GradientPair *gh,
                              NodeHistogram &out, std::span<const std::uint32_t> knownCounts)
{
    const bool count = knownCounts.empty();
    auto sum = [&](std::span<const std::uint32_t> part, NodeHistogram &dst) {
        dst.gh.assign(2 * m_size, 0.0);
        dst.count.resize(m_size);
        if (count) {
            std::fill(dst.count.begin(), dst.count.end(), 0);
            accumulate<true>(part, gh, dst);
        } else {
            accumulate<false>(part, gh, dst);
        }
    };
    const std::size_t n = rows.size();
    const std::size_t blocks = std::clamp<std::size_t>(n / kBlockRows, 1, kMaxBlocks);
    if (blocks == 1) {
        sum(rows, out);
    } else {
        m_blockScratch.resize(blocks - 1);
        parallelFor(blocks, m_threads, [&](std::size_t b, int) {
            const std::size_t begin = n * b / blocks;
            const std::size_t end = n * (b + 1) / blocks;
            sum(rows.subspan(begin, end - begin), b == 0 ? out : m_blockScratch[b - 1]);
        });
        // Fixed order of addition: the same sums for any number of threads.
        for (std::size_t b = 1; b < blocks; ++b) {
            const NodeHistogram &src = m_blockScratch[b - 1];
            for (std::size_t i = 0; i < 2 * m_size; ++i)
                out.gh[i] += src.gh[i];
            if (count)
                for (std::size_t i = 0; i < m_size; ++i)
                    out.count[i] += src.count[i];
        }
    }
    if (!count)
        std::copy(knownCounts.begin(), knownCounts.end(), out.count.begin());
}

void BoostingHistogram::subtract(NodeHistogram &parentAndOut, const NodeHistogram &child) const
{
    double *__restrict gh = parentAndOut.gh.data();
    const double *__restrict childGh = child.gh.data();
    for (std::size_t i = 0; i < 2 * m_size; ++i)
        gh[i] -= childGh[i];
    std::uint32_t *__restrict count = parentAndOut.count.data();
    const std::uint32_t *__restrict childCount = child.count.data();
    for (std::size_t i = 0; i < m_size; ++i)
        count[i] -= childCount[i];
}

HistogramBin BoostingHistogram::total(const NodeHistogram &hist) const
{
    HistogramBin sum;
    if (m_features == 0)
        return sum;
    for (std::size_t b = 0; b < static_cast<std::size_t>(m_binCounts[0]); ++b) {
        sum.g += hist.gh[2 * b];
        sum.h += hist.gh[2 * b + 1];
        sum.count += hist.count[b];
    }
    return sum;
}

SplitCandidate BoostingHistogram::bestSplit(const NodeHistogram &hist, const HistogramBin &total) const
{
    SplitCandidate best;
    const double minLeaf = m_rules.minSamplesLeaf;
    if (total.count < 2 * minLeaf || total.h < 2 * m_rules.minHessian)
        return best;
    const double parentScore = total.g * total.g / (total.h + m_rules.l2);
    for (std::size_t f = 0; f < m_features; ++f) {
        if (m_binCounts[f] < 2)
            continue;
        if (m_categorical[f])
            scanCategorical(hist, f, total, parentScore, best);
        else
            scanNumeric(hist, f, total, parentScore, best);
    }
    return best;
}

void BoostingHistogram::scanNumeric(const NodeHistogram &hist, std::size_t feature,
                                    const HistogramBin &total, double parentScore,
                                    SplitCandidate &best) const
{
    // Locals, not members: the compiler cannot tell that writes to `best` leave them alone.
    const double minLeaf = m_rules.minSamplesLeaf;
    const double minHessian = m_rules.minHessian;
    const double l2 = m_rules.l2;
    const double *gh = hist.gh.data() + 2 * static_cast<std::size_t>(m_offsets[feature]);
    const std::uint32_t *count = hist.count.data() + m_offsets[feature];
    const int bins = m_binCounts[feature];
    double bestGain = best.gain;
    int bestBin = -1;
    HistogramBin left, bestLeft;
    for (int b = 0; b + 1 < bins; ++b) {
        // An empty bin splits the node as the bin before it did and cannot win the tie; it is
        // scored anyway, as a test for it would be mispredicted in sparse histograms.
        left.g += gh[2 * b];
        left.h += gh[2 * b + 1];
        left.count += count[b];
        if (left.count < minLeaf)
            continue;
        if (total.count - left.count < minLeaf)
            break;  // only shrinks from here
        const double rightH = total.h - left.h;
        if (left.h < minHessian || rightH < minHessian)
            continue;
        // gain = GL^2/dL + GR^2/dR - parent beats the best only if GL^2 dR + GR^2 dL exceeds
        // (best + parent) dL dR (both d > 0): a test without division, loosened by far more
        // than its rounding so that it never rejects a winner. The division only runs for
        // the few candidates that pass, and decides.
        const double rightG = total.g - left.g;
        const double dL = left.h + l2;
        const double dR = rightH + l2;
        const double lhs = left.g * left.g * dR + rightG * rightG * dL;
        if (lhs < (bestGain + parentScore) * dL * dR * (1 - 1e-9))
            continue;
        const double gain = left.g * left.g / dL + rightG * rightG / dR - parentScore;
        if (gain > bestGain) {
            bestGain = gain;
            bestBin = b;
            bestLeft = left;
        }
    }
    if (bestBin < 0)
        return;
    best.gain = bestGain;
    best.feature = static_cast<std::int32_t>(feature);
    best.bin = bestBin;
    best.categorical = false;
    best.left = bestLeft;
    best.right = {total.g - bestLeft.g, total.h - bestLeft.h, total.count - bestLeft.count};
}

void BoostingHistogram::scanCategorical(const NodeHistogram &hist, std::size_t feature,
                                        const HistogramBin &total, double parentScore,
                                        SplitCandidate &best) const
{
    const double minLeaf = m_rules.minSamplesLeaf;
    const double minHessian = m_rules.minHessian;
    const double l2 = m_rules.l2;
    const double *gh = hist.gh.data() + 2 * static_cast<std::size_t>(m_offsets[feature]);
    const std::uint32_t *count = hist.count.data() + m_offsets[feature];
    const int bins = m_binCounts[feature];
    // The categories with enough rows, ordered by their Newton step: the best split into two
    // groups of such an order is a prefix (Fisher 1958, as LightGBM and scikit-learn use it).
    std::array<std::uint8_t, 256> order{};
    std::array<double, 256> key{};
    int m = 0;
    for (int b = 0; b < bins; ++b) {
        if (count[b] >= kMinCategorySupport) {
            order[static_cast<std::size_t>(m++)] = static_cast<std::uint8_t>(b);
            key[static_cast<std::size_t>(b)] = gh[2 * b] / (gh[2 * b + 1] + kCategorySmooth);
        }
    }
    if (m < 2)
        return;
    std::stable_sort(order.begin(), order.begin() + m,
                     [&](std::uint8_t a, std::uint8_t b) { return key[a] < key[b]; });
    const int limit = std::min(m - 1, kMaxCategoryThreshold);
    for (int direction = 0; direction < 2; ++direction) {
        auto category = [&](int j) {
            return static_cast<std::size_t>(order[static_cast<std::size_t>(direction == 0 ? j : m - 1 - j)]);
        };
        HistogramBin left;
        for (int j = 0; j < limit; ++j) {
            const std::size_t b = category(j);
            left.g += gh[2 * b];
            left.h += gh[2 * b + 1];
            left.count += count[b];
            const double rightCount = total.count - left.count;
            if (left.count < minLeaf || rightCount < minLeaf)
                continue;
            const double rightH = total.h - left.h;
            if (left.h < minHessian || rightH < minHessian)
                continue;
            const double rightG = total.g - left.g;
            const double gain = left.g * left.g / (left.h + l2) + rightG * rightG / (rightH + l2) - parentScore;
            if (gain > best.gain) {
                best.gain = gain;
                best.feature = static_cast<std::int32_t>(feature);
                best.bin = 0;
                best.categorical = true;
                best.leftSet = {};
                for (int i = 0; i <= j; ++i) {
                    const std::size_t c = category(i);
                    best.leftSet[c >> 6] |= std::uint64_t(1) << (c & 63);
                }
                best.left = left;
                best.right = {rightG, rightH, rightCount};
            }
        }
    }
}

} // namespace mb
