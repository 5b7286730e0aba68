// SPDX-License-Identifier: MIT
#include "core/ml/k_nearest_neighbors.h"

#include "core/base/parallel.h"
#include "core/model/archive_io.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>

// The blocked distance kernel is worth AVX2 + FMA where the CPU has them; the final ranking
// uses exact distances computed by plain code, so the choice does not change which
// neighbours are found (only the candidates that the kernel screens).
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define MB_KNN_KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define MB_KNN_KERNEL
#endif

namespace mb {

namespace {

// auto: k-d tree up to this many encoded columns. Measured on 75,000 Gaussian rows and 5,000
// queries: the tree is 8x faster than the blocked brute force at 4 columns, 1.6x slower at 8
// and 17x slower at 15, where it visits most leaves anyway.
constexpr std::size_t kTreeMaxDims = 6;
constexpr std::size_t kLeafSize = 24;
constexpr std::size_t kPanel = 8; // training rows per panel of the brute kernel
constexpr std::size_t kTileQueries = 4; // queries per micro-tile
constexpr std::size_t kQueryBlock = 256; // queries per parallel task
constexpr std::size_t kTrainBlock = 512; // training rows kept in cache while queries pass
constexpr std::size_t kExtraCandidates = 4; // screened beyond k, re-ranked exactly
constexpr std::size_t kBruteMinQueries = 32; // fewer queries: scan row by row
constexpr std::size_t kStackDims = 256;
constexpr std::size_t kStackNeighbors = 64;

const std::array kSpecs {
    ParamSpec {"n_neighbors",
               "Neighbours (k)",
               ParamSpec::Type::Int,
               "5",
               1,
               10000,
               {},
               "How many nearest training rows vote on a prediction."},
    ParamSpec {"weights",
               "Vote weights",
               ParamSpec::Type::Choice,
               "uniform",
               0,
               0,
               {"uniform", "distance"},
               "uniform: every neighbour counts the same; distance: neighbours count by the "
               "inverse of their distance (an exact match takes all the weight)."},
    ParamSpec {"algorithm",
               "Search",
               ParamSpec::Type::Choice,
               "auto",
               0,
               0,
               {"auto", "brute", "kd_tree"},
               "How neighbours are found; every choice gives the same neighbours. auto uses a k-d "
               "tree up to 6 encoded columns and a blocked brute force above."},
};

using Neighbor = KNearestNeighbors::Neighbor;

/// Orders neighbours by distance, then by training row: the top of a max-heap is the worst.
inline bool closer(const Neighbor &a, const Neighbor &b)
{
    return a.squaredDistance < b.squaredDistance
        || (a.squaredDistance == b.squaredDistance && a.row < b.row);
}

/// Squared Euclidean distance summed in column order; stops early (returning a value above
/// `bound`) once the partial sum exceeds `bound`. Every path ranks by this function.
inline double squaredDistance(const double *a, const double *b, std::size_t dims, double bound)
{
    double sum = 0;
    for (std::size_t d = 0; d < dims; ++d) {
        const double diff = a[d] - b[d];
        sum += diff * diff;
        if (sum > bound)
            return sum;
    }
    return sum;
}

/// The k best neighbours seen so far, as a max-heap over a caller-provided buffer.
class BestK
{
public:
    explicit BestK(std::span<Neighbor> storage)
        : m_items(storage)
    {
    }

