// SPDX-License-Identifier: MIT
#include "core/eval/batch_scoring.h"

#include "core/data/dataset.h"
#include "core/eval/metrics.h"
#include "core/io/number_parser.h"
#include "core/ml/model.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

namespace mb {

namespace {

constexpr std::size_t kUnseenExamples = 5;

void countNumeric(const FeatureSchema &feature, const Column &column, FeatureCheck &check)
{
    for (double v : column.values()) {
        if (std::isnan(v))
            ++check.missing;
        else if (v < feature.min)
            ++check.belowRange;
        else if (v > feature.max)
            ++check.aboveRange;
    }
}

void countCategorical(const FeatureSchema &feature, const Column &column, FeatureCheck &check)
{
    const std::unordered_set<std::string_view> known(feature.levels.begin(), feature.levels.end());
    auto noteUnseen = [&check](const std::string &text) {
        if (check.unseenExamples.size() < kUnseenExamples
            && std::find(check.unseenExamples.begin(), check.unseenExamples.end(), text) == check.unseenExamples.end())
            check.unseenExamples.push_back(text);
    };
    if (!column.isNumeric()) {
        // Per level first, then one pass over the codes.
        std::vector<std::uint8_t> levelKnown(column.levels().size());
        for (std::size_t l = 0; l < levelKnown.size(); ++l)
            levelKnown[l] = known.contains(column.levels()[l]) ? 1 : 0;
        for (std::int32_t code : column.codes()) {
            if (code == Column::kMissingCode) {
                ++check.missing;
            } else if (!levelKnown[static_cast<std::size_t>(code)]) {
                ++check.unseen;
                noteUnseen(column.levels()[static_cast<std::size_t>(code)]);
            }
        }
        return;
    }
    // Numbers where the model knows categories ("1", "2"): matched by their text, as encode does.
    for (double v : column.values()) {
        if (std::isnan(v)) {
            ++check.missing;
            continue;
        }
        const std::string text = shortestNumberText(v);
        if (!known.contains(text)) {
            ++check.unseen;
            noteUnseen(text);
        }
    }
}

// Matched-by-name inputs whose order among the matched columns differs from training's.
void markMoved(std::vector<FeatureCheck> &features)
{
    std::vector<std::size_t> order;
    for (const FeatureCheck &f : features) {
        if (f.column && !f.byHand)
            order.push_back(*f.column);
    }
    std::sort(order.begin(), order.end());
    std::size_t rank = 0;
    for (FeatureCheck &f : features) {
        if (!f.column || f.byHand)
            continue;
        f.moved = order[rank++] != *f.column;
    }
}

std::vector<std::optional<std::size_t>> columnsOf(const ScoringPreflight &check)
{
    std::vector<std::optional<std::size_t>> columns;
    for (const FeatureCheck &f : check.features)
        columns.push_back(f.column);
    return columns;
}

} // namespace

bool ScoringPreflight::canScore() const
{
    return blockers().empty();
}

std::vector<std::string> ScoringPreflight::blockers() const
{
    std::vector<std::string> problems;
    for (const FeatureCheck &f : features) {
        if (!f.column)
            problems.push_back("The data has no column '" + f.feature + "', which the model needs as input.");
        else if (f.typeMismatch)
            problems.push_back("Input '" + f.feature
                               + "' was numeric in training, but its column holds text.");
    }
    return problems;
}

ScoringPreflight checkForScoring(const Model &model, const Dataset &data, const ColumnChoices &choices)
{
    const InputSchema &schema = model.schema();
    ScoringPreflight report;
    report.rows = data.rowCount();
    report.targetColumn = data.columnIndex(schema.targetName);
    std::set<std::size_t> used;
    for (const FeatureSchema &feature : schema.features) {
        FeatureCheck check;
        check.feature = feature.name;
        check.categorical = feature.categorical;
        if (auto chosen = choices.find(feature.name); chosen != choices.end() && chosen->second < data.columnCount()) {
            check.column = chosen->second;
            check.byHand = true;
        } else {
            check.column = data.columnIndex(feature.name);
        }
        if (check.column) {
            used.insert(*check.column);
            const Column &column = data.column(*check.column);
            check.typeMismatch = !feature.categorical && !column.isNumeric();
            if (check.typeMismatch) {
                for (std::size_t r = 0; r < column.size(); ++r)
                    check.missing += column.isMissing(r) ? 1 : 0;
            } else if (feature.categorical) {
                countCategorical(feature, column, check);
            } else {
                countNumeric(feature, column, check);
            }
        }
        report.features.push_back(std::move(check));
    }
    markMoved(report.features);
    for (std::size_t c = 0; c < data.columnCount(); ++c) {
        if (!used.contains(c) && c != report.targetColumn)
            report.extraColumns.push_back(data.column(c).name());
    }
    return report;
}

Expected<BatchScores> scoreRows(const Model &model, const Dataset &data, const ScoringOptions &options,
                                const WorkControl &control)
{
    const ScoringPreflight check = checkForScoring(model, data, options.choices);
    if (const auto problems = check.blockers(); !problems.empty())
        return fail(ErrorCode::Format, problems.front());
    const std::vector<std::optional<std::size_t>> columns = columnsOf(check);

    const std::size_t rows = data.rowCount();
    const int k = model.classCount();
    BatchScores scores;
    scores.classCount = k;
    scores.proba.assign(rows * static_cast<std::size_t>(k), 0.0);
    scores.predicted.assign(rows, -1);
    const std::size_t block = std::max<std::size_t>(1, options.blockRows);
    std::vector<std::size_t> blockRows;
    for (std::size_t start = 0; start < rows; start += block) {
        if (control.stopRequested())
            return fail(ErrorCode::Cancelled, "Scoring was cancelled.");
        const std::size_t end = std::min(rows, start + block);
        blockRows.resize(end - start);
        for (std::size_t r = start; r < end; ++r)
            blockRows[r - start] = r;
        EncodeReport report;
        auto x = model.encode(data, columns, blockRows, &report);
        if (!x)
            return std::unexpected(x.error());
        scores.unseenCategories += report.unseenCategories;
        scores.missingValues += report.missingValues;
        const std::span<double> out(scores.proba.data() + start * static_cast<std::size_t>(k),
                                    (end - start) * static_cast<std::size_t>(k));
        model.predictProba(*x, out);
        const std::vector<std::int32_t> predicted = predictedClasses(out, k);
        std::copy(predicted.begin(), predicted.end(), scores.predicted.begin() + static_cast<std::ptrdiff_t>(start));
        if (options.unseen == UnseenPolicy::SkipRow && !report.rowHasUnseen.empty()) {
            for (std::size_t i = 0; i < report.rowHasUnseen.size(); ++i) {
                if (!report.rowHasUnseen[i])
                    continue;
                const std::size_t r = start + i;
                scores.predicted[r] = -1;
                std::fill_n(scores.proba.begin() + static_cast<std::ptrdiff_t>(r * static_cast<std::size_t>(k)), k,
                            std::nan(""));
                scores.skipped.push_back({r, data.sourceLine(r), "a category the model never saw"});
            }
        }
        control.progress(static_cast<double>(end) / static_cast<double>(rows));
    }
    // Say which input and value made each skipped row unscorable.
    if (!scores.skipped.empty()) {
        for (SkippedRow &skipped : scores.skipped) {
            for (std::size_t j = 0; j < check.features.size(); ++j) {
                const FeatureSchema &feature = model.schema().features[j];
                if (!feature.categorical)
                    continue;
                const Column &column = data.column(*columns[j]);
                if (column.isMissing(skipped.row))
                    continue;
                const std::string text = column.isNumeric() ? shortestNumberText(column.values()[skipped.row])
                                                            : column.levels()[static_cast<std::size_t>(column.codes()[skipped.row])];
                if (std::find(feature.levels.begin(), feature.levels.end(), text) == feature.levels.end()) {
                    skipped.reason = "'" + text + "' is not a category of '" + feature.name + "' the model knows";
                    break;
                }
            }
        }
    }
    return scores;
}

std::optional<Metrics> metricsOfScores(const Model &model, const Dataset &data, const BatchScores &scores)
{
    if (!data.columnIndex(model.schema().targetName))
        return std::nullopt;
    auto truth = model.encodeTarget(data);
    if (!truth)
        return std::nullopt;
    // Measured on the rows that were scored and have a class the model knows.
    std::vector<std::int32_t> scoredTruth;
    std::vector<double> scoredProba;
    const auto k = static_cast<std::size_t>(scores.classCount);
    for (std::size_t r = 0; r < truth->size(); ++r) {
        if (scores.predicted[r] < 0 || (*truth)[r] < 0)
            continue;
        scoredTruth.push_back((*truth)[r]);
        scoredProba.insert(scoredProba.end(), scores.proba.begin() + static_cast<std::ptrdiff_t>(r * k),
                           scores.proba.begin() + static_cast<std::ptrdiff_t>((r + 1) * k));
    }
    if (scoredTruth.empty())
        return std::nullopt;
    return computeMetrics(scoredTruth, scoredProba, scores.classCount);
}

} // namespace mb
