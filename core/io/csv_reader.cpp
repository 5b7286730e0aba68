// SPDX-License-Identifier: MIT
#include "core/io/csv_reader.h"

#include "core/io/csv_sniffer.h"
#include "core/io/csv_tokenizer.h"
#include "core/io/text_source.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <new>
#include <optional>
#include <span>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace mb {

namespace {

constexpr std::size_t kBlockBytes = std::size_t(1) << 20;
/// A record longer than this is not a table row; most likely a quote was never closed.
constexpr std::size_t kMaxRecordBytes = std::size_t(64) << 20;
/// How much of an odd value a type reason quotes.
constexpr std::size_t kQuotedValueBytes = 40;

std::string quoted(std::string_view text)
{
    std::size_t cut = text.size();
    if (cut > kQuotedValueBytes) {
        cut = kQuotedValueBytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut; // do not split a UTF-8 sequence
    }
    std::string out;
    out.reserve(cut + 5);
    out += '\'';
    out.append(text.substr(0, cut));
    if (cut < text.size())
        out += "...";
    out += '\'';
    return out;
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string delimiterName(char delimiter)
{
    if (delimiter == '\t')
        return "tab";
    return std::string("'") + delimiter + "'";
}

/// The names Dataset::addColumn will give, so type overrides can use them before the columns
/// exist. Must follow addColumn's rule: "x" again becomes "x_2", then "x_3", ...
std::vector<std::string> uniqueNames(const std::vector<std::string> &names)
{
    std::vector<std::string> out;
    out.reserve(names.size());
    std::unordered_set<std::string> taken; // wide files have thousands of columns
    for (const std::string &name : names) {
        std::string unique = name;
        for (int n = 2; taken.contains(unique); ++n)
            unique = name + "_" + std::to_string(n);
        taken.insert(unique);
        out.push_back(std::move(unique));
    }
    return out;
}

/// A fixed buffer over a TextSource: consumed bytes are dropped, an unfinished record is kept
/// at the front and the rest refilled. Grows only for records longer than a block.
class BlockBuffer
{
public:
    explicit BlockBuffer(TextSource &source)
        : m_source(source)
        , m_buffer(source.blockSize(kBlockBytes))
    {
    }

    const char *begin() const { return m_buffer.data(); }
    const char *end() const { return m_buffer.data() + m_filled; }
    bool atEof() const { return m_eof; }
    std::string_view view() const { return {begin(), m_filled}; }

    /// Keeps [keep, end()), then reads until the buffer is full or the file ends.
    Expected<void> refill(const char *keep)
    {
        const auto keepOffset = static_cast<std::size_t>(keep - m_buffer.data());
        const std::size_t kept = m_filled - keepOffset;
        if (kept > 0 && keepOffset > 0)
            std::memmove(m_buffer.data(), m_buffer.data() + keepOffset, kept);
        m_filled = kept;
        if (m_filled == m_buffer.size())
            m_buffer.resize(m_buffer.size() * 2);
        while (m_filled < m_buffer.size() && !m_eof) {
            const auto n = m_source.read(m_buffer.data() + m_filled, m_buffer.size() - m_filled);
            if (!n)
                return std::unexpected(n.error());
            if (*n == 0)
                m_eof = true;
            m_filled += *n;
        }
        return {};
    }

    Expected<void> restart()
    {
        if (auto r = m_source.rewind(); !r)
            return r;
        m_filled = 0;
        m_eof = false;
        return refill(begin());
    }

private:
    TextSource &m_source;
    std::vector<char> m_buffer;
    std::size_t m_filled = 0;
    bool m_eof = false;
};

struct LevelHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept
    {
        return std::hash<std::string_view> {}(s);
    }
};

/// One column while it is being read. Starts numeric (unless forced categorical); a numeric
/// column that meets text after numbers is Deferred: its values are dropped and its codes
/// are rebuilt from the original text in a second pass, so the levels keep the file's
/// spelling ("1.0", "01") and order of first appearance.
struct ColumnBuilder
{
    enum class State : std::uint8_t { Numeric, Categorical, Deferred };

