// SPDX-License-Identifier: MIT
#include "core/ml/logistic_regression.h"

#include "core/ml/linear_optimizer.h"
#include "core/ml/linear_softmax.h"
#include "core/base/parallel.h"
#include "core/model/archive_io.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

// The two products that dominate a pass over the data are worth AVX2 + FMA where the CPU has
// them. Training may then differ in the last bits between machines with and without them;
// prediction does not use these kernels.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define MB_LINEAR_KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))
// Prediction may use AVX but not FMA: without fused multiply-adds every lane computes the same
// bits as the scalar predictRow.
#define MB_PREDICT_KERNEL __attribute__((target_clones("avx", "default")))
#else
#define MB_LINEAR_KERNEL
#define MB_PREDICT_KERNEL
#endif

namespace mb {

namespace {

constexpr std::size_t kBlock = 512; // rows per block: a block's encoded columns stay in L2
constexpr std::size_t kChunkBlocks = 8; // blocks per chunk: the unit of parallel work
// The encoded training rows are kept, block after block, when they take at most this many
// doubles (256 MB): every pass then reads one sequential stream instead of re-encoding.
constexpr std::size_t kCacheLimit = std::size_t(32) << 20;

const std::array kSpecs {
    ParamSpec {
        "C",
        "Inverse regularisation (C)",
        ParamSpec::Type::Real,
        "1.0",
        1e-8,
        1e8,
        {},
        "Inverse strength of the L2 penalty: smaller values shrink the coefficients more and "
        "give smoother probabilities."},
    ParamSpec {"solver",
               "Solver",
               ParamSpec::Type::Choice,
               "lbfgs",
               0,
               0,
               {"lbfgs", "newton"},
               "lbfgs: limited-memory BFGS (fast, the default); newton: Newton-CG, Newton steps "
               "solved by conjugate gradients on Hessian-vector products."},
    ParamSpec {"max_iter",
               "Maximum iterations",
               ParamSpec::Type::Int,
               "100",
               1,
               100000,
               {},
               "Upper bound on solver iterations; training stops earlier once the gradient is "
               "below tol."},
    ParamSpec {"tol",
               "Tolerance",
               ParamSpec::Type::Real,
               "1e-4",
               1e-12,
               1,
               {},
               "Training stops when no component of the gradient of the mean penalised log loss "
               "exceeds this."},
};

/// Sum of `n` values in four fixed lanes (vectorisable, and the same sum on any hardware).
inline double laneSum(const double *a, std::size_t n)
{
    double lane[4] = {0, 0, 0, 0};
    for (std::size_t i = 0; i < n; i += 4) {
        for (std::size_t l = 0; l < 4; ++l)
            lane[l] += a[i + l];
    }
    return (lane[0] + lane[1]) + (lane[2] + lane[3]);
}

/// Four doubles as one value: two SSE2 operations in the default build, one AVX operation in
/// the x86-64-v3 clone. Only used as local variables (never passed by value).
using Lanes = double __attribute__((vector_size(32)));

/// out[k][r] += sum over columns c of z[c][r] * w[c * stride + k], for G classes at once and
/// rows [0, n) (n a multiple of 4): each block of z is read once for all G classes.
template<std::size_t G>
MB_LINEAR_KERNEL void forwardGroup(const double *z, std::size_t columns, const double *w,
                                   std::size_t stride, double *out, std::size_t n)
{
    for (std::size_t r = 0; r < n; r += 4) {
        Lanes acc[G];
        for (std::size_t k = 0; k < G; ++k)
            std::memcpy(&acc[k], out + k * kBlock + r, sizeof(Lanes));
        for (std::size_t c = 0; c < columns; ++c) {
            Lanes zc;
            std::memcpy(&zc, z + c * kBlock + r, sizeof zc);
            for (std::size_t k = 0; k < G; ++k) {
                const double wk = w[c * stride + k];
                const Lanes wv = {wk, wk, wk, wk};
                acc[k] += wv * zc;
            }
        }
        for (std::size_t k = 0; k < G; ++k)
            std::memcpy(out + k * kBlock + r, &acc[k], sizeof(Lanes));
    }
}

/// grad[c * stride + k] += sum over rows of z[c][r] * resid[k][r], for G classes at once, in
/// four fixed lanes per sum (the same sum whatever the hardware).
template<std::size_t G>
MB_LINEAR_KERNEL void backwardGroup(const double *z, std::size_t columns, const double *resid,
                                    double *grad, std::size_t stride, std::size_t n)
{
    for (std::size_t c = 0; c < columns; ++c) {
        const double *zc = z + c * kBlock;
        Lanes acc[G] = {};
        for (std::size_t r = 0; r < n; r += 4) {
            Lanes zv;
            std::memcpy(&zv, zc + r, sizeof zv);
            for (std::size_t k = 0; k < G; ++k) {
                Lanes rv;
                std::memcpy(&rv, resid + k * kBlock + r, sizeof rv);
                acc[k] += zv * rv;
            }
        }
        for (std::size_t k = 0; k < G; ++k)
            grad[c * stride + k] += (acc[k][0] + acc[k][1]) + (acc[k][2] + acc[k][3]);
    }
}

/// Runs `kernel<G>` over the free classes in groups of up to four.
template<template<std::size_t> class Kernel, class... Args>
void byGroups(std::size_t classes, Args &&...args)
{
    for (std::size_t k0 = 0; k0 < classes; k0 += 4) {
        switch (std::min<std::size_t>(4, classes - k0)) {
        case 1:
            Kernel<1>::run(k0, args...);
            break;
        case 2:
            Kernel<2>::run(k0, args...);
            break;
        case 3:
            Kernel<3>::run(k0, args...);
            break;
        default:
            Kernel<4>::run(k0, args...);
            break;
        }
    }
}

template<std::size_t G> struct Forward
{
    static void run(std::size_t k0, const double *z, std::size_t columns, const double *w,
                    std::size_t stride, double *out, std::size_t n)
    {
        forwardGroup<G>(z, columns, w + k0, stride, out + k0 * kBlock, n);
    }
};

template<std::size_t G> struct Backward
{
    static void run(std::size_t k0, const double *z, std::size_t columns, const double *resid,
                    double *grad, std::size_t stride, std::size_t n)
    {
        backwardGroup<G>(z, columns, resid + k0 * kBlock, grad + k0, stride, n);
    }
};

/// The softmax part of a block: turns class-major logits (K x kBlock) into exponentials,
/// returns the block's weighted log loss and writes what multiplies Z' into the gradient:
/// w (p - onehot(y)), or for a Hessian product (dir given) w p (u - sum p u), for the free
/// classes. Rows [n, padded) have weight 0.
MB_LINEAR_KERNEL double softmaxBlock(double *logits, std::size_t classes, std::size_t free,
                                     const std::int32_t *y, const double *w, const double *dir,
                                     double *resid, double *sum, double *own, std::size_t n)
{
    const std::size_t padded = (n + 3) / 4 * 4;
    const std::size_t firstFree = classes - free;
    double *top = sum;
    std::copy_n(logits, padded, top);
    for (std::size_t k = 1; k < classes; ++k) {
        for (std::size_t r = 0; r < padded; ++r)
            top[r] = std::max(top[r], logits[k * kBlock + r]);
    }
    for (std::size_t k = 0; k < classes; ++k) {
        for (std::size_t r = 0; r < padded; ++r)
            logits[k * kBlock + r] -= top[r];
    }
    for (std::size_t r = 0; r < padded; ++r)
        own[r] = r < n ? logits[static_cast<std::size_t>(y[r]) * kBlock + r] : 0.0;
    for (std::size_t k = 0; k < classes; ++k) {
        double *l = logits + k * kBlock;
        for (std::size_t r = 0; r < padded; ++r)
            l[r] = clampExponent(l[r]);
        for (std::size_t r = 0; r < padded; ++r)
            l[r] = expClamped(l[r]);
    }
    std::fill_n(sum, padded, 0.0);
    for (std::size_t k = 0; k < classes; ++k) {
        for (std::size_t r = 0; r < padded; ++r)
            sum[r] += logits[k * kBlock + r];
    }
    double loss = 0;
    for (std::size_t r = 0; r < n; ++r)
        loss += w[r] * (std::log(sum[r]) - own[r]);
    for (std::size_t k = 0; k < free; ++k) {
        const double *e = logits + (k + firstFree) * kBlock;
        double *out = resid + k * kBlock;
        for (std::size_t r = 0; r < padded; ++r)
            out[r] = e[r] / sum[r]; // the probability, for now
    }
    if (!dir) {
        for (std::size_t k = 0; k < free; ++k) {
            double *out = resid + k * kBlock;
            for (std::size_t r = 0; r < padded; ++r)
                out[r] *= w[r];
        }
        for (std::size_t r = 0; r < n; ++r) {
            const auto cls = static_cast<std::size_t>(y[r]);
            if (cls >= firstFree)
                resid[(cls - firstFree) * kBlock + r] -= w[r];
        }
        return loss;
    }
    // H v for the softmax: p_k (u_k - sum_j p_j u_j) over the free classes.
    double *mean = sum;
    std::fill_n(mean, padded, 0.0);
    for (std::size_t k = 0; k < free; ++k) {
        for (std::size_t r = 0; r < padded; ++r)
            mean[r] += resid[k * kBlock + r] * dir[k * kBlock + r];
    }
    for (std::size_t k = 0; k < free; ++k) {
        double *out = resid + k * kBlock;
        const double *u = dir + k * kBlock;
        for (std::size_t r = 0; r < padded; ++r)
            out[r] = w[r] * out[r] * (u[r] - mean[r]);
    }
    return loss;
}

/// The penalised mean log loss of a softmax model over the training rows, with its gradient
/// and Hessian-vector products. Parameters: (encoded columns + 1) rows of M free classes, the
/// last row the intercepts. With two classes M = 1: class 0's logit is fixed at 0 (binomial).
class SoftmaxObjective final : public SmoothObjective
{
public:
    SoftmaxObjective(const TrainingSet &data, const Standardizer &encoder, double c, int threads)
        : m_data(data)
        , m_encoder(encoder)
        , m_c(c)
        , m_threads(threads)
        , m_columns(encoder.encodedCount())
        , m_classes(static_cast<std::size_t>(data.classCount))
        , m_free(m_classes == 2 ? 1 : m_classes)
        , m_rows(data.x->rows())
        , m_chunks((m_rows + kBlock * kChunkBlocks - 1) / (kBlock * kChunkBlocks))
        , m_partial(m_chunks * size())
        , m_partialLoss(m_chunks)
        , m_scratch(static_cast<std::size_t>(std::max(threads, 1)))
    {
        m_weightSum = 0;
        for (std::size_t r = 0; r < m_rows; ++r)
            m_weightSum += weight(r);
        const std::size_t blocks = (m_rows + kBlock - 1) / kBlock;
        if (m_rows * m_columns <= kCacheLimit) {
            m_cache.resize(blocks * m_columns * kBlock);
            parallelFor(blocks, m_threads, [&](std::size_t b, int) {
                const std::size_t begin = b * kBlock;
                encodeBlock(begin, std::min(kBlock, m_rows - begin),
                            m_cache.data() + b * m_columns * kBlock);
            });
        }
    }

