// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/io/csv_options.h"

#include <string_view>

namespace mb {

/// Works out a CSV dialect (delimiter, header, decimal comma) from the first bytes of a file:
/// at most the first 64 KiB and 100 records of `sample`, more only when those hold fewer than
/// two complete records. Fields set in `options` are taken as given. `atEof` tells whether
/// `sample` is the whole file. Fails on an empty sample, binary data (NUL bytes) and CR-only
/// line ends; the errors carry no file name. Stateless; any thread.
Expected<CsvDialect> detectCsvDialect(std::string_view sample, bool atEof,
                                      const CsvOptions &options);

} // namespace mb
