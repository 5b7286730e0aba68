// SPDX-License-Identifier: MIT
// (Patterns are plain strings: moc misreads '#include' inside raw string literals.)
// Keeps the layers honest: nothing under core/ may include QtWidgets or QtGui, and the plain
// C++ learners under core/ml/ include no Qt header at all.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

class TestLayering : public QObject
{
    Q_OBJECT

private:
    static QStringList offendingIncludes(const QString &dir, const QRegularExpression &pattern)
    {
        QStringList found;
        QDirIterator it(dir, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            int lineNo = 0;
            while (!file.atEnd()) {
                ++lineNo;
                const QString line = QString::fromUtf8(file.readLine());
                if (pattern.match(line).hasMatch())
                    found << QStringLiteral("%1:%2: %3").arg(path).arg(lineNo).arg(line.trimmed());
            }
        }
        return found;
    }

private Q_SLOTS:
    void coreIncludesNoGuiHeaders()
    {
        const QRegularExpression gui(QStringLiteral(
                "^\\s*#\\s*include\\s*[<\"](QtWidgets|QtGui|QtCharts|QWidget|QDialog|QMainWindow|"
                "QApplication|QGuiApplication|QPixmap|QImage|QIcon|QColor|QPainter|QFont)\\b"));
        const QStringList found = offendingIncludes(QStringLiteral(MB_SOURCE_DIR "/core"), gui);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void patternCatchesAGuiInclude()
    {
        // The check above must be able to fail: feed it a file that breaks the rule.
        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("bad.cpp")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("#include <QtWidgets/QLabel>\n#include <QPixmap>\n");
        bad.close();
        const QRegularExpression gui(QStringLiteral("^\\s*#\\s*include\\s*[<\"](QtWidgets|QPixmap)\\b"));
        QCOMPARE(offendingIncludes(dir.path(), gui).size(), 2);
    }

    void learnersIncludeNoQt()
    {
        const QString ml = QStringLiteral(MB_SOURCE_DIR "/core/ml");
        if (!QDir(ml).exists())
            QSKIP("core/ml does not exist yet");
        const QRegularExpression qt(QStringLiteral("^\\s*#\\s*include\\s*[<\"]Q"));
        const QStringList found = offendingIncludes(ml, qt);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
