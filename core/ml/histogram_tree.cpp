// SPDX-License-Identifier: MIT
#include "core/ml/histogram_tree.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace mb {

namespace {

// A node whose impurity is at most this is pure (weights are sums of doubles).
constexpr double kPureImpurity = 1e-12;
constexpr int kTickNodes = 2048;
// Categorical features with at most this many levels present at a node try every subset of
// them (2^(levels-1) - 1 partitions); beyond, levels are ordered by a class proportion.
constexpr int kExhaustiveLevels = 8;

using CatMask = std::array<std::uint32_t, GrownTree::kCatWords>;

inline void setBit(CatMask &mask, int bit)
{
    mask[static_cast<std::size_t>(bit) >> 5] |= 1u << (bit & 31);
}

inline double xlogx(double v)
{
    return v > 0 ? v * std::log(v) : 0.0;
}

} // namespace

std::int32_t GrownTree::majorityClass(std::size_t node) const
{
    const double *w = classWeights.data() + node * static_cast<std::size_t>(classCount);
    return static_cast<std::int32_t>(std::max_element(w, w + classCount) - w);
}

std::vector<double> GrownTree::impurityDecrease(std::size_t featureCount, std::span<const std::uint8_t> keep) const
{
    // A kept split's children are always present in the arrays (pruning only turns internal
    // nodes into leaves), so node + 1 and right[node] are its children.
    std::vector<double> out(featureCount, 0.0);
    std::vector<std::uint8_t> reached(size(), 0);
    if (size() > 0)
        reached[0] = 1;
    for (std::size_t i = 0; i < size(); ++i) {
        if (!reached[i] || isLeaf(i) || (!keep.empty() && !keep[i]))
            continue;
        const auto l = i + 1;
        const auto r = static_cast<std::size_t>(right[i]);
        reached[l] = reached[r] = 1;
        const double gain = weight[i] * impurity[i] - weight[l] * impurity[l] - weight[r] * impurity[r];
        out[static_cast<std::size_t>(feature[i])] += std::max(gain, 0.0);
    }
    return out;
}

struct HistogramTreeGrower::Impl {
    /// A node waiting on the stack: its rows, where its id goes, and its histograms if any.
    struct Pending {
        std::uint32_t begin = 0;
        std::uint32_t end = 0;
        std::int32_t rightOf = -1;  ///< the parent whose right child this is, else -1
        std::int32_t depth = 0;
        std::int32_t slot = -1;  ///< slot holding every feature's histogram, or -1
    };

    /// Histograms of a list of features: per bin, K class weights then the row count, plus a
    /// bitmap of the bins that hold rows. Bins outside the bitmap are all zeros, so a slot is
    /// cleared, scanned and subtracted in time proportional to its occupied bins, not to the
    /// 255 bins a feature may have: small nodes cost as little as sorting their rows would.
    /// Histogram cells are floats: half the cache footprint of doubles, and exact for row
    /// counts up to 2^24; the weights they sum only rank candidate splits (node statistics are
    /// summed in double from the rows).
    using Cell = float;

    struct Slot {
        std::vector<Cell> cells;
        std::vector<std::uint64_t> occupied;  // kOccupancyWords per feature
    };
    static constexpr std::size_t kOccupancyWords = 4;

    /// The best split found so far at a node.
    struct Best {
        double score = 0;
        int feature = -1;
        int leftBin = 0;
        int rightBin = 0;
        bool categorical = false;
        double margin = 0;  ///< see gap()
        CatMask cat{};
    };

    Impl(const BinnedMatrix &b, std::span<const std::int32_t> labels, int classCount, const TreeGrowth &g)
        : bins(b)
        , y(labels.data())
        , K(classCount)
        , S(static_cast<std::size_t>(classCount) + 1)
        , F(b.features())
        , growth(g)
    {
        mtry = growth.maxFeatures <= 0 ? static_cast<int>(F) : std::min(growth.maxFeatures, static_cast<int>(F));
        allFeatures = mtry == static_cast<int>(F);
        featOffset.resize(F + 1, 0);
        for (std::size_t f = 0; f < F; ++f)
            featOffset[f + 1] = featOffset[f] + static_cast<std::size_t>(bins.binCount(f)) * S;
        featureRange.assign(F, 0.0);
        for (std::size_t f = 0; f < F; ++f) {
            if (bins.isCategorical(f))
                continue;
            double low = std::numeric_limits<double>::infinity(), high = -low;
            for (int b = 0; b < bins.binCount(f); ++b) {
                if (!std::isnan(bins.binLow(f, b))) {
                    low = std::min(low, bins.binLow(f, b));
                    high = std::max(high, bins.binHigh(f, b));
                }
            }
            featureRange[f] = high > low && std::isfinite(high - low) ? high - low : 0.0;
        }
        allList.resize(F);
        std::iota(allList.begin(), allList.end(), 0);
        total.resize(S);
        left.resize(S);
        bestLeft.resize(S);
        childStats.resize(2 * S);
    }

