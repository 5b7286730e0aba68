// SPDX-License-Identifier: MIT
#include "core/cli/verb_parser.h"

#include "core/cli/cli.h"
#include "core/cli/json_output.h"

namespace mb::cli {

std::optional<int> parseVerb(QCommandLineParser &parser, const QStringList &args,
                             const QString &verb, const QString &description,
                             const QStringList &positionalNames)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    for (const QString &name : positionalNames)
        parser.addPositionalArgument(name, QString());

    // args[0] is the verb itself, standing where QCommandLineParser expects the program name.
    if (!parser.parse(args))
        return reportUsage(verb, parser.errorText());
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QStringLiteral("Usage: ") + args.value(0),
                     QStringLiteral("Usage: modelbench-cli ") + verb);
        print(stdout, text);
        return kSuccess;
    }
    const qsizetype given = parser.positionalArguments().size();
    if (given != positionalNames.size()) {
        return reportUsage(verb, given < positionalNames.size()
                                         ? QStringLiteral("missing argument %1")
                                                   .arg(positionalNames.value(given))
                                         : QStringLiteral("unexpected argument '%1'")
                                                   .arg(parser.positionalArguments().value(
                                                           positionalNames.size())));
    }
    return std::nullopt;
}

} // namespace mb::cli
