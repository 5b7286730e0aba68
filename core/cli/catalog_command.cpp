// SPDX-License-Identifier: MIT
#include "core/cli/catalog_command.h"

#include "core/catalog/catalog.h"
#include "core/cli/cli.h"
#include "core/cli/json_output.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

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

// Compact JSON written straight into bytes. `list --json` on 10,000 versions spent more time
// building QJsonObjects and indenting one big QJsonDocument than reading the catalog.

void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", byte);
            out += escape;
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendJsonStrings(QByteArray &out, const QStringList &list)
{
    out += '[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            out += ',';
        appendJsonString(out, list[i]);
    }
    out += ']';
}

/// The shortest text that reads back as the same double; null for NaN and infinities.
void appendJsonNumber(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end - buffer);
}

/// One catalog entry as one line of compact JSON; catalogEntryJson() reads this back, so the
/// two never differ.
void appendEntryJson(QByteArray &out, const CatalogEntry &e)
{
    const auto member = [&out](const char *key) { // no comma right after the opening brace
        out += out.endsWith('{') ? "\"" : ",\"";
        out += key;
        out += "\":";
    };
    out += '{';
    member("name");
    appendJsonString(out, e.name);
    member("version");
    out += QByteArray::number(e.version);
    member("algo");
    appendJsonString(out, e.algo);
    member("created");
    appendJsonString(out, e.created);
    member("registered");
    appendJsonString(out, e.registered);
    member("size");
    out += QByteArray::number(e.size);
    member("checksum");
    appendJsonString(out, QStringLiteral("sha256:") + e.sha256);
    member("tags");
    appendJsonStrings(out, e.tags);
    member("aliases");
    appendJsonStrings(out, e.aliases);
    member("metrics");
    out += '{';
    for (const auto &[key, value] : e.metrics) {
        if (!out.endsWith('{'))
            out += ',';
        appendJsonString(out, QString::fromStdString(key));
        out += ':';
        appendJsonNumber(out, value);
    }
    out += '}';
    member("dataset");
    appendJsonString(out, e.datasetName);
    member("fingerprint");
    appendJsonString(out, e.fingerprint);
    member("rows");
    out += QByteArray::number(e.rows);
    member("classes");
    appendJsonStrings(out, e.classes);
    member("archive");
    appendJsonString(out, e.archive);
    member("format_version");
    out += QByteArray::number(e.formatVersion);
    out += '}';
}

/// A JSON array of entries, one object per line.
QByteArray entriesJson(const std::vector<CatalogEntry> &entries)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(entries.size()) * 512 + 4);
    out += '[';
    for (std::size_t i = 0; i < entries.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        appendEntryJson(out, entries[i]);
    }
    out += entries.empty() ? "]\n" : "\n]\n";
    return out;
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

/// What a sub-verb does to the catalog.
enum class Access { Reads, Writes };

/// The catalog named by --db after the sub-verb, else by --db before it, else the default.
/// A sub-verb that only reads never creates a catalog at a path it was given: a mistyped path
/// is an error ("no catalog at PATH"), not a new empty catalog. The default catalog may be
/// created by any sub-verb.
Expected<Catalog> openCatalog(const QCommandLineParser &parser, const QString &dbBefore,
                              Access access)
{
    const QString path = parser.isSet(kDbOption) ? parser.value(kDbOption) : dbBefore;
    CatalogOptions options;
    options.mustExist = access == Access::Reads && !path.isEmpty();
    return Catalog::open(path, options);
}

