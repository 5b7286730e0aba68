// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/histogram_tree.h"

#include <boost/serialization/version.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace boost::serialization {
class access;
}

namespace mb {

/// A fitted tree laid out for prediction: the internal nodes in one flat pre-ordered array
/// (24 bytes each, no pointers), leaves folded into the child links. A child link c >= 0 is an
/// internal node; c < 0 is leaf ~c, whose code L means "class L with certainty" when
/// L < classCount (pure leaves, most of a forest's) and otherwise the probabilities at
/// leafProba[(L - classCount) * classCount]. Categorical splits keep their left-going level set
/// as 256 bits in a side array. Immutable after construction; const use is thread-safe.
class FlatTree
{
public:
    struct Node {
        std::int32_t feature = 0;  ///< numeric split: the feature; categorical: ~feature
        std::int32_t left = 0;     ///< child links (see the class comment)
        std::int32_t right = 0;
        std::int32_t catWord = -1;  ///< categorical: first of 8 words in catBits
        double threshold = 0;       ///< numeric: values <= threshold go left
    };

    FlatTree() = default;
    /// The prediction form of `tree` for `featureCount` input features; internal nodes whose
    /// `keep` flag is 0 become leaves (pruning). `keep` empty: keep every split.
    FlatTree(const GrownTree &tree, int featureCount, std::span<const std::uint8_t> keep = {});

    int classCount() const { return m_classCount; }
    int featureCount() const { return m_featureCount; }
    std::size_t splitCount() const { return m_nodes.size(); }
    std::size_t leafCount() const { return m_nodes.size() + 1; }
    /// Edges on the longest path from the root to a leaf (0 for a single leaf).
    int depth() const;
    std::span<const Node> nodes() const { return m_nodes; }
    /// The root's link (0, or a leaf link for a tree that is a single leaf).
    std::int32_t root() const { return m_root; }
    /// The level sets of the categorical splits (a node's set starts at its catWord).
    std::span<const std::uint32_t> catBits() const { return m_catBits; }

    /// The leaf code `row` (one value per feature) reaches.
    std::int32_t leafOf(const double *row) const
    {
        const Node *nodes = m_nodes.data();
        std::int32_t c = m_root;
        while (c >= 0) {
            const Node &n = nodes[c];
            const bool goLeft = n.feature >= 0 ? row[n.feature] <= n.threshold : categoricalLeft(n, row[~n.feature]);
            c = goLeft ? n.left : n.right;
        }
        return ~c;
    }

    /// Whether `value` of internal node `n`'s feature goes to its left ("yes") child: the test
    /// leafOf makes there, for readers that retrace a walk (explanations). A number goes left
    /// when <= threshold, so NaN goes right; a category by its level set, NaN as level 0.
    bool goesLeft(const Node &n, double value) const
    {
        return n.feature >= 0 ? value <= n.threshold : categoricalLeft(n, value);
    }

    /// Adds the class probabilities of leaf `leaf` to proba[0..classCount).
    void addLeaf(std::int32_t leaf, double *proba) const
    {
        if (leaf < m_classCount) {
            proba[leaf] += 1.0;
            return;
        }
        const double *p = m_leafProba.data() + static_cast<std::size_t>(leaf - m_classCount) * static_cast<std::size_t>(m_classCount);
        for (int k = 0; k < m_classCount; ++k)
            proba[k] += p[k];
    }

    /// Adds the probabilities `row` gets to proba[0..classCount).
    void accumulate(const double *row, double *proba) const { addLeaf(leafOf(row), proba); }

    /// Adds the probabilities of `count` rows to `out` (row-major, classCount per row); the
    /// value of feature f of row i is values[i * rowStep + f * featureStep] (row-major or
    /// column-major blocks alike).
    void accumulateBlock(const double *values, std::size_t rowStep, std::size_t featureStep, std::size_t count,
                         double *out) const;
    /// Adds the probabilities of the rows `selected` of a row-major block (row i at
    /// rows + i * rowStep) to their places in `out` (classCount per block row).
    void accumulateSelected(const double *rows, std::size_t rowStep, std::span<const std::uint32_t> selected,
                            double *out) const;
    /// Adds the probabilities every tree of `trees` gives `row` to proba[0..classCount).
    static void accumulateTrees(std::span<const FlatTree> trees, const double *row, double *proba);

    template<class Archive>
    void serialize(Archive &ar, const unsigned int version);

private:
    friend class boost::serialization::access;

    bool categoricalLeft(const Node &n, double value) const
    {
        // As BinnedMatrix::binOf: NaN is bin 0, codes clamp to the bins that exist.
        const int b = std::isnan(value) ? 0 : static_cast<int>(std::clamp(value, 0.0, 254.0));
        return (m_catBits[static_cast<std::size_t>(n.catWord) + static_cast<std::size_t>(b >> 5)] >> (b & 31)) & 1u;
    }
    /// Throws archive::CorruptPayload unless every link and index is in range and every link
    /// points forward (so that no file can make prediction loop or read out of bounds).
    void validate() const;

    std::int32_t m_root = ~0;
    std::int32_t m_classCount = 0;
    std::int32_t m_featureCount = 0;
    std::vector<Node> m_nodes;
    std::vector<double> m_leafProba;
    std::vector<std::uint32_t> m_catBits;
    bool m_hasCategorical = false;  // derived: whether any split is categorical
};

/// Prediction in blocks for the tree learners: zeroes `out`, then calls
/// body(values, rowStep, featureStep, count, out) on blocks of `x`'s rows (feature f of row i
/// at values[i * rowStep + f * featureStep]) with their slice of `out` (classCount per row).
/// With `transpose` the block is first copied to row-major form (worth it when many trees walk
/// it), else it is read in place. Blocks run in parallel on every core when there are many.
using RowBlockBody = std::function<void(const double *values, std::size_t rowStep, std::size_t featureStep,
                                        std::size_t count, double *out)>;
void predictRowBlocks(const FeatureMatrix &x, int classCount, std::span<double> out, bool transpose,
                      const RowBlockBody &body);

} // namespace mb

BOOST_CLASS_VERSION(mb::FlatTree, 1)
