// SPDX-License-Identifier: MIT
#include "ui/data/value_format.h"

#include <QCoreApplication>
#include <QLocale>

// Free functions have no tr(); the context is spelled out so lupdate finds every string.

namespace mb {

QString formatNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString formatCell(const Column &column, std::size_t row)
{
    if (column.isMissing(row))
        return QStringLiteral("?");
    if (column.isNumeric())
        return formatNumber(column.values()[row]);
    return QString::fromStdString(column.levels()[std::size_t(column.codes()[row])]);
}

QString columnTypeName(ColumnType type)
{
    return type == ColumnType::Numeric
        ? QCoreApplication::translate("mb::ValueFormat", "Numeric")
        : QCoreApplication::translate("mb::ValueFormat", "Categorical");
}

QString columnTypeText(const Column &column)
{
    if (column.isNumeric())
        return QCoreApplication::translate("mb::ValueFormat", "Numeric");
    // Without an English .qm file "%n level(s)" would show as written: spell both forms.
    if (column.levels().size() == 1)
        return QCoreApplication::translate("mb::ValueFormat", "Categorical (1 level)");
    return QCoreApplication::translate("mb::ValueFormat", "Categorical (%1 levels)")
        .arg(column.levels().size());
}

QString columnRoleText(ColumnRole role)
{
    switch (role) {
    case ColumnRole::Feature:
        return QCoreApplication::translate("mb::ValueFormat", "Feature");
    case ColumnRole::Target:
        return QCoreApplication::translate("mb::ValueFormat", "Target");
    case ColumnRole::Ignored:
        return QCoreApplication::translate("mb::ValueFormat", "Ignored");
    }
    return {};
}

} // namespace mb
