// SPDX-License-Identifier: MIT
#include "core/cli/catalog_command.h"

#include "core/catalog/catalog.h"
#include "core/cli/cli.h"
#include "core/cli/json_output.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

#include <algorithm>
#include <array>

namespace mb::cli {

namespace {

const QString kDbOption = QStringLiteral("db");

struct SubVerb
{
    const char *name;
    const char *synopsis;
    const char *summary;
    int (*run)(const QString &dbPath, const QStringList &args);
};

Error fileError(ErrorCode code, std::string message, const QString &path)
{
    return Error {code, std::move(message), path.toStdString(), 0, 0, {}};
}

QString verbName(const char *sub)
{
    return QStringLiteral("catalog ") + QLatin1String(sub);
}

/// Like parseVerb, but with optional positional arguments after the required ones. `args[0]`
/// stands where QCommandLineParser expects the program name.
std::optional<int> parseSub(QCommandLineParser &parser, const QStringList &args,
                            const QString &verb, const QString &description,
                            const QStringList &required, const QStringList &optional = {})
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    addCatalogOption(parser);
    for (const QString &name : required)
        parser.addPositionalArgument(name, QString());
    for (const QString &name : optional)
        parser.addPositionalArgument(name, QString(), QStringLiteral("[%1]").arg(name));
    if (!parser.parse(args))
        return reportUsage(verb, parser.errorText());
    if (parser.isSet(help)) {
        // QCommandLineParser names the program file in its usage line; name the sub-verb instead.
        QString text = parser.helpText();
        const qsizetype options = text.indexOf(QStringLiteral(" [options]"));
        if (text.startsWith(QStringLiteral("Usage: ")) && options > 0
            && options < text.indexOf(QLatin1Char('\n')))
            text.replace(0, options, QStringLiteral("Usage: modelbench-cli ") + verb);
        print(stdout, text);
        return kSuccess;
    }
    const QStringList given = parser.positionalArguments();
    if (given.size() < required.size())
        return reportUsage(verb,
                           QStringLiteral("missing argument %1").arg(required.value(given.size())));
    if (given.size() > required.size() + optional.size())
        return reportUsage(verb,
                           QStringLiteral("unexpected argument '%1'")
                               .arg(given.value(required.size() + optional.size())));
    return std::nullopt;
}

/// The catalog named by --db after the sub-verb, else by --db before it, else the default.
Expected<Catalog> openCatalog(const QCommandLineParser &parser, const QString &dbBefore)
{
    return Catalog::open(parser.isSet(kDbOption) ? parser.value(kDbOption) : dbBefore);
}

/// A reference argument; a malformed one is a usage error (exit 2).
std::optional<ModelRef> refArgument(const QString &verb, const QString &text, int &exitCode)
{
    auto ref = ModelRef::parse(text);
    if (!ref) {
        exitCode = reportUsage(verb, QString::fromStdString(ref.error().message));
        return std::nullopt;
    }
    return *ref;
}

QString labelArgument(QString text)
{
    // "@production" and "production" mean the same alias.
    if (text.startsWith(QLatin1Char('@')))
        text.remove(0, 1);
    return text;
}

QJsonObject eventJson(const CatalogEvent &e)
{
    return QJsonObject {{QStringLiteral("time"), e.time},
                        {QStringLiteral("event"), e.event},
                        {QStringLiteral("name"), e.name},
                        {QStringLiteral("version"),
                         e.version ? QJsonValue(*e.version) : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("detail"), e.detail}};
}

QString eventLine(const CatalogEvent &e)
{
    const QString target = e.version ? QStringLiteral("%1:%2").arg(e.name).arg(*e.version) : e.name;
    return QStringLiteral("%1  %2  %3%4\n")
        .arg(e.time, QStringLiteral("%1").arg(e.event, -13), target,
             e.detail.isEmpty() ? QString() : QStringLiteral("  ") + e.detail);
}

QString sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(static_cast<double>(bytes) / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(static_cast<double>(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

/// Rows of cells as a table whose columns line up, two spaces apart.
QString alignedTable(const std::vector<QStringList> &rows)
{
    std::vector<qsizetype> widths;
    for (const QStringList &row : rows) {
        widths.resize(std::max<std::size_t>(widths.size(), static_cast<std::size_t>(row.size())),
                      0);
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[static_cast<std::size_t>(c)]
                = std::max(widths[static_cast<std::size_t>(c)], row[c].size());
    }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c + 1 < row.size())
                line += row[c].leftJustified(widths[static_cast<std::size_t>(c)])
                    + QStringLiteral("  ");
            else
                line += row[c];
        }
        out += line.trimmed() + QLatin1Char('\n');
    }
    return out;
}

QString accuracyText(const CatalogEntry &e)
{
    return e.accuracy ? QString::number(*e.accuracy, 'f', 4) : QStringLiteral("-");
}

int runList(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("list");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("name"), QStringLiteral("Only versions of this model."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("tag"), QStringLiteral("Only versions with this tag."),
                      QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("sort"),
         QStringLiteral("Order: name (default), version, created (newest first), accuracy (best "
                        "first) or size (largest first)."),
         QStringLiteral("FIELD"), QStringLiteral("name")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Print a JSON array, one object per version.")});
    if (auto exit
        = parseSub(parser, args, verb,
                   QStringLiteral("List the registered models, one line per version."), {}))
        return *exit;
    const auto sort = catalogSortFromName(parser.value(QStringLiteral("sort")));
    if (!sort) {
        return reportUsage(verb,
                           QStringLiteral("--sort takes %1, not '%2'")
                               .arg(catalogSortNames().join(QStringLiteral(", ")),
                                    parser.value(QStringLiteral("sort"))));
    }
    auto catalog = openCatalog(parser, dbBefore);
    if (!catalog)
        return reportError(catalog.error());
    auto entries = catalog->list({parser.value(QStringLiteral("name")),
                                  labelArgument(parser.value(QStringLiteral("tag"))), *sort});
    if (!entries)
        return reportError(entries.error());

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const CatalogEntry &e : *entries)
            array.append(catalogEntryJson(e));
        printJson(array);
        return kSuccess;
    }
    if (entries->empty()) {
        print(stdout, QStringLiteral("No models match in %1\n").arg(catalog->path()));
        return kSuccess;
    }
    std::vector<QStringList> rows {{QStringLiteral("NAME"), QStringLiteral("VERSION"),
                                    QStringLiteral("ALGO"), QStringLiteral("ACCURACY"),
                                    QStringLiteral("SIZE"), QStringLiteral("CREATED"),
                                    QStringLiteral("ALIASES"), QStringLiteral("TAGS")}};
    for (const CatalogEntry &e : *entries) {
        QStringList aliases;
        for (const QString &a : e.aliases)
            aliases << QLatin1Char('@') + a;
        rows.push_back({e.name, QString::number(e.version), e.algo, accuracyText(e),
                        sizeText(e.size), e.created, aliases.join(QLatin1Char(',')),
                        e.tags.join(QLatin1Char(','))});
    }
    print(stdout, alignedTable(rows));
    return kSuccess;
}

