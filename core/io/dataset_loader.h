// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/progress.h"
#include "core/data/dataset.h"
#include "core/io/csv_options.h"

#include <QString>

namespace mb {

enum class DataFormat : std::uint8_t { Csv, Arff };

/// Guesses the format from the file name (".arff" is ARFF, anything else CSV).
DataFormat formatForPath(const QString &path);

/// Loads a CSV or ARFF file (or a Qt resource such as a built-in sample), naming the
/// Dataset after the file. CSV options apply to CSV files only.
Expected<Dataset> loadDataset(const QString &path, const CsvOptions &csv = {},
                              const WorkControl &control = {});

} // namespace mb
