// SPDX-License-Identifier: MIT
#include "core/ml/decision_tree.h"

#include "core/ml/cost_complexity_pruning.h"
#include "core/base/parallel.h"
#include "core/model/archive_io.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <random>

namespace mb {

namespace {

constexpr int kCvFolds = 5;

enum Param : std::size_t {
    kCriterion,
    kMaxDepth,
    kMinSamplesSplit,
    kMinSamplesLeaf,
    kMaxFeatures,
    kClassWeight,
    kCcpAlpha,
    kPrune,
    kParamCount
};

std::unexpected<Error> cancelled()
{
    return fail(ErrorCode::Cancelled, "Training was cancelled.");
}

std::vector<double> normalised(std::vector<double> v)
{
    const double sum = std::accumulate(v.begin(), v.end(), 0.0);
    if (sum > 0) {
        for (double &x : v)
            x /= sum;
    }
    return v;
}

/// Adds to errors[j] the weight of the `heldOut` rows that `tree`, pruned at candidates[j],
/// misclassifies. Along a row's path the collapse alphas never grow, so the node that
/// predicts at alpha is the shallowest one with collapse alpha <= alpha: each path node
/// predicts for one interval of alphas, added to a difference array over the candidates.
void addHeldOutErrors(const GrownTree &tree, const CostComplexityPruning &pruning, const FeatureMatrix &x,
                      std::span<const std::uint32_t> heldOut, std::span<const std::int32_t> y,
                      std::span<const double> weights, std::span<const double> candidates,
                      std::span<double> errors)
{
    const std::size_t m = candidates.size();
    std::vector<double> diff(m + 1, 0.0);
    std::vector<std::size_t> path;
    // The first candidate index whose alpha is >= a (candidate 0 is alpha 0: the full tree).
    auto firstAtLeast = [&](double a) {
        return static_cast<std::size_t>(std::lower_bound(candidates.begin() + 1, candidates.end(), a) - candidates.begin());
    };
    for (std::uint32_t r : heldOut) {
        // Raw values, not bins: a held-out value may fall between the training values of a
        // split, where only the threshold decides, as it will for new rows.
        path.clear();
        std::size_t node = 0;
        while (true) {
            path.push_back(node);
            if (tree.isLeaf(node))
                break;
            const double value = x.at(r, static_cast<std::size_t>(tree.feature[node]));
            node = tree.goesLeftValue(node, value) ? node + 1 : static_cast<std::size_t>(tree.right[node]);
        }
        const double w = weights[r];
        const std::int32_t truth = y[r];
        if (tree.majorityClass(path.back()) != truth) {
            diff[0] += w;
            diff[1] -= w;
        }
        double upper = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < path.size(); ++i) {
            const double lower = tree.isLeaf(path[i]) ? 0.0 : pruning.collapseAlpha(path[i]);
            const std::size_t lo = firstAtLeast(lower);
            const std::size_t hi = firstAtLeast(upper);
            if (lo < hi && tree.majorityClass(path[i]) != truth) {
                diff[lo] += w;
                diff[hi] -= w;
            }
            upper = lower;
        }
    }
    double running = 0;
    for (std::size_t j = 0; j < m; ++j) {
        running += diff[j];
        errors[j] += running;
    }
}

/// Stratified fold of every listed row (shuffled within each class with `seed`).
std::vector<std::uint8_t> stratifiedFolds(std::span<const std::uint32_t> rows, std::span<const std::int32_t> y,
                                          int classCount, int folds, std::uint64_t seed)
{
    std::vector<std::vector<std::uint32_t>> byClass(static_cast<std::size_t>(classCount));
    for (std::uint32_t r : rows)
        byClass[static_cast<std::size_t>(y[r])].push_back(r);
    std::vector<std::uint8_t> fold(y.size(), 0);
    std::mt19937_64 rng(seed);
    std::size_t next = 0;
    for (auto &members : byClass) {
        std::ranges::shuffle(members, rng);
        for (std::uint32_t r : members)
            fold[r] = static_cast<std::uint8_t>(next++ % static_cast<std::size_t>(folds));
    }
    return fold;
}

/// Breiman's choice of ccp_alpha: for each candidate alpha of the full tree, the error of
/// fold trees pruned at it on their held-out rows; then the largest alpha whose error is
/// within one standard error of the smallest. nullopt when cancelled.
std::optional<double> chooseAlphaByCv(const BinnedMatrix &bins, const TrainingSet &data, std::span<const double> weights,
                                      std::span<const std::uint32_t> rows, std::span<const double> candidates,
                                      const TreeGrowth &growth, const FitControl &control, int threads,
                                      const std::function<void(int foldsDone)> &foldDone)
{
    if (candidates.size() < 2)
        return 0.0;
    const int folds = static_cast<int>(std::min<std::size_t>(kCvFolds, rows.size()));
    const std::vector<std::uint8_t> fold = stratifiedFolds(rows, data.y, data.classCount, folds, control.seed ^ 0x5eedf01dULL);
    std::vector<std::vector<double>> foldErrors(static_cast<std::size_t>(folds), std::vector<double>(candidates.size(), 0.0));
    std::atomic<bool> stop{false};
    std::atomic<int> done{0};
    parallelFor(static_cast<std::size_t>(folds), threads, [&](std::size_t k, int) {
        if (stop || control.stopRequested()) {
            stop = true;
            return;
        }
        std::vector<std::uint32_t> train, held;
        for (std::uint32_t r : rows)
            (fold[r] == k ? held : train).push_back(r);
        HistogramTreeGrower grower(bins, data.y, data.classCount, growth);
        auto tick = [&](double) { return !stop && !control.stopRequested(); };
        auto tree = grower.grow(train, weights, control.seed + 1 + k, tick);
        if (!tree) {
            stop = true;
            return;
        }
        const CostComplexityPruning pruning(*tree);
        addHeldOutErrors(*tree, pruning, *data.x, held, data.y, weights, candidates, foldErrors[k]);
        foldDone(++done);
    });
    if (stop)
        return std::nullopt;

    double totalWeight = 0;
    for (std::uint32_t r : rows)
        totalWeight += weights[r];
    const double n = static_cast<double>(rows.size());
    std::vector<double> error(candidates.size(), 0.0);
    for (const auto &e : foldErrors) {
        for (std::size_t j = 0; j < e.size(); ++j)
            error[j] += e[j];
    }
    for (double &e : error)
        e = std::clamp(e / totalWeight, 0.0, 1.0);
    const std::size_t best = static_cast<std::size_t>(std::ranges::min_element(error) - error.begin());
    const double limit = error[best] + std::sqrt(error[best] * (1 - error[best]) / n);
    std::size_t chosen = best;
    for (std::size_t j = candidates.size(); j-- > 0;) {
        if (error[j] <= limit) {
            chosen = j;
            break;
        }
    }
    return candidates[chosen];
}

} // namespace

