// SPDX-License-Identifier: MIT
#include "core/ml/tree_nodes.h"

#include <algorithm>
#include <numeric>

namespace mb {

namespace {

/// The code of the largest value (the lowest code among ties, as GrownTree::majorityClass).
template<class T>
std::int32_t largest(const std::vector<T> &values)
{
    if (values.empty())
        return -1;
    return static_cast<std::int32_t>(std::max_element(values.begin(), values.end()) - values.begin());
}

/// Fills in the statistics of the internal nodes of `nodes` (pre-order) from their leaves'.
void addUpStatistics(std::vector<TreeNodeInfo> &nodes, bool weighted)
{
    // Children follow their parent in pre-order: backwards, both are done before it.
    for (std::size_t i = nodes.size(); i-- > 0;) {
        TreeNodeInfo &n = nodes[i];
        n.hasStats = true;
        if (!n.isLeaf()) {
            const TreeNodeInfo &l = nodes[static_cast<std::size_t>(n.left)];
            const TreeNodeInfo &r = nodes[static_cast<std::size_t>(n.right)];
            n.classRows.resize(l.classRows.size());
            for (std::size_t k = 0; k < n.classRows.size(); ++k)
                n.classRows[k] = l.classRows[k] + r.classRows[k];
            if (weighted) {
                n.classWeights.resize(l.classWeights.size());
                for (std::size_t k = 0; k < n.classWeights.size(); ++k)
                    n.classWeights[k] = l.classWeights[k] + r.classWeights[k];
            }
            n.majorityClass = weighted ? largest(n.classWeights) : largest(n.classRows);
        }
        n.rows = std::accumulate(n.classRows.begin(), n.classRows.end(), std::uint64_t(0));
    }
}

} // namespace

std::vector<TreeNodeInfo> treeNodes(const FlatTree &tree, const TreeSummary &summary)
{
    const int K = tree.classCount();
    std::vector<TreeNodeInfo> out;
    out.reserve(tree.splitCount() + tree.leafCount());
    // A summary that does not fit the tree (cannot come from a checked file) is ignored
    // rather than misread.
    const bool stats = !summary.empty() && summary.classCount() == K && summary.leafCount() == tree.leafCount();
    std::size_t leaf = 0;  // leaves come left to right, as the summary keeps them
    const std::span<const FlatTree::Node> nodes = tree.nodes();
    const std::span<const std::uint32_t> bits = tree.catBits();

    struct Visit {
        std::int32_t link;
        std::int32_t parent;
        bool isRight;
        std::int32_t depth;
    };
    std::vector<Visit> stack{{tree.root(), -1, false, 0}};
    while (!stack.empty()) {
        const Visit v = stack.back();
        stack.pop_back();
        const auto self = static_cast<std::int32_t>(out.size());
        TreeNodeInfo info;
        info.depth = v.depth;
        if (v.link >= 0) {
            const FlatTree::Node &n = nodes[static_cast<std::size_t>(v.link)];
            info.categorical = n.feature < 0;
            info.feature = info.categorical ? ~n.feature : n.feature;
            if (info.categorical) {
                for (int b = 0; b < GrownTree::kCatWords * 32; ++b) {
                    if ((bits[static_cast<std::size_t>(n.catWord) + static_cast<std::size_t>(b >> 5)] >> (b & 31)) & 1u)
                        info.leftLevels.push_back(b);
                }
            } else {
                info.threshold = n.threshold;
            }
            // Right first, so that the left subtree is numbered first (pre-order).
            stack.push_back({n.right, self, true, v.depth + 1});
            stack.push_back({n.left, self, false, v.depth + 1});
        } else {
            info.proba.assign(static_cast<std::size_t>(K), 0.0);
            if (K > 0)
                tree.addLeaf(~v.link, info.proba.data());
            info.majorityClass = largest(info.proba);
            if (stats) {
                const auto rows = summary.classRows(leaf);
                info.classRows.assign(rows.begin(), rows.end());
                const auto weights = summary.classWeights(leaf);
                info.classWeights.assign(weights.begin(), weights.end());
                ++leaf;
            }
        }
        if (v.parent >= 0) {
            TreeNodeInfo &parent = out[static_cast<std::size_t>(v.parent)];
            (v.isRight ? parent.right : parent.left) = self;
        }
        out.push_back(std::move(info));
    }
    if (stats)
        addUpStatistics(out, summary.weighted());
    return out;
}

std::vector<std::string> levelNames(const FeatureSchema &feature, const std::vector<std::int32_t> &codes)
{
    constexpr std::int32_t kSharedBin = 254;  // BinnedMatrix: codes above share the last bin
    const auto levels = static_cast<std::int32_t>(feature.levels.size());
    std::vector<std::string> names;
    for (std::int32_t code : codes) {
        const std::int32_t last = code == kSharedBin ? levels - 1 : code;
        for (std::int32_t c = std::max(code, 0); c <= last && c < levels; ++c)
            names.push_back(feature.levels[static_cast<std::size_t>(c)]);
    }
    return names;
}

} // namespace mb
