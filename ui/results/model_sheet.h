// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace mb {

class Model;
struct Metrics;

/// A plain-text description of a model that a person can read, paste into a report or an
/// issue, and use to repeat the training: the recipe (learner, every parameter, seed,
/// validation, data), the input schema (each feature with its type and range or levels), the
/// classes, and the metrics. `metrics` is the full evaluation when there is one; without it
/// (nullptr) the model's stored headline metrics are listed.
QString modelSheetText(const Model &model, const Metrics *metrics);

} // namespace mb
