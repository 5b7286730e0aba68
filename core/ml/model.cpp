// SPDX-License-Identifier: MIT
#include "core/ml/model.h"

#include "core/base/parallel.h"
#include "core/io/number_parser.h"

#include "core/ml/learner_registry.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <unordered_map>

namespace mb {

namespace {

constexpr std::size_t kMaxNumericClasses = 100;

std::vector<std::size_t> allRows(std::size_t n)
{
    std::vector<std::size_t> rows(n);
    for (std::size_t i = 0; i < n; ++i)
        rows[i] = i;
    return rows;
}

/// Class names of a target column over all rows, in a stable order.
Expected<std::vector<std::string>> classNames(const Column &target)
{
    std::vector<std::string> names;
    if (!target.isNumeric()) {
        std::vector<bool> seen(target.levels().size(), false);
        for (std::int32_t code : target.codes()) {
            if (code != Column::kMissingCode)
                seen[static_cast<std::size_t>(code)] = true;
        }
        for (std::size_t i = 0; i < seen.size(); ++i) {
            if (seen[i])
                names.push_back(target.levels()[i]);
        }
        return names;
    }
    std::map<double, bool> distinct;
    for (double v : target.values()) {
        if (std::isnan(v))
            continue;
        distinct[v] = true;
        if (distinct.size() > kMaxNumericClasses) {
            return fail(ErrorCode::Data,
                        "The target column '" + target.name() + "' is numeric with more than "
                                + std::to_string(kMaxNumericClasses)
                                + " distinct values; ModelBench trains classifiers, so choose a "
                                  "column of class labels as the target.");
        }
    }
    for (const auto &entry : distinct)
        names.push_back(shortestNumberText(entry.first));
    return names;
}

FeatureSchema describeFeature(const Column &column, std::span<const std::size_t> rows)
{
    FeatureSchema f;
    f.name = column.name();
    f.categorical = !column.isNumeric();
    if (f.categorical) {
        f.levels = column.levels();
        std::vector<std::size_t> counts(f.levels.size(), 0);
        for (std::size_t r : rows) {
            const std::int32_t code = column.codes()[r];
            if (code != Column::kMissingCode)
                ++counts[static_cast<std::size_t>(code)];
        }
        if (!counts.empty())
            f.mode = static_cast<std::int32_t>(std::ranges::max_element(counts) - counts.begin());
        return f;
    }
    std::vector<double> present;
    present.reserve(rows.size());
    for (std::size_t r : rows) {
        const double v = column.values()[r];
        if (!std::isnan(v))
            present.push_back(v);
    }
    if (present.empty())
        return f;  // all missing: range 0..0, median 0
    const auto [lo, hi] = std::ranges::minmax(present);
    f.min = lo;
    f.max = hi;
    const std::size_t mid = present.size() / 2;
    std::ranges::nth_element(present, present.begin() + static_cast<std::ptrdiff_t>(mid));
    double median = present[mid];
    if (present.size() % 2 == 0) {
        const double below = *std::max_element(present.begin(), present.begin() + static_cast<std::ptrdiff_t>(mid));
        median = below + (median - below) / 2;
    }
    f.median = median;
    return f;
}

/// FNV-1a over 8-byte words (and over the bytes of texts): a byte at a time cost as much as
/// fitting naive Bayes on large data.
struct Fingerprint
{
    std::uint64_t h = 1469598103934665603ull;
    void word(std::uint64_t w)
    {
        h ^= w;
        h *= 1099511628211ull;
    }
    void bytes(std::string_view text)
    {
        for (unsigned char c : text)
            word(c);
        word(0xffu); // ends the text: "ab","c" differs from "a","bc"
    }
};

std::uint64_t fingerprintColumn(const Column &c, std::span<const std::size_t> rows)
{
    Fingerprint f;
    f.bytes(c.name());
    if (c.isNumeric()) {
        for (std::size_t r : rows)
            f.word(std::bit_cast<std::uint64_t>(c.values()[r]));
    } else {
        // The level's text, not its code: the same data read with levels in another order
        // keeps its fingerprint.
        std::vector<std::uint64_t> levelHashes;
        for (const std::string &level : c.levels()) {
            Fingerprint l;
            l.bytes(level);
            levelHashes.push_back(l.h);
        }
        for (std::size_t r : rows) {
            const std::int32_t code = c.codes()[r];
            f.word(code == Column::kMissingCode ? 0 : levelHashes[static_cast<std::size_t>(code)]);
        }
    }
    return f.h;
}

std::uint64_t fingerprintRows(const Dataset &data, std::span<const std::size_t> rows)
{
    std::vector<std::size_t> used;
    for (std::size_t c = 0; c < data.columnCount(); ++c)
        if (data.column(c).role() != ColumnRole::Ignored)
            used.push_back(c);
    std::vector<std::uint64_t> perColumn(used.size());
    parallelFor(used.size(), resolveThreads(0),
                [&](std::size_t i, int) { perColumn[i] = fingerprintColumn(data.column(used[i]), rows); });
    Fingerprint all;
    for (std::uint64_t h : perColumn)
        all.word(h);
    return all.h;
}

/// Up to kProbeRows training rows, taking one row of each class in turn so that the self-check
/// exercises more than one branch of the model.
std::vector<double> probeRowsOf(const FeatureMatrix &x, std::span<const std::int32_t> y, int classes)
{
    constexpr std::size_t kProbeRows = 8;
    std::vector<std::size_t> picked;
    std::vector<std::size_t> nextOfClass(static_cast<std::size_t>(classes), 0);
    for (std::size_t round = 0; picked.size() < kProbeRows && round < kProbeRows; ++round) {
        for (int k = 0; k < classes && picked.size() < kProbeRows; ++k) {
            std::size_t &from = nextOfClass[static_cast<std::size_t>(k)];
            while (from < y.size() && y[from] != k)
                ++from;
            if (from < y.size())
                picked.push_back(from++);
        }
    }
    std::vector<double> rows(picked.size() * x.cols());
    for (std::size_t i = 0; i < picked.size(); ++i)
        x.copyRow(picked[i], std::span<double>(rows).subspan(i * x.cols(), x.cols()));
    return rows;
}

} // namespace

std::optional<std::size_t> resolveTarget(const Dataset &data)
{
    if (auto t = data.targetIndex())
        return t;
    if (data.columnCount() == 0)
        return std::nullopt;
    return data.columnCount() - 1;
}

std::string targetText(const Column &column, std::size_t row)
{
    if (column.isNumeric()) {
        const double v = column.values()[row];
        return std::isnan(v) ? std::string() : shortestNumberText(v);
    }
    const std::int32_t code = column.codes()[row];
    return code == Column::kMissingCode ? std::string() : column.levels()[static_cast<std::size_t>(code)];
}

Model::Model(InputSchema schema, TrainingRecipe recipe, std::unique_ptr<Classifier> classifier)
    : m_schema(std::move(schema))
    , m_recipe(std::move(recipe))
    , m_classifier(std::move(classifier))
{
    const LearnerInfo *info = findLearner(m_classifier->kind());
    m_imputes = info == nullptr || info->needsImputation;
}

Model::Model(Model &&) noexcept = default;
Model &Model::operator=(Model &&) noexcept = default;
Model::~Model() = default;

Expected<Model> Model::train(const Dataset &data, std::span<const std::size_t> rows,
                             std::string_view algo, const ParamValues &params,
                             const FitControl &control)
{
    const LearnerInfo *info = findLearner(algo);
    if (!info)
        return fail(ErrorCode::Usage, "unknown learner '" + std::string(algo) + "'");
    auto classifier = makeClassifier(algo, params);
    if (!classifier)
        return std::unexpected(classifier.error());

    const auto targetIndex = resolveTarget(data);
    if (!targetIndex || data.columnCount() < 2)
        return fail(ErrorCode::Data, "The data needs a target column and at least one feature column.");
    const Column &target = data.column(*targetIndex);
    auto classes = classNames(target);
    if (!classes)
        return std::unexpected(classes.error());

    std::vector<std::size_t> given = rows.empty() ? allRows(data.rowCount())
                                                  : std::vector<std::size_t>(rows.begin(), rows.end());
    std::vector<std::size_t> used;
    used.reserve(given.size());
    for (std::size_t r : given) {
        if (!target.isMissing(r))
            used.push_back(r);
    }
    if (used.empty())
        return fail(ErrorCode::Data, "There are no training rows with a target value.");

    InputSchema schema;
    schema.targetName = target.name();
    schema.classes = std::move(*classes);
    std::vector<std::size_t> featureColumns;
    for (std::size_t c = 0; c < data.columnCount(); ++c) {
        if (c != *targetIndex && data.column(c).role() == ColumnRole::Feature)
            featureColumns.push_back(c);
    }
    schema.features.resize(featureColumns.size());
    parallelFor(featureColumns.size(), resolveThreads(control.threads), [&](std::size_t j, int) {
        schema.features[j] = describeFeature(data.column(featureColumns[j]), used);
    });
    if (schema.features.empty())
        return fail(ErrorCode::Data, "The data has no feature columns besides the target.");

    TrainingRecipe recipe;
    recipe.algo = std::string(algo);
    recipe.params = defaultParams(info->params());
    for (const auto &[name, value] : params)
        recipe.params[name] = value;
    recipe.seed = control.seed;
    recipe.threads = control.threads;
    recipe.datasetName = data.name();
    recipe.rows = used.size();
    recipe.fingerprint = fingerprintRows(data, used);

    Model model(std::move(schema), std::move(recipe), std::move(*classifier));
    auto x = model.encode(data, used);
    if (!x)
        return std::unexpected(x.error());
    auto y = model.encodeTarget(data, used);
    if (!y)
        return std::unexpected(y.error());

    std::vector<bool> present(model.m_schema.classes.size(), false);
    for (std::int32_t code : *y)
        present[static_cast<std::size_t>(code)] = true;
    if (std::ranges::count(present, true) < 2) {
        return fail(ErrorCode::Data, "The training rows hold only one class ('"
                                             + model.m_schema.classes[static_cast<std::size_t>((*y)[0])]
                                             + "'); a classifier needs at least two.");
    }

    std::vector<FeatureInfo> features;
    for (const FeatureSchema &f : model.m_schema.features)
        features.push_back({f.name, f.categorical, static_cast<int>(f.levels.size())});
    std::vector<double> weights;
    if (!data.weights().empty()) {
        for (std::size_t r : used)
            weights.push_back(data.weights()[r]);
    }
    TrainingSet set{&*x, *y, model.classCount(), features, weights};
    if (auto fitted = model.m_classifier->fit(set, control); !fitted)
        return std::unexpected(fitted.error());
    model.m_probeRows = probeRowsOf(*x, *y, model.classCount());
    return model;
}

Expected<FeatureMatrix> Model::encode(const Dataset &data, std::span<const std::size_t> rows,
                                      EncodeReport *report) const
{
    std::vector<std::optional<std::size_t>> columnOf;
    columnOf.reserve(m_schema.features.size());
    for (const FeatureSchema &f : m_schema.features)
        columnOf.push_back(data.columnIndex(f.name));
    return encode(data, columnOf, rows, report);
}

Expected<FeatureMatrix> Model::encode(const Dataset &data,
                                      std::span<const std::optional<std::size_t>> columnOf,
                                      std::span<const std::size_t> rows, EncodeReport *report) const
{
    if (columnOf.size() != m_schema.features.size())
        return fail(ErrorCode::Internal, "Model::encode: one column per feature is needed.");
    const std::vector<std::size_t> all = rows.empty() ? allRows(data.rowCount()) : std::vector<std::size_t>();
    const std::span<const std::size_t> use = rows.empty() ? std::span<const std::size_t>(all) : rows;
    FeatureMatrix x(use.size(), m_schema.features.size());
    EncodeReport found;
    auto markUnseen = [&found, &use](std::size_t i) {
        ++found.unseenCategories;
        if (found.rowHasUnseen.empty())
            found.rowHasUnseen.assign(use.size(), 0);
        found.rowHasUnseen[i] = 1;
    };

    for (std::size_t j = 0; j < m_schema.features.size(); ++j) {
        const FeatureSchema &f = m_schema.features[j];
        const auto index = columnOf[j];
        if (!index || *index >= data.columnCount()) {
            return fail(ErrorCode::Format, "The data has no column '" + f.name
                                                   + "', which the model needs as input.");
        }
        const Column &column = data.column(*index);
        std::span<double> out = x.column(j);
        if (!f.categorical) {
            if (!column.isNumeric()) {
                return fail(ErrorCode::Format, "Column '" + f.name
                                                       + "' holds text, but the model was trained on numbers there.");
            }
            for (std::size_t i = 0; i < use.size(); ++i)
                out[i] = column.values()[use[i]];
        } else if (!column.isNumeric()) {
            std::unordered_map<std::string_view, std::int32_t> known;
            for (std::size_t l = 0; l < f.levels.size(); ++l)
                known.emplace(f.levels[l], static_cast<std::int32_t>(l));
            std::vector<std::int32_t> remap(column.levels().size(), -1);
            for (std::size_t l = 0; l < column.levels().size(); ++l) {
                if (auto it = known.find(column.levels()[l]); it != known.end())
                    remap[l] = it->second;
            }
            for (std::size_t i = 0; i < use.size(); ++i) {
                const std::int32_t code = column.codes()[use[i]];
                std::int32_t mapped = code == Column::kMissingCode ? -1 : remap[static_cast<std::size_t>(code)];
                if (code != Column::kMissingCode && mapped < 0)
                    markUnseen(i);
                out[i] = mapped < 0 ? Column::kMissingValue : static_cast<double>(mapped);
            }
        } else {
            // Numbers in a column the model knows as categories ("1", "2"): match by text.
            std::unordered_map<std::string, std::int32_t> known;
            for (std::size_t l = 0; l < f.levels.size(); ++l)
                known.emplace(f.levels[l], static_cast<std::int32_t>(l));
            for (std::size_t i = 0; i < use.size(); ++i) {
                const double v = column.values()[use[i]];
                if (std::isnan(v)) {
                    out[i] = Column::kMissingValue;
                    continue;
                }
                auto it = known.find(shortestNumberText(v));
                if (it == known.end())
                    markUnseen(i);
                out[i] = it == known.end() ? Column::kMissingValue : static_cast<double>(it->second);
            }
        }
        for (double v : out) {
            if (std::isnan(v))
                ++found.missingValues;
        }
        if (m_imputes) {
            const double fill = f.categorical ? static_cast<double>(f.mode) : f.median;
            for (double &v : out) {
                if (std::isnan(v))
                    v = fill;
            }
        }
    }
    if (report)
        *report = found;
    return x;
}

Expected<std::vector<std::int32_t>> Model::encodeTarget(const Dataset &data,
                                                        std::span<const std::size_t> rows) const
{
    const auto index = data.columnIndex(m_schema.targetName);
    if (!index)
        return fail(ErrorCode::Format, "The data has no target column '" + m_schema.targetName + "'.");
    const Column &column = data.column(*index);
    std::unordered_map<std::string, std::int32_t> classes;
    for (std::size_t k = 0; k < m_schema.classes.size(); ++k)
        classes.emplace(m_schema.classes[k], static_cast<std::int32_t>(k));
    const std::size_t n = rows.empty() ? data.rowCount() : rows.size();
    std::vector<std::int32_t> y(n, -1);
    if (!column.isNumeric()) {
        // Each level is looked up once, not each row.
        std::vector<std::int32_t> classOfLevel(column.levels().size(), -1);
        for (std::size_t l = 0; l < classOfLevel.size(); ++l)
            if (auto it = classes.find(column.levels()[l]); it != classes.end())
                classOfLevel[l] = it->second;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int32_t code = column.codes()[rows.empty() ? i : rows[i]];
            if (code != Column::kMissingCode)
                y[i] = classOfLevel[static_cast<std::size_t>(code)];
        }
        return y;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::string text = targetText(column, rows.empty() ? i : rows[i]);
        if (auto it = classes.find(text); it != classes.end())
            y[i] = it->second;
    }
    return y;
}

void Model::impute(std::span<double> row) const
{
    if (!m_imputes)
        return;
    for (std::size_t j = 0; j < row.size() && j < m_schema.features.size(); ++j) {
        if (std::isnan(row[j])) {
            const FeatureSchema &f = m_schema.features[j];
            row[j] = f.categorical ? static_cast<double>(f.mode) : f.median;
        }
    }
}

void Model::predictProba(const FeatureMatrix &encoded, std::span<double> out) const
{
    m_classifier->predictProba(encoded, out);
}

void Model::predictRow(std::span<const double> row, std::span<double> proba) const
{
    if (!m_imputes) {
        m_classifier->predictRow(row, proba);
        return;
    }
    // Small fixed buffer: the interactive form calls this on every keystroke.
    constexpr std::size_t kStack = 256;
    double stack[kStack];
    std::vector<double> heap;
    std::span<double> copy;
    if (row.size() <= kStack) {
        copy = std::span<double>(stack, row.size());
    } else {
        heap.resize(row.size());
        copy = heap;
    }
    std::memcpy(copy.data(), row.data(), row.size() * sizeof(double));
    impute(copy);
    m_classifier->predictRow(copy, proba);
}

} // namespace mb
