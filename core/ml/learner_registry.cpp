// SPDX-License-Identifier: MIT
#include "core/ml/learner_registry.h"

#include "core/ml/decision_tree.h"
#include "core/ml/gradient_boosting.h"
#include "core/ml/k_nearest_neighbors.h"
#include "core/ml/logistic_regression.h"
#include "core/ml/naive_bayes.h"
#include "core/ml/random_forest.h"

#include <array>

namespace mb {

namespace {

template<class T>
std::unique_ptr<Classifier> create(std::span<const ParamValue> values)
{
    return std::make_unique<T>(values);
}

const std::array kLearners{
    LearnerInfo{"tree", "Decision tree",
                "CART tree, pruned by cross-validation: readable rules, fast to train and to apply.",
                &DecisionTree::paramSpecs, &create<DecisionTree>, true},
    LearnerInfo{"forest", "Random forest",
                "Many trees on bootstrap samples, voting: accurate with little tuning.",
                &RandomForest::paramSpecs, &create<RandomForest>, true},
    LearnerInfo{"gbt", "Gradient boosting",
                "Histogram-based boosted trees (like LightGBM): often the most accurate on tables.",
                &GradientBoosting::paramSpecs, &create<GradientBoosting>, true},
    LearnerInfo{"logreg", "Logistic regression",
                "Multinomial linear model on standardised features: probabilities you can explain.",
                &LogisticRegression::paramSpecs, &create<LogisticRegression>, true},
    LearnerInfo{"knn", "k nearest neighbours",
                "Votes of the k most similar training rows (standardised distance).",
                &KNearestNeighbors::paramSpecs, &create<KNearestNeighbors>, true},
    LearnerInfo{"nb", "Naive Bayes",
                "Gaussian for numbers, categorical with smoothing for nominal features; "
                "skips missing values.",
                &NaiveBayes::paramSpecs, &create<NaiveBayes>, false},
};

} // namespace

std::span<const LearnerInfo> learners()
{
    return kLearners;
}

const LearnerInfo *findLearner(std::string_view key)
{
    for (const LearnerInfo &info : kLearners) {
        if (info.key == key)
            return &info;
    }
    return nullptr;
}

Expected<std::unique_ptr<Classifier>> makeClassifier(std::string_view key, const ParamValues &values)
{
    const LearnerInfo *info = findLearner(key);
    if (!info) {
        std::string keys;
        for (const LearnerInfo &l : kLearners)
            keys += (keys.empty() ? "" : ", ") + std::string(l.key);
        return fail(ErrorCode::Usage, "unknown learner '" + std::string(key) + "'; choose one of " + keys);
    }
    ParamCheck check = checkParams(info->params(), values);
    if (!check.ok())
        return fail(ErrorCode::Usage, check.error);
    return info->create(check.values);
}

} // namespace mb