    const BinnedMatrix &bins;
    const std::int32_t *y;
    const int K;
    const std::size_t S;  // histogram stride: K class weights, then the row count
    const std::size_t F;
    const TreeGrowth growth;
    int mtry = 0;
    bool allFeatures = true;
    std::vector<std::size_t> featOffset;  // of each feature's histogram in a full slot
    std::vector<int> allList;
    std::vector<double> featureRange;  // largest minus smallest training value (numeric)

    /// A row of the tree being grown with its label and weight: partitioned together, so that
    /// the hot loops read them in order instead of looking them up by row.
    struct Entry {
        std::uint32_t row;
        std::int32_t label;
        double weight;
    };

    // Per tree.
    std::vector<Entry> entries;
    Entry *R = nullptr;
    std::mt19937_64 rng;

    // Scratch, reused between nodes and trees. Slots are kept clean (all zeros) when free.
    std::vector<Slot> slots;
    std::vector<int> freeSlots;
    Slot batchSlot;
    std::vector<std::size_t> batchOffset;
    std::vector<int> batch;
    std::vector<int> featurePerm;
    std::vector<Entry> partitionScratch;
    std::vector<Pending> stack;
    std::vector<double> stackStats;  // S per stack entry
    std::vector<double> total, left, bestLeft, childStats;
    std::vector<int> present;
    Best best;

    // ---- Criteria -------------------------------------------------------------------------

    double impurityOf(const double *c) const
    {
        double w = 0;
        for (int k = 0; k < K; ++k)
            w += c[k];
        if (w <= 0)
            return 0;
        if (growth.criterion == SplitCriterion::Gini) {
            double sq = 0;
            for (int k = 0; k < K; ++k)
                sq += (c[k] / w) * (c[k] / w);
            return std::max(0.0, 1.0 - sq);
        }
        double h = 0;
        for (int k = 0; k < K; ++k) {
            if (c[k] > 0)
                h -= (c[k] / w) * std::log2(c[k] / w);
        }
        return std::max(0.0, h);
    }

    /// A number that grows as the weighted impurity of the two children falls (the same order
    /// as scikit-learn's proxy improvement); `l` is the left side, `total` the node.
    /// The score of a split with class count KC known at compile time (0: use K), so that the
    /// loops over classes unroll for the usual small counts.
    template<int KC>
    double scoreT(const double *l) const
    {
        const int nK = KC > 0 ? KC : K;
        const double *t = total.data();
        if (growth.criterion == SplitCriterion::Gini) {
            double wl = 0, sl = 0, wr = 0, sr = 0;
            for (int k = 0; k < nK; ++k) {
                const double a = l[k];
                const double b = t[k] - a;
                wl += a;
                sl += a * a;
                wr += b;
                sr += b * b;
            }
            return sl / wl + sr / wr;
        }
        double wl = 0, wr = 0, s = 0;
        for (int k = 0; k < nK; ++k) {
            const double a = l[k];
            const double b = t[k] - a;
            wl += a;
            wr += b;
            s += xlogx(a) + xlogx(b);
        }
        return s - xlogx(wl) - xlogx(wr);
    }

    bool sidesLargeEnough(const double *l) const
    {
        const double minLeaf = growth.minSamplesLeaf;
        return l[K] >= minLeaf && total[static_cast<std::size_t>(K)] - l[K] >= minLeaf;
    }

