// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/histogram_tree.h"

#include <cstdint>
#include <span>
#include <vector>

namespace mb {

/// Minimal cost-complexity pruning of a grown tree (Breiman et al., CART, 1984; scikit-learn's
/// ccp_alpha). The cost of a subtree T is R(T) + alpha * |leaves(T)|, with R the impurity of
/// T's leaves weighted by the share of rows reaching them. Weakest-link pruning collapses, in
/// turn, the split with the least impurity decrease per leaf removed; each split gets the
/// alpha at which it collapses, so the tree pruned at any alpha is read off directly.
class CostComplexityPruning
{
public:
    explicit CostComplexityPruning(const GrownTree &tree);

    /// The alphas at which the pruned tree changes, increasing; the last collapses the root.
    std::span<const double> breakpoints() const { return m_breakpoints; }
    /// The alpha at or above which `node` is a leaf (0 for leaves of the grown tree).
    double collapseAlpha(std::size_t node) const { return m_collapse[node]; }
    /// Per node: whether its split survives pruning at `alpha` (alpha <= 0 keeps every split,
    /// as ccp_alpha = 0 does in scikit-learn).
    std::vector<std::uint8_t> keep(double alpha) const;
    /// Breiman's representatives of the pruned subtrees for cross-validation: 0 (the whole
    /// tree), the geometric means of successive breakpoints, and the last breakpoint (the root
    /// alone); increasing.
    std::vector<double> candidateAlphas() const;

private:
    std::vector<double> m_collapse;
    std::vector<double> m_breakpoints;
};

} // namespace mb
