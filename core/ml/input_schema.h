// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mb {

/// One input column as the model saw it in training.
struct FeatureSchema {
    std::string name;
    bool categorical = false;
    std::vector<std::string> levels;  ///< categorical: training levels, code = index
    double min = 0, max = 0;          ///< numeric: training range (NaN-free rows)
    double median = 0;                ///< numeric: imputed for missing values
    std::int32_t mode = 0;            ///< categorical: most frequent level, imputed for missing
};

/// Everything needed to turn a raw row into the learner's input, and its output into names.
struct InputSchema {
    std::vector<FeatureSchema> features;
    std::string targetName;
    std::vector<std::string> classes;

    int featureIndex(const std::string &name) const
    {
        for (std::size_t i = 0; i < features.size(); ++i) {
            if (features[i].name == name)
                return static_cast<int>(i);
        }
        return -1;
    }
};

} // namespace mb
