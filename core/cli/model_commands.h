// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace mb::cli {

/// `modelbench-cli info MODEL`: the header of a model file, without loading the model.
int runInfo(const QStringList &args);

/// `modelbench-cli convert MODEL --format KIND --out FILE`: rewrite in another archive kind.
int runConvert(const QStringList &args);

} // namespace mb::cli
