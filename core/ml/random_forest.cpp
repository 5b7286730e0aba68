// SPDX-License-Identifier: MIT
#include "core/ml/random_forest.h"

#include "core/base/parallel.h"
#include "core/model/archive_io.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <memory>
#include <numeric>
#include <random>

namespace mb {

namespace {

enum Param : std::size_t {
    kEstimators,
    kCriterion,
    kMaxDepth,
    kMinSamplesSplit,
    kMinSamplesLeaf,
    kMaxFeatures,
    kBootstrap,
    kClassWeight,
    kParamCount
};

// Out-of-bag rows are predicted in blocks of this many, each against every tree.
constexpr std::size_t kOobBlock = 256;
// Share of the progress bar for growing trees; the out-of-bag pass takes the rest.
constexpr double kTreeShare = 0.95;

std::unexpected<Error> cancelled()
{
    return fail(ErrorCode::Cancelled, "Training was cancelled.");
}

/// What one worker thread reuses from tree to tree.
struct Worker {
    std::unique_ptr<HistogramTreeGrower> grower;
    std::vector<std::uint16_t> counts;
    std::vector<double> weights;
    std::vector<std::uint32_t> rows;
};

} // namespace

std::span<const ParamSpec> RandomForest::paramSpecs()
{
    using T = ParamSpec::Type;
    static const std::vector<ParamSpec> specs{
        {"n_estimators", "Trees", T::Int, "100", 1, 10000, {},
         "Number of trees; more trees vote more smoothly but take longer to train and apply."},
        {"criterion", "Split criterion", T::Choice, "gini", 0, 0, {"gini", "entropy", "log_loss"},
         "How the quality of a split is measured: Gini impurity, or entropy (information gain; "
         "log_loss is the same)."},
        {"max_depth", "Maximum depth", T::Int, "none", 1, 1000, {},
         "The longest path from the root to a leaf; 'none' grows every tree until its leaves are "
         "pure or too small.",
         {"none"}},
        {"min_samples_split", "Minimum rows to split", T::Int, "2", 2, 1e9, {},
         "A node with fewer rows than this becomes a leaf."},
        {"min_samples_leaf", "Minimum rows per leaf", T::Int, "1", 1, 1e9, {},
         "A split is allowed only when both sides keep at least this many rows."},
        {"max_features", "Features per split", T::Real, "sqrt", 0.0001, 1e9, {},
         "Features drawn at random at each node: the square root or log2 of their number, all "
         "('none'), a count (>= 1) or a fraction (< 1). Fewer make the trees more different.",
         {"none", "sqrt", "log2"}},
        {"bootstrap", "Bootstrap samples", T::Bool, "true", 0, 1, {},
         "Grow each tree on a sample of the rows drawn with replacement (and report the "
         "out-of-bag accuracy); false grows every tree on all rows."},
        {"class_weight", "Class weights", T::Choice, "none", 0, 0, {"none", "balanced", "balanced_subsample"},
         "'balanced' weighs each class inversely to its frequency in the training rows, "
         "'balanced_subsample' in each tree's bootstrap sample."},
    };
    return specs;
}

RandomForest::RandomForest(std::span<const ParamValue> values)
{
    std::vector<ParamValue> all(values.begin(), values.end());
    if (all.size() < kParamCount)
        all = checkParams(paramSpecs(), {}).values;
    m_estimators = static_cast<int>(all[kEstimators].number);
    m_growth.criterion = all[kCriterion].text == "gini" ? SplitCriterion::Gini : SplitCriterion::Entropy;
    m_growth.maxDepth = resolveMaxDepth(all[kMaxDepth]);
    m_growth.minSamplesSplit = static_cast<int>(all[kMinSamplesSplit].number);
    m_growth.minSamplesLeaf = static_cast<int>(all[kMinSamplesLeaf].number);
    m_maxFeatures = all[kMaxFeatures];
    m_bootstrap = all[kBootstrap].number != 0;
    const std::string &cw = all[kClassWeight].text;
    m_classWeight = cw == "balanced"             ? ClassWeight::Balanced
                    : cw == "balanced_subsample" ? ClassWeight::BalancedSubsample
                                                 : ClassWeight::None;
}

Expected<void> RandomForest::fit(const TrainingSet &data, const FitControl &control)
{
    m_trees.clear();
    m_importances.clear();
    m_oobScore = std::numeric_limits<double>::quiet_NaN();
    m_classCount = 0;
    m_featureCount = 0;
    if (auto ok = checkTreeInput(data); !ok)
        return ok;
    const int threads = resolveThreads(control.threads);
    const std::size_t n = data.y.size();
    const std::size_t featureCount = data.x->cols();
    const int K = data.classCount;
    const auto trees = static_cast<std::size_t>(m_estimators);
    MonotoneProgress progress(control);
    progress.report(0.0);

    const BinnedMatrix bins = BinnedMatrix::build(*data.x, data.features, BinnedMatrix::kMaxBins, control.seed, threads);
    if (control.stopRequested())
        return cancelled();
    const std::vector<double> base = treeRowWeights(
        data, m_classWeight == ClassWeight::Balanced || (m_classWeight == ClassWeight::BalancedSubsample && !m_bootstrap));
    if (std::ranges::none_of(base, [](double w) { return w > 0; }))
        return fail(ErrorCode::Usage, "Every training row has a weight of zero.");
    TreeGrowth growth = m_growth;
    growth.maxFeatures = resolveMaxFeatures(m_maxFeatures, featureCount);

    std::vector<FlatTree> grownTrees(trees);
    std::vector<std::vector<double>> importances(trees);
    const std::size_t bagWords = (n + 63) / 64;
    std::vector<std::vector<std::uint64_t>> inBag(m_bootstrap ? trees : 0);
    std::vector<Worker> workers(static_cast<std::size_t>(threads));
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> done{0};

    parallelFor(trees, threads, [&](std::size_t t, int w) {
        if (stop || control.stopRequested()) {
            stop = true;
            return;
        }
        Worker &ws = workers[static_cast<std::size_t>(w)];
        if (!ws.grower)
            ws.grower = std::make_unique<HistogramTreeGrower>(bins, data.y, K, growth);
        std::mt19937_64 rng(control.seed + t);
        ws.rows.clear();
        std::span<const double> weights = base;
        if (m_bootstrap) {
            ws.counts.assign(n, 0);
            std::uniform_int_distribution<std::size_t> pick(0, n - 1);
            for (std::size_t i = 0; i < n; ++i) {
                std::uint16_t &c = ws.counts[pick(rng)];
                c = static_cast<std::uint16_t>(std::min<int>(c + 1, 65535));
            }
            std::vector<double> classFactor(static_cast<std::size_t>(K), 1.0);
            if (m_classWeight == ClassWeight::BalancedSubsample) {
                std::vector<double> drawn(static_cast<std::size_t>(K), 0.0);
                for (std::size_t r = 0; r < n; ++r)
                    drawn[static_cast<std::size_t>(data.y[r])] += ws.counts[r];
                const double present = static_cast<double>(std::ranges::count_if(drawn, [](double c) { return c > 0; }));
                for (std::size_t k = 0; k < drawn.size(); ++k)
                    classFactor[k] = drawn[k] > 0 ? static_cast<double>(n) / (present * drawn[k]) : 0.0;
            }
            ws.weights.resize(n);
            std::vector<std::uint64_t> &bag = inBag[t];
            bag.assign(bagWords, 0);
            for (std::size_t r = 0; r < n; ++r) {
                if (ws.counts[r] == 0)
                    continue;
                bag[r >> 6] |= std::uint64_t(1) << (r & 63);
                const double wr = base[r] * ws.counts[r] * classFactor[static_cast<std::size_t>(data.y[r])];
                if (wr > 0) {
                    ws.weights[r] = wr;
                    ws.rows.push_back(static_cast<std::uint32_t>(r));
                }
            }
            weights = ws.weights;
        } else {
            for (std::size_t r = 0; r < n; ++r) {
                if (base[r] > 0)
                    ws.rows.push_back(static_cast<std::uint32_t>(r));
            }
        }
        auto tick = [&](double) { return !stop && !control.stopRequested(); };
        std::optional<GrownTree> grown = ws.grower->grow(ws.rows, weights, rng(), tick);
        if (!grown) {
            stop = true;
            return;
        }
        grownTrees[t] = FlatTree(*grown, static_cast<int>(featureCount));
        std::vector<double> imp = grown->impurityDecrease(featureCount);
        const double sum = std::accumulate(imp.begin(), imp.end(), 0.0);
        if (sum > 0) {
            for (double &v : imp)
                v /= sum;
            importances[t] = std::move(imp);
        }
        progress.report(kTreeShare * static_cast<double>(++done) / static_cast<double>(trees));
    });
    workers.clear();
    if (stop || control.stopRequested())
        return cancelled();

    // Out-of-bag accuracy: each block of rows against every tree that left them out.
    double oob = std::numeric_limits<double>::quiet_NaN();
    if (m_bootstrap) {
        const std::size_t blocks = (n + kOobBlock - 1) / kOobBlock;
        std::vector<std::array<std::uint64_t, 2>> tally(blocks, {0, 0});  // correct, predicted
        std::vector<std::vector<double>> scratch(static_cast<std::size_t>(threads));
        std::vector<std::vector<std::uint32_t>> outOfBag(static_cast<std::size_t>(threads));
        std::atomic<std::size_t> blocksDone{0};
        parallelFor(blocks, threads, [&](std::size_t b, int w) {
            if (stop || control.stopRequested()) {
                stop = true;
                return;
            }
            const std::size_t begin = b * kOobBlock;
            const std::size_t count = std::min(kOobBlock, n - begin);
            std::vector<double> &buffer = scratch[static_cast<std::size_t>(w)];
            buffer.assign(count * featureCount + count * static_cast<std::size_t>(K) + count, 0.0);
            double *rows = buffer.data();
            double *proba = rows + count * featureCount;
            double *votes = proba + count * static_cast<std::size_t>(K);
            for (std::size_t j = 0; j < featureCount; ++j) {
                const double *column = data.x->column(j).data() + begin;
                for (std::size_t i = 0; i < count; ++i)
                    rows[i * featureCount + j] = column[i];
            }
            std::vector<std::uint32_t> &selected = outOfBag[static_cast<std::size_t>(w)];
            for (std::size_t t = 0; t < trees; ++t) {
                const std::uint64_t *bag = inBag[t].data();
                selected.clear();
                for (std::size_t i = 0; i < count; ++i) {
                    const std::size_t r = begin + i;
                    if (!((bag[r >> 6] >> (r & 63)) & 1)) {
                        selected.push_back(static_cast<std::uint32_t>(i));
                        votes[i] += 1;
                    }
                }
                grownTrees[t].accumulateSelected(rows, featureCount, selected, proba);
            }
            for (std::size_t i = 0; i < count; ++i) {
                if (votes[i] == 0)
                    continue;
                const double *p = proba + i * static_cast<std::size_t>(K);
                const auto predicted = std::max_element(p, p + K) - p;
                ++tally[b][1];
                if (predicted == data.y[begin + i])
                    ++tally[b][0];
            }
            progress.report(kTreeShare + (1 - kTreeShare) * static_cast<double>(++blocksDone) / static_cast<double>(blocks));
        });
        if (stop || control.stopRequested())
            return cancelled();
        std::uint64_t correct = 0, predicted = 0;
        for (const auto &t : tally) {
            correct += t[0];
            predicted += t[1];
        }
        if (predicted > 0)
            oob = static_cast<double>(correct) / static_cast<double>(predicted);
    }

    // Mean decrease in impurity: each tree's normalised importances, averaged over the trees
    // that split at all, normalised again (as scikit-learn does).
    std::vector<double> mean(featureCount, 0.0);
    for (const auto &imp : importances) {
        for (std::size_t f = 0; f < imp.size(); ++f)
            mean[f] += imp[f];
    }
    const double sum = std::accumulate(mean.begin(), mean.end(), 0.0);
    if (sum > 0) {
        for (double &v : mean)
            v /= sum;
    }

    m_trees = std::move(grownTrees);
    m_importances = std::move(mean);
    m_oobScore = oob;
    m_classCount = K;
    m_featureCount = static_cast<std::int32_t>(featureCount);
    progress.report(1.0);
    return {};
}

void RandomForest::predictProba(const FeatureMatrix &x, std::span<double> out) const
{
    const auto K = static_cast<std::size_t>(m_classCount);
    const double scale = m_trees.empty() ? 0.0 : 1.0 / static_cast<double>(m_trees.size());
    predictRowBlocks(x, m_classCount, out, true,
                     [&](const double *values, std::size_t rowStep, std::size_t featureStep, std::size_t count,
                         double *o) {
        // The whole block against one tree at a time, so that the tree stays in cache.
        for (const FlatTree &tree : m_trees)
            tree.accumulateBlock(values, rowStep, featureStep, count, o);
        for (std::size_t i = 0; i < count * K; ++i)
            o[i] *= scale;
    });
}

void RandomForest::predictRow(std::span<const double> row, std::span<double> proba) const
{
    std::fill(proba.begin(), proba.end(), 0.0);
    if (m_trees.empty())
        return;
    FlatTree::accumulateTrees(m_trees, row.data(), proba.data());
    const double scale = 1.0 / static_cast<double>(m_trees.size());
    for (int k = 0; k < m_classCount; ++k)
        proba[static_cast<std::size_t>(k)] *= scale;
}

template<class Archive>
void RandomForest::serialize(Archive &ar, const unsigned int /*version*/)
{
    using boost::serialization::make_nvp;
    ar &make_nvp("classes", m_classCount);
    ar &make_nvp("inputs", m_featureCount);
    // NaN (no out-of-bag rows) is kept as -1: text archives cannot read "nan" back.
    double oob = std::isnan(m_oobScore) ? -1.0 : m_oobScore;
    ar &make_nvp("oob_score", oob);
    if constexpr (Archive::is_loading::value)
        m_oobScore = oob < 0 ? std::numeric_limits<double>::quiet_NaN() : oob;
    archive::items(ar, "importances", m_importances);
    // A tree's least binary form: its three numbers and seven array counts.
    archive::records(ar, "trees", m_trees, 68);
    if constexpr (Archive::is_loading::value) {
        if (m_trees.empty())
            throw archive::CorruptPayload("forest: no trees");
        for (const FlatTree &tree : m_trees) {
            if (tree.classCount() != m_classCount || tree.featureCount() != m_featureCount)
                throw archive::CorruptPayload("forest: a tree does not match the forest's classes or features");
        }
        if (m_importances.size() != static_cast<std::size_t>(m_featureCount))
            throw archive::CorruptPayload("forest: one importance per feature expected");
    }
}

MB_INSTANTIATE_SERIALIZE(RandomForest);

} // namespace mb
