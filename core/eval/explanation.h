// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/tree_nodes.h"

#include <cstdint>
#include <optional>
#include <span>
#include <variant>
#include <vector>

namespace mb {

class Model;

/// One test on a decision tree's path: the node, the value it tested and which way it went.
struct PathStep
{
    std::int32_t node = -1; ///< index into DecisionTree::nodes()
    TreeNodeInfo split; ///< that node: its test and, when stored, its training rows
    double value = 0; ///< the value tested: the row's, or the imputed one where it was missing
    bool wentLeft = false; ///< the test held ("yes"), so the row went to the left child
};

/// How a decision tree answered: the tests from the root down, and the leaf they led to.
struct DecisionPath
{
    std::vector<PathStep> steps; ///< root first; empty for a tree that is a single leaf
    std::int32_t leaf = -1; ///< index into DecisionTree::nodes() of the leaf reached
    TreeNodeInfo leafNode; ///< that leaf: its probabilities and, when stored, its rows
};

/// What each feature added to each class's score in an additive model, whose probabilities are
/// the softmax of the scores: logistic regression (score = intercept + coefficient x
/// standardised value per feature, a category's indicator columns summed) and naive Bayes
/// (score = log prior + log p(value | class) per feature, nothing for a missing value).
struct Contributions
{
    enum class Score {
        Logit, ///< logistic regression: base = intercepts
        LogLikelihood, ///< naive Bayes: base = log priors
    };
    Score score = Score::Logit;
    std::vector<double> base; ///< per class
    std::vector<double> terms; ///< features x classes, row-major
    std::vector<double> scores; ///< per class: base plus the terms, added in feature order

    std::size_t classCount() const { return base.size(); }
    double term(std::size_t feature, std::size_t cls) const
    {
        return terms[feature * base.size() + cls];
    }
};

/// Why a model gave one row the probabilities it gave, computed from the model's own fitted
/// state on the row Model::predictRow takes, so that its numbers are the prediction's: the leaf
/// reached is the one whose probabilities predictRow returns, and the softmax of the scores is
/// predictRow's result, bit for bit (the same additions in the same order).
struct Explanation
{
    std::vector<double> given; ///< the row as given: NaN = missing, categorical = level code
    std::vector<double>
        used; ///< the row the learner saw: missing values imputed where the model imputes
    std::vector<double> proba; ///< per class: the leaf's probabilities or the softmax of the scores
    std::int32_t predicted
        = -1; ///< the most probable class (ties: the lowest index), as the CLI names it
    std::variant<DecisionPath, Contributions> detail;

    /// Whether feature `j` was missing and the model put a value in its place.
    bool imputed(std::size_t j) const;
    const DecisionPath *path() const { return std::get_if<DecisionPath>(&detail); }
    const Contributions *contributions() const { return std::get_if<Contributions>(&detail); }
};

/// Explains rows for one model: decision paths for a decision tree ("tree"), contributions for
/// logistic regression ("logreg") and naive Bayes ("nb"); other learners have no explanation
/// (available() is false and explain() gives nullopt). Refers to the model, which must outlive
/// it, and holds what it prepares once for many rows (the tree's node list). Immutable after
/// construction; explain() is thread-safe.
class Explainer
{
public:
    explicit Explainer(const Model &model);

    bool available() const { return m_kind != Kind::None; }
    /// The explanation of `row` (one value per feature, NaN = missing, categorical = level
    /// code: the row Model::predictRow takes), or nullopt for a learner without one.
    std::optional<Explanation> explain(std::span<const double> row) const;

    /// The tree's nodes, as DecisionTree::nodes() gives them (empty for other learners).
    const std::vector<TreeNodeInfo> &treeNodes() const { return m_nodes; }

private:
    enum class Kind { None, Tree, Logistic, Bayes };
    void walkTree(const std::vector<double> &used, Explanation &out) const;
    void addUpContributions(const std::vector<double> &used, Explanation &out) const;

    const Model *m_model;
    Kind m_kind = Kind::None;
    std::vector<TreeNodeInfo> m_nodes;
    std::vector<std::int32_t> m_flatLink; ///< per node: its link in the FlatTree that predicts
};

/// Explainer(model).explain(row), for a single row.
std::optional<Explanation> explainRow(const Model &model, std::span<const double> row);

} // namespace mb
