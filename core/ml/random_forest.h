// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/classifier.h"
#include "core/ml/flat_tree.h"
#include "core/ml/histogram_tree.h"
#include "core/ml/param_spec.h"

#include <boost/serialization/version.hpp>

#include <limits>
#include <span>
#include <vector>

namespace boost::serialization {
class access;
}

namespace mb {

/// A random forest of histogram CART trees on bootstrap samples (Breiman, 2001). The data is
/// binned once for all trees; a bootstrap is a per-row count, never a copy of rows. Trees grow
/// one per task on every thread, each from seed + its index, so the forest does not depend on
/// scheduling. Probabilities are the mean of the trees' leaf class distributions.
/// fit() is not thread-safe; the const functions are.
class RandomForest final : public Classifier
{
public:
    static std::span<const ParamSpec> paramSpecs();
    /// `values` are checked values in paramSpecs() order (see checkParams).
    explicit RandomForest(std::span<const ParamValue> values);

    std::string_view kind() const override { return "forest"; }
    Expected<void> fit(const TrainingSet &data, const FitControl &control) override;
    int classCount() const override { return m_classCount; }
    void predictProba(const FeatureMatrix &x, std::span<double> out) const override;
    void predictRow(std::span<const double> row, std::span<double> proba) const override;
    std::vector<double> featureImportances() const override { return m_importances; }

    /// Out-of-bag accuracy: each training row predicted by the trees whose bootstrap left it
    /// out (rows that every tree saw are skipped); NaN without bootstrap or before fit().
    double oobScore() const { return m_oobScore; }
    std::span<const FlatTree> trees() const { return m_trees; }

    /// Boost.Serialization of the fitted state (and the parameters prediction depends on);
    /// defined in the .cpp for the three archive kinds (see core/model/archive_io.h).
    template<class Archive>
    void serialize(Archive &ar, const unsigned int version);

private:
    friend class boost::serialization::access;

    enum class ClassWeight : std::uint8_t { None, Balanced, BalancedSubsample };

    // Parameters.
    int m_estimators = 100;
    TreeGrowth m_growth;
    ParamValue m_maxFeatures;
    bool m_bootstrap = true;
    ClassWeight m_classWeight = ClassWeight::None;

    // Fitted state.
    std::int32_t m_classCount = 0;
    std::int32_t m_featureCount = 0;
    std::vector<FlatTree> m_trees;
    std::vector<double> m_importances;
    double m_oobScore = std::numeric_limits<double>::quiet_NaN();
};

} // namespace mb

BOOST_CLASS_VERSION(mb::RandomForest, 1)
