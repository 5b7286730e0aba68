// SPDX-License-Identifier: MIT
#include "core/eval/evaluation.h"

#include "core/eval/splits.h"
#include "core/io/number_parser.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <map>

namespace mb {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Evaluates with a model's fitted classifier without owning it. evaluateModel() must hand
/// back an EvaluationResult, which holds a Model, and a fitted Model cannot be copied.
class BorrowedClassifier final : public Classifier
{
public:
    explicit BorrowedClassifier(const Classifier &inner)
        : m_inner(inner)
    {
    }

    std::string_view kind() const override { return m_inner.kind(); }
    Expected<void> fit(const TrainingSet &, const FitControl &) override
    {
        return fail(ErrorCode::Internal, "An evaluation's borrowed model cannot be trained.");
    }
    int classCount() const override { return m_inner.classCount(); }
    void predictProba(const FeatureMatrix &x, std::span<double> out) const override
    {
        m_inner.predictProba(x, out);
    }
    void predictRow(std::span<const double> row, std::span<double> proba) const override
    {
        m_inner.predictRow(row, proba);
    }
    std::vector<double> featureImportances() const override { return m_inner.featureImportances(); }

private:
    const Classifier &m_inner;
};

/// Stratification labels of the target column: dense codes, -1 where the target is missing.
/// The model decides the class list later; the splits only need rows grouped by value.
std::vector<std::int32_t> strataOf(const Dataset &data)
{
    const auto index = resolveTarget(data);
    if (!index)
        return {};
    const Column &target = data.column(*index);
    if (!target.isNumeric())
        return {target.codes().begin(), target.codes().end()};
    std::map<double, std::int32_t> codes;
    for (double v : target.values()) {
        if (!std::isnan(v))
            codes.emplace(v, 0);
    }
    std::int32_t next = 0;
    for (auto &entry : codes)
        entry.second = next++;
    std::vector<std::int32_t> strata(target.size(), -1);
    for (std::size_t i = 0; i < strata.size(); ++i) {
        const double v = target.values()[i];
        if (!std::isnan(v))
            strata[i] = codes[v];
    }
    return strata;
}

/// A FitControl whose progress maps a fit's 0..1 onto [from, to] of the whole run.
FitControl shareOf(const FitControl &control, double from, double to)
{
    FitControl part;
    part.seed = control.seed;
    part.threads = control.threads;
    part.stop = control.stop;
    if (control.report) {
        part.report = [&control, from, to](double f) {
            control.progress(from + (to - from) * std::clamp(f, 0.0, 1.0));
        };
    }
    return part;
}

struct Measured
{
    Metrics metrics;
    std::vector<std::int32_t> truth;
    std::vector<double> proba;
    std::vector<std::size_t> rows; ///< the evaluated rows of the data
    double predictSeconds = 0;
    std::size_t skipped = 0;
};

/// Predicts the rows of `data` listed in `rows` (empty: every row) whose target is a class
/// the model knows, and measures them.
Expected<Measured> measure(const Model &model, const Dataset &data,
                           std::span<const std::size_t> rows)
{
    auto codes = model.encodeTarget(data, rows);
    if (!codes)
        return std::unexpected(codes.error());
    const Column &target = data.column(*data.columnIndex(model.schema().targetName));
    Measured out;
    for (std::size_t i = 0; i < codes->size(); ++i) {
        const std::size_t row = rows.empty() ? i : rows[i];
        if ((*codes)[i] >= 0) {
            out.rows.push_back(row);
            out.truth.push_back((*codes)[i]);
        } else if (!target.isMissing(row)) {
            ++out.skipped; // a class unknown to the model: nothing to compare against
        }
    }
    const int classes = model.classCount();
    out.proba.assign(out.rows.size() * static_cast<std::size_t>(classes), 0.0);
    // encode() reads an empty row list as "every row", so nothing to evaluate stops here.
    if (!out.rows.empty()) {
        auto x = model.encode(data, out.rows);
        if (!x)
            return std::unexpected(x.error());
        const auto start = Clock::now();
        model.predictProba(*x, out.proba);
        out.predictSeconds = secondsSince(start);
    }
    out.metrics = computeMetrics(out.truth, out.proba, classes);
    return out;
}

struct Fitted
{
    Model model;
    double seconds = 0;
};

Expected<Fitted> fitTimed(const Dataset &data, std::span<const std::size_t> rows,
                          std::string_view algo, const ParamValues &params,
                          const FitControl &control)
{
    const auto start = Clock::now();
    auto model = Model::train(data, rows, algo, params, control);
    if (!model)
        return std::unexpected(model.error());
    return Fitted {std::move(*model), secondsSince(start)};
}

std::unexpected<Error> cancelled()
{
    return fail(ErrorCode::Cancelled, "Training was cancelled.");
}

EvaluationResult resultOf(Fitted fitted, Measured measured)
{
    EvaluationResult result {std::move(fitted.model),
                             std::move(measured.metrics),
                             {},
                             std::move(measured.truth),
                             std::move(measured.proba),
                             fitted.seconds,
                             measured.predictSeconds,
                             measured.skipped};
    return result;
}

/// Holdout and test set: fit once, measure once. `testData` rows `testRows` (empty: all).
Expected<EvaluationResult>
fitThenMeasure(const Dataset &data, std::span<const std::size_t> trainRows, const Dataset &testData,
               std::span<const std::size_t> testRows, std::string_view algo,
               const ParamValues &params, const FitControl &control)
{
    // Predicting is a small part of the run next to fitting.
    auto fitted = fitTimed(data, trainRows, algo, params, shareOf(control, 0.0, 0.95));
    if (!fitted)
        return std::unexpected(fitted.error());
    if (control.stopRequested())
        return cancelled();
    auto measured = measure(fitted->model, testData, testRows);
    if (!measured)
        return std::unexpected(measured.error());
    control.progress(1.0);
    return resultOf(std::move(*fitted), std::move(*measured));
}

Expected<EvaluationResult> holdout(const Dataset &data, std::string_view algo,
                                   const ParamValues &params, const ValidationScheme &scheme,
                                   const FitControl &control)
{
    if (!(scheme.holdoutFraction > 0 && scheme.holdoutFraction < 1)) {
        return fail(ErrorCode::Usage,
                    "The holdout fraction must lie between 0 and 1 (exclusive), not "
                        + shortestNumberText(scheme.holdoutFraction) + ".");
    }
    const Split split = stratifiedHoldout(strataOf(data), scheme.holdoutFraction, control.seed);
    if (split.train.empty())
        return fail(ErrorCode::Data, "There are no rows with a target value to train on.");
    if (split.test.empty()) {
        return fail(ErrorCode::Data,
                    "Too few rows with a target value for a holdout: every class "
                    "has a single row. Train without validation, or on more data.");
    }
    return fitThenMeasure(data, split.train, data, split.test, algo, params, control);
}

Expected<EvaluationResult> crossValidate(const Dataset &data, std::string_view algo,
                                         const ParamValues &params, const ValidationScheme &scheme,
                                         const FitControl &control)
{
    if (scheme.folds < 2)
        return fail(ErrorCode::Usage, "Cross-validation needs at least 2 folds.");
    const std::vector<std::int32_t> strata = strataOf(data);
    const auto labelled = static_cast<std::size_t>(
        std::ranges::count_if(strata, [](std::int32_t s) { return s >= 0; }));
    const auto k = static_cast<std::size_t>(scheme.folds);
    if (labelled < k) {
        return fail(ErrorCode::Usage,
                    std::to_string(k) + "-fold cross-validation needs at least " + std::to_string(k)
                        + " rows with a target value; the data has " + std::to_string(labelled)
                        + ".");
    }
    const std::vector<Split> splits = stratifiedKFold(strata, scheme.folds, control.seed);
    const double share = 1.0 / static_cast<double>(k + 1);

    std::vector<Metrics> foldMetrics;
    std::vector<std::int32_t> rowTruth(data.rowCount(), -1);
    std::vector<double> rowProba;
    std::size_t classes = 0, skipped = 0;
    double fitSum = 0, predictSum = 0;
    for (std::size_t f = 0; f < k; ++f) {
        if (control.stopRequested())
            return cancelled();
        const double from = share * static_cast<double>(f);
        auto fitted
            = fitTimed(data, splits[f].train, algo, params, shareOf(control, from, from + share));
        if (!fitted)
            return std::unexpected(fitted.error());
        auto measured = measure(fitted->model, data, splits[f].test);
        if (!measured)
            return std::unexpected(measured.error());
        // Every fold's model has the class list of the whole data (see Model::train).
        classes = static_cast<std::size_t>(fitted->model.classCount());
        rowProba.resize(data.rowCount() * classes);
        for (std::size_t i = 0; i < measured->rows.size(); ++i) {
            const std::size_t row = measured->rows[i];
            rowTruth[row] = measured->truth[i];
            std::copy_n(measured->proba.begin() + static_cast<std::ptrdiff_t>(i * classes), classes,
                        rowProba.begin() + static_cast<std::ptrdiff_t>(row * classes));
        }
        fitSum += fitted->seconds;
        predictSum += measured->predictSeconds;
        skipped += measured->skipped;
        foldMetrics.push_back(std::move(measured->metrics));
        control.progress(from + share);
    }
    if (control.stopRequested())
        return cancelled();
    auto refit = Model::train(data, {}, algo, params,
                              shareOf(control, share * static_cast<double>(k), 1.0));
    if (!refit)
        return std::unexpected(refit.error());

    EvaluationResult result {std::move(*refit),
                             averageMetrics(foldMetrics),
                             std::move(foldMetrics),
                             {},
                             {},
                             fitSum / static_cast<double>(k),
                             predictSum / static_cast<double>(k),
                             skipped};
    for (std::size_t row = 0; row < rowTruth.size(); ++row) {
        if (rowTruth[row] < 0)
            continue;
        result.truth.push_back(rowTruth[row]);
        result.proba.insert(result.proba.end(),
                            rowProba.begin() + static_cast<std::ptrdiff_t>(row * classes),
                            rowProba.begin() + static_cast<std::ptrdiff_t>((row + 1) * classes));
    }
    control.progress(1.0);
    return result;
}

Expected<EvaluationResult> trainOnly(const Dataset &data, std::string_view algo,
                                     const ParamValues &params, const FitControl &control)
{
    auto fitted = fitTimed(data, {}, algo, params, control);
    if (!fitted)
        return std::unexpected(fitted.error());
    const int classes = fitted->model.classCount();
    Measured nothing;
    nothing.metrics = computeMetrics({}, {}, classes);
    control.progress(1.0);
    return resultOf(std::move(*fitted), std::move(nothing));
}

} // namespace

