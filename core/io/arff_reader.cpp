// SPDX-License-Identifier: MIT
#include "core/io/arff_reader.h"

#include "core/io/arff_date.h"
#include "core/io/arff_lexer.h"
#include "core/io/number_parser.h"
#include "core/io/text_source.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <new>
#include <optional>
#include <stdexcept>
#include <unordered_map>

// Where errors point. Error::line is the 1-based line of the file. Error::column is:
//  - in header lines (@relation, @attribute, @data) and for encoding problems: the 1-based
//    character column (UTF-8 code points) where the problem starts;
//  - in data rows: the 1-based position of the value within the row (for sparse rows, of the
//    "index value" entry within the braces; a trailing weight counts as one more position).
// Error::field names the attribute when one is concerned.

namespace mb {

namespace {

constexpr std::size_t kBlockSize = std::size_t(1) << 20;
// A longer line is not ARFF text we can use; stop before the carry-over eats the memory.
constexpr std::size_t kMaxLineBytes = std::size_t(64) << 20;
// Error messages list at most this many levels of a nominal attribute.
constexpr std::size_t kMaxLevelsInMessage = 10;
constexpr std::size_t kMaxLevelTextInMessage = 200;
constexpr std::size_t kMaxValueTextInMessage = 60;

constexpr std::string_view kTypeList
    = "numeric, integer, real, string, date, relational or a list of values in braces";

std::string lineText(std::int64_t line)
{
    return "Line " + std::to_string(line) + ": ";
}

std::unexpected<Error> failAt(ErrorCode code, std::string message, const std::string &file,
                              std::int64_t line = 0, std::int64_t column = 0,
                              std::string field = {})
{
    return std::unexpected(Error {code, std::move(message), file, line, column, std::move(field)});
}

// Cuts text for a message without splitting a UTF-8 character.
std::string shortened(std::string_view text, std::size_t maxBytes = kMaxValueTextInMessage)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(text.substr(0, cut)) + "...";
}

std::string quotedForMessage(std::string_view text)
{
    // Appending rather than "'" + std::string avoids a false -Wrestrict of GCC 12 (PR 105329).
    std::string out(1, '\'');
    out += shortened(text);
    out += '\'';
    return out;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return std::ranges::equal(a, b, [](char x, char y) {
        const auto lower = [](char c) {
            return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        };
        return lower(x) == lower(y);
    });
}

struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view> {}(s); }
};

using LevelIndex = std::unordered_map<std::string, std::int32_t, StringHash, std::equal_to<>>;

enum class AttributeKind { Numeric, Nominal, String, Date };

struct Attribute
{
    std::string name;
    AttributeKind kind = AttributeKind::Numeric;
    std::vector<std::string> levels;
    LevelIndex levelIndex;
    std::optional<ArffDateFormat> date;
    std::vector<double> values; // Numeric, Date
    std::vector<std::int32_t> codes; // Nominal, String

    bool isNumeric() const { return kind == AttributeKind::Numeric || kind == AttributeKind::Date; }

    // "{a, b, 'c d', ... 40 more}" for messages.
    std::string levelList() const
    {
        std::string out = "{";
        std::size_t shown = 0;
        for (const std::string &level : levels) {
            if (shown == kMaxLevelsInMessage || out.size() > kMaxLevelTextInMessage)
                break;
            if (shown > 0)
                out += ", ";
            const bool needsQuotes = level.empty()
                || std::ranges::any_of(level, [](char c) { return isArffSpace(c) || c == ','; });
            out += needsQuotes ? quotedForMessage(level) : shortened(level);
            ++shown;
        }
        if (shown < levels.size())
            out += ", ... " + std::to_string(levels.size() - shown) + " more";
        return out + "}";
    }
};

// One value of a data row as read: a view into the line, or the unescaped text of a quoted
// value. Kept in a vector that only grows, so the strings keep their capacity between rows.
struct Field
{
    std::string_view bare;
    std::string unquoted;
    bool quoted = false;