    std::size_t size() const { return (m_columns + 1) * m_free; }
    std::size_t freeClasses() const { return m_free; }
    double weightSum() const { return m_weightSum; }

    double valueAndGradient(std::span<const double> theta, std::span<double> grad) override
    {
        runChunks(theta, {});
        double loss = 0;
        for (std::size_t c = 0; c < m_chunks; ++c)
            loss += m_partialLoss[c];
        sumPartials(grad);
        double penalty = 0;
        for (std::size_t i = 0; i < m_columns * m_free; ++i) {
            penalty += theta[i] * theta[i];
            grad[i] += theta[i] / m_c;
        }
        for (double &g : grad)
            g /= m_weightSum;
        return (loss + 0.5 * penalty / m_c) / m_weightSum;
    }

    void hessianTimes(std::span<const double> theta, std::span<const double> v,
                      std::span<double> out) override
    {
        runChunks(theta, v);
        sumPartials(out);
        for (std::size_t i = 0; i < m_columns * m_free; ++i)
            out[i] += v[i] / m_c;
        for (double &o : out)
            o /= m_weightSum;
    }

private:
    struct Scratch
    {
        std::vector<double> z; // encoded block, column c at z[c * kBlock] (without cache)
        std::vector<double> logits; // K x kBlock, then exp(logit - top)
        std::vector<double> dir; // M x kBlock: Z v (Hessian products only)
        std::vector<double> resid; // M x kBlock: what multiplies Z' into the gradient
        std::vector<double> w, sum, own; // per row: weight, sum of exps, shifted own logit
    };

