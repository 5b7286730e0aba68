// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace mb::cli {

/// `modelbench-cli train DATA --algo KEY ...`: train, validate, report (and save).
int runTrain(const QStringList &args);

} // namespace mb::cli
