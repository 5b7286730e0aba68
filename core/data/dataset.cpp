// SPDX-License-Identifier: MIT
#include "core/data/dataset.h"

#include <algorithm>

namespace mb {

std::optional<std::size_t> Dataset::columnIndex(std::string_view name) const
{
    const auto it = m_indexByName.find(name);
    if (it == m_indexByName.end())
        return std::nullopt;
    return it->second;
}

void Dataset::addColumn(Column column)
{
    if (m_indexByName.contains(std::string_view(column.name()))) {
        const std::string base = column.name();
        std::string unique;
        for (int n = 2;; ++n) {
            unique = base + "_" + std::to_string(n);
            if (!m_indexByName.contains(std::string_view(unique)))
                break;
        }
        m_warnings.push_back("Duplicate column name '" + base + "' renamed to '" + unique + "'.");
        column.setName(unique);
    }
    m_indexByName.emplace(column.name(), m_columns.size());
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
