// SPDX-License-Identifier: MIT
// The two interface languages. With the Chinese translation loaded, a session that loads a
// dataset whose names are Chinese, trains, saves to the catalog, predicts and scores a file
// must show no English word on any page, menu or dialog it opens: every text, title, tooltip,
// placeholder, header and chart label is checked, and whatever Latin letters remain must be on
// the short allow-list below. Also: --lang and the locale pick the right language, the list of
// core's table strings matches the tables, the .ts files match the sources, and the English
// plural forms read right.
#include "core/catalog/catalog.h"
#include "core/data/samples.h"
#include "core/ml/learner_registry.h"
#include "resources/translations/core_strings.h"
#include "ui/batch/batch_page.h"
#include "ui/catalog/catalog_page.h"
#include "ui/catalog/catalog_table_model.h"
#include "ui/data/data_page.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/predict/predict_page.h"
#include "ui/results/results_page.h"
#include "ui/train/train_page.h"
#include "widget_test_support.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSeries>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTimer>
#include <QValueAxis>
#include <QXmlStreamReader>

#include <set>
#include <string>

using namespace mb;

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void languageFromCommandLineName_data();
    void languageFromCommandLineName();
    void languageFromLocale_data();
    void languageFromLocale();
    void commandLineTakesLang();
    void languageMenuStoresTheChoiceForTheNextStart();
    void mnemonicsComeOffCleanly_data();
    void mnemonicsComeOffCleanly();
    void coreStringListMatchesTheTables();
    void everyCoreStringHasAChineseTranslation();
    void translationFilesMatchTheSources();
    void englishPluralsReadRight();
    void numbersKeepTheSystemLocale();
    void chineseInterfaceShowsNoEnglish();
    void screenshots();
};