/// `text` with the characters a terminal acts on (ESC starting a colour or cursor sequence,
/// carriage return, backspace, bell, the C1 controls) spelled out as \xNN, so that text
/// stored in the catalog cannot move the cursor or rewrite the screen. Line breaks and tabs
/// stay; a CR of a CRLF line break goes.
QString terminalSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool layout = c == QLatin1Char('\n') || c == QLatin1Char('\t');
        if (layout || c.category() != QChar::Other_Control) {
            out += c;
            continue;
        }
        const bool crOfCrLf
            = c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n');
        if (!crOfCrLf)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
    }
    return out;
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
    auto catalog = openCatalog(parser, dbBefore, Access::Reads);
    if (!catalog)
        return reportError(catalog.error());
    auto entries = catalog->list({parser.value(QStringLiteral("name")),
                                  labelArgument(parser.value(QStringLiteral("tag"))), *sort});
    if (!entries)
        return reportError(entries.error());

    if (parser.isSet(QStringLiteral("json"))) {
        const QByteArray json = entriesJson(*entries);
        std::fwrite(json.constData(), 1, static_cast<std::size_t>(json.size()), stdout);
        std::fflush(stdout);
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
    print(stdout, terminalSafe(alignedTable(rows)));
    return kSuccess;
}

/// The text of a --description-file: UTF-8, at most kMaxDescriptionBytes. Read no further
/// than one byte past the limit: a huge file is refused without loading it.
Expected<QString> readDescriptionFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(
            fileError(ErrorCode::Io,
                      "cannot read the description: " + file.errorString().toStdString(), path));
    const QByteArray bytes = file.read(kMaxDescriptionBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return std::unexpected(
            fileError(ErrorCode::Io,
                      "cannot read the description: " + file.errorString().toStdString(), path));
    if (bytes.size() > kMaxDescriptionBytes) {
        return std::unexpected(fileError(ErrorCode::Unsupported,
                                         "the description file is larger than 1 MiB ("
                                             + std::to_string(kMaxDescriptionBytes)
                                             + " bytes), the limit for a description",
                                         path));
    }
    QStringDecoder utf8(QStringDecoder::Utf8); // drops a leading byte order mark
    QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return std::unexpected(
            fileError(ErrorCode::Format, "the description file is not UTF-8 text", path));
    return text;
}

/// The description of `add`: --description TEXT or --description-file PATH (not both).
Expected<QString> descriptionArgument(const QCommandLineParser &parser)
{
    const bool fromFile = parser.isSet(QStringLiteral("description-file"));
    if (fromFile && parser.isSet(QStringLiteral("description")))
        return fail(ErrorCode::Usage, "give --description or --description-file, not both");
    if (fromFile)
        return readDescriptionFile(parser.value(QStringLiteral("description-file")));
    return parser.value(QStringLiteral("description"));
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
        {QStringLiteral("description-file"),
         QStringLiteral("Read the description from a UTF-8 text file (at most 1 MiB)."),
         QStringLiteral("PATH")});
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

    auto description = descriptionArgument(parser);
    if (!description) {
        return description.error().code == ErrorCode::Usage
            ? reportUsage(verb, QString::fromStdString(description.error().message))
            : reportError(description.error());
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

    auto catalog = openCatalog(parser, dbBefore, Access::Writes);
    if (!catalog)
        return reportError(catalog.error());
    auto added = catalog->add(name, bytes, {tags, *description, modelPath});
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
    auto catalog = openCatalog(parser, dbBefore, Access::Reads);
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
    // Descriptions and dataset names are anyone's text: never let them drive the terminal.
    print(stdout, terminalSafe(text));
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
    auto catalog = openCatalog(parser, dbBefore, Access::Reads);
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
    auto catalog = openCatalog(parser, dbBefore, Access::Writes);
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
    auto catalog = openCatalog(parser, dbBefore, Access::Writes);
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
    auto catalog = openCatalog(parser, dbBefore, Access::Writes);
    if (!catalog)
        return reportError(catalog.error());
    if (auto done = catalog->rename(oldName, newName); !done)
        return reportError(done.error());
    return kSuccess;
}