    double weight(std::size_t r) const { return m_data.weights.empty() ? 1.0 : m_data.weights[r]; }

    /// Encodes rows [begin, begin + n) column by column into z (stride kBlock), zero-padding
    /// each column to a multiple of four rows.
    void encodeBlock(std::size_t begin, std::size_t n, double *z) const
    {
        const std::size_t padded = (n + 3) / 4 * 4;
        m_encoder.encodeColumns(*m_data.x, begin, n, z, kBlock);
        for (std::size_t c = 0; c < m_columns; ++c)
            std::fill(z + c * kBlock + n, z + c * kBlock + padded, 0.0);
    }

    void sumPartials(std::span<double> out) const
    {
        std::fill(out.begin(), out.end(), 0.0);
        for (std::size_t c = 0; c < m_chunks; ++c) {
            const double *p = m_partial.data() + c * size();
            for (std::size_t i = 0; i < out.size(); ++i)
                out[i] += p[i];
        }
    }

    void runChunks(std::span<const double> theta, std::span<const double> v)
    {
        parallelFor(m_chunks, m_threads, [&](std::size_t chunk, int worker) {
            Scratch &s = m_scratch[static_cast<std::size_t>(worker)];
            if (s.logits.empty()) {
                if (m_cache.empty())
                    s.z.resize(m_columns * kBlock);
                s.logits.resize(m_classes * kBlock);
                s.dir.resize(m_free * kBlock);
                s.resid.resize(m_free * kBlock);
                s.w.resize(kBlock);
                s.sum.resize(kBlock);
                s.own.resize(kBlock);
            }
            double *partial = m_partial.data() + chunk * size();
            std::fill_n(partial, size(), 0.0);
            double loss = 0;
            const std::size_t begin = chunk * kBlock * kChunkBlocks;
            const std::size_t end = std::min(m_rows, begin + kBlock * kChunkBlocks);
            for (std::size_t b = begin; b < end; b += kBlock)
                loss += block(b, std::min(kBlock, end - b), theta, v, s, partial);
            m_partialLoss[chunk] = loss;
        });
    }