std::span<const ParamSpec> DecisionTree::paramSpecs()
{
    using T = ParamSpec::Type;
    static const std::vector<ParamSpec> specs{
        {"criterion", "Split criterion", T::Choice, "gini", 0, 0, {"gini", "entropy", "log_loss"},
         "How the quality of a split is measured: Gini impurity, or entropy (information gain; "
         "log_loss is the same)."},
        {"max_depth", "Maximum depth", T::Int, "none", 1, 1000, {},
         "The longest path from the root to a leaf; 'none' grows until the leaves are pure or too small.",
         {"none"}},
        {"min_samples_split", "Minimum rows to split", T::Int, "2", 2, 1e9, {},
         "A node with fewer rows than this becomes a leaf."},
        {"min_samples_leaf", "Minimum rows per leaf", T::Int, "1", 1, 1e9, {},
         "A split is allowed only when both sides keep at least this many rows."},
        {"max_features", "Features per split", T::Real, "none", 0.0001, 1e9, {},
         "Features drawn at random at each node: all ('none'), the square root or log2 of their "
         "number, a count (>= 1) or a fraction (< 1).",
         {"none", "sqrt", "log2"}},
        {"class_weight", "Class weights", T::Choice, "none", 0, 0, {"none", "balanced"},
         "'balanced' weighs each class inversely to its frequency, so that rare classes count as "
         "much as common ones."},
        {"ccp_alpha", "Pruning strength (ccp_alpha)", T::Real, "0", 0, 1e9, {},
         "Minimal cost-complexity pruning: splits that lower the weighted impurity by at most this "
         "much per leaf are removed. Used as given when prune is 'none'."},
        {"prune", "Pruning", T::Choice, "cv", 0, 0, {"cv", "none"},
         "'cv' chooses ccp_alpha by 5-fold cross-validation on the training rows (the largest alpha "
         "within one standard error of the best); 'none' uses ccp_alpha as given."},
    };
    return specs;
}

DecisionTree::DecisionTree(std::span<const ParamValue> values)
{
    std::vector<ParamValue> all(values.begin(), values.end());
    if (all.size() < kParamCount)
        all = checkParams(paramSpecs(), {}).values;
    m_growth.criterion = all[kCriterion].text == "gini" ? SplitCriterion::Gini : SplitCriterion::Entropy;
    m_growth.maxDepth = resolveMaxDepth(all[kMaxDepth]);
    m_growth.minSamplesSplit = static_cast<int>(all[kMinSamplesSplit].number);
    m_growth.minSamplesLeaf = static_cast<int>(all[kMinSamplesLeaf].number);
    m_maxFeatures = all[kMaxFeatures];
    m_balanced = all[kClassWeight].text == "balanced";
    m_ccpAlpha = all[kCcpAlpha].number;
    m_pruneByCv = all[kPrune].text == "cv";
}

