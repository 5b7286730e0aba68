// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/boosting_ensemble.h"
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

/// Histogram-based gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier,
/// LightGBM): softmax loss with one tree per class and iteration (binary: one tree per
/// iteration on the logistic loss), trees grown leaf-wise on float32 gradient histograms,
/// categorical features split into subsets of categories, optional early stopping on a
/// stratified validation split. fit() uses parallelFor over row blocks; prediction is const
/// and thread-safe, and predictRow() never allocates.
class GradientBoosting final : public Classifier
{
public:
    enum class EarlyStopping : std::int32_t { Auto = 0, On = 1, Off = 2 };

    static std::span<const ParamSpec> paramSpecs();
    /// `values` are checked values in paramSpecs() order (see checkParams).
    explicit GradientBoosting(std::span<const ParamValue> values);

    std::string_view kind() const override { return "gbt"; }
    Expected<void> fit(const TrainingSet &data, const FitControl &control) override;
    int classCount() const override { return m_classCount; }
    void predictProba(const FeatureMatrix &x, std::span<double> out) const override;
    void predictRow(std::span<const double> row, std::span<double> proba) const override;
    /// Total split gain per feature over every tree, normalised to sum 1 (all zero when no
    /// tree split at all).
    std::vector<double> featureImportances() const override { return m_importances; }

    /// Boosting iterations kept: max_iter, or with early stopping the iteration count whose
    /// validation loss was lowest.
    int iterations() const { return m_iterations; }
    /// With early stopping: the validation loss (weighted mean log loss of the held-out rows)
    /// before any tree and after each iteration run, of the last fit in this process (not
    /// saved with the model); empty without early stopping.
    std::span<const double> validationLoss() const { return m_validationLoss; }
    /// Trees per iteration: 1 for two classes, else one per class.
    int treesPerIteration() const { return m_classCount == 2 ? 1 : m_classCount; }
    /// The fitted trees (for inspection: leaf counts, depths, leaf values).
    const BoostingEnsemble &trees() const { return m_trees; }

    /// Boost.Serialization of the fitted state (and the parameters prediction depends on);
    /// defined in the .cpp for the three archive kinds (see core/model/archive_io.h).
    template<class Archive>
    void serialize(Archive &ar, const unsigned int version);

private:
    friend class boost::serialization::access;

    /// Whether early stopping ends training after these validation losses.
    bool shouldStop(std::span<const double> validationLoss) const;
    /// Raw scores (one per class, or one for two classes) to probabilities, in place of `proba`.
    void toProbabilities(const double *raw, std::span<double> proba) const;

    // Parameters.
    double m_learningRate = 0.1;
    std::int32_t m_maxIter = 100;
    std::int32_t m_maxLeafNodes = 31;  // 0: no limit
    std::int32_t m_maxDepth = 0;       // 0: no limit
    std::int32_t m_minSamplesLeaf = 20;
    double m_l2 = 0;
    std::int32_t m_maxBins = 255;
    EarlyStopping m_earlyStopping = EarlyStopping::Auto;
    double m_validationFraction = 0.1;
    std::int32_t m_nIterNoChange = 10;
    double m_tol = 1e-7;

    // Fitted state.
    std::int32_t m_classCount = 0;
    std::int32_t m_featureCount = 0;
    std::int32_t m_iterations = 0;
    std::vector<double> m_baseline;  // raw score before any tree, per tree of an iteration
    std::vector<double> m_importances;
    BoostingEnsemble m_trees;
    std::vector<double> m_validationLoss;  // diagnostics of the last fit, not serialised
};

} // namespace mb

BOOST_CLASS_VERSION(mb::GradientBoosting, 1)
