// SPDX-License-Identifier: MIT
#include "core/cli/describe_command.h"

#include "core/cli/cli.h"
#include "core/cli/data_options.h"
#include "core/cli/json_output.h"
#include "core/cli/verb_parser.h"
#include "core/data/column_stats.h"
#include "core/io/dataset_loader.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <map>

namespace mb::cli {

namespace {

QString typeName(const Column &column)
{
    return column.isNumeric() ? QStringLiteral("numeric") : QStringLiteral("categorical");
}

/// Class counts of a target column; a numeric target counts its distinct values.
std::vector<ColumnStats::LevelCount> classCounts(const Column &column, const ColumnStats &stats)
{
    if (!column.isNumeric())
        return stats.levels;
    std::map<double, std::size_t> counts;
    for (double v : column.values()) {
        if (!std::isnan(v))
            ++counts[v];
    }
    std::vector<ColumnStats::LevelCount> out;
    for (const auto &[value, count] : counts)
        out.push_back({formatNumber(value).toStdString(), count});
    return out;
}

QJsonArray levelsJson(const std::vector<ColumnStats::LevelCount> &levels)
{
    QJsonArray array;
    for (const auto &level : levels) {
        array.append(QJsonObject{{QStringLiteral("value"), QString::fromStdString(level.value)},
                                 {QStringLiteral("count"), static_cast<qint64>(level.count)}});
    }
    return array;
}

QString levelsText(const std::vector<ColumnStats::LevelCount> &levels, std::size_t limit)
{
    QStringList parts;
    for (std::size_t i = 0; i < levels.size() && i < limit; ++i)
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(levels[i].value)).arg(levels[i].count);
    if (levels.size() > limit)
        parts << QStringLiteral("... (%1 more)").arg(levels.size() - limit);
    return parts.join(QStringLiteral(", "));
}

void printJsonReport(const Dataset &data, const std::vector<ColumnStats> &stats,
                     std::optional<std::size_t> target)
{
    QJsonArray columns;
    for (std::size_t i = 0; i < data.columnCount(); ++i) {
        const Column &c = data.column(i);
        const ColumnStats &s = stats[i];
        QJsonObject o{{QStringLiteral("name"), QString::fromStdString(c.name())},
                      {QStringLiteral("type"), typeName(c)},
                      {QStringLiteral("missing"), static_cast<qint64>(s.missing)},
                      {QStringLiteral("distinct"), static_cast<qint64>(s.distinct)}};
        if (c.isNumeric()) {
            o.insert(QStringLiteral("min"), jsonNumber(s.min));
            o.insert(QStringLiteral("max"), jsonNumber(s.max));
            o.insert(QStringLiteral("mean"), jsonNumber(s.mean));
        } else {
            o.insert(QStringLiteral("levels"), levelsJson(s.levels));
        }
        if (!c.typeReason().empty())
            o.insert(QStringLiteral("type_reason"), QString::fromStdString(c.typeReason()));
        columns.append(o);
    }
    QJsonObject report{{QStringLiteral("name"), QString::fromStdString(data.name())},
                       {QStringLiteral("rows"), static_cast<qint64>(data.rowCount())},
                       {QStringLiteral("columns"), columns}};
    if (target) {
        report.insert(QStringLiteral("target"), QString::fromStdString(data.column(*target).name()));
        report.insert(QStringLiteral("classes"),
                      levelsJson(classCounts(data.column(*target), stats[*target])));
    }
    QJsonArray warnings;
    for (const auto &w : data.warnings())
        warnings.append(QString::fromStdString(w));
    report.insert(QStringLiteral("warnings"), warnings);
    printJson(report);
}

void printTextReport(const Dataset &data, const std::vector<ColumnStats> &stats,
                     std::optional<std::size_t> target)
{
    QString out = QStringLiteral("%1: %2 rows, %3 columns\n")
                          .arg(QString::fromStdString(data.name()))
                          .arg(data.rowCount())
                          .arg(data.columnCount());
    int nameWidth = 4;
    for (const Column &c : data.columns())
        nameWidth = std::max(nameWidth, static_cast<int>(QString::fromStdString(c.name()).size()));
    out += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(QStringLiteral("#"), 4)
                   .arg(QStringLiteral("name"), -nameWidth)
                   .arg(QStringLiteral("type"), -11)
                   .arg(QStringLiteral("missing"), 7)
                   .arg(QStringLiteral("distinct"), 8)
                   .arg(QStringLiteral("summary"));
    for (std::size_t i = 0; i < data.columnCount(); ++i) {
        const Column &c = data.column(i);
        const ColumnStats &s = stats[i];
        const QString summary = c.isNumeric()
                ? QStringLiteral("min %1, max %2, mean %3")
                          .arg(formatNumber(s.min), formatNumber(s.max),
                               QString::number(s.mean, 'g', 6))
                : levelsText(s.levels, 8);
        out += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                       .arg(i + 1, 4)
                       .arg(QString::fromStdString(c.name()), -nameWidth)
                       .arg(typeName(c), -11)
                       .arg(s.missing, 7)
                       .arg(s.distinct, 8)
                       .arg(summary);
    }
    if (target) {
        const auto classes = classCounts(data.column(*target), stats[*target]);
        out += QStringLiteral("target '%1': %2 classes: %3\n")
                       .arg(QString::fromStdString(data.column(*target).name()))
                       .arg(classes.size())
                       .arg(levelsText(classes, 20));
    }
    for (const auto &w : data.warnings())
        out += QStringLiteral("warning: %1\n").arg(QString::fromStdString(w));
    print(stdout, out);
}

} // namespace

int runDescribe(const QStringList &args)
{
    QCommandLineParser parser;
    addDataOptions(parser);
    parser.addOption({QStringLiteral("target"),
                      QStringLiteral("Also count the classes of this column."),
                      QStringLiteral("COL")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    if (auto exit = parseVerb(parser, args, QStringLiteral("describe"),
                              QStringLiteral("Print rows, columns and per-column statistics of a "
                                             "CSV or ARFF file ('sample:iris.csv' names a "
                                             "built-in sample)."),
                              {QStringLiteral("DATA")}))
        return *exit;

    auto options = csvOptionsFrom(parser);
    if (!options)
        return reportUsage(QStringLiteral("describe"), QString::fromStdString(options.error().message));

    const QString path = parser.positionalArguments().at(0);
    auto data = loadDataset(path, *options);
    if (!data)
        return reportError(data.error());
    for (const auto &w : data->warnings())
        print(stderr, QStringLiteral("modelbench-cli: warning: %1\n").arg(QString::fromStdString(w)));

    std::optional<std::size_t> target;
    if (parser.isSet(QStringLiteral("target"))) {
        const QString name = parser.value(QStringLiteral("target"));
        target = data->columnIndex(name.toStdString());
        if (!target) {
            QStringList names;
            for (const Column &c : data->columns())
                names << QString::fromStdString(c.name());
            return reportUsage(QStringLiteral("describe"),
                               QStringLiteral("no column '%1' in %2; columns: %3")
                                       .arg(name, path, names.join(QStringLiteral(", "))));
        }
        data->setTarget(*target);
    }

    const std::vector<ColumnStats> stats = computeStats(*data);

    if (parser.isSet(QStringLiteral("json")))
        printJsonReport(*data, stats, target);
    else
        printTextReport(*data, stats, target);
    return kSuccess;
}

} // namespace mb::cli
