// SPDX-License-Identifier: MIT
#include "ui/train/real_spin_box.h"

#include <QLocale>

namespace mb {

namespace {

// Enough digits for every bound and default in the parameter tables, few enough to hide
// binary noise such as 0.30000000000000004.
constexpr int kSignificantDigits = 10;

} // namespace

RealSpinBox::RealSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    // QDoubleSpinBox rounds every value to decimals(); keep that from eating small values.
    setDecimals(12);
    setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
}

QString RealSpinBox::textFromValue(double value) const
{
    QLocale shown = locale();
    shown.setNumberOptions(QLocale::OmitGroupSeparator);
    return shown.toString(value, 'g', kSignificantDigits);
}

double RealSpinBox::valueFromText(const QString &text) const
{
    return locale().toDouble(text.trimmed());
}

QValidator::State RealSpinBox::validate(QString &text, int &pos) const
{
    Q_UNUSED(pos);
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QValidator::Intermediate;
    bool ok = false;
    const double value = locale().toDouble(trimmed, &ok);
    if (ok)
        return value >= minimum() && value <= maximum() ? QValidator::Acceptable
                                                        : QValidator::Intermediate;
    // Allow half-typed numbers ("1e", "-", "0.") but no letters besides the exponent.
    for (const QChar c : trimmed) {
        if (!c.isDigit() && c != QLatin1Char('e') && c != QLatin1Char('E') && c != QLatin1Char('+')
            && c != QLatin1Char('-') && c != locale().decimalPoint().front())
            return QValidator::Invalid;
    }
    return QValidator::Intermediate;
}

void RealSpinBox::fixup(QString &text) const
{
    // Leaving the box with a half-typed number brings back the last valid value.
    text = textFromValue(value());
}

} // namespace mb
