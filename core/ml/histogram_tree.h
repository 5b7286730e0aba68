// SPDX-License-Identifier: MIT
#pragma once
// The CART grower shared by the decision tree and the random forest: splits are searched on
// the bins of a BinnedMatrix with class-weight histograms, never on sorted raw values.

#include "core/base/error.h"
#include "core/ml/binned_matrix.h"
#include "core/ml/param_spec.h"
#include "core/ml/training_set.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace mb {

enum class SplitCriterion : std::uint8_t { Gini, Entropy };

/// How a tree grows (scikit-learn's meanings).
struct TreeGrowth {
    SplitCriterion criterion = SplitCriterion::Gini;
    int maxDepth = 0;  ///< 0: unlimited
    int minSamplesSplit = 2;
    int minSamplesLeaf = 1;
    int maxFeatures = 0;  ///< features drawn at each node; 0 or >= the feature count: all
};

/// A tree as grown, before pruning and flattening: every node, internal ones included, with its
/// weighted class counts and impurity, in pre-order (the left child of node i is i + 1).
struct GrownTree {
    static constexpr std::int32_t kLeaf = -1;
    /// Words of a categorical split's level set: 256 bits, one per bin.
    static constexpr int kCatWords = 8;

    int classCount = 0;
    std::vector<std::int32_t> feature;   ///< split feature, or kLeaf
    std::vector<std::int32_t> right;     ///< right child (internal nodes)
    std::vector<std::uint8_t> splitBin;  ///< numeric split: bins <= splitBin go left
    std::vector<double> threshold;       ///< numeric split: raw values <= threshold go left
    std::vector<std::int32_t> catSet;    ///< categorical split: first word in catBits, else -1
    std::vector<std::uint32_t> catBits;  ///< bit b of a set: bin (level) b goes left
    std::vector<double> impurity;        ///< Gini, or entropy in bits
    std::vector<double> weight;          ///< weighted rows reaching the node
    std::vector<double> classWeights;    ///< classCount per node

    std::size_t size() const { return feature.size(); }
    bool isLeaf(std::size_t node) const { return feature[node] == kLeaf; }
    /// Whether a row with these bins goes to the left child of internal node `node`.
    bool goesLeft(std::size_t node, const std::uint8_t *binnedRow) const
    {
        const std::uint8_t b = binnedRow[feature[node]];
        const std::int32_t set = catSet[node];
        if (set < 0)
            return b <= splitBin[node];
        return (catBits[static_cast<std::size_t>(set) + (b >> 5)] >> (b & 31)) & 1u;
    }
    /// Whether a row whose value of the split feature is `value` goes left at internal node
    /// `node`, as the flattened tree decides for raw values (thresholds, level sets).
    bool goesLeftValue(std::size_t node, double value) const
    {
        const std::int32_t set = catSet[node];
        if (set < 0)
            return value <= threshold[node];
        const int b = std::isnan(value) ? 0 : static_cast<int>(std::clamp(value, 0.0, 254.0));
        return (catBits[static_cast<std::size_t>(set) + static_cast<std::size_t>(b >> 5)] >> (b & 31)) & 1u;
    }
    /// The class with the largest weight at `node` (the lowest code among ties).
    std::int32_t majorityClass(std::size_t node) const;
    /// Mean decrease in impurity per feature (weighted by the rows reaching each split),
    /// counting only the splits `keep` allows (empty: all); not normalised.
    std::vector<double> impurityDecrease(std::size_t featureCount, std::span<const std::uint8_t> keep = {}) const;
};

/// Grows CART trees on one BinnedMatrix. Depth-first with an explicit stack of row ranges; an array of
/// the rows (with their labels and weights) is partitioned in place. A node's split search builds class-weight
/// histograms of its rows per feature (then scans <= 255 bins), or sorts the few rows of a
/// small node by bin, whichever costs less. When every feature is searched at every node, a
/// child's histograms come from its parent's minus its sibling's (histogram subtraction).
/// Categorical features split on a subset of levels (see the .cpp).
/// Holds scratch space reused between trees: one grower per thread.
class HistogramTreeGrower
{
public:
    /// Called every few thousand nodes with the fraction of rows settled in leaves; returning
    /// false stops the growth.
    using Tick = std::function<bool(double fraction)>;

    HistogramTreeGrower(const BinnedMatrix &bins, std::span<const std::int32_t> y, int classCount,
                        const TreeGrowth &growth);
    ~HistogramTreeGrower();
    HistogramTreeGrower(const HistogramTreeGrower &) = delete;
    HistogramTreeGrower &operator=(const HistogramTreeGrower &) = delete;

    /// Grows a tree on `rows`, each weighing weights[row] (> 0; indexed by row of the
    /// BinnedMatrix). `seed` drives the feature draws. nullopt when `tick` stopped it.
    std::optional<GrownTree> grow(std::span<const std::uint32_t> rows, std::span<const double> weights,
                                  std::uint64_t seed, const Tick &tick = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Forwards progress reported from several threads, dropping any fraction below one already
/// reported, so that the listener sees a monotone sequence.
class MonotoneProgress
{
public:
    explicit MonotoneProgress(const FitControl &control) : m_control(control) {}
    void report(double fraction)
    {
        std::lock_guard lock(m_mutex);
        if (fraction <= m_last)
            return;
        m_last = fraction;
        m_control.progress(fraction);
    }

private:
    const FitControl &m_control;
    std::mutex m_mutex;
    double m_last = -1;
};

/// Checks what every tree learner needs of its input (rows, matching labels in range).
Expected<void> checkTreeInput(const TrainingSet &data);

/// Per row: the sample weight (1 when none) times, when `balanced`, n / (classes present x
/// rows of the row's class), as scikit-learn's class_weight="balanced".
std::vector<double> treeRowWeights(const TrainingSet &data, bool balanced);

/// max_features as scikit-learn reads it: "none" (all), "sqrt", "log2", a count (>= 1) or a
/// fraction of the features (< 1); at least 1.
int resolveMaxFeatures(const ParamValue &value, std::size_t featureCount);

/// max_depth: "none" is 0 (unlimited).
int resolveMaxDepth(const ParamValue &value);

} // namespace mb