    std::string name; ///< as in the header; Dataset::addColumn makes it unique
    std::string uniqueName; ///< what it will be called in the Dataset
    State state = State::Numeric;
    std::optional<ColumnType> forced;
    std::vector<double> values;
    std::vector<std::int32_t> codes;
    std::vector<std::string> levels;
    std::unordered_map<std::string, std::int32_t, LevelHash, std::equal_to<>> levelIndex;
    std::int64_t missing = 0;
    std::int64_t nonNumeric = 0;
    std::string firstText;
    std::int64_t firstTextLine = 0;

    /// The code of `text`, adding it as a new level if needed; -1 when there are too many.
    std::int32_t code(std::string_view text)
    {
        if (const auto it = levelIndex.find(text); it != levelIndex.end())
            return it->second;
        if (levels.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
            return -1;
        const auto c = static_cast<std::int32_t>(levels.size());
        levels.emplace_back(text);
        levelIndex.emplace(levels.back(), c);
        return c;
    }

    void noteText(const CsvField &field)
    {
        if (nonNumeric++ == 0) {
            firstText = quoted(field.view());
            firstTextLine = field.line;
        }
    }

    std::string typeReason(std::int64_t rows) const
    {
        if (forced)
            return {};
        if (state == State::Numeric) {
            const std::int64_t numbers = rows - missing;
            if (numbers == 0)
                return "numeric: no values, all " + std::to_string(rows) + " missing";
            std::string r = "numeric: " + plural(numbers, "value", "values");
            if (missing > 0)
                r += ", " + std::to_string(missing) + " missing";
            return r;
        }
        return "categorical: " + plural(nonNumeric, "non-numeric value", "non-numeric values")
            + ", first " + firstText + " at line " + std::to_string(firstTextLine);
    }
};

/// Progress over one or two passes, never going backwards: when a second pass turns out to
/// be needed, the rest of the bar is shared between the rest of pass one and pass two.
class ProgressScale
{
public:
    void secondPassNeeded(double at)
    {
        if (m_splitAt < 0)
            m_splitAt = at;
    }
    double firstPass(double f) const
    {
        if (m_splitAt < 0)
            return f;
        return m_splitAt + (f - m_splitAt) / (2.0 - m_splitAt) * (1.0 - m_splitAt);
    }
    double secondPass(double f) const
    {
        return m_splitAt + (1.0 - m_splitAt + f) / (2.0 - m_splitAt) * (1.0 - m_splitAt);
    }

private:
    double m_splitAt = -1.0;
};

/// Records tokenized by a helper thread, kept compact: numbers as doubles, the few other
/// fields whole (their text points into the block buffer).
struct TokenizedLines
{
    std::size_t width = 0; ///< fields per record
    const char *base = nullptr; ///< where the tokenized lines start
    std::vector<double> numbers; ///< width per record; a field that is not a number is NaN here
    /// Where each number's text is, from `base`: a categorical column takes the text as it is
    /// written ("1.50" stays "1.50").
    std::vector<std::pair<std::uint32_t, std::uint32_t>> numberText;
    std::vector<std::int64_t> recordLines;
    std::vector<std::pair<std::size_t, CsvField>> others; ///< (index in numbers, field), in order
    const char *stop = nullptr; ///< where tokenizing ended
    std::int64_t line = 0; ///< the line at `stop`
    bool failed = false; ///< the lines are to be read again, by the reader itself
};

/// Tokenizes whole lines [begin, end), which hold no quote, starting at `firstLine`. Runs on a
/// helper thread: touches nothing but the bytes and its own tokenizer. A record of another
/// width than `width` stops it (failed), so the reader meets that line itself and reports it.
void tokenizeLines(const CsvDialect &dialect, const std::vector<std::string> &missingTokens,
                   const char *begin, const char *end, std::int64_t firstLine, std::size_t width,
                   TokenizedLines &out) noexcept
{
    // Cleared, not rebuilt: the vectors keep their capacity from block to block.
    out.width = width;
    out.base = begin;
    out.numbers.clear();
    out.numberText.clear();
    out.recordLines.clear();
    out.others.clear();
    out.failed = false;
    try {
        CsvTokenizer tokenizer(dialect.delimiter, dialect.decimalComma, missingTokens);
        tokenizer.setLine(firstLine);
        out.numbers.reserve(width * static_cast<std::size_t>(std::count(begin, end, '\n')));
        const char *pos = begin;
        for (;;) {
            const CsvTokenizer::Status status = tokenizer.next(pos, end, true);
            if (status == CsvTokenizer::Status::End)
                break;
            const auto fields = tokenizer.fields();
            if (status != CsvTokenizer::Status::Record || fields.size() != width) {
                out.failed = true;
                break;
            }
            out.recordLines.push_back(tokenizer.recordLine());
            for (const CsvField &field : fields) {
                if (field.kind == CsvFieldKind::Number) {
                    out.numbers.push_back(field.number);
                    out.numberText.emplace_back(static_cast<std::uint32_t>(field.text - begin),
                                                static_cast<std::uint32_t>(field.size));
                } else {
                    out.others.emplace_back(out.numbers.size(), field);
                    out.numbers.push_back(Column::kMissingValue);
                    out.numberText.emplace_back(0, 0);
                }
            }
        }
        out.stop = pos;
        out.line = tokenizer.line();
    } catch (...) {
        out.failed = true;
    }
}

class CsvFileReader
{
public:
    CsvFileReader(TextSource source, const CsvOptions &options, const WorkControl &control)
        : m_source(std::move(source))
        , m_options(options)
        , m_control(control)
        , m_blocks(m_source)
    {
    }

