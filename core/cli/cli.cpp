// SPDX-License-Identifier: MIT
#include "core/cli/cli.h"

#include "core/cli/catalog_command.h"
#include "core/cli/describe_command.h"
#include "core/cli/json_output.h"
#include "core/cli/model_commands.h"
#include "core/cli/predict_command.h"
#include "core/cli/train_command.h"

#include <array>
#include <exception>

namespace mb::cli {

namespace {

struct Verb {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

constexpr std::array kVerbs{
    Verb{"describe", "rows, columns and per-column statistics of a data file", runDescribe},
    Verb{"train", "train a classifier, validate it and report its metrics", runTrain},
    Verb{"predict", "score a data file with a model (CSV out, or a JSON summary)", runPredict},
    Verb{"evaluate", "measure a model on a labelled data file", runEvaluate},
    Verb{"info", "show a model file's header: learner, inputs, classes, recipe, metrics", runInfo},
    Verb{"convert", "rewrite a model file with another archive kind", runConvert},
    Verb{"catalog", "the model catalog: list, add, show, export, alias, tag, history ...", runCatalog},
};

QString usage()
{
    QString text = QStringLiteral(
            "Usage: modelbench-cli VERB [OPTIONS] ...\n"
            "ModelBench from the command line: the same engine as the desktop app.\n\n"
            "Verbs:\n");
    for (const Verb &verb : kVerbs)
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(verb.name), -10).arg(QString::fromLatin1(verb.summary));
    text += QStringLiteral(
            "\n'modelbench-cli VERB --help' describes a verb.\n"
            "Exit codes: 0 success, 1 bad input (file, line and column on stderr), 2 wrong usage.\n");
    return text;
}

} // namespace

int run(const QStringList &args)
{
    const QString first = args.value(1);
    if (first.isEmpty())
        return reportUsage(QString(), QStringLiteral("no verb given"));
    if (first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("help")) {
        print(stdout, usage());
        return kSuccess;
    }
    if (first == QLatin1String("--version")) {
        print(stdout, QStringLiteral("modelbench-cli %1\n").arg(QStringLiteral(MB_VERSION)));
        return kSuccess;
    }
    for (const Verb &verb : kVerbs) {
        if (first == QLatin1String(verb.name)) {
            // Throwing means a broken invariant; report it instead of aborting.
            try {
                return verb.run(args.mid(1));
            } catch (const std::exception &e) {
                return reportError({ErrorCode::Internal,
                                    std::string("internal error: ") + e.what(), {}, 0, 0, {}});
            }
        }
    }
    return reportUsage(QString(), QStringLiteral("unknown verb '%1'").arg(first));
}

} // namespace mb::cli
