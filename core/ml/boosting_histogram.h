// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace mb {

class BinnedMatrix;

/// One row's first and second derivative of the loss. float32 halves the memory traffic of
/// the histogram passes; every sum over rows is kept in double.
struct GradientPair {
    float g = 0;
    float h = 0;
};

/// The sums of some rows: one side of a split, or a whole node.
struct HistogramBin {
    double g = 0;
    double h = 0;
    double count = 0;
};

/// Bins that go left in a categorical split: one bit per bin (BinnedMatrix has at most 255).
using CategorySet = std::array<std::uint64_t, 4>;

inline bool categoryInSet(const CategorySet &set, unsigned bin)
{
    return (set[bin >> 6] >> (bin & 63)) & 1U;
}

/// The best split of one node found on its histogram.
struct SplitCandidate {
    double gain = 0;
    std::int32_t feature = -1;  ///< -1: no split satisfies the constraints
    std::int32_t bin = 0;       ///< numeric: rows with bin <= `bin` go left
    bool categorical = false;
    CategorySet leftSet{};      ///< categorical: the bins that go left
    HistogramBin left, right;   ///< totals of each side

    bool valid() const { return feature >= 0; }
    bool goesLeft(std::uint8_t b) const { return categorical ? categoryInSet(leftSet, b) : b <= bin; }
};

/// The constraints and the regularisation that decide which splits count.
struct SplitRules {
    int minSamplesLeaf = 20;
    double l2 = 0;
    /// Each side needs at least this much hessian (scikit-learn's min_hessian_to_split).
    double minHessian = 1e-3;
};

/// One node's histogram: per bin the sums of g and h (interleaved doubles) and the number of
/// rows. Two flat arrays, so adding and subtracting histograms vectorise and a row's update
/// of a bin is one 16-byte add plus one integer increment.
struct NodeHistogram {
    std::vector<double> gh;
    std::vector<std::uint32_t> count;
};

/// Gradient histograms for one boosting fit: the layout (each feature's bins laid end to end)
/// plus the kernels that build, subtract and search them. Not thread-safe: build() uses
/// scratch space owned by the object (and parallelFor inside).
class BoostingHistogram
{
public:
    BoostingHistogram(const BinnedMatrix &bins, SplitRules rules, int threads);

    /// Bins in one node histogram (the sum of every feature's bin count).
    std::size_t size() const { return m_size; }

    /// Sums `gh` over `rows` into `out`. Large nodes are cut into row blocks whose boundaries
    /// depend only on the number of rows; each block sums into its own histogram and the
    /// blocks are added in block order, so the result is the same whatever the number of
    /// threads. `knownCounts`, when given, are the rows' bin counts (the root's are the same
    /// for every tree) and are copied rather than counted.
    void build(std::span<const std::uint32_t> rows, const GradientPair *gh, NodeHistogram &out,
               std::span<const std::uint32_t> knownCounts = {});

    /// parentAndOut -= child, bin by bin: the sibling's histogram without a pass over its rows.
    void subtract(NodeHistogram &parentAndOut, const NodeHistogram &child) const;

    /// The node totals (sums over feature 0's bins).
    HistogramBin total(const NodeHistogram &hist) const;

    /// The split of highest gain over every feature (ties: the lower feature, then the lower
    /// bin), honouring the rules; gain = GL^2/(HL+l2) + GR^2/(HR+l2) - G^2/(H+l2).
    SplitCandidate bestSplit(const NodeHistogram &hist, const HistogramBin &total) const;

private:
    template<bool kCount>
    void accumulate(std::span<const std::uint32_t> rows, const GradientPair *gh, NodeHistogram &out) const;
    void scanNumeric(const NodeHistogram &hist, std::size_t feature, const HistogramBin &total,
                     double parentScore, SplitCandidate &best) const;
    void scanCategorical(const NodeHistogram &hist, std::size_t feature, const HistogramBin &total,
                         double parentScore, SplitCandidate &best) const;

    const std::uint8_t *m_bins = nullptr;
    std::size_t m_features = 0;
    std::size_t m_size = 0;
    std::vector<std::uint32_t> m_offsets;  // first bin of each feature
    std::vector<int> m_binCounts;
    std::vector<std::uint8_t> m_categorical;
    SplitRules m_rules;
    int m_threads = 1;
    std::vector<NodeHistogram> m_blockScratch;  // one histogram per extra row block
};

} // namespace mb