int runAdd(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("add");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("name"),
                      QStringLiteral("Register under this model name (required)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("tag"),
                      QStringLiteral("A tag for the new version (repeatable)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("description"),
                      QStringLiteral("A Markdown description of the new version."),
                      QStringLiteral("TEXT")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Print the new entry as one JSON object.")});
    if (auto exit
        = parseSub(parser, args, verb,
                   QStringLiteral("Register a model file as the next version of NAME (the file is "
                                  "loaded and self-checked first; its exact bytes are stored)."),
                   {QStringLiteral("MODEL")}))
        return *exit;
    if (!parser.isSet(QStringLiteral("name")))
        return reportUsage(verb, QStringLiteral("--name is required"));
    const QString name = parser.value(QStringLiteral("name"));
    if (auto ok = checkModelName(name); !ok)
        return reportUsage(verb, QString::fromStdString(ok.error().message));
    QStringList tags;
    for (const QString &t : parser.values(QStringLiteral("tag"))) {
        tags << labelArgument(t);
        if (auto ok = checkLabel(tags.back(), "tag"); !ok)
            return reportUsage(verb, QString::fromStdString(ok.error().message));
    }

    const QString modelPath = parser.positionalArguments().at(0);
    const QFileInfo info(modelPath);
    // Refuse an oversized file before reading it into memory.
    if (info.exists() && info.size() > kMaxCatalogModelBytes) {
        return reportError(fileError(
            ErrorCode::Unsupported,
            QStringLiteral("the model is %1 MiB; the catalog stores models up to %2 MiB. Keep it "
                           "as a file instead.")
                .arg(static_cast<double>(info.size()) / (1024.0 * 1024.0), 0, 'f', 1)
                .arg(kMaxCatalogModelBytes >> 20)
                .toStdString(),
            modelPath));
    }
    QFile file(modelPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return reportError(fileError(
            ErrorCode::Io, "cannot read: " + file.errorString().toStdString(), modelPath));
    }
    const QByteArray bytes = file.readAll();
    file.close();

    auto catalog = openCatalog(parser, dbBefore);
    if (!catalog)
        return reportError(catalog.error());
    auto added
        = catalog->add(name, bytes, {tags, parser.value(QStringLiteral("description")), modelPath});
    if (!added)
        return reportError(added.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson(catalogEntryJson(*added));
    else
        print(stdout,
              QStringLiteral("registered %1:%2 (sha256 %3)\n")
                  .arg(added->name)
                  .arg(added->version)
                  .arg(added->sha256));
    return kSuccess;
}

int runShow(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("show");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    if (auto exit
        = parseSub(parser, args, verb,
                   QStringLiteral("Show one version: header fields, tags, aliases, description and "
                                  "events. REF is NAME (latest), NAME:VERSION or NAME@ALIAS."),
                   {QStringLiteral("REF")}))
        return *exit;
    int exitCode = kSuccess;
    const auto ref = refArgument(verb, parser.positionalArguments().at(0), exitCode);
    if (!ref)
        return exitCode;
    auto catalog = openCatalog(parser, dbBefore);
    if (!catalog)
        return reportError(catalog.error());
    auto entry = catalog->entry(*ref);
    if (!entry)
        return reportError(entry.error());
    auto events = catalog->versionHistory(entry->name, entry->version);
    if (!events)
        return reportError(events.error());

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject object = catalogEntryJson(*entry);
        object.insert(QStringLiteral("description"), entry->description);
        QJsonArray eventsJson;
        for (const CatalogEvent &e : *events)
            eventsJson.append(eventJson(e));
        object.insert(QStringLiteral("events"), eventsJson);
        printJson(object);
        return kSuccess;
    }
    QStringList metrics;
    for (const auto &[key, value] : entry->metrics)
        metrics << QStringLiteral("%1=%2").arg(QString::fromStdString(key), formatNumber(value));
    QStringList aliases;
    for (const QString &a : entry->aliases)
        aliases << QLatin1Char('@') + a;
    const auto orNone = [](const QString &text) {
        return text.isEmpty() ? QStringLiteral("(none)") : text;
    };
    QString text;
    text += QStringLiteral("model        %1:%2\n").arg(entry->name).arg(entry->version);
    text += QStringLiteral("learner      %1\n").arg(entry->algo);
    text += QStringLiteral("classes      %1\n").arg(entry->classes.join(QStringLiteral(", ")));
    text += QStringLiteral("trained on   %1 (%2 rows, fingerprint %3)\n")
                .arg(entry->datasetName)
                .arg(entry->rows)
                .arg(entry->fingerprint);
    text += QStringLiteral("metrics      %1\n").arg(orNone(metrics.join(QLatin1Char(' '))));
    text += QStringLiteral("created      %1\n").arg(entry->created);
    text += QStringLiteral("registered   %1\n").arg(entry->registered);
    text += QStringLiteral("file         %1 bytes, %2 archive, format %3, sha256 %4\n")
                .arg(entry->size)
                .arg(entry->archive)
                .arg(entry->formatVersion)
                .arg(entry->sha256);
    text += QStringLiteral("aliases      %1\n").arg(orNone(aliases.join(QLatin1Char(' '))));
    text += QStringLiteral("tags         %1\n").arg(orNone(entry->tags.join(QLatin1Char(' '))));
    if (!entry->description.isEmpty())
        text += QStringLiteral("\n%1\n").arg(entry->description);
    text += QStringLiteral("\nevents\n");
    for (const CatalogEvent &e : *events)
        text += QStringLiteral("  ") + eventLine(e);
    print(stdout, text);
    return kSuccess;
}

int runExport(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("export");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Write the model file here (required)."),
                      QStringLiteral("FILE")});
    if (auto exit = parseSub(
            parser, args, verb,
            QStringLiteral("Write one version's model file, byte for byte as it was registered."),
            {QStringLiteral("REF")}))
        return *exit;
    if (!parser.isSet(QStringLiteral("out")))
        return reportUsage(verb, QStringLiteral("--out is required"));
    int exitCode = kSuccess;
    const auto ref = refArgument(verb, parser.positionalArguments().at(0), exitCode);
    if (!ref)
        return exitCode;
    auto catalog = openCatalog(parser, dbBefore);
    if (!catalog)
        return reportError(catalog.error());
    auto bytes = catalog->bytes(*ref);
    if (!bytes)
        return reportError(bytes.error());
    const QString outPath = parser.value(QStringLiteral("out"));
    // All or nothing: the target holds the old file or the complete new one.
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(*bytes) != bytes->size() || !out.commit()) {
        return reportError(
            fileError(ErrorCode::Io, "cannot write: " + out.errorString().toStdString(), outPath));
    }
    return kSuccess;
}

