// SPDX-License-Identifier: MIT
#include "core/data/column.h"

namespace mb {

Column Column::numeric(std::string name, std::vector<double> values)
{
    Column c;
    c.m_name = std::move(name);
    c.m_type = ColumnType::Numeric;
    c.m_values = std::move(values);
    return c;
}

Column Column::categorical(std::string name, std::vector<std::int32_t> codes,
                           std::vector<std::string> levels)
{
    Column c;
    c.m_name = std::move(name);
    c.m_type = ColumnType::Categorical;
    c.m_codes = std::move(codes);
    c.m_levels = std::move(levels);
    return c;
}

} // namespace mb
