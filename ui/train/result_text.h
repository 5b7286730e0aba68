// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace mb {

struct TrainResult;

/// The learner's name for people ("Random forest"), translated; the key when unknown.
QString learnerDisplayName(std::string_view key);

/// A headline metric's name for people ("macro F1" for "macro_f1"), translated; the key when
/// unknown.
QString metricDisplayName(std::string_view key);

/// "holdout 25 %", "10-fold cross-validation", "test file wine.csv", "no validation".
QString validationDisplayText(const std::string &validation);

/// "340 ms", "2.41 s", "3 min 05 s".
QString durationText(double seconds);

/// One line: "Random forest: accuracy 0.953, macro F1 0.950 (holdout 25 %, 38 rows) in 0.42 s".
QString resultSummary(const TrainResult &result);

/// A few lines for the training log: when, what, on which data, how measured, the numbers
/// and every parameter, so a run can be told apart and repeated.
QString resultLogEntry(const TrainResult &result);

} // namespace mb
