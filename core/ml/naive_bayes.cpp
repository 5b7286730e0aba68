// SPDX-License-Identifier: MIT
#include "core/ml/naive_bayes.h"

#include "core/ml/linear_softmax.h"
#include "core/base/parallel.h"
#include "core/model/archive_io.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

// Batch prediction may use AVX but not FMA: without fused multiply-adds every lane computes
// the same bits as the scalar predictRow.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define MB_PREDICT_KERNEL __attribute__((target_clones("avx", "default")))
#else
#define MB_PREDICT_KERNEL
#endif

namespace mb {

namespace {

constexpr std::size_t kBlock = 256;
// scikit-learn's CategoricalNB takes alpha below this as this (a zero count would give log 0).
constexpr double kMinAlpha = 1e-10;

const std::array kSpecs {
    ParamSpec {"var_smoothing",
               "Variance smoothing",
               ParamSpec::Type::Real,
               "1e-9",
               0,
               1,
               {},
               "Share of the largest feature variance added to every Gaussian's variance, for "
               "numerical stability (as scikit-learn's GaussianNB)."},
    ParamSpec {"alpha",
               "Smoothing (alpha)",
               ParamSpec::Type::Real,
               "1.0",
               0,
               1e6,
               {},
               "Additive (Laplace) smoothing of the level counts of categorical features; 1 adds "
               "one pseudo-row per level and class."},
    ParamSpec {"precision_floor",
               "Precision floor",
               ParamSpec::Type::Bool,
               "true",
               0,
               0,
               {},
               "Keep every Gaussian's standard deviation at least a sixth of the feature's "
               "precision (mean gap between its distinct values), as Weka's NaiveBayes does, so "
               "that a feature constant within a class cannot veto that class. false: exactly "
               "scikit-learn's GaussianNB."},
};

// The precision is estimated on at most this many values per feature (a fixed stride).
constexpr std::size_t kPrecisionSample = 2000;

/// Mean gap between the distinct non-missing values of a sample of `column` (0 if fewer than
/// two distinct values).
double precisionOf(std::span<const double> column)
{
    std::vector<double> sample;
    const std::size_t step = std::max<std::size_t>(1, column.size() / kPrecisionSample);
    for (std::size_t r = 0; r < column.size(); r += step) {
        if (!std::isnan(column[r]))
            sample.push_back(column[r]);
    }
    std::sort(sample.begin(), sample.end());
    const auto distinct = std::unique(sample.begin(), sample.end()) - sample.begin();
    if (distinct < 2)
        return 0.0;
    return (sample[static_cast<std::size_t>(distinct - 1)] - sample[0])
        / static_cast<double>(distinct - 1);
}

/// The level a categorical cell holds, or -1 for a missing or unknown one.
inline std::ptrdiff_t levelOf(double v, std::int32_t levels)
{
    if (!(v >= 0) || v >= levels || v != std::floor(v))
        return -1;
    return static_cast<std::ptrdiff_t>(v);
}

/// Per-class Gaussians of one numeric column, in two passes (means, then squared deviations),
/// as numpy computes them; missing values are skipped. A class without values gets the
/// pooled Gaussian. `plainVariance` is the unweighted variance of all values (0 if none).
struct ColumnGaussians
{
    std::vector<double> mean, variance;
    double plainVariance = 0;
};

ColumnGaussians gaussiansOf(std::span<const double> column, std::span<const std::int32_t> y,
                            std::span<const double> weights, std::size_t classes)
{
    // Sums in four lanes per class (by row number), added in a fixed order at the end:
    // consecutive rows then rarely wait on the same running sum.
    std::vector<double> total(classes * 4, 0.0), sum(classes * 4, 0.0), squares(classes * 4, 0.0);
    double count[4] = {}, plainSum[4] = {};
    for (std::size_t r = 0; r < column.size(); ++r) {
        const double v = column[r];
        if (std::isnan(v))
            continue;
        const std::size_t slot = static_cast<std::size_t>(y[r]) * 4 + (r & 3);
        const double w = weights.empty() ? 1.0 : weights[r];
        total[slot] += w;
        sum[slot] += w * v;
        count[r & 3] += 1;
        plainSum[r & 3] += v;
    }
    auto lanes = [](const double *l) {
        return (l[0] + l[1]) + (l[2] + l[3]);
    };
    std::vector<double> classTotal(classes);
    double pooledTotal = 0, pooledSum = 0;
    ColumnGaussians g;
    g.mean.assign(classes, 0.0);
    for (std::size_t k = 0; k < classes; ++k) {
        classTotal[k] = lanes(total.data() + 4 * k);
        const double classSum = lanes(sum.data() + 4 * k);
        pooledTotal += classTotal[k];
        pooledSum += classSum;
        g.mean[k] = classTotal[k] > 0 ? classSum / classTotal[k] : 0.0;
    }
    const double pooledMean = pooledTotal > 0 ? pooledSum / pooledTotal : 0.0;
    const double n = lanes(count);
    const double plainMean = n > 0 ? lanes(plainSum) / n : 0.0;
    double pooledSquares[4] = {}, plainSquares[4] = {};
    for (std::size_t r = 0; r < column.size(); ++r) {
        const double v = column[r];
        if (std::isnan(v))
            continue;
        const auto k = static_cast<std::size_t>(y[r]);
        const double w = weights.empty() ? 1.0 : weights[r];
        const double d = v - g.mean[k];
        squares[k * 4 + (r & 3)] += w * d * d;
        const double dp = v - pooledMean;
        pooledSquares[r & 3] += w * dp * dp;
        const double du = v - plainMean;
        plainSquares[r & 3] += du * du;
    }
    const double pooledVariance = pooledTotal > 0 ? lanes(pooledSquares) / pooledTotal : 1.0;
    g.variance.assign(classes, 0.0);
    for (std::size_t k = 0; k < classes; ++k) {
        if (classTotal[k] > 0) {
            g.variance[k] = lanes(squares.data() + 4 * k) / classTotal[k];
        } else {
            g.mean[k] = pooledMean;
            g.variance[k] = pooledVariance;
        }
    }
    g.plainVariance = n > 0 ? lanes(plainSquares) / n : 0.0;
    return g;
}

/// What batch prediction reads from a fitted model.
struct BayesTables
{
    const std::uint8_t *categorical;
    const std::int32_t *levels;
    const std::size_t *offset;
    const double *mean, *logNorm, *halfPrecision, *logProb, *logPrior;
    std::size_t features;
    std::size_t classes;
};

/// Probabilities of rows [begin, begin + n) of `x` into `dst` (row-major). Class-major sums
/// let the loops run over rows; each (row, class) sees the same operations in the same order
/// as in predictRow, so the results are the same bits.
MB_PREDICT_KERNEL
void predictBlock(const BayesTables &m, const FeatureMatrix &x, std::size_t begin, std::size_t n,
                  double *dst)
{
    const std::size_t classes = m.classes;
    std::vector<double> joint(classes * kBlock);
    std::vector<std::size_t> missing;
    std::vector<double> saved;
    for (std::size_t k = 0; k < classes; ++k)
        std::fill_n(joint.data() + k * kBlock, n, m.logPrior[k]);
    for (std::size_t j = 0; j < m.features; ++j) {
        const double *column = x.column(j).data() + begin;
        if (m.categorical[j]) {
            for (std::size_t r = 0; r < n; ++r) {
                const auto level = levelOf(column[r], m.levels[j]);
                if (level < 0)
                    continue;
                const double *logProb
                    = m.logProb + m.offset[j] + static_cast<std::size_t>(level) * classes;
                for (std::size_t k = 0; k < classes; ++k)
                    joint[k * kBlock + r] += logProb[k];
            }
            continue;
        }
        // Missing values must leave the sums untouched: add to every row in a loop that
        // vectorises, and put back the rows with a missing value afterwards.
        missing.clear();
        for (std::size_t r = 0; r < n; ++r) {
            if (std::isnan(column[r]))
                missing.push_back(r);
        }
        saved.resize(missing.size() * classes);
        for (std::size_t i = 0; i < missing.size(); ++i) {
            for (std::size_t k = 0; k < classes; ++k)
                saved[i * classes + k] = joint[k * kBlock + missing[i]];
        }
        const std::size_t offset = m.offset[j];
        for (std::size_t k = 0; k < classes; ++k) {
            const double mean = m.mean[offset + k], norm = m.logNorm[offset + k];
            const double half = m.halfPrecision[offset + k];
            double *sum = joint.data() + k * kBlock;
            for (std::size_t r = 0; r < n; ++r) {
                const double d = column[r] - mean;
                sum[r] += norm - d * d * half;
            }
        }
        for (std::size_t i = 0; i < missing.size(); ++i) {
            for (std::size_t k = 0; k < classes; ++k)
                joint[k * kBlock + missing[i]] = saved[i * classes + k];
        }
    }
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t k = 0; k < classes; ++k)
            dst[r * classes + k] = joint[k * kBlock + r];
    }
    softmaxRows(dst, n, classes);
}

} // namespace

