// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/boosting_histogram.h"

#include <cstdint>
#include <span>
#include <vector>

namespace mb {

class BinnedMatrix;

/// A regression tree as the grower leaves it, in bin space: nodes in creation order (the root
/// first, both children of a split appended together), leaves carrying their output.
struct GrownRegressionTree {
    struct Node {
        std::int32_t feature = -1;      ///< -1: a leaf
        std::int32_t bin = 0;           ///< numeric split: bins <= bin go left
        std::int32_t categorySet = -1;  ///< categorical split: index into categorySets
        std::int32_t left = -1;
        std::int32_t right = -1;
        std::int32_t depth = 0;
        double value = 0;  ///< the output if the node is a leaf (learning rate applied)
        double gain = 0;   ///< the gain of its split
        std::uint32_t begin = 0;  ///< the node's rows: [begin, end) of the grower's row order
        std::uint32_t end = 0;

        bool isLeaf() const { return feature < 0; }
    };

    std::vector<Node> nodes;
    std::vector<CategorySet> categorySets;

    /// Whether a row with these bins goes to the left child of split node `n`.
    bool goesLeft(const Node &n, const std::uint8_t *rowBins) const
    {
        const std::uint8_t b = rowBins[n.feature];
        return n.categorySet >= 0 ? categoryInSet(categorySets[static_cast<std::size_t>(n.categorySet)], b)
                                  : b <= n.bin;
    }
    /// The output of the leaf a row with these bins reaches.
    double predict(const std::uint8_t *rowBins) const
    {
        std::size_t i = 0;
        while (!nodes[i].isLeaf())
            i = static_cast<std::size_t>(goesLeft(nodes[i], rowBins) ? nodes[i].left : nodes[i].right);
        return nodes[i].value;
    }
};

/// The shape limits and the regularisation of every tree of one boosting fit.
struct BoostingTreeSettings {
    int maxLeafNodes = 31;  ///< at least 2
    int maxDepth = 0;       ///< 0: no limit (the root has depth 0)
    int minSamplesLeaf = 20;
    double l2 = 0;
    double learningRate = 0.1;
};

/// Grows regression trees on gradient histograms, leaf-wise: the open leaf whose best split
/// gains most is split next, until the leaf budget is spent or no split gains. The smaller
/// child's histogram is built from its rows and the larger one's is the parent's minus it.
/// Keeps its scratch space (row order, histogram buffers) from tree to tree; one grower per
/// fit, used from one thread (it runs parallelFor inside).
class BoostingTreeGrower
{
public:
    /// Every tree grows on `rows` (ascending row indices into `bins`; kept by reference).
    BoostingTreeGrower(const BinnedMatrix &bins, std::span<const std::uint32_t> rows,
                       const BoostingTreeSettings &settings, int threads);
    ~BoostingTreeGrower();

    /// Grows one tree with gradients `gh` (indexed by row).
    void grow(const GradientPair *gh, GrownRegressionTree &tree);

    /// The rows that reached `node` in the last tree grown.
    std::span<const std::uint32_t> rowsOf(const GrownRegressionTree::Node &node) const
    {
        return {m_rows.data() + node.begin, node.end - node.begin};
    }

private:
    struct OpenLeaf {
        std::size_t node;
        std::size_t histogram;
        SplitCandidate split;
    };

    std::size_t acquireHistogram();
    void releaseHistogram(std::size_t index) { m_freeHistograms.push_back(index); }
    NodeHistogram &histogram(std::size_t index) { return m_histograms[index]; }
    double leafValue(const HistogramBin &total) const;
    bool mayOpen(const HistogramBin &total, int depth) const;
    void open(std::size_t node, std::size_t histogram, const HistogramBin &total);
    std::uint32_t partition(const GrownRegressionTree &tree, std::size_t node, const SplitCandidate &split);

    const BinnedMatrix &m_binned;
    std::span<const std::uint32_t> m_rootRows;
    BoostingTreeSettings m_settings;
    BoostingHistogram m_histogram;
    std::vector<std::uint32_t> m_rootCounts;  // the root's bin counts, the same for every tree
    std::vector<std::uint32_t> m_rows;
    std::vector<std::uint32_t> m_rightScratch;
    std::vector<NodeHistogram> m_histograms;
    std::vector<std::size_t> m_freeHistograms;
    std::vector<OpenLeaf> m_open;
};

} // namespace mb
