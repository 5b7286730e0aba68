// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>

#include <optional>

namespace mb {

// How the Predict page writes and reads the numbers people type, in one place so the fields,
// their hints and the what-if chart agree.

/// The shortest text in `locale` that reads back as exactly `value` ("5.8", "5,8" in German,
/// "1e-07"), without group separators, so a default shown is the training median itself.
QString inputNumberText(double value, const QLocale &locale = QLocale());

/// `value` with at most six significant digits ("0.0341235"), for hints and axes where the
/// exact text would be too long to read.
QString compactNumberText(double value, const QLocale &locale = QLocale());

/// A finite number typed in `locale` ("5,1" in German), or nothing. Group separators are
/// rejected: in German "5.1" would otherwise silently read as 51.
std::optional<double> parseInputNumber(const QString &text, const QLocale &locale = QLocale());

/// `locale` as the fields parse with it (group separators rejected and never written).
QLocale inputLocale(QLocale locale = QLocale());

} // namespace mb