    /// Logits (or, with `v`, also Z v) of one block, then its share of the gradient (or of H v).
    double block(std::size_t begin, std::size_t n, std::span<const double> theta,
                 std::span<const double> v, Scratch &s, double *partial) const
    {
        // Pad the block to a multiple of four rows with zero rows of zero weight.
        const std::size_t padded = (n + 3) / 4 * 4;
        const double *z = s.z.data();
        if (m_cache.empty())
            encodeBlock(begin, n, s.z.data());
        else
            z = m_cache.data() + begin / kBlock * m_columns * kBlock;
        for (std::size_t r = 0; r < padded; ++r)
            s.w[r] = r < n ? weight(begin + r) : 0.0;

        const std::size_t firstFree = m_classes == 2 ? 1 : 0;
        const std::size_t interceptRow = m_columns * m_free;
        double *logits = s.logits.data();
        if (m_classes == 2)
            std::fill_n(logits, padded, 0.0);
        for (std::size_t k = 0; k < m_free; ++k) {
            std::fill_n(logits + (k + firstFree) * kBlock, padded, theta[interceptRow + k]);
            if (!v.empty())
                std::fill_n(s.dir.data() + k * kBlock, padded, v[interceptRow + k]);
        }
        byGroups<Forward>(m_free, z, m_columns, theta.data(), m_free, logits + firstFree * kBlock,
                          padded);
        if (!v.empty())
            byGroups<Forward>(m_free, z, m_columns, v.data(), m_free, s.dir.data(), padded);

        const double loss = softmaxBlock(logits, m_classes, m_free, m_data.y.data() + begin,
                                         s.w.data(), v.empty() ? nullptr : s.dir.data(),
                                         s.resid.data(), s.sum.data(), s.own.data(), n);

        byGroups<Backward>(m_free, z, m_columns, s.resid.data(), partial, m_free, padded);
        for (std::size_t k = 0; k < m_free; ++k)
            partial[interceptRow + k] += laneSum(s.resid.data() + k * kBlock, padded);
        return loss;
    }

