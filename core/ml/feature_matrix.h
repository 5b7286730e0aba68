// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace mb {

/// The learners' input: column-major doubles, one column per input feature. A categorical
/// feature holds its training level code (0, 1, ...) as a double. NaN marks a missing value;
/// the model's preprocessing decides whether learners ever see one (see Model).
class FeatureMatrix
{
public:
    FeatureMatrix() = default;
    FeatureMatrix(std::size_t rows, std::size_t cols) : m_rows(rows), m_cols(cols), m_values(rows * cols) {}

    std::size_t rows() const { return m_rows; }
    std::size_t cols() const { return m_cols; }

    std::span<const double> column(std::size_t j) const { return {m_values.data() + j * m_rows, m_rows}; }
    std::span<double> column(std::size_t j) { return {m_values.data() + j * m_rows, m_rows}; }
    double at(std::size_t row, std::size_t col) const { return m_values[col * m_rows + row]; }
    double &at(std::size_t row, std::size_t col) { return m_values[col * m_rows + row]; }

    /// Copies row `row` into `out` (size cols()).
    void copyRow(std::size_t row, std::span<double> out) const
    {
        for (std::size_t j = 0; j < m_cols; ++j)
            out[j] = m_values[j * m_rows + row];
    }

    /// The rows listed in `rows`, in that order.
    FeatureMatrix selectRows(std::span<const std::size_t> rows) const
    {
        FeatureMatrix out(rows.size(), m_cols);
        for (std::size_t j = 0; j < m_cols; ++j) {
            const double *src = m_values.data() + j * m_rows;
            double *dst = out.m_values.data() + j * rows.size();
            for (std::size_t i = 0; i < rows.size(); ++i)
                dst[i] = src[rows[i]];
        }
        return out;
    }

private:
    std::size_t m_rows = 0;
    std::size_t m_cols = 0;
    std::vector<double> m_values;
};

} // namespace mb