namespace {

// What may stay in Latin letters in the Chinese interface, each with its reason. Anything
// else with a Latin letter is an untranslated string. Learner keys, parameter names and their
// choices ("gini", "none", "tol") are allowed besides, from the tables themselves: they are
// the words the parameter forms offer and the CLI and model files take.
struct Allowed
{
    const char *pattern;
    const char *reason;
};
const Allowed kAllowed[] = {
    {"ModelBench|Qt|Boost", "the program's, the toolkit's and the library's names"},
    {"CSV|ARFF|SQLite|PostgreSQL|XML|UTC|SHA-256|Markdown",
     "formats, standards and database servers, named so in Chinese too"},
    {"ROC|AUC|F1|L2|log2|log p|k-d|CART|BFGS|Newton-CG|LightGBM|Weka|NaiveBayes|scikit-learn|"
     "GaussianNB|softmax",
     "terms and names Chinese data-science texts keep in Latin"},
    {"K|k", "K 近邻 (k nearest neighbours), k 折 (k folds)"},
    {"(Ctrl|Shift|Alt)\\+\\S+", "keyboard shortcuts"},
    {"baseline|q3|@?production", "example tags and aliases, ASCII by rule ([A-Za-z0-9_.-])"},
    {"[^\\s/\\\\:：“”]+\\.(csv|tsv|txt|arff|mbm|sqlite|db)", "file names"},
    {"(/[^\\s“”：，。（）]+)+", "file paths"},
    {"(?<=\\d)\\s?e[-+]?\\d+", "exponents of numbers (1e-07)"},
    {"[0-9a-f]{8,}", "fingerprints and checksums, in hexadecimal"},
    {"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "times as the catalog stores them (ISO 8601, UTC)"},
    {"[KMGT]iB", "units of size, as QLocale::formattedDataSize writes them"},
    {"true|false", "values of yes/no parameters, as the CLI and model files take them"},
    {"English", "the Language menu names each language in itself"},
    {"predicted|p_", "the scored table's columns: those of the exported CSV and of `predict`"},
};

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Writes a small dataset whose file name, column names and levels are all Chinese, so that
// every Latin letter left on screen comes from the interface.
QString writeChineseDataset(const QString &dir)
{
    const QString path = dir + QStringLiteral("/鸢尾花.csv");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray csv("花萼长度,花萼宽度,颜色,类别\n");
    const char *colours[] = {"红", "蓝", "绿"};
    const char *kinds[] = {"山鸢尾", "变色鸢尾", "维吉尼亚鸢尾"};
    for (int i = 0; i < 90; ++i) {
        const int kind = i % 3;
        csv += QByteArray::number(4.5 + kind + (i % 7) * 0.1) + ','
            + QByteArray::number(2.0 + (i % 5) * 0.2 + kind * 0.3) + ','
            + colours[(i / 3 + kind) % 3] + ',' + kinds[kind] + '\n';
    }
    file.write(csv);
    return path;
}

/// Collects every user-visible text of widgets, actions and charts, and keeps those that
/// still hold Latin letters once the allowed words are taken out.
class TextAudit
{
public:
    TextAudit()
    {
        QStringList words;
        for (const LearnerInfo &learner : learners()) {
            words << q(learner.key);
            for (const ParamSpec &spec : learner.params()) {
                words << q(spec.name);
                for (std::string_view choice : spec.choices)
                    words << q(choice);
                for (std::string_view word : spec.specialValues)
                    words << q(word);
            }
        }
        words.removeDuplicates();
        // Longest first, so that "balanced_subsample" goes before "balanced".
        std::sort(words.begin(), words.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        QStringList patterns;
        for (const Allowed &allowed : kAllowed)
            patterns << QString::fromUtf8(allowed.pattern);
        for (const QString &word : std::as_const(words))
            patterns << QRegularExpression::escape(word);
        m_allowed = QRegularExpression(
            QStringLiteral("(?<![A-Za-z])(%1)(?![A-Za-z])").arg(patterns.join(QLatin1Char('|'))));
        Q_ASSERT(m_allowed.isValid());
    }

    /// The text as a person reads it: without markup and without the mnemonic "(&F)".
    static QString readable(QString text)
    {
        if (Qt::mightBeRichText(text))
            text = QTextDocumentFragment::fromHtml(text).toPlainText();
        static const QRegularExpression mnemonic(QStringLiteral("\\(&[A-Za-z0-9]\\)"));
        text.remove(mnemonic);
        text.remove(QLatin1Char('&'));
        return text;
    }

    void check(const QString &where, const QString &text)
    {
        if (text.trimmed().isEmpty())
            return;
        ++m_checked;
        QString rest = readable(text);
        rest.remove(m_allowed);
        static const QRegularExpression latin(QStringLiteral("[A-Za-z][A-Za-z0-9_'-]*"));
        QStringList words;
        for (auto it = latin.globalMatch(rest); it.hasNext();)
            words << it.next().captured();
        if (words.isEmpty())
            return;
        words.removeDuplicates();
        // Once per widget and text, whichever step of the session showed it first.
        const QString widget = where.section(QStringLiteral(" › "), 1);
        if (m_seen.contains(widget + text))
            return;
        m_seen.insert(widget + text);
        m_findings << QStringLiteral("%1: %2 in \"%3\"")
                          .arg(where, words.join(QLatin1Char(' ')), text.simplified());
    }

    void action(const QString &where, QAction *action)
    {
        if (action->isSeparator())
            return;
        // Its icon text and tooltip show on tool buttons only, which widget() reads.
        const QString name = QStringLiteral("%1 › action %2").arg(where, action->objectName());
        check(name + QStringLiteral(" text"), action->text());
        check(name + QStringLiteral(" status tip"), action->statusTip());
        if (QMenu *menu = action->menu())
            this->menu(where, menu);
    }

    void menu(const QString &where, QMenu *menu)
    {
        check(QStringLiteral("%1 › menu %2 title").arg(where, menu->objectName()), menu->title());
        const QList<QAction *> actions = menu->actions();
        for (QAction *a : actions)
            action(where + QStringLiteral(" › ") + menu->objectName(), a);
    }

    void widgetTree(const QString &where, QWidget *root)
    {
        widget(where, root);
        const QList<QWidget *> children = root->findChildren<QWidget *>();
        for (QWidget *child : children)
            widget(where, child);
    }

    void widget(const QString &where, QWidget *w)
    {
        const QString name
            = QStringLiteral("%1 › %2#%3")
                  .arg(where, QString::fromLatin1(w->metaObject()->className()), w->objectName());
        check(name + QStringLiteral(" tooltip"), w->toolTip());
        check(name + QStringLiteral(" accessible name"), w->accessibleName());
        check(name + QStringLiteral(" accessible description"), w->accessibleDescription());
        if (w->isWindow())
            check(name + QStringLiteral(" window title"), w->windowTitle());
        if (auto *label = qobject_cast<QLabel *>(w))
            check(name + QStringLiteral(" text"), label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            check(name + QStringLiteral(" text"), button->text());
        if (auto *box = qobject_cast<QGroupBox *>(w))
            check(name + QStringLiteral(" title"), box->title());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            check(name + QStringLiteral(" placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QTextEdit *>(w)) {
            check(name + QStringLiteral(" placeholder"), edit->placeholderText());
            check(name + QStringLiteral(" text"), edit->toPlainText());
        }
        if (auto *edit = qobject_cast<QPlainTextEdit *>(w)) {
            check(name + QStringLiteral(" placeholder"), edit->placeholderText());
            check(name + QStringLiteral(" text"), edit->toPlainText());
        }
        if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            check(name + QStringLiteral(" suffix"), spin->suffix());
            check(name + QStringLiteral(" prefix"), spin->prefix());
            check(name + QStringLiteral(" special value"), spin->specialValueText());
        }
        if (auto *spin = qobject_cast<QDoubleSpinBox *>(w)) {
            check(name + QStringLiteral(" suffix"), spin->suffix());
            check(name + QStringLiteral(" prefix"), spin->prefix());
            check(name + QStringLiteral(" special value"), spin->specialValueText());
        }
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                check(name + QStringLiteral(" tab %1").arg(i), tabs->tabText(i));
                check(name + QStringLiteral(" tab %1 tooltip").arg(i), tabs->tabToolTip(i));
            }
        }
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i) {
                // An item that is its own value is a key (a parameter choice): it stays.
                if (combo->itemData(i).toString() != combo->itemText(i))
                    check(name + QStringLiteral(" item %1").arg(i), combo->itemText(i));
            }
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model())
            itemView(name, view->model());
        if (auto *chart = qobject_cast<QChartView *>(w))
            chartView(name, chart->chart());
        const QList<QAction *> actions = w->actions();
        for (QAction *a : actions)
            action(name, a);
    }

