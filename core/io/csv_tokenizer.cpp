// SPDX-License-Identifier: MIT
#include "core/io/csv_tokenizer.h"

#include "core/io/number_parser.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <system_error>

namespace mb {

namespace {

std::string lineColumn(std::int64_t line, std::size_t column)
{
    return "Line " + std::to_string(line) + ", column " + std::to_string(column);
}

} // namespace

CsvTokenizer::CsvTokenizer(char delimiter, bool decimalComma,
                           std::vector<std::string> missingTokens)
    : m_delimiter(delimiter)
    , m_decimalComma(decimalComma)
{
    m_stops[static_cast<unsigned char>(delimiter)] = true;
    m_stops[static_cast<unsigned char>('\n')] = true;
    m_stops[static_cast<unsigned char>('\r')] = true;

    // Fields are compared after trimming, so tokens are trimmed too.
    for (const std::string &token : missingTokens) {
        const std::string_view t = trim(token);
        double unused = 0.0;
        if (parseNumber(t, decimalComma, unused))
            m_numericMissingToken = true; // e.g. "-999": the fast number path must look too
        m_missingTokens.emplace_back(t);
    }
}

std::string_view CsvTokenizer::trim(std::string_view text) const
{
    std::size_t b = 0;
    std::size_t e = text.size();
    while (b < e && isTrimSpace(text[b]))
        ++b;
    while (e > b && isTrimSpace(text[e - 1]))
        --e;
    return text.substr(b, e - b);
}

bool CsvTokenizer::isMissingToken(std::string_view text) const
{
    const std::string_view t = trim(text);
    for (const std::string &token : m_missingTokens) {
        if (token.size() == t.size() && std::memcmp(token.data(), t.data(), t.size()) == 0)
            return true;
    }
    return false;
}

void CsvTokenizer::fail(std::int64_t line, std::size_t column, std::string message)
{
    m_error = Error {
        ErrorCode::Format, std::move(message), {}, line, static_cast<std::int64_t>(column), {}};
}

// The slow path for a field that is not a plain number running up to the separator.
bool CsvTokenizer::classify(CsvField &field, std::string_view text, std::size_t column)
{
    const std::string_view t = trim(text);
    if (isMissingToken(t)) {
        field.kind = CsvFieldKind::Missing;
        return true;
    }
    double value = 0.0;
    if (parseNumber(t, m_decimalComma, value)) {
        field.kind = CsvFieldKind::Number;
        field.number = value;
        return true;
    }
    field.kind = CsvFieldKind::Text;
    if (!isValidUtf8Text(text.data(), text.size())) {
        if (std::memchr(text.data(), '\0', text.size()) != nullptr) {
            fail(field.line, column,
                 lineColumn(field.line, column)
                     + " contains a NUL byte; this does not look like a text file.");
        } else {
            fail(field.line, column,
                 lineColumn(field.line, column)
                     + " is not valid UTF-8 text; save the file as UTF-8.");
        }
        return false;
    }
    return true;
}

CsvTokenizer::FieldEnd CsvTokenizer::finishQuoted(const char *&p, const char *end, bool atEof,
                                                  CsvField &field, std::size_t column,
                                                  std::int64_t &line)
{
    const std::int64_t openLine = line;
    const char *content = p + 1;
    const char *segment = content;
    const std::size_t scratchStart = m_scratch.size();
    bool unescaped = false;

    auto needMore = [&] {
        m_openQuoteLine = openLine;
        m_openQuoteColumn = static_cast<std::int64_t>(column);
        return FieldEnd::NeedMore;
    };

    const char *close = nullptr;
    for (;;) {
        const auto *q = static_cast<const char *>(
            std::memchr(segment, '"', static_cast<std::size_t>(end - segment)));
        if (q == nullptr) {
            if (!atEof)
                return needMore();
            fail(openLine, column,
                 "Line " + std::to_string(openLine) + ": the quoted field starting in column "
                     + std::to_string(column) + " is never closed."
                     + std::string(kCsvCloseQuoteAdvice));
            return FieldEnd::Failed;
        }
        if (q + 1 == end && !atEof)
            return needMore(); // cannot tell a closing quote from a doubled one yet
        if (q + 1 != end && q[1] == '"') {
            // A doubled quote stands for one quote: copy up to and including the first.
            m_scratch.append(segment, q + 1);
            unescaped = true;
            segment = q + 2;
            continue;
        }
        close = q;
        break;
    }

    line += std::count(content, close, '\n');
    std::string_view text;
    if (unescaped) {
        m_scratch.append(segment, close);
        text = std::string_view(m_scratch).substr(scratchStart);
        m_scratchFields.push_back({column - 1, scratchStart});
    } else {
        text = std::string_view(content, static_cast<std::size_t>(close - content));
    }
    field.text = text.data();
    field.size = text.size();

    // Only spaces may follow the closing quote before the separator or the line end.
    p = close + 1;
    while (p != end && isTrimSpace(*p))
        ++p;
    bool ok = false;
    if (p == end) {
        if (!atEof)
            return needMore();
        ok = true;
    } else if (*p == m_delimiter || *p == '\n') {
        ok = true;
    } else if (*p == '\r') {
        if (p + 1 == end) {
            if (!atEof)
                return needMore();
            ok = true;
        } else {
            ok = p[1] == '\n';
        }
    }
    if (!ok) {
        fail(line, column,
             lineColumn(line, column)
                 + ": unexpected text after the closing quote. A quote inside a quoted "
                   "field must be doubled (\"\").");
        return FieldEnd::Failed;
    }
    return classify(field, text, column) ? FieldEnd::Ok : FieldEnd::Failed;
}

CsvTokenizer::Status CsvTokenizer::next(const char *&pos, const char *end, bool atEof)
{
    m_count = 0;
    m_scratch.clear();
    m_scratchFields.clear();
    m_openQuoteLine = 0;
    m_openQuoteColumn = 0;

    const char *p = pos;
    std::int64_t line = m_line;

    // Blank lines carry nothing; skipping them here keeps the line count right.
    for (;;) {
        if (p == end) {
            pos = p;
            m_line = line;
            return atEof ? Status::End : Status::NeedMore;
        }
        if (*p == '\n') {
            ++p;
            ++line;
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == end) {
                if (!atEof) {
                    pos = p;
                    m_line = line;
                    return Status::NeedMore;
                }
                ++p; // a stray CR at the very end of the file
                continue;
            }
            if (p[1] == '\n') {
                p += 2;
                ++line;
                continue;
            }
        }
        break;
    }
    pos = p;
    m_line = line;
    m_recordLine = line;

