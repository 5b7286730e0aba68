// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/data/dataset.h"
#include "core/eval/metrics.h"
#include "core/ml/model.h"

#include <optional>
#include <string>
#include <vector>

namespace mb {

/// How to validate a training run.
struct ValidationScheme
{
    enum class Kind : std::uint8_t { Holdout, CrossValidation, TestSet, None };
    Kind kind = Kind::Holdout;
    double holdoutFraction = 0.25;
    int folds = 10;
    const Dataset *testSet = nullptr; ///< Kind::TestSet
    std::string testName; ///< for the recipe ("test FILE")

    std::string describe() const; ///< "holdout 0.25", "cv 10", "test NAME", "none"
};

/// What one train-and-measure run gives: the model to keep, the measured numbers and the
/// evaluated rows' probabilities (for ROC curves and confusion matrices in the views).
/// Rows whose target is missing are never evaluated (nor counted anywhere).
struct EvaluationResult
{
    Model model;
    Metrics metrics; ///< holdout/test: of the test rows; CV: mean over folds
    std::vector<Metrics> folds; ///< CV only
    std::vector<std::int32_t> truth; ///< evaluated rows' classes (CV: every row, out of fold)
    std::vector<double> proba; ///< evaluated rows' probabilities, row-major
    double fitSeconds = 0; ///< CV: mean per fold
    double predictSeconds = 0; ///< CV: mean per fold; predictProba only, not encoding
    /// Rows left out of the metrics because their target names a class the model does not
    /// know (a test file with an extra class); a person should be told how many.
    std::size_t skippedRows = 0;
};

/// Trains `algo` on `data` (target: its Target column or the last) and measures it as
/// `scheme` says. Holdout and test set: the kept model is the one fitted on the training rows;
/// CV: the model is refitted on all rows after the folds (as Weka does). Progress covers the
/// whole run (CV: one equal share per fold and one for the refit); cancel returns
/// ErrorCode::Cancelled and no model. Every fit uses control.seed, and the splits are drawn
/// with it too. Kind::None trains on every row and leaves the metrics undefined (NaN).
/// scheme.describe() is stored in the model's recipe().validation.
Expected<EvaluationResult> trainAndEvaluate(const Dataset &data, std::string_view algo,
                                            const ParamValues &params,
                                            const ValidationScheme &scheme,
                                            const FitControl &control);

/// Predicts every row of `data` with `model` and measures against `data`'s target column.
/// The result's `model` shares `model`'s fitted classifier rather than copying it: use it only
/// while `model` lives (and do not save it; save `model`).
Expected<EvaluationResult> evaluateModel(const Model &model, const Dataset &data);

} // namespace mb