    void itemView(const QString &name, const QAbstractItemModel *model)
    {
        for (int column = 0; column < model->columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                check(name + QStringLiteral(" header %1").arg(column),
                      model->headerData(column, Qt::Horizontal, role).toString());
        }
        const int rows = std::min(model->rowCount(), 60);
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                const QModelIndex index = model->index(row, column);
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                    const QVariant value = index.data(role);
                    if (value.typeId() == QMetaType::QString)
                        check(name + QStringLiteral(" cell %1,%2").arg(row).arg(column),
                              value.toString());
                }
            }
        }
    }

    void chartView(const QString &name, QChart *chart)
    {
        check(name + QStringLiteral(" chart title"), chart->title());
        const QList<QAbstractAxis *> axes = chart->axes();
        for (QAbstractAxis *axis : axes)
            check(name + QStringLiteral(" axis title"), axis->titleText());
        const QList<QAbstractSeries *> series = chart->series();
        for (QAbstractSeries *s : series)
            check(name + QStringLiteral(" series"), s->name());
    }

    /// Every page, the menus and the window's own texts.
    void window(const QString &step, MainWindow &window)
    {
        check(step + QStringLiteral(" › window title"), window.windowTitle());
        check(step + QStringLiteral(" › status bar"), window.statusBar()->currentMessage());
        const QList<QAction *> menus = window.menuBar()->actions();
        for (QAction *menu : menus)
            action(step + QStringLiteral(" › menu bar"), menu);
        const QList<QAction *> actions = window.findChildren<QAction *>();
        for (QAction *a : actions)
            action(step, a);
        widgetTree(step, &window);
    }

    const QStringList &findings() const { return m_findings; }
    int checkedCount() const { return m_checked; }

private:
    QRegularExpression m_allowed;
    QStringList m_findings;
    QSet<QString> m_seen;
    int m_checked = 0;
};

