// SPDX-License-Identifier: MIT
#include "core/ml/flat_tree.h"

#include "core/base/parallel.h"
#include "core/model/archive_io.h"

#include <limits>
#include <string>

namespace mb {

FlatTree::FlatTree(const GrownTree &tree, int featureCount, std::span<const std::uint8_t> keep)
    : m_classCount(tree.classCount)
    , m_featureCount(featureCount)
{
    const auto K = static_cast<std::size_t>(tree.classCount);
    // Links to patch: (grown node, new parent index, whether it is the right child).
    struct Visit {
        std::size_t grown;
        std::int32_t parent;
        bool isRight;
    };
    std::vector<Visit> stack;
    if (tree.size() == 0) {
        // Nothing was learned (no rows): one leaf with no preference.
        m_leafProba.assign(K, K > 0 ? 1.0 / static_cast<double>(K) : 0.0);
        m_root = ~m_classCount;
        return;
    }
    stack.push_back({0, -1, false});
    while (!stack.empty()) {
        const Visit v = stack.back();
        stack.pop_back();
        std::int32_t link = 0;
        const bool split = !tree.isLeaf(v.grown) && (keep.empty() || keep[v.grown]);
        if (split) {
            link = static_cast<std::int32_t>(m_nodes.size());
            Node n;
            const std::int32_t f = tree.feature[v.grown];
            if (tree.catSet[v.grown] >= 0) {
                n.feature = ~f;
                n.catWord = static_cast<std::int32_t>(m_catBits.size());
                m_hasCategorical = true;
                const auto first = tree.catBits.begin() + tree.catSet[v.grown];
                m_catBits.insert(m_catBits.end(), first, first + GrownTree::kCatWords);
            } else {
                n.feature = f;
                n.threshold = tree.threshold[v.grown];
            }
            m_nodes.push_back(n);
            stack.push_back({static_cast<std::size_t>(tree.right[v.grown]), link, true});
            stack.push_back({v.grown + 1, link, false});
        } else {
            const double *w = tree.classWeights.data() + v.grown * K;
            double sum = 0, top = 0;
            std::size_t arg = 0;
            for (std::size_t k = 0; k < K; ++k) {
                sum += w[k];
                if (w[k] > top) {
                    top = w[k];
                    arg = k;
                }
            }
            std::int32_t code = 0;
            if (sum > 0 && top >= sum * (1 - 1e-12)) {
                code = static_cast<std::int32_t>(arg);
            } else {
                code = m_classCount + static_cast<std::int32_t>(m_leafProba.size() / K);
                for (std::size_t k = 0; k < K; ++k)
                    m_leafProba.push_back(sum > 0 ? w[k] / sum : 1.0 / static_cast<double>(K));
            }
            link = ~code;
        }
        if (v.parent < 0)
            m_root = link;
        else if (v.isRight)
            m_nodes[static_cast<std::size_t>(v.parent)].right = link;
        else
            m_nodes[static_cast<std::size_t>(v.parent)].left = link;
    }
}

int FlatTree::depth() const
{
    if (m_root < 0)
        return 0;
    int deepest = 0;
    std::vector<std::pair<std::int32_t, int>> stack{{m_root, 0}};
    while (!stack.empty()) {
        const auto [node, d] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, d + 1);
        const Node &n = m_nodes[static_cast<std::size_t>(node)];
        if (n.left >= 0)
            stack.push_back({n.left, d + 1});
        if (n.right >= 0)
            stack.push_back({n.right, d + 1});
    }
    return deepest;
}

namespace {

// Rows (or trees) walked at once. Each step of one walk waits on a load of its node, so
// interleaving independent walks keeps the core busy; eight fit in registers.
constexpr std::size_t kLanes = 8;
constexpr std::int32_t kIdle = std::numeric_limits<std::int32_t>::min();

/// One step down from link `c` (>= 0) for a row with numeric splits only, without branches.
inline std::int32_t step(const FlatTree::Node &n, const double *row, std::size_t featureStep)
{
    const auto goLeft = static_cast<std::int32_t>(row[static_cast<std::size_t>(n.feature) * featureStep] <= n.threshold);
    return n.right + ((n.left - n.right) & -goLeft);
}

/// Walks `count` rows (row i at rowOf(i)) through a tree of numeric splits, kLanes rows at a
/// time; sink(i, leaf) gets each row's leaf. A lane whose row reaches its leaf takes the next
/// row at once, so no lane idles while another walks a deep path.
template<class RowOf, class Sink>
void walkLanes(const FlatTree::Node *nodes, std::int32_t root, std::size_t featureStep, std::size_t count,
               RowOf rowOf, Sink sink)
{
    std::int32_t link[kLanes];
    std::size_t rowIndex[kLanes];
    const double *rows[kLanes];
    std::size_t next = 0;
    std::size_t active = 0;
    for (std::size_t j = 0; j < kLanes; ++j) {
        rowIndex[j] = next;
        rows[j] = nullptr;
        link[j] = kIdle;
        if (next < count) {
            rows[j] = rowOf(next++);
            link[j] = root;
            ++active;
        }
    }
    while (active > 0) {
        for (std::size_t j = 0; j < kLanes; ++j) {
            std::int32_t c = link[j];
            if (c < 0)
                continue;  // idle: every row already has a lane
            c = step(nodes[c], rows[j], featureStep);
            if (c < 0) {
                sink(rowIndex[j], ~c);
                if (next < count) {
                    rowIndex[j] = next;
                    rows[j] = rowOf(next++);
                    c = root;
                } else {
                    c = kIdle;
                    --active;
                }
            }
            link[j] = c;
        }
    }
}

} // namespace

