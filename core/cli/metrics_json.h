// SPDX-License-Identifier: MIT
#pragma once

#include "core/eval/metrics.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <string>
#include <vector>

namespace mb::cli {

/// The headline metrics as JSON: accuracy, balanced_accuracy, macro_f1, log_loss, roc_auc
/// (null when undefined), plus macro/weighted precision and recall and per-class figures.
QJsonObject metricsJson(const Metrics &metrics, const std::vector<std::string> &classes);

/// The confusion matrix as an array of rows (truth) of counts (predicted).
QJsonArray confusionJson(const Metrics &metrics);

/// A short human-readable block: headline metrics, per-class table, confusion matrix.
QString metricsText(const Metrics &metrics, const std::vector<std::string> &classes);

} // namespace mb::cli
