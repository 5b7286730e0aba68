// SPDX-License-Identifier: MIT
// modelbench-cli: the headless entry point; every verb lives in core/cli.
#include "core/cli/cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QCoreApplication::setApplicationName(QStringLiteral("ModelBench"));
    return mb::cli::run(QCoreApplication::arguments());
}
