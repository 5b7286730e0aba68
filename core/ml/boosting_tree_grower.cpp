// SPDX-License-Identifier: MIT
#include "core/ml/boosting_tree_grower.h"

#include "core/ml/binned_matrix.h"

#include <algorithm>
#include <cassert>

namespace mb {

namespace {

// Keeps a leaf's output finite when its hessian sum vanishes (scikit-learn adds the same).
constexpr double kHessianEpsilon = 1e-15;
// How far ahead partition() prefetches rows' bins.
constexpr std::size_t kPrefetchRows = 16;

} // namespace

BoostingTreeGrower::BoostingTreeGrower(const BinnedMatrix &bins, std::span<const std::uint32_t> rows,
                                       const BoostingTreeSettings &settings, int threads)
    : m_binned(bins)
    , m_rootRows(rows)
    , m_settings(settings)
    , m_histogram(bins, SplitRules{settings.minSamplesLeaf, settings.l2, 1e-3}, threads)
{
}

BoostingTreeGrower::~BoostingTreeGrower() = default;

std::size_t BoostingTreeGrower::acquireHistogram()
{
    if (!m_freeHistograms.empty()) {
        const std::size_t index = m_freeHistograms.back();
        m_freeHistograms.pop_back();
        return index;
    }
    m_histograms.emplace_back();
    return m_histograms.size() - 1;
}

double BoostingTreeGrower::leafValue(const HistogramBin &total) const
{
    return -m_settings.learningRate * total.g / (total.h + m_settings.l2 + kHessianEpsilon);
}

bool BoostingTreeGrower::mayOpen(const HistogramBin &total, int depth) const
{
    if (m_settings.maxDepth > 0 && depth >= m_settings.maxDepth)
        return false;
    return total.count >= 2.0 * m_settings.minSamplesLeaf;
}

void BoostingTreeGrower::open(std::size_t node, std::size_t histogram, const HistogramBin &total)
{
    SplitCandidate split = m_histogram.bestSplit(this->histogram(histogram), total);
    if (split.valid())
        m_open.push_back({node, histogram, split});
    else
        releaseHistogram(histogram);
}

std::uint32_t BoostingTreeGrower::partition(const GrownRegressionTree &tree, std::size_t node,
                                            const SplitCandidate &split)
{
    const GrownRegressionTree::Node &n = tree.nodes[node];
    const std::size_t features = m_binned.features();
    const std::uint8_t *bins = m_binned.data() + split.feature;
    std::uint32_t *__restrict rows = m_rows.data();
    std::uint32_t *__restrict right = m_rightScratch.data();
    std::size_t rightCount = 0;
    // Stable: both children keep ascending row order, so their histogram passes read the bin
    // matrix forwards. Branch-free (the side is a coin flip to a branch predictor): each row
    // is written to both sides and only the count of right rows moves; a left row goes to
    // i - (rights so far).
    if (split.categorical) {
        for (std::size_t i = n.begin; i < n.end; ++i) {
            const std::uint32_t r = rows[i];
            rows[i - rightCount] = r;
            right[rightCount] = r;
            rightCount += categoryInSet(split.leftSet, bins[static_cast<std::size_t>(r) * features]) ? 0 : 1;
        }
    } else {
        const auto threshold = static_cast<std::uint8_t>(split.bin);
        for (std::size_t i = n.begin; i < n.end; ++i) {
            // The rows are scattered over the bin matrix below the root (see accumulate).
            if (i + kPrefetchRows < n.end)
                __builtin_prefetch(bins + static_cast<std::size_t>(rows[i + kPrefetchRows]) * features);
            const std::uint32_t r = rows[i];
            rows[i - rightCount] = r;
            right[rightCount] = r;
            rightCount += bins[static_cast<std::size_t>(r) * features] > threshold ? 1 : 0;
        }
    }
    const auto leftEnd = static_cast<std::uint32_t>(n.end - rightCount);
    std::copy(right, right + rightCount, rows + leftEnd);
    return leftEnd;
}

void BoostingTreeGrower::grow(const GradientPair *gh, GrownRegressionTree &tree)
{
    tree.nodes.clear();
    tree.categorySets.clear();
    m_open.clear();
    m_rows.assign(m_rootRows.begin(), m_rootRows.end());
    m_rightScratch.resize(m_rows.size());

    GrownRegressionTree::Node root;
    root.begin = 0;
    root.end = static_cast<std::uint32_t>(m_rows.size());
    tree.nodes.push_back(root);
    if (m_rows.empty())
        return;

    const std::size_t rootHistogram = acquireHistogram();
    m_histogram.build(m_rows, gh, histogram(rootHistogram), m_rootCounts);
    if (m_rootCounts.empty())
        m_rootCounts = histogram(rootHistogram).count;
    const HistogramBin rootTotal = m_histogram.total(histogram(rootHistogram));
    tree.nodes[0].value = leafValue(rootTotal);
    if (mayOpen(rootTotal, 0))
        open(0, rootHistogram, rootTotal);
    else
        releaseHistogram(rootHistogram);

    int leaves = 1;
    while (!m_open.empty() && leaves < m_settings.maxLeafNodes) {
        // Best gain first; ties go to the node created first, so growth is deterministic.
        std::size_t pick = 0;
        for (std::size_t i = 1; i < m_open.size(); ++i) {
            if (m_open[i].split.gain > m_open[pick].split.gain)
                pick = i;
        }
        const OpenLeaf leaf = m_open[pick];
        m_open.erase(m_open.begin() + static_cast<std::ptrdiff_t>(pick));

        const std::uint32_t middle = partition(tree, leaf.node, leaf.split);
        assert(static_cast<double>(middle - tree.nodes[leaf.node].begin) == leaf.split.left.count);
        const int depth = tree.nodes[leaf.node].depth + 1;
        GrownRegressionTree::Node left, right;
        left.depth = right.depth = depth;
        left.begin = tree.nodes[leaf.node].begin;
        left.end = right.begin = middle;
        right.end = tree.nodes[leaf.node].end;
        left.value = leafValue(leaf.split.left);
        right.value = leafValue(leaf.split.right);
        const std::size_t leftIndex = tree.nodes.size();
        tree.nodes.push_back(left);
        tree.nodes.push_back(right);
        GrownRegressionTree::Node &parent = tree.nodes[leaf.node];
        parent.feature = leaf.split.feature;
        parent.gain = leaf.split.gain;
        parent.left = static_cast<std::int32_t>(leftIndex);
        parent.right = static_cast<std::int32_t>(leftIndex + 1);
        if (leaf.split.categorical) {
            parent.categorySet = static_cast<std::int32_t>(tree.categorySets.size());
            tree.categorySets.push_back(leaf.split.leftSet);
        } else {
            parent.bin = leaf.split.bin;
        }
        ++leaves;

        const bool openLeft = leaves < m_settings.maxLeafNodes && mayOpen(leaf.split.left, depth);
        const bool openRight = leaves < m_settings.maxLeafNodes && mayOpen(leaf.split.right, depth);
        if (!openLeft && !openRight) {
            releaseHistogram(leaf.histogram);
            continue;
        }
        // Build the smaller child; the parent's histogram becomes the larger one's.
        const bool leftSmaller = leaf.split.left.count <= leaf.split.right.count;
        const std::size_t small = leftSmaller ? leftIndex : leftIndex + 1;
        const std::size_t smallHistogram = acquireHistogram();
        m_histogram.build(rowsOf(tree.nodes[small]), gh, histogram(smallHistogram));
        m_histogram.subtract(histogram(leaf.histogram), histogram(smallHistogram));
        const std::size_t leftHistogram = leftSmaller ? smallHistogram : leaf.histogram;
        const std::size_t rightHistogram = leftSmaller ? leaf.histogram : smallHistogram;
        if (openLeft)
            open(leftIndex, leftHistogram, leaf.split.left);
        else
            releaseHistogram(leftHistogram);
        if (openRight)
            open(leftIndex + 1, rightHistogram, leaf.split.right);
        else
            releaseHistogram(rightHistogram);
    }
    for (const OpenLeaf &leaf : m_open)
        releaseHistogram(leaf.histogram);
    m_open.clear();
}

} // namespace mb
