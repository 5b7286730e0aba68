// SPDX-License-Identifier: MIT
#include "core/cli/train_command.h"

#include "core/catalog/catalog.h"
#include "core/cli/catalog_command.h"
#include "core/cli/cli.h"
#include "core/cli/data_options.h"
#include "core/cli/json_output.h"
#include "core/cli/metrics_json.h"
#include "core/cli/model_source.h"
#include "core/cli/verb_parser.h"
#include "core/eval/evaluation.h"
#include "core/eval/metric_summary.h"
#include "core/io/dataset_loader.h"
#include "core/ml/learner_registry.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace mb::cli {

namespace {

const QString kVerb = QStringLiteral("train");

QString learnersHelp()
{
    QString text = QStringLiteral("\nLearners and their parameters (--param NAME=VALUE):\n");
    for (const LearnerInfo &info : learners()) {
        text += QStringLiteral("\n  %1  %2: %3\n")
                        .arg(QString::fromLatin1(info.key.data(), info.key.size()))
                        .arg(QString::fromLatin1(info.name.data(), info.name.size()))
                        .arg(QString::fromLatin1(info.description.data(), info.description.size()));
        for (const ParamSpec &spec : info.params())
            text += QStringLiteral("      %1\n").arg(QString::fromStdString(describeSpec(spec)));
    }
    return text;
}

Expected<ValidationScheme> schemeFrom(const QCommandLineParser &parser)
{
    const int chosen = int(parser.isSet(QStringLiteral("holdout"))) + int(parser.isSet(QStringLiteral("cv")))
            + int(parser.isSet(QStringLiteral("test")));
    if (chosen > 1)
        return fail(ErrorCode::Usage, "choose one of --holdout, --cv and --test");
    ValidationScheme scheme;
    if (parser.isSet(QStringLiteral("holdout"))) {
        bool ok = false;
        scheme.holdoutFraction = parser.value(QStringLiteral("holdout")).toDouble(&ok);
        if (!ok || scheme.holdoutFraction <= 0 || scheme.holdoutFraction >= 1)
            return fail(ErrorCode::Usage, "--holdout takes a fraction between 0 and 1, e.g. 0.25");
    } else if (parser.isSet(QStringLiteral("cv"))) {
        bool ok = false;
        scheme.kind = ValidationScheme::Kind::CrossValidation;
        scheme.folds = parser.value(QStringLiteral("cv")).toInt(&ok);
        if (!ok || scheme.folds < 2 || scheme.folds > 100)
            return fail(ErrorCode::Usage, "--cv takes a number of folds from 2 to 100");
    } else if (parser.isSet(QStringLiteral("test"))) {
        scheme.kind = ValidationScheme::Kind::TestSet;
    }
    return scheme;
}

} // namespace

