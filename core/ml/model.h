// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/data/dataset.h"
#include "core/ml/classifier.h"
#include "core/ml/input_schema.h"
#include "core/ml/param_spec.h"

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace mb {

/// How a model was trained, kept with it so that anyone can tell where it came from.
struct TrainingRecipe {
    std::string algo;
    ParamValues params;  ///< every parameter, defaults included
    std::uint64_t seed = 0;
    int threads = 0;
    std::string validation;  ///< "holdout 0.25", "cv 10", "test FILE", "none"
    std::string datasetName;
    std::uint64_t fingerprint = 0;  ///< of the training rows' values (FNV-1a 64)
    std::size_t rows = 0;
};

/// What encoding a Dataset for a model found, for reports and batch pre-flight checks.
struct EncodeReport {
    std::size_t unseenCategories = 0;  ///< values not among the training levels (made missing)
    std::size_t missingValues = 0;     ///< missing cells (after unseen ones were made missing)
    /// Per encoded row, 1 when one of its values was an unseen category; empty when none was.
    std::vector<std::uint8_t> rowHasUnseen;
};

/// A fitted classifier plus the preprocessing it owns: the input schema (names, types,
/// levels, ranges, medians), imputation of missing values (median / most frequent level, for
/// learners that need it), and the policy for unseen categories (treated as missing). Raw
/// Dataset rows in, class probabilities out: callers never preprocess. Immutable after
/// training; predict functions are thread-safe.
class Model
{
public:
    /// Trains `algo` with `params` on `rows` of `data` (empty = every row). The target is
    /// data's Target column (the last column when none is marked). Classes are the target
    /// values seen in all of `data`, so folds of one dataset share one class list; rows with a
    /// missing target are skipped. A numeric target with at most 100 distinct values is
    /// treated as class labels.
    static Expected<Model> train(const Dataset &data, std::span<const std::size_t> rows,
                                 std::string_view algo, const ParamValues &params,
                                 const FitControl &control);

    /// Reassembles a model (used by the model file reader).
    Model(InputSchema schema, TrainingRecipe recipe, std::unique_ptr<Classifier> classifier);
    Model(Model &&) noexcept;
    Model &operator=(Model &&) noexcept;
    ~Model();

    const InputSchema &schema() const { return m_schema; }
    const TrainingRecipe &recipe() const { return m_recipe; }
    TrainingRecipe &recipe() { return m_recipe; }
    const Classifier &classifier() const { return *m_classifier; }
    std::string_view algo() const { return m_classifier->kind(); }
    int classCount() const { return static_cast<int>(m_schema.classes.size()); }

    /// Maps `data`'s columns onto the schema by name (order may differ; extra columns are
    /// ignored), levels by their text; imputes as the learner needs. A missing feature column
    /// or a numeric/categorical mismatch is an error naming the column.
    Expected<FeatureMatrix> encode(const Dataset &data, std::span<const std::size_t> rows = {},
                                   EncodeReport *report = nullptr) const;
    /// As encode(), with the data column of each schema feature given (columnOf[j] for
    /// feature j; nullopt is an error naming the feature), for files whose names differ.
    Expected<FeatureMatrix> encode(const Dataset &data,
                                   std::span<const std::optional<std::size_t>> columnOf,
                                   std::span<const std::size_t> rows = {},
                                   EncodeReport *report = nullptr) const;

    /// The class code of every listed row's target value (-1: missing or not a known class).
    /// An error when `data` has no column named like the training target.
    Expected<std::vector<std::int32_t>> encodeTarget(const Dataset &data,
                                                     std::span<const std::size_t> rows = {}) const;

    /// Replaces missing values of one encoded row as training did (no-op for learners that
    /// take missing values as they are).
    void impute(std::span<double> row) const;

    /// Headline metrics measured when the model was made ("accuracy", "macro_f1", ...), kept
    /// in its file and catalog entry; empty when never measured.
    const std::map<std::string, double> &metrics() const { return m_metrics; }
    void setMetrics(std::map<std::string, double> metrics) { m_metrics = std::move(metrics); }

    /// A few encoded training rows (row-major, one value per feature, NaN = missing) that the
    /// model file stores with their probabilities, so that opening it can check the model
    /// still predicts what it did when saved.
    const std::vector<double> &probeRows() const { return m_probeRows; }
    void setProbeRows(std::vector<double> rows) { m_probeRows = std::move(rows); }

    /// Probabilities for every row of an encoded matrix, row-major (rows x classCount()).
    void predictProba(const FeatureMatrix &encoded, std::span<double> out) const;
    /// Probabilities for one encoded row: NaN marks missing; categorical values are codes.
    void predictRow(std::span<const double> row, std::span<double> proba) const;

private:
    InputSchema m_schema;
    TrainingRecipe m_recipe;
    std::unique_ptr<Classifier> m_classifier;
    std::map<std::string, double> m_metrics;
    std::vector<double> m_probeRows;
    bool m_imputes = true;
};

/// The target column of `data`: the Target-role column, else the last column.
std::optional<std::size_t> resolveTarget(const Dataset &data);

/// The text of a target value ("setosa", or "3" for a numeric label); empty when missing.
std::string targetText(const Column &column, std::size_t row);

} // namespace mb