// Clicks the learner's row in the Train page's list, as a person would.
bool chooseLearner(QListWidget *list, const QString &key)
{
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        if (item->data(Qt::UserRole).toString() != key)
            continue;
        list->scrollToItem(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(item).center());
        return list->currentItem() == item;
    }
    return false;
}

// The messages of a .ts file: (context, source) -> whether it is translated.
std::map<std::pair<QString, QString>, bool> readTs(const QString &path)
{
    std::map<std::pair<QString, QString>, bool> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const bool finished = xml.attributes().value(QLatin1String("type")).isEmpty();
            messages[{context, source}] = finished;
        }
    }
    return messages;
}

} // namespace

void TestTranslations::initTestCase()
{
    widget_test::silenceOffscreenNoise();
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ModelBench"));
    QApplication::setApplicationName(QStringLiteral("ModelBench-tests"));
}

void TestTranslations::init()
{
    QSettings().clear();
}

void TestTranslations::languageFromCommandLineName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("language");
    QTest::newRow("zh_CN as shipped") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("zh-CN with a dash") << QStringLiteral("zh-CN") << QStringLiteral("zh_CN");
    QTest::newRow("zh alone is Simplified") << QStringLiteral("zh") << QStringLiteral("zh_CN");
    QTest::newRow("zh_TW is Traditional, not shipped") << QStringLiteral("zh_TW") << QString();
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("en");
    QTest::newRow("en_GB is English") << QStringLiteral("en_GB") << QStringLiteral("en");
    QTest::newRow("French is not shipped") << QStringLiteral("fr") << QString();
    QTest::newRow("nonsense") << QStringLiteral("klingon") << QString();
    QTest::newRow("nothing") << QString() << QString();
}

void TestTranslations::languageFromCommandLineName()
{
    QFETCH(QString, name);
    QFETCH(QString, language);
    QCOMPARE(matchLanguage(name), language);
}

void TestTranslations::languageFromLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("language");
    QTest::newRow("Chinese (China)") << QLocale(QStringLiteral("zh_CN")) << QStringLiteral("zh_CN");
    QTest::newRow("Chinese (Singapore), Simplified")
        << QLocale(QStringLiteral("zh_SG")) << QStringLiteral("zh_CN");
    QTest::newRow("German falls back to English")
        << QLocale(QStringLiteral("de_DE")) << QStringLiteral("en");
    QTest::newRow("the C locale is English") << QLocale::c() << QStringLiteral("en");
}

void TestTranslations::languageFromLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, language);
    QCOMPARE(languageForLocale(locale), language);
}

