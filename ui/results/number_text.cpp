// SPDX-License-Identifier: MIT
#include "ui/results/number_text.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace mb {

QString rateText(double value)
{
    if (!std::isfinite(value))
        return QCoreApplication::translate("mb::ResultsPage", "n/a");
    return QLocale().toString(value, 'f', 3);
}

QString countText(double value)
{
    return QLocale().toString(qlonglong(std::llround(value)));
}

} // namespace mb