std::span<const ParamSpec> NaiveBayes::paramSpecs()
{
    return kSpecs;
}

NaiveBayes::NaiveBayes(std::span<const ParamValue> values)
{
    if (values.size() == kSpecs.size()) {
        m_varSmoothing = values[0].number;
        m_alpha = values[1].number;
        m_precisionFloor = values[2].number != 0;
    }
}

Expected<void> NaiveBayes::fit(const TrainingSet &data, const FitControl &control)
{
    m_classCount = 0;
    if (!data.x || data.x->rows() != data.y.size() || data.x->cols() != data.features.size())
        return fail(ErrorCode::Internal, "nb: the training set's parts differ in size");
    if (data.classCount < 2)
        return fail(ErrorCode::Usage, "Naive Bayes needs at least two classes.");
    control.progress(0);
    const auto classes = static_cast<std::size_t>(data.classCount);
    const std::size_t features = data.features.size();
    const FeatureMatrix &x = *data.x;
    auto weight = [&](std::size_t r) {
        return data.weights.empty() ? 1.0 : data.weights[r];
    };

    m_classWeight.assign(classes, 0.0);
    for (std::size_t r = 0; r < x.rows(); ++r)
        m_classWeight[static_cast<std::size_t>(data.y[r])] += weight(r);
    double total = 0;
    for (double w : m_classWeight)
        total += w;
    if (!(total > 0))
        return fail(ErrorCode::Usage, "Naive Bayes needs rows with positive weight.");

    m_categorical.assign(features, 0);
    m_levels.assign(features, 0);
    std::vector<std::size_t> numericOffset(features, 0), categoricalOffset(features, 0);
    std::size_t numericSize = 0, categoricalSize = 0;
    for (std::size_t j = 0; j < features; ++j) {
        if (data.features[j].categorical) {
            m_categorical[j] = 1;
            m_levels[j] = std::max(data.features[j].levels, 0);
            categoricalOffset[j] = categoricalSize;
            categoricalSize += static_cast<std::size_t>(m_levels[j]) * classes;
        } else {
            numericOffset[j] = numericSize;
            numericSize += classes;
        }
    }
    m_mean.assign(numericSize, 0.0);
    m_variance.assign(numericSize, 0.0);
    m_levelCount.assign(categoricalSize, 0.0);
    std::vector<double> overallVariance(features, 0.0), floor(features, 0.0);

    // Features are independent: one task each, writing to its own slots.
    parallelFor(features, resolveThreads(control.threads), [&](std::size_t j, int) {
        if (control.stopRequested())
            return;
        const std::span<const double> column = x.column(j);
        if (m_categorical[j]) {
            double *counts = m_levelCount.data() + categoricalOffset[j];
            for (std::size_t r = 0; r < column.size(); ++r) {
                if (const auto level = levelOf(column[r], m_levels[j]); level >= 0)
                    counts[static_cast<std::size_t>(level) * classes
                           + static_cast<std::size_t>(data.y[r])]
                        += weight(r);
            }
            return;
        }
        // The smoothing scale uses the plain (unweighted) variance, as scikit-learn's does.
        const ColumnGaussians g = gaussiansOf(column, data.y, data.weights, classes);
        overallVariance[j] = g.plainVariance;
        if (m_precisionFloor) {
            const double minSd = precisionOf(column) / 6;
            floor[j] = minSd * minSd;
        }
        std::copy(g.mean.begin(), g.mean.end(),
                  m_mean.begin() + static_cast<std::ptrdiff_t>(numericOffset[j]));
        std::copy(g.variance.begin(), g.variance.end(),
                  m_variance.begin() + static_cast<std::ptrdiff_t>(numericOffset[j]));
    });
    if (control.stopRequested())
        return fail(ErrorCode::Cancelled, "Training was cancelled.");

    double largest = 0;
    for (double v : overallVariance)
        largest = std::max(largest, std::isfinite(v) ? v : 0.0);
    const double epsilon = m_varSmoothing * largest;
    for (std::size_t j = 0; j < features; ++j) {
        if (m_categorical[j])
            continue;
        for (std::size_t k = 0; k < classes; ++k) {
            double &v = m_variance[numericOffset[j] + k];
            v = std::max({v + epsilon, floor[j], std::numeric_limits<double>::min()});
        }
    }
    m_classCount = data.classCount;
    rebuildTables();
    control.progress(1);
    return {};
}

