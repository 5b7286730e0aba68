// SPDX-License-Identifier: MIT
#pragma once

#include "core/eval/explained_rows.h"

#include <QJsonObject>

namespace mb {
class Model;
struct BatchScores;
} // namespace mb

namespace mb::cli {

/// One row of `predict --explain` as JSON: its 1-based "row", the "predicted" class and the
/// "probabilities" per class as scoring gave them (null, with "skipped", for a row left
/// unscored), the "inputs" as given and as used, and the "explanation": a "decision_path"
/// (each test with the value tested, "imputed" when it stood in for a missing one, the answer
/// and the node's training rows, then the leaf)
/// or "contributions" (per feature and class, with the base and the scores whose softmax is
/// the probabilities); null for a learner without one. Classes and features by name.
QJsonObject explainedRowJson(const Model &model, const ExplainedRow &row,
                             const BatchScores &scores);

} // namespace mb::cli