    const TrainingSet &m_data;
    const Standardizer &m_encoder;
    double m_c;
    int m_threads;
    std::size_t m_columns;
    std::size_t m_classes;
    std::size_t m_free;
    std::size_t m_rows;
    std::size_t m_chunks;
    std::vector<double> m_partial;
    std::vector<double> m_partialLoss;
    std::vector<Scratch> m_scratch;
    std::vector<double> m_cache; // encoded rows, block after block (see kCacheLimit)
    double m_weightSum = 0;
};

/// The level a categorical cell holds, or `levels` for a missing or unknown one.
inline std::size_t tableRow(double v, std::int32_t levels)
{
    if (!(v >= 0) || v >= levels || v != std::floor(v))
        return static_cast<std::size_t>(levels);
    return static_cast<std::size_t>(v);
}

/// What batch prediction reads from a fitted model.
struct LinearTables
{
    const Standardizer *encoder;
    const double *table;
    const std::size_t *offset;
    const double *intercept;
    std::size_t classes;
};

/// Probabilities of rows [begin, begin + n) of `x` into `dst` (row-major). Class-major logits
/// let the loops run over rows; each (row, class) sees the same operations in the same order
/// as in predictRow, so the results are the same bits.
MB_PREDICT_KERNEL
void predictBlock(const LinearTables &m, const FeatureMatrix &x, std::size_t begin, std::size_t n,
                  double *dst)
{
    const std::size_t classes = m.classes;
    std::vector<double> logits(classes * kBlock), z(kBlock);
    for (std::size_t k = 0; k < classes; ++k)
        std::fill_n(logits.data() + k * kBlock, n, m.intercept[k]);
    for (std::size_t j = 0; j < m.encoder->inputCount(); ++j) {
        const double *column = x.column(j).data() + begin;
        const double *t = m.table + m.offset[j];
        if (m.encoder->isCategorical(j)) {
            const auto levels = static_cast<std::int32_t>(m.encoder->columnCount(j));
            for (std::size_t r = 0; r < n; ++r) {
                const double *entry = t + tableRow(column[r], levels) * classes;
                for (std::size_t k = 0; k < classes; ++k)
                    logits[k * kBlock + r] += entry[k];
            }
            continue;
        }
        const std::size_t c = m.encoder->firstColumn(j);
        const double center = m.encoder->center(c), scale = m.encoder->scale(c);
        for (std::size_t r = 0; r < n; ++r) {
            const double value = (column[r] - center) * scale;
            const bool missing = std::isnan(value);
            z[r] = missing ? 0.0 : value;
        }
        for (std::size_t k = 0; k < classes; ++k) {
            double *l = logits.data() + k * kBlock;
            const double w = t[k];
            for (std::size_t r = 0; r < n; ++r)
                l[r] += w * z[r];
        }
    }
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t k = 0; k < classes; ++k)
            dst[r * classes + k] = logits[k * kBlock + r];
    }
    softmaxRows(dst, n, classes);
}

} // namespace

std::span<const ParamSpec> LogisticRegression::paramSpecs()
{
    return kSpecs;
}

LogisticRegression::LogisticRegression(std::span<const ParamValue> values)
{
    if (values.size() == kSpecs.size()) {
        m_c = values[0].number;
        m_solver = values[1].text == "newton" ? Solver::Newton : Solver::Lbfgs;
        m_maxIter = static_cast<std::int32_t>(values[2].number);
        m_tol = values[3].number;
    }
}

