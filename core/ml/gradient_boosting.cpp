// SPDX-License-Identifier: MIT
#include "core/ml/gradient_boosting.h"

#include "core/ml/binned_matrix.h"
#include "core/ml/boosting_loss.h"
#include "core/ml/boosting_tree_grower.h"
#include "core/base/parallel.h"
#include "core/model/archive_io.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <random>
#include <string>

namespace mb {

namespace {

const std::vector<ParamSpec> kSpecs{
    {"learning_rate", "Learning rate", ParamSpec::Type::Real, "0.1", 1e-6, 10, {},
     "Shrinks each tree's contribution; smaller values need more iterations but generalise better."},
    {"max_iter", "Iterations", ParamSpec::Type::Int, "100", 1, 100000, {},
     "Boosting iterations (one tree per class each, one in all for two classes)."},
    {"max_leaf_nodes", "Max leaves", ParamSpec::Type::Int, "31", 2, 65536, {},
     "Leaves per tree; trees grow best-first until they have this many. 'none' for no limit.",
     {"none"}},
    {"max_depth", "Max depth", ParamSpec::Type::Int, "none", 1, 1000, {},
     "Edges from the root to the deepest leaf; 'none' leaves depth to the leaf budget.", {"none"}},
    {"min_samples_leaf", "Min samples per leaf", ParamSpec::Type::Int, "20", 1, 1000000, {},
     "A split must leave at least this many training rows on each side."},
    {"l2_regularization", "L2 regularisation", ParamSpec::Type::Real, "0", 0, 1e6, {},
     "Added to each leaf's hessian sum: larger values shrink leaf outputs towards zero."},
    {"max_bins", "Max bins", ParamSpec::Type::Int, "255", 2, 255, {},
     "Bins per numeric feature; split thresholds are searched between bins."},
    {"early_stopping", "Early stopping", ParamSpec::Type::Choice, "auto", 0, 0, {"auto", "on", "off"},
     "Stop when the validation loss stops improving; 'auto' turns it on above 10,000 rows."},
    {"validation_fraction", "Validation fraction", ParamSpec::Type::Real, "0.1", 0.01, 0.9, {},
     "Share of the training rows held out (stratified) to score early stopping."},
    {"n_iter_no_change", "Patience", ParamSpec::Type::Int, "10", 1, 10000, {},
     "Early stopping ends after this many iterations without improving the validation loss by tol."},
    {"tol", "Tolerance", ParamSpec::Type::Real, "1e-7", 0, 1, {},
     "The least improvement of the validation loss that counts, for early stopping."},
};

// Early stopping turns on above this many rows with early_stopping=auto (as scikit-learn).
constexpr std::size_t kAutoEarlyStoppingRows = 10000;
// Rows per task of predictProba().
constexpr std::size_t kPredictBlockRows = 1024;

double number(std::span<const ParamValue> values, std::size_t i, double fallback)
{
    return i < values.size() && !values[i].isSpecial() ? values[i].number : fallback;
}

bool special(std::span<const ParamValue> values, std::size_t i)
{
    return i < values.size() && values[i].isSpecial();
}

/// Rows held out for early stopping: round(fraction * n_c) of each class c, drawn with `seed`,
/// keeping at least one training row per class.
std::vector<std::uint8_t> stratifiedHoldout(std::span<const std::int32_t> y, int classCount,
                                            double fraction, std::uint64_t seed)
{
    std::vector<std::vector<std::uint32_t>> byClass(static_cast<std::size_t>(classCount));
    for (std::size_t r = 0; r < y.size(); ++r)
        byClass[static_cast<std::size_t>(y[r])].push_back(static_cast<std::uint32_t>(r));
    std::vector<std::uint8_t> held(y.size(), 0);
    std::mt19937_64 rng(seed ^ 0x5eed'0f'5707ULL);
    for (std::vector<std::uint32_t> &rows : byClass) {
        const auto n = static_cast<double>(rows.size());
        auto take = static_cast<std::size_t>(std::floor(fraction * n + 0.5));
        take = std::min(take, rows.size() > 0 ? rows.size() - 1 : 0);
        // Partial Fisher-Yates: the first `take` entries are a uniform sample. Drawn with a
        // plain modulo (bias below 2^-40 here) rather than std::uniform_int_distribution,
        // whose draws differ between standard libraries.
        for (std::size_t i = 0; i < take; ++i) {
            std::swap(rows[i], rows[i + rng() % (rows.size() - i)]);
            held[rows[i]] = 1;
        }
    }
    return held;
}

} // namespace

std::span<const ParamSpec> GradientBoosting::paramSpecs()
{
    return kSpecs;
}

GradientBoosting::GradientBoosting(std::span<const ParamValue> values)
{
    m_learningRate = number(values, 0, 0.1);
    m_maxIter = static_cast<std::int32_t>(number(values, 1, 100));
    m_maxLeafNodes = special(values, 2) ? 0 : static_cast<std::int32_t>(number(values, 2, 31));
    m_maxDepth = special(values, 3) || values.size() <= 3 ? 0 : static_cast<std::int32_t>(values[3].number);
    m_minSamplesLeaf = static_cast<std::int32_t>(number(values, 4, 20));
    m_l2 = number(values, 5, 0);
    m_maxBins = static_cast<std::int32_t>(number(values, 6, 255));
    if (values.size() > 7)
        m_earlyStopping = values[7].text == "on" ? EarlyStopping::On
                        : values[7].text == "off" ? EarlyStopping::Off
                                                  : EarlyStopping::Auto;
    m_validationFraction = number(values, 8, 0.1);
    m_nIterNoChange = static_cast<std::int32_t>(number(values, 9, 10));
    m_tol = number(values, 10, 1e-7);
}

Expected<void> GradientBoosting::fit(const TrainingSet &data, const FitControl &control)
{
    m_classCount = 0;
    m_iterations = 0;
    m_trees.reset(0);
    m_validationLoss.clear();
    if (data.x == nullptr || data.x->rows() == 0)
        return fail(ErrorCode::Usage, "Gradient boosting needs at least one training row.");
    const FeatureMatrix &x = *data.x;
    const std::size_t n = x.rows();
    const int K = data.classCount;
    if (K < 2)
        return fail(ErrorCode::Usage, "Gradient boosting needs at least two classes.");
    if (data.y.size() != n || (!data.weights.empty() && data.weights.size() != n))
        return fail(ErrorCode::Usage, "The training labels or weights do not match the rows.");
    if (n >= std::numeric_limits<std::uint32_t>::max())
        return fail(ErrorCode::Usage, "Gradient boosting takes fewer than 4 billion rows.");
    if (std::ranges::any_of(data.y, [K](std::int32_t label) { return label < 0 || label >= K; }))
        return fail(ErrorCode::Usage, "A training label is not a class code.");
    const int threads = resolveThreads(control.threads);
    auto cancelled = [this] {
        m_trees.reset(0);
        return fail(ErrorCode::Cancelled, "Training was cancelled.");
    };
    control.progress(0);

    // Early stopping holds out a stratified share of the rows; the rest train.
    const bool earlyStopping = m_earlyStopping == EarlyStopping::On
            || (m_earlyStopping == EarlyStopping::Auto && n > kAutoEarlyStoppingRows);
    std::vector<std::uint32_t> trainRows, validRows;
    {
        std::vector<std::uint8_t> held;
        if (earlyStopping)
            held = stratifiedHoldout(data.y, K, m_validationFraction, control.seed);
        for (std::size_t r = 0; r < n; ++r)
            (earlyStopping && held[r] ? validRows : trainRows).push_back(static_cast<std::uint32_t>(r));
    }
    const bool validating = !validRows.empty();

    // Bin every row (held-out ones too: edges use no labels, and one matrix serves both).
    const BinnedMatrix bins = BinnedMatrix::build(x, data.features, m_maxBins, control.seed, threads);
    if (control.stopRequested())
        return cancelled();

    const BoostingLoss loss(data.y, data.weights, K);
    const std::size_t dims = loss.scores();
    std::vector<double> baseline = loss.baseline(trainRows);
    // Raw scores class-major (raw[k * n + r]): the trees of one iteration, grown in parallel,
    // each update their own stretch of memory.
    std::vector<double> raw(n * dims);
    for (std::size_t k = 0; k < dims; ++k)
        std::fill_n(raw.begin() + static_cast<std::ptrdiff_t>(k * n), n, baseline[k]);
    std::vector<GradientPair> gh(n * dims);

    BoostingTreeSettings settings;
    settings.maxLeafNodes = m_maxLeafNodes > 0 ? m_maxLeafNodes : std::numeric_limits<int>::max();
    settings.maxDepth = m_maxDepth;
    settings.minSamplesLeaf = m_minSamplesLeaf;
    settings.l2 = m_l2;
    settings.learningRate = m_learningRate;
    // With several trees per iteration, whole trees go to the threads (long tasks and one wait
    // per iteration, which matters on a busy machine where every wait for a thread can cost a
    // scheduler slice); the single tree of a binary problem builds its large histograms over
    // row blocks on every thread instead. A tree's sums do not depend on how it was
    // scheduled, so neither does the model.
    const std::size_t treeWorkers = std::min(dims, static_cast<std::size_t>(threads));
    std::vector<std::unique_ptr<BoostingTreeGrower>> growers;
    for (std::size_t w = 0; w < treeWorkers; ++w)
        growers.push_back(std::make_unique<BoostingTreeGrower>(bins, trainRows, settings, dims == 1 ? threads : 1));
    std::vector<GrownRegressionTree> grown(dims);
    // Grows the tree of score k and adds its outputs to the training and held-out rows.
    auto growTree = [&](std::size_t k, BoostingTreeGrower &grower) {
        GrownRegressionTree &tree = grown[k];
        grower.grow(gh.data() + k * n, tree);
        double *scores = raw.data() + k * n;
        for (const GrownRegressionTree::Node &node : tree.nodes) {
            if (node.isLeaf()) {
                for (const std::uint32_t r : grower.rowsOf(node))
                    scores[r] += node.value;
            }
        }
        for (const std::uint32_t r : validRows)
            scores[r] += tree.predict(bins.row(r));
    };

    const std::size_t features = x.cols();
    m_trees.reset(static_cast<int>(features));
    std::vector<double> gains;  // per iteration and feature, to total over the kept iterations
    std::vector<double> validationLoss;  // the baseline's, then one per iteration
    if (validating)
        validationLoss.push_back(loss.loss(raw, validRows));
    std::size_t done = 0;
    for (; done < static_cast<std::size_t>(m_maxIter); ++done) {
        if (control.stopRequested())
            return cancelled();
        loss.gradients(raw, trainRows, gh, threads);
        parallelFor(dims, static_cast<int>(treeWorkers), [&](std::size_t k, int worker) {
            if (!control.stopRequested())
                growTree(k, *growers[static_cast<std::size_t>(worker)]);
        });
        if (control.stopRequested())
            return cancelled();
        gains.resize(gains.size() + features, 0.0);
        for (const GrownRegressionTree &tree : grown) {
            for (const GrownRegressionTree::Node &node : tree.nodes) {
                if (!node.isLeaf())
                    gains[done * features + static_cast<std::size_t>(node.feature)] += node.gain;
            }
            m_trees.append(tree, bins);
        }
        control.progress(static_cast<double>(done + 1) / m_maxIter);
        if (validating) {
            validationLoss.push_back(loss.loss(raw, validRows));
            if (shouldStop(validationLoss)) {
                ++done;
                break;
            }
        }
    }

    // With early stopping, keep the iteration count of least validation loss (at least one).
    std::size_t kept = done;
    if (validating)
        kept = static_cast<std::size_t>(std::min_element(validationLoss.begin() + 1, validationLoss.end()) - validationLoss.begin());
    m_trees.truncate(kept * dims);
    m_importances.assign(features, 0.0);
    for (std::size_t i = 0; i < kept * features; ++i)
        m_importances[i % features] += gains[i];
    const double total = std::accumulate(m_importances.begin(), m_importances.end(), 0.0);
    if (total > 0)
        for (double &g : m_importances)
            g /= total;

    m_classCount = K;
    m_featureCount = static_cast<std::int32_t>(features);
    m_iterations = static_cast<std::int32_t>(kept);
    m_baseline = std::move(baseline);
    m_validationLoss = std::move(validationLoss);
    control.progress(1);
    return {};
}

bool GradientBoosting::shouldStop(std::span<const double> validationLoss) const
{
    // scikit-learn's rule on its scores (minus the loss): stop when none of the last
    // n_iter_no_change scores beats the one before them by more than tol.
    const auto window = static_cast<std::size_t>(m_nIterNoChange);
    if (validationLoss.size() <= window)
        return false;
    const double reference = -validationLoss[validationLoss.size() - window - 1] + m_tol;
    return std::none_of(validationLoss.end() - static_cast<std::ptrdiff_t>(window), validationLoss.end(),
                        [&](double loss) { return -loss > reference; });
}

void GradientBoosting::toProbabilities(const double *raw, std::span<double> proba) const
{
    if (m_classCount == 2) {
        const double p = 1 / (1 + std::exp(-raw[0]));
        proba[1] = p;
        proba[0] = 1 - p;
        return;
    }
    const auto K = static_cast<std::size_t>(m_classCount);
    double top = raw[0];
    for (std::size_t k = 1; k < K; ++k)
        top = std::max(top, raw[k]);
    double sum = 0;
    for (std::size_t k = 0; k < K; ++k) {
        proba[k] = std::exp(raw[k] - top);
        sum += proba[k];
    }
    for (std::size_t k = 0; k < K; ++k)
        proba[k] /= sum;
}

void GradientBoosting::predictProba(const FeatureMatrix &x, std::span<double> out) const
{
    const std::size_t n = x.rows();
    const auto K = static_cast<std::size_t>(m_classCount);
    if (K == 0 || n == 0)
        return;
    const std::size_t dims = m_baseline.size();
    const std::size_t blocks = (n + kPredictBlockRows - 1) / kPredictBlockRows;
    const int threads = blocks > 1 ? resolveThreads(0) : 1;
    // Per worker: the kernel's scratch and the block's raw scores.
    std::vector<BoostingEnsemble::BlockScratch> scratch(static_cast<std::size_t>(threads));
    std::vector<std::vector<double>> rawScratch(static_cast<std::size_t>(threads));
    parallelFor(blocks, threads, [&](std::size_t b, int worker) {
        std::vector<double> &raw = rawScratch[static_cast<std::size_t>(worker)];
        const std::size_t begin = b * kPredictBlockRows;
        const std::size_t count = std::min(kPredictBlockRows, n - begin);
        raw.resize(count * dims);
        for (std::size_t i = 0; i < count; ++i)
            std::copy(m_baseline.begin(), m_baseline.end(), raw.begin() + static_cast<std::ptrdiff_t>(i * dims));
        m_trees.addBlock(x, begin, count, raw.data(), dims, scratch[static_cast<std::size_t>(worker)]);
        for (std::size_t i = 0; i < count; ++i)
            toProbabilities(raw.data() + i * dims, out.subspan((begin + i) * K, K));
    });
}

void GradientBoosting::predictRow(std::span<const double> row, std::span<double> proba) const
{
    if (m_classCount == 0)
        return;
    if (m_classCount == 2) {
        double raw = m_baseline[0];
        m_trees.addRow(row, {&raw, 1});
        toProbabilities(&raw, proba);
        return;
    }
    // More than two classes: one raw score per class, summed in place of the probabilities.
    std::copy(m_baseline.begin(), m_baseline.end(), proba.begin());
    m_trees.addRow(row, proba.first(m_baseline.size()));
    toProbabilities(proba.data(), proba);
}

template<class Archive>
void GradientBoosting::serialize(Archive &ar, const unsigned int version)
{
    using boost::serialization::make_nvp;
    ar &make_nvp("learning_rate", m_learningRate);
    ar &make_nvp("max_iter", m_maxIter);
    ar &make_nvp("max_leaf_nodes", m_maxLeafNodes);
    ar &make_nvp("max_depth", m_maxDepth);
    ar &make_nvp("min_samples_leaf", m_minSamplesLeaf);
    ar &make_nvp("l2_regularization", m_l2);
    ar &make_nvp("max_bins", m_maxBins);
    auto earlyStopping = static_cast<std::int32_t>(m_earlyStopping);
    ar &make_nvp("early_stopping", earlyStopping);
    ar &make_nvp("validation_fraction", m_validationFraction);
    ar &make_nvp("n_iter_no_change", m_nIterNoChange);
    ar &make_nvp("tol", m_tol);
    ar &make_nvp("class_count", m_classCount);
    ar &make_nvp("feature_count", m_featureCount);
    ar &make_nvp("iterations", m_iterations);
    archive::items(ar, "baseline", m_baseline);
    archive::items(ar, "importances", m_importances);
    m_trees.serialize(ar, version);
    if constexpr (Archive::is_loading::value) {
        using archive::CorruptPayload;
        if (earlyStopping < 0 || earlyStopping > 2)
            throw CorruptPayload("gbt: unknown early stopping mode");
        m_earlyStopping = static_cast<EarlyStopping>(earlyStopping);
        if (m_classCount < 2)
            throw CorruptPayload("gbt: fewer than two classes");
        const auto dims = static_cast<std::size_t>(m_classCount == 2 ? 1 : m_classCount);
        if (m_baseline.size() != dims || m_featureCount < 0 || m_featureCount != m_trees.featureCount()
            || m_importances.size() != static_cast<std::size_t>(m_featureCount) || m_iterations < 0
            || m_trees.treeCount() != static_cast<std::size_t>(m_iterations) * dims)
            throw CorruptPayload("gbt: the trees do not match the classes and features");
    }
}

MB_INSTANTIATE_SERIALIZE(GradientBoosting);

} // namespace mb
