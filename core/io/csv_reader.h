// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/progress.h"
#include "core/data/dataset.h"
#include "core/io/csv_options.h"

#include <QString>

namespace mb {

/// Detects delimiter, header and decimal separator from the first rows of a CSV file.
/// Fields in `options` that are set are taken as given.
Expected<CsvDialect> sniffCsv(const QString &path, const CsvOptions &options = {});

/// Reads a CSV file (RFC 4180; UTF-8 with or without BOM; CRLF or LF) into a Dataset.
/// `path` may be a Qt resource (":/samples/iris.csv"). Streams the file in blocks; reports
/// progress by bytes read; on cancel returns ErrorCode::Cancelled. Errors name file, line
/// and column; nothing half-loaded is ever returned. If `dialectOut` is given it receives
/// the dialect used.
Expected<Dataset> readCsv(const QString &path, const CsvOptions &options = {},
                          const WorkControl &control = {}, CsvDialect *dialectOut = nullptr);

} // namespace mb
