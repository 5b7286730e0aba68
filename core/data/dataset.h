// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/column.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mb {

/// A table in column-major form: every column has the same number of rows.
/// At most one column has the Target role. Optional per-row weights (ARFF `{w}`) are kept
/// but the learners may ignore them. Plain value type; move it, do not copy large ones.
class Dataset
{
public:
    const std::string &name() const { return m_name; }
    void setName(std::string name) { m_name = std::move(name); }

    std::size_t rowCount() const { return m_columns.empty() ? 0 : m_columns.front().size(); }
    std::size_t columnCount() const { return m_columns.size(); }

    const Column &column(std::size_t i) const { return m_columns[i]; }
    /// For changing a column's data or role; not its name, which the name index keeps.
    Column &column(std::size_t i) { return m_columns[i]; }
    const std::vector<Column> &columns() const { return m_columns; }
    std::optional<std::size_t> columnIndex(std::string_view name) const;

    /// Appends a column; its name is made unique ("x" -> "x_2") and a warning recorded.
    void addColumn(Column column);

    /// The target column, if one has the Target role.
    std::optional<std::size_t> targetIndex() const;
    /// Gives `index` the Target role; the previous target becomes a feature.
    void setTarget(std::size_t index);

    const std::vector<double> &weights() const { return m_weights; }
    void setWeights(std::vector<double> weights) { m_weights = std::move(weights); }

    /// The file line each row started on (1-based), as the reader found it; empty when the rows
    /// did not come from a file. What messages about a row name ("line 17").
    const std::vector<std::int64_t> &sourceLines() const { return m_sourceLines; }
    void setSourceLines(std::vector<std::int64_t> lines) { m_sourceLines = std::move(lines); }
    /// The line row `row` started on, when known.
    std::optional<std::int64_t> sourceLine(std::size_t row) const
    {
        if (m_sourceLines.size() != rowCount() || row >= m_sourceLines.size())
            return std::nullopt;
        return m_sourceLines[row];
    }

    /// Things the reader fixed or noticed that a person should know (renamed duplicates, ...).
    const std::vector<std::string> &warnings() const { return m_warnings; }
    void addWarning(std::string warning) { m_warnings.push_back(std::move(warning)); }

private:
    std::string m_name;
    std::vector<Column> m_columns;
    /// Name to position: a hash, since wide files have tens of thousands of columns.
    struct NameHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view> {}(s); }
    };
    std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>> m_indexByName;
    std::vector<double> m_weights;
    std::vector<std::int64_t> m_sourceLines;
    std::vector<std::string> m_warnings;
};

} // namespace mb