    std::string_view text() const { return quoted ? std::string_view(unquoted) : bare; }
};

/// Hands out the lines of a TextSource one by one, reading it in blocks and carrying partial
/// lines over. Checks every block for cancel and NUL bytes and every line for valid UTF-8.
class LineReader
{
public:
    LineReader(TextSource &source, const WorkControl &control)
        : m_source(source)
        , m_control(control)
        , m_file(source.path().toStdString())
        , m_blockSize(source.blockSize(kBlockSize))
    {
    }

    /// The next line without its terminator (LF, CRLF or CR), or nothing at the end of the
    /// file. The view is valid until the next call.
    Expected<std::optional<std::string_view>> next();
    /// Number of the line last returned (1-based).
    std::int64_t lineNumber() const { return m_line; }

private:
    Expected<void> fill();
    Expected<std::optional<std::string_view>> take(std::size_t end, std::size_t next);
    std::unexpected<Error> error(std::string message, std::int64_t line, std::int64_t column) const
    {
        return failAt(ErrorCode::Format, std::move(message), m_file, line, column);
    }

    TextSource &m_source;
    const WorkControl &m_control;
    std::string m_file;
    std::size_t m_blockSize;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0; // first byte of the current line
    std::size_t m_scan = 0; // bytes before this hold no line break of the current line
    std::size_t m_end = 0; // end of the bytes read
    bool m_eof = false;
    std::int64_t m_line = 0;
};

Expected<std::optional<std::string_view>> LineReader::next()
{
    for (;;) {
        const char *data = m_buffer.data();
        std::size_t i = m_scan;
        while (i < m_end && data[i] != '\n' && data[i] != '\r')
            ++i;
        if (i < m_end) {
            // A CR at the end of the block may be the first half of a CRLF.
            if (data[i] == '\r' && i + 1 == m_end && !m_eof) {
                m_scan = i;
                if (auto filled = fill(); !filled)
                    return std::unexpected(filled.error());
                continue;
            }
            std::size_t next = i + 1;
            if (data[i] == '\r' && next < m_end && data[next] == '\n')
                ++next;
            return take(i, next);
        }
        m_scan = m_end;
        if (m_eof) {
            if (m_begin < m_end)
                return take(m_end, m_end);
            return std::optional<std::string_view>();
        }
        if (m_end - m_begin > kMaxLineBytes) {
            return error(lineText(m_line + 1) + "the line is longer than "
                             + std::to_string(kMaxLineBytes >> 20)
                             + " MiB; this does not look like an ARFF file.",
                         m_line + 1, 0);
        }
        if (auto filled = fill(); !filled)
            return std::unexpected(filled.error());
    }
}

Expected<std::optional<std::string_view>> LineReader::take(std::size_t end, std::size_t next)
{
    const std::string_view line(m_buffer.data() + m_begin, end - m_begin);
    m_begin = next;
    m_scan = next;
    ++m_line;
    if (const std::size_t bad = findInvalidUtf8(line); bad != std::string_view::npos) {
        const std::int64_t column = ArffLexer(line).columnAt(bad);
        return error(lineText(m_line) + "the text is not valid UTF-8 (character "
                         + std::to_string(column)
                         + "). Save the file with UTF-8 encoding and open it again.",
                     m_line, column);
    }
    return std::optional<std::string_view>(line);
}

Expected<void> LineReader::fill()
{
    if (m_control.stopRequested())
        return failAt(ErrorCode::Cancelled, "Loading was cancelled.", m_file);

    // Move the unfinished line to the front, then read one block behind it.
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_scan -= m_begin;
        m_begin = 0;
    }
    if (m_buffer.size() < m_end + m_blockSize)
        m_buffer.resize(m_end + m_blockSize);

    Expected<std::size_t> got = m_source.read(m_buffer.data() + m_end, m_blockSize);
    if (!got)
        return std::unexpected(got.error());
    if (*got == 0) {
        m_eof = true;
    } else {
        const char *block = m_buffer.data() + m_end;
        if (const void *nul = std::memchr(block, '\0', *got)) {
            const char *at = static_cast<const char *>(nul);
            const char *lineStart = m_buffer.data() + m_begin;
            const std::int64_t line = m_line + 1 + std::count(lineStart, at, '\n');
            return error(lineText(line)
                             + "the file contains NUL bytes: it is a binary file, "
                               "not ARFF text.",
                         line, 0);
        }
        m_end += *got;
    }
    if (m_source.size() > 0)
        m_control.progress(std::min(1.0, double(m_source.position()) / double(m_source.size())));
    return {};
}

