// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace mb::cli {

/// `modelbench-cli predict MODEL DATA`: scores every row (CSV out, or a JSON summary; with
/// --explain also why, row by row).
int runPredict(const QStringList &args);

/// `modelbench-cli evaluate MODEL DATA`: metrics of the model on a labelled file.
int runEvaluate(const QStringList &args);

} // namespace mb::cli
