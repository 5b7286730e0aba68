// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

/// What a field holds, as far as the tokenizer can tell without knowing its column.
enum class CsvFieldKind : std::uint8_t {
    Number, ///< parses as a number (after trimming spaces)
    Missing, ///< equals one of the missing-value tokens (after trimming spaces)
    Text, ///< anything else; checked to be valid UTF-8
};

/// One field of a record. `text` points into the caller's buffer (or the tokenizer's scratch
/// space for quoted fields with doubled quotes) and stays valid until the next call to next()
/// and as long as the buffer is not changed.
struct CsvField
{
    const char *text = nullptr; ///< unquoted: the bytes as in the file; quoted: the content
    std::size_t size = 0;
    double number = 0.0; ///< the value when kind == Number
    std::int64_t line = 0; ///< physical line where the field starts
    CsvFieldKind kind = CsvFieldKind::Text;

    std::string_view view() const { return {text, size}; }
};

/// Splits CSV bytes into records and fields (RFC 4180 quoting, LF or CRLF) and classifies
/// each field as number, missing or text on the way, parsing numbers straight from the
/// buffer. Keeps the physical line count across calls, so it is fed one buffer after another
/// by a streaming reader. Blank lines are skipped. One thread; cheap to construct.
class CsvTokenizer
{
public:
    enum class Status : std::uint8_t {
        Record, ///< a complete record is in fields(); `pos` is past its line end
        NeedMore, ///< the buffer ends inside a record; `pos` is where it starts
        End, ///< no more records (only at the end of the input)
        Failed, ///< malformed input; see error()
    };

    CsvTokenizer(char delimiter, bool decimalComma, std::vector<std::string> missingTokens);

    /// Reads the record at `pos`. [pos, end) is the unread input; `atEof` tells whether more
    /// bytes follow `end`. On NeedMore, call again with the same record start and more bytes.
    Status next(const char *&pos, const char *end, bool atEof);

    /// A shortcut for the most common record, `count` plain numbers separated by the
    /// delimiter and ended by a line end: parses them into `values`, moves `pos` past the line
    /// end and returns true. For any other record (quotes, spaces, missing values, a blank
    /// line, the end of the buffer, ...) returns false with `pos` and the line count as they
    /// were (`values` may be partly written); call next() for it then. fields() stays empty.
    bool nextNumbers(const char *&pos, const char *end, double *values, std::size_t count);

    /// The fields of the record last returned.
    std::span<const CsvField> fields() const { return {m_fields.data(), m_count}; }

    /// Physical line (1-based) where the last record returned starts.
    std::int64_t recordLine() const { return m_recordLine; }
    /// Physical line of the next unread byte.
    std::int64_t line() const { return m_line; }
    /// Counts lines from `line` on: for a tokenizer that starts in the middle of the input.
    void setLine(std::int64_t line) { m_line = m_recordLine = line; }

    /// Set when next() returned Failed. Line and column are filled, the file name is not.
    const Error &error() const { return m_error; }

    /// After NeedMore: where the unfinished quoted field started (line 0 if none), so a
    /// reader that gives up on an over-long record can say which quote was never closed.
    std::int64_t openQuoteLine() const { return m_openQuoteLine; }
    std::int64_t openQuoteColumn() const { return m_openQuoteColumn; }

    char delimiter() const { return m_delimiter; }
    bool decimalComma() const { return m_decimalComma; }
    /// True when `text`, trimmed, is one of the missing-value tokens.
    bool isMissingToken(std::string_view text) const;
    std::string_view trim(std::string_view text) const;

private:
    enum class FieldEnd : std::uint8_t { Ok, NeedMore, Failed };

    struct ScratchField
    {
        std::size_t index; ///< of the field in the record
        std::size_t offset; ///< of its unescaped text in m_scratch
    };

    bool classify(CsvField &field, std::string_view text, std::size_t column);
    FieldEnd finishQuoted(const char *&p, const char *end, bool atEof, CsvField &field,
                          std::size_t column, std::int64_t &line);
    bool isTrimSpace(char c) const { return (c == ' ' || c == '\t') && c != m_delimiter; }
    void fail(std::int64_t line, std::size_t column, std::string message);

    char m_delimiter;
    bool m_decimalComma;
    bool m_numericMissingToken = false;
    std::vector<std::string> m_missingTokens;
    std::array<bool, 256> m_stops {}; ///< bytes that end an unquoted field (or may)

    std::int64_t m_line = 1;
    std::int64_t m_recordLine = 1;
    std::int64_t m_openQuoteLine = 0;
    std::int64_t m_openQuoteColumn = 0;
    std::vector<CsvField> m_fields; ///< grows to the widest record; the first m_count are used
    std::size_t m_count = 0;
    std::string m_scratch; ///< unescaped text of quoted fields with doubled quotes
    std::vector<ScratchField> m_scratchFields;
    Error m_error;
};

/// Appended to every "quoted field ... is never closed" message: what to do about it.
inline constexpr std::string_view kCsvCloseQuoteAdvice
    = " Add the closing quote (\"), and write a quote inside a quoted field as two (\"\").";

/// True when [data, data + size) is valid UTF-8 without NUL bytes.
bool isValidUtf8Text(const char *data, std::size_t size);

} // namespace mb