/// Reads one ARFF file: the header into attributes, then the data rows into their columns.
class ArffParser
{
public:
    ArffParser(TextSource &source, const WorkControl &control, std::size_t maxRows)
        : m_lines(source, control)
        , m_file(source.path().toStdString())
        , m_maxRows(maxRows)
    {
    }

    Expected<Dataset> run();

private:
    Expected<void> readHeader();
    Expected<void> readAttribute(ArffLexer &lexer);
    Expected<void> readNominalList(ArffLexer &lexer, Attribute &attribute);
    Expected<void> readData();
    Expected<void> readDenseRow(ArffLexer &lexer);
    Expected<void> readSparseRow(ArffLexer &lexer);
    Expected<void> readWeight(ArffLexer &lexer, std::int64_t column);
    Expected<void> store(Attribute &attribute, const Field &field, std::int64_t column);
    void storeOmitted(Attribute &attribute);
    Dataset build();

    std::unexpected<Error> error(std::string message, std::int64_t column, std::string field = {},
                                 ErrorCode code = ErrorCode::Format) const
    {
        const std::int64_t line = m_lines.lineNumber();
        return failAt(code, lineText(line) + message, m_file, line, column, std::move(field));
    }
    std::unexpected<Error> unclosedQuote(const ArffLexer &lexer, std::int64_t column) const
    {
        return error("the quoted text starting in column " + std::to_string(lexer.column())
                         + " is never closed.",
                     column);
    }

    LineReader m_lines;
    std::string m_file;
    std::size_t m_maxRows = 0;
    std::vector<Attribute> m_attributes;
    std::vector<Field> m_fields; // one per attribute, reused from row to row
    Field m_spareField;
    std::vector<double> m_weights;
    bool m_anyWeight = false;
    std::size_t m_rows = 0;
    std::vector<std::int64_t> m_rowLines; ///< the line each data row is on
};

Expected<Dataset> ArffParser::run()
{
    if (auto header = readHeader(); !header)
        return std::unexpected(header.error());
    if (auto data = readData(); !data)
        return std::unexpected(data.error());
    return build();
}

Expected<void> ArffParser::readHeader()
{
    bool sawText = false; // any line that is not blank, comments included
    for (;;) {
        auto next = m_lines.next();
        if (!next)
            return std::unexpected(next.error());
        if (!*next)
            break;
        ArffLexer lexer(**next);
        lexer.skipSpace();
        sawText = sawText || lexer.pos() < (*next)->size();
        if (lexer.atEnd())
            continue; // blank line or comment

        const std::int64_t keywordColumn = lexer.column();
        if (lexer.peek() != '@') {
            // After the attributes, this is most likely the first data row of a file that
            // lost its @data line.
            return error("expected @relation, @attribute or @data, found "
                             + quotedForMessage(lexer.rest()) + "."
                             + (m_attributes.empty()
                                    ? ""
                                    : " If the data rows start here, add a line with @data "
                                      "before them."),
                         keywordColumn);
        }
        const std::string_view keyword = lexer.readBare("{");
        if (equalsIgnoringCase(keyword, "@relation"))
            continue; // the name is not used: the loader names the dataset after the file
        if (equalsIgnoringCase(keyword, "@attribute")) {
            if (auto attribute = readAttribute(lexer); !attribute)
                return attribute;
            continue;
        }
        if (equalsIgnoringCase(keyword, "@data")) {
            lexer.skipSpace();
            if (!lexer.atEnd()) {
                return error("unexpected text " + quotedForMessage(lexer.rest())
                                 + " after @data; the data rows start on the next line.",
                             lexer.column());
            }
            if (m_attributes.empty()) {
                return error("@data comes before any @attribute; an ARFF file must declare "
                             "its attributes first.",
                             keywordColumn);
            }
            return {};
        }
        if (equalsIgnoringCase(keyword, "@end")) {
            return error("@end without a relational attribute to close.", keywordColumn);
        }
        return error("unknown keyword " + quotedForMessage(keyword)
                         + "; expected @relation, @attribute or @data.",
                     keywordColumn);
    }

    if (!sawText) {
        return failAt(ErrorCode::Format, "The file is empty.", m_file);
    }
    const std::int64_t last = m_lines.lineNumber();
    std::string message = lineText(last) + "the file ends without an @data section";
    if (m_attributes.empty()) {
        message += " and declares no attributes.";
    } else {
        message += " (it declares " + std::to_string(m_attributes.size())
            + (m_attributes.size() == 1 ? " attribute" : " attributes")
            + " but no data). Add a line with @data, followed by the data rows.";
    }
    return failAt(ErrorCode::Format, std::move(message), m_file, last);
}