    Expected<Dataset> read(CsvDialect *dialectOut);

private:
    using Status = CsvTokenizer::Status;

    Expected<void> readBlock(const char *keep, bool secondPass);
    Status nextRecord(CsvTokenizer &tokenizer, bool secondPass);
    bool readLinesUntil(CsvTokenizer &tokenizer, const char *stop);
    std::optional<bool> readBlockInParallel(CsvTokenizer &tokenizer, const CsvDialect &dialect);
    bool addTokenizedLines(const TokenizedLines &lines);
    bool setUpColumns(std::vector<std::string> names);
    bool addRecord();
    bool numericMeetsText(ColumnBuilder &column, const CsvField &field, std::size_t index);
    void reserveRows();
    bool rebuildDeferredColumns(const CsvDialect &dialect);
    Dataset takeDataset();

    bool failWith(Error error)
    {
        if (error.file.empty())
            error.file = m_source.path().toStdString();
        m_error = std::move(error);
        return false;
    }
    bool failWithTokenizerError(const CsvTokenizer &tokenizer);
    std::string withColumnName(std::string message, std::size_t column) const;
    /// " Column 3 ('rain') has no value." for a record short of fields; "" otherwise.
    std::string missingValues() const
    {
        const std::size_t have = m_fields.size();
        if (have >= m_columns.size())
            return {};
        const auto after = static_cast<std::int64_t>(m_columns.size() - have - 1);
        std::string out = " Column " + std::to_string(have + 1) + " ('" + m_columns[have].uniqueName
            + "')";
        if (after > 0)
            out += " and the " + plural(after, "column", "columns") + " after it have no value.";
        else
            out += " has no value.";
        return out;
    }
    bool failAt(std::int64_t line, std::size_t column, std::string message)
    {
        std::string field;
        if (column >= 1 && column <= m_columns.size())
            field = m_columns[column - 1].uniqueName;
        return failWith(Error {ErrorCode::Format,
                               std::move(message),
                               {},
                               line,
                               static_cast<std::int64_t>(column),
                               std::move(field)});
    }
    bool tooManyLevels(const CsvField &field, std::size_t index)
    {
        return failWith(Error {ErrorCode::Unsupported,
                               "Column '" + m_columns[index].uniqueName
                                   + "' has more different values than a categorical "
                                     "column can hold.",
                               {},
                               field.line,
                               static_cast<std::int64_t>(index + 1),
                               m_columns[index].uniqueName});
    }
    double fractionRead() const
    {
        const qint64 size = m_source.size();
        return size > 0 ? std::min(1.0, double(m_source.position()) / double(size)) : 0.0;
    }