    template<int KC>
    void consider(const double *l, int feature, int leftBin, int rightBin)
    {
        const double s = scoreT<KC>(l);
        double margin = 0;
        if (best.feature >= 0) {
            const double tolerance = 1e-12 * std::max(std::abs(s), std::abs(best.score));
            if (s < best.score - tolerance)
                return;
            if (s <= best.score + tolerance) {
                // A tie (common on small data, where several features separate a node
                // perfectly): keep the cut with the widest empty gap around it, relative to
                // its feature's range, which generalises better than the first one found.
                margin = gap(feature, leftBin, rightBin);
                if (margin <= best.margin)
                    return;
            } else {
                margin = -1;  // computed only if a tie needs it
            }
        }
        best.score = s;
        best.margin = margin < 0 || best.feature < 0 ? gap(feature, leftBin, rightBin) : margin;
        best.feature = feature;
        best.leftBin = leftBin;
        best.rightBin = rightBin;
        best.categorical = false;
        std::copy(l, l + S, bestLeft.begin());
    }

    /// The empty stretch between two bins, as a share of the feature's training range.
    double gap(int feature, int leftBin, int rightBin) const
    {
        const auto f = static_cast<std::size_t>(feature);
        const double range = featureRange[f];
        const double width = bins.binLow(f, rightBin) - bins.binHigh(f, leftBin);
        return range > 0 && std::isfinite(width) ? width / range : 0.0;
    }

    /// Calls fn(std::integral_constant<int, K>) for the usual small class counts (so that loops
    /// over classes unroll), fn(std::integral_constant<int, 0>) otherwise.
    template<class Fn>
    decltype(auto) withClassCount(Fn &&fn) const
    {
        switch (K) {
        case 2:
            return fn(std::integral_constant<int, 2>{});
        case 3:
            return fn(std::integral_constant<int, 3>{});
        case 4:
            return fn(std::integral_constant<int, 4>{});
        case 5:
            return fn(std::integral_constant<int, 5>{});
        default:
            return fn(std::integral_constant<int, 0>{});
        }
    }

    // ---- Histograms -----------------------------------------------------------------------

    int allocSlot()
    {
        if (!freeSlots.empty()) {
            const int s = freeSlots.back();
            freeSlots.pop_back();
            return s;
        }
        slots.push_back(Slot{std::vector<Cell>(featOffset[F], 0.0f), std::vector<std::uint64_t>(F * kOccupancyWords, 0)});
        return static_cast<int>(slots.size()) - 1;
    }

    /// Zeroes the occupied bins of the `m` features of `slot` (at offsets `off`).
    template<int KC>
    void clearSlotT(Slot &slot, const std::size_t *off, std::size_t m) const
    {
        const std::size_t stride = (KC > 0 ? static_cast<std::size_t>(KC) : static_cast<std::size_t>(K)) + 1;
        for (std::size_t j = 0; j < m; ++j) {
            Cell *h = slot.cells.data() + off[j];
            std::uint64_t *occ = slot.occupied.data() + j * kOccupancyWords;
            for (std::size_t w = 0; w < kOccupancyWords; ++w) {
                for (std::uint64_t bits = occ[w]; bits; bits &= bits - 1) {
                    Cell *cell = h + (w * 64 + static_cast<std::size_t>(std::countr_zero(bits))) * stride;
                    for (std::size_t k = 0; k < stride; ++k)
                        cell[k] = 0;
                }
                occ[w] = 0;
            }
        }
    }

    void clearSlot(Slot &slot, const std::size_t *off, std::size_t m) const
    {
        withClassCount([&](auto kc) { clearSlotT<decltype(kc)::value>(slot, off, m); });
    }

    void releaseSlot(int s)
    {
        if (s < 0)
            return;
        clearSlot(slots[static_cast<std::size_t>(s)], featOffset.data(), F);
        freeSlots.push_back(s);
    }

    /// Adds rows [begin, end) to the histograms of the `m` features `feats` (at offsets `off`)
    /// of a clean `slot`, marking the bins they fall in.
    template<int KC>
    void addRowsT(Slot &slot, const int *feats, const std::size_t *off, std::size_t m, std::uint32_t begin,
                 std::uint32_t end) const
    {
        // Locals, so that the compiler need not reload them after every store.
        const std::uint8_t *data = bins.data();
        const std::size_t countAt = KC > 0 ? static_cast<std::size_t>(KC) : static_cast<std::size_t>(K);
        const std::size_t stride = countAt + 1, nf = F;
        const Entry *rows = R;
        Cell *h = slot.cells.data();
        std::uint64_t *occ = slot.occupied.data();
        for (std::uint32_t i = begin; i < end; ++i) {
            const Entry e = rows[i];
            if (i + 8 < end)
                __builtin_prefetch(data + static_cast<std::size_t>(rows[i + 8].row) * nf);
            const std::uint8_t *row = data + static_cast<std::size_t>(e.row) * nf;
            const auto w = static_cast<Cell>(e.weight);
            const auto k = static_cast<std::size_t>(e.label);
            for (std::size_t j = 0; j < m; ++j) {
                const std::uint8_t b = row[feats[j]];
                Cell *cell = h + off[j] + b * stride;
                cell[k] += w;
                cell[countAt] += 1.0f;
                occ[j * kOccupancyWords + (b >> 6)] |= std::uint64_t(1) << (b & 63);
            }
        }
    }

