// SPDX-License-Identifier: MIT
#include "ui/data/value_format.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

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

QString typeReasonText(const Column &column)
{
    // The CSV reader (plain C++, shared with the CLI) writes its reason in English, in one of
    // three forms; they are read back here to say the same in the interface's language. A
    // reason in any other form is shown as written.
    const QString reason = QString::fromStdString(column.typeReason());
    static const QRegularExpression allMissing(
        QStringLiteral("^numeric: no values, all (\\d+) missing$"));
    static const QRegularExpression numeric(
        QStringLiteral("^numeric: (\\d+) values?(?:, (\\d+) missing)?$"));
    static const QRegularExpression categorical(
        QStringLiteral("^categorical: (\\d+) non-numeric values?, first (.*) at line (\\d+)$"));
    if (const auto m = allMissing.match(reason); m.hasMatch())
        return QCoreApplication::translate("mb::ValueFormat", "numeric: no values, all %1 missing")
            .arg(m.captured(1));
    if (const auto m = numeric.match(reason); m.hasMatch()) {
        QString text = m.captured(1) == QLatin1String("1")
            ? QCoreApplication::translate("mb::ValueFormat", "numeric: 1 value")
            : QCoreApplication::translate("mb::ValueFormat", "numeric: %1 values").arg(m.captured(1));
        if (m.hasCaptured(2))
            text += QCoreApplication::translate("mb::ValueFormat", ", %1 missing").arg(m.captured(2));
        return text;
    }
    if (const auto m = categorical.match(reason); m.hasMatch()) {
        return m.captured(1) == QLatin1String("1")
            ? QCoreApplication::translate("mb::ValueFormat",
                                          "categorical: 1 non-numeric value, first %1 at line %2")
                  .arg(m.captured(2), m.captured(3))
            : QCoreApplication::translate("mb::ValueFormat",
                                          "categorical: %1 non-numeric values, first %2 at line %3")
                  .arg(m.captured(1), m.captured(2), m.captured(3));
    }
    return reason;
}

} // namespace mb
