// SPDX-License-Identifier: MIT
#include "core/data/dataset.h"

#include <algorithm>

namespace mb {

std::optional<std::size_t> Dataset::columnIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].name() == name)
            return i;
    }
    return std::nullopt;
}

void Dataset::addColumn(Column column)
{
    if (columnIndex(column.name())) {
        const std::string base = column.name();
        std::string unique;
        for (int n = 2;; ++n) {
            unique = base + "_" + std::to_string(n);
            if (!columnIndex(unique))
                break;
        }
        m_warnings.push_back("Duplicate column name '" + base + "' renamed to '" + unique + "'.");
        column.setName(unique);
    }
    m_columns.push_back(std::move(column));
}

std::optional<std::size_t> Dataset::targetIndex() const
{
    const auto it = std::ranges::find_if(
            m_columns, [](const Column &c) { return c.role() == ColumnRole::Target; });
    if (it == m_columns.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - m_columns.begin());
}

void Dataset::setTarget(std::size_t index)
{
    for (auto &c : m_columns) {
        if (c.role() == ColumnRole::Target)
            c.setRole(ColumnRole::Feature);
    }
    m_columns[index].setRole(ColumnRole::Target);
}

} // namespace mb