    // Locals, not members: the compiler cannot keep members in registers across the parser.
    const char delimiter = m_delimiter;
    const bool decimalComma = m_decimalComma;
    const bool numericMissingToken = m_numericMissingToken;
    std::size_t count = 0;
    std::size_t capacity = m_fields.size();
    CsvField *fieldData = m_fields.data();
    for (;;) {
        if (count == capacity) [[unlikely]] {
            m_fields.resize(std::max<std::size_t>(16, 2 * count));
            capacity = m_fields.size();
            fieldData = m_fields.data();
        }
        CsvField &field = fieldData[count++];
        const std::size_t column = count;
        field.line = line;

        // Fast path: a plain number running right up to the separator or the line end, parsed
        // in place. This is nearly every field of a numeric file.
        bool done = false;
        if (p != end) {
            // from_chars takes '-' but not '+'; after a sign a digit or '.' must follow, which
            // keeps "inf", "-nan" and "+-1" out.
            const char c = *p;
            const char *numberStart = p;
            bool candidate = isNumberStart(c);
            if (!candidate && (c == '-' || c == '+')) {
                candidate = p + 1 != end && isNumberStart(p[1]);
                numberStart = p + (c == '+' ? 1 : 0);
            }
            if (candidate) {
                double value;
                const char *q = parseNumberPrefix(numberStart, end, value);
                if (q) [[likely]] {
                    bool ends = false;
                    if (q != end) [[likely]] {
                        const char t = *q;
                        ends = t == delimiter || t == '\n'
                            || (t == '\r' && q + 1 != end && q[1] == '\n');
                    } else {
                        ends = atEof;
                    }
                    const auto size = static_cast<std::size_t>(q - p);
                    if (decimalComma && ends && std::memchr(p, '.', size) != nullptr)
                        ends = false; // "1.5" is not a number in a decimal-comma file
                    if (ends) [[likely]] {
                        field.text = p;
                        field.size = size;
                        field.number = value;
                        field.kind = CsvFieldKind::Number;
                        if (numericMissingToken && isMissingToken(field.view()))
                            field.kind = CsvFieldKind::Missing;
                        p = q;
                        done = true;
                    }
                }
            }
        }

        if (!done) {
            const char *s = p;
            while (s != end && isTrimSpace(*s))
                ++s;
            if (s == end && !atEof)
                return Status::NeedMore;
            if (s != end && *s == '"') {
                p = s;
                const FieldEnd r = finishQuoted(p, end, atEof, field, column, line);
                if (r == FieldEnd::NeedMore)
                    return Status::NeedMore;
                if (r == FieldEnd::Failed)
                    return Status::Failed;
            } else {
                // Unquoted: runs to the separator or the line end. A quote inside is taken
                // literally (5'11" is a height, not a syntax error); a lone CR is kept too.
                const char *q = p;
                for (;;) {
                    while (q != end && !m_stops[static_cast<unsigned char>(*q)])
                        ++q;
                    if (q == end) {
                        if (!atEof)
                            return Status::NeedMore;
                        break;
                    }
                    if (*q == '\r') {
                        if (q + 1 == end) {
                            if (!atEof)
                                return Status::NeedMore;
                            break;
                        }
                        if (q[1] != '\n') {
                            ++q;
                            continue;
                        }
                    }
                    break;
                }
                field.text = p;
                field.size = static_cast<std::size_t>(q - p);
                p = q;
                if (!classify(field, field.view(), column))
                    return Status::Failed;
            }
        }

        // p is at the separator, the line end, or the end of the input.
        if (p == end)
            break;
        if (*p == delimiter) {
            ++p;
            continue;
        }
        if (*p == '\n') {
            ++p;
        } else {
            // CRLF, or a stray CR as the last byte of the file
            p += (p + 1 != end) ? 2 : 1;
        }
        ++line;
        break;
    }

