// SPDX-License-Identifier: MIT
#include "ui/results/model_sheet.h"

#include "core/eval/metrics.h"
#include "core/ml/model.h"
#include "ui/results/number_text.h"
#include "ui/train/result_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace mb {

namespace {

// lupdate files the tr() calls of this file's free functions under "mb", the namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("mb", text);
}

QString str(const std::string &text)
{
    return QString::fromStdString(text);
}

QString numberText(double value)
{
    return std::isfinite(value) ? QLocale().toString(value, 'g', 6) : tr("n/a");
}

// "name ......... value" with the values lined up.
void addPair(QStringList &lines, const QString &name, const QString &value, int width)
{
    lines.append(
        QStringLiteral("  %1  %2").arg(name.leftJustified(width, QLatin1Char(' ')), value));
}

void addRecipe(QStringList &lines, const Model &model)
{
    const TrainingRecipe &recipe = model.recipe();
    lines.append(tr("RECIPE"));
    const int width = 12;
    addPair(lines, tr("learner"),
            QStringLiteral("%1 (%2)").arg(learnerDisplayName(recipe.algo), str(recipe.algo)),
            width);
    addPair(lines, tr("seed"), QString::number(recipe.seed), width);
    addPair(lines, tr("validation"), validationDisplayText(recipe.validation), width);
    addPair(lines, tr("dataset"),
            recipe.datasetName.empty() ? tr("(unnamed)") : str(recipe.datasetName), width);
    addPair(lines, tr("trained on"), tr("%1 rows").arg(countText(double(recipe.rows))), width);
    lines.append(QStringLiteral("  %1").arg(tr("parameters")));
    int nameWidth = 0;
    for (const auto &[name, value] : recipe.params)
        nameWidth = std::max(nameWidth, int(name.size()));
    for (const auto &[name, value] : recipe.params)
        addPair(lines, QStringLiteral("  ") + str(name), str(value), nameWidth + 2);
}

QString featureDescription(const FeatureSchema &feature)
{
    if (feature.categorical) {
        QStringList levels;
        for (const std::string &level : feature.levels)
            levels.append(str(level));
        return QCoreApplication::translate("mb", "categorical, %n level(s): ", nullptr,
                                           int(levels.size()))
            + levels.join(QStringLiteral(", "));
    }
    return tr("numeric, %1 to %2 (median %3)")
        .arg(numberText(feature.min), numberText(feature.max), numberText(feature.median));
}

void addSchema(QStringList &lines, const Model &model)
{
    const InputSchema &schema = model.schema();
    lines.append(tr("SCHEMA"));
    lines.append(QStringLiteral("  %1").arg(tr("%1 features").arg(schema.features.size())));
    int width = 0;
    for (const FeatureSchema &feature : schema.features)
        width = std::max(width, int(feature.name.size()));
    for (const FeatureSchema &feature : schema.features)
        addPair(lines, QStringLiteral("  ") + str(feature.name), featureDescription(feature),
                width + 2);
    QStringList classes;
    for (const std::string &name : schema.classes)
        classes.append(str(name));
    lines.append(QStringLiteral("  %1").arg(tr("target %1, %2 classes: %3")
                                                .arg(str(schema.targetName))
                                                .arg(classes.size())
                                                .arg(classes.join(QStringLiteral(", ")))));
}

void addMetrics(QStringList &lines, const Model &model, const Metrics *metrics)
{
    lines.append(tr("METRICS"));
    if (!metrics) {
        if (model.metrics().empty())
            lines.append(QStringLiteral("  %1").arg(tr("not measured")));
        for (const auto &[name, value] : model.metrics())
            addPair(lines, str(name), numberText(value), 20);
        return;
    }
    if (metrics->rows == 0) {
        lines.append(QStringLiteral("  %1").arg(tr("not measured (no validation)")));
        return;
    }
    const int width = 20;
    addPair(lines, tr("rows evaluated"), countText(double(metrics->rows)), width);
    addPair(lines, tr("accuracy"), rateText(metrics->accuracy), width);
    addPair(lines, tr("balanced accuracy"), rateText(metrics->balancedAccuracy), width);
    addPair(lines, tr("precision"),
            tr("%1 macro, %2 weighted")
                .arg(rateText(metrics->macroPrecision), rateText(metrics->weightedPrecision)),
            width);
    addPair(lines, tr("recall"),
            tr("%1 macro, %2 weighted")
                .arg(rateText(metrics->macroRecall), rateText(metrics->weightedRecall)),
            width);
    addPair(
        lines, tr("F1"),
        tr("%1 macro, %2 weighted").arg(rateText(metrics->macroF1), rateText(metrics->weightedF1)),
        width);
    addPair(lines, tr("log loss"), rateText(metrics->logLoss), width);
    addPair(lines, tr("ROC AUC"),
            metrics->classes == 2 ? tr("%1 binary").arg(rateText(metrics->rocAuc))
                                  : tr("%1 one-vs-rest macro").arg(rateText(metrics->rocAuc)),
            width);
}

} // namespace

QString modelSheetText(const Model &model, const Metrics *metrics)
{
    QStringList lines;
    lines.append(tr("Model sheet: %1").arg(learnerDisplayName(model.recipe().algo)));
    lines.append(QString());
    addRecipe(lines, model);
    lines.append(QString());
    addSchema(lines, model);
    lines.append(QString());
    addMetrics(lines, model, metrics);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace mb