    std::size_t size() const { return m_size; }
    bool full() const { return m_size == m_items.size(); }
    /// Distances above this cannot enter.
    double bound() const
    {
        return full() && m_size > 0 ? m_items[0].squaredDistance
                                    : std::numeric_limits<double>::infinity();
    }
    void offer(std::size_t row, double distance)
    {
        const Neighbor n {row, distance};
        if (m_items.empty())
            return;
        if (!full()) {
            m_items[m_size++] = n;
            std::push_heap(m_items.begin(), m_items.begin() + static_cast<std::ptrdiff_t>(m_size),
                           closer);
        } else if (closer(n, m_items[0])) {
            std::pop_heap(m_items.begin(), m_items.end(), closer);
            m_items.back() = n;
            std::push_heap(m_items.begin(), m_items.end(), closer);
        }
    }
    /// Sorts the kept neighbours, nearest first, and returns them.
    std::span<Neighbor> sorted()
    {
        const auto end = m_items.begin() + static_cast<std::ptrdiff_t>(m_size);
        std::sort_heap(m_items.begin(), end, closer);
        return m_items.first(m_size);
    }

private:
    std::span<Neighbor> m_items;
    std::size_t m_size = 0;
};

/// Training rows regrouped for the brute kernel: panels of kPanel rows, each stored column by
/// column (dims x kPanel), plus every row's squared norm (+inf for padding rows).
struct Panels
{
    std::vector<double> values;
    std::vector<double> norms;
    std::size_t count = 0;
};

Panels makePanels(const std::vector<double> &rows, std::size_t n, std::size_t dims)
{
    Panels p;
    p.count = (n + kPanel - 1) / kPanel;
    p.values.assign(p.count * kPanel * dims, 0.0);
    p.norms.assign(p.count * kPanel, std::numeric_limits<double>::infinity());
    for (std::size_t r = 0; r < n; ++r) {
        const double *src = rows.data() + r * dims;
        double *dst = p.values.data() + (r / kPanel) * kPanel * dims + r % kPanel;
        double norm = 0;
        for (std::size_t d = 0; d < dims; ++d) {
            dst[d * kPanel] = src[d];
            norm += src[d] * src[d];
        }
        p.norms[r] = norm;
    }
    return p;
}

/// Four doubles as one value: GCC lowers it to two SSE2 operations, or one AVX operation in the
/// x86-64-v3 clone. Only used inside screenBlock, never passed by value.
using Lanes = double __attribute__((vector_size(32)));
static_assert(kPanel == 8, "the kernel holds a panel in two Lanes");

/// Screens every training row for `count` queries (row-major, `dims` wide) by
/// |y|^2 - 2 x.y, keeping each query's best candidates in heaps[q].
MB_KNN_KERNEL
void screenBlock(const double *queries, std::size_t count, std::size_t dims, const double *panels,
                 const double *norms, std::size_t panelCount, std::size_t rows, BestK *heaps)
{
    const std::size_t panelsPerBlock = kTrainBlock / kPanel;
    for (std::size_t p0 = 0; p0 < panelCount; p0 += panelsPerBlock) {
        const std::size_t p1 = std::min(panelCount, p0 + panelsPerBlock);
        for (std::size_t q0 = 0; q0 < count; q0 += kTileQueries) {
            const std::size_t tile = std::min(kTileQueries, count - q0);
            const double *x[kTileQueries];
            for (std::size_t i = 0; i < kTileQueries; ++i)
                x[i] = queries + (q0 + std::min(i, tile - 1)) * dims;
            for (std::size_t p = p0; p < p1; ++p) {
                const double *panel = panels + p * kPanel * dims;
                // 4 queries x 8 rows of dot products in eight registers (set from the first
                // column rather than zeroed: a zeroed array ends up as a memset per panel).
                Lanes acc[kTileQueries][2];
                {
                    Lanes y0, y1;
                    std::memcpy(&y0, panel, sizeof y0);
                    std::memcpy(&y1, panel + 4, sizeof y1);
                    for (std::size_t i = 0; i < kTileQueries; ++i) {
                        const double xi = x[i][0];
                        const Lanes xv = {xi, xi, xi, xi};
                        acc[i][0] = xv * y0;
                        acc[i][1] = xv * y1;
                    }
                }
                for (std::size_t d = 1; d < dims; ++d) {
                    Lanes y0, y1;
                    std::memcpy(&y0, panel + d * kPanel, sizeof y0);
                    std::memcpy(&y1, panel + d * kPanel + 4, sizeof y1);
                    for (std::size_t i = 0; i < kTileQueries; ++i) {
                        const double xi = x[i][d];
                        const Lanes xv = {xi, xi, xi, xi};
                        acc[i][0] += xv * y0;
                        acc[i][1] += xv * y1;
                    }
                }
                Lanes n0, n1;
                std::memcpy(&n0, norms + p * kPanel, sizeof n0);
                std::memcpy(&n1, norms + p * kPanel + 4, sizeof n1);
                for (std::size_t i = 0; i < tile; ++i) {
                    BestK &heap = heaps[q0 + i];
                    const Lanes s0 = n0 - 2 * acc[i][0];
                    const Lanes s1 = n1 - 2 * acc[i][1];
                    double screen[kPanel];
                    std::memcpy(screen, &s0, sizeof s0);
                    std::memcpy(screen + 4, &s1, sizeof s1);
                    const double bound = heap.bound();
                    bool any = false;
                    for (std::size_t t = 0; t < kPanel; ++t)
                        any = any || screen[t] < bound;
                    if (!any)
                        continue;
                    for (std::size_t t = 0; t < kPanel; ++t) {
                        const std::size_t row = p * kPanel + t;
                        if (row < rows && screen[t] < heap.bound())
                            heap.offer(row, screen[t]);
                    }
                }
            }
        }
    }
}

} // namespace

/// A k-d tree over the encoded training rows: median splits on the widest dimension, leaves of
/// up to kLeafSize rows, bounding boxes per node for pruning. Rows are copied in tree order.
class KNearestNeighbors::KdTree
{
public:
    KdTree(const std::vector<double> &rows, std::size_t n, std::size_t dims)
        : m_dims(dims)
    {
        std::vector<std::size_t> order(n);
        for (std::size_t i = 0; i < n; ++i)
            order[i] = i;
        if (n > 0)
            build(rows, order, 0, n);
        m_points.resize(n * dims);
        m_index.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            m_index[i] = order[i];
            std::copy_n(rows.data() + order[i] * dims, dims, m_points.data() + i * dims);
        }
    }

