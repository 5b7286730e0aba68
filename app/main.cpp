// SPDX-License-Identifier: MIT
// modelbench: the desktop application. Wiring only; the window lives in ui/.
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationDisplayName(QStringLiteral("ModelBench"));
    QApplication::setApplicationVersion(QStringLiteral(MB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/modelbench.svg")));

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
    parser.process(app);

    mb::MainWindow window;
    window.show();
    // The catalog used last time; if it is gone or damaged, say so and use the default one.
    if (!window.openCatalog(mb::MainWindow::rememberedCatalogPath()))
        window.openCatalog({});

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
