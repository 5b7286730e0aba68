// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace mb::cli {

/// `modelbench-cli describe DATA ...`: rows, columns and per-column statistics.
/// `args[0]` is "describe".
int runDescribe(const QStringList &args);

} // namespace mb::cli