void TestTranslations::commandLineTakesLang()
{
    // --help answers in the language asked for, before any window; an unknown one is refused.
    const auto run = [](const QStringList &arguments, QByteArray *out, QByteArray *err) {
        QProcess process;
        process.start(QStringLiteral(MB_GUI_PATH), arguments);
        if (!process.waitForFinished(30000))
            return -1;
        *out = process.readAllStandardOutput();
        *err = process.readAllStandardError();
        return process.exitCode();
    };
    QByteArray out;
    QByteArray err;
    QCOMPARE(run({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--help")},
                 &out, &err),
             0);
    QVERIFY2(QString::fromUtf8(out).contains(QStringLiteral("分类器桌面工作台")), out.constData());
    QVERIFY2(out.contains("--lang <"), out.constData());
    QCOMPARE(run({QStringLiteral("--lang=en"), QStringLiteral("--help")}, &out, &err), 0);
    QVERIFY2(out.contains("A desktop workbench for classifiers."), out.constData());
    QCOMPARE(run({QStringLiteral("--lang"), QStringLiteral("fr")}, &out, &err), 2);
    QVERIFY2(err.contains("'fr'") && err.contains("en, zh_CN"), err.constData());
}

void TestTranslations::languageMenuStoresTheChoiceForTheNextStart()
{
    QVERIFY(installTranslator(*qApp, QStringLiteral("en")));
    QCOMPARE(startupLanguage(), languageForLocale(QLocale::system()));
    QCOMPARE(startupLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    MainWindow window;
    auto *chinese = window.findChild<QAction *>(QStringLiteral("actionLanguage_zh_CN"));
    auto *system = window.findChild<QAction *>(QStringLiteral("actionLanguage_system"));
    QVERIFY(chinese && system);
    QVERIFY(system->isChecked());
    QVERIFY(window.findChild<QMenu *>(QStringLiteral("menuSettings")));

    chinese->trigger();
    QCOMPARE(storedLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(startupLanguage(), QStringLiteral("zh_CN"));
    // --lang still wins over the stored choice.
    QCOMPARE(startupLanguage(QStringLiteral("en")), QStringLiteral("en"));
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("next start")),
             qPrintable(window.statusBar()->currentMessage()));

    system->trigger();
    QCOMPARE(storedLanguage(), QString());
    QVERIFY(!QSettings().contains(QStringLiteral("Interface/language")));
}

void TestTranslations::mnemonicsComeOffCleanly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("bare");
    QTest::newRow("English, in the word") << QStringLiteral("&File") << QStringLiteral("File");
    QTest::newRow("Chinese, in brackets") << QStringLiteral("文件(&F)") << QStringLiteral("文件");
    QTest::newRow("brackets before an ellipsis")
        << QStringLiteral("打开数据(&O)…") << QStringLiteral("打开数据…");
    QTest::newRow("full-width brackets") << QStringLiteral("语言（&L）") << QStringLiteral("语言");
    QTest::newRow("brackets that are words stay")
        << QStringLiteral("系统语言(&S)（English）") << QStringLiteral("系统语言（English）");
    QTest::newRow("a doubled ampersand is one")
        << QStringLiteral("Save && &Quit") << QStringLiteral("Save & Quit");
}

void TestTranslations::mnemonicsComeOffCleanly()
{
    QFETCH(QString, text);
    QFETCH(QString, bare);
    QCOMPARE(withoutMnemonic(text), bare);
}

void TestTranslations::coreStringListMatchesTheTables()
{
    // resources/translations/core_strings.h lists the strings of core's tables for lupdate;
    // a parameter added to a table (or changed there) must be added to the list too.
    const auto listed = [](std::span<const char *const> list) {
        std::set<std::string> set;
        for (const char *text : list)
            set.insert(text);
        return set;
    };
    std::set<std::string> learnerTexts;
    std::set<std::string> paramTexts;
    std::set<std::string> sampleTexts;
    for (const LearnerInfo &learner : learners()) {
        learnerTexts.insert(std::string(learner.name));
        learnerTexts.insert(std::string(learner.description));
        for (const ParamSpec &spec : learner.params()) {
            paramTexts.insert(std::string(spec.label));
            paramTexts.insert(std::string(spec.help));
        }
    }
    for (const SampleDataset &sample : sampleDatasets())
        sampleTexts.insert(sample.description);
    QCOMPARE(listed(translations::kLearnerStrings), learnerTexts);
    QCOMPARE(listed(translations::kParamStrings), paramTexts);
    QCOMPARE(listed(translations::kSampleStrings), sampleTexts);
}

void TestTranslations::everyCoreStringHasAChineseTranslation()
{
    QVERIFY(installTranslator(*qApp, QStringLiteral("zh_CN")));
    const auto check = [](const char *context, std::span<const char *const> list) {
        QStringList missing;
        for (const char *text : list) {
            if (QCoreApplication::translate(context, text) == QString::fromUtf8(text))
                missing << QString::fromUtf8(text);
        }
        return missing.join(QStringLiteral("\n"));
    };
    QCOMPARE(check("mb::LearnerInfo", translations::kLearnerStrings), QString());
    QCOMPARE(check("mb::ParamSpec", translations::kParamStrings), QString());
    QCOMPARE(check("mb::MainWindow", translations::kSampleStrings), QString());
}

