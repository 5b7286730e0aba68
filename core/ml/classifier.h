// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/ml/feature_matrix.h"
#include "core/ml/training_set.h"

#include <span>
#include <string_view>
#include <vector>

namespace mb {

/// A fitted (or fittable) classifier over a FeatureMatrix. One implementation per learner,
/// made by the learner registry from validated parameters. fit() may use several threads;
/// the predict functions are const and safe to call from several threads at once.
class Classifier
{
public:
    virtual ~Classifier() = default;

    /// The learner's stable key ("tree", "forest", ...), as in model files and the CLI.
    virtual std::string_view kind() const = 0;

    /// Trains on `data`. Returns ErrorCode::Cancelled when control.stop is requested (the
    /// object is then unusable) and ErrorCode::Data for data it cannot learn from.
    virtual Expected<void> fit(const TrainingSet &data, const FitControl &control) = 0;

    virtual int classCount() const = 0;

    /// Class probabilities of every row of `x`, row-major: out[row * classCount() + k].
    virtual void predictProba(const FeatureMatrix &x, std::span<double> out) const = 0;

    /// Class probabilities of one row (`row` has one value per feature). The interactive
    /// form calls this on every change, so it must not allocate on the hot path.
    virtual void predictRow(std::span<const double> row, std::span<double> proba) const = 0;

    /// Impurity- or gain-based importance per feature, summing to 1; empty if the learner has
    /// none (use permutation importance from core/eval instead).
    virtual std::vector<double> featureImportances() const { return {}; }
};

} // namespace mb