int runCopy(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("copy");
    QCommandLineParser parser;
    const QCommandLineOption from(
        QStringLiteral("from"),
        QStringLiteral("The catalog to copy: a file or a postgresql:// URL (default: the --db "
                       "catalog)."),
        QStringLiteral("SRC"));
    const QCommandLineOption to(
        QStringLiteral("to"),
        QStringLiteral("Where to copy it: a new or empty catalog file, or an empty PostgreSQL "
                       "database."),
        QStringLiteral("DST"));
    parser.addOption(from);
    parser.addOption(to);
    if (auto exit = parseSub(parser, args, verb,
                             QStringLiteral("Copy a whole catalog (every version with its number, "
                                            "tags, aliases, descriptions and history) into an "
                                            "empty one, e.g. from a file to a team's PostgreSQL "
                                            "server. Model bytes are checked and copied exactly."),
                             {}))
        return *exit;
    if (!parser.isSet(to))
        return reportUsage(verb, QStringLiteral("--to is required"));
    const QString sourcePath = parser.isSet(from) ? parser.value(from)
        : parser.isSet(kDbOption)                 ? parser.value(kDbOption)
                                                  : dbBefore;
    CatalogOptions readOnly;
    readOnly.readOnly = true;
    readOnly.mustExist = true;
    auto source = Catalog::open(sourcePath, readOnly);
    if (!source)
        return reportError(source.error());
    auto destination = Catalog::open(parser.value(to));
    if (!destination)
        return reportError(destination.error());
    auto report = source->copyInto(*destination);
    if (!report)
        return reportError(report.error());
    print(stdout,
          QStringLiteral("copied %1 models, %2 versions (%3 of model files) and %4 events from %5 "
                         "to %6\n")
              .arg(report->models)
              .arg(report->versions)
              .arg(sizeText(report->bytes))
              .arg(report->events)
              .arg(QDir::toNativeSeparators(source->path()),
                   QDir::toNativeSeparators(destination->path())));
    return kSuccess;
}

/// "removed churn:1", "removed churn (versions: 1, 2; aliases dropped: @production)".
QString removalText(const ModelRef &ref, const CatalogRemoval &removal)
{
    QStringList notes;
    if (!ref.version) {
        QStringList versions;
        for (int v : removal.versions)
            versions << QString::number(v);
        notes << QStringLiteral("versions: %1")
                     .arg(versions.isEmpty() ? QStringLiteral("none")
                                             : versions.join(QStringLiteral(", ")));
    }
    if (!removal.droppedAliases.isEmpty()) {
        QStringList aliases;
        for (const QString &a : removal.droppedAliases)
            aliases << QLatin1Char('@') + a;
        notes << QStringLiteral("aliases dropped: %1").arg(aliases.join(QStringLiteral(", ")));
    }
    const QString what = ref.version ? ref.toString() : ref.name;
    if (notes.isEmpty())
        return QStringLiteral("removed %1\n").arg(what);
    return QStringLiteral("removed %1 (%2)\n").arg(what, notes.join(QStringLiteral("; ")));
}

int runRemove(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("remove");
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("force"),
         QStringLiteral("Also remove the aliases that point to what is removed (without it, such a "
                        "removal is refused).")});
    if (auto exit = parseSub(
            parser, args, verb,
            QStringLiteral("Remove one version (NAME:VERSION) or a whole model (NAME). Version "
                           "numbers are never given out again. A version an alias points to is "
                           "kept unless --force is given."),
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
    auto catalog = openCatalog(parser, dbBefore, Access::Writes);
    if (!catalog)
        return reportError(catalog.error());
    const bool force = parser.isSet(QStringLiteral("force"));
    auto removed = catalog->remove(ref->name, ref->version,
                                   force ? AliasesOnRemove::Drop : AliasesOnRemove::Refuse);
    if (!removed) {
        Error error = removed.error();
        if (error.field == kAliasesField)
            error.message += " Or use --force to remove them with it.";
        return reportError(error);
    }
    print(stdout, removalText(*ref, *removed));
    return kSuccess;
}

/// A question for Catalog::aliasAt: where did NAME@ALIAS point AT that instant?
struct AliasQuestion
{
    QString name;
    QString alias;
    QDateTime at;
};

/// The instant --at names: an ISO 8601 date (meaning the end of that day: the version left in
/// place by the day's last move) or date-time. Without an offset it is UTC, the zone of the
/// times the catalog stores.
std::optional<QDateTime> instantArgument(const QString &text)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(date, QTime(23, 59, 59, 999), Qt::UTC);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC); // same wall-clock reading, taken as UTC
    return time.toUTC();
}

