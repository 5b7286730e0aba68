// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/feature_matrix.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace mb {

class BinnedMatrix;
struct GrownRegressionTree;

/// The fitted trees of a boosting model as flat node arrays, each tree's nodes pre-ordered
/// (a split's left child is the node after it), thresholds on raw values; and the kernels
/// that add the trees' outputs to raw scores. Tree t adds to score t % dims. Immutable while
/// predicting: the add functions are const and may run on several threads (addRow() never
/// allocates; addBlock() only grows the caller's scratch). Serialised by its owner, which
/// calls serialize() directly and passes its own class version.
class BoostingEnsemble
{
public:
    /// Forgets every tree; rows will have `featureCount` values.
    void reset(int featureCount);
    /// Appends `tree` (grown on `bins`), turning bin thresholds into raw-value thresholds.
    void append(const GrownRegressionTree &tree, const BinnedMatrix &bins);
    /// Keeps the first `trees` trees.
    void truncate(std::size_t trees);

    std::size_t treeCount() const { return m_treeStart.empty() ? 0 : m_treeStart.size() - 1; }
    int featureCount() const { return m_featureCount; }

    /// raw[t % raw.size()] += output of tree t, for one row of featureCount() values.
    void addRow(std::span<const double> row, std::span<double> raw) const;

    /// Scratch space for addBlock(), one per thread.
    struct BlockScratch {
        std::vector<std::uint16_t> rows;
        std::vector<std::uint16_t> right;
        std::vector<std::uint32_t> range;
    };
    /// Rows one addBlock() call handles at most.
    static constexpr std::size_t kMaxBlockRows = 4096;

    /// The same for rows [begin, begin + count) of `x` (count <= kMaxBlockRows); raw is
    /// count x dims. Adds in the same order as addRow(), so the sums are identical.
    void addBlock(const FeatureMatrix &x, std::size_t begin, std::size_t count, double *raw,
                  std::size_t dims, BlockScratch &scratch) const;

    /// Inspection (tests, reports): leaves, depth (edges from the root to the deepest leaf)
    /// and leaf outputs of tree `t`.
    int leafCount(std::size_t t) const;
    int depth(std::size_t t) const { return m_depth[t]; }
    std::vector<double> leafValues(std::size_t t) const;

    /// Saves or loads the node arrays; a load checks every index before the arrays are used
    /// (archive::CorruptPayload otherwise). Called by the owning model's serialize().
    template<class Archive>
    void serialize(Archive &ar, const unsigned int version);

private:
    /// addRow() for models with categorical splits: one tree at a time, branching.
    void addRowWalking(std::span<const double> row, std::span<double> raw) const;
    /// Checks the stored arrays and derives the prediction layout from them.
    void rebuild();
    /// Checks tree `t` (the trees before it are done) and derives its kernel nodes.
    void deriveTree(std::size_t t);

    // Stored state, one entry per node unless said otherwise.
    std::int32_t m_featureCount = 0;
    std::vector<std::int32_t> m_treeStart;     // per tree, plus the end: its first node
    std::vector<std::int32_t> m_feature;       // split feature; -1 for a leaf
    std::vector<double> m_threshold;           // numeric split: x > threshold goes right
    std::vector<std::int32_t> m_right;         // split: the right child (absolute index)
    std::vector<std::int32_t> m_categorySet;   // categorical split: its set, else -1
    std::vector<double> m_value;               // leaf: its output
    std::vector<std::uint64_t> m_categoryBits; // 4 words (256 bits) per set: bins going left

    // Derived: one 16-byte node for the kernels. A leaf points right at itself; a categorical
    // split has feature ~f and its set's index in `threshold`.
    struct Node {
        double threshold;
        std::int32_t feature;
        std::int32_t right;
    };
    std::vector<Node> m_nodes;
    std::vector<std::int32_t> m_depth;  // per tree
    bool m_hasCategorical = false;
};

} // namespace mb