void TestTranslations::translationFilesMatchTheSources()
{
    // lupdate over today's sources into a scratch file: the committed .ts must hold exactly
    // those messages, each translated. When this fails, run scripts/update-translations.sh
    // and translate what it reports.
    const QString lupdate
        = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (!QFileInfo(lupdate).isExecutable())
        QSKIP("no lupdate (scripts/install-deps.sh installs qt6-l10n-tools)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
    QProcess process;
    process.setWorkingDirectory(QStringLiteral(MB_SOURCE_DIR));
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate,
                  {QStringLiteral("-I"), QStringLiteral("."), QStringLiteral("-silent"),
                   QStringLiteral("-no-obsolete"), QStringLiteral("ui"), QStringLiteral("app"),
                   QStringLiteral("resources/translations/core_strings.h"), QStringLiteral("-ts"),
                   fresh});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAll().constData());

    const auto wanted = readTs(fresh);
    const auto committed
        = readTs(QStringLiteral(MB_SOURCE_DIR "/resources/translations/modelbench_zh_CN.ts"));
    QVERIFY(!wanted.empty());
    QStringList problems;
    for (const auto &[key, finished] : wanted) {
        const auto it = committed.find(key);
        if (it == committed.end())
            problems << QStringLiteral("new, not in the .ts: %1: %2").arg(key.first, key.second);
        else if (!it->second)
            problems << QStringLiteral("not translated: %1: %2").arg(key.first, key.second);
    }
    for (const auto &[key, finished] : committed) {
        if (!wanted.contains(key))
            problems << QStringLiteral("gone from the sources: %1: %2").arg(key.first, key.second);
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("run scripts/update-translations.sh and translate:\n")
                        + problems.join(QLatin1Char('\n'))));
}

void TestTranslations::englishPluralsReadRight()
{
    // English has one and many: without modelbench_en.qm "%n version(s)" would show as is.
    QVERIFY(installTranslator(*qApp, QStringLiteral("en")));
    const auto committed
        = readTs(QStringLiteral(MB_SOURCE_DIR "/resources/translations/modelbench_en.ts"));
    QVERIFY(!committed.empty());
    for (const auto &[key, finished] : committed) {
        const QByteArray context = key.first.toUtf8();
        const QByteArray source = key.second.toUtf8();
        for (int n : {1, 2, 12}) {
            const QString text = QCoreApplication::translate(context, source, nullptr, n);
            const bool spelled = !text.contains(QStringLiteral("(s)")) && text != key.second;
            QVERIFY2(
                spelled || !key.second.contains(QStringLiteral("(s)")),
                qPrintable(QStringLiteral("%1 (n = %2): %3").arg(key.second).arg(n).arg(text)));
        }
    }
    QCOMPARE(QCoreApplication::translate("mb::CatalogPage", "%n version(s)", nullptr, 1),
             QStringLiteral("1 version"));
    QCOMPARE(QCoreApplication::translate("mb::CatalogPage", "%n version(s)", nullptr, 3),
             QStringLiteral("3 versions"));
}

void TestTranslations::numbersKeepTheSystemLocale()
{
    // The language changes the words only: numbers follow QLocale(), the system's format, so
    // a German system keeps its decimal comma under either language.
    const QLocale before;
    QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
    QVERIFY(installTranslator(*qApp, QStringLiteral("zh_CN")));
    QCOMPARE(QLocale().name(), QStringLiteral("de_DE"));
    QCOMPARE(QLocale().toString(0.5), QStringLiteral("0,5"));
    QLocale::setDefault(before);
    // And Chinese numbers are written like English ones.
    QCOMPARE(QLocale(QStringLiteral("zh_CN")).toString(1234.5), QStringLiteral("1,234.5"));
}

