// SPDX-License-Identifier: MIT
#include "core/io/csv_sniffer.h"

#include "core/io/csv_tokenizer.h"
#include "core/io/number_parser.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

namespace mb {

namespace {

constexpr std::size_t kSampleBytes = 64 * 1024;
constexpr std::size_t kSampleRecords = 100;
/// In order of preference when two candidates split the sample equally well.
constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};

struct SampleField
{
    CsvFieldKind kind;
    std::string text;
};
using SampleRow = std::vector<SampleField>;

std::vector<SampleRow> sampleRows(std::string_view sample, bool atEof, char delimiter,
                                  bool decimalComma, const std::vector<std::string> &missing)
{
    CsvTokenizer tokenizer(delimiter, decimalComma, missing);
    std::vector<SampleRow> rows;
    const char *p = sample.data();
    const char *const end = p + sample.size();
    // A record cut off by the end of the sample, or a malformed one, ends the sample.
    while (rows.size() < kSampleRecords
           && tokenizer.next(p, end, atEof) == CsvTokenizer::Status::Record) {
        SampleRow row;
        row.reserve(tokenizer.fields().size());
        for (const CsvField &f : tokenizer.fields())
            row.push_back({f.kind, std::string(f.view())});
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string_view trimSpaces(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool isCommaNumber(const SampleField &field)
{
    double unused = 0.0;
    return field.kind == CsvFieldKind::Text && field.text.find(',') != std::string::npos
        && parseNumber(trimSpaces(field.text), true, unused);
}

struct DelimiterScore
{
    std::size_t consistentRows = 0; ///< rows with the most common field count (> 1)
    std::size_t numericFields = 0; ///< numbers (with '.' or ',') among those rows' fields
    std::size_t fields = 0;

    bool betterThan(const DelimiterScore &o) const
    {
        if (consistentRows != o.consistentRows)
            return consistentRows > o.consistentRows;
        // Equal splits ("1,5;2,5" splits into 3 on ',' and 2 on ';' on every line): prefer
        // the one whose fields read as numbers more often.
        return numericFields * o.fields > o.numericFields * fields;
    }
};

DelimiterScore scoreDelimiter(const std::vector<SampleRow> &rows)
{
    std::map<std::size_t, std::size_t> rowsPerCount;
    for (const SampleRow &row : rows) {
        if (row.size() > 1)
            ++rowsPerCount[row.size()];
    }
    DelimiterScore score;
    std::size_t count = 0;
    for (const auto &[fieldCount, n] : rowsPerCount) {
        if (n >= score.consistentRows) {
            score.consistentRows = n;
            count = fieldCount;
        }
    }
    for (const SampleRow &row : rows) {
        if (row.size() != count)
            continue;
        for (const SampleField &f : row) {
            ++score.fields;
            if (f.kind == CsvFieldKind::Number || isCommaNumber(f))
                ++score.numericFields;
        }
    }
    return score;
}

char detectDelimiter(std::string_view sample, bool atEof, const CsvOptions &options)
{
    char best = kCandidates.front();
    DelimiterScore bestScore;
    for (char candidate : kCandidates) {
        const DelimiterScore score
            = scoreDelimiter(sampleRows(sample, atEof, candidate, false, options.missingTokens));
        if (score.betterThan(bestScore)) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}

bool detectDecimalComma(const std::vector<SampleRow> &rows)
{
    std::size_t commas = 0;
    std::size_t points = 0;
    for (const SampleRow &row : rows) {
        for (const SampleField &f : row) {
            if (f.kind == CsvFieldKind::Number && f.text.find('.') != std::string::npos)
                ++points;
            else if (isCommaNumber(f))
                ++commas;
        }
    }
    return commas > 0 && points == 0;
}

// A header when the first row has text where the rows below have numbers, and no number
// there; with no numeric column to compare against, a header unless the first row holds
// numbers (a file of text columns is assumed to have one).
bool detectHeader(const std::vector<SampleRow> &rows)
{
    if (rows.empty())
        return true;
    const SampleRow &first = rows.front();
    bool numericColumn = false;
    bool textOverNumbers = false;
    bool numberOverNumbers = false;
    for (std::size_t j = 0; j < first.size(); ++j) {
        bool numbers = false;
        bool text = false;
        for (std::size_t i = 1; i < rows.size(); ++i) {
            if (rows[i].size() != first.size())
                continue;
            numbers |= rows[i][j].kind == CsvFieldKind::Number;
            text |= rows[i][j].kind == CsvFieldKind::Text;
        }
        if (!numbers || text)
            continue;
        numericColumn = true;
        textOverNumbers |= first[j].kind == CsvFieldKind::Text;
        numberOverNumbers |= first[j].kind == CsvFieldKind::Number;
    }
    if (numericColumn)
        return textOverNumbers && !numberOverNumbers;
    return std::ranges::none_of(
        first, [](const SampleField &f) { return f.kind == CsvFieldKind::Number; });
}

Error formatError(std::string message)
{
    return Error {ErrorCode::Format, std::move(message), {}, 0, 0, {}};
}

} // namespace

Expected<CsvDialect> detectCsvDialect(std::string_view sample, bool atEof,
                                      const CsvOptions &options)
{
    if (options.delimiter) {
        const char d = *options.delimiter;
        if (d == '"' || d == '\n' || d == '\r' || d == '\0')
            return fail(ErrorCode::Usage, "The delimiter cannot be a quote or a line break.");
    }
    if (atEof && std::ranges::all_of(sample, [](char c) { return c == '\n' || c == '\r'; }))
        return std::unexpected(formatError("The file is empty."));
    if (std::memchr(sample.data(), '\0', sample.size()) != nullptr) {
        return std::unexpected(formatError(
            "This does not look like a text file (it contains NUL bytes). Open a CSV file "
            "saved as text, not a spreadsheet, archive or other binary file."));
    }

    // Classic Mac OS line ends would make the whole file one record; say so instead.
    if (const auto cr = sample.find('\r'); cr != std::string_view::npos && cr + 1 < sample.size()
        && sample.find('\n') == std::string_view::npos) {
        return std::unexpected(formatError(
            "The lines end in a carriage return only (classic Mac OS). Save the file with "
            "Windows (CRLF) or Unix (LF) line ends and open it again."));
    }

    // The first 64 KiB, unless that does not hold two whole records.
    std::string_view window = sample.substr(0, kSampleBytes);
    bool windowAtEof = atEof && window.size() == sample.size();
    if (window.size() < sample.size()
        && sampleRows(window, windowAtEof, ',', false, options.missingTokens).size() < 2) {
        window = sample;
        windowAtEof = atEof;
    }

    CsvDialect dialect;
    dialect.delimiter
        = options.delimiter ? *options.delimiter : detectDelimiter(window, windowAtEof, options);

    switch (options.decimal) {
    case CsvOptions::Decimal::Point:
        dialect.decimalComma = false;
        break;
    case CsvOptions::Decimal::Comma:
        dialect.decimalComma = true;
        break;
    case CsvOptions::Decimal::Detect:
        dialect.decimalComma = dialect.delimiter != ','
            && detectDecimalComma(sampleRows(window, windowAtEof, dialect.delimiter, false,
                                             options.missingTokens));
        break;
    }

    switch (options.header) {
    case CsvOptions::Header::Present:
        dialect.header = true;
        break;
    case CsvOptions::Header::Absent:
        dialect.header = false;
        break;
    case CsvOptions::Header::Detect:
        dialect.header = detectHeader(sampleRows(window, windowAtEof, dialect.delimiter,
                                                 dialect.decimalComma, options.missingTokens));
        break;
    }
    return dialect;
}

} // namespace mb
