// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QStringList>

class QCommandLineParser;

namespace mb {
struct CatalogEntry;
}

namespace mb::cli {

/// `modelbench-cli catalog [--db PATH] SUBVERB ...`: list, add, show, export, alias, tag,
/// untag, rename, remove and history over the model catalog (docs/catalog.md).
int runCatalog(const QStringList &args);

/// Adds --db PATH (the catalog file; default: the user's catalog) to a verb's parser.
void addCatalogOption(QCommandLineParser &parser);

/// One catalog entry as JSON: name, version, algo, created, registered, size, checksum
/// ("sha256:<hex>"), tags, aliases, metrics, dataset, fingerprint, rows, classes, archive,
/// format_version.
QJsonObject catalogEntryJson(const CatalogEntry &entry);

} // namespace mb::cli
