// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/eval/batch_scoring.h"
#include "core/eval/explanation.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace mb {

class Dataset;
class Model;

/// The explanation of one row of a data file.
struct ExplainedRow
{
    std::size_t row = 0; ///< 0-based data row
    std::optional<Explanation> explanation; ///< nullopt: the learner has none
};

/// Explains the first `limit` rows of `data` (0: every row) with `model`, reading the model's
/// inputs from the columns scoreRows() reads (matched by name unless `choices` names one), so
/// that they explain the very numbers scoreRows() gives. An empty cell and a category the model
/// never saw are given to the explanation as missing, so it shows what was imputed for them.
/// Fails as scoreRows() does when an input has no usable column.
Expected<std::vector<ExplainedRow>> explainDataRows(const Model &model, const Dataset &data,
                                                    const ColumnChoices &choices,
                                                    std::size_t limit);

} // namespace mb