Expected<void> ArffParser::readAttribute(ArffLexer &lexer)
{
    Attribute attribute;
    lexer.skipSpace();
    if (lexer.atEnd())
        return error("@attribute needs a name and a type.", lexer.column());

    const std::int64_t nameColumn = lexer.column();
    if (lexer.atQuote()) {
        if (!lexer.readQuoted(attribute.name))
            return unclosedQuote(lexer, nameColumn);
    } else {
        attribute.name = std::string(lexer.readBare("{"));
    }
    if (attribute.name.empty())
        return error("the attribute name is empty.", nameColumn);

    lexer.skipSpace();
    if (lexer.atEnd()) {
        return error("attribute " + quotedForMessage(attribute.name) + " has no type; expected "
                         + std::string(kTypeList) + ".",
                     lexer.column(), attribute.name);
    }

    const std::int64_t typeColumn = lexer.column();
    if (lexer.peek() == '{') {
        attribute.kind = AttributeKind::Nominal;
        if (auto list = readNominalList(lexer, attribute); !list)
            return list;
    } else {
        const std::string_view type = lexer.readBare("{");
        if (equalsIgnoringCase(type, "numeric") || equalsIgnoringCase(type, "integer")
            || equalsIgnoringCase(type, "real")) {
            attribute.kind = AttributeKind::Numeric;
        } else if (equalsIgnoringCase(type, "string")) {
            attribute.kind = AttributeKind::String;
        } else if (equalsIgnoringCase(type, "date")) {
            attribute.kind = AttributeKind::Date;
            lexer.skipSpace();
            std::string pattern(ArffDateFormat::kDefaultPattern);
            const std::int64_t patternColumn = lexer.column();
            if (lexer.atQuote()) {
                if (!lexer.readQuoted(pattern))
                    return unclosedQuote(lexer, patternColumn);
            } else if (!lexer.atEnd()) {
                pattern = std::string(lexer.readBare({}));
            }
            auto format = ArffDateFormat::compile(pattern);
            if (!format) {
                return error("the date format " + quotedForMessage(pattern) + " of attribute "
                                 + quotedForMessage(attribute.name) + " " + format.error() + ".",
                             patternColumn, attribute.name, ErrorCode::Unsupported);
            }
            attribute.date = std::move(*format);
        } else if (equalsIgnoringCase(type, "relational")) {
            return error("attribute " + quotedForMessage(attribute.name)
                             + " is relational (multi-instance data), which ModelBench "
                               "cannot load. Flatten the bags into one row per instance "
                               "first.",
                         typeColumn, attribute.name, ErrorCode::Unsupported);
        } else {
            const std::string shown = type.empty() ? std::string(lexer.rest()) : std::string(type);
            return error("unknown type " + quotedForMessage(shown) + " for attribute "
                             + quotedForMessage(attribute.name) + "; expected "
                             + std::string(kTypeList) + ".",
                         typeColumn, attribute.name);
        }
    }

    lexer.skipSpace();
    if (!lexer.atEnd()) {
        return error("unexpected text " + quotedForMessage(lexer.rest())
                         + " after the type of attribute " + quotedForMessage(attribute.name) + ".",
                     lexer.column(), attribute.name);
    }
    m_attributes.push_back(std::move(attribute));
    return {};
}

