// SPDX-License-Identifier: MIT
#include "core/cli/model_commands.h"

#include "core/cli/cli.h"
#include "core/cli/json_output.h"
#include "core/cli/model_source.h"
#include "core/cli/verb_parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mb::cli {

namespace {

/// What `info --json` prints: the stored header plus the envelope's own facts.
QJsonObject infoJson(const ModelFileHeader &h)
{
    QJsonObject o = QJsonDocument::fromJson(h.text).object();
    o.insert(QStringLiteral("format_version"), static_cast<qint64>(h.formatVersion));
    o.insert(QStringLiteral("payload_bytes"), static_cast<qint64>(h.payloadBytes));
    o.insert(QStringLiteral("file_bytes"), static_cast<qint64>(h.fileBytes));
    o.insert(QStringLiteral("checksum"),
             QStringLiteral("crc32c:%1").arg(h.payloadCrc, 8, 16, QLatin1Char('0')));
    o.insert(QStringLiteral("archive"), QString::fromStdString(archiveKindName(h.archive)));
    o.remove(QStringLiteral("self_check"));
    return o;
}

QString infoText(const ModelFileHeader &h)
{
    QString out;
    out += QStringLiteral("learner      %1\n").arg(QString::fromStdString(h.algo));
    out += QStringLiteral("format       %1 (%2 archive, %3 payload bytes, crc32c %4)\n")
                   .arg(h.formatVersion)
                   .arg(QString::fromStdString(archiveKindName(h.archive)))
                   .arg(h.payloadBytes)
                   .arg(h.payloadCrc, 8, 16, QLatin1Char('0'));
    out += QStringLiteral("created      %1 by ModelBench %2\n")
                   .arg(QString::fromStdString(h.created), QString::fromStdString(h.appVersion));
    QStringList classes;
    for (const auto &c : h.schema.classes)
        classes << QString::fromStdString(c);
    out += QStringLiteral("target       %1: %2\n")
                   .arg(QString::fromStdString(h.schema.targetName), classes.join(QStringLiteral(", ")));
    out += QStringLiteral("trained on   %1 (%2 rows, fingerprint %3), validation: %4, seed %5\n")
                   .arg(QString::fromStdString(h.recipe.datasetName))
                   .arg(h.recipe.rows)
                   .arg(h.recipe.fingerprint, 16, 16, QLatin1Char('0'))
                   .arg(QString::fromStdString(h.recipe.validation))
                   .arg(h.recipe.seed);
    QStringList params;
    for (const auto &[name, value] : h.recipe.params)
        params << QStringLiteral("%1=%2").arg(QString::fromStdString(name), QString::fromStdString(value));
    out += QStringLiteral("parameters   %1\n").arg(params.join(QStringLiteral(" ")));
    QStringList metrics;
    for (const auto &[name, value] : h.metrics)
        metrics << QStringLiteral("%1=%2").arg(QString::fromStdString(name), formatNumber(value));
    out += QStringLiteral("metrics      %1\n").arg(metrics.isEmpty() ? QStringLiteral("(none)") : metrics.join(QStringLiteral(" ")));
    out += QStringLiteral("inputs       %1\n").arg(h.schema.features.size());
    for (const FeatureSchema &f : h.schema.features) {
        if (f.categorical) {
            QStringList levels;
            for (const auto &l : f.levels)
                levels << QString::fromStdString(l);
            out += QStringLiteral("  %1  categorical {%2}\n").arg(QString::fromStdString(f.name), levels.join(QStringLiteral(", ")));
        } else {
            out += QStringLiteral("  %1  numeric %2..%3, median %4\n")
                           .arg(QString::fromStdString(f.name), formatNumber(f.min), formatNumber(f.max), formatNumber(f.median));
        }
    }
    return out;
}

} // namespace

int runInfo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    if (auto exit = parseVerb(parser, args, QStringLiteral("info"),
                              QStringLiteral("Show what a model file holds (learner, inputs, classes, recipe, "
                                             "metrics, sizes) by reading its header only."),
                              {QStringLiteral("MODEL")}))
        return *exit;
    auto header = readModelHeader(parser.positionalArguments().at(0));
    if (!header)
        return reportError(header.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson(infoJson(*header));
    else
        print(stdout, infoText(*header));
    return kSuccess;
}

int runConvert(const QStringList &args)
{
    const QString verb = QStringLiteral("convert");
    QCommandLineParser parser;
    addFormatOption(parser);
    parser.addOption({QStringLiteral("out"), QStringLiteral("Where to write the converted model."), QStringLiteral("FILE")});
    if (auto exit = parseVerb(parser, args, verb,
                              QStringLiteral("Rewrite a model file with another archive kind; predictions stay "
                                             "identical."),
                              {QStringLiteral("MODEL")}))
        return *exit;
    if (!parser.isSet(QStringLiteral("format")) || !parser.isSet(QStringLiteral("out")))
        return reportUsage(verb, QStringLiteral("--format and --out are required"));
    auto kind = formatFrom(parser);
    if (!kind)
        return reportUsage(verb, QString::fromStdString(kind.error().message));
    auto loaded = openModel(parser.positionalArguments().at(0));
    if (!loaded)
        return reportError(loaded.error());
    if (auto saved = saveModelFile(parser.value(QStringLiteral("out")), loaded->model, *kind); !saved)
        return reportError(saved.error());
    return kSuccess;
}

} // namespace mb::cli
