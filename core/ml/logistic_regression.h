// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/classifier.h"
#include "core/ml/param_spec.h"
#include "core/ml/standardizer.h"

#include <boost/serialization/version.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace boost::serialization {
class access;
}

namespace mb {

/// Multinomial logistic regression with an L2 penalty, on input it standardises and one-hot
/// encodes itself (the encoder is part of the model). Minimises, like scikit-learn,
/// C * sum of weighted log losses + 0.5 * |W|^2 (intercepts not penalised), by L-BFGS or
/// Newton-CG. Two classes use one weight vector (binomial, as scikit-learn does), shown as
/// two symmetric logits. Passes over the data run on row chunks in parallel and are summed in
/// chunk order, so a fit does not depend on the thread count. Predict functions are const and
/// thread-safe.
class LogisticRegression final : public Classifier
{
public:
    enum class Solver : std::uint8_t { Lbfgs, Newton };

    static std::span<const ParamSpec> paramSpecs();
    /// `values` are checked values in paramSpecs() order (see checkParams).
    explicit LogisticRegression(std::span<const ParamValue> values);

    std::string_view kind() const override { return "logreg"; }
    Expected<void> fit(const TrainingSet &data, const FitControl &control) override;
    int classCount() const override;
    void predictProba(const FeatureMatrix &x, std::span<double> out) const override;
    void predictRow(std::span<const double> row, std::span<double> proba) const override;

    /// Each input feature's additive term in the logit of class `cls` for `row` (raw values, as
    /// for predictRow): coefficient times standardised value, summed over a category's
    /// indicator columns. intercept(cls) plus these terms is the logit predictRow uses.
    std::vector<double> contributions(std::span<const double> row, int cls) const;
    double intercept(int cls) const;

    /// Coefficients in standardised space, class-major: classCount() rows of encoded columns.
    std::span<const double> coefficients() const { return m_coef; }
    const Standardizer &encoder() const { return m_encoder; }
    /// Solver iterations of the last fit and whether the gradient tolerance was met (not saved).
    int iterations() const { return m_iterations; }
    bool converged() const { return m_converged; }

    /// Boost.Serialization of the fitted state (and the parameters prediction depends on);
    /// defined in the .cpp for the three archive kinds (see core/model/archive_io.h).
    template<class Archive> void serialize(Archive &ar, const unsigned int version);

private:
    friend class boost::serialization::access;
    void rebuildTables();
    /// Adds feature `j`'s logit terms for raw value `v` to logits[0..K).
    void addFeature(std::size_t j, double v, double *logits) const;

    double m_c = 1.0;
    Solver m_solver = Solver::Lbfgs;
    std::int32_t m_maxIter = 100;
    double m_tol = 1e-4;

    Standardizer m_encoder;
    std::int32_t m_classCount = 0;
    std::vector<double> m_coef; ///< classCount x encodedCount, standardised space
    std::vector<double> m_intercept; ///< classCount

    // Derived from the above (rebuilt after fit and load): per input feature, numeric: the K
    // coefficients of its column; categorical: (levels + 1) x K summed indicator terms, the
    // last row for a missing or unknown level.
    std::vector<double> m_table;
    std::vector<std::size_t> m_tableOffset;

    int m_iterations = 0;
    bool m_converged = false;
};

} // namespace mb

BOOST_CLASS_VERSION(mb::LogisticRegression, 1)