Expected<void> ArffParser::readNominalList(ArffLexer &lexer, Attribute &attribute)
{
    const std::int64_t openColumn = lexer.column();
    lexer.advance(); // '{'
    std::string level;
    for (;;) {
        // Weka separates the values by commas, white space or both.
        lexer.skipSpaceAndCommas();
        if (lexer.atEnd()) {
            return error("the list of values of attribute " + quotedForMessage(attribute.name)
                             + " starting in column " + std::to_string(openColumn)
                             + " is never closed with '}'"
                             + (lexer.atComment() ? " (a % outside quotes starts a comment; "
                                                    "quote values that contain %)."
                                                  : "."),
                         openColumn, attribute.name);
        }
        if (lexer.peek() == '}') {
            lexer.advance();
            return {};
        }
        const std::int64_t levelColumn = lexer.column();
        if (lexer.atQuote()) {
            if (!lexer.readQuoted(level))
                return unclosedQuote(lexer, levelColumn);
        } else {
            const std::string_view bare = lexer.readBare(",{}");
            if (bare.empty()) {
                return error("unexpected '{' in the list of values of attribute "
                                 + quotedForMessage(attribute.name) + ".",
                             levelColumn, attribute.name);
            }
            level = std::string(bare);
        }
        const auto code = static_cast<std::int32_t>(attribute.levels.size());
        if (!attribute.levelIndex.emplace(level, code).second) {
            return error("attribute " + quotedForMessage(attribute.name) + " declares the value "
                             + quotedForMessage(level) + " twice.",
                         levelColumn, attribute.name);
        }
        attribute.levels.push_back(level);
    }
}

Expected<void> ArffParser::readData()
{
    m_fields.resize(m_attributes.size());
    while (m_maxRows == 0 || m_rows < m_maxRows) {
        auto next = m_lines.next();
        if (!next)
            return std::unexpected(next.error());
        if (!*next)
            break;
        ArffLexer lexer(**next);
        lexer.skipSpace();
        if (lexer.atEnd())
            continue; // blank line or comment

        auto row = lexer.peek() == '{' ? readSparseRow(lexer) : readDenseRow(lexer);
        if (!row)
            return row;
        m_rowLines.push_back(m_lines.lineNumber());
        ++m_rows;
    }
    return {};
}

Expected<void> ArffParser::readDenseRow(ArffLexer &lexer)
{
    // Split the row first, so that a wrong number of values is reported as such rather than
    // as a bad value in the wrong column.
    std::size_t count = 0;
    bool weighted = false;
    for (;;) {
        lexer.skipSpace();
        const auto position = static_cast<std::int64_t>(count + 1);
        if (lexer.atEnd() || lexer.peek() == ',') {
            return error("value " + std::to_string(position)
                             + " is empty; write ? for a missing value.",
                         position);
        }
        if (lexer.peek() == '{') {
            if (auto weight = readWeight(lexer, position); !weight)
                return weight;
            weighted = true;
            break;
        }
        // Values beyond the last attribute are only counted, in one spare field, so that a
        // row of a million commas does not allocate a million fields.
        Field &field = count < m_fields.size() ? m_fields[count] : m_spareField;
        field.quoted = lexer.atQuote();
        if (field.quoted) {
            if (!lexer.readQuoted(field.unquoted)) {
                return error("value " + std::to_string(position) + " starts a quote (column "
                                 + std::to_string(lexer.column())
                                 + " of the line) that is never closed.",
                             position);
            }
        } else {
            field.bare = lexer.readBare(",{}");
            if (field.bare.empty()) {
                return error("unexpected '" + std::string(1, lexer.peek()) + "' in value "
                                 + std::to_string(position) + ".",
                             position);
            }
        }
        ++count;

        lexer.skipSpace();
        if (lexer.atEnd())
            break;
        if (lexer.peek() == ',') {
            lexer.advance();
            continue;
        }
        if (lexer.peek() == '{')
            continue; // a weight that follows without a comma
        return error("expected ',' after value " + std::to_string(position) + ", found "
                         + quotedForMessage(lexer.rest()) + ".",
                     position + 1);
    }

    const std::size_t expected = m_attributes.size();
    if (count != expected) {
        return error("expected " + std::to_string(expected) + (expected == 1 ? " value" : " values")
                         + " (one per attribute), found " + std::to_string(count)
                         + (weighted ? " and a weight." : "."),
                     static_cast<std::int64_t>(std::min(count, expected) + 1));
    }
    for (std::size_t i = 0; i < expected; ++i) {
        if (auto stored = store(m_attributes[i], m_fields[i], static_cast<std::int64_t>(i + 1));
            !stored)
            return stored;
    }
    if (!weighted)
        m_weights.push_back(1.0);
    return {};
}