    void addRows(Slot &slot, const int *feats, const std::size_t *off, std::size_t m, std::uint32_t begin,
                 std::uint32_t end) const
    {
        withClassCount([&](auto kc) { addRowsT<decltype(kc)::value>(slot, feats, off, m, begin, end); });
    }

    /// Removes rows [begin, end) from every feature's histogram of `slot` (which counts them).
    void subtractRows(Slot &slot, std::uint32_t begin, std::uint32_t end) const
    {
        const std::uint8_t *data = bins.data();
        const std::size_t stride = S, nf = F, countAt = static_cast<std::size_t>(K);
        Cell *h = slot.cells.data();
        std::uint64_t *occ = slot.occupied.data();
        const std::size_t *off = featOffset.data();
        for (std::uint32_t i = begin; i < end; ++i) {
            const Entry e = R[i];
            const std::uint8_t *row = data + static_cast<std::size_t>(e.row) * nf;
            const auto w = static_cast<Cell>(e.weight);
            const auto k = static_cast<std::size_t>(e.label);
            for (std::size_t f = 0; f < nf; ++f) {
                const std::uint8_t b = row[f];
                Cell *cell = h + off[f] + b * stride;
                cell[k] -= w;
                cell[countAt] -= 1.0f;
                // A bin left without rows is zeroed (its weights may keep rounding residue).
                if (cell[countAt] <= 0.5) {
                    std::fill_n(cell, stride, 0.0f);
                    occ[f * kOccupancyWords + (b >> 6)] &= ~(std::uint64_t(1) << (b & 63));
                }
            }
        }
    }

    /// Subtracts `small`'s histograms (a subset of the rows) from `slot`'s.
    void subtractSlot(Slot &slot, const Slot &small) const
    {
        for (std::size_t f = 0; f < F; ++f) {
            Cell *h = slot.cells.data() + featOffset[f];
            const Cell *g = small.cells.data() + featOffset[f];
            const std::uint64_t *occ = small.occupied.data() + f * kOccupancyWords;
            std::uint64_t *parentOcc = slot.occupied.data() + f * kOccupancyWords;
            for (std::size_t w = 0; w < kOccupancyWords; ++w) {
                for (std::uint64_t bits = occ[w]; bits; bits &= bits - 1) {
                    const std::size_t b = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
                    Cell *cell = h + b * S;
                    for (std::size_t k = 0; k < S; ++k)
                        cell[k] -= g[b * S + k];
                    if (cell[K] <= 0.5) {  // no rows left: drop the rounding residue
                        std::fill_n(cell, S, 0.0f);
                        parentOcc[w] &= ~(std::uint64_t(1) << (b & 63));
                    }
                }
            }
        }
    }

    // ---- Split search on one feature ------------------------------------------------------

    /// Numeric feature from its histogram `h` and occupancy `occ`. Returns false when the
    /// feature is constant at this node.
    template<int KC>
    bool scanNumericT(int f, const Cell *h, const std::uint64_t *occ)
    {
        double *l = left.data();
        const std::size_t nK = KC > 0 ? static_cast<std::size_t>(KC) : static_cast<std::size_t>(K);
        const std::size_t stride = nK + 1;
        std::fill_n(l, stride, 0.0);
        const double nodeRows = total[nK];
        const double minLeaf = growth.minSamplesLeaf;
        // Fayyad and Irani (1992), and Breiman (1996) for Gini: with a strictly concave
        // impurity the best cut never separates two runs of one same class, so a cut between
        // two bins that hold only that class need not be scored. With min_samples_leaf above 1
        // the best allowed cut may lie there, so then every cut is scored.
        const bool boundariesOnly = growth.minSamplesLeaf <= 1;
        int previous = -1;
        int previousClass = -2;  // the one class of the previous bin's rows, or -2 if mixed
        bool varies = false;
        for (std::size_t w = 0; w < kOccupancyWords; ++w) {
            for (std::uint64_t bits = occ[w]; bits; bits &= bits - 1) {
                const int b = static_cast<int>(w * 64) + std::countr_zero(bits);
                const Cell *cell = h + static_cast<std::size_t>(b) * stride;
                // The classes present in the bin, as bits, without branches.
                int cls = -2;
                if (nK <= 32) {
                    std::uint32_t classes = 0;
                    for (std::size_t k = 0; k < nK; ++k)
                        classes |= static_cast<std::uint32_t>(cell[k] > 0) << k;
                    cls = (classes & (classes - 1)) == 0 ? std::countr_zero(classes) : -2;
                }
                if (previous >= 0) {
                    varies = true;
                    if (nodeRows - l[nK] < minLeaf)
                        return true;
                    if (l[nK] >= minLeaf && !(boundariesOnly && cls >= 0 && cls == previousClass))
                        consider<KC>(l, f, previous, b);
                }
                for (std::size_t k = 0; k < stride; ++k)
                    l[k] += cell[k];
                previous = b;
                previousClass = cls;
            }
        }
        return varies;
    }

