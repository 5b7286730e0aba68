// SPDX-License-Identifier: MIT
#pragma once
// Softmax helpers shared by the linear model and naive Bayes, by their batch and single-row
// paths alike, so that both give the same bits.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mb {

/// max(x, -700), written so that loops of it vectorise. Below -700 an exponential is about
/// 1e-304: as a softmax share, zero.
inline double clampExponent(double x)
{
    const bool inRange = x >= -700.0; // a separate flag keeps the select vectorisable
    return inRange ? x : -700.0;
}

/// exp(x) for x in [-700, 0], to about 1 ulp, in plain arithmetic that compilers vectorise
/// (the libm call does not). Callers clamp first (clampExponent), in a loop of its own:
/// a select inside this function would stop the vectoriser.
inline double expClamped(double x)
{
    constexpr double kLog2e = 1.4426950408889634;
    constexpr double kShifter = 6755399441055744.0; // 1.5 * 2^52: adding it rounds to an integer
    constexpr double kLn2Hi = 6.93147180369123816490e-01;
    constexpr double kLn2Lo = 1.90821492927058770002e-10;
    const double t = x * kLog2e + kShifter;
    const double n = t - kShifter;
    const double r = (x - n * kLn2Hi) - n * kLn2Lo; // |r| <= ln(2) / 2
    // Taylor series to degree 13: the remainder is below 1e-17 on that interval.
    double p = 1.0 / 6227020800.0;
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    // Scale by 2^n through the exponent bits; n is in the low bits of t.
    const std::uint64_t shift
        = std::bit_cast<std::uint64_t>(t) - std::bit_cast<std::uint64_t>(kShifter);
    return std::bit_cast<double>(std::bit_cast<std::uint64_t>(p) + (shift << 52));
}

/// exp(x) for x <= 0: expClamped(clampExponent(x)).
inline double expNonPositive(double x)
{
    return expClamped(clampExponent(x));
}

namespace detail {

/// The special cases of softmax, when the largest logit is not finite: classes at +inf share
/// the mass; otherwise (all -inf, or NaN) every class gets 1/k.
inline void softmaxDegenerate(double *v, std::size_t k, double top)
{
    bool anyNan = false;
    double certain = 0;
    for (std::size_t i = 0; i < k; ++i) {
        anyNan = anyNan || std::isnan(v[i]);
        certain += v[i] == INFINITY ? 1 : 0;
    }
    for (std::size_t i = 0; i < k; ++i) {
        if (top == INFINITY && !anyNan)
            v[i] = v[i] == INFINITY ? 1.0 / certain : 0.0;
        else
            v[i] = 1.0 / static_cast<double>(k);
    }
}

inline double rowMax(const double *v, std::size_t k)
{
    double top = -INFINITY;
    bool nan = false;
    for (std::size_t i = 0; i < k; ++i) {
        top = v[i] > top ? v[i] : top;
        nan = nan || std::isnan(v[i]);
    }
    return nan ? NAN : top;
}

} // namespace detail

/// Turns `k` logits into class probabilities in place, stably (the largest logit is
/// subtracted before exponentiating).
inline void softmaxInPlace(double *v, std::size_t k)
{
    const double top = detail::rowMax(v, k);
    if (!std::isfinite(top)) {
        detail::softmaxDegenerate(v, k, top);
        return;
    }
    for (std::size_t i = 0; i < k; ++i)
        v[i] = expNonPositive(v[i] - top);
    double sum = 0;
    for (std::size_t i = 0; i < k; ++i)
        sum += v[i];
    for (std::size_t i = 0; i < k; ++i)
        v[i] /= sum;
}

/// softmaxInPlace on each of `rows` rows of `k` logits (row-major), with the same result per
/// row, but with the exponentials in one loop that vectorises. Always inlined, so that it is
/// compiled for the instruction set of the batch kernel that calls it.
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
inline void
softmaxRows(double *v, std::size_t rows, std::size_t k)
{
    std::vector<std::size_t> degenerate;
    std::vector<double> original;
    for (std::size_t r = 0; r < rows; ++r) {
        double *row = v + r * k;
        const double top = detail::rowMax(row, k);
        if (!std::isfinite(top)) {
            degenerate.push_back(r);
            original.insert(original.end(), row, row + k);
        }
        for (std::size_t i = 0; i < k; ++i)
            row[i] = std::isfinite(top) ? row[i] - top : 0.0;
    }
    for (std::size_t i = 0; i < rows * k; ++i)
        v[i] = clampExponent(v[i]);
    for (std::size_t i = 0; i < rows * k; ++i)
        v[i] = expClamped(v[i]);
    for (std::size_t r = 0; r < rows; ++r) {
        double *row = v + r * k;
        double sum = 0;
        for (std::size_t i = 0; i < k; ++i)
            sum += row[i];
        for (std::size_t i = 0; i < k; ++i)
            row[i] /= sum;
    }
    for (std::size_t d = 0; d < degenerate.size(); ++d) {
        double *row = v + degenerate[d] * k;
        std::copy_n(original.data() + d * k, k, row);
        detail::softmaxDegenerate(row, k, detail::rowMax(row, k));
    }
}

} // namespace mb