    void search(const double *query, BestK &best) const
    {
        if (!m_nodes.empty())
            visit(0, query, best);
    }

private:
    struct Node
    {
        std::size_t begin = 0, end = 0;
        std::size_t left = 0, right = 0; // 0: leaf (the root is never a child)
    };

    std::size_t build(const std::vector<double> &rows, std::vector<std::size_t> &order,
                      std::size_t begin, std::size_t end)
    {
        const std::size_t id = m_nodes.size();
        m_nodes.push_back({begin, end, 0, 0});
        m_lo.resize((id + 1) * m_dims, std::numeric_limits<double>::infinity());
        m_hi.resize((id + 1) * m_dims, -std::numeric_limits<double>::infinity());
        double *lo = m_lo.data() + id * m_dims;
        double *hi = m_hi.data() + id * m_dims;
        for (std::size_t i = begin; i < end; ++i) {
            const double *row = rows.data() + order[i] * m_dims;
            for (std::size_t d = 0; d < m_dims; ++d) {
                lo[d] = std::min(lo[d], row[d]);
                hi[d] = std::max(hi[d], row[d]);
            }
        }
        std::size_t widest = 0;
        double spread = 0;
        for (std::size_t d = 0; d < m_dims; ++d) {
            if (hi[d] - lo[d] > spread) {
                spread = hi[d] - lo[d];
                widest = d;
            }
        }
        if (end - begin <= kLeafSize || !(spread > 0))
            return id;
        // Median by (value, row): a strict order, so the halves do not depend on the library.
        const std::size_t mid = begin + (end - begin) / 2;
        const auto at = [&](std::size_t r) {
            return rows[r * m_dims + widest];
        };
        std::nth_element(order.begin() + static_cast<std::ptrdiff_t>(begin),
                         order.begin() + static_cast<std::ptrdiff_t>(mid),
                         order.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](std::size_t a, std::size_t b) {
                             return at(a) < at(b) || (at(a) == at(b) && a < b);
                         });
        const std::size_t left = build(rows, order, begin, mid);
        const std::size_t right = build(rows, order, mid, end);
        m_nodes[id].left = left;
        m_nodes[id].right = right;
        return id;
    }

    /// Squared distance from `query` to node's box, summed in column order: never more than
    /// the distance to any row inside, so pruning on it is exact.
    double boxDistance(std::size_t node, const double *query) const
    {
        const double *lo = m_lo.data() + node * m_dims;
        const double *hi = m_hi.data() + node * m_dims;
        double sum = 0;
        for (std::size_t d = 0; d < m_dims; ++d) {
            const double gap
                = query[d] < lo[d] ? lo[d] - query[d] : (query[d] > hi[d] ? query[d] - hi[d] : 0.0);
            sum += gap * gap;
        }
        return sum;
    }

    void visit(std::size_t id, const double *query, BestK &best) const
    {
        const Node &node = m_nodes[id];
        if (node.left == 0) {
            for (std::size_t i = node.begin; i < node.end; ++i) {
                const double bound = best.bound();
                const double d
                    = squaredDistance(query, m_points.data() + i * m_dims, m_dims, bound);
                if (d <= bound)
                    best.offer(m_index[i], d);
            }
            return;
        }
        const double dl = boxDistance(node.left, query);
        const double dr = boxDistance(node.right, query);
        const std::size_t first = dl <= dr ? node.left : node.right;
        const std::size_t second = dl <= dr ? node.right : node.left;
        if (std::min(dl, dr) <= best.bound())
            visit(first, query, best);
        if (std::max(dl, dr) <= best.bound())
            visit(second, query, best);
    }

    std::size_t m_dims;
    std::vector<Node> m_nodes;
    std::vector<double> m_lo, m_hi;
    std::vector<double> m_points;
    std::vector<std::size_t> m_index;
};