void FlatTree::accumulateBlock(const double *values, std::size_t rowStep, std::size_t featureStep,
                               std::size_t count, double *out) const
{
    const auto K = static_cast<std::size_t>(m_classCount);
    if (m_root >= 0 && !m_hasCategorical) {
        walkLanes(
            m_nodes.data(), m_root, featureStep, count, [&](std::size_t i) { return values + i * rowStep; },
            [&](std::size_t i, std::int32_t leaf) { addLeaf(leaf, out + i * K); });
        return;
    }
    for (std::size_t i = 0; i < count; ++i) {
        const double *row = values + i * rowStep;
        std::int32_t c = m_root;
        while (c >= 0) {
            const Node &n = m_nodes[static_cast<std::size_t>(c)];
            const bool goLeft = n.feature >= 0
                    ? row[static_cast<std::size_t>(n.feature) * featureStep] <= n.threshold
                    : categoricalLeft(n, row[static_cast<std::size_t>(~n.feature) * featureStep]);
            c = goLeft ? n.left : n.right;
        }
        addLeaf(~c, out + i * K);
    }
}

void FlatTree::accumulateSelected(const double *rows, std::size_t rowStep, std::span<const std::uint32_t> selected,
                                  double *out) const
{
    const auto K = static_cast<std::size_t>(m_classCount);
    if (m_root >= 0 && !m_hasCategorical) {
        walkLanes(
            m_nodes.data(), m_root, 1, selected.size(), [&](std::size_t k) { return rows + selected[k] * rowStep; },
            [&](std::size_t k, std::int32_t leaf) { addLeaf(leaf, out + selected[k] * K); });
        return;
    }
    for (std::uint32_t i : selected)
        accumulate(rows + i * rowStep, out + i * K);
}

void FlatTree::accumulateTrees(std::span<const FlatTree> trees, const double *row, double *proba)
{
    // Lanes over trees: one row's walks down different trees are independent, and a forest
    // is too large for the cache, so overlapping their misses is what makes one row fast.
    constexpr std::size_t kTreeLanes = 16;  // more misses in flight than rows need
    std::int32_t link[kTreeLanes];
    std::size_t treeOf[kTreeLanes];
    std::size_t next = 0;
    std::size_t active = 0;
    auto take = [&](std::size_t j) {
        while (next < trees.size()) {
            const FlatTree &t = trees[next];
            if (t.m_root >= 0 && !t.m_hasCategorical) {
                treeOf[j] = next++;
                link[j] = t.m_root;
                return true;
            }
            t.accumulate(row, proba);  // a leaf alone, or categorical splits: walk it plainly
            ++next;
        }
        link[j] = kIdle;
        return false;
    };
    for (std::size_t j = 0; j < kTreeLanes; ++j) {
        treeOf[j] = 0;
        if (take(j))
            ++active;
    }
    while (active > 0) {
        for (std::size_t j = 0; j < kTreeLanes; ++j) {
            std::int32_t c = link[j];
            if (c < 0)
                continue;
            const FlatTree &t = trees[treeOf[j]];
            c = step(t.m_nodes[static_cast<std::size_t>(c)], row, 1);
            link[j] = c;
            if (c < 0) {
                t.addLeaf(~c, proba);
                if (!take(j))
                    --active;
            }
        }
    }
}

void predictRowBlocks(const FeatureMatrix &x, int classCount, std::span<double> out, bool transpose,
                      const RowBlockBody &body)
{
    constexpr std::size_t kParallelRows = 4096;
    const std::size_t n = x.rows();
    const std::size_t cols = x.cols();
    // Large blocks: every tree is read from memory once per block (a forest does not fit the
    // cache), so the more rows walk it meanwhile the better, up to a few MB of rows per
    // worker; but at least one block per thread.
    const int threads = n >= kParallelRows ? resolveThreads(0) : 1;
    constexpr std::size_t kBlockBytes = std::size_t(2) << 20;
    const std::size_t perThread = (n + static_cast<std::size_t>(threads) - 1) / static_cast<std::size_t>(threads);
    const std::size_t kBlock = std::max<std::size_t>(64, std::min(kBlockBytes / (sizeof(double) * std::max<std::size_t>(cols, 1)), perThread));
    const auto K = static_cast<std::size_t>(classCount);
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n * K), 0.0);
    if (n == 0 || cols == 0)
        return;
    const std::size_t blocks = (n + kBlock - 1) / kBlock;
    std::vector<std::vector<double>> scratch(static_cast<std::size_t>(std::max(threads, 1)));
    parallelFor(blocks, threads, [&](std::size_t block, int worker) {
        const std::size_t begin = block * kBlock;
        const std::size_t count = std::min(kBlock, n - begin);
        double *o = out.data() + begin * K;
        if (!transpose) {
            body(x.column(0).data() + begin, 1, n, count, o);
            return;
        }
        std::vector<double> &rows = scratch[static_cast<std::size_t>(worker)];
        rows.resize(kBlock * cols);
        // Eight rows at a time: each column's eight values share a cache line.
        const double *base = x.column(0).data() + begin;
        double *dst = rows.data();
        std::size_t i = 0;
        for (; i + 8 <= count; i += 8) {
            for (std::size_t j = 0; j < cols; ++j) {
                const double *src = base + j * n + i;
                for (std::size_t k = 0; k < 8; ++k)
                    dst[(i + k) * cols + j] = src[k];
            }
        }
        for (; i < count; ++i) {
            for (std::size_t j = 0; j < cols; ++j)
                dst[i * cols + j] = base[j * n + i];
        }
        body(rows.data(), cols, 1, count, o);
    });
}

