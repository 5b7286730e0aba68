// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace mb {

/// The format of an ARFF `date` attribute: a Java SimpleDateFormat pattern translated once to
/// a Qt date-time format, then used to read every value of the column.
///
/// Supported pattern letters: y (yy = two-digit year, placed in the 100 years around today as
/// Java does), M (MMM/MMMM = English month names), d, H, h with a (AM/PM), m, s, SSS
/// (milliseconds), E (English day names) and Z/X (UTC offsets such as +0100, -08:00, Z).
/// Text in single quotes and any non-letter is literal. Numeric fields accept one or two
/// digits whatever the letter count, as Java's parser does. Values without a zone field are
/// read as UTC, so the result does not depend on the machine's time zone (Weka uses the
/// JVM's local zone). Plain value type; parse() is const and may run on any thread.
class ArffDateFormat
{
public:
    static constexpr std::string_view kDefaultPattern = "yyyy-MM-dd'T'HH:mm:ss";

    /// Translates a Java pattern, or says in words which part is not supported.
    static std::expected<ArffDateFormat, std::string> compile(std::string_view javaPattern);

    /// Milliseconds since 1970-01-01T00:00:00Z, or nothing when `text` does not match.
    std::optional<double> parse(std::string_view text) const;

    const std::string &pattern() const { return m_pattern; }

private:
    std::string m_pattern;
    QString m_qtFormat;
    bool m_hasZone = false;
    bool m_twoDigitYear = false;
};

} // namespace mb
