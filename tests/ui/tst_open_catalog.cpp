// SPDX-License-Identifier: MIT
// File > Open Catalog: the main window switches to another catalog only when the file is one,
// creates nothing on a mistaken choice, and remembers the choice for the next start; a team
// catalog on a PostgreSQL server opens by URL, asking for its password, which is never stored.
#include "core/catalog/catalog.h"
#include "core/catalog/catalog_location.h"
#include "tests/core/postgres_test_server.h"
#include "tests/ui/widget_test_support.h"
#include "ui/catalog/open_catalog_dialog.h"
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QPushButton>
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

    void theDialogOffersRecentCatalogsAndOpensWhatIsTyped()
    {
        const QString first = m_dir.filePath(QStringLiteral("first.sqlite"));
        const QString second = m_dir.filePath(QStringLiteral("second.sqlite"));
        QVERIFY(Catalog::open(first));
        QVERIFY(Catalog::open(second));
        MainWindow window;
        QVERIFY(window.openCatalog(first));
        QVERIFY(window.openCatalog(second));
        QVERIFY(window.openCatalog(first)); // moves to the front, once
        QCOMPARE(window.recentCatalogs(), (QStringList {first, second}));

        window.findChild<QAction *>(QStringLiteral("actionOpenCatalog"))->trigger();
        auto *dialog = widget_test::waitForChild<OpenCatalogDialog>(
            &window, QStringLiteral("openCatalogDialog"));
        QVERIFY(dialog);
        auto *location = dialog->findChild<QComboBox *>(QStringLiteral("catalogLocation"));
        QCOMPARE(location->count(), 2);
        QCOMPARE(location->itemText(1), second);
        auto *open = dialog->findChild<QDialogButtonBox *>(QStringLiteral("openCatalogButtons"))
                         ->button(QDialogButtonBox::Open);
        location->setCurrentText(QString());
        QVERIFY(!open->isEnabled());
        location->setCurrentIndex(1);
        QVERIFY(open->isEnabled());
        // Not a check: the picture for docs/screenshots when MB_SCREENSHOT names a .png file.
        if (const QString shot = qEnvironmentVariable("MB_SCREENSHOT"); !shot.isEmpty()) {
            location->setCurrentText(QStringLiteral("postgresql://ana@models.example:5432/team"));
            QVERIFY(dialog->grab().save(shot));
            location->setCurrentIndex(1);
        }
        QSignalSpy changed(&window, &MainWindow::catalogChanged);
        QTest::mouseClick(open, Qt::LeftButton);
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(window.catalogPath(), second);
    }

    void aTeamCatalogAsksForItsPasswordAndNeverStoresIt()
    {
        PostgresTestServer server;
        MB_START_POSTGRES_OR_SKIP(server, "the team catalog case");
        QString why;
        // A login of its own, with a password nothing else uses; the database is hers.
        QVERIFY(server.admin(QStringLiteral("CREATE ROLE ana LOGIN PASSWORD 'Tulip-7391'"), &why));
        QVERIFY2(server.admin(QStringLiteral("CREATE DATABASE team OWNER ana"), &why),
                 qPrintable(why));
        const QString url = QString(server.url(QStringLiteral("team")))
                                .replace(QStringLiteral("modelbench@"), QStringLiteral("ana@"));
        const QByteArray saved = qgetenv("PGPASSWORD");
        qunsetenv("PGPASSWORD");
        const auto restore = qScopeGuard([&] { qputenv("PGPASSWORD", saved); });

        MainWindow window;
        QSignalSpy changed(&window, &MainWindow::catalogChanged);
        QVERIFY(!window.openCatalog(url)); // no password anywhere: the window asks
        auto *ask = widget_test::waitForChild<QInputDialog>(&window,
                                                            QStringLiteral("catalogPasswordDialog"));
        QVERIFY(ask);
        QCOMPARE(ask->textEchoMode(), QLineEdit::Password);
        QVERIFY2(ask->labelText().contains(QStringLiteral("ana")), qPrintable(ask->labelText()));
        // A wrong password: asked again, saying so.
        ask->setTextValue(QStringLiteral("Daisy-0000"));
        ask->accept();
        QInputDialog *again = nullptr;
        QTRY_VERIFY((again = [&]() -> QInputDialog * {
            for (auto *d : window.findChildren<QInputDialog *>())
                if (d != ask && d->isVisible())
                    return d;
            return nullptr;
        }()));
        QVERIFY2(again->labelText().contains(QStringLiteral("not accepted")),
                 qPrintable(again->labelText()));
        QCOMPARE(changed.count(), 0);
        ask = again;
        ask->setTextValue(QStringLiteral("Tulip-7391"));
        if (const QString shot = qEnvironmentVariable("MB_SCREENSHOT_PASSWORD"); !shot.isEmpty())
            QVERIFY(ask->grab().save(shot)); // not a check: a picture to look at
        ask->accept();
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(window.catalogPath(), url);
        auto *label = window.findChild<QLabel *>(QStringLiteral("catalogLabel"));
        QVERIFY2(label->text().contains(QStringLiteral("team on 127.0.0.1")),
                 qPrintable(label->text()));
        // The catalog pages open it again on their own: the password is remembered in memory.
        QVERIFY(window.openCatalog(url));
        for (auto *dialog : window.findChildren<QInputDialog *>())
            QVERIFY(!dialog->isVisible());
        QCOMPARE(window.recentCatalogs().value(0), url);
        QCOMPARE(MainWindow::rememberedCatalogPath(), url);

        // At the next start the password is asked again (it was never stored), the default
        // catalog serves meanwhile, and the team catalog stays the one to try first.
        rememberCatalogPassword(url, {});
        {
            MainWindow next;
            next.openStartupCatalog();
            QCOMPARE(QFileInfo(next.catalogPath()), QFileInfo(Catalog::defaultPath()));
            QVERIFY(widget_test::waitForChild<QInputDialog>(&next,
                                                            QStringLiteral("catalogPasswordDialog")));
            QCOMPARE(MainWindow::rememberedCatalogPath(), url);
        }

        // Nowhere in the settings, in memory or on disk.
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(QStringLiteral("Tulip")),
                     qPrintable(key));
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("Tulip"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestOpenCatalog)
#include "tst_open_catalog.moc"
