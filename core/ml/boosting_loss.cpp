// SPDX-License-Identifier: MIT
#include "core/ml/boosting_loss.h"

#include "core/base/parallel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace mb {

namespace {

// Rows per task of gradients(): enough work to be worth a thread.
constexpr std::size_t kBlockRows = 16384;

/// log(1 + exp(z)) without overflow.
double softplus(double z)
{
    return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

} // namespace

BoostingLoss::BoostingLoss(std::span<const std::int32_t> y, std::span<const double> weights, int classCount)
    : m_y(y)
    , m_weights(weights)
    , m_classCount(classCount)
    , m_scores(classCount == 2 ? 1 : static_cast<std::size_t>(classCount))
    , m_rows(y.size())
{
}

std::vector<double> BoostingLoss::baseline(std::span<const std::uint32_t> rows) const
{
    std::vector<double> prior(static_cast<std::size_t>(m_classCount), 0.0);
    double total = 0;
    for (const std::uint32_t r : rows) {
        prior[static_cast<std::size_t>(m_y[r])] += weight(r);
        total += weight(r);
    }
    constexpr double eps = std::numeric_limits<double>::epsilon();
    for (double &p : prior)
        p = std::clamp(total > 0 ? p / total : 1.0 / m_classCount, eps, 1 - eps);
    if (m_scores == 1)
        return {std::log(prior[1] / (1 - prior[1]))};
    std::vector<double> scores(m_scores);
    for (std::size_t k = 0; k < m_scores; ++k)
        scores[k] = std::log(prior[k]);
    return scores;
}

void BoostingLoss::gradients(std::span<const double> raw, std::span<const std::uint32_t> rows,
                             std::span<GradientPair> gh, int threads) const
{
    const std::size_t n = m_rows;
    const std::size_t K = m_scores;
    const std::size_t blocks = (rows.size() + kBlockRows - 1) / kBlockRows;
    parallelFor(blocks, threads, [&](std::size_t b, int) {
        const std::size_t end = std::min(rows.size(), (b + 1) * kBlockRows);
        // Softmax numerators of one row: on the stack unless there are very many classes.
        std::array<double, 64> small{};
        std::vector<double> large(K > small.size() ? K : 0);
        double *e = K > small.size() ? large.data() : small.data();
        for (std::size_t i = b * kBlockRows; i < end; ++i) {
            const std::size_t r = rows[i];
            const double w = weight(r);
            const auto y = static_cast<std::size_t>(m_y[r]);
            if (K == 1) {
                // Binomial: p = sigmoid(score), g = p - y, h = p (1 - p).
                const double p = 1 / (1 + std::exp(-raw[r]));
                gh[r] = {static_cast<float>(w * (p - (y == 1 ? 1 : 0))), static_cast<float>(w * p * (1 - p))};
                continue;
            }
            // Multinomial: p = softmax(scores), g_k = p_k - [y = k], h_k = p_k (1 - p_k) (the
            // diagonal of the Hessian, as scikit-learn and LightGBM use it).
            double top = raw[r];
            for (std::size_t k = 1; k < K; ++k)
                top = std::max(top, raw[k * n + r]);
            double sum = 0;
            for (std::size_t k = 0; k < K; ++k) {
                e[k] = std::exp(raw[k * n + r] - top);
                sum += e[k];
            }
            for (std::size_t k = 0; k < K; ++k) {
                const double p = e[k] / sum;
                gh[k * n + r] = {static_cast<float>(w * (p - (k == y ? 1 : 0))), static_cast<float>(w * p * (1 - p))};
            }
        }
    });
}

double BoostingLoss::loss(std::span<const double> raw, std::span<const std::uint32_t> rows) const
{
    const std::size_t n = m_rows;
    const std::size_t K = m_scores;
    double sum = 0, weights = 0;
    for (const std::uint32_t r : rows) {
        const auto y = static_cast<std::size_t>(m_y[r]);
        double l = 0;
        if (K == 1) {
            l = softplus(y == 1 ? -raw[r] : raw[r]);
        } else {
            double top = raw[r];
            for (std::size_t k = 1; k < K; ++k)
                top = std::max(top, raw[k * n + r]);
            double total = 0;
            for (std::size_t k = 0; k < K; ++k)
                total += std::exp(raw[k * n + r] - top);
            l = top + std::log(total) - raw[y * n + r];
        }
        sum += weight(r) * l;
        weights += weight(r);
    }
    return weights > 0 ? sum / weights : 0.0;
}

} // namespace mb
