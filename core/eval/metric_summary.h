// SPDX-License-Identifier: MIT
#pragma once

#include "core/eval/metrics.h"

#include <map>
#include <string>

namespace mb {

/// The headline numbers stored with a model (its file header, its catalog entry): accuracy,
/// balanced_accuracy, macro_f1, weighted_f1, log_loss, roc_auc, plus "rows" evaluated.
std::map<std::string, double> headlineMetrics(const Metrics &metrics);

} // namespace mb
