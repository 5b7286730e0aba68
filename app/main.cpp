// SPDX-License-Identifier: MIT
// modelbench: the desktop application. Wiring only; the window lives in ui/.
#include "ui/language.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationDisplayName(QStringLiteral("ModelBench"));
    QApplication::setApplicationVersion(QStringLiteral(MB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/modelbench.svg")));

    // The language first, so that --help speaks it too: a first pass reads --lang alone and
    // leaves every other argument to the parser below. Only the words follow the language;
    // numbers keep the system locale's format (no QLocale::setDefault), as the user set it.
    QCommandLineParser early;
    early.addOption(QCommandLineOption(QStringLiteral("lang"), QString(), QStringLiteral("lang")));
    early.parse(QApplication::arguments());
    const QString askedLanguage = early.value(QStringLiteral("lang"));
    const QString language = mb::matchLanguage(askedLanguage);
    const QString startLanguage = mb::startupLanguage(language);
    if (!mb::installTranslator(app, startLanguage))
        qWarning("modelbench: no translation for %s; the interface stays in English",
                 qUtf8Printable(startLanguage));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "A desktop workbench for classifiers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QApplication::translate("main",
                                "A data file (.csv, .tsv, .txt, .arff), a built-in "
                                "sample such as sample:iris.csv, or a model file (.mbm)."),
        QStringLiteral("[file]"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate("main",
                                "The language of the interface: %1. Without it, the one chosen "
                                "in Settings > Language, else the system's.")
            .arg(mb::availableLanguages().join(QStringLiteral(", "))),
        QApplication::translate("main", "language"));
    parser.addOption(langOption);
    parser.process(app);
    if (!askedLanguage.isEmpty() && language.isEmpty()) {
        const QString message =
            QApplication::translate("main", "modelbench: no language '%1'; choose one of: %2")
                .arg(askedLanguage, mb::availableLanguages().join(QStringLiteral(", ")));
        std::fprintf(stderr, "%s\n", qUtf8Printable(message));
        return 2;
    }

    mb::MainWindow window;
    window.show();
    window.openStartupCatalog();

    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        const QString &file = files.front();
        if (mb::MainWindow::isModelFileName(file)) {
            // A damaged file shows its error box in the window; the app stays up.
            window.openModelFile(file);
        } else {
            window.openDataFile(file);
        }
    }
    return app.exec();
}