Expected<void> LogisticRegression::fit(const TrainingSet &data, const FitControl &control)
{
    m_classCount = 0;
    m_coef.clear();
    m_intercept.clear();
    m_table.clear();
    if (!data.x || data.x->rows() != data.y.size() || data.x->cols() != data.features.size())
        return fail(ErrorCode::Internal, "logreg: the training set's parts differ in size");
    if (data.classCount < 2)
        return fail(ErrorCode::Usage, "Logistic regression needs at least two classes.");
    if (data.x->rows() == 0)
        return fail(ErrorCode::Usage, "Logistic regression needs at least one training row.");
    control.progress(0);

    m_encoder.fit(*data.x, data.features, data.weights, Standardizer::Indicators::Standardised);
    SoftmaxObjective objective(data, m_encoder, m_c, resolveThreads(control.threads));
    if (!(objective.weightSum() > 0))
        return fail(ErrorCode::Usage, "Logistic regression needs rows with positive weight.");

    std::vector<double> theta(objective.size(), 0.0);
    OptimizerSettings settings;
    settings.maxIter = m_maxIter;
    settings.tol = m_tol;
    settings.control = &control;
    const OptimizerResult result = m_solver == Solver::Newton
        ? minimizeNewtonCg(objective, theta, settings)
        : minimizeLbfgs(objective, theta, settings);
    if (result.cancelled || control.stopRequested())
        return fail(ErrorCode::Cancelled, "Training was cancelled.");
    m_iterations = result.iterations;
    m_converged = result.converged;

    // Store every class's logit; two classes get +-half of the binomial logit.
    const std::size_t columns = m_encoder.encodedCount();
    const auto classes = static_cast<std::size_t>(data.classCount);
    const std::size_t free = objective.freeClasses();
    m_coef.assign(classes * columns, 0.0);
    m_intercept.assign(classes, 0.0);
    for (std::size_t k = 0; k < classes; ++k) {
        const std::size_t source = classes == 2 ? 0 : k;
        const double sign = classes == 2 ? (k == 1 ? 0.5 : -0.5) : 1.0;
        for (std::size_t c = 0; c < columns; ++c)
            m_coef[k * columns + c] = sign * theta[c * free + source];
        m_intercept[k] = sign * theta[columns * free + source];
    }
    m_classCount = data.classCount;
    rebuildTables();
    control.progress(1);
    return {};
}

void LogisticRegression::rebuildTables()
{
    const auto classes = static_cast<std::size_t>(m_classCount);
    const std::size_t columns = m_encoder.encodedCount();
    m_table.clear();
    m_tableOffset.assign(m_encoder.inputCount() + 1, 0);
    for (std::size_t j = 0; j < m_encoder.inputCount(); ++j) {
        m_tableOffset[j] = m_table.size();
        const std::size_t first = m_encoder.firstColumn(j);
        if (!m_encoder.isCategorical(j)) {
            for (std::size_t k = 0; k < classes; ++k)
                m_table.push_back(m_coef[k * columns + first]);
            continue;
        }
        // Every indicator contributes even when off (it is centred), so the "off" sum is the
        // base of every row of the table.
        const std::size_t levels = m_encoder.columnCount(j);
        std::vector<double> off(classes, 0.0);
        for (std::size_t k = 0; k < classes; ++k) {
            for (std::size_t c = first; c < first + levels; ++c)
                off[k]
                    += m_coef[k * columns + c] * ((0.0 - m_encoder.center(c)) * m_encoder.scale(c));
        }
        for (std::size_t l = 0; l <= levels; ++l) {
            for (std::size_t k = 0; k < classes; ++k) {
                double term = off[k];
                if (l < levels) {
                    const std::size_t c = first + l;
                    const double w = m_coef[k * columns + c];
                    term += w * ((1.0 - m_encoder.center(c)) * m_encoder.scale(c))
                        - w * ((0.0 - m_encoder.center(c)) * m_encoder.scale(c));
                }
                m_table.push_back(term);
            }
        }
    }
    m_tableOffset[m_encoder.inputCount()] = m_table.size();
}

int LogisticRegression::classCount() const
{
    return m_classCount;
}

