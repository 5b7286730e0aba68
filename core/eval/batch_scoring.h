// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/progress.h"
#include "core/eval/metrics.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mb {

class Dataset;
class Model;

/// How one model input is found in a file to score, and what its values hold.
struct FeatureCheck {
    std::string feature;
    bool categorical = false;
    std::optional<std::size_t> column;  ///< the data column used; nullopt: none found
    bool byHand = false;                ///< chosen by the user, not matched by name
    bool moved = false;                 ///< matched by name, at another place than in training
    bool typeMismatch = false;          ///< a numeric input on a text column: cannot be scored
    std::size_t missing = 0;            ///< empty cells
    std::size_t unseen = 0;             ///< categories the model never saw
    std::vector<std::string> unseenExamples;  ///< the first few distinct ones
    std::size_t belowRange = 0;         ///< numbers under the training minimum
    std::size_t aboveRange = 0;         ///< numbers over the training maximum
};

/// What a file to score looks like next to a model's input schema, before any scoring: the
/// batch pre-flight report. Scoring is possible when every input has a usable column.
struct ScoringPreflight {
    std::vector<FeatureCheck> features;          ///< one per model input, in schema order
    std::vector<std::string> extraColumns;       ///< columns the model does not use
    std::optional<std::size_t> targetColumn;     ///< a column named like the model's target
    std::size_t rows = 0;

    bool canScore() const;
    /// One sentence per blocking problem ("Input 'age' has no column."), empty when none.
    std::vector<std::string> blockers() const;
};

/// Columns chosen by hand: model input name -> data column index.
using ColumnChoices = std::map<std::string, std::size_t>;

/// Compares `data` with `model`'s inputs: columns matched by name unless `choices` names
/// one; counts missing cells, unseen categories and numbers outside the training range.
ScoringPreflight checkForScoring(const Model &model, const Dataset &data,
                                 const ColumnChoices &choices = {});

/// What happens to a row holding a category the model never saw.
enum class UnseenPolicy {
    AsMissing,  ///< scored, the value treated as missing (as in training's imputation)
    SkipRow,    ///< not scored; listed as a skipped row
};

struct ScoringOptions {
    ColumnChoices choices;
    UnseenPolicy unseen = UnseenPolicy::AsMissing;
    std::size_t blockRows = 65536;  ///< rows per step (progress and cancel between steps)
};

/// A row that was not scored, and why.
struct SkippedRow {
    std::size_t row = 0;  ///< 0-based data row
    std::optional<std::int64_t> line;  ///< the file line it started on, when the reader knew
    std::string reason;
};

/// The scores of every row of a file: the same numbers `modelbench-cli predict` writes.
struct BatchScores {
    int classCount = 0;
    std::vector<double> proba;             ///< rows x classCount, row-major; NaN for skipped rows
    std::vector<std::int32_t> predicted;   ///< class index, -1 for skipped rows
    std::vector<SkippedRow> skipped;       ///< ascending by row
    std::size_t unseenCategories = 0;
    std::size_t missingValues = 0;
};

/// Scores every row of `data` with `model` in blocks, reporting progress; stops with
/// ErrorCode::Cancelled when asked. Fails, naming the input, when checkForScoring says it
/// cannot score.
Expected<BatchScores> scoreRows(const Model &model, const Dataset &data, const ScoringOptions &options = {},
                                const WorkControl &control = {});

/// The metrics of the scored rows against `data`'s own class column (named like the model's
/// target); nullopt when the data has none or no scored row has a known class.
std::optional<Metrics> metricsOfScores(const Model &model, const Dataset &data, const BatchScores &scores);

} // namespace mb