    bool scanNumeric(int f, const Cell *h, const std::uint64_t *occ)
    {
        return withClassCount([&](auto kc) { return scanNumericT<decltype(kc)::value>(f, h, occ); });
    }

    void considerSet(const double *l, int feature, const CatMask &leftLevels, const CatMask &presentLevels)
    {
        const double s = scoreT<0>(l);
        if (best.feature >= 0 && s <= best.score + 1e-12 * std::max(std::abs(s), std::abs(best.score)))
            return;
        best.score = s;
        best.margin = 0;
        best.feature = feature;
        best.categorical = true;
        // Levels absent at this node follow the heavier side (by weight), as most rows do.
        double wl = 0, wt = 0;
        for (int k = 0; k < K; ++k) {
            wl += l[k];
            wt += total[static_cast<std::size_t>(k)];
        }
        const bool absentLeft = wl > wt - wl;
        for (std::size_t w = 0; w < leftLevels.size(); ++w)
            best.cat[w] = leftLevels[w] | (absentLeft ? ~presentLevels[w] : 0u);
        std::copy(l, l + S, bestLeft.begin());
    }

    /// Categorical feature from its per-level histogram `h`: a subset of levels goes left.
    /// With few levels present every subset is tried. With more, the levels are ordered by the
    /// proportion of one class and only the prefixes of that order are tried (Breiman's
    /// ordering, exact for two classes), once per class present for more than two classes:
    /// a linear scan instead of an exponential one.
    bool scanCategorical(int f, const Cell *h, const std::uint64_t *occ)
    {
        present.clear();
        CatMask presentLevels{};
        for (std::size_t w = 0; w < kOccupancyWords; ++w) {
            for (std::uint64_t bits = occ[w]; bits; bits &= bits - 1) {
                const int b = static_cast<int>(w * 64) + std::countr_zero(bits);
                present.push_back(b);
                setBit(presentLevels, b);
            }
        }
        const int levels = static_cast<int>(present.size());
        if (levels < 2)
            return false;
        if (levels <= kExhaustiveLevels) {
            // The last present level always goes right, so each partition is seen once.
            const std::uint32_t subsets = 1u << (levels - 1);
            for (std::uint32_t mask = 1; mask < subsets; ++mask) {
                std::fill(left.begin(), left.end(), 0.0);
                CatMask leftLevels{};
                for (int j = 0; j < levels - 1; ++j) {
                    if (mask & (1u << j)) {
                        const Cell *cell = h + static_cast<std::size_t>(present[static_cast<std::size_t>(j)]) * S;
                        for (std::size_t k = 0; k < S; ++k)
                            left[k] += cell[k];
                        setBit(leftLevels, present[static_cast<std::size_t>(j)]);
                    }
                }
                if (sidesLargeEnough(left.data()))
                    considerSet(left.data(), f, leftLevels, presentLevels);
            }
            return true;
        }
        std::vector<int> order(present);
        std::vector<double> ratio(256, 0.0);
        for (int c = (K == 2 ? 1 : 0); c < K; ++c) {
            if (total[static_cast<std::size_t>(c)] <= 0)
                continue;
            for (int b : present) {
                const Cell *cell = h + static_cast<std::size_t>(b) * S;
                double w = 0;
                for (int k = 0; k < K; ++k)
                    w += cell[k];
                ratio[static_cast<std::size_t>(b)] = w > 0 ? cell[c] / w : 0.0;
            }
            order = present;
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
                return ratio[static_cast<std::size_t>(a)] < ratio[static_cast<std::size_t>(b)];
            });
            std::fill(left.begin(), left.end(), 0.0);
            CatMask leftLevels{};
            for (int j = 0; j + 1 < levels; ++j) {
                const int b = order[static_cast<std::size_t>(j)];
                const Cell *cell = h + static_cast<std::size_t>(b) * S;
                for (std::size_t k = 0; k < S; ++k)
                    left[k] += cell[k];
                setBit(leftLevels, b);
                if (sidesLargeEnough(left.data()))
                    considerSet(left.data(), f, leftLevels, presentLevels);
            }
        }
        return true;
    }

    bool searchFeature(int f, const Cell *h, const std::uint64_t *occ)
    {
        return bins.isCategorical(static_cast<std::size_t>(f)) ? scanCategorical(f, h, occ) : scanNumeric(f, h, occ);
    }

    // ---- A node ---------------------------------------------------------------------------

    /// Finds the best split of node `p` (whose class weights are in `total`) into `best`.
    bool findSplit(Pending &p)
    {
        best = Best{};
        if (allFeatures) {
            if (p.slot < 0) {
                p.slot = allocSlot();
                addRows(slots[static_cast<std::size_t>(p.slot)], allList.data(), featOffset.data(), F, p.begin, p.end);
            }
            const Slot &slot = slots[static_cast<std::size_t>(p.slot)];
            for (std::size_t f = 0; f < F; ++f)
                searchFeature(static_cast<int>(f), slot.cells.data() + featOffset[f], slot.occupied.data() + f * kOccupancyWords);
            return best.feature >= 0;
        }

        // Draw features without replacement until mtry of them vary at this node (constant
        // ones do not count, as in scikit-learn) or none are left.
        int need = mtry;
        std::size_t drawn = 0;
        while (need > 0 && drawn < F) {
            batch.clear();
            while (static_cast<int>(batch.size()) < need && drawn < F) {
                std::uniform_int_distribution<std::size_t> pick(drawn, F - 1);
                std::swap(featurePerm[drawn], featurePerm[pick(rng)]);
                batch.push_back(featurePerm[drawn]);
                ++drawn;
            }
            const std::size_t m = batch.size();
            batchOffset.resize(m + 1);
            batchOffset[0] = 0;
            for (std::size_t j = 0; j < m; ++j)
                batchOffset[j + 1] = batchOffset[j] + static_cast<std::size_t>(bins.binCount(static_cast<std::size_t>(batch[j]))) * S;
            if (batchSlot.cells.size() < batchOffset[m])
                batchSlot.cells.resize(batchOffset[m], 0.0f);
            if (batchSlot.occupied.size() < m * kOccupancyWords)
                batchSlot.occupied.resize(m * kOccupancyWords, 0);
            addRows(batchSlot, batch.data(), batchOffset.data(), m, p.begin, p.end);
            int varying = 0;
            for (std::size_t j = 0; j < m; ++j) {
                varying += searchFeature(batch[j], batchSlot.cells.data() + batchOffset[j],
                                         batchSlot.occupied.data() + j * kOccupancyWords)
                        ? 1
                        : 0;
            }
            clearSlot(batchSlot, batchOffset.data(), m);
            need -= varying;
        }
        return best.feature >= 0;
    }

    /// Stable partition of the node's rows by `best`; the children's class weights and row
    /// counts go to childStats (left, then right). Returns the first right position.
    std::uint32_t partition(std::uint32_t begin, std::uint32_t end)
    {
        if (partitionScratch.size() < end - begin)
            partitionScratch.resize(end - begin);
        std::fill(childStats.begin(), childStats.end(), 0.0);
        double *ls = childStats.data();
        double *rs = childStats.data() + S;
        const std::uint8_t *data = bins.data() + best.feature;
        const auto splitBin = static_cast<std::uint8_t>(best.leftBin);
        std::uint32_t write = begin;
        std::uint32_t spill = 0;
        const std::size_t nf = F;
        for (std::uint32_t i = begin; i < end; ++i) {
            const Entry e = R[i];
            if (i + 8 < end)
                __builtin_prefetch(data + static_cast<std::size_t>(R[i + 8].row) * nf);
            const std::uint8_t b = data[static_cast<std::size_t>(e.row) * nf];
            const bool goLeft = best.categorical ? ((best.cat[b >> 5] >> (b & 31)) & 1u) != 0 : b <= splitBin;
            double *side = goLeft ? ls : rs;
            side[e.label] += e.weight;
            side[K] += 1.0;
            if (goLeft)
                R[write++] = e;
            else
                partitionScratch[spill++] = e;
        }
        std::copy(partitionScratch.begin(), partitionScratch.begin() + spill, R + write);
        return write;
    }

    bool mightSplit(const double *stats, std::int32_t depth) const
    {
        const double n = stats[K];
        return n >= growth.minSamplesSplit && n >= 2.0 * growth.minSamplesLeaf
                && (growth.maxDepth <= 0 || depth < growth.maxDepth) && impurityOf(stats) > kPureImpurity;
    }

    void appendNode(GrownTree &t, const double *stats) const
    {
        t.feature.push_back(GrownTree::kLeaf);
        t.right.push_back(-1);
        t.splitBin.push_back(0);
        t.threshold.push_back(0.0);
        t.catSet.push_back(-1);
        t.impurity.push_back(impurityOf(stats));
        double w = 0;
        for (int k = 0; k < K; ++k)
            w += stats[k];
        t.weight.push_back(w);
        t.classWeights.insert(t.classWeights.end(), stats, stats + K);
    }

    void push(const Pending &p, const double *stats)
    {
        stack.push_back(p);
        stackStats.insert(stackStats.end(), stats, stats + S);
    }

    void releaseAll()
    {
        for (const Pending &p : stack)
            releaseSlot(p.slot);
        stack.clear();
        stackStats.clear();
    }

    std::optional<GrownTree> grow(std::span<const std::uint32_t> rows, std::span<const double> weights,
                                  std::uint64_t seed, const Tick &tick)
    {
        GrownTree t;
        t.classCount = K;
        if (rows.empty())
            return t;
        entries.resize(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            entries[i] = Entry{rows[i], y[rows[i]], weights[rows[i]]};
        R = entries.data();
        rng.seed(seed);
        featurePerm.resize(F);
        std::iota(featurePerm.begin(), featurePerm.end(), 0);
        stack.clear();
        stackStats.clear();

        std::vector<double> stats(S, 0.0);
        for (std::uint32_t r : rows) {
            stats[static_cast<std::size_t>(y[r])] += weights[r];
            stats[K] += 1.0;
        }
        push(Pending{0, static_cast<std::uint32_t>(rows.size()), -1, 0, -1}, stats.data());

        const double allRows = static_cast<double>(rows.size());
        double settled = 0;
        int sinceTick = 0;
        while (!stack.empty()) {
            Pending p = stack.back();
            stack.pop_back();
            std::copy(stackStats.end() - static_cast<std::ptrdiff_t>(S), stackStats.end(), total.begin());
            stackStats.resize(stackStats.size() - S);

            const auto id = static_cast<std::int32_t>(t.size());
            appendNode(t, total.data());
            if (p.rightOf >= 0)
                t.right[static_cast<std::size_t>(p.rightOf)] = id;
            if (++sinceTick >= kTickNodes) {
                sinceTick = 0;
                if (tick && !tick(settled / allRows)) {
                    releaseSlot(p.slot);
                    releaseAll();
                    return std::nullopt;
                }
            }
            if (!mightSplit(total.data(), p.depth) || !findSplit(p)) {
                releaseSlot(p.slot);
                settled += p.end - p.begin;
                continue;
            }

            const std::uint32_t mid = partition(p.begin, p.end);
            assert(mid - p.begin == static_cast<std::uint32_t>(childStats[static_cast<std::size_t>(K)]));
            const auto node = static_cast<std::size_t>(id);
            t.feature[node] = best.feature;
            if (best.categorical) {
                t.catSet[node] = static_cast<std::int32_t>(t.catBits.size());
                t.catBits.insert(t.catBits.end(), best.cat.begin(), best.cat.end());
            } else {
                t.splitBin[node] = static_cast<std::uint8_t>(best.leftBin);
                t.threshold[node] = bins.splitThreshold(static_cast<std::size_t>(best.feature), best.leftBin, best.rightBin);
            }

            Pending l{p.begin, mid, -1, p.depth + 1, -1};
            Pending r{mid, p.end, id, p.depth + 1, -1};
            const double *ls = childStats.data();
            const double *rs = childStats.data() + S;
            passHistograms(p.slot, l, r, ls, rs);
            push(r, rs);
            push(l, ls);
        }
        return t;
    }

    /// Gives the children of a node with histograms theirs: the larger child's are the
    /// parent's minus the smaller's, computed in the parent's slot, so that only the smaller
    /// child's rows are ever added up.
    void passHistograms(int slot, Pending &l, Pending &r, const double *ls, const double *rs)
    {
        if (slot < 0)
            return;
        const bool leftSmaller = l.end - l.begin < r.end - r.begin;
        Pending &small = leftSmaller ? l : r;
        Pending &large = leftSmaller ? r : l;
        const double *smallStats = leftSmaller ? ls : rs;
        const double *largeStats = leftSmaller ? rs : ls;
        if (!mightSplit(largeStats, large.depth)) {
            releaseSlot(slot);
            return;
        }
        if (mightSplit(smallStats, small.depth)) {
            small.slot = allocSlot();
            Slot &own = slots[static_cast<std::size_t>(small.slot)];
            addRows(own, allList.data(), featOffset.data(), F, small.begin, small.end);
            subtractSlot(slots[static_cast<std::size_t>(slot)], own);
        } else {
            subtractRows(slots[static_cast<std::size_t>(slot)], small.begin, small.end);
        }
        large.slot = slot;
    }
};

