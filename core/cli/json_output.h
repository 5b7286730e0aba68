// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <QJsonValue>
#include <QString>

#include <cstdio>
#include <string>

namespace mb::cli {

/// A JSON number, or null for NaN and infinities (JSON has no spelling for them).
QJsonValue jsonNumber(double value);

/// Writes `value` as indented JSON and a newline to stdout.
void printJson(const QJsonValue &value);

/// Writes text to a stream as UTF-8.
void print(std::FILE *stream, const QString &text);

/// "modelbench-cli: <where>: <message>" on stderr, one line; returns the exit code for `error`.
int reportError(const Error &error);

/// A usage problem on stderr, with a pointer to --help; returns kUsage.
int reportUsage(const QString &verb, const QString &message);

/// Shortest text that reads back as the same double ("0.1", "1e-07").
QString formatNumber(double value);

} // namespace mb::cli