void NaiveBayes::rebuildTables()
{
    const auto classes = static_cast<std::size_t>(m_classCount);
    double total = 0;
    for (double w : m_classWeight)
        total += w;
    m_logPrior.resize(classes);
    for (std::size_t k = 0; k < classes; ++k)
        m_logPrior[k] = std::log(m_classWeight[k] / total);

    m_logNorm.resize(m_variance.size());
    m_halfPrecision.resize(m_variance.size());
    for (std::size_t i = 0; i < m_variance.size(); ++i) {
        m_logNorm[i] = -0.5 * std::log(2.0 * std::numbers::pi * m_variance[i]);
        m_halfPrecision[i] = 0.5 / m_variance[i];
    }

    const double alpha = std::max(m_alpha, kMinAlpha);
    m_logProb.resize(m_levelCount.size());
    m_offset.assign(m_categorical.size(), 0);
    std::size_t numeric = 0, categorical = 0;
    for (std::size_t j = 0; j < m_categorical.size(); ++j) {
        if (!m_categorical[j]) {
            m_offset[j] = numeric;
            numeric += classes;
            continue;
        }
        m_offset[j] = categorical;
        const auto levels = static_cast<std::size_t>(m_levels[j]);
        for (std::size_t k = 0; k < classes; ++k) {
            double seen = 0;
            for (std::size_t l = 0; l < levels; ++l)
                seen += m_levelCount[categorical + l * classes + k];
            const double denominator = seen + alpha * static_cast<double>(levels);
            for (std::size_t l = 0; l < levels; ++l) {
                const std::size_t i = categorical + l * classes + k;
                m_logProb[i] = std::log((m_levelCount[i] + alpha) / denominator);
            }
        }
        categorical += levels * classes;
    }
}

