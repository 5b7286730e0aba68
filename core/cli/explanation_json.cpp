// SPDX-License-Identifier: MIT
#include "core/cli/explanation_json.h"

#include "core/cli/json_output.h"
#include "core/eval/batch_scoring.h"
#include "core/ml/model.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace mb::cli {

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

/// A value of feature `f` as JSON: the level's name for a category, null when missing.
QJsonValue valueJson(const FeatureSchema &f, double value)
{
    if (std::isnan(value))
        return QJsonValue(QJsonValue::Null);
    if (f.categorical) {
        const auto code = static_cast<std::size_t>(value);
        return code < f.levels.size() && value >= 0 ? QJsonValue(text(f.levels[code]))
                                                    : QJsonValue(value);
    }
    return jsonNumber(value);
}

/// One number per class, keyed by the class's name.
template<class Numbers> QJsonObject perClass(const Model &model, const Numbers &values)
{
    QJsonObject out;
    const auto &classes = model.schema().classes;
    for (std::size_t k = 0; k < classes.size() && k < values.size(); ++k)
        out.insert(text(classes[k]), jsonNumber(static_cast<double>(values[k])));
    return out;
}

/// A threshold as people read it ("2.45"); the exact one is beside it in the JSON.
QString roundedNumber(double value)
{
    const double magnitude = std::abs(value);
    const int digits = magnitude >= 1 ? int(std::floor(std::log10(magnitude))) + 3 : 6;
    return QString::number(value, 'g', std::max(6, digits));
}

void addStats(const Model &model, const TreeNodeInfo &node, QJsonObject &out)
{
    if (!node.hasStats)
        return;
    out.insert(QStringLiteral("samples"), static_cast<qint64>(node.rows));
    out.insert(QStringLiteral("class_counts"), perClass(model, node.classRows));
    if (!node.classWeights.empty())
        out.insert(QStringLiteral("class_weights"), perClass(model, node.classWeights));
}

QJsonObject pathJson(const Model &model, const Explanation &e, const DecisionPath &path)
{
    const auto &features = model.schema().features;
    QJsonArray steps;
    for (const PathStep &step : path.steps) {
        const FeatureSchema &f = features[static_cast<std::size_t>(step.split.feature)];
        QJsonObject s {{QStringLiteral("node"), step.node},
                       {QStringLiteral("feature"), text(f.name)},
                       {QStringLiteral("value"), valueJson(f, step.value)},
                       {QStringLiteral("answer"),
                        step.wentLeft ? QStringLiteral("yes") : QStringLiteral("no")}};
        if (e.imputed(static_cast<std::size_t>(step.split.feature)))
            s.insert(QStringLiteral("imputed"), true); // the value was missing: this one was put in
        if (step.split.categorical) {
            QJsonArray levels;
            QStringList names;
            for (const std::string &name : levelNames(f, step.split.leftLevels)) {
                levels.append(text(name));
                names.append(text(name));
            }
            s.insert(
                QStringLiteral("test"),
                QStringLiteral("%1 in {%2}").arg(text(f.name), names.join(QStringLiteral(", "))));
            s.insert(QStringLiteral("levels"), levels);
        } else {
            s.insert(
                QStringLiteral("test"),
                QStringLiteral("%1 <= %2").arg(text(f.name), roundedNumber(step.split.threshold)));
            s.insert(QStringLiteral("threshold"), step.split.threshold);
        }
        addStats(model, step.split, s);
        steps.append(s);
    }
    QJsonObject leaf {{QStringLiteral("node"), path.leaf},
                      {QStringLiteral("probabilities"), perClass(model, path.leafNode.proba)}};
    addStats(model, path.leafNode, leaf);
    return {{QStringLiteral("kind"), QStringLiteral("decision_path")},
            {QStringLiteral("path"), steps},
            {QStringLiteral("leaf"), leaf}};
}

QJsonObject contributionsJson(const Model &model, const Contributions &c)
{
    const auto &features = model.schema().features;
    QJsonArray perFeature;
    for (std::size_t j = 0; j < features.size(); ++j) {
        std::vector<double> terms(c.classCount());
        for (std::size_t k = 0; k < terms.size(); ++k)
            terms[k] = c.term(j, k);
        perFeature.append(QJsonObject {{QStringLiteral("feature"), text(features[j].name)},
                                       {QStringLiteral("contributions"), perClass(model, terms)}});
    }
    const bool logit = c.score == Contributions::Score::Logit;
    return {{QStringLiteral("kind"), QStringLiteral("contributions")},
            {QStringLiteral("score"),
             logit ? QStringLiteral("logit") : QStringLiteral("log_likelihood")},
            {QStringLiteral("base_is"),
             logit ? QStringLiteral("intercept") : QStringLiteral("log_prior")},
            {QStringLiteral("base"), perClass(model, c.base)},
            {QStringLiteral("features"), perFeature},
            {QStringLiteral("scores"), perClass(model, c.scores)}};
}

QJsonArray inputsJson(const Model &model, const Explanation &e)
{
    const auto &features = model.schema().features;
    QJsonArray out;
    for (std::size_t j = 0; j < features.size() && j < e.given.size(); ++j) {
        QJsonObject input {{QStringLiteral("feature"), text(features[j].name)},
                           {QStringLiteral("value"), valueJson(features[j], e.given[j])}};
        if (std::isnan(e.given[j]))
            input.insert(QStringLiteral("missing"), true);
        if (e.imputed(j))
            input.insert(QStringLiteral("imputed"), valueJson(features[j], e.used[j]));
        out.append(input);
    }
    return out;
}

} // namespace

QJsonObject explainedRowJson(const Model &model, const ExplainedRow &row, const BatchScores &scores)
{
    QJsonObject out {{QStringLiteral("row"), static_cast<qint64>(row.row + 1)}};
    const std::int32_t predicted
        = row.row < scores.predicted.size() ? scores.predicted[row.row] : -1;
    if (predicted < 0) {
        out.insert(QStringLiteral("predicted"), QJsonValue(QJsonValue::Null));
        out.insert(QStringLiteral("probabilities"), QJsonValue(QJsonValue::Null));
        const auto skipped = std::find_if(scores.skipped.begin(), scores.skipped.end(),
                                          [&](const SkippedRow &s) { return s.row == row.row; });
        out.insert(QStringLiteral("skipped"),
                   skipped != scores.skipped.end() ? text(skipped->reason) : QString());
        out.insert(QStringLiteral("explanation"), QJsonValue(QJsonValue::Null));
        return out;
    }
    const auto K = static_cast<std::size_t>(scores.classCount);
    const std::vector<double> proba(scores.proba.begin() + static_cast<std::ptrdiff_t>(row.row * K),
                                    scores.proba.begin()
                                        + static_cast<std::ptrdiff_t>((row.row + 1) * K));
    out.insert(QStringLiteral("predicted"),
               text(model.schema().classes[static_cast<std::size_t>(predicted)]));
    out.insert(QStringLiteral("probabilities"), perClass(model, proba));
    if (!row.explanation) {
        out.insert(QStringLiteral("explanation"), QJsonValue(QJsonValue::Null));
        return out;
    }
    out.insert(QStringLiteral("inputs"), inputsJson(model, *row.explanation));
    if (const DecisionPath *path = row.explanation->path())
        out.insert(QStringLiteral("explanation"), pathJson(model, *row.explanation, *path));
    else if (const Contributions *c = row.explanation->contributions())
        out.insert(QStringLiteral("explanation"), contributionsJson(model, *c));
    return out;
}

} // namespace mb::cli