int runTrain(const QStringList &args)
{
    QCommandLineParser parser;
    addDataOptions(parser);
    parser.addOption({QStringLiteral("algo"), QStringLiteral("Learner: tree, forest, gbt, logreg, knn or nb."),
                      QStringLiteral("KEY")});
    parser.addOption({QStringLiteral("target"), QStringLiteral("Target column (default: the last column)."),
                      QStringLiteral("COL")});
    parser.addOption({QStringLiteral("param"), QStringLiteral("A learner parameter (repeatable); see below."),
                      QStringLiteral("NAME=VALUE")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("holdout"),
                      QStringLiteral("Stratified holdout: test on this fraction (default 0.25)."),
                      QStringLiteral("FRACTION")});
    parser.addOption({QStringLiteral("cv"),
                      QStringLiteral("Stratified K-fold cross-validation, then refit on all rows."),
                      QStringLiteral("K")});
    parser.addOption({QStringLiteral("test"), QStringLiteral("Evaluate on this file instead of a split."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Save the trained model to this .mbm file."),
                      QStringLiteral("MODEL")});
    addFormatOption(parser);
    parser.addOption({QStringLiteral("register"),
                      QStringLiteral("Also register the trained model in the catalog as the next version of NAME."),
                      QStringLiteral("NAME")});
    addCatalogOption(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    parser.addOption({QStringLiteral("params-help"), QStringLiteral("List every learner's parameters.")});

    // --params-help needs no DATA: answer it before the parser asks for one.
    if (args.contains(QStringLiteral("--params-help"))) {
        print(stdout, learnersHelp());
        return kSuccess;
    }
    const bool wantsLearnerHelp = args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"));
    if (auto exit = parseVerb(parser, args, kVerb,
                              QStringLiteral("Train a classifier on DATA and measure it."),
                              {QStringLiteral("DATA")})) {
        if (*exit == kSuccess && wantsLearnerHelp)
            print(stdout, learnersHelp());
        return *exit;
    }

    // Check everything the user typed before any work starts.
    if (!parser.isSet(QStringLiteral("algo")))
        return reportUsage(kVerb, QStringLiteral("--algo is required (tree, forest, gbt, logreg, knn, nb)"));
    const std::string algo = parser.value(QStringLiteral("algo")).toStdString();
    ParamValues params;
    for (const QString &p : parser.values(QStringLiteral("param"))) {
        const qsizetype eq = p.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return reportUsage(kVerb, QStringLiteral("--param takes NAME=VALUE, not '%1'").arg(p));
        params[p.left(eq).toStdString()] = p.mid(eq + 1).toStdString();
    }
    if (auto check = makeClassifier(algo, params); !check)
        return reportUsage(kVerb, QString::fromStdString(check.error().message));
    auto scheme = schemeFrom(parser);
    if (!scheme)
        return reportUsage(kVerb, QString::fromStdString(scheme.error().message));
    bool seedOk = false, threadsOk = false;
    const qulonglong seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    const int threads = parser.value(QStringLiteral("threads")).toInt(&threadsOk);
    if (!seedOk)
        return reportUsage(kVerb, QStringLiteral("--seed takes a non-negative integer"));
    if (!threadsOk || threads < 0 || threads > 1024)
        return reportUsage(kVerb, QStringLiteral("--threads takes a number from 0 (all cores) to 1024"));
    auto csv = csvOptionsFrom(parser);
    if (!csv)
        return reportUsage(kVerb, QString::fromStdString(csv.error().message));
    auto format = formatFrom(parser);
    if (!format)
        return reportUsage(kVerb, QString::fromStdString(format.error().message));

    // Open the catalog before training, so that a bad name or catalog costs no training time.
    std::optional<Catalog> catalog;
    const QString registerName = parser.value(QStringLiteral("register"));
    if (parser.isSet(QStringLiteral("register"))) {
        if (auto ok = checkModelName(registerName); !ok)
            return reportUsage(kVerb, QString::fromStdString(ok.error().message));
        auto opened = Catalog::open(parser.value(QStringLiteral("db")));
        if (!opened)
            return reportError(opened.error());
        catalog.emplace(std::move(*opened));
    }

    QElapsedTimer loadTimer;
    loadTimer.start();
    const QString path = parser.positionalArguments().at(0);
    auto data = loadDataset(path, *csv);
    if (!data)
        return reportError(data.error());
    if (parser.isSet(QStringLiteral("target"))) {
        const QString name = parser.value(QStringLiteral("target"));
        const auto index = data->columnIndex(name.toStdString());
        if (!index)
            return reportUsage(kVerb, QStringLiteral("no column '%1' in %2").arg(name, path));
        data->setTarget(*index);
    }
    std::optional<Dataset> testData;
    if (scheme->kind == ValidationScheme::Kind::TestSet) {
        auto test = loadDataset(parser.value(QStringLiteral("test")), *csv);
        if (!test)
            return reportError(test.error());
        testData = std::move(*test);
        scheme->testSet = &*testData;
        scheme->testName = parser.value(QStringLiteral("test")).toStdString();
    }
    const double loadSeconds = static_cast<double>(loadTimer.nsecsElapsed()) / 1e9;

    FitControl control;
    control.seed = seed;
    control.threads = threads;
    auto result = trainAndEvaluate(*data, algo, params, *scheme, control);
    if (!result)
        return reportError(result.error());

    Model &model = result->model;
    model.setMetrics(headlineMetrics(result->metrics));
    if (parser.isSet(QStringLiteral("out"))) {
        if (auto saved = saveModelFile(parser.value(QStringLiteral("out")), model, *format); !saved)
            return reportError(saved.error());
    }
    std::optional<CatalogEntry> registered;
    if (catalog) {
        // The catalog keeps the very bytes of the saved file (or of the file it would have been).
        Expected<QByteArray> bytes = std::unexpected(Error{});
        if (parser.isSet(QStringLiteral("out"))) {
            QFile saved(parser.value(QStringLiteral("out")));
            if (saved.open(QIODevice::ReadOnly))
                bytes = saved.readAll();
            else
                bytes = std::unexpected(Error{ErrorCode::Io, "cannot read back: " + saved.errorString().toStdString(),
                                              saved.fileName().toStdString(), 0, 0, {}});
        } else {
            bytes = encodeModelFile(model, *format);
        }
        if (!bytes)
            return reportError(bytes.error());
        auto added = catalog->add(registerName, *bytes, {{}, {}, QStringLiteral("the trained model")});
        if (!added)
            return reportError(added.error());
        registered = std::move(*added);
    }
    const auto &classes = model.schema().classes;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject paramsJson;
        for (const auto &[name, value] : model.recipe().params)
            paramsJson.insert(QString::fromStdString(name), QString::fromStdString(value));
        QJsonArray classesJson;
        for (const auto &c : classes)
            classesJson.append(QString::fromStdString(c));
        QJsonObject report{{QStringLiteral("algo"), QString::fromStdString(algo)},
                           {QStringLiteral("params"), paramsJson},
                           {QStringLiteral("seed"), static_cast<qint64>(seed)},
                           {QStringLiteral("validation"), QString::fromStdString(scheme->describe())},
                           {QStringLiteral("rows"), static_cast<qint64>(data->rowCount())},
                           {QStringLiteral("features"), static_cast<qint64>(model.schema().features.size())},
                           {QStringLiteral("classes"), classesJson},
                           {QStringLiteral("load_seconds"), loadSeconds},
                           {QStringLiteral("fit_seconds"), result->fitSeconds},
                           {QStringLiteral("predict_seconds"), result->predictSeconds},
                           {QStringLiteral("metrics"), metricsJson(result->metrics, classes)},
                           {QStringLiteral("confusion_matrix"), confusionJson(result->metrics)}};
        if (scheme->kind == ValidationScheme::Kind::CrossValidation) {
            QJsonArray folds;
            for (const Metrics &fold : result->folds)
                folds.append(metricsJson(fold, classes));
            report.insert(QStringLiteral("folds"), folds);
        }
        if (registered)
            report.insert(QStringLiteral("registered"), catalogEntryJson(*registered));
        printJson(report);
    } else {
        QString text = QStringLiteral("%1 on %2: %3 rows, %4 features, %5 classes; validation: %6\n")
                               .arg(QString::fromStdString(algo), QString::fromStdString(data->name()))
                               .arg(data->rowCount())
                               .arg(model.schema().features.size())
                               .arg(classes.size())
                               .arg(QString::fromStdString(scheme->describe()));
        text += QStringLiteral("load %1 s, fit %2 s, predict %3 s%4\n\n")
                        .arg(loadSeconds, 0, 'f', 3)
                        .arg(result->fitSeconds, 0, 'f', 3)
                        .arg(result->predictSeconds, 0, 'f', 3)
                        .arg(scheme->kind == ValidationScheme::Kind::CrossValidation
                                     ? QStringLiteral(" (means per fold)")
                                     : QString());
        text += metricsText(result->metrics, classes);
        if (registered)
            text += QStringLiteral("\nregistered %1:%2 in %3\n").arg(registered->name).arg(registered->version).arg(catalog->path());
        print(stdout, text);
    }
    return kSuccess;
}

} // namespace mb::cli