Expected<void> ArffParser::readSparseRow(ArffLexer &lexer)
{
    const std::int64_t braceColumn = lexer.column();
    lexer.advance(); // '{'
    const auto attributeCount = static_cast<long long>(m_attributes.size());
    long long previous = -1;
    std::size_t nextOmitted = 0;
    std::int64_t entry = 0;
    Field &field = m_spareField;

    lexer.skipSpace();
    if (!lexer.atEnd() && lexer.peek() == '}') {
        lexer.advance();
    } else {
        for (;;) {
            ++entry;
            lexer.skipSpace();
            const std::string_view indexText = lexer.readBare(",{}");
            long long index = -1;
            const auto [ptr, ec]
                = std::from_chars(indexText.data(), indexText.data() + indexText.size(), index);
            if (indexText.empty() || ec != std::errc {}
                || ptr != indexText.data() + indexText.size()) {
                if (indexText.empty() && lexer.atEnd()) {
                    return error("the sparse row starting with '{' in column "
                                     + std::to_string(braceColumn) + " is never closed with '}'.",
                                 entry);
                }
                const std::string shown
                    = indexText.empty() ? std::string(lexer.rest()) : std::string(indexText);
                return error("sparse entry " + std::to_string(entry)
                                 + " should start with an attribute index (0 to "
                                 + std::to_string(attributeCount - 1) + "), found "
                                 + quotedForMessage(shown) + ".",
                             entry);
            }
            if (index < 0 || index >= attributeCount) {
                return error("sparse entry " + std::to_string(entry) + " has attribute index "
                                 + std::to_string(index) + ", but the file declares "
                                 + std::to_string(attributeCount) + " attributes (indices 0 to "
                                 + std::to_string(attributeCount - 1)
                                 + "). Sparse rows count attributes from 0, in the order of the "
                                   "@attribute lines.",
                             entry);
            }
            Attribute &attribute = m_attributes[static_cast<std::size_t>(index)];
            if (index <= previous) {
                return error("sparse entry " + std::to_string(entry) + " has attribute index "
                                 + std::to_string(index) + " after index "
                                 + std::to_string(previous)
                                 + "; indices must increase along the row.",
                             entry, attribute.name);
            }

            lexer.skipSpace();
            if (lexer.atEnd() || lexer.peek() == ',' || lexer.peek() == '}') {
                return error("sparse entry " + std::to_string(entry) + " (attribute index "
                                 + std::to_string(index) + ", " + quotedForMessage(attribute.name)
                                 + ") has no value.",
                             entry, attribute.name);
            }
            field.quoted = lexer.atQuote();
            if (field.quoted) {
                if (!lexer.readQuoted(field.unquoted)) {
                    return error("sparse entry " + std::to_string(entry)
                                     + " starts a quote (column " + std::to_string(lexer.column())
                                     + " of the line) that is never closed.",
                                 entry, attribute.name);
                }
            } else {
                field.bare = lexer.readBare(",{}");
                if (field.bare.empty()) {
                    return error("unexpected '" + std::string(1, lexer.peek())
                                     + "' in sparse entry " + std::to_string(entry) + ".",
                                 entry, attribute.name);
                }
            }

            for (; nextOmitted < static_cast<std::size_t>(index); ++nextOmitted)
                storeOmitted(m_attributes[nextOmitted]);
            if (auto stored = store(attribute, field, entry); !stored)
                return stored;
            nextOmitted = static_cast<std::size_t>(index) + 1;
            previous = index;

            lexer.skipSpace();
            if (lexer.atEnd()) {
                return error("the sparse row starting with '{' in column "
                                 + std::to_string(braceColumn) + " is never closed with '}'.",
                             entry);
            }
            if (lexer.peek() == ',') {
                lexer.advance();
                continue;
            }
            if (lexer.peek() == '}') {
                lexer.advance();
                break;
            }
            return error("expected ',' or '}' after sparse entry " + std::to_string(entry)
                             + ", found " + quotedForMessage(lexer.rest()) + ".",
                         entry + 1);
        }
    }
    for (; nextOmitted < m_attributes.size(); ++nextOmitted)
        storeOmitted(m_attributes[nextOmitted]);

    // An optional weight: "{...}, {w}" or "{...} {w}".
    lexer.skipSpace();
    if (!lexer.atEnd() && lexer.peek() == ',') {
        lexer.advance();
        lexer.skipSpace();
    }
    if (!lexer.atEnd() && lexer.peek() == '{')
        return readWeight(lexer, entry + 1);
    if (!lexer.atEnd()) {
        return error("unexpected text " + quotedForMessage(lexer.rest())
                         + " after the sparse row; only a weight in braces may follow.",
                     entry + 1);
    }
    m_weights.push_back(1.0);
    return {};
}