std::span<const ParamSpec> KNearestNeighbors::paramSpecs()
{
    return kSpecs;
}

KNearestNeighbors::KNearestNeighbors(std::span<const ParamValue> values)
{
    if (values.size() == kSpecs.size()) {
        m_neighbors = static_cast<std::int32_t>(values[0].number);
        m_weights = values[1].text == "distance" ? Weights::Distance : Weights::Uniform;
        m_algorithm = values[2].text == "brute" ? Algorithm::Brute
            : values[2].text == "kd_tree"       ? Algorithm::KdTree
                                                : Algorithm::Auto;
    }
}

KNearestNeighbors::~KNearestNeighbors() = default;

Expected<void> KNearestNeighbors::fit(const TrainingSet &data, const FitControl &control)
{
    m_classCount = 0;
    m_rows.clear();
    m_labels.clear();
    m_tree.reset();
    if (!data.x || data.x->rows() != data.y.size() || data.x->cols() != data.features.size())
        return fail(ErrorCode::Internal, "knn: the training set's parts differ in size");
    if (data.classCount < 2)
        return fail(ErrorCode::Usage, "k nearest neighbours needs at least two classes.");
    if (data.x->rows() == 0)
        return fail(ErrorCode::Usage, "k nearest neighbours needs at least one training row.");
    control.progress(0);
    // Votes are not weighted by row weights (scikit-learn's KNeighborsClassifier has none).
    m_encoder.fit(*data.x, data.features, {}, Standardizer::Indicators::Fixed,
                  std::numbers::sqrt2 / 2);
    const std::size_t n = data.x->rows();
    const std::size_t dims = m_encoder.encodedCount();
    m_rows.resize(n * dims);
    const std::size_t blocks = (n + kTrainBlock - 1) / kTrainBlock;
    for (std::size_t b = 0; b < blocks; ++b) {
        if (control.stopRequested())
            return fail(ErrorCode::Cancelled, "Training was cancelled.");
        const std::size_t begin = b * kTrainBlock;
        m_encoder.encodeRows(*data.x, begin, std::min(kTrainBlock, n - begin),
                             m_rows.data() + begin * dims);
        control.progress(0.5 * double(b + 1) / double(blocks));
    }
    m_labels.assign(data.y.begin(), data.y.end());
    if (control.stopRequested()) {
        m_rows.clear();
        m_labels.clear();
        return fail(ErrorCode::Cancelled, "Training was cancelled.");
    }
    m_classCount = data.classCount;
    rebuildIndex();
    control.progress(1);
    return {};
}