Expected<void> checkTreeInput(const TrainingSet &data)
{
    if (!data.x || data.x->rows() == 0)
        return fail(ErrorCode::Usage, "There are no training rows.");
    if (data.x->cols() == 0)
        return fail(ErrorCode::Usage, "There are no features to learn from.");
    if (data.y.size() != data.x->rows() || (!data.weights.empty() && data.weights.size() != data.y.size()))
        return fail(ErrorCode::Internal, "The labels or weights do not match the rows.");
    if (data.x->rows() > std::numeric_limits<std::uint32_t>::max())
        return fail(ErrorCode::Unsupported, "Trees learn from at most 4,294,967,295 rows.");
    if (data.classCount < 1)
        return fail(ErrorCode::Usage, "There are no classes to learn.");
    for (std::int32_t c : data.y) {
        if (c < 0 || c >= data.classCount)
            return fail(ErrorCode::Internal, "A class code is out of range.");
    }
    return {};
}

std::vector<double> treeRowWeights(const TrainingSet &data, bool balanced)
{
    const std::size_t n = data.y.size();
    std::vector<double> w(n, 1.0);
    if (!data.weights.empty()) {
        for (std::size_t r = 0; r < n; ++r) {
            const double v = data.weights[r];
            w[r] = std::isfinite(v) && v > 0 ? v : 0.0;
        }
    }
    if (balanced) {
        std::vector<double> count(static_cast<std::size_t>(data.classCount), 0.0);
        for (std::int32_t c : data.y)
            count[static_cast<std::size_t>(c)] += 1;
        const double present = static_cast<double>(std::ranges::count_if(count, [](double c) { return c > 0; }));
        for (std::size_t r = 0; r < n; ++r)
            w[r] *= static_cast<double>(n) / (present * count[static_cast<std::size_t>(data.y[r])]);
    }
    return w;
}