int NaiveBayes::classCount() const
{
    return m_classCount;
}

inline void NaiveBayes::addFeature(std::size_t j, double v, double *joint) const
{
    const auto classes = static_cast<std::size_t>(m_classCount);
    const std::size_t offset = m_offset[j];
    if (!m_categorical[j]) {
        if (std::isnan(v))
            return;
        const double *mean = m_mean.data() + offset;
        const double *norm = m_logNorm.data() + offset;
        const double *half = m_halfPrecision.data() + offset;
        for (std::size_t k = 0; k < classes; ++k) {
            const double d = v - mean[k];
            joint[k] += norm[k] - d * d * half[k];
        }
        return;
    }
    const auto level = levelOf(v, m_levels[j]);
    if (level < 0)
        return;
    const double *logProb = m_logProb.data() + offset + static_cast<std::size_t>(level) * classes;
    for (std::size_t k = 0; k < classes; ++k)
        joint[k] += logProb[k];
}

void NaiveBayes::predictRow(std::span<const double> row, std::span<double> proba) const
{
    const auto classes = static_cast<std::size_t>(m_classCount);
    double *joint = proba.data();
    for (std::size_t k = 0; k < classes; ++k)
        joint[k] = m_logPrior[k];
    for (std::size_t j = 0; j < m_categorical.size(); ++j)
        addFeature(j, row[j], joint);
    softmaxInPlace(joint, classes);
}

void NaiveBayes::predictProba(const FeatureMatrix &x, std::span<double> out) const
{
    const auto classes = static_cast<std::size_t>(m_classCount);
    const std::size_t rows = x.rows();
    const std::size_t blocks = (rows + kBlock - 1) / kBlock;
    const int threads = rows * m_categorical.size() * classes > 200000 ? resolveThreads(0) : 1;
    const BayesTables tables {m_categorical.data(), m_levels.data(),
                              m_offset.data(),      m_mean.data(),
                              m_logNorm.data(),     m_halfPrecision.data(),
                              m_logProb.data(),     m_logPrior.data(),
                              m_categorical.size(), classes};
    parallelFor(blocks, threads, [&](std::size_t blockIndex, int) {
        const std::size_t begin = blockIndex * kBlock;
        predictBlock(tables, x, begin, std::min(kBlock, rows - begin),
                     out.data() + begin * classes);
    });
}

