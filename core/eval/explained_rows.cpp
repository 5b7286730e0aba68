// SPDX-License-Identifier: MIT
#include "core/eval/explained_rows.h"

#include "core/data/dataset.h"
#include "core/io/number_parser.h"
#include "core/ml/model.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

namespace mb {

namespace {

/// Per row of `rows`, 1 where column `column` holds no value the model can use for categorical
/// `feature`: an empty cell, or a category it never saw (both encode as missing).
std::vector<std::uint8_t> unusableCells(const FeatureSchema &feature, const Column &column,
                                        std::span<const std::size_t> rows)
{
    std::vector<std::uint8_t> out(rows.size(), 0);
    const std::unordered_set<std::string_view> known(feature.levels.begin(), feature.levels.end());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::size_t r = rows[i];
        if (column.isMissing(r)) {
            out[i] = 1;
        } else if (column.isNumeric()) {
            // Numbers where the model knows categories are matched by their text, as encode does.
            out[i] = known.contains(shortestNumberText(column.values()[r])) ? 0 : 1;
        } else {
            out[i] = known.contains(column.levels()[static_cast<std::size_t>(column.codes()[r])])
                ? 0
                : 1;
        }
    }
    return out;
}

} // namespace

Expected<std::vector<ExplainedRow>> explainDataRows(const Model &model, const Dataset &data,
                                                    const ColumnChoices &choices, std::size_t limit)
{
    const ScoringPreflight check = checkForScoring(model, data, choices);
    if (const auto problems = check.blockers(); !problems.empty())
        return fail(ErrorCode::Format, problems.front());
    std::vector<std::optional<std::size_t>> columns;
    for (const FeatureCheck &f : check.features)
        columns.push_back(f.column);

    const std::size_t count = limit == 0 ? data.rowCount() : std::min(limit, data.rowCount());
    std::vector<std::size_t> rows(count);
    std::iota(rows.begin(), rows.end(), std::size_t(0));
    std::vector<ExplainedRow> out;
    if (count == 0)
        return out;
    // Encoded as scoreRows() encodes, so the values are the ones scored ...
    auto x = model.encode(data, columns, rows);
    if (!x)
        return std::unexpected(x.error());
    // ... then the cells the encoding filled in are made missing again, for the explanation to
    // impute (the same values) and to say it did.
    const auto &features = model.schema().features;
    for (std::size_t j = 0; j < features.size(); ++j) {
        const Column &column = data.column(*columns[j]);
        std::span<double> values = x->column(j);
        if (features[j].categorical) {
            const std::vector<std::uint8_t> unusable = unusableCells(features[j], column, rows);
            for (std::size_t i = 0; i < count; ++i) {
                if (unusable[i])
                    values[i] = std::nan("");
            }
        } else {
            for (std::size_t i = 0; i < count; ++i) {
                if (column.isMissing(rows[i]))
                    values[i] = std::nan("");
            }
        }
    }

    const Explainer explainer(model);
    out.reserve(count);
    std::vector<double> row(features.size());
    for (std::size_t i = 0; i < count; ++i) {
        x->copyRow(i, row);
        out.push_back({rows[i], explainer.explain(row)});
    }
    return out;
}

} // namespace mb