void TestTranslations::chineseInterfaceShowsNoEnglish()
{
    QVERIFY(installTranslator(*qApp, QStringLiteral("zh_CN")));
    QCOMPARE(installedLanguage(), QStringLiteral("zh_CN"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString csvPath = writeChineseDataset(dir.path());
    QVERIFY(!csvPath.isEmpty());
    const QString catalogPath = dir.filePath(QStringLiteral("团队.sqlite"));
    QVERIFY(Catalog::open(catalogPath).has_value());

    TextAudit audit;
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openCatalog(catalogPath));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    QVERIFY(tabs);
    audit.window(QStringLiteral("no data"), window);

    // The Data page, through the CSV import dialog.
    window.openDataFile(csvPath);
    auto *import
        = widget_test::waitForChild<QDialog>(window.dataPage(), QStringLiteral("csvImportDialog"));
    QVERIFY(import);
    audit.widgetTree(QStringLiteral("CSV import dialog"), import);
    QSignalSpy loaded(window.dataPage(), &DataPage::datasetChanged);
    QTest::mouseClick(import->findChild<QPushButton *>(QStringLiteral("loadButton")),
                      Qt::LeftButton);
    QVERIFY(loaded.wait(10000));
    auto *columns = window.dataPage()->findChild<QAbstractItemView *>(QStringLiteral("columnList"));
    QVERIFY(columns);
    for (int row : {0, 2}) {
        columns->setCurrentIndex(columns->model()->index(row, 0));
        audit.window(QStringLiteral("data loaded, column %1").arg(row), window);
    }

    // The Train page: every learner's form, and a few trained.
    tabs->setCurrentWidget(window.trainPage());
    auto *learnerList = window.trainPage()->findChild<QListWidget *>(QStringLiteral("learnerList"));
    auto *trainButton = window.trainPage()->findChild<QPushButton *>(QStringLiteral("trainButton"));
    QVERIFY(learnerList && trainButton);
    for (const LearnerInfo &learner : learners()) {
        const QString key = q(learner.key);
        QVERIFY2(chooseLearner(learnerList, key), qPrintable(key));
        audit.widgetTree(QStringLiteral("Train page, %1").arg(key), window.trainPage());
    }
    // Naive Bayes and logistic regression explain by contributions, the tree by its path.
    for (const char *key : {"knn", "nb", "logreg", "tree"}) {
        QVERIFY(chooseLearner(learnerList, QString::fromLatin1(key)));
        QSignalSpy finished(window.trainPage(), &TrainPage::trainingFinished);
        QTest::mouseClick(trainButton, Qt::LeftButton);
        QVERIFY2(finished.wait(60000), key);
        for (QWidget *page : {static_cast<QWidget *>(window.trainPage()),
                              static_cast<QWidget *>(window.resultsPage()),
                              static_cast<QWidget *>(window.predictPage())}) {
            tabs->setCurrentWidget(page);
            audit.window(QStringLiteral("trained %1").arg(QString::fromLatin1(key)), window);
        }
        QVERIFY(window.predictPage()->fillFromRow(1));
        audit.window(QStringLiteral("%1, filled from row 1").arg(QString::fromLatin1(key)), window);
        window.predictPage()->resultTabs()->setCurrentIndex(1);
        audit.widgetTree(QStringLiteral("%1, what if").arg(QString::fromLatin1(key)),
                         window.predictPage());
        window.predictPage()->resultTabs()->setCurrentIndex(0);
    }
    window.predictPage()->saveScenario(QStringLiteral("情景一"));
    audit.window(QStringLiteral("scenario saved"), window);

    // Save to the catalog through its dialog.
    tabs->setCurrentWidget(window.resultsPage());
    auto *save
        = window.resultsPage()->findChild<QPushButton *>(QStringLiteral("saveToCatalogButton"));
    QVERIFY(save);
    QTRY_VERIFY(save->isVisible() && save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    auto *saveDialog = widget_test::waitForChild<QDialog>(window.resultsPage(),
                                                          QStringLiteral("saveToCatalogDialog"));
    QVERIFY(saveDialog);
    audit.widgetTree(QStringLiteral("Save to Catalog dialog"), saveDialog);
    auto *name = saveDialog->findChild<QLineEdit *>(QStringLiteral("catalogNameEdit"));
    QVERIFY(name);
    // (QTest::keyClicks types Latin-1 only.)
    name->setText(QStringLiteral("鸢尾花分类"));
    auto *buttons = saveDialog->findChild<QDialogButtonBox *>(QStringLiteral("catalogButtons"));
    QVERIFY(buttons && buttons->button(QDialogButtonBox::Save));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_COMPARE(window.catalogPage()->tableModel()->rowCount(), 1);

    // The Catalog page with the entry selected, its details on show.
    tabs->setCurrentWidget(window.catalogPage());
    QTableView *table = window.catalogPage()->tableView();
    QTRY_VERIFY(table->isVisible());
    table->selectRow(0);
    audit.window(QStringLiteral("catalog"), window);

    // The Batch page: the same file checked, then scored.
    tabs->setCurrentWidget(window.batchPage());
    window.batchPage()->openFile(csvPath);
    QTRY_VERIFY(window.batchPage()->scoreButton()->isEnabled());
    audit.window(QStringLiteral("batch, checked"), window);
    QSignalSpy scored(window.batchPage(), &BatchPage::scoringFinished);
    QVERIFY(window.batchPage()->score());
    QVERIFY(scored.wait(60000));
    audit.window(QStringLiteral("batch, scored"), window);

    // Help > About: the box opens without blocking.
    window.findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
    QWidget *about = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (about = window.findChild<QWidget *>(QStringLiteral("aboutBox"))) != nullptr; }));
    audit.widgetTree(QStringLiteral("About box"), about);
    about->close();

    // The session above shows well over a thousand texts; far fewer means it went wrong.
    QVERIFY2(audit.checkedCount() > 1000, qPrintable(QString::number(audit.checkedCount())));
    QVERIFY2(audit.findings().isEmpty(),
             qPrintable(QStringLiteral("%1 untranslated text(s) in the Chinese interface:\n%2")
                            .arg(audit.findings().size())
                            .arg(audit.findings().join(QLatin1Char('\n')))));
}

