// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace mb::cli {

/// Exit codes shared by every verb of modelbench-cli.
enum ExitCode : int { kSuccess = 0, kBadInput = 1, kUsage = 2 };

/// Runs modelbench-cli with `args` (args[0] is the program name) and returns the exit code.
/// Needs a QCoreApplication. Writes results to stdout, one-line errors to stderr.
int run(const QStringList &args);

} // namespace mb::cli