int runAlias(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("alias");
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("remove"), QStringLiteral("Remove ALIAS from model REF (NAME) instead.")});
    if (auto exit = parseSub(
            parser, args, verb,
            QStringLiteral("Point ALIAS (without '@') of a model at one version: "
                           "'alias churn:3 production' makes churn@production mean churn:3."),
            {QStringLiteral("NAME:VERSION"), QStringLiteral("ALIAS")}))
        return *exit;
    int exitCode = kSuccess;
    const auto ref = refArgument(verb, parser.positionalArguments().at(0), exitCode);
    if (!ref)
        return exitCode;
    const QString alias = labelArgument(parser.positionalArguments().at(1));
    if (auto ok = checkLabel(alias, "alias"); !ok)
        return reportUsage(verb, QString::fromStdString(ok.error().message));
    const bool removing = parser.isSet(QStringLiteral("remove"));
    if (!removing && !ref->version) {
        return reportUsage(verb,
                           QStringLiteral("say which version @%1 should point to, e.g. %2:3")
                               .arg(alias, ref->name));
    }
    auto catalog = openCatalog(parser, dbBefore);
    if (!catalog)
        return reportError(catalog.error());
    auto done = removing ? catalog->removeAlias(ref->name, alias)
                         : catalog->setAlias(ref->name, *ref->version, alias);
    if (!done)
        return reportError(done.error());
    if (removing)
        print(stdout, QStringLiteral("removed %1@%2\n").arg(ref->name, alias));
    else
        print(stdout, QStringLiteral("%1@%2 -> %1:%3\n").arg(ref->name, alias).arg(*ref->version));
    return kSuccess;
}

