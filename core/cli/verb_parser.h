// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineParser>

#include <optional>

namespace mb::cli {

/// Parses a verb's arguments with `--help` support. Returns an exit code when the verb should
/// stop now (help printed: 0; bad usage reported: 2), or nullopt to go on.
/// `positional` is how many positional arguments the verb takes exactly.
std::optional<int> parseVerb(QCommandLineParser &parser, const QStringList &args,
                             const QString &verb, const QString &description,
                             const QStringList &positionalNames);

} // namespace mb::cli
