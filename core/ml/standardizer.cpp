// SPDX-License-Identifier: MIT
#include "core/ml/standardizer.h"

#include "core/model/archive_io.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace mb {

namespace {

/// The level index a categorical cell holds, or -1 for a missing or unknown value.
inline std::ptrdiff_t levelOf(double v, std::int32_t levels)
{
    if (!(v >= 0) || v >= levels || v != std::floor(v))
        return -1;
    return static_cast<std::ptrdiff_t>(v);
}

/// 1 / standard deviation, or 1 when the column is constant (or the numbers are unusable).
double inverseSpread(double variance)
{
    const double sd = std::sqrt(variance);
    return sd > 0 && std::isfinite(sd) && std::isfinite(1.0 / sd) ? 1.0 / sd : 1.0;
}

/// Weighted mean and variance of the values of `column`, in two passes (mean, then squared
/// deviations) for accuracy, each summed in four fixed lanes so that it vectorises. Values
/// that are not finite make the result non-finite.
template<bool Weighted>
std::pair<double, double> plainMeanAndVariance(std::span<const double> column, const double *w)
{
    const std::size_t n = column.size(), whole = n / 4 * 4;
    double sum[4] = {}, total[4] = {}, squares[4] = {};
    for (std::size_t r = 0; r < whole; r += 4) {
        for (std::size_t l = 0; l < 4; ++l) {
            sum[l] += (Weighted ? w[r + l] : 1.0) * column[r + l];
            total[l] += Weighted ? w[r + l] : 1.0;
        }
    }
    for (std::size_t r = whole; r < n; ++r) {
        sum[r - whole] += (Weighted ? w[r] : 1.0) * column[r];
        total[r - whole] += Weighted ? w[r] : 1.0;
    }
    const double count = (total[0] + total[1]) + (total[2] + total[3]);
    const double mean = ((sum[0] + sum[1]) + (sum[2] + sum[3])) / count;
    for (std::size_t r = 0; r < whole; r += 4) {
        for (std::size_t l = 0; l < 4; ++l) {
            const double d = column[r + l] - mean;
            squares[l] += (Weighted ? w[r + l] : 1.0) * d * d;
        }
    }
    for (std::size_t r = whole; r < n; ++r) {
        const double d = column[r] - mean;
        squares[r - whole] += (Weighted ? w[r] : 1.0) * d * d;
    }
    return {mean, ((squares[0] + squares[1]) + (squares[2] + squares[3])) / count};
}

/// The same over the finite values only (the slow path, for columns with NaN or infinity).
std::pair<double, double> finiteMeanAndVariance(std::span<const double> column,
                                                std::span<const double> weights)
{
    double sum = 0, total = 0;
    for (std::size_t r = 0; r < column.size(); ++r) {
        if (std::isfinite(column[r])) {
            const double w = weights.empty() ? 1.0 : weights[r];
            sum += w * column[r];
            total += w;
        }
    }
    if (!(total > 0) || !std::isfinite(sum / total))
        return {0.0, 0.0};
    const double mean = sum / total;
    double squares = 0;
    for (std::size_t r = 0; r < column.size(); ++r) {
        if (std::isfinite(column[r])) {
            const double d = column[r] - mean;
            squares += (weights.empty() ? 1.0 : weights[r]) * d * d;
        }
    }
    return {mean, squares / total};
}

std::pair<double, double> meanAndVariance(std::span<const double> column,
                                          std::span<const double> weights)
{
    if (column.empty())
        return {0.0, 0.0};
    const auto fast = weights.empty() ? plainMeanAndVariance<false>(column, nullptr)
                                      : plainMeanAndVariance<true>(column, weights.data());
    if (std::isfinite(fast.first) && std::isfinite(fast.second))
        return fast;
    return finiteMeanAndVariance(column, weights);
}

} // namespace

void Standardizer::fit(const FeatureMatrix &x, std::span<const FeatureInfo> features,
                       std::span<const double> weights, Indicators indicators, double onValue)
{
    const std::size_t n = x.rows();
    auto weight = [&](std::size_t r) {
        return weights.empty() ? 1.0 : weights[r];
    };
    m_categorical.assign(features.size(), 0);
    m_levels.assign(features.size(), 0);
    m_center.clear();
    m_scale.clear();
    for (std::size_t j = 0; j < features.size(); ++j) {
        const std::span<const double> column = x.column(j);
        if (features[j].categorical) {
            const std::int32_t levels = std::max(features[j].levels, 0);
            m_categorical[j] = 1;
            m_levels[j] = levels;
            if (indicators == Indicators::Fixed) {
                m_center.insert(m_center.end(), static_cast<std::size_t>(levels), 0.0);
                m_scale.insert(m_scale.end(), static_cast<std::size_t>(levels), onValue);
                continue;
            }
            std::vector<double> share(static_cast<std::size_t>(levels), 0.0);
            double total = 0;
            for (std::size_t r = 0; r < n; ++r) {
                total += weight(r);
                if (const auto level = levelOf(column[r], levels); level >= 0)
                    share[static_cast<std::size_t>(level)] += weight(r);
            }
            for (double s : share) {
                const double p = total > 0 ? s / total : 0.0;
                m_center.push_back(p);
                m_scale.push_back(inverseSpread(p * (1 - p)));
            }
            continue;
        }
        const auto [mean, variance] = meanAndVariance(column, weights);
        m_center.push_back(mean);
        m_scale.push_back(inverseSpread(variance));
    }
    rebuildOffsets();
}