Expected<void> DecisionTree::fit(const TrainingSet &data, const FitControl &control)
{
    m_tree = FlatTree();
    m_summary = TreeSummary();
    m_importances.clear();
    m_fittedAlpha = 0;
    if (auto ok = checkTreeInput(data); !ok)
        return ok;
    const int threads = resolveThreads(control.threads);
    const std::size_t featureCount = data.x->cols();
    MonotoneProgress progress(control);
    progress.report(0.0);

    const BinnedMatrix bins = BinnedMatrix::build(*data.x, data.features, BinnedMatrix::kMaxBins, control.seed, threads);
    if (control.stopRequested())
        return cancelled();
    const std::vector<double> weights = treeRowWeights(data, m_balanced);
    std::vector<std::uint32_t> rows;
    rows.reserve(weights.size());
    for (std::size_t r = 0; r < weights.size(); ++r) {
        if (weights[r] > 0)
            rows.push_back(static_cast<std::uint32_t>(r));
    }
    if (rows.empty())
        return fail(ErrorCode::Usage, "Every training row has a weight of zero.");

    TreeGrowth growth = m_growth;
    growth.maxFeatures = resolveMaxFeatures(m_maxFeatures, featureCount);
    const bool cv = m_pruneByCv && rows.size() >= 2;
    // Progress units: the full tree, then each fold's tree.
    const double units = cv ? 1 + kCvFolds : 1;

    HistogramTreeGrower grower(bins, data.y, data.classCount, growth);
    auto tick = [&](double fraction) {
        progress.report(fraction / units);
        return !control.stopRequested();
    };
    std::optional<GrownTree> grown = grower.grow(rows, weights, control.seed, tick);
    if (!grown || control.stopRequested())
        return cancelled();
    progress.report(1 / units);

    double alpha = m_ccpAlpha;
    std::vector<std::uint8_t> keep;  // empty: every split stays
    if (cv || alpha > 0) {
        const CostComplexityPruning pruning(*grown);
        if (cv) {
            const std::vector<double> candidates = pruning.candidateAlphas();
            auto foldDone = [&](int folds) { progress.report((1 + folds) / units); };
            const auto chosen = chooseAlphaByCv(bins, data, weights, rows, candidates, growth, control, threads, foldDone);
            if (!chosen || control.stopRequested())
                return cancelled();
            alpha = *chosen;
        }
        keep = pruning.keep(alpha);
    }
    m_tree = FlatTree(*grown, static_cast<int>(featureCount), keep);
    m_summary = TreeSummary::build(*grown, keep, bins, rows, data.y, weights);
    m_importances = normalised(grown->impurityDecrease(featureCount, keep));
    m_fittedAlpha = alpha;
    progress.report(1.0);
    return {};
}

void DecisionTree::predictProba(const FeatureMatrix &x, std::span<double> out) const
{
    // Rows copied to row-major form: a walk then reads one short row instead of values a
    // column apart, which more than pays for the copy.
    predictRowBlocks(x, m_tree.classCount(), out, true,
                     [&](const double *values, std::size_t rowStep, std::size_t featureStep, std::size_t count,
                         double *o) { m_tree.accumulateBlock(values, rowStep, featureStep, count, o); });
}

void DecisionTree::predictRow(std::span<const double> row, std::span<double> proba) const
{
    std::fill(proba.begin(), proba.end(), 0.0);
    if (m_tree.classCount() > 0)
        m_tree.accumulate(row.data(), proba.data());
}

template<class Archive>
void DecisionTree::serialize(Archive &ar, const unsigned int version)
{
    using boost::serialization::make_nvp;
    ar &make_nvp("ccp_alpha", m_fittedAlpha);
    archive::items(ar, "importances", m_importances);
    ar &make_nvp("tree", m_tree);
    // Version 1 files have no summary: such a tree predicts alike, but its drawing can only
    // show the splits and the leaves' predictions.
    if constexpr (Archive::is_saving::value)
        ar &make_nvp("summary", m_summary);
    else if (version >= 2)
        ar &make_nvp("summary", m_summary);
    else
        m_summary = TreeSummary();
    if constexpr (Archive::is_loading::value) {
        if (m_importances.size() != static_cast<std::size_t>(m_tree.featureCount()))
            throw archive::CorruptPayload("tree: one importance per feature expected");
        m_summary.validate(m_tree.leafCount(), m_tree.classCount());
    }
}

MB_INSTANTIATE_SERIALIZE(DecisionTree);

} // namespace mb
