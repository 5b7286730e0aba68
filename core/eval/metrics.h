// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace mb {

/// Precision, recall and F1 of one class (one-vs-rest), with its support (true rows).
struct ClassMetrics
{
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    std::size_t support = 0;
};

/// Every number the views show about predictions against the truth. Undefined values (ROC
/// AUC with one class present, ...) are NaN. Follows scikit-learn's definitions: precision of
/// a class never predicted is 0; macro = unweighted mean over classes with support or
/// predictions; weighted = mean weighted by support; log loss with probabilities clipped to
/// [1e-15, 1 - 1e-15]; ROC AUC binary for 2 classes, else one-vs-rest macro average over
/// classes present in the truth.
/// tests/core/tst_metrics.cpp checks every field against scikit-learn 1.2 on stored fixtures.
struct Metrics
{
    std::size_t rows = 0;
    int classes = 0;
    double accuracy = 0;
    double balancedAccuracy = 0; ///< mean recall over the classes present in the truth
    double macroPrecision = 0, macroRecall = 0, macroF1 = 0;
    double weightedPrecision = 0, weightedRecall = 0, weightedF1 = 0;
    double logLoss = 0; ///< rows renormalised after clipping, as scikit-learn 1.2 does
    double rocAuc = 0;
    std::vector<ClassMetrics> perClass;
    std::vector<double> rocAucPerClass; ///< one-vs-rest, NaN for a class absent from the truth
    /// confusion[truth][predicted] counts.
    std::vector<std::vector<std::size_t>> confusion;
};

/// The predicted class of each row: the highest probability, ties to the lowest class index.
std::vector<std::int32_t> predictedClasses(std::span<const double> proba, int classes);

/// Metrics of probabilities `proba` (rows x classes, row-major) against `truth` (class codes;
/// rows with a negative code, or one >= classes, are skipped). With no row left, `rows` is 0
/// and every rate is NaN.
Metrics computeMetrics(std::span<const std::int32_t> truth, std::span<const double> proba,
                       int classes);

/// Means of several folds' metrics (confusion matrices are summed). Counts (`rows`, each
/// class's `support`) are summed like the confusion matrix; every rate is the mean over the
/// folds where it is defined (a fold's NaN is left out; NaN when no fold defines it).
Metrics averageMetrics(std::span<const Metrics> folds);

/// One-vs-rest ROC curve of `positive`: false and true positive rates at every distinct
/// score threshold, from (0,0) to (1,1), and its area (trapezoid rule, so tied scores count
/// half, as in scikit-learn's roc_auc_score). Rows with a negative truth code are skipped.
/// When the truth holds no positive or no negative row the curve is empty and `auc` is NaN.
struct RocCurve
{
    std::vector<double> falsePositiveRate;
    std::vector<double> truePositiveRate;
    double auc = 0;
};
RocCurve rocCurve(std::span<const std::int32_t> truth, std::span<const double> proba, int classes,
                  int positive);

} // namespace mb
