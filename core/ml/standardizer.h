// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/feature_matrix.h"
#include "core/ml/training_set.h"

#include <boost/serialization/version.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace boost::serialization {
class access;
}

namespace mb {

/// Turns raw feature rows into the dense vectors that logistic regression and k-NN work on:
/// a numeric feature becomes one column, centred on its training mean and divided by its
/// training standard deviation (1 for a constant column); a categorical feature with L levels
/// becomes L indicator columns (one-hot). Indicators are either standardised like numbers or
/// given a fixed "on" value, as the owning model chooses at fit time. A missing value (NaN) or
/// an unknown level encodes as the centre: 0 for a number, every indicator off for a category.
/// Owned and serialized by its model; immutable after fit, so encoding is thread-safe.
class Standardizer
{
public:
    /// How indicator columns of categorical features are scaled.
    enum class Indicators : std::uint8_t {
        Standardised, ///< centred and scaled like numeric columns (StandardScaler after one-hot)
        Fixed, ///< 0 when off, `onValue` when on
    };

    /// Learns centres and scales from `x` (rows weighted by `weights`; empty: all 1).
    void fit(const FeatureMatrix &x, std::span<const FeatureInfo> features,
             std::span<const double> weights, Indicators indicators, double onValue = 1.0);

    std::size_t inputCount() const { return m_categorical.size(); }
    std::size_t encodedCount() const { return m_center.size(); }

    bool isCategorical(std::size_t feature) const { return m_categorical[feature] != 0; }
    /// Number of encoded columns of `feature` (1 for a number, its level count for a category).
    std::size_t columnCount(std::size_t feature) const
    {
        return m_first[feature + 1] - m_first[feature];
    }
    std::size_t firstColumn(std::size_t feature) const { return m_first[feature]; }
    double center(std::size_t column) const { return m_center[column]; }
    double scale(std::size_t column) const { return m_scale[column]; }

    /// Encodes one raw row (inputCount() values) into `out` (encodedCount() values).
    void encodeRow(std::span<const double> row, double *out) const;

    /// Encodes rows [begin, begin + count) of `x` into `out`, row-major (count x encodedCount()).
    void encodeRows(const FeatureMatrix &x, std::size_t begin, std::size_t count,
                    double *out) const;

    /// Encodes rows [begin, begin + count) of `x` column by column: encoded column c of row r
    /// goes to out[c * stride + r]. Hot loops that run over rows want this layout.
    void encodeColumns(const FeatureMatrix &x, std::size_t begin, std::size_t count, double *out,
                       std::size_t stride) const;

    template<class Archive> void serialize(Archive &ar, const unsigned int version);

private:
    friend class boost::serialization::access;
    void rebuildOffsets();

    std::vector<std::uint8_t> m_categorical; ///< per input feature
    std::vector<std::int32_t> m_levels; ///< per input feature (0 for numbers)
    std::vector<double> m_center; ///< per encoded column
    std::vector<double> m_scale; ///< per encoded column: multiplier (1 / std)
    std::vector<std::size_t> m_first; ///< derived: first encoded column per feature, + end
};

} // namespace mb

BOOST_CLASS_VERSION(mb::Standardizer, 1)