inline void LogisticRegression::addFeature(std::size_t j, double v, double *logits) const
{
    const auto classes = static_cast<std::size_t>(m_classCount);
    const double *t = m_table.data() + m_tableOffset[j];
    if (!m_encoder.isCategorical(j)) {
        const std::size_t c = m_encoder.firstColumn(j);
        const double value = (v - m_encoder.center(c)) * m_encoder.scale(c);
        const bool missing = std::isnan(value);
        const double z = missing ? 0.0 : value;
        for (std::size_t k = 0; k < classes; ++k)
            logits[k] += t[k] * z;
        return;
    }
    const std::size_t row = tableRow(v, static_cast<std::int32_t>(m_encoder.columnCount(j)));
    for (std::size_t k = 0; k < classes; ++k)
        logits[k] += t[row * classes + k];
}

void LogisticRegression::predictRow(std::span<const double> row, std::span<double> proba) const
{
    const auto classes = static_cast<std::size_t>(m_classCount);
    double *logits = proba.data();
    for (std::size_t k = 0; k < classes; ++k)
        logits[k] = m_intercept[k];
    for (std::size_t j = 0; j < m_encoder.inputCount(); ++j)
        addFeature(j, row[j], logits);
    softmaxInPlace(logits, classes);
}

void LogisticRegression::predictProba(const FeatureMatrix &x, std::span<double> out) const
{
    const auto classes = static_cast<std::size_t>(m_classCount);
    const std::size_t rows = x.rows();
    const std::size_t blocks = (rows + kBlock - 1) / kBlock;
    const int threads = rows * m_table.size() > 200000 ? resolveThreads(0) : 1;
    const LinearTables tables {&m_encoder, m_table.data(), m_tableOffset.data(), m_intercept.data(),
                               classes};
    parallelFor(blocks, threads, [&](std::size_t blockIndex, int) {
        const std::size_t begin = blockIndex * kBlock;
        predictBlock(tables, x, begin, std::min(kBlock, rows - begin),
                     out.data() + begin * classes);
    });
}

std::vector<double> LogisticRegression::contributions(std::span<const double> row, int cls) const
{
    std::vector<double> out(m_encoder.inputCount(), 0.0);
    if (cls < 0 || cls >= m_classCount)
        return out;
    const auto classes = static_cast<std::size_t>(m_classCount);
    std::vector<double> logits(classes);
    for (std::size_t j = 0; j < out.size(); ++j) {
        std::fill(logits.begin(), logits.end(), 0.0);
        addFeature(j, row[j], logits.data());
        out[j] = logits[static_cast<std::size_t>(cls)];
    }
    return out;
}

double LogisticRegression::intercept(int cls) const
{
    return cls >= 0 && cls < m_classCount ? m_intercept[static_cast<std::size_t>(cls)] : 0.0;
}

template<class Archive> void LogisticRegression::serialize(Archive &ar, const unsigned int)
{
    using boost::serialization::make_nvp;
    std::int32_t solver = m_solver == Solver::Newton ? 1 : 0;
    ar &make_nvp("C", m_c);
    ar &make_nvp("solver", solver);
    ar &make_nvp("max_iter", m_maxIter);
    ar &make_nvp("tol", m_tol);
    ar &make_nvp("encoder", m_encoder);
    ar &make_nvp("class_count", m_classCount);
    archive::items(ar, "coef", m_coef);
    archive::items(ar, "intercept", m_intercept);
    if constexpr (Archive::is_loading::value) {
        m_solver = solver == 1 ? Solver::Newton : Solver::Lbfgs;
        const auto classes = static_cast<std::uint64_t>(std::max(m_classCount, 0));
        if (m_classCount < 2 || m_intercept.size() != classes
            || m_coef.size() != classes * m_encoder.encodedCount()) {
            throw archive::CorruptPayload("the logistic regression's sizes do not fit together");
        }
        const auto finite = [](double v) {
            return std::isfinite(v);
        };
        if (!std::ranges::all_of(m_coef, finite) || !std::ranges::all_of(m_intercept, finite))
            throw archive::CorruptPayload(
                "the logistic regression holds a value that is not a number");
        rebuildTables();
    }
}

MB_INSTANTIATE_SERIALIZE(LogisticRegression);

} // namespace mb
