// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/column.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mb {

/// Summary of one column, shared by `modelbench-cli describe` and the Data page.
struct ColumnStats {
    struct LevelCount {
        std::string value;
        std::size_t count = 0;
    };
    std::size_t missing = 0;
    std::size_t distinct = 0;  ///< observed distinct non-missing values
    // Numeric columns (NaN when every value is missing):
    double min = 0, max = 0, mean = 0;
    // Categorical columns, in level order (declared order for ARFF, first appearance for CSV):
    std::vector<LevelCount> levels;
};

ColumnStats computeStats(const Column &column);

class Dataset;
/// The stats of every column, computed on `threads` threads (0 = every core).
std::vector<ColumnStats> computeStats(const Dataset &data, int threads = 0);

} // namespace mb