void Standardizer::rebuildOffsets()
{
    m_first.assign(m_categorical.size() + 1, 0);
    for (std::size_t j = 0; j < m_categorical.size(); ++j)
        m_first[j + 1]
            = m_first[j] + (m_categorical[j] ? static_cast<std::size_t>(m_levels[j]) : 1);
}

void Standardizer::encodeRow(std::span<const double> row, double *out) const
{
    for (std::size_t j = 0; j < m_categorical.size(); ++j) {
        const std::size_t first = m_first[j];
        const double v = row[j];
        if (!m_categorical[j]) {
            out[first] = std::isnan(v) ? 0.0 : (v - m_center[first]) * m_scale[first];
            continue;
        }
        const std::size_t end = m_first[j + 1];
        for (std::size_t c = first; c < end; ++c)
            out[c] = (0.0 - m_center[c]) * m_scale[c];
        if (const auto level = levelOf(v, m_levels[j]); level >= 0) {
            const std::size_t c = first + static_cast<std::size_t>(level);
            out[c] = (1.0 - m_center[c]) * m_scale[c];
        }
    }
}

void Standardizer::encodeRows(const FeatureMatrix &x, std::size_t begin, std::size_t count,
                              double *out) const
{
    const std::size_t width = encodedCount();
    for (std::size_t j = 0; j < m_categorical.size(); ++j) {
        const double *column = x.column(j).data() + begin;
        const std::size_t first = m_first[j];
        if (!m_categorical[j]) {
            const double c0 = m_center[first], s0 = m_scale[first];
            for (std::size_t r = 0; r < count; ++r)
                out[r * width + first] = std::isnan(column[r]) ? 0.0 : (column[r] - c0) * s0;
            continue;
        }
        const std::size_t end = m_first[j + 1];
        for (std::size_t r = 0; r < count; ++r) {
            double *dst = out + r * width;
            for (std::size_t c = first; c < end; ++c)
                dst[c] = (0.0 - m_center[c]) * m_scale[c];
            if (const auto level = levelOf(column[r], m_levels[j]); level >= 0) {
                const std::size_t c = first + static_cast<std::size_t>(level);
                dst[c] = (1.0 - m_center[c]) * m_scale[c];
            }
        }
    }
}

void Standardizer::encodeColumns(const FeatureMatrix &x, std::size_t begin, std::size_t count,
                                 double *out, std::size_t stride) const
{
    for (std::size_t j = 0; j < m_categorical.size(); ++j) {
        const double *column = x.column(j).data() + begin;
        const std::size_t first = m_first[j];
        if (!m_categorical[j]) {
            const double c0 = m_center[first], s0 = m_scale[first];
            double *dst = out + first * stride;
            // The flag in its own statement lets the compiler vectorise the select.
            for (std::size_t r = 0; r < count; ++r) {
                const double z = (column[r] - c0) * s0;
                const bool missing = std::isnan(z);
                dst[r] = missing ? 0.0 : z;
            }
            continue;
        }
        const std::size_t end = m_first[j + 1];
        for (std::size_t c = first; c < end; ++c) {
            const double off = (0.0 - m_center[c]) * m_scale[c];
            std::fill_n(out + c * stride, count, off);
        }
        for (std::size_t r = 0; r < count; ++r) {
            if (const auto level = levelOf(column[r], m_levels[j]); level >= 0) {
                const std::size_t c = first + static_cast<std::size_t>(level);
                out[c * stride + r] = (1.0 - m_center[c]) * m_scale[c];
            }
        }
    }
}

template<class Archive> void Standardizer::serialize(Archive &ar, const unsigned int)
{
    archive::items(ar, "categorical", m_categorical);
    archive::items(ar, "levels", m_levels);
    archive::items(ar, "center", m_center);
    archive::items(ar, "scale", m_scale);
    if constexpr (Archive::is_loading::value) {
        if (m_levels.size() != m_categorical.size())
            throw archive::CorruptPayload("the encoder's feature lists differ in length");
        std::uint64_t columns = 0;
        for (std::size_t j = 0; j < m_levels.size(); ++j) {
            if (m_levels[j] < 0 || (!m_categorical[j] && m_levels[j] != 0))
                throw archive::CorruptPayload("the encoder holds an impossible level count");
            columns += m_categorical[j] ? static_cast<std::uint64_t>(m_levels[j]) : 1;
        }
        if (columns != m_center.size() || columns != m_scale.size())
            throw archive::CorruptPayload("the encoder's column count does not match its features");
        for (std::size_t c = 0; c < m_center.size(); ++c) {
            if (!std::isfinite(m_center[c]) || !std::isfinite(m_scale[c]))
                throw archive::CorruptPayload("the encoder holds a value that is not a number");
        }
        rebuildOffsets();
    }
}

MB_INSTANTIATE_SERIALIZE(Standardizer);

} // namespace mb
