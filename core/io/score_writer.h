// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/eval/batch_scoring.h"

#include <QString>

#include <string>
#include <vector>

class QIODevice;

namespace mb {

class Dataset;

/// The column names a scored file gets: "predicted" and "p_<class>", each suffixed ("_2",
/// "_3", ...) when the input already has a column of that name.
struct ScoreColumnNames {
    std::string predicted;
    std::vector<std::string> probabilities;
};
ScoreColumnNames scoreColumnNames(const Dataset &input, const std::vector<std::string> &classes);

/// Writes `data`'s columns plus the predicted class (and, with `withProba`, one probability
/// column per class) as CSV to `out`, in blocks of about 1 MiB. Skipped rows keep their input
/// and leave the class and probabilities empty. The CLI's predict and the GUI's batch
/// export both write through here.
Expected<void> writeScoresCsv(QIODevice &out, const Dataset &data, const std::vector<std::string> &classes,
                              const BatchScores &scores, bool withProba);

/// As above, to a file, atomically (QSaveFile): a failure leaves no half-written file.
Expected<void> saveScoresCsv(const QString &path, const Dataset &data, const std::vector<std::string> &classes,
                             const BatchScores &scores, bool withProba);

} // namespace mb