int runTagging(const QString &dbBefore, const QStringList &args, bool adding)
{
    const QString verb = verbName(adding ? "tag" : "untag");
    QCommandLineParser parser;
    if (auto exit = parseSub(
            parser, args, verb,
            adding ? QStringLiteral("Add TAG to a version (REF without version: the latest).")
                   : QStringLiteral("Remove TAG from a version (REF without version: the latest)."),
            {QStringLiteral("REF"), QStringLiteral("TAG")}))
        return *exit;
    int exitCode = kSuccess;
    const auto ref = refArgument(verb, parser.positionalArguments().at(0), exitCode);
    if (!ref)
        return exitCode;
    const QString tag = parser.positionalArguments().at(1);
    if (auto ok = checkLabel(tag, "tag"); !ok)
        return reportUsage(verb, QString::fromStdString(ok.error().message));
    auto catalog = openCatalog(parser, dbBefore);
    if (!catalog)
        return reportError(catalog.error());
    auto done = adding ? catalog->tag(*ref, tag) : catalog->untag(*ref, tag);
    if (!done)
        return reportError(done.error());
    return kSuccess;
}

int runTag(const QString &dbBefore, const QStringList &args)
{
    return runTagging(dbBefore, args, true);
}

int runUntag(const QString &dbBefore, const QStringList &args)
{
    return runTagging(dbBefore, args, false);
}