bool KNearestNeighbors::usesTree() const
{
    return m_algorithm == Algorithm::KdTree
        || (m_algorithm == Algorithm::Auto && m_encoder.encodedCount() <= kTreeMaxDims);
}

void KNearestNeighbors::rebuildIndex()
{
    m_tree.reset();
    if (usesTree())
        m_tree = std::make_unique<KdTree>(m_rows, m_labels.size(), m_encoder.encodedCount());
}

int KNearestNeighbors::classCount() const
{
    return m_classCount;
}

std::size_t KNearestNeighbors::neighborCount() const
{
    return std::min(static_cast<std::size_t>(std::max(m_neighbors, 1)), m_labels.size());
}

void KNearestNeighbors::searchOne(const double *query, std::span<Neighbor> found) const
{
    BestK best(found);
    if (m_tree) {
        m_tree->search(query, best);
    } else {
        const std::size_t dims = m_encoder.encodedCount();
        for (std::size_t r = 0; r < m_labels.size(); ++r) {
            const double bound = best.bound();
            const double d = squaredDistance(query, m_rows.data() + r * dims, dims, bound);
            if (d <= bound)
                best.offer(r, d);
        }
    }
    best.sorted();
}

void KNearestNeighbors::vote(std::span<const Neighbor> found, double *proba) const
{
    const auto classes = static_cast<std::size_t>(m_classCount);
    std::fill_n(proba, classes, 0.0);
    if (found.empty()) {
        std::fill_n(proba, classes, 1.0 / static_cast<double>(classes));
        return;
    }
    const bool exact = m_weights == Weights::Distance && found.front().squaredDistance == 0;
    double total = 0;
    for (const Neighbor &n : found) {
        double w = 1.0;
        if (m_weights == Weights::Distance)
            w = exact ? (n.squaredDistance == 0 ? 1.0 : 0.0) : 1.0 / std::sqrt(n.squaredDistance);
        proba[static_cast<std::size_t>(m_labels[n.row])] += w;
        total += w;
    }
    for (std::size_t k = 0; k < classes; ++k)
        proba[k] /= total;
}

void KNearestNeighbors::predictRow(std::span<const double> row, std::span<double> proba) const
{
    const std::size_t dims = m_encoder.encodedCount();
    const std::size_t k = neighborCount();
    std::array<double, kStackDims> queryStack;
    std::array<Neighbor, kStackNeighbors> foundStack;
    std::vector<double> queryHeap;
    std::vector<Neighbor> foundHeap;
    double *query = queryStack.data();
    std::span<Neighbor> found(foundStack.data(), std::min(k, kStackNeighbors));
    if (dims > kStackDims) {
        queryHeap.resize(dims);
        query = queryHeap.data();
    }
    if (k > kStackNeighbors) {
        foundHeap.resize(k);
        found = foundHeap;
    }
    m_encoder.encodeRow(row, query);
    searchOne(query, found);
    vote(found, proba.data());
}

std::vector<KNearestNeighbors::Neighbor>
KNearestNeighbors::neighbors(std::span<const double> row) const
{
    std::vector<double> query(m_encoder.encodedCount());
    std::vector<Neighbor> found(neighborCount());
    m_encoder.encodeRow(row, query.data());
    searchOne(query.data(), found);
    return found;
}

