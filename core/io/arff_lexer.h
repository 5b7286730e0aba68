// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mb {

/// A cursor over one line of an ARFF file, for the ARFF reader only.
/// Follows Weka's tokenizer where it matters: bytes up to ' ' are white space, a '%' outside
/// quotes starts a comment that runs to the end of the line, and values may be quoted with
/// ' or " using Java-style escapes (\' \" \\ \t \n \r \uXXXX; any other escaped character
/// stands for itself). A quote must close on the same line. Views returned by the lexer point
/// into the line and live as long as it does. Plain value type.
class ArffLexer
{
public:
    explicit ArffLexer(std::string_view line)
        : m_line(line)
    {
    }

    std::size_t pos() const { return m_pos; }
    /// True at the end of the line or at the '%' of a trailing comment.
    bool atEnd() const { return m_pos >= m_line.size() || m_line[m_pos] == '%'; }
    /// True at the '%' of a trailing comment.
    bool atComment() const { return m_pos < m_line.size() && m_line[m_pos] == '%'; }
    /// The current byte; only when !atEnd().
    char peek() const { return m_line[m_pos]; }
    void advance() { ++m_pos; }
    bool atQuote() const { return !atEnd() && (peek() == '\'' || peek() == '"'); }

    void skipSpace();
    /// Skips white space and commas: the separators of a nominal value list.
    void skipSpaceAndCommas();

    /// Reads the quoted token at the current quote into `out`, without its quotes and with its
    /// escapes resolved. Returns false when the quote is not closed on this line; the position
    /// then stays at the opening quote.
    bool readQuoted(std::string &out);

    /// Reads unquoted text up to white space, '%', the end of the line or one of `stops`.
    /// The result may be empty (when the cursor is at a stop).
    std::string_view readBare(std::string_view stops);

    /// The rest of the line up to a comment, without surrounding white space.
    std::string_view rest() const;

    /// 1-based column, counted in characters (UTF-8 code points), of a byte offset.
    std::int64_t columnAt(std::size_t byteOffset) const;
    std::int64_t column() const { return columnAt(m_pos); }

private:
    std::string_view m_line;
    std::size_t m_pos = 0;
};

/// True for the bytes Weka treats as white space (all control characters and ' ').
inline bool isArffSpace(char c)
{
    return static_cast<unsigned char>(c) <= ' ';
}

/// `text` without leading and trailing white space.
std::string_view trimArffSpace(std::string_view text);

/// Byte offset of the first byte that is not valid UTF-8 (overlong forms, surrogates and code
/// points above U+10FFFF are invalid), or npos when the whole text is valid.
std::size_t findInvalidUtf8(std::string_view text);

} // namespace mb