// Not a check: saves train-page-zh_CN.png, results-page-zh_CN.png and predict-page-zh_CN.png
// for docs/screenshots when MB_SCREENSHOT names a folder. Needs a CJK font (fonts-noto-cjk);
// with MB_SCREENSHOT=docs/screenshots QT_QPA_PLATFORM=xcb in the environment:
//   xvfb-run -a -s '-screen 0 1280x800x24' tst_translations screenshots
void TestTranslations::screenshots()
{
    const QString folder = qEnvironmentVariable("MB_SCREENSHOT");
    if (folder.isEmpty())
        QSKIP("set MB_SCREENSHOT=FOLDER to take the screenshots");
    QVERIFY(installTranslator(*qApp, QStringLiteral("zh_CN")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString csvPath = writeChineseDataset(dir.path());
    QVERIFY(Catalog::open(dir.filePath(QStringLiteral("团队.sqlite"))).has_value());
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openCatalog(dir.filePath(QStringLiteral("团队.sqlite"))));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    window.openDataFile(csvPath);
    auto *import
        = widget_test::waitForChild<QDialog>(window.dataPage(), QStringLiteral("csvImportDialog"));
    QVERIFY(import);
    QSignalSpy loaded(window.dataPage(), &DataPage::datasetChanged);
    QTest::mouseClick(import->findChild<QPushButton *>(QStringLiteral("loadButton")),
                      Qt::LeftButton);
    QVERIFY(loaded.wait(10000));

    tabs->setCurrentWidget(window.trainPage());
    auto *learnerList = window.trainPage()->findChild<QListWidget *>(QStringLiteral("learnerList"));
    auto *trainButton = window.trainPage()->findChild<QPushButton *>(QStringLiteral("trainButton"));
    for (const char *key : {"forest", "tree"}) {
        QVERIFY(chooseLearner(learnerList, QString::fromLatin1(key)));
        QSignalSpy finished(window.trainPage(), &TrainPage::trainingFinished);
        QTest::mouseClick(trainButton, Qt::LeftButton);
        QVERIFY(finished.wait(60000));
    }
    QTest::qWait(200);
    QVERIFY(window.grab().save(folder + QStringLiteral("/train-page-zh_CN.png")));
    tabs->setCurrentWidget(window.resultsPage());
    QTest::qWait(200);
    QVERIFY(window.grab().save(folder + QStringLiteral("/results-page-zh_CN.png")));
    tabs->setCurrentWidget(window.predictPage());
    QVERIFY(window.predictPage()->fillFromRow(4));
    window.predictPage()->resultTabs()->setCurrentIndex(0); // Why: the tree's decision path
    QTest::qWait(200);
    QVERIFY(window.grab().save(folder + QStringLiteral("/predict-page-zh_CN.png")));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
