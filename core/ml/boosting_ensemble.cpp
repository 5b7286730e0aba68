// SPDX-License-Identifier: MIT
#include "core/ml/boosting_ensemble.h"

#include "core/ml/binned_matrix.h"
#include "core/ml/boosting_tree_grower.h"
#include "core/model/archive_io.h"

#include <algorithm>

namespace mb {

namespace {

constexpr std::size_t kSetWords = 4;
// Trees walked side by side by addRow().
constexpr std::size_t kRowLanes = 8;
// No model has more input columns than this (a guard against hostile files).
constexpr std::int32_t kMaxFeatures = std::int32_t(1) << 24;

// The bin a categorical value falls in, as BinnedMatrix::binOf maps it (NaN to bin 0); codes
// above the last level land on bins whose bits repeat the top level's.
inline unsigned categoryBin(double v)
{
    if (!(v > 0))
        return 0;
    return v >= 255 ? 255U : static_cast<unsigned>(v);
}

} // namespace

void BoostingEnsemble::reset(int featureCount)
{
    m_featureCount = featureCount;
    m_treeStart.clear();
    m_feature.clear();
    m_threshold.clear();
    m_right.clear();
    m_categorySet.clear();
    m_value.clear();
    m_categoryBits.clear();
    m_nodes.clear();
    m_depth.clear();
    m_hasCategorical = false;
}

void BoostingEnsemble::append(const GrownRegressionTree &tree, const BinnedMatrix &bins)
{
    if (m_treeStart.empty())
        m_treeStart.push_back(0);
    struct Visit {
        std::size_t grown;
        std::int32_t parent;  // flat node whose right link this is, or -1 (a left child)
    };
    std::vector<Visit> stack{{0, -1}};
    while (!stack.empty()) {
        const Visit v = stack.back();
        stack.pop_back();
        const auto index = static_cast<std::int32_t>(m_feature.size());
        if (v.parent >= 0)
            m_right[static_cast<std::size_t>(v.parent)] = index;
        const GrownRegressionTree::Node &n = tree.nodes[v.grown];
        if (n.isLeaf()) {
            m_feature.push_back(-1);
            m_threshold.push_back(0);
            m_right.push_back(0);
            m_categorySet.push_back(-1);
            m_value.push_back(n.value);
            continue;
        }
        const auto f = static_cast<std::size_t>(n.feature);
        m_feature.push_back(n.feature);
        m_right.push_back(-1);  // patched when the right child is emitted
        m_value.push_back(0);
        if (n.categorySet >= 0) {
            const CategorySet &set = tree.categorySets[static_cast<std::size_t>(n.categorySet)];
            m_threshold.push_back(0);
            m_categorySet.push_back(static_cast<std::int32_t>(m_categoryBits.size() / kSetWords));
            // Values past the last bin were clamped into it in training: give them its side.
            CategorySet extended = set;
            const int top = bins.binCount(f) - 1;
            const bool topLeft = categoryInSet(set, static_cast<unsigned>(top));
            for (unsigned b = static_cast<unsigned>(top) + 1; b < 256; ++b) {
                const std::uint64_t bit = std::uint64_t(1) << (b & 63);
                extended[b >> 6] = topLeft ? extended[b >> 6] | bit : extended[b >> 6] & ~bit;
            }
            m_categoryBits.insert(m_categoryBits.end(), extended.begin(), extended.end());
        } else {
            m_threshold.push_back(bins.threshold(f, n.bin));
            m_categorySet.push_back(-1);
        }
        stack.push_back({static_cast<std::size_t>(n.right), index});
        stack.push_back({static_cast<std::size_t>(n.left), -1});
    }
    m_treeStart.push_back(static_cast<std::int32_t>(m_feature.size()));
    deriveTree(treeCount() - 1);
}

void BoostingEnsemble::truncate(std::size_t trees)
{
    if (trees >= treeCount())
        return;
    m_treeStart.resize(trees + 1);
    const auto nodes = static_cast<std::size_t>(m_treeStart.back());
    m_feature.resize(nodes);
    m_threshold.resize(nodes);
    m_right.resize(nodes);
    m_categorySet.resize(nodes);
    m_value.resize(nodes);
    std::size_t sets = 0;
    for (std::size_t i = 0; i < nodes; ++i)
        sets = std::max(sets, static_cast<std::size_t>(m_categorySet[i] + 1));
    m_categoryBits.resize(sets * kSetWords);
    rebuild();
}

void BoostingEnsemble::rebuild()
{
    using archive::CorruptPayload;
    const std::size_t n = m_feature.size();
    if (m_threshold.size() != n || m_right.size() != n || m_categorySet.size() != n || m_value.size() != n)
        throw CorruptPayload("the boosted trees' node arrays differ in length");
    if (m_categoryBits.size() % kSetWords != 0)
        throw CorruptPayload("the boosted trees' category sets are cut short");
    if (m_featureCount < 0 || m_featureCount > kMaxFeatures)
        throw CorruptPayload("the boosted trees' feature count is out of range");
    if (m_treeStart.empty() ? n != 0 : (m_treeStart.front() != 0 || static_cast<std::size_t>(m_treeStart.back()) != n))
        throw CorruptPayload("the boosted trees do not cover their node arrays");
    m_nodes.clear();
    m_depth.clear();
    m_hasCategorical = false;
    for (std::size_t t = 0; t < treeCount(); ++t)
        deriveTree(t);
}

void BoostingEnsemble::deriveTree(std::size_t t)
{
    using archive::CorruptPayload;
    const std::int32_t begin = m_treeStart[t];
    const std::int32_t end = m_treeStart[t + 1];
    if (begin < 0 || end <= begin || static_cast<std::size_t>(end) > m_feature.size())
        throw CorruptPayload("a boosted tree has no nodes or lies outside the node arrays");
    const std::size_t sets = m_categoryBits.size() / kSetWords;
    m_nodes.resize(static_cast<std::size_t>(end));
    std::vector<std::int32_t> depth(static_cast<std::size_t>(end - begin), 0);
    auto depthOf = [&](std::int32_t i) -> std::int32_t & { return depth[static_cast<std::size_t>(i - begin)]; };
    // Children come after their parent inside the tree, so every walk ends at a leaf and the
    // deepest walk is found from the back.
    for (std::int32_t i = end - 1; i >= begin; --i) {
        const auto u = static_cast<std::size_t>(i);
        const std::int32_t f = m_feature[u];
        if (f == -1) {
            m_nodes[u] = {0, 0, i};
            continue;
        }
        const std::int32_t right = m_right[u];
        const std::int32_t set = m_categorySet[u];
        if (f < 0 || f >= m_featureCount || i + 1 >= end || right <= i || right >= end || set < -1
            || (set >= 0 && static_cast<std::size_t>(set) >= sets))
            throw CorruptPayload("a boosted tree node points outside its tree");
        if (set >= 0) {
            m_nodes[u] = {static_cast<double>(set), ~f, right};
            m_hasCategorical = true;
        } else {
            m_nodes[u] = {m_threshold[u], f, right};
        }
        depthOf(i) = 1 + std::max(depthOf(i + 1), depthOf(right));
    }
    m_depth.push_back(depthOf(begin));
}

void BoostingEnsemble::addRow(std::span<const double> row, std::span<double> raw) const
{
    if (m_hasCategorical || m_featureCount == 0) {
        addRowWalking(row, raw);
        return;
    }
    // Trees in groups of kRowLanes walked side by side, each a fixed number of branch-free
    // steps (the group's greatest depth; a finished walk stays on its leaf). A branch per
    // node would be mispredicted about half of the time; independent walks overlap instead.
    const std::size_t dims = raw.size();
    const Node *nodes = m_nodes.data();
    const double *x = row.data();
    std::int32_t lane[kRowLanes];
    std::size_t k = 0;
    for (std::size_t first = 0; first < treeCount(); first += kRowLanes) {
        const std::size_t lanes = std::min(kRowLanes, treeCount() - first);
        std::int32_t steps = 0;
        for (std::size_t j = 0; j < lanes; ++j) {
            lane[j] = m_treeStart[first + j];
            steps = std::max(steps, m_depth[first + j]);
        }
        for (std::int32_t s = 0; s < steps; ++s) {
            for (std::size_t j = 0; j < lanes; ++j) {
                const std::int32_t i = lane[j];
                const Node &n = nodes[i];
                // next = x > threshold ? right : left, as arithmetic (a compiler turns a
                // conditional back into a branch); a leaf points at itself both ways.
                const std::int32_t left = i + (n.right != i ? 1 : 0);
                const std::int32_t goRight = -static_cast<std::int32_t>(x[static_cast<std::size_t>(n.feature)] > n.threshold);
                lane[j] = left + ((n.right - left) & goRight);
            }
        }
        for (std::size_t j = 0; j < lanes; ++j) {
            raw[k] += m_value[static_cast<std::size_t>(lane[j])];
            if (++k == dims)
                k = 0;
        }
    }
}

void BoostingEnsemble::addRowWalking(std::span<const double> row, std::span<double> raw) const
{
    const std::size_t dims = raw.size();
    const Node *nodes = m_nodes.data();
    std::size_t k = 0;
    for (std::size_t t = 0; t < treeCount(); ++t) {
        auto i = m_treeStart[t];
        for (;;) {
            const Node &n = nodes[i];
            if (n.right == i)
                break;
            if (n.feature >= 0) {
                i = row[static_cast<std::size_t>(n.feature)] > n.threshold ? n.right : i + 1;
            } else {
                const std::uint64_t *set = m_categoryBits.data() + static_cast<std::size_t>(n.threshold) * kSetWords;
                const unsigned b = categoryBin(row[static_cast<std::size_t>(~n.feature)]);
                i = (set[b >> 6] >> (b & 63)) & 1U ? i + 1 : n.right;
            }
        }
        raw[k] += m_value[static_cast<std::size_t>(i)];
        if (++k == dims)
            k = 0;
    }
}

void BoostingEnsemble::addBlock(const FeatureMatrix &x, std::size_t begin, std::size_t count, double *raw,
                                std::size_t dims, BlockScratch &scratch) const
{
    // Each tree routes the whole block down level by level, like a partition: a node
    // compares one feature column for all of its rows (no branch per row, and one node load
    // for many rows), and each row takes only its own path's steps.
    count = std::min(count, kMaxBlockRows);
    scratch.rows.resize(count);
    scratch.right.resize(count);
    std::uint16_t *__restrict rows = scratch.rows.data();
    std::uint16_t *__restrict right = scratch.right.data();
    std::size_t k = 0;
    for (std::size_t t = 0; t < treeCount(); ++t) {
        const std::int32_t start = m_treeStart[t];
        const std::int32_t end = m_treeStart[t + 1];
        scratch.range.assign(2 * static_cast<std::size_t>(end - start), 0);
        std::uint32_t *range = scratch.range.data();  // per node: [first, last) of its rows
        for (std::size_t r = 0; r < count; ++r)
            rows[r] = static_cast<std::uint16_t>(r);
        range[1] = static_cast<std::uint32_t>(count);
        // Pre-order: every node comes after its parent, so one pass sees each range filled.
        for (std::int32_t i = start; i < end; ++i) {
            const auto u = static_cast<std::size_t>(i);
            const std::size_t local = static_cast<std::size_t>(i - start);
            const std::uint32_t first = range[2 * local];
            const std::uint32_t last = range[2 * local + 1];
            if (first == last)
                continue;
            const Node &n = m_nodes[u];
            if (n.right == i) {
                const double value = m_value[u];
                for (std::size_t j = first; j < last; ++j)
                    raw[rows[j] * dims + k] += value;
                continue;
            }
            // Branch-free stable partition: every row is written to both sides and only the
            // count of right rows moves; a left row goes to j - (rights so far).
            std::size_t rightCount = 0;
            if (n.feature >= 0) {
                const double *__restrict column = x.column(static_cast<std::size_t>(n.feature)).data() + begin;
                const double threshold = n.threshold;
                std::size_t j = first;
                for (; j + 2 <= last; j += 2) {  // two rows a turn: less loop control per row
                    const std::uint16_t r0 = rows[j];
                    const std::uint16_t r1 = rows[j + 1];
                    const std::size_t right0 = column[r0] > threshold ? 1 : 0;
                    const std::size_t right1 = column[r1] > threshold ? 1 : 0;
                    rows[j - rightCount] = r0;
                    right[rightCount] = r0;
                    rightCount += right0;
                    rows[j + 1 - rightCount] = r1;
                    right[rightCount] = r1;
                    rightCount += right1;
                }
                if (j < last) {
                    const std::uint16_t r = rows[j];
                    rows[j - rightCount] = r;
                    right[rightCount] = r;
                    rightCount += column[r] > threshold ? 1 : 0;
                }
            } else {
                const double *column = x.column(static_cast<std::size_t>(~n.feature)).data() + begin;
                const std::uint64_t *set = m_categoryBits.data() + static_cast<std::size_t>(n.threshold) * kSetWords;
                for (std::size_t j = first; j < last; ++j) {
                    const std::uint16_t r = rows[j];
                    const unsigned b = categoryBin(column[r]);
                    rows[j - rightCount] = r;
                    right[rightCount] = r;
                    rightCount += ((set[b >> 6] >> (b & 63)) & 1U) ^ 1U;
                }
            }
            const auto leftEnd = static_cast<std::uint32_t>(last - rightCount);
            std::copy(right, right + rightCount, rows + leftEnd);
            const std::size_t left = local + 1;
            const auto rightChild = static_cast<std::size_t>(n.right - start);
            range[2 * left] = first;
            range[2 * left + 1] = leftEnd;
            range[2 * rightChild] = leftEnd;
            range[2 * rightChild + 1] = last;
        }
        if (++k == dims)
            k = 0;
    }
}

int BoostingEnsemble::leafCount(std::size_t t) const
{
    int leaves = 0;
    for (auto i = m_treeStart[t]; i < m_treeStart[t + 1]; ++i)
        leaves += m_feature[static_cast<std::size_t>(i)] < 0 ? 1 : 0;
    return leaves;
}

std::vector<double> BoostingEnsemble::leafValues(std::size_t t) const
{
    std::vector<double> values;
    for (auto i = m_treeStart[t]; i < m_treeStart[t + 1]; ++i) {
        if (m_feature[static_cast<std::size_t>(i)] < 0)
            values.push_back(m_value[static_cast<std::size_t>(i)]);
    }
    return values;
}

template<class Archive>
void BoostingEnsemble::serialize(Archive &ar, const unsigned int)
{
    using boost::serialization::make_nvp;
    ar &make_nvp("feature_count", m_featureCount);
    archive::items(ar, "tree_start", m_treeStart);
    archive::items(ar, "node_feature", m_feature);
    archive::items(ar, "node_threshold", m_threshold);
    archive::items(ar, "node_right", m_right);
    archive::items(ar, "node_category_set", m_categorySet);
    archive::items(ar, "node_value", m_value);
    archive::items(ar, "category_bits", m_categoryBits);
    if constexpr (Archive::is_loading::value)
        rebuild();
}

MB_INSTANTIATE_SERIALIZE(BoostingEnsemble);

} // namespace mb
