// SPDX-License-Identifier: MIT
#include "core/ml/tree_summary.h"

#include "core/model/archive_io.h"

#include <string>

namespace mb {

TreeSummary TreeSummary::build(const GrownTree &tree, std::span<const std::uint8_t> keep, const BinnedMatrix &bins,
                               std::span<const std::uint32_t> rows, std::span<const std::int32_t> y,
                               std::span<const double> weights)
{
    TreeSummary s;
    if (tree.size() == 0 || tree.classCount < 1)
        return s;
    const auto K = static_cast<std::size_t>(tree.classCount);
    s.m_classCount = tree.classCount;
    auto splits = [&](std::size_t node) { return !tree.isLeaf(node) && (keep.empty() || keep[node]); };

    // The leaf number of every grown node that is a leaf of the pruned tree, in the order
    // FlatTree's constructor meets them: pre-order, left child first.
    std::vector<std::int32_t> leafOf(tree.size(), -1);
    std::int32_t leaves = 0;
    std::vector<std::size_t> stack{0};
    while (!stack.empty()) {
        const std::size_t node = stack.back();
        stack.pop_back();
        if (splits(node)) {
            stack.push_back(static_cast<std::size_t>(tree.right[node]));
            stack.push_back(node + 1);
        } else {
            leafOf[node] = leaves++;
        }
    }

    // Plain row counts are not in the grown tree (it keeps weights), so the rows are routed
    // again; on the bins, as the grower partitioned them, not on raw values.
    s.m_classRows.assign(static_cast<std::size_t>(leaves) * K, 0);
    bool unitWeights = true;
    for (std::uint32_t r : rows) {
        unitWeights = unitWeights && weights[r] == 1.0;
        const std::uint8_t *binned = bins.row(r);
        std::size_t node = 0;
        while (splits(node))
            node = tree.goesLeft(node, binned) ? node + 1 : static_cast<std::size_t>(tree.right[node]);
        ++s.m_classRows[static_cast<std::size_t>(leafOf[node]) * K + static_cast<std::size_t>(y[r])];
    }
    if (!unitWeights) {
        s.m_classWeights.resize(s.m_classRows.size());
        for (std::size_t node = 0; node < tree.size(); ++node) {
            if (leafOf[node] < 0)
                continue;
            const double *w = tree.classWeights.data() + node * K;
            std::copy(w, w + K, s.m_classWeights.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(leafOf[node]) * K));
        }
    }
    return s;
}

void TreeSummary::validate(std::size_t leaves, int classCount) const
{
    if (empty())
        return;
    auto corrupt = [](const std::string &what) { throw archive::CorruptPayload("tree summary: " + what); };
    if (m_classCount != classCount)
        corrupt("its class count is not the tree's");
    if (m_classRows.size() != leaves * static_cast<std::size_t>(classCount))
        corrupt("its leaves are not the tree's");
    if (!m_classWeights.empty() && m_classWeights.size() != m_classRows.size())
        corrupt("class weights and row counts of different lengths");
}

template<class Archive>
void TreeSummary::serialize(Archive &ar, const unsigned int /*version*/)
{
    using boost::serialization::make_nvp;
    ar &make_nvp("classes", m_classCount);
    archive::items(ar, "leaf_rows", m_classRows);
    archive::items(ar, "leaf_weights", m_classWeights);
    if constexpr (Archive::is_loading::value) {
        if (m_classCount < 0 || (m_classCount == 0 && !m_classRows.empty()))
            throw archive::CorruptPayload("tree summary: class count out of range");
    }
}

MB_INSTANTIATE_SERIALIZE(TreeSummary);

} // namespace mb
