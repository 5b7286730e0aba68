// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/column.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mb {

/// How to read a CSV file. Unset fields are detected from the file's first rows.
struct CsvOptions {
    enum class Header : std::uint8_t { Detect, Present, Absent };
    enum class Decimal : std::uint8_t { Detect, Point, Comma };

    std::optional<char> delimiter;  ///< one of , ; \t | ; nullopt = detect
    Header header = Header::Detect;
    Decimal decimal = Decimal::Detect;
    /// Fields equal to one of these (after trimming spaces) are missing values.
    std::vector<std::string> missingTokens = {"", "NA", "N/A", "?", "null", "NaN"};
    /// Forced column types by column name (after duplicate renaming); others are inferred.
    std::map<std::string, ColumnType> typeOverrides;
    /// Stop after this many data rows (0 = all); used for previews.
    std::size_t maxRows = 0;
    /// 1 reads on the calling thread only; otherwise a helper thread tokenizes half of each
    /// block when the machine has a second core. The result is the same either way.
    int threads = 0;
};

/// What the reader detected (or was told) about a CSV file's dialect.
struct CsvDialect {
    char delimiter = ',';
    bool header = true;
    bool decimalComma = false;
    bool hadByteOrderMark = false;
};

} // namespace mb
