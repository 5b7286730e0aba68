// SPDX-License-Identifier: MIT
// File > Open Catalog: the main window switches to another catalog only when the file is one,
// creates nothing on a mistaken choice, and remembers the choice for the next start.
#include "core/catalog/catalog.h"
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

class TestOpenCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("ModelBench"));
        QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
    }

    void init()
    {
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void theFileMenuOffersIt()
    {
        MainWindow window;
        auto *menu = window.findChild<QMenu *>(QStringLiteral("menuFile"));
        QVERIFY(menu);
        auto *action = window.findChild<QAction *>(QStringLiteral("actionOpenCatalog"));
        QVERIFY(action);
        QVERIFY(menu->actions().contains(action));
        QVERIFY(!action->shortcut().isEmpty());
    }

    void anExistingCatalogIsUsedAndRemembered()
    {
        const QString path = m_dir.filePath(QStringLiteral("team.sqlite"));
        QVERIFY(Catalog::open(path).has_value()); // creates it

        MainWindow window;
        QSignalSpy changed(&window, &MainWindow::catalogChanged);
        QVERIFY(window.openCatalog(path));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(QFileInfo(window.catalogPath()), QFileInfo(path));
        QCOMPARE(QFileInfo(MainWindow::rememberedCatalogPath()), QFileInfo(path));
        auto *label = window.findChild<QLabel *>(QStringLiteral("catalogLabel"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(QStringLiteral("team.sqlite")), qPrintable(label->text()));
    }

    void aFileThatIsNoCatalogChangesNothing()
    {
        const QString good = m_dir.filePath(QStringLiteral("good.sqlite"));
        QVERIFY(Catalog::open(good).has_value());
        const QString bad = m_dir.filePath(QStringLiteral("notes.sqlite"));
        const QByteArray text = "these are my notes, not a database\n";
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();

        MainWindow window;
        QVERIFY(window.openCatalog(good));
        QSignalSpy failed(&window, &MainWindow::catalogFailed);
        QSignalSpy changed(&window, &MainWindow::catalogChanged);
        QVERIFY(!window.openCatalog(bad));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(QFileInfo(window.catalogPath()), QFileInfo(good));
        QCOMPARE(QFileInfo(MainWindow::rememberedCatalogPath()), QFileInfo(good));

        auto *box = window.findChild<QMessageBox *>(QStringLiteral("catalogErrorBox"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY2(box->informativeText().contains(QStringLiteral("notes.sqlite")), qPrintable(box->informativeText()));

        // The file is as it was, and nothing was written next to it.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), text);
        QVERIFY(!QFile::exists(bad + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(bad + QStringLiteral("-shm")));
    }

    void aMissingFileIsNotCreated()
    {
        const QString missing = m_dir.filePath(QStringLiteral("typo.sqlite"));
        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::catalogFailed);
        QVERIFY(!window.openCatalog(missing));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!QFile::exists(missing));
        QVERIFY(window.catalogPath().isEmpty());
    }

    void theDefaultCatalogIsCreatedOnFirstUse()
    {
        QFile::remove(Catalog::defaultPath());
        MainWindow window;
        QVERIFY(window.openCatalog({}));
        QCOMPARE(QFileInfo(window.catalogPath()), QFileInfo(Catalog::defaultPath()));
        QVERIFY(QFile::exists(Catalog::defaultPath()));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestOpenCatalog)
#include "tst_open_catalog.moc"