/// --alias NAME@ALIAS (or the NAME argument with --alias ALIAS) and --at DATETIME.
Expected<AliasQuestion> aliasQuestion(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("alias")) || !parser.isSet(QStringLiteral("at")))
        return fail(ErrorCode::Usage,
                    "--alias and --at go together, e.g. --alias churn@production --at 2026-11-01");
    AliasQuestion question;
    question.name = parser.positionalArguments().value(0);
    const QString aliasText = parser.value(QStringLiteral("alias"));
    // "churn@production" (or a mistaken "churn:2") names the model too; "@production" does not.
    if (aliasText.contains(QLatin1Char(':')) || aliasText.indexOf(QLatin1Char('@')) > 0) {
        auto ref = ModelRef::parse(aliasText);
        if (!ref)
            return std::unexpected(ref.error());
        if (ref->alias.isEmpty())
            return fail(ErrorCode::Usage,
                        "--alias takes NAME@ALIAS or ALIAS, e.g. churn@production");
        if (!question.name.isEmpty() && canonicalModelName(question.name) != ref->name)
            return fail(ErrorCode::Usage, "NAME and the name in --alias NAME@ALIAS differ");
        question.name = ref->name;
        question.alias = ref->alias;
    } else {
        question.alias = labelArgument(aliasText);
        if (question.name.isEmpty())
            return fail(ErrorCode::Usage,
                        "say which model: --alias NAME@ALIAS, or NAME --alias ALIAS");
    }
    if (auto ok = checkModelName(question.name); !ok)
        return std::unexpected(ok.error());
    if (auto ok = checkLabel(question.alias, "alias"); !ok)
        return std::unexpected(ok.error());
    const auto at = instantArgument(parser.value(QStringLiteral("at")));
    if (!at) {
        return fail(ErrorCode::Usage,
                    "--at takes an ISO 8601 date or date-time, UTC unless an offset is given "
                    "(2026-11-01, 2026-11-01T09:30:00Z, 2026-11-01T11:30:00+02:00), not '"
                        + parser.value(QStringLiteral("at")).toStdString() + "'");
    }
    question.at = *at;
    return question;
}

/// history --alias --at: which version an alias pointed to at an instant.
int runAliasAt(const QCommandLineParser &parser, const QString &verb, const QString &dbBefore)
{
    const auto question = aliasQuestion(parser);
    if (!question)
        return reportUsage(verb, QString::fromStdString(question.error().message));
    auto catalog = openCatalog(parser, dbBefore, Access::Reads);
    if (!catalog)
        return reportError(catalog.error());
    auto version = catalog->aliasAt(question->name, question->alias, question->at);
    if (!version)
        return reportError(version.error());
    const QString at = question->at.toString(Qt::ISODateWithMs);
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject {{QStringLiteral("name"), question->name},
                               {QStringLiteral("alias"), question->alias},
                               {QStringLiteral("at"), at},
                               {QStringLiteral("version"),
                                *version ? QJsonValue(**version) : QJsonValue(QJsonValue::Null)}});
        return kSuccess;
    }
    const QString target = *version ? QStringLiteral("%1:%2").arg(question->name).arg(**version)
                                    : QStringLiteral("nothing (no version had the alias)");
    print(
        stdout,
        terminalSafe(
            QStringLiteral("%1@%2 at %3: %4\n").arg(question->name, question->alias, at, target)));
    return kSuccess;
}