int resolveMaxFeatures(const ParamValue &value, std::size_t featureCount)
{
    const double f = static_cast<double>(featureCount);
    double m = f;
    if (value.text == "sqrt")
        m = std::floor(std::sqrt(f));
    else if (value.text == "log2")
        m = std::floor(std::log2(std::max(f, 1.0)));
    else if (!value.isSpecial())
        m = value.number >= 1 ? std::floor(value.number) : std::floor(value.number * f);
    return static_cast<int>(std::clamp(m, 1.0, std::max(f, 1.0)));
}

int resolveMaxDepth(const ParamValue &value)
{
    return value.isSpecial() ? 0 : static_cast<int>(value.number);
}

HistogramTreeGrower::HistogramTreeGrower(const BinnedMatrix &bins, std::span<const std::int32_t> y,
                                         int classCount, const TreeGrowth &growth)
    : m_impl(std::make_unique<Impl>(bins, y, classCount, growth))
{
}

HistogramTreeGrower::~HistogramTreeGrower() = default;

std::optional<GrownTree> HistogramTreeGrower::grow(std::span<const std::uint32_t> rows, std::span<const double> weights,
                                                   std::uint64_t seed, const Tick &tick)
{
    return m_impl->grow(rows, weights, seed, tick);
}

} // namespace mb