int runRename(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("rename");
    QCommandLineParser parser;
    if (auto exit
        = parseSub(parser, args, verb,
                   QStringLiteral("Rename a model; its versions, aliases and history go with it."),
                   {QStringLiteral("OLD"), QStringLiteral("NEW")}))
        return *exit;
    const QString oldName = parser.positionalArguments().at(0);
    const QString newName = parser.positionalArguments().at(1);
    for (const QString &name : {oldName, newName}) {
        if (auto ok = checkModelName(name); !ok)
            return reportUsage(verb, QString::fromStdString(ok.error().message));
    }
    auto catalog = openCatalog(parser, dbBefore);
    if (!catalog)
        return reportError(catalog.error());
    if (auto done = catalog->rename(oldName, newName); !done)
        return reportError(done.error());
    return kSuccess;
}

int runRemove(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("remove");
    QCommandLineParser parser;
    if (auto exit = parseSub(
            parser, args, verb,
            QStringLiteral("Remove one version (NAME:VERSION) or a whole model (NAME). Version "
                           "numbers are never given out again."),
            {QStringLiteral("REF")}))
        return *exit;
    int exitCode = kSuccess;
    const auto ref = refArgument(verb, parser.positionalArguments().at(0), exitCode);
    if (!ref)
        return exitCode;
    if (!ref->alias.isEmpty())
        return reportUsage(
            verb,
            QStringLiteral("name the version to remove by number (NAME:VERSION), not by alias"));
    auto catalog = openCatalog(parser, dbBefore);
    if (!catalog)
        return reportError(catalog.error());
    auto removed = catalog->remove(ref->name, ref->version);
    if (!removed)
        return reportError(removed.error());
    QStringList versions;
    for (int v : *removed)
        versions << QString::number(v);
    print(stdout,
          ref->version ? QStringLiteral("removed %1\n").arg(ref->toString())
                       : QStringLiteral("removed %1 (versions: %2)\n")
                             .arg(ref->name,
                                  versions.isEmpty() ? QStringLiteral("none")
                                                     : versions.join(QStringLiteral(", "))));
    return kSuccess;
}

int runHistory(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("history");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array of events.")});
    if (auto exit = parseSub(
            parser, args, verb,
            QStringLiteral("The catalog's event log, oldest first: every event, or those of model "
                           "NAME (followed through renames)."),
            {}, {QStringLiteral("NAME")}))
        return *exit;
    const QString name = parser.positionalArguments().value(0);
    if (!name.isEmpty()) {
        if (auto ok = checkModelName(name); !ok)
            return reportUsage(verb, QString::fromStdString(ok.error().message));
    }
    auto catalog = openCatalog(parser, dbBefore);
    if (!catalog)
        return reportError(catalog.error());
    auto events = catalog->history(name);
    if (!events)
        return reportError(events.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const CatalogEvent &e : *events)
            array.append(eventJson(e));
        printJson(array);
        return kSuccess;
    }
    QString text;
    for (const CatalogEvent &e : *events)
        text += eventLine(e);
    print(stdout, text);
    return kSuccess;
}

constexpr std::array kSubVerbs {
    SubVerb {"list", "[--name N] [--tag T] [--sort FIELD] [--json]", "list the versions", runList},
    SubVerb {"add", "MODEL --name NAME [--tag T]... [--description TEXT]", "register a model file",
             runAdd},
    SubVerb {"show", "NAME[:VERSION|@ALIAS] [--json]", "one version in full, with its events",
             runShow},
    SubVerb {"export", "NAME[:VERSION|@ALIAS] --out FILE",
             "write a version's model file, byte for byte", runExport},
    SubVerb {"alias", "NAME:VERSION ALIAS", "point an alias (e.g. production) at a version",
             runAlias},
    SubVerb {"tag", "NAME[:VERSION] TAG", "tag a version", runTag},
    SubVerb {"untag", "NAME[:VERSION] TAG", "remove a tag", runUntag},
    SubVerb {"rename", "OLD NEW", "rename a model", runRename},
    SubVerb {"remove", "NAME[:VERSION]", "remove a version or a whole model", runRemove},
    SubVerb {"history", "[NAME] [--json]", "the event log", runHistory},
};