int runHistory(const QString &dbBefore, const QStringList &args)
{
    const QString verb = verbName("history");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Print a JSON array of events (with --alias: one object, "
                                     "{name, alias, at, version}).")});
    parser.addOption(
        {QStringLiteral("alias"),
         QStringLiteral("With --at: print the version this alias pointed to then, instead of "
                        "the events. NAME@ALIAS, or ALIAS after the NAME argument."),
         QStringLiteral("[NAME@]ALIAS")});
    parser.addOption(
        {QStringLiteral("at"),
         QStringLiteral("With --alias: the instant asked about, ISO 8601: a date (the end of that "
                        "day) or a date-time, in UTC unless it names an offset (the catalog "
                        "stores UTC)."),
         QStringLiteral("DATETIME")});
    if (auto exit = parseSub(
            parser, args, verb,
            QStringLiteral("The catalog's event log, oldest first: every event, or those of model "
                           "NAME (followed through renames). With --alias and --at: which version "
                           "an alias pointed to at that time, e.g. --alias churn@production --at "
                           "2026-11-01."),
            {}, {QStringLiteral("NAME")}))
        return *exit;
    if (parser.isSet(QStringLiteral("alias")) || parser.isSet(QStringLiteral("at")))
        return runAliasAt(parser, verb, dbBefore);
    const QString name = parser.positionalArguments().value(0);
    if (!name.isEmpty()) {
        if (auto ok = checkModelName(name); !ok)
            return reportUsage(verb, QString::fromStdString(ok.error().message));
    }
    auto catalog = openCatalog(parser, dbBefore, Access::Reads);
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
    print(stdout, terminalSafe(text));
    return kSuccess;
}

constexpr std::array kSubVerbs {
    SubVerb {"list", "[--name N] [--tag T] [--sort FIELD] [--json]", "list the versions", runList},
    SubVerb {"add", "MODEL --name NAME [--tag T]... [--description TEXT | --description-file PATH]",
             "register a model file", runAdd},
    SubVerb {"show", "NAME[:VERSION|@ALIAS] [--json]", "one version in full, with its events",
             runShow},
    SubVerb {"export", "NAME[:VERSION|@ALIAS] --out FILE",
             "write a version's model file, byte for byte", runExport},
    SubVerb {"alias", "NAME:VERSION ALIAS", "point an alias (e.g. production) at a version",
             runAlias},
    SubVerb {"tag", "NAME[:VERSION] TAG", "tag a version", runTag},
    SubVerb {"untag", "NAME[:VERSION] TAG", "remove a tag", runUntag},
    SubVerb {"rename", "OLD NEW", "rename a model", runRename},
    SubVerb {"remove", "NAME[:VERSION] [--force]",
             "remove a version or a whole model (--force: and the aliases pointing to it)",
             runRemove},
    SubVerb {"history", "[NAME] [--json]  |  --alias NAME@ALIAS --at DATETIME [--json]",
             "the event log; or which version an alias pointed to at a time (UTC)", runHistory},
    SubVerb {"copy", "[--from SRC] --to DST",
             "copy the whole catalog into an empty one (e.g. a file to PostgreSQL)", runCopy},
};

QString catalogUsage()
{
    QString text
        = QStringLiteral(
              "Usage: modelbench-cli catalog [--db PATH|URL] SUBVERB ...\n"
              "The model catalog: registered models with versions, tags, aliases and history.\n"
              "Default catalog: %1\n"
              "A team catalog on PostgreSQL: --db postgresql://USER@HOST:PORT/DATABASE (the\n"
              "password from PGPASSWORD or ~/.pgpass).\n\n")
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
                      QStringLiteral("The catalog: a file (default: %1) or a "
                                     "postgresql://USER@HOST:PORT/DATABASE URL.")
                          .arg(Catalog::defaultPath()),
                      QStringLiteral("PATH|URL")});
}

QJsonObject catalogEntryJson(const CatalogEntry &e)
{
    QByteArray text;
    appendEntryJson(text, e);
    return QJsonDocument::fromJson(text).object();
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
                return reportUsage(QStringLiteral("catalog"),
                                   QStringLiteral("--db needs a PATH or URL"));
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
                                          "tag, untag, rename, remove, history, copy)"));
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
