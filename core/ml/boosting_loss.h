// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/boosting_histogram.h"

#include <cstdint>
#include <span>
#include <vector>

namespace mb {

/// The loss that gradient boosting minimises: the multinomial log loss over softmax scores,
/// or the binomial one (logistic) for two classes. Raw scores are stored class-major,
/// raw[k * rows + r] for score k of row r, with one score per class (one in all for two
/// classes). Holds references to the labels and weights; const and thread-safe.
class BoostingLoss
{
public:
    /// `weights` may be empty (every row weighs 1).
    BoostingLoss(std::span<const std::int32_t> y, std::span<const double> weights, int classCount);

    /// Scores per row: 1 for two classes, else the class count.
    std::size_t scores() const { return m_scores; }

    /// The scores before any tree: log class priors over `rows` (log odds for two classes),
    /// the priors clipped to [eps, 1 - eps] as scikit-learn does.
    std::vector<double> baseline(std::span<const std::uint32_t> rows) const;

    /// First and second derivatives of each row's loss by each of its scores, for `rows`,
    /// into gh[k * rows + r] (weighted). Runs over row blocks on `threads` threads; each row's
    /// values do not depend on the blocks.
    void gradients(std::span<const double> raw, std::span<const std::uint32_t> rows,
                   std::span<GradientPair> gh, int threads) const;

    /// The weighted mean loss over `rows`.
    double loss(std::span<const double> raw, std::span<const std::uint32_t> rows) const;

private:
    double weight(std::size_t r) const { return m_weights.empty() ? 1.0 : m_weights[r]; }

    std::span<const std::int32_t> m_y;
    std::span<const double> m_weights;
    int m_classCount = 0;
    std::size_t m_scores = 0;
    std::size_t m_rows = 0;
};

} // namespace mb
