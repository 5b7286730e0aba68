// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/model/model_file.h"

#include <QString>

class QCommandLineParser;

namespace mb::cli {

/// Opens the MODEL argument of a verb: a model file path (any archive kind), or
/// "catalog:NAME[:VERSION|@ALIAS]" from the catalog at `dbPath` (empty: the default catalog). A
/// named catalog must exist: reading never creates one ("no catalog at PATH").
Expected<LoadedModel> openModel(const QString &reference, const QString &dbPath = {});

/// Adds --format binary|text|xml to a parser, and reads it back.
void addFormatOption(QCommandLineParser &parser);
Expected<ArchiveKind> formatFrom(const QCommandLineParser &parser);

} // namespace mb::cli