std::string ValidationScheme::describe() const
{
    switch (kind) {
    case Kind::Holdout:
        return "holdout " + shortestNumberText(holdoutFraction);
    case Kind::CrossValidation:
        return "cv " + std::to_string(folds);
    case Kind::TestSet:
        return "test " + testName;
    case Kind::None:
        break;
    }
    return "none";
}

Expected<EvaluationResult> trainAndEvaluate(const Dataset &data, std::string_view algo,
                                            const ParamValues &params,
                                            const ValidationScheme &scheme,
                                            const FitControl &control)
{
    if (control.stopRequested())
        return cancelled();
    Expected<EvaluationResult> result = fail(ErrorCode::Internal, "unknown validation scheme");
    switch (scheme.kind) {
    case ValidationScheme::Kind::Holdout:
        result = holdout(data, algo, params, scheme, control);
        break;
    case ValidationScheme::Kind::CrossValidation:
        result = crossValidate(data, algo, params, scheme, control);
        break;
    case ValidationScheme::Kind::TestSet:
        if (!scheme.testSet)
            return fail(ErrorCode::Usage, "Validation on a test file needs the test file's data.");
        result = fitThenMeasure(data, {}, *scheme.testSet, {}, algo, params, control);
        break;
    case ValidationScheme::Kind::None:
        result = trainOnly(data, algo, params, control);
        break;
    }
    if (result)
        result->model.recipe().validation = scheme.describe();
    return result;
}

Expected<EvaluationResult> evaluateModel(const Model &model, const Dataset &data)
{
    auto measured = measure(model, data, {});
    if (!measured)
        return std::unexpected(measured.error());
    Model shared(model.schema(), model.recipe(),
                 std::make_unique<BorrowedClassifier>(model.classifier()));
    return resultOf(Fitted {std::move(shared), 0.0}, std::move(*measured));
}

} // namespace mb