void FlatTree::validate() const
{
    auto corrupt = [](const std::string &what) { throw archive::CorruptPayload("tree: " + what); };
    if (m_classCount < 1 || m_classCount > (1 << 20))
        corrupt("class count out of range");
    if (m_featureCount < 0)
        corrupt("negative feature count");
    const auto K = static_cast<std::size_t>(m_classCount);
    if (m_leafProba.size() % K != 0)
        corrupt("leaf probabilities do not fill whole leaves");
    const std::uint64_t leafCodes = K + m_leafProba.size() / K;
    if (leafCodes > static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max()))
        corrupt("too many leaves");
    const std::size_t n = m_nodes.size();
    auto checkLink = [&](std::int32_t link, std::size_t from, bool isRoot) {
        if (link >= 0) {
            const bool forward = isRoot ? link == 0 : static_cast<std::size_t>(link) > from;
            if (!forward || static_cast<std::size_t>(link) >= n)
                corrupt("a child link points backwards or past the nodes");
        } else if (static_cast<std::uint64_t>(~link) >= leafCodes) {
            corrupt("a leaf link names no leaf");
        }
    };
    checkLink(m_root, 0, true);
    for (std::size_t i = 0; i < n; ++i) {
        const Node &node = m_nodes[i];
        if (node.feature >= 0) {
            if (node.feature >= m_featureCount)
                corrupt("a split names a feature that does not exist");
        } else {
            if (~node.feature >= m_featureCount)
                corrupt("a split names a feature that does not exist");
            if (node.catWord < 0 || static_cast<std::size_t>(node.catWord) + GrownTree::kCatWords > m_catBits.size())
                corrupt("a level set lies outside its array");
        }
        checkLink(node.left, i, false);
        checkLink(node.right, i, false);
    }
}

template<class Archive>
void FlatTree::serialize(Archive &ar, const unsigned int /*version*/)
{
    using boost::serialization::make_nvp;
    ar &make_nvp("classes", m_classCount);
    ar &make_nvp("inputs", m_featureCount);
    ar &make_nvp("root", m_root);
    // Structure of arrays: binary archives copy each in one block. Level-set offsets are
    // stored for categorical splits only (most trees have none).
    std::vector<std::int32_t> features, lefts, rights, catNodes, catWords;
    std::vector<double> thresholds;
    if constexpr (Archive::is_saving::value) {
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            const Node &n = m_nodes[i];
            features.push_back(n.feature);
            lefts.push_back(n.left);
            rights.push_back(n.right);
            thresholds.push_back(n.threshold);
            if (n.feature < 0) {
                catNodes.push_back(static_cast<std::int32_t>(i));
                catWords.push_back(n.catWord);
            }
        }
    }
    archive::items(ar, "feature", features);
    archive::items(ar, "left", lefts);
    archive::items(ar, "right", rights);
    archive::items(ar, "threshold", thresholds);
    archive::items(ar, "cat_node", catNodes);
    archive::items(ar, "cat_word", catWords);
    archive::items(ar, "leaf_proba", m_leafProba);
    archive::items(ar, "cat_bits", m_catBits);
    if constexpr (Archive::is_loading::value) {
        const std::size_t n = features.size();
        if (lefts.size() != n || rights.size() != n || thresholds.size() != n || catWords.size() != catNodes.size())
            throw archive::CorruptPayload("tree: node arrays of different lengths");
        m_nodes.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            m_nodes[i] = Node{features[i], lefts[i], rights[i], -1, thresholds[i]};
        for (std::size_t j = 0; j < catNodes.size(); ++j) {
            if (catNodes[j] < 0 || static_cast<std::size_t>(catNodes[j]) >= n)
                throw archive::CorruptPayload("tree: a level set names no node");
            m_nodes[static_cast<std::size_t>(catNodes[j])].catWord = catWords[j];
        }
        m_hasCategorical = !catNodes.empty();
        validate();
    }
}

MB_INSTANTIATE_SERIALIZE(FlatTree);

} // namespace mb
