// SPDX-License-Identifier: MIT
#include "core/eval/explanation.h"

#include "core/eval/metrics.h"
#include "core/ml/decision_tree.h"
#include "core/ml/linear_softmax.h"
#include "core/ml/logistic_regression.h"
#include "core/ml/model.h"
#include "core/ml/naive_bayes.h"

#include <cmath>

namespace mb {

bool Explanation::imputed(std::size_t j) const
{
    return j < given.size() && j < used.size() && std::isnan(given[j]) && !std::isnan(used[j]);
}

Explainer::Explainer(const Model &model)
    : m_model(&model)
{
    const Classifier &classifier = model.classifier();
    if (const auto *tree = dynamic_cast<const DecisionTree *>(&classifier)) {
        m_nodes = tree->nodes();
        if (m_nodes.empty())
            return;
        // Pair each listed node with its link in the FlatTree that predicts, by walking both
        // at once: the explanation then takes the very branches prediction takes, with no
        // assumption about how either numbers its nodes.
        const FlatTree &flat = tree->flatTree();
        m_flatLink.assign(m_nodes.size(), 0);
        std::vector<std::pair<std::int32_t, std::int32_t>> stack {{0, flat.root()}};
        while (!stack.empty()) {
            const auto [node, link] = stack.back();
            stack.pop_back();
            const TreeNodeInfo &info = m_nodes[static_cast<std::size_t>(node)];
            m_flatLink[static_cast<std::size_t>(node)] = link;
            if (info.isLeaf() != (link < 0))
                return; // the lists disagree (cannot happen for a checked tree): no explanation
            if (link < 0)
                continue;
            const FlatTree::Node &n = flat.nodes()[static_cast<std::size_t>(link)];
            stack.push_back({info.right, n.right});
            stack.push_back({info.left, n.left});
        }
        m_kind = Kind::Tree;
    } else if (dynamic_cast<const LogisticRegression *>(&classifier)) {
        m_kind = Kind::Logistic;
    } else if (dynamic_cast<const NaiveBayes *>(&classifier)) {
        m_kind = Kind::Bayes;
    }
}

std::optional<Explanation> Explainer::explain(std::span<const double> row) const
{
    if (m_kind == Kind::None)
        return std::nullopt;
    Explanation out;
    out.given.assign(row.begin(), row.end());
    out.used = out.given;
    m_model->impute(out.used); // what Model::predictRow does before the learner sees the row
    if (m_kind == Kind::Tree)
        walkTree(out.used, out);
    else
        addUpContributions(out.used, out);
    if (!out.proba.empty())
        out.predicted = predictedClasses(out.proba, static_cast<int>(out.proba.size())).front();
    return out;
}

void Explainer::walkTree(const std::vector<double> &used, Explanation &out) const
{
    const auto &tree = static_cast<const DecisionTree &>(m_model->classifier());
    const FlatTree &flat = tree.flatTree();
    DecisionPath path;
    std::int32_t node = 0;
    while (!m_nodes[static_cast<std::size_t>(node)].isLeaf()) {
        const TreeNodeInfo &info = m_nodes[static_cast<std::size_t>(node)];
        const FlatTree::Node &n
            = flat.nodes()[static_cast<std::size_t>(m_flatLink[static_cast<std::size_t>(node)])];
        PathStep step;
        step.node = node;
        step.split = info;
        step.value = used[static_cast<std::size_t>(info.feature)];
        step.wentLeft = flat.goesLeft(n, step.value);
        path.steps.push_back(std::move(step));
        node = path.steps.back().wentLeft ? info.left : info.right;
    }
    path.leaf = node;
    path.leafNode = m_nodes[static_cast<std::size_t>(node)];
    // As DecisionTree::predictRow: zeros, then the leaf's probabilities added.
    out.proba.assign(static_cast<std::size_t>(flat.classCount()), 0.0);
    if (flat.classCount() > 0)
        flat.addLeaf(~m_flatLink[static_cast<std::size_t>(node)], out.proba.data());
    out.detail = std::move(path);
}

void Explainer::addUpContributions(const std::vector<double> &used, Explanation &out) const
{
    const Classifier &classifier = m_model->classifier();
    const int classes = classifier.classCount();
    const auto K = static_cast<std::size_t>(classes);
    const std::size_t features = used.size();
    Contributions c;
    c.base.resize(K);
    c.terms.assign(features * K, 0.0);
    const auto *logistic
        = m_kind == Kind::Logistic ? static_cast<const LogisticRegression *>(&classifier) : nullptr;
    const auto *bayes
        = m_kind == Kind::Bayes ? static_cast<const NaiveBayes *>(&classifier) : nullptr;
    c.score = logistic ? Contributions::Score::Logit : Contributions::Score::LogLikelihood;
    for (int k = 0; k < classes; ++k) {
        const std::vector<double> terms
            = logistic ? logistic->contributions(used, k) : bayes->contributions(used, k);
        c.base[static_cast<std::size_t>(k)]
            = logistic ? logistic->intercept(k) : bayes->logPrior(k);
        for (std::size_t j = 0; j < features && j < terms.size(); ++j)
            c.terms[j * K + static_cast<std::size_t>(k)] = terms[j];
    }
    // The learners' predictRow start each score at the base and add the features' terms in
    // feature order; the same additions give the same bits.
    c.scores = c.base;
    for (std::size_t j = 0; j < features; ++j) {
        for (std::size_t k = 0; k < K; ++k)
            c.scores[k] += c.terms[j * K + k];
    }
    out.proba = c.scores;
    softmaxInPlace(out.proba.data(), K);
    out.detail = std::move(c);
}

std::optional<Explanation> explainRow(const Model &model, std::span<const double> row)
{
    return Explainer(model).explain(row);
}

} // namespace mb
