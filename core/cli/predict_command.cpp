// SPDX-License-Identifier: MIT
#include "core/cli/predict_command.h"

#include "core/cli/catalog_command.h"
#include "core/cli/cli.h"
#include "core/cli/data_options.h"
#include "core/cli/explanation_json.h"
#include "core/cli/json_output.h"
#include "core/cli/metrics_json.h"
#include "core/cli/model_source.h"
#include "core/cli/verb_parser.h"
#include "core/eval/evaluation.h"
#include "core/eval/metrics.h"
#include "core/eval/batch_scoring.h"
#include "core/eval/explained_rows.h"
#include "core/io/dataset_loader.h"
#include "core/io/score_writer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

namespace mb::cli {

namespace {

/// Rows `--explain` explains unless --rows says otherwise: the output stays readable and
/// bounded (a path or a contribution table per row) on a file of millions of rows.
constexpr int kDefaultExplainedRows = 1000;

double secondsOf(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

/// Parses the repeated --map FEATURE=COLUMN options against `data`'s column names.
Expected<ColumnChoices> columnChoicesFrom(const QStringList &maps, const Dataset &data)
{
    ColumnChoices choices;
    for (const QString &map : maps) {
        const qsizetype eq = map.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == map.size() - 1)
            return fail(ErrorCode::Usage, "--map takes FEATURE=COLUMN, not '" + map.toStdString() + "'");
        const std::string column = map.mid(eq + 1).toStdString();
        const auto index = data.columnIndex(column);
        if (!index)
            return fail(ErrorCode::Usage, "--map: the data has no column '" + column + "'");
        choices[map.left(eq).toStdString()] = *index;
    }
    return choices;
}

/// The --json summary of a scored file: counts, timings and, for labelled data, metrics.
QJsonObject scoringSummary(const Model &model, const Dataset &data, const BatchScores &scores, double loadSeconds,
                           double predictSeconds)
{
    const auto &classes = model.schema().classes;
    std::vector<qint64> counts(classes.size(), 0);
    for (std::int32_t c : scores.predicted) {
        if (c >= 0)
            ++counts[static_cast<std::size_t>(c)];
    }
    QJsonObject countsJson;
    for (std::size_t k = 0; k < classes.size(); ++k)
        countsJson.insert(QString::fromStdString(classes[k]), counts[k]);
    QJsonObject summary{{QStringLiteral("rows"), static_cast<qint64>(data.rowCount())},
                        {QStringLiteral("load_seconds"), loadSeconds},
                        {QStringLiteral("predict_seconds"), predictSeconds},
                        {QStringLiteral("predicted_counts"), countsJson},
                        {QStringLiteral("unseen_categories"), static_cast<qint64>(scores.unseenCategories)},
                        {QStringLiteral("missing_values"), static_cast<qint64>(scores.missingValues)},
                        {QStringLiteral("skipped_rows"), static_cast<qint64>(scores.skipped.size())}};
    if (const auto m = metricsOfScores(model, data, scores)) {
        summary.insert(QStringLiteral("metrics"), metricsJson(*m, classes));
        summary.insert(QStringLiteral("confusion_matrix"), confusionJson(*m));
    }
    return summary;
}

} // namespace

int runPredict(const QStringList &args)
{
    const QString verb = QStringLiteral("predict");
    QCommandLineParser parser;
    addDataOptions(parser);
    parser.addOption({QStringLiteral("out"), QStringLiteral("Write the scored CSV here (default: standard output)."),
                      QStringLiteral("FILE.csv")});
    parser.addOption({QStringLiteral("proba"), QStringLiteral("Add one p_<class> probability column per class.")});
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Print a JSON summary instead of the rows (with metrics when DATA has the target).")});
    parser.addOption({QStringLiteral("explain"),
                      QStringLiteral("Print the JSON summary plus, per row, the predicted class, the probabilities "
                                     "and why: the decision path of a tree (each test, the value, the answer, the "
                                     "training rows there) or each feature's contribution to each class's score "
                                     "for logistic regression and naive Bayes (null for other learners). Explains "
                                     "the first %1 rows unless --rows says otherwise.")
                          .arg(kDefaultExplainedRows)});
    parser.addOption({QStringLiteral("rows"),
                      QStringLiteral("With --explain: how many rows, from the first, to explain (0: every row; "
                                     "default %1).")
                          .arg(kDefaultExplainedRows),
                      QStringLiteral("N"), QString::number(kDefaultExplainedRows)});
    parser.addOption({QStringLiteral("map"),
                      QStringLiteral("Read model input FEATURE from DATA's column COLUMN (repeatable), for files "
                                     "whose names differ."),
                      QStringLiteral("FEATURE=COLUMN")});
    parser.addOption({QStringLiteral("unseen"),
                      QStringLiteral("Rows with a category the model never saw: 'missing' scores them with the "
                                     "value treated as missing (default), 'skip' leaves them unscored and lists "
                                     "them on standard error."),
                      QStringLiteral("missing|skip"), QStringLiteral("missing")});
    addCatalogOption(parser);
    if (auto exit = parseVerb(parser, args, verb,
                              QStringLiteral("Score every row of DATA with MODEL: the input columns plus the "
                                             "predicted class (and probabilities)."),
                              {QStringLiteral("MODEL"), QStringLiteral("DATA")}))
        return *exit;
    auto csv = csvOptionsFrom(parser);
    if (!csv)
        return reportUsage(verb, QString::fromStdString(csv.error().message));
    const bool explain = parser.isSet(QStringLiteral("explain"));
    if (parser.isSet(QStringLiteral("rows")) && !explain)
        return reportUsage(verb, QStringLiteral("--rows says how many rows --explain explains; add --explain"));
    if (explain && parser.isSet(QStringLiteral("out")))
        return reportUsage(verb, QStringLiteral("--explain prints JSON on standard output; --out is for the CSV"));
    bool rowsOk = false;
    const qlonglong explainRows = parser.value(QStringLiteral("rows")).toLongLong(&rowsOk);
    if (!rowsOk || explainRows < 0)
        return reportUsage(verb, QStringLiteral("--rows takes a whole number, 0 or more, not '%1'")
                                     .arg(parser.value(QStringLiteral("rows"))));

    QElapsedTimer loadTimer;
    loadTimer.start();
    auto loaded = openModel(parser.positionalArguments().at(0), parser.value(QStringLiteral("db")));
    if (!loaded)
        return reportError(loaded.error());
    const QString dataPath = parser.positionalArguments().at(1);
    auto data = loadDataset(dataPath, *csv);
    if (!data)
        return reportError(data.error());
    const double loadSeconds = secondsOf(loadTimer);

    const Model &model = loaded->model;
    ScoringOptions options;
    const QString unseen = parser.value(QStringLiteral("unseen"));
    if (unseen != QLatin1String("missing") && unseen != QLatin1String("skip"))
        return reportUsage(verb, QStringLiteral("--unseen must be missing or skip, not '%1'").arg(unseen));
    options.unseen = unseen == QLatin1String("skip") ? UnseenPolicy::SkipRow : UnseenPolicy::AsMissing;
    auto choices = columnChoicesFrom(parser.values(QStringLiteral("map")), *data);
    if (!choices)
        return reportUsage(verb, QString::fromStdString(choices.error().message));
    options.choices = std::move(*choices);

    QElapsedTimer predictTimer;
    predictTimer.start();
    auto scores = scoreRows(model, *data, options);
    if (!scores) {
        Error e = scores.error();
        e.file = dataPath.toStdString();
        return reportError(e);
    }
    const double predictSeconds = secondsOf(predictTimer);
    // Rows left unscored are named, never dropped silently.
    for (const SkippedRow &skipped : scores->skipped) {
        std::string where;
        if (skipped.line)
            where.append(1, ':').append(std::to_string(*skipped.line));
        std::fprintf(stderr, "%s%s: row %zu not scored: %s\n", dataPath.toLocal8Bit().constData(), where.c_str(),
                     skipped.row + 1, skipped.reason.c_str());
    }

    if (!parser.isSet(QStringLiteral("json")) && !explain) {
        const QString outPath = parser.value(QStringLiteral("out"));
        Expected<void> written;
        if (outPath.isEmpty()) {
            QFile out;
            if (!out.open(stdout, QIODevice::WriteOnly))
                return reportError(Error{ErrorCode::Io, "cannot write to standard output", {}, 0, 0, {}});
            written = writeScoresCsv(out, *data, model.schema().classes, *scores, parser.isSet(QStringLiteral("proba")));
        } else {
            written = saveScoresCsv(outPath, *data, model.schema().classes, *scores, parser.isSet(QStringLiteral("proba")));
        }
        if (!written)
            return reportError(written.error());
        return kSuccess;
    }

    QJsonObject summary = scoringSummary(model, *data, *scores, loadSeconds, predictSeconds);
    if (explain) {
        // The same rows, encoded from the same columns as they were scored, explained by the
        // model's own numbers: the probabilities below are the scores, and the explanation
        // leads to them.
        auto explained = explainDataRows(model, *data, options.choices, static_cast<std::size_t>(explainRows));
        if (!explained) {
            Error e = explained.error();
            e.file = dataPath.toStdString();
            return reportError(e);
        }
        QJsonArray classes;
        for (const std::string &name : model.schema().classes)
            classes.append(QString::fromStdString(name));
        QJsonArray rows;
        for (const ExplainedRow &row : *explained)
            rows.append(explainedRowJson(model, row, *scores));
        summary.insert(QStringLiteral("classes"), classes);
        summary.insert(QStringLiteral("explained_rows"), static_cast<qint64>(explained->size()));
        if (!Explainer(model).available()) {
            summary.insert(QStringLiteral("explanation_note"),
                           QStringLiteral("no explanation for learner '%1': decision paths are given for "
                                          "'tree', contributions for 'logreg' and 'nb'")
                               .arg(QString::fromStdString(std::string(model.algo()))));
        }
        summary.insert(QStringLiteral("explanations"), rows);
    }
    printJson(summary);
    return kSuccess;
}

int runEvaluate(const QStringList &args)
{
    const QString verb = QStringLiteral("evaluate");
    QCommandLineParser parser;
    addDataOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    addCatalogOption(parser);
    if (auto exit = parseVerb(parser, args, verb,
                              QStringLiteral("Measure MODEL on DATA, a file that holds the target column."),
                              {QStringLiteral("MODEL"), QStringLiteral("DATA")}))
        return *exit;
    auto csv = csvOptionsFrom(parser);
    if (!csv)
        return reportUsage(verb, QString::fromStdString(csv.error().message));
    auto loaded = openModel(parser.positionalArguments().at(0), parser.value(QStringLiteral("db")));
    if (!loaded)
        return reportError(loaded.error());
    const QString dataPath = parser.positionalArguments().at(1);
    auto data = loadDataset(dataPath, *csv);
    if (!data)
        return reportError(data.error());
    auto result = evaluateModel(loaded->model, *data);
    if (!result) {
        Error e = result.error();
        if (e.file.empty())
            e.file = dataPath.toStdString();
        return reportError(e);
    }
    const auto &classes = loaded->model.schema().classes;
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("rows"), static_cast<qint64>(data->rowCount())},
                              {QStringLiteral("skipped_rows"), static_cast<qint64>(result->skippedRows)},
                              {QStringLiteral("predict_seconds"), result->predictSeconds},
                              {QStringLiteral("metrics"), metricsJson(result->metrics, classes)},
                              {QStringLiteral("confusion_matrix"), confusionJson(result->metrics)}});
    } else {
        print(stdout, metricsText(result->metrics, classes));
    }
    return kSuccess;
}

} // namespace mb::cli
