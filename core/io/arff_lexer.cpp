// SPDX-License-Identifier: MIT
#include "core/io/arff_lexer.h"

#include "core/base/utf8.h"

#include <charconv>
#include <cstring>

namespace mb {

namespace {

// Weka writes control characters such as U+001E as "\u001E"; Java's tokenizer does not decode
// them, but Weka's own unquoting does. Surrogates would make invalid UTF-8, so they stay text.
bool readUnicodeEscape(std::string_view hex, std::uint32_t &cp)
{
    if (hex.size() < 4)
        return false;
    const auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + 4, cp, 16);
    return ec == std::errc {} && ptr == hex.data() + 4 && (cp < 0xD800 || cp > 0xDFFF);
}

} // namespace

void ArffLexer::skipSpace()
{
    while (m_pos < m_line.size() && isArffSpace(m_line[m_pos]))
        ++m_pos;
}

void ArffLexer::skipSpaceAndCommas()
{
    while (m_pos < m_line.size() && (isArffSpace(m_line[m_pos]) || m_line[m_pos] == ','))
        ++m_pos;
}

bool ArffLexer::readQuoted(std::string &out)
{
    const char quote = m_line[m_pos];
    out.clear();
    std::size_t i = m_pos + 1;
    while (i < m_line.size()) {
        // Copy the run up to the next quote or backslash in one go.
        std::size_t j = i;
        while (j < m_line.size() && m_line[j] != quote && m_line[j] != '\\')
            ++j;
        out.append(m_line.substr(i, j - i));
        if (j >= m_line.size())
            break;
        if (m_line[j] == quote) {
            m_pos = j + 1;
            return true;
        }
        // A backslash: the escaped character, if any, follows.
        if (j + 1 >= m_line.size())
            break;
        const char e = m_line[j + 1];
        i = j + 2;
        switch (e) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'u': {
            std::uint32_t cp = 0;
            if (readUnicodeEscape(m_line.substr(i), cp)) {
                appendUtf8(out, cp);
                i += 4;
            } else {
                out += 'u';
            }
            break;
        }
        default:
            out += e;
            break;
        }
    }
    return false;
}

std::string_view ArffLexer::readBare(std::string_view stops)
{
    // string_view::find would call memchr for every character of every value; the stop sets
    // have at most three characters, so compare them directly.
    const auto isStop = [stops](char c) {
        for (char s : stops) {
            if (c == s)
                return true;
        }
        return false;
    };
    const std::size_t start = m_pos;
    while (m_pos < m_line.size()) {
        const char c = m_line[m_pos];
        if (isArffSpace(c) || c == '%' || isStop(c))
            break;
        ++m_pos;
    }
    return m_line.substr(start, m_pos - start);
}

std::string_view ArffLexer::rest() const
{
    std::size_t end = m_pos;
    while (end < m_line.size() && m_line[end] != '%')
        ++end;
    return trimArffSpace(m_line.substr(m_pos, end - m_pos));
}

std::int64_t ArffLexer::columnAt(std::size_t byteOffset) const
{
    std::int64_t column = 1;
    for (std::size_t i = 0; i < byteOffset && i < m_line.size(); ++i) {
        // Count lead bytes only, so that a multi-byte character is one column.
        if ((static_cast<unsigned char>(m_line[i]) & 0xC0) != 0x80)
            ++column;
    }
    return column;
}

std::string_view trimArffSpace(std::string_view text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isArffSpace(text[begin]))
        ++begin;
    while (end > begin && isArffSpace(text[end - 1]))
        --end;
    return text.substr(begin, end - begin);
}

std::size_t findInvalidUtf8(std::string_view text)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Most text is ASCII: skip eight such bytes at a time.
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        std::uint32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

} // namespace mb
