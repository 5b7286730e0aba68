// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/classifier.h"
#include "core/ml/param_spec.h"

#include <boost/serialization/version.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace boost::serialization {
class access;
}

namespace mb {

/// Naive Bayes in one model: a Gaussian per class for each numeric feature (variances widened
/// by var_smoothing times the largest feature variance, as scikit-learn's GaussianNB does) and
/// smoothed level frequencies per class for each categorical feature (Laplace/Lidstone
/// `alpha`, as CategoricalNB). By default a Gaussian's standard deviation is kept at least a
/// sixth of the feature's precision (as Weka's NaiveBayes does), which leaves data like iris
/// untouched but stops a feature that is constant within a class from vetoing it. Class priors are
/// the (weighted) class frequencies. A missing value (NaN) is skipped in fit and in prediction, so
/// the model never imputes. Predict functions are const and thread-safe.
class NaiveBayes final : public Classifier
{
public:
    static std::span<const ParamSpec> paramSpecs();
    /// `values` are checked values in paramSpecs() order (see checkParams).
    explicit NaiveBayes(std::span<const ParamValue> values);

    std::string_view kind() const override { return "nb"; }
    Expected<void> fit(const TrainingSet &data, const FitControl &control) override;
    int classCount() const override;
    void predictProba(const FeatureMatrix &x, std::span<double> out) const override;
    void predictRow(std::span<const double> row, std::span<double> proba) const override;

    /// Each feature's log-likelihood term log p(x_j | cls) for `row` (0 where missing);
    /// logPrior(cls) plus these terms is the joint log-likelihood predictRow normalises.
    std::vector<double> contributions(std::span<const double> row, int cls) const;
    double logPrior(int cls) const;

    /// Fitted Gaussian of numeric feature `feature` in class `cls` (variance smoothed).
    double mean(std::size_t feature, int cls) const;
    double variance(std::size_t feature, int cls) const;
    /// Smoothed probability of level `level` of categorical feature `feature` in class `cls`.
    double levelProbability(std::size_t feature, int level, int cls) const;

    /// Boost.Serialization of the fitted state (and the parameters prediction depends on);
    /// defined in the .cpp for the three archive kinds (see core/model/archive_io.h).
    template<class Archive> void serialize(Archive &ar, const unsigned int version);

private:
    friend class boost::serialization::access;
    void rebuildTables();
    /// Adds feature `j`'s log-likelihood terms for value `v` to joint[0..K) (nothing if missing).
    void addFeature(std::size_t j, double v, double *joint) const;

    double m_varSmoothing = 1e-9;
    double m_alpha = 1.0;
    bool m_precisionFloor = true;

    std::int32_t m_classCount = 0;
    std::vector<double> m_classWeight; ///< K: summed weight of each class's rows
    std::vector<std::uint8_t> m_categorical; ///< per feature
    std::vector<std::int32_t> m_levels; ///< per feature (0 for numbers)
    // Numeric features, in feature order, K values each: mean and smoothed variance.
    std::vector<double> m_mean;
    std::vector<double> m_variance;
    // Categorical features, in feature order, levels x K values each: weighted level counts.
    std::vector<double> m_levelCount;

    // Derived (rebuilt after fit and load).
    std::vector<double> m_logPrior; ///< K
    std::vector<double> m_logNorm; ///< numeric: -0.5 log(2 pi var)
    std::vector<double> m_halfPrecision; ///< numeric: 0.5 / var
    std::vector<double> m_logProb; ///< categorical: log p(level | class), levels x K
    std::vector<std::size_t> m_offset; ///< per feature: start in its arrays
};

} // namespace mb

BOOST_CLASS_VERSION(mb::NaiveBayes, 1)
