// SPDX-License-Identifier: MIT
#include "core/io/csv_writer.h"

#include <charconv>
#include <cmath>

namespace mb {

void CsvWriter::separate()
{
    if (m_rowStarted)
        m_out.append(m_delimiter);
    m_rowStarted = true;
}

void CsvWriter::text(std::string_view field)
{
    separate();
    const bool quote = field.find_first_of(std::string_view("\"\r\n") ) != std::string_view::npos
            || field.find(m_delimiter) != std::string_view::npos
            || (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!quote) {
        m_out.append(field.data(), static_cast<qsizetype>(field.size()));
        return;
    }
    m_out.append('"');
    for (char c : field) {
        if (c == '"')
            m_out.append('"');
        m_out.append(c);
    }
    m_out.append('"');
}

void CsvWriter::number(double value)
{
    separate();
    if (std::isnan(value))
        return;
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_out.append(buffer, r.ptr - buffer);
}

void CsvWriter::endRow()
{
    m_out.append('\n');
    m_rowStarted = false;
}

QByteArray CsvWriter::take()
{
    QByteArray out;
    out.swap(m_out);
    return out;
}

} // namespace mb
