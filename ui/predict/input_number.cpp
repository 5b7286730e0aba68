// SPDX-License-Identifier: MIT
#include "ui/predict/input_number.h"

#include <cmath>

namespace mb {

QLocale inputLocale(QLocale locale)
{
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator
                            | QLocale::RejectGroupSeparator);
    return locale;
}

QString inputNumberText(double value, const QLocale &locale)
{
    return inputLocale(locale).toString(value, 'g', QLocale::FloatingPointShortest);
}

QString compactNumberText(double value, const QLocale &locale)
{
    return inputLocale(locale).toString(value, 'g', 6);
}

std::optional<double> parseInputNumber(const QString &text, const QLocale &locale)
{
    bool ok = false;
    const double value = inputLocale(locale).toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace mb
