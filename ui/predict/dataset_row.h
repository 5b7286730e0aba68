// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/dataset.h"
#include "core/ml/input_schema.h"

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace mb {

/// One row of a Dataset as the form's values: encoded like Model::encode does (columns matched
/// by name, levels by their text, NaN for missing) but without imputing, so a missing cell shows
/// as missing. Whatever could not be carried over is said in `notes`, for people.
struct DatasetRow
{
    Q_DECLARE_TR_FUNCTIONS(mb::DatasetRow)

public:
    std::vector<double> values; ///< one per schema feature
    QStringList notes; ///< "“outlook” is “foggy”, a value not seen in training: it is missing."
    int unseenCategories = 0;

    /// Reads row `row` (0-based) of `data` for `schema`.
    static DatasetRow read(const InputSchema &schema, const Dataset &data, std::size_t row);
};

} // namespace mb
