// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/io/csv_options.h"

class QCommandLineParser;

namespace mb::cli {

/// The options every verb that reads a data file accepts (--delimiter, --decimal-comma,
/// --header, --missing, --type), added to a parser and turned into CsvOptions.
void addDataOptions(QCommandLineParser &parser);
Expected<CsvOptions> csvOptionsFrom(const QCommandLineParser &parser);

} // namespace mb::cli