std::vector<double> NaiveBayes::contributions(std::span<const double> row, int cls) const
{
    std::vector<double> out(m_categorical.size(), 0.0);
    if (cls < 0 || cls >= m_classCount)
        return out;
    std::vector<double> joint(static_cast<std::size_t>(m_classCount));
    for (std::size_t j = 0; j < out.size(); ++j) {
        std::fill(joint.begin(), joint.end(), 0.0);
        addFeature(j, row[j], joint.data());
        out[j] = joint[static_cast<std::size_t>(cls)];
    }
    return out;
}

double NaiveBayes::logPrior(int cls) const
{
    return cls >= 0 && cls < m_classCount ? m_logPrior[static_cast<std::size_t>(cls)]
                                          : -std::numeric_limits<double>::infinity();
}

double NaiveBayes::mean(std::size_t feature, int cls) const
{
    if (feature >= m_categorical.size() || m_categorical[feature] || cls < 0 || cls >= m_classCount)
        return std::numeric_limits<double>::quiet_NaN();
    return m_mean[m_offset[feature] + static_cast<std::size_t>(cls)];
}

double NaiveBayes::variance(std::size_t feature, int cls) const
{
    if (feature >= m_categorical.size() || m_categorical[feature] || cls < 0 || cls >= m_classCount)
        return std::numeric_limits<double>::quiet_NaN();
    return m_variance[m_offset[feature] + static_cast<std::size_t>(cls)];
}

double NaiveBayes::levelProbability(std::size_t feature, int level, int cls) const
{
    if (feature >= m_categorical.size() || !m_categorical[feature] || level < 0
        || level >= m_levels[feature] || cls < 0 || cls >= m_classCount) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const auto classes = static_cast<std::size_t>(m_classCount);
    return std::exp(m_logProb[m_offset[feature] + static_cast<std::size_t>(level) * classes
                              + static_cast<std::size_t>(cls)]);
}

template<class Archive> void NaiveBayes::serialize(Archive &ar, const unsigned int)
{
    using boost::serialization::make_nvp;
    ar &make_nvp("var_smoothing", m_varSmoothing);
    ar &make_nvp("alpha", m_alpha);
    std::uint8_t precisionFloor = m_precisionFloor ? 1 : 0;
    ar &make_nvp("precision_floor", precisionFloor);
    m_precisionFloor = precisionFloor != 0;
    ar &make_nvp("class_count", m_classCount);
    archive::items(ar, "class_weight", m_classWeight);
    archive::items(ar, "categorical", m_categorical);
    archive::items(ar, "levels", m_levels);
    archive::items(ar, "mean", m_mean);
    archive::items(ar, "variance", m_variance);
    archive::items(ar, "level_count", m_levelCount);
    if constexpr (Archive::is_loading::value) {
        const auto classes = static_cast<std::uint64_t>(std::max(m_classCount, 0));
        if (m_classCount < 2 || m_classWeight.size() != classes
            || m_levels.size() != m_categorical.size())
            throw archive::CorruptPayload("the naive Bayes model's sizes do not fit together");
        std::uint64_t numeric = 0, categorical = 0;
        for (std::size_t j = 0; j < m_levels.size(); ++j) {
            if (m_levels[j] < 0 || (!m_categorical[j] && m_levels[j] != 0))
                throw archive::CorruptPayload(
                    "the naive Bayes model holds an impossible level count");
            if (m_categorical[j])
                categorical += static_cast<std::uint64_t>(m_levels[j]) * classes;
            else
                numeric += classes;
        }
        if (m_mean.size() != numeric || m_variance.size() != numeric
            || m_levelCount.size() != categorical)
            throw archive::CorruptPayload("the naive Bayes model's sizes do not fit together");
        const auto nonNegative = [](double v) {
            return std::isfinite(v) && v >= 0;
        };
        const auto finite = [](double v) {
            return std::isfinite(v);
        };
        const auto positive = [](double v) {
            return std::isfinite(v) && v > 0;
        };
        double total = 0;
        for (double w : m_classWeight)
            total += w;
        if (!std::ranges::all_of(m_classWeight, nonNegative) || !(total > 0)
            || !std::isfinite(total) || !std::ranges::all_of(m_mean, finite)
            || !std::ranges::all_of(m_variance, positive)
            || !std::ranges::all_of(m_levelCount, nonNegative) || !std::isfinite(m_alpha)
            || m_alpha < 0) {
            throw archive::CorruptPayload("the naive Bayes model holds an impossible value");
        }
        rebuildTables();
    }
}

MB_INSTANTIATE_SERIALIZE(NaiveBayes);

} // namespace mb