Expected<void> ArffParser::readWeight(ArffLexer &lexer, std::int64_t column)
{
    lexer.advance(); // '{'
    lexer.skipSpace();
    const std::string_view text = lexer.readBare(",{}");
    lexer.skipSpace();
    if (lexer.atEnd() || lexer.peek() != '}') {
        return error("the instance weight in braces is never closed with '}'; a weight is "
                     "written as {2.5} at the end of the row.",
                     column);
    }
    lexer.advance();
    double weight = 0.0;
    if (!parseNumber(text, false, weight)) {
        return error("the instance weight " + quotedForMessage(text) + " is not a number.", column);
    }
    if (weight < 0.0)
        return error("the instance weight " + quotedForMessage(text) + " is negative.", column);

    lexer.skipSpace();
    if (!lexer.atEnd()) {
        return error("unexpected text " + quotedForMessage(lexer.rest())
                         + " after the instance weight; the weight ends the row.",
                     column + 1);
    }
    m_weights.push_back(weight);
    m_anyWeight = true;
    return {};
}

Expected<void> ArffParser::store(Attribute &attribute, const Field &field, std::int64_t column)
{
    const std::string_view text = field.text();
    // Only a bare '?' is missing; a quoted '?' is the text "?".
    const bool missing = !field.quoted && text == "?";
    switch (attribute.kind) {
    case AttributeKind::Numeric: {
        if (missing) {
            attribute.values.push_back(Column::kMissingValue);
            return {};
        }
        const std::string_view number = trimArffSpace(text);
        double value = 0.0;
        if (parseNumber(number, false, value)) {
            attribute.values.push_back(value);
            return {};
        }
        // Java's Double.valueOf reads "NaN", and Weka writes it for missing values at times.
        if (equalsIgnoringCase(number, "nan")) {
            attribute.values.push_back(Column::kMissingValue);
            return {};
        }
        return error("value " + std::to_string(column) + " (" + quotedForMessage(text)
                         + ") of attribute " + quotedForMessage(attribute.name)
                         + " is not a number; expected digits such as 3.14 or 1e-3, or ? "
                           "for a missing value.",
                     column, attribute.name);
    }
    case AttributeKind::Date: {
        if (missing) {
            attribute.values.push_back(Column::kMissingValue);
            return {};
        }
        if (const auto when = attribute.date->parse(trimArffSpace(text))) {
            attribute.values.push_back(*when);
            return {};
        }
        return error("value " + std::to_string(column) + " (" + quotedForMessage(text)
                         + ") of attribute " + quotedForMessage(attribute.name)
                         + " is not a date in the format "
                         + quotedForMessage(attribute.date->pattern()) + ".",
                     column, attribute.name);
    }
    case AttributeKind::Nominal: {
        if (missing) {
            attribute.codes.push_back(Column::kMissingCode);
            return {};
        }
        const auto it = attribute.levelIndex.find(text);
        if (it == attribute.levelIndex.end()) {
            return error(quotedForMessage(text) + " is not a declared value of attribute "
                             + quotedForMessage(attribute.name) + " " + attribute.levelList()
                             + ". Correct the value, or add it to the list in the attribute's "
                               "@attribute line.",
                         column, attribute.name);
        }
        attribute.codes.push_back(it->second);
        return {};
    }
    case AttributeKind::String: {
        if (missing) {
            attribute.codes.push_back(Column::kMissingCode);
            return {};
        }
        auto it = attribute.levelIndex.find(text);
        if (it == attribute.levelIndex.end()) {
            const auto code = static_cast<std::int32_t>(attribute.levels.size());
            it = attribute.levelIndex.emplace(std::string(text), code).first;
            attribute.levels.emplace_back(text);
        }
        attribute.codes.push_back(it->second);
        return {};
    }
    }
    return {};
}

