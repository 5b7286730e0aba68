// SPDX-License-Identifier: MIT
#include "core/ml/cost_complexity_pruning.h"

#include <algorithm>
#include <cmath>
#include <queue>

namespace mb {

CostComplexityPruning::CostComplexityPruning(const GrownTree &tree)
{
    const std::size_t n = tree.size();
    m_collapse.assign(n, 0.0);
    if (n == 0 || tree.isLeaf(0))
        return;
    const double rootWeight = tree.weight[0];
    std::vector<double> cost(n);  // R(t): the node's impurity weighted by its share of rows
    for (std::size_t i = 0; i < n; ++i)
        cost[i] = rootWeight > 0 ? tree.weight[i] / rootWeight * tree.impurity[i] : 0.0;

    // Pre-order: a node's subtree is [i, subtreeEnd[i]); children come after their parent,
    // so one backward pass settles leaf counts and leaf costs.
    std::vector<std::int32_t> parent(n, -1);
    std::vector<std::size_t> subtreeEnd(n);
    std::vector<double> leaves(n, 1.0);
    std::vector<double> leafCost(cost);
    for (std::size_t i = n; i-- > 0;) {
        if (tree.isLeaf(i)) {
            subtreeEnd[i] = i + 1;
            continue;
        }
        const std::size_t l = i + 1;
        const auto r = static_cast<std::size_t>(tree.right[i]);
        parent[l] = parent[r] = static_cast<std::int32_t>(i);
        subtreeEnd[i] = subtreeEnd[r];
        leaves[i] = leaves[l] + leaves[r];
        leafCost[i] = leafCost[l] + leafCost[r];
    }
    auto weakness = [&](std::size_t i) {
        return std::max(0.0, (cost[i] - leafCost[i]) / (leaves[i] - 1.0));
    };

    // Min-heap of (g, node, version) with lazy updates. Collapsing the weakest link t can only
    // raise an ancestor's g (t's own g, the smallest, leaves the ancestor's average), so an
    // ancestor's entry is merely stale: when it surfaces it is re-queued with its current g.
    struct Entry {
        double g;
        std::size_t node;
        std::uint32_t version;
        bool operator>(const Entry &o) const { return g != o.g ? g > o.g : node > o.node; }
    };
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    std::vector<std::uint32_t> version(n, 0);
    std::vector<std::uint8_t> collapsed(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!tree.isLeaf(i))
            heap.push({weakness(i), i, 0});
    }
    double alpha = 0;
    while (!heap.empty()) {
        const Entry e = heap.top();
        heap.pop();
        const std::size_t t = e.node;
        if (collapsed[t])
            continue;
        if (e.version != version[t]) {
            heap.push({weakness(t), t, version[t]});
            continue;
        }
        // Alphas never decrease along the sequence (rounding aside).
        alpha = std::max(alpha, e.g);
        collapsed[t] = 1;
        m_collapse[t] = alpha;
        for (std::size_t j = t + 1; j < subtreeEnd[t];) {
            if (tree.isLeaf(j)) {
                ++j;
            } else if (collapsed[j]) {
                j = subtreeEnd[j];
            } else {
                collapsed[j] = 1;
                m_collapse[j] = alpha;
                ++j;
            }
        }
        const double lostLeaves = leaves[t] - 1.0;
        const double costRise = cost[t] - leafCost[t];
        leaves[t] = 1.0;
        leafCost[t] = cost[t];
        for (std::int32_t a = parent[t]; a >= 0; a = parent[static_cast<std::size_t>(a)]) {
            const auto ua = static_cast<std::size_t>(a);
            leaves[ua] -= lostLeaves;
            leafCost[ua] += costRise;
            ++version[ua];
        }
        if (m_breakpoints.empty() || alpha > m_breakpoints.back())
            m_breakpoints.push_back(alpha);
    }
}

std::vector<std::uint8_t> CostComplexityPruning::keep(double alpha) const
{
    std::vector<std::uint8_t> out(m_collapse.size(), 1);
    if (alpha <= 0)
        return out;
    for (std::size_t i = 0; i < m_collapse.size(); ++i)
        out[i] = m_collapse[i] > alpha ? 1 : 0;
    return out;
}

std::vector<double> CostComplexityPruning::candidateAlphas() const
{
    std::vector<double> out{0.0};
    for (std::size_t k = 0; k + 1 < m_breakpoints.size(); ++k)
        out.push_back(std::sqrt(m_breakpoints[k] * m_breakpoints[k + 1]));
    if (!m_breakpoints.empty())
        out.push_back(m_breakpoints.back());
    // A first breakpoint of 0 makes a repeated 0; keep the list strictly increasing.
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace mb