void KNearestNeighbors::searchBrute(const FeatureMatrix &x, std::span<Neighbor> found) const
{
    const std::size_t dims = m_encoder.encodedCount();
    const std::size_t k = neighborCount();
    const std::size_t n = m_labels.size();
    const std::size_t candidates = std::min(n, k + kExtraCandidates);
    const Panels panels = makePanels(m_rows, n, dims);
    const std::size_t queries = x.rows();
    const std::size_t blocks = (queries + kQueryBlock - 1) / kQueryBlock;
    parallelFor(blocks, resolveThreads(0), [&](std::size_t block, int) {
        const std::size_t begin = block * kQueryBlock;
        const std::size_t count = std::min(kQueryBlock, queries - begin);
        std::vector<double> encoded(count * dims);
        m_encoder.encodeRows(x, begin, count, encoded.data());
        std::vector<Neighbor> storage(count * candidates);
        std::vector<BestK> heaps;
        heaps.reserve(count);
        for (std::size_t q = 0; q < count; ++q)
            heaps.emplace_back(std::span<Neighbor>(storage.data() + q * candidates, candidates));
        screenBlock(encoded.data(), count, dims, panels.values.data(), panels.norms.data(),
                    panels.count, n, heaps.data());
        // Re-rank the screened candidates by exact distance, as every other path ranks.
        for (std::size_t q = 0; q < count; ++q) {
            std::span<Neighbor> kept = heaps[q].sorted();
            for (Neighbor &c : kept) {
                c.squaredDistance
                    = squaredDistance(encoded.data() + q * dims, m_rows.data() + c.row * dims, dims,
                                      std::numeric_limits<double>::infinity());
            }
            std::sort(kept.begin(), kept.end(), closer);
            std::copy_n(kept.begin(), std::min(k, kept.size()),
                        found.begin() + static_cast<std::ptrdiff_t>((begin + q) * k));
        }
    });
}

void KNearestNeighbors::predictProba(const FeatureMatrix &x, std::span<double> out) const
{
    const auto classes = static_cast<std::size_t>(m_classCount);
    const std::size_t dims = m_encoder.encodedCount();
    const std::size_t k = neighborCount();
    const std::size_t queries = x.rows();
    if (!m_tree && queries >= kBruteMinQueries && dims > 0) {
        std::vector<Neighbor> found(queries * k);
        searchBrute(x, found);
        for (std::size_t q = 0; q < queries; ++q)
            vote(std::span<const Neighbor>(found.data() + q * k, k), out.data() + q * classes);
        return;
    }
    const std::size_t blocks = (queries + kQueryBlock - 1) / kQueryBlock;
    const int threads = queries * m_labels.size() > 100000 ? resolveThreads(0) : 1;
    parallelFor(blocks, threads, [&](std::size_t block, int) {
        std::vector<double> row(x.cols()), query(dims);
        std::vector<Neighbor> found(k);
        const std::size_t end = std::min(queries, (block + 1) * kQueryBlock);
        for (std::size_t q = block * kQueryBlock; q < end; ++q) {
            x.copyRow(q, row);
            m_encoder.encodeRow(row, query.data());
            searchOne(query.data(), found);
            vote(found, out.data() + q * classes);
        }
    });
}

template<class Archive> void KNearestNeighbors::serialize(Archive &ar, const unsigned int)
{
    using boost::serialization::make_nvp;
    std::int32_t weights = m_weights == Weights::Distance ? 1 : 0;
    std::int32_t algorithm = static_cast<std::int32_t>(m_algorithm);
    ar &make_nvp("n_neighbors", m_neighbors);
    ar &make_nvp("weights", weights);
    ar &make_nvp("algorithm", algorithm);
    ar &make_nvp("encoder", m_encoder);
    ar &make_nvp("class_count", m_classCount);
    archive::items(ar, "rows", m_rows);
    archive::items(ar, "labels", m_labels);
    if constexpr (Archive::is_loading::value) {
        if (m_neighbors < 1 || weights < 0 || weights > 1 || algorithm < 0 || algorithm > 2
            || m_classCount < 2)
            throw archive::CorruptPayload("the k-NN model holds an impossible setting");
        m_weights = weights == 1 ? Weights::Distance : Weights::Uniform;
        m_algorithm = static_cast<Algorithm>(algorithm);
        if (m_labels.empty() || m_rows.size() != m_labels.size() * m_encoder.encodedCount())
            throw archive::CorruptPayload("the k-NN model's sizes do not fit together");
        for (std::int32_t label : m_labels) {
            if (label < 0 || label >= m_classCount)
                throw archive::CorruptPayload("the k-NN model holds a class out of range");
        }
        if (!std::ranges::all_of(m_rows, [](double v) { return std::isfinite(v); }))
            throw archive::CorruptPayload("the k-NN model holds a value that is not a number");
        rebuildIndex();
    }
}

MB_INSTANTIATE_SERIALIZE(KNearestNeighbors);

} // namespace mb