QString catalogUsage()
{
    QString text
        = QStringLiteral(
              "Usage: modelbench-cli catalog [--db PATH] SUBVERB ...\n"
              "The model catalog: registered models with versions, tags, aliases and history.\n"
              "Default catalog: %1\n\n")
              .arg(Catalog::defaultPath());
    for (const SubVerb &sub : kSubVerbs) {
        text += QStringLiteral("  %1 %2\n      %3\n")
                    .arg(QLatin1String(sub.name), QLatin1String(sub.synopsis),
                         QLatin1String(sub.summary));
    }
    text += QStringLiteral("\nREF: NAME (the latest version), NAME:VERSION or NAME@ALIAS.\n"
                           "'modelbench-cli catalog SUBVERB --help' describes a sub-verb.\n");
    return text;
}

} // namespace

void addCatalogOption(QCommandLineParser &parser)
{
    parser.addOption({kDbOption,
                      QStringLiteral("The catalog file (default: %1).").arg(Catalog::defaultPath()),
                      QStringLiteral("PATH")});
}

QJsonObject catalogEntryJson(const CatalogEntry &e)
{
    QJsonObject metrics;
    for (const auto &[key, value] : e.metrics)
        metrics.insert(QString::fromStdString(key), jsonNumber(value));
    return QJsonObject {{QStringLiteral("name"), e.name},
                        {QStringLiteral("version"), e.version},
                        {QStringLiteral("algo"), e.algo},
                        {QStringLiteral("created"), e.created},
                        {QStringLiteral("registered"), e.registered},
                        {QStringLiteral("size"), e.size},
                        {QStringLiteral("checksum"), QStringLiteral("sha256:") + e.sha256},
                        {QStringLiteral("tags"), QJsonArray::fromStringList(e.tags)},
                        {QStringLiteral("aliases"), QJsonArray::fromStringList(e.aliases)},
                        {QStringLiteral("metrics"), metrics},
                        {QStringLiteral("dataset"), e.datasetName},
                        {QStringLiteral("fingerprint"), e.fingerprint},
                        {QStringLiteral("rows"), e.rows},
                        {QStringLiteral("classes"), QJsonArray::fromStringList(e.classes)},
                        {QStringLiteral("archive"), e.archive},
                        {QStringLiteral("format_version"), e.formatVersion}};
}

int runCatalog(const QStringList &args)
{
    // Options before the sub-verb: only --db and --help.
    QString db;
    qsizetype i = 1;
    for (; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            print(stdout, catalogUsage());
            return kSuccess;
        }
        if (arg == QLatin1String("--db") || arg == QLatin1String("-db")) {
            if (i + 1 >= args.size())
                return reportUsage(QStringLiteral("catalog"), QStringLiteral("--db needs a PATH"));
            db = args[++i];
            continue;
        }
        if (arg.startsWith(QLatin1String("--db="))) {
            db = arg.mid(5);
            continue;
        }
        if (arg.startsWith(QLatin1Char('-')))
            return reportUsage(QStringLiteral("catalog"),
                               QStringLiteral("unknown option '%1' before the sub-verb").arg(arg));
        break;
    }
    if (i >= args.size())
        return reportUsage(QStringLiteral("catalog"),
                           QStringLiteral("no sub-verb given (list, add, show, export, alias, "
                                          "tag, untag, rename, remove, history)"));
    const QString sub = args[i];
    for (const SubVerb &verb : kSubVerbs) {
        if (sub == QLatin1String(verb.name)) {
            QStringList rest = args.mid(i + 1);
            rest.prepend(verbName(verb.name));
            return verb.run(db, rest);
        }
    }
    return reportUsage(QStringLiteral("catalog"), QStringLiteral("unknown sub-verb '%1'").arg(sub));
}

} // namespace mb::cli
