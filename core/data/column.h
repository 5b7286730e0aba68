// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace mb {

enum class ColumnType : std::uint8_t { Numeric, Categorical };
enum class ColumnRole : std::uint8_t { Feature, Target, Ignored };

/// One column of a Dataset, stored contiguously.
/// Numeric columns hold doubles, with NaN marking a missing value (a literal "NaN" in a file is
/// read as missing too). Categorical columns hold integer codes into `levels()`, with
/// kMissingCode marking a missing value. Plain value type; not thread-safe for writes.
class Column
{
public:
    static constexpr std::int32_t kMissingCode = -1;
    static constexpr double kMissingValue = std::numeric_limits<double>::quiet_NaN();

    static Column numeric(std::string name, std::vector<double> values);
    static Column categorical(std::string name, std::vector<std::int32_t> codes,
                              std::vector<std::string> levels);

    const std::string &name() const { return m_name; }
    void setName(std::string name) { m_name = std::move(name); }
    ColumnType type() const { return m_type; }
    bool isNumeric() const { return m_type == ColumnType::Numeric; }
    ColumnRole role() const { return m_role; }
    void setRole(ColumnRole role) { m_role = role; }
    std::size_t size() const { return isNumeric() ? m_values.size() : m_codes.size(); }

    /// Numeric columns only.
    std::span<const double> values() const { return m_values; }
    std::vector<double> &mutableValues() { return m_values; }

    /// Categorical columns only.
    std::span<const std::int32_t> codes() const { return m_codes; }
    std::vector<std::int32_t> &mutableCodes() { return m_codes; }
    const std::vector<std::string> &levels() const { return m_levels; }
    std::vector<std::string> &mutableLevels() { return m_levels; }

    bool isMissing(std::size_t row) const
    {
        return isNumeric() ? std::isnan(m_values[row]) : m_codes[row] == kMissingCode;
    }

    /// Why the reader chose this column's type, in words ("3 non-numeric values, first
    /// 'unknown' at line 812"); empty when the type was declared (ARFF) or forced.
    const std::string &typeReason() const { return m_typeReason; }
    void setTypeReason(std::string reason) { m_typeReason = std::move(reason); }

private:
    std::string m_name;
    ColumnType m_type = ColumnType::Numeric;
    ColumnRole m_role = ColumnRole::Feature;
    std::vector<double> m_values;
    std::vector<std::int32_t> m_codes;
    std::vector<std::string> m_levels;
    std::string m_typeReason;
};

} // namespace mb
