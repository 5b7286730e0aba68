// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/progress.h"
#include "core/data/dataset.h"

#include <QString>

namespace mb {

/// Reads a Weka ARFF file (UTF-8, with or without BOM; LF, CRLF or CR) into a Dataset.
///
/// Header: `@relation` (optional, name unused), `@attribute`, `@data`; keywords and type names
/// in any case; no `@end`. Names and nominal values may be quoted with ' or " and use Java
/// escapes (\' \" \\ \t \n \r \uXXXX). As in Weka, '%' outside quotes starts a comment that
/// runs to the end of the line (whole lines or trailing); blank lines may appear anywhere.
/// Types: numeric/integer/real -> numeric; `{a, b, 'c d'}` -> categorical with the levels in
/// declared order, unused ones kept; `string` -> categorical with levels in order of
/// appearance; `relational` -> ErrorCode::Unsupported naming the line.
///
/// Dates: `date [pattern]` (Java SimpleDateFormat, default yyyy-MM-dd'T'HH:mm:ss) become
/// numeric columns of milliseconds since 1970-01-01T00:00:00Z. Values without a zone field
/// are read as UTC (Weka uses the JVM's local zone; we do not, so the numbers do not depend on
/// the machine). Supported letters: y, M, d, H, h + a, m, s, SSS, E, Z/X; see ArffDateFormat.
/// A value that does not match is an error naming line and value; a pattern letter we cannot
/// read is ErrorCode::Unsupported.
///
/// Data: dense rows "v1, v2, ..." need exactly one value per attribute; a bare `?` is missing
/// (a quoted '?' is text); an empty value is an error. Sparse rows "{index value, ...}" use
/// 0-based, strictly increasing indices. Omitted sparse values follow Weka (the value with
/// internal index 0): 0 for numeric and date attributes, the FIRST declared level for nominal
/// ones (missing if the list is empty). For string attributes Weka's index 0 is whichever
/// string it stored first, which carries no meaning here, so an omitted string is missing.
///
/// Weights: a trailing "{w}" (after a comma or a space) on a dense or sparse row is the
/// instance weight, a finite number >= 0. If any row has one, Dataset::weights() holds one
/// weight per row, 1.0 for the rows without; if none has, weights() stays empty.
///
/// Errors are ErrorCode::Format unless said otherwise, with Error::file = `path`, Error::line
/// (1-based) and Error::column: the 1-based position of the value within a data row (of the
/// entry within a sparse row), or the 1-based character column in header lines and for
/// encoding problems; 0 where neither applies. Error::field names the attribute concerned.
/// Nothing half-loaded is ever returned. Numbers are read with std::from_chars, whatever the
/// C locale; "NaN" is read as missing, infinities are refused.
///
/// Streams the file in 1 MiB blocks, reports progress by bytes read and checks `control` for a
/// stop request before each block (ErrorCode::Cancelled, "Loading was cancelled.").
/// `path` may be a Qt resource. `maxRows` > 0 stops after that many data rows (previews).
/// Thread-safe: keeps no state between calls.
Expected<Dataset> readArff(const QString &path, const WorkControl &control = {},
                           std::size_t maxRows = 0);

} // namespace mb