// Weka's sparse semantics: an omitted value is the value with internal index 0, which is 0 for
// numeric and date attributes and the first declared level for nominal ones. For string
// attributes index 0 is whichever string Weka happened to store first, which means nothing
// here, so an omitted string is missing (as is a nominal attribute declared with no levels).
void ArffParser::storeOmitted(Attribute &attribute)
{
    switch (attribute.kind) {
    case AttributeKind::Numeric:
    case AttributeKind::Date:
        attribute.values.push_back(0.0);
        break;
    case AttributeKind::Nominal:
        attribute.codes.push_back(attribute.levels.empty() ? Column::kMissingCode : 0);
        break;
    case AttributeKind::String:
        attribute.codes.push_back(Column::kMissingCode);
        break;
    }
}

Dataset ArffParser::build()
{
    Dataset dataset;
    for (Attribute &attribute : m_attributes) {
        if (attribute.isNumeric()) {
            dataset.addColumn(
                Column::numeric(std::move(attribute.name), std::move(attribute.values)));
        } else {
            dataset.addColumn(Column::categorical(std::move(attribute.name),
                                                  std::move(attribute.codes),
                                                  std::move(attribute.levels)));
        }
    }
    // Weights are kept only when the file gives at least one; rows without one weigh 1.
    if (m_anyWeight)
        dataset.setWeights(std::move(m_weights));
    dataset.setSourceLines(std::move(m_rowLines));
    return dataset;
}

} // namespace

Expected<Dataset> readArff(const QString &path, const WorkControl &control, std::size_t maxRows)
{
    Expected<TextSource> source = TextSource::open(path);
    if (!source)
        return std::unexpected(source.error());
    try {
        ArffParser parser(*source, control, maxRows);
        Expected<Dataset> result = parser.run();
        if (result)
            control.progress(1.0);
        return result;
    } catch (const std::bad_alloc &) {
        // A huge file (or a huge sparse header) on a small machine; say so rather than crash.
        return failAt(ErrorCode::Unsupported, "There is not enough memory to load this file.",
                      path.toStdString());
    } catch (const std::length_error &) {
        return failAt(ErrorCode::Unsupported, "There is not enough memory to load this file.",
                      path.toStdString());
    }
}

} // namespace mb