    TextSource m_source;
    const CsvOptions &m_options;
    const WorkControl &m_control;
    BlockBuffer m_blocks;
    const char *m_pos = nullptr;
    std::span<const CsvField> m_fields; ///< of the record last read
    TokenizedLines m_secondHalf; ///< reused by readBlockInParallel()
    std::vector<ColumnBuilder> m_columns;
    std::size_t m_rows = 0;
    std::vector<std::int64_t> m_rowLines; ///< the line each row starts on
    std::size_t m_reservedRows = 0;
    bool m_deferred = false;
    bool m_allNumeric = true; ///< every column still in the Numeric state
    bool m_header = true;
    char m_delimiter = ',';
    ProgressScale m_progress;
    Error m_error;
};

// The tokenizer knows the field's position, not its column's name: add the name, to the
// message ("Line 3, column 2 ('city') ...") and as Error::field.
bool CsvFileReader::failWithTokenizerError(const CsvTokenizer &tokenizer)
{
    Error error = tokenizer.error();
    const auto column = static_cast<std::size_t>(error.column);
    if (error.field.empty() && column >= 1 && column <= m_columns.size()) {
        error.field = m_columns[column - 1].uniqueName;
        error.message = withColumnName(std::move(error.message), column);
    }
    return failWith(std::move(error));
}

// "... column 2 ..." becomes "... column 2 ('city') ..." at the first mention of the column.
std::string CsvFileReader::withColumnName(std::string message, std::size_t column) const
{
    if (column < 1 || column > m_columns.size())
        return message;
    const std::string where = "column " + std::to_string(column);
    for (std::size_t at = message.find(where); at != std::string::npos;
         at = message.find(where, at + 1)) {
        const std::size_t end = at + where.size();
        if (end == message.size() || message[end] < '0' || message[end] > '9') {
            message.insert(end, " ('" + m_columns[column - 1].uniqueName + "')");
            break;
        }
    }
    return message;
}

Expected<void> CsvFileReader::readBlock(const char *keep, bool secondPass)
{
    if (m_control.stopRequested())
        return fail(ErrorCode::Cancelled, "Loading was cancelled.");
    if (auto r = m_blocks.refill(keep); !r)
        return r;
    m_pos = m_blocks.begin();
    const double f = fractionRead();
    m_control.progress(secondPass ? m_progress.secondPass(f) : m_progress.firstPass(f));
    return {};
}

// Returns Record, End or Failed (with m_error set), reading more of the file as needed.
CsvTokenizer::Status CsvFileReader::nextRecord(CsvTokenizer &tokenizer, bool secondPass)
{
    for (;;) {
        const Status status = tokenizer.next(m_pos, m_blocks.end(), m_blocks.atEof());
        if (status == Status::Record || status == Status::End) {
            m_fields = tokenizer.fields();
            return status;
        }
        if (status == Status::Failed) {
            failWithTokenizerError(tokenizer);
            return Status::Failed;
        }
        const auto pending = static_cast<std::size_t>(m_blocks.end() - m_pos);
        if (m_blocks.atEof() || pending >= kMaxRecordBytes) {
            if (tokenizer.openQuoteLine() > 0) {
                const auto column = static_cast<std::size_t>(tokenizer.openQuoteColumn());
                failAt(tokenizer.openQuoteLine(), column,
                       withColumnName("Line " + std::to_string(tokenizer.openQuoteLine())
                                          + ": the quoted field starting in column "
                                          + std::to_string(column)
                                          + (m_blocks.atEof() ? " is never closed."
                                                              : " is not closed within 64 MiB.")
                                          + std::string(kCsvCloseQuoteAdvice),
                                      column));
            } else {
                failAt(tokenizer.line(), 0,
                       "Line " + std::to_string(tokenizer.line())
                           + " is longer than 64 MiB; this does not look like a table.");
            }
            return Status::Failed;
        }
        if (auto r = readBlock(m_pos, secondPass); !r) {
            failWith(r.error());
            return Status::Failed;
        }
    }
}

// Reads the whole lines before `stop` (a line start in the current block) into the columns.
bool CsvFileReader::readLinesUntil(CsvTokenizer &tokenizer, const char *stop)
{
    const std::size_t n = m_columns.size();
    std::vector<double> rowValues(m_allNumeric ? n : 0);
    while (m_pos < stop) {
        if (m_allNumeric && tokenizer.nextNumbers(m_pos, stop, rowValues.data(), n)) {
            if (m_rows == m_reservedRows)
                reserveRows();
            for (std::size_t j = 0; j < n; ++j)
                m_columns[j].values.push_back(rowValues[j]);
            m_rowLines.push_back(tokenizer.recordLine());
            ++m_rows;
            continue;
        }
        const Status status = tokenizer.next(m_pos, stop, true);
        if (status == Status::End)
            break;
        if (status == Status::Failed)
            return failWithTokenizerError(tokenizer);
        m_fields = tokenizer.fields();
        if (!addRecord())
            return false;
    }
    return true;
}

// Reads the rest of the current block on two threads: a helper tokenizes the second part
// while this thread reads the first, then the helper's records are added in file order (so
// categorical levels keep their order of first appearance, and the first bad line is the
// one reported). Parsing numbers is most of the reader's work, so this nearly halves the
// time on two cores. Only for blocks of whole, quote-free lines: there every line end ends a
// record. nullopt when the block does not qualify; false on an error (m_error set).
std::optional<bool> CsvFileReader::readBlockInParallel(CsvTokenizer &tokenizer, const CsvDialect &dialect)
{
    constexpr std::size_t kMinBytes = 64 * 1024;
    const char *begin = m_pos;
    const auto size = static_cast<std::size_t>(m_blocks.end() - begin);
    if (size < kMinBytes)
        return std::nullopt;
    const std::size_t lastLineEnd = std::string_view(begin, size).rfind('\n');
    if (lastLineEnd == std::string_view::npos)
        return std::nullopt;
    const char *stop = begin + lastLineEnd + 1;
    const auto whole = static_cast<std::size_t>(stop - begin);
    if (whole < kMinBytes || std::memchr(begin, '"', whole))
        return std::nullopt;
    // The helper takes the larger share: this thread also adds the helper's records.
    const char *middle = begin + whole * 2 / 5;
    middle = static_cast<const char *>(std::memchr(middle, '\n', static_cast<std::size_t>(stop - middle))) + 1;
    if (middle == stop)
        return std::nullopt;
    const std::int64_t middleLine = tokenizer.line() + std::count(begin, middle, '\n');

    TokenizedLines &second = m_secondHalf;
    std::thread helper([&] {
        tokenizeLines(dialect, m_options.missingTokens, middle, stop, middleLine, m_columns.size(), second);
    });
    const bool firstOk = readLinesUntil(tokenizer, middle);
    helper.join();
    if (!firstOk)
        return false;
    if (second.failed)
        return true; // the loop goes on from `middle` and meets the bad line itself
    if (!addTokenizedLines(second))
        return false;
    m_pos = second.stop;
    tokenizer.setLine(second.line);
    return true;
}

// Adds the helper's records in file order, through addRecord() like any other record.
bool CsvFileReader::addTokenizedLines(const TokenizedLines &lines)
{
    const std::size_t n = lines.width;
    std::vector<CsvField> fields(n);
    m_fields = fields;
    auto other = lines.others.begin();
    for (std::size_t r = 0; r < lines.recordLines.size(); ++r) {
        const double *numbers = lines.numbers.data() + r * n;
        const auto *texts = lines.numberText.data() + r * n;
        const std::int64_t line = lines.recordLines[r];
        for (std::size_t j = 0; j < n; ++j) {
            if (other != lines.others.end() && other->first == r * n + j) {
                fields[j] = other->second;
                ++other;
            } else {
                fields[j].kind = CsvFieldKind::Number;
                fields[j].number = numbers[j];
                fields[j].text = lines.base + texts[j].first;
                fields[j].size = texts[j].second;
                fields[j].line = line;
            }
        }
        if (!addRecord())
            return false;
    }
    return true;
}

bool CsvFileReader::setUpColumns(std::vector<std::string> names)
{
    const std::vector<std::string> unique = uniqueNames(names);
    for (const auto &[name, type] : m_options.typeOverrides) {
        if (std::ranges::find(unique, name) == unique.end()) { // few overrides: linear is fine
            Error e {ErrorCode::Usage,
                     "The options set a type for column '" + name
                         + "', but the file has no column of that name.",
                     {},
                     0,
                     0,
                     name};
            return failWith(std::move(e));
        }
    }
    m_columns.resize(names.size());
    for (std::size_t j = 0; j < names.size(); ++j) {
        ColumnBuilder &c = m_columns[j];
        c.name = std::move(names[j]);
        c.uniqueName = unique[j];
        if (const auto it = m_options.typeOverrides.find(c.uniqueName);
            it != m_options.typeOverrides.end()) {
            c.forced = it->second;
            if (it->second == ColumnType::Categorical) {
                c.state = ColumnBuilder::State::Categorical;
                m_allNumeric = false;
            }
        }
    }
    return true;
}

// Vectors are reserved from the bytes read so far per row, extrapolated to the file size,
// rather than left to double: doubling would need up to twice the memory of the values.
void CsvFileReader::reserveRows()
{
    std::size_t target = 0;
    if (m_rows < 1024) {
        // A first guess, kept to about 8 MiB however wide the file is, then doubling until
        // there are enough rows to extrapolate from.
        const std::size_t first = std::clamp<std::size_t>(
            (std::size_t(8) << 20) / (8 * m_columns.size() + 1), 16, 1024);
        target = std::max(first, 2 * m_rows);
    } else {
        const qint64 size = m_source.size();
        const qint64 consumed = m_source.position() - (m_blocks.end() - m_pos);
        if (size > 0 && consumed > 0) {
            const double perRow = double(consumed) / double(m_rows);
            target = static_cast<std::size_t>(double(size) / perRow * 1.02) + 1024;
        }
        target = std::max(target, m_rows + m_rows / 8 + 1024);
    }
    if (m_options.maxRows > 0)
        target = std::min(target, m_options.maxRows);
    target = std::max(target, m_rows + 1);
    for (ColumnBuilder &c : m_columns) {
        if (c.state == ColumnBuilder::State::Numeric)
            c.values.reserve(target);
        else if (c.state == ColumnBuilder::State::Categorical)
            c.codes.reserve(target);
    }
    m_rowLines.reserve(target);
    m_reservedRows = target;
}

bool CsvFileReader::numericMeetsText(ColumnBuilder &c, const CsvField &field, std::size_t index)
{
    if (c.forced == ColumnType::Numeric) {
        return failAt(field.line, index + 1,
                      "Line " + std::to_string(field.line) + ", column " + std::to_string(index + 1)
                          + " ('" + c.uniqueName + "'): " + quoted(field.view())
                          + " is not a number, but the column is set to numeric.");
    }
    c.noteText(field);
    m_allNumeric = false;
    const bool onlyMissing = static_cast<std::int64_t>(c.values.size()) == c.missing;
    std::vector<double>().swap(c.values);
    if (onlyMissing) {
        c.state = ColumnBuilder::State::Categorical;
        c.codes.reserve(m_reservedRows);
        c.codes.assign(m_rows, Column::kMissingCode);
        const std::int32_t code = c.code(field.view());
        c.codes.push_back(code);
        return code >= 0 || tooManyLevels(field, index);
    }
    c.state = ColumnBuilder::State::Deferred;
    if (!m_deferred) {
        m_deferred = true;
        m_progress.secondPassNeeded(fractionRead());
    }
    return true;
}

bool CsvFileReader::addRecord()
{
    const std::size_t n = m_columns.size();
    if (m_fields.size() != n) {
        const std::size_t column = std::min(m_fields.size(), n) + 1;
        const std::int64_t line = m_fields.front().line;
        return failAt(line, column,
                      "Line " + std::to_string(line) + " has "
                          + plural(static_cast<std::int64_t>(m_fields.size()), "field", "fields")
                          + (m_header ? "; the header has " : "; the first line has ")
                          + std::to_string(n) + "." + missingValues()
                          + " Every row needs one field per column: look for a "
                          + (m_fields.size() < n ? "missing " : "stray ")
                          + delimiterName(m_delimiter)
                          + " on that line, and put double quotes around a value that contains "
                          + (m_delimiter == '\t' ? "a tab." : "one."));
    }
    if (m_rows == m_reservedRows)
        reserveRows();

    std::size_t j = 0;
    if (m_allNumeric) {
        // The common case, numbers in numeric columns, without looking at column states.
        const CsvField *fields = m_fields.data();
        while (j < n && fields[j].kind == CsvFieldKind::Number) {
            m_columns[j].values.push_back(fields[j].number);
            ++j;
        }
        if (j == n) {
            m_rowLines.push_back(m_fields.front().line);
            ++m_rows;
            return true;
        }
    }
    for (; j < n; ++j) {
        const CsvField &f = m_fields[j];
        ColumnBuilder &c = m_columns[j];
        switch (c.state) {
        case ColumnBuilder::State::Numeric:
            if (f.kind == CsvFieldKind::Number) [[likely]] {
                c.values.push_back(f.number);
            } else if (f.kind == CsvFieldKind::Missing) {
                c.values.push_back(Column::kMissingValue);
                ++c.missing;
            } else if (!numericMeetsText(c, f, j)) {
                return false;
            }
            break;
        case ColumnBuilder::State::Categorical:
            if (f.kind == CsvFieldKind::Missing) {
                c.codes.push_back(Column::kMissingCode);
                ++c.missing;
            } else {
                if (f.kind == CsvFieldKind::Text)
                    c.noteText(f);
                const std::int32_t code = c.code(f.view());
                if (code < 0)
                    return tooManyLevels(f, j);
                c.codes.push_back(code);
            }
            break;
        case ColumnBuilder::State::Deferred:
            if (f.kind == CsvFieldKind::Missing)
                ++c.missing;
            else if (f.kind == CsvFieldKind::Text)
                c.noteText(f);
            break;
        }
    }
    m_rowLines.push_back(m_fields.front().line);
    ++m_rows;
    return true;
}

// Second pass for columns that turned from numbers to text: codes from the original text.
bool CsvFileReader::rebuildDeferredColumns(const CsvDialect &dialect)
{
    std::vector<std::size_t> deferred;
    for (std::size_t j = 0; j < m_columns.size(); ++j) {
        if (m_columns[j].state == ColumnBuilder::State::Deferred) {
            deferred.push_back(j);
            m_columns[j].codes.reserve(m_rows);
        }
    }
    if (auto r = m_blocks.restart(); !r)
        return failWith(r.error());
    m_pos = m_blocks.begin();

    CsvTokenizer tokenizer(dialect.delimiter, dialect.decimalComma, m_options.missingTokens);
    const std::size_t records = m_rows + (dialect.header ? 1 : 0);
    for (std::size_t record = 0; record < records; ++record) {
        const Status status = nextRecord(tokenizer, true);
        if (status == Status::Failed)
            return false;
        if (status != Status::Record || m_fields.size() != m_columns.size()) {
            return failWith({ErrorCode::Io,
                             "The file changed while it was being read.",
                             {},
                             tokenizer.recordLine(),
                             0,
                             {}});
        }
        if (record == 0 && dialect.header)
            continue;
        for (std::size_t j : deferred) {
            const CsvField &f = m_fields[j];
            ColumnBuilder &c = m_columns[j];
            if (f.kind == CsvFieldKind::Missing) {
                c.codes.push_back(Column::kMissingCode);
                continue;
            }
            const std::int32_t code = c.code(f.view());
            if (code < 0)
                return tooManyLevels(f, j);
            c.codes.push_back(code);
        }
    }
    for (std::size_t j : deferred)
        m_columns[j].state = ColumnBuilder::State::Categorical;
    return true;
}

// Gives back what the row estimate reserved too much. Shrinking copies the column, so a
// slack of a few percent (the estimate's margin) is not worth it.
template<class T> void shrink(std::vector<T> &v)
{
    if (v.capacity() - v.size() > v.size() / 32 + 4096)
        v.shrink_to_fit();
}

Dataset CsvFileReader::takeDataset()
{
    Dataset dataset;
    for (ColumnBuilder &c : m_columns) {
        const std::string reason = c.typeReason(static_cast<std::int64_t>(m_rows));
        Column column = [&] {
            if (c.state == ColumnBuilder::State::Numeric) {
                shrink(c.values);
                return Column::numeric(std::move(c.name), std::move(c.values));
            }
            shrink(c.codes);
            c.levelIndex = {};
            return Column::categorical(std::move(c.name), std::move(c.codes), std::move(c.levels));
        }();
        column.setTypeReason(reason);
        dataset.addColumn(std::move(column));
    }
    m_columns.clear();
    if (m_rowLines.size() == m_rows) {
        shrink(m_rowLines);
        dataset.setSourceLines(std::move(m_rowLines));
    }
    return dataset;
}

Expected<Dataset> CsvFileReader::read(CsvDialect *dialectOut)
{
    if (auto r = readBlock(m_blocks.begin(), false); !r) {
        failWith(r.error());
        return std::unexpected(m_error);
    }
    auto detected = detectCsvDialect(m_blocks.view(), m_blocks.atEof(), m_options);
    if (!detected) {
        failWith(detected.error());
        return std::unexpected(m_error);
    }
    CsvDialect dialect = *detected;
    dialect.hadByteOrderMark = m_source.hadByteOrderMark();
    m_header = dialect.header;
    m_delimiter = dialect.delimiter;

    CsvTokenizer tokenizer(dialect.delimiter, dialect.decimalComma, m_options.missingTokens);
    Status status = nextRecord(tokenizer, false);
    if (status == Status::Failed)
        return std::unexpected(m_error);
    if (status == Status::End) {
        failWith({ErrorCode::Format, "The file is empty.", {}, 0, 0, {}});
        return std::unexpected(m_error);
    }

    std::vector<std::string> names;
    names.reserve(m_fields.size());
    for (std::size_t j = 0; j < m_fields.size(); ++j) {
        std::string name
            = dialect.header ? std::string(tokenizer.trim(m_fields[j].view())) : std::string();
        if (name.empty())
            name = "column" + std::to_string(j + 1);
        names.push_back(std::move(name));
    }
    if (!setUpColumns(std::move(names)))
        return std::unexpected(m_error);
    if (!dialect.header && !addRecord())
        return std::unexpected(m_error);

    const std::size_t maxRows = m_options.maxRows;
    const std::size_t n = m_columns.size();
    std::vector<double> rowValues(n);
    std::size_t fastMisses = 0;
    const bool parallel = maxRows == 0 && m_options.threads != 1 && std::thread::hardware_concurrency() > 1;
    while (maxRows == 0 || m_rows < maxRows) {
        if (parallel) {
            // A partial line left at the block's end is read below, which refills the block.
            if (auto done = readBlockInParallel(tokenizer, dialect)) {
                if (!*done)
                    return std::unexpected(m_error);
                continue;
            }
        }
        // While every column is numeric, try the shortcut for a line of plain numbers; give
        // it up if it keeps missing (a file with many missing values or quoted numbers).
        if (m_allNumeric && fastMisses <= 64 + m_rows / 8) {
            if (tokenizer.nextNumbers(m_pos, m_blocks.end(), rowValues.data(), n)) {
                if (m_rows == m_reservedRows)
                    reserveRows();
                for (std::size_t j = 0; j < n; ++j)
                    m_columns[j].values.push_back(rowValues[j]);
                m_rowLines.push_back(tokenizer.recordLine());
                ++m_rows;
                continue;
            }
            ++fastMisses;
        }
        status = nextRecord(tokenizer, false);
        if (status == Status::End)
            break;
        if (status == Status::Failed || !addRecord())
            return std::unexpected(m_error);
    }
    if (m_rows == 0) {
        failWith({ErrorCode::Format, "The file has a header but no data rows.", {}, 0, 0, {}});
        return std::unexpected(m_error);
    }
    if (m_deferred && !rebuildDeferredColumns(dialect))
        return std::unexpected(m_error);

    m_control.progress(1.0);
    if (dialectOut)
        *dialectOut = dialect;
    return takeDataset();
}

} // namespace

Expected<CsvDialect> sniffCsv(const QString &path, const CsvOptions &options)
{
    auto source = TextSource::open(path);
    if (!source)
        return std::unexpected(source.error());
    BlockBuffer blocks(*source);
    if (auto r = blocks.refill(blocks.begin()); !r)
        return std::unexpected(r.error());
    auto dialect = detectCsvDialect(blocks.view(), blocks.atEof(), options);
    if (!dialect) {
        Error e = dialect.error();
        e.file = path.toStdString();
        return std::unexpected(std::move(e));
    }
    dialect->hadByteOrderMark = source->hadByteOrderMark();
    return dialect;
}

Expected<Dataset> readCsv(const QString &path, const CsvOptions &options,
                          const WorkControl &control, CsvDialect *dialectOut)
{
    auto source = TextSource::open(path);
    if (!source)
        return std::unexpected(source.error());
    // Allocation failures are the one exception left: a file too large for memory.
    try {
        CsvFileReader reader(std::move(*source), options, control);
        return reader.read(dialectOut);
    } catch (const std::bad_alloc &) {
    } catch (const std::length_error &) {
    }
    Error e {ErrorCode::Unsupported,
             "There is not enough memory to load this file.",
             path.toStdString(),
             0,
             0,
             {}};
    return std::unexpected(std::move(e));
}

} // namespace mb
