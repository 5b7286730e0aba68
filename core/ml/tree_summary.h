// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/binned_matrix.h"
#include "core/ml/histogram_tree.h"

#include <boost/serialization/version.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace boost::serialization {
class access;
}

namespace mb {

/// What the training rows did in a fitted, pruned tree, kept so that the tree can be drawn:
/// for every leaf, the training rows of each class that reached it and, when the rows did not
/// all weigh 1 (class_weight "balanced" or sample weights), the weight of each class there,
/// which is what the leaf's probabilities were computed from. Leaves are in the order a walk
/// of the tree meets them (pre-order, left subtree first: left to right). An internal node's
/// numbers are the sums over its leaves, so they are not stored (treeNodes() adds them up):
/// half the size, and consistent by construction. Kept apart from FlatTree::Node, which is
/// sized for prediction speed: only the single decision tree stores a summary, forests and
/// boosting never pay for it. Immutable after build(); const use is thread-safe.
class TreeSummary
{
public:
    TreeSummary() = default;

    /// Routes `rows` (labels `y`, weights `weights`, both indexed by row of `bins`) down `tree`
    /// pruned by `keep` (empty: every split stays) on the very bins it was grown on, so each
    /// leaf counts the rows the grower partitioned to it.
    static TreeSummary build(const GrownTree &tree, std::span<const std::uint8_t> keep, const BinnedMatrix &bins,
                             std::span<const std::uint32_t> rows, std::span<const std::int32_t> y,
                             std::span<const double> weights);

    /// No statistics (a tree read from a file written before they were stored).
    bool empty() const { return m_classRows.empty(); }
    int classCount() const { return m_classCount; }
    std::size_t leafCount() const { return m_classCount > 0 ? m_classRows.size() / static_cast<std::size_t>(m_classCount) : 0; }

    /// Training rows of each class that reached leaf `leaf` (0: the leftmost).
    std::span<const std::uint32_t> classRows(std::size_t leaf) const
    {
        const auto K = static_cast<std::size_t>(m_classCount);
        return std::span(m_classRows).subspan(leaf * K, K);
    }
    /// Whether rows weighed other than 1, so classWeights() differ from classRows().
    bool weighted() const { return !m_classWeights.empty(); }
    /// The weight of each class at leaf `leaf` (empty unless weighted()).
    std::span<const double> classWeights(std::size_t leaf) const
    {
        if (m_classWeights.empty())
            return {};
        const auto K = static_cast<std::size_t>(m_classCount);
        return std::span(m_classWeights).subspan(leaf * K, K);
    }

    /// Throws archive::CorruptPayload unless the summary is empty or describes `leaves` leaves
    /// of `classCount` classes (the tree it was loaded with).
    void validate(std::size_t leaves, int classCount) const;

    template<class Archive>
    void serialize(Archive &ar, const unsigned int version);

private:
    friend class boost::serialization::access;

    std::int32_t m_classCount = 0;
    std::vector<std::uint32_t> m_classRows;  // leaves x classes
    std::vector<double> m_classWeights;      // leaves x classes, or empty when every row weighed 1
};

} // namespace mb

BOOST_CLASS_VERSION(mb::TreeSummary, 1)
