// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/classifier.h"
#include "core/ml/flat_tree.h"
#include "core/ml/histogram_tree.h"
#include "core/ml/param_spec.h"
#include "core/ml/tree_nodes.h"
#include "core/ml/tree_summary.h"

#include <boost/serialization/version.hpp>

#include <span>
#include <vector>

namespace boost::serialization {
class access;
}

namespace mb {

/// A CART decision tree grown on histogram bins (see HistogramTreeGrower), pruned by minimal
/// cost complexity: by default ccp_alpha is chosen by 5-fold cross-validation on the training
/// rows with Breiman's one-standard-error rule. Prediction walks a FlatTree; a TreeSummary
/// beside it keeps where the training rows ended up, for drawing the tree.
/// fit() is not thread-safe; the const functions are.
class DecisionTree final : public Classifier
{
public:
    static std::span<const ParamSpec> paramSpecs();
    /// `values` are checked values in paramSpecs() order (see checkParams).
    explicit DecisionTree(std::span<const ParamValue> values);

    std::string_view kind() const override { return "tree"; }
    Expected<void> fit(const TrainingSet &data, const FitControl &control) override;
    int classCount() const override { return m_tree.classCount(); }
    void predictProba(const FeatureMatrix &x, std::span<double> out) const override;
    void predictRow(std::span<const double> row, std::span<double> proba) const override;
    std::vector<double> featureImportances() const override { return m_importances; }

    /// The fitted tree (empty before fit()).
    const FlatTree &flatTree() const { return m_tree; }
    /// The ccp_alpha the tree was pruned with (chosen by cross-validation under prune=cv).
    double ccpAlpha() const { return m_fittedAlpha; }
    /// The training rows at each leaf of the fitted tree (nodes() adds up the others); empty
    /// for a tree read from a file written before version 2 of this class, which had none.
    const TreeSummary &summary() const { return m_summary; }
    /// The nodes with their splits, predictions and (when stored) statistics, root first.
    std::vector<TreeNodeInfo> nodes() const { return treeNodes(m_tree, m_summary); }

    /// Boost.Serialization of the fitted state (and the parameters prediction depends on);
    /// defined in the .cpp for the three archive kinds (see core/model/archive_io.h).
    template<class Archive>
    void serialize(Archive &ar, const unsigned int version);

private:
    friend class boost::serialization::access;

    // Parameters.
    TreeGrowth m_growth;
    ParamValue m_maxFeatures;
    bool m_balanced = false;
    double m_ccpAlpha = 0;
    bool m_pruneByCv = true;

    // Fitted state.
    FlatTree m_tree;
    TreeSummary m_summary;  // version 2 on
    std::vector<double> m_importances;
    double m_fittedAlpha = 0;
};

} // namespace mb

// 2: the TreeSummary (training rows per leaf) follows the tree.
BOOST_CLASS_VERSION(mb::DecisionTree, 2)
