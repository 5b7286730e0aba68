// SPDX-License-Identifier: MIT
#include "core/cli/data_options.h"

#include <QCommandLineParser>

namespace mb::cli {

void addDataOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("delimiter"),
                      QStringLiteral("CSV field separator: ',', ';', '|' or 'tab' (default: detected)."),
                      QStringLiteral("C")});
    parser.addOption({QStringLiteral("decimal-comma"),
                      QStringLiteral("Numbers use a decimal comma (default: detected).")});
    parser.addOption({QStringLiteral("header"),
                      QStringLiteral("Whether the first CSV row names the columns: yes, no or auto."),
                      QStringLiteral("yes|no|auto"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("missing"),
                      QStringLiteral("Comma-separated tokens that mean a missing value "
                                     "(default: empty, NA, N/A, ?, null, NaN)."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("type"),
                      QStringLiteral("Force a column's type, e.g. --type zip=categorical (repeatable)."),
                      QStringLiteral("COL=numeric|categorical")});
}

Expected<CsvOptions> csvOptionsFrom(const QCommandLineParser &parser)
{
    CsvOptions options;
    if (parser.isSet(QStringLiteral("delimiter"))) {
        const QString d = parser.value(QStringLiteral("delimiter"));
        if (d == QLatin1String("tab") || d == QLatin1String("\\t") || d == QLatin1String("\t"))
            options.delimiter = '\t';
        else if (d == QLatin1String(",") || d == QLatin1String(";") || d == QLatin1String("|"))
            options.delimiter = d.at(0).toLatin1();
        else
            return fail(ErrorCode::Usage, "--delimiter must be ',', ';', '|' or 'tab', not '"
                                                  + d.toStdString() + "'");
    }
    if (parser.isSet(QStringLiteral("decimal-comma")))
        options.decimal = CsvOptions::Decimal::Comma;

    const QString header = parser.value(QStringLiteral("header"));
    if (header == QLatin1String("yes"))
        options.header = CsvOptions::Header::Present;
    else if (header == QLatin1String("no"))
        options.header = CsvOptions::Header::Absent;
    else if (header != QLatin1String("auto"))
        return fail(ErrorCode::Usage, "--header must be yes, no or auto");

    if (parser.isSet(QStringLiteral("missing"))) {
        options.missingTokens.clear();
        for (const QString &token : parser.value(QStringLiteral("missing")).split(QLatin1Char(',')))
            options.missingTokens.push_back(token.trimmed().toStdString());
    }
    for (const QString &spec : parser.values(QStringLiteral("type"))) {
        const qsizetype eq = spec.lastIndexOf(QLatin1Char('='));
        const QString kind = eq < 0 ? QString() : spec.mid(eq + 1);
        if (eq <= 0 || (kind != QLatin1String("numeric") && kind != QLatin1String("categorical")))
            return fail(ErrorCode::Usage, "--type takes COL=numeric or COL=categorical, not '"
                                                  + spec.toStdString() + "'");
        options.typeOverrides[spec.left(eq).toStdString()] =
                kind == QLatin1String("numeric") ? ColumnType::Numeric : ColumnType::Categorical;
    }
    return options;
}

} // namespace mb::cli
