// SPDX-License-Identifier: MIT
#include "core/data/column_stats.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mb {

namespace {

ColumnStats numericStats(std::span<const double> values)
{
    ColumnStats s;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double sum = 0;
    std::vector<double> present;
    present.reserve(values.size());
    for (double v : values) {
        if (std::isnan(v))
            continue;
        present.push_back(v);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        sum += v;
    }
    s.missing = values.size() - present.size();
    if (present.empty()) {
        s.min = s.max = s.mean = std::numeric_limits<double>::quiet_NaN();
        return s;
    }
    s.min = lo;
    s.max = hi;
    s.mean = sum / static_cast<double>(present.size());
    std::ranges::sort(present);
    s.distinct = static_cast<std::size_t>(std::unique(present.begin(), present.end())
                                          - present.begin());
    return s;
}

ColumnStats categoricalStats(const Column &column)
{
    ColumnStats s;
    std::vector<std::size_t> counts(column.levels().size(), 0);
    for (std::int32_t code : column.codes()) {
        if (code == Column::kMissingCode)
            ++s.missing;
        else
            ++counts[static_cast<std::size_t>(code)];
    }
    s.levels.reserve(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i) {
        s.levels.push_back({column.levels()[i], counts[i]});
        if (counts[i] > 0)
            ++s.distinct;
    }
    return s;
}

} // namespace

ColumnStats computeStats(const Column &column)
{
    return column.isNumeric() ? numericStats(column.values()) : categoricalStats(column);
}

} // namespace mb
