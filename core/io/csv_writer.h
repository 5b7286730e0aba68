// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <string_view>

namespace mb {

/// Builds CSV text one field at a time: RFC 4180 quoting where a field needs it, numbers in
/// their shortest round-trip form (locale-independent), missing values as empty fields.
class CsvWriter
{
public:
    explicit CsvWriter(char delimiter = ',') : m_delimiter(delimiter) {}

    void text(std::string_view field);
    void number(double value);  ///< NaN is written as an empty field
    void endRow();

    /// The text so far; take() hands it over and starts empty (for writing in blocks).
    const QByteArray &bytes() const { return m_out; }
    QByteArray take();

private:
    void separate();

    QByteArray m_out;
    char m_delimiter;
    bool m_rowStarted = false;
};

} // namespace mb
