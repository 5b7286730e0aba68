// SPDX-License-Identifier: MIT
#include "core/cli/predict_command.h"

#include "core/cli/catalog_command.h"
#include "core/cli/cli.h"
#include "core/cli/data_options.h"
#include "core/cli/json_output.h"
#include "core/cli/metrics_json.h"
#include "core/cli/model_source.h"
#include "core/cli/verb_parser.h"
#include "core/eval/evaluation.h"
#include "core/eval/metrics.h"
#include "core/io/csv_writer.h"
#include "core/io/dataset_loader.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

namespace mb::cli {

namespace {

double secondsOf(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

void writeCell(CsvWriter &out, const Column &c, std::size_t row)
{
    if (c.isNumeric())
        out.number(c.values()[row]);
    else if (c.codes()[row] == Column::kMissingCode)
        out.text({});
    else
        out.text(c.levels()[static_cast<std::size_t>(c.codes()[row])]);
}

/// Input columns, the predicted class and (optionally) one probability column per class.
Expected<void> writeScores(const QString &outPath, const Dataset &data, const Model &model,
                           std::span<const std::int32_t> predicted, std::span<const double> proba, bool withProba)
{
    const auto &classes = model.schema().classes;
    const ScoreColumnNames names = scoreColumnNames(data, classes);
    CsvWriter csv;
    for (const Column &c : data.columns())
        csv.text(c.name());
    csv.text(names.predicted);
    if (withProba) {
        for (const auto &n : names.probabilities)
            csv.text(n);
    }
    csv.endRow();

    std::unique_ptr<QSaveFile> file;
    if (!outPath.isEmpty()) {
        file = std::make_unique<QSaveFile>(outPath);
        if (!file->open(QIODevice::WriteOnly))
            return std::unexpected(Error{ErrorCode::Io, "cannot write: " + file->errorString().toStdString(),
                                         outPath.toStdString(), 0, 0, {}});
    }
    auto flush = [&] {
        const QByteArray block = csv.take();
        if (file)
            file->write(block);
        else
            std::fwrite(block.constData(), 1, static_cast<std::size_t>(block.size()), stdout);
    };
    const std::size_t k = classes.size();
    for (std::size_t r = 0; r < data.rowCount(); ++r) {
        for (const Column &c : data.columns())
            writeCell(csv, c, r);
        csv.text(classes[static_cast<std::size_t>(predicted[r])]);
        if (withProba) {
            for (std::size_t j = 0; j < k; ++j)
                csv.number(proba[r * k + j]);
        }
        csv.endRow();
        if (csv.bytes().size() > (1 << 20))
            flush();
    }
    flush();
    if (file && !file->commit())
        return std::unexpected(Error{ErrorCode::Io, "writing failed: " + file->errorString().toStdString(),
                                     outPath.toStdString(), 0, 0, {}});
    return {};
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
    addCatalogOption(parser);
    if (auto exit = parseVerb(parser, args, verb,
                              QStringLiteral("Score every row of DATA with MODEL: the input columns plus the "
                                             "predicted class (and probabilities)."),
                              {QStringLiteral("MODEL"), QStringLiteral("DATA")}))
        return *exit;
    auto csv = csvOptionsFrom(parser);
    if (!csv)
        return reportUsage(verb, QString::fromStdString(csv.error().message));

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
    EncodeReport report;
    auto x = model.encode(*data, {}, &report);
    if (!x) {
        Error e = x.error();
        e.file = dataPath.toStdString();
        return reportError(e);
    }
    QElapsedTimer predictTimer;
    predictTimer.start();
    std::vector<double> proba(x->rows() * static_cast<std::size_t>(model.classCount()));
    model.predictProba(*x, proba);
    const std::vector<std::int32_t> predicted = predictedClasses(proba, model.classCount());
    const double predictSeconds = secondsOf(predictTimer);

    if (!parser.isSet(QStringLiteral("json"))) {
        if (auto written = writeScores(parser.value(QStringLiteral("out")), *data, model, predicted, proba,
                                       parser.isSet(QStringLiteral("proba")));
            !written)
            return reportError(written.error());
        return kSuccess;
    }

    const auto &classes = model.schema().classes;
    std::vector<qint64> counts(classes.size(), 0);
    for (std::int32_t c : predicted)
        ++counts[static_cast<std::size_t>(c)];
    QJsonObject countsJson;
    for (std::size_t k = 0; k < classes.size(); ++k)
        countsJson.insert(QString::fromStdString(classes[k]), counts[k]);
    QJsonObject summary{{QStringLiteral("rows"), static_cast<qint64>(data->rowCount())},
                        {QStringLiteral("load_seconds"), loadSeconds},
                        {QStringLiteral("predict_seconds"), predictSeconds},
                        {QStringLiteral("predicted_counts"), countsJson},
                        {QStringLiteral("unseen_categories"), static_cast<qint64>(report.unseenCategories)},
                        {QStringLiteral("missing_values"), static_cast<qint64>(report.missingValues)}};
    if (data->columnIndex(model.schema().targetName)) {
        auto truth = model.encodeTarget(*data);
        if (truth) {
            const Metrics m = computeMetrics(*truth, proba, model.classCount());
            summary.insert(QStringLiteral("metrics"), metricsJson(m, classes));
            summary.insert(QStringLiteral("confusion_matrix"), confusionJson(m));
        }
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