    for (const ScratchField &sf : m_scratchFields)
        m_fields[sf.index].text = m_scratch.data() + sf.offset;

    m_count = count;
    pos = p;
    m_line = line;
    return Status::Record;
}

bool CsvTokenizer::nextNumbers(const char *&pos, const char *end, double *values, std::size_t count)
{
    // Decimal commas and numeric missing tokens need the checks of the full path.
    if (m_decimalComma || m_numericMissingToken || count == 0)
        return false;
    const char delimiter = m_delimiter;
    const char *p = pos;
    for (std::size_t j = 0; j < count; ++j) {
        if (p == end)
            return false;
        if (!isNumberStart(*p) && (*p != '-' || p + 1 == end || !isNumberStart(p[1])))
            return false;
        const char *q = parseNumberPrefix(p, end, values[j]);
        if (!q || q == end)
            return false;
        if (j + 1 < count) {
            if (*q != delimiter)
                return false;
            p = q + 1;
        } else if (*q == '\n') {
            p = q + 1;
        } else if (*q == '\r' && q + 1 != end && q[1] == '\n') {
            p = q + 2;
        } else {
            return false;
        }
    }
    pos = p;
    m_recordLine = m_line;
    ++m_line;
    m_count = 0;
    return true;
}

bool isValidUtf8Text(const char *data, std::size_t size)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    const unsigned char *const e = p + size;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;

    while (p != e) {
        // Eight ASCII bytes at a time; (w - 1s) & 0x80s flags a zero byte when no high bit
        // is set.
        while (e - p >= 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, p, 8);
            if ((w & kHigh) != 0)
                break;
            if (((w - kOnes) & kHigh) != 0)
                return false;
            p += 8;
        }
        if (p == e)
            break;

        const unsigned c = *p;
        if (c < 0x80) {
            if (c == 0)
                return false;
            ++p;
            continue;
        }
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false; // continuation byte, overlong lead (C0, C1) or beyond U+10FFFF
        }
        if (static_cast<std::size_t>(e - p) <= extra)
            return false;
        for (std::size_t i = 1; i <= extra; ++i) {
            const unsigned b = p[i];
            if ((b & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
            return false;
        if (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

} // namespace mb
