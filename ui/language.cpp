// SPDX-License-Identifier: MIT
#include "ui/language.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QTranslator>

namespace mb {

namespace {

const QString kLanguageKey = QStringLiteral("Interface/language");
const QString kEnglish = QStringLiteral("en");
// Marks the translators installTranslator() made, so the next call can take them out again.
const QString kTranslatorName = QStringLiteral("mb_translator");

QString &installed()
{
    static QString language = kEnglish;
    return language;
}

// Whether `wanted` (a locale from the command line or the system) asks for `offered`: the same
// language, in the same script where both say (so Traditional Chinese is not Simplified).
bool fits(const QLocale &wanted, const QLocale &offered)
{
    return wanted.language() == offered.language()
        && (wanted.script() == QLocale::AnyScript || wanted.script() == offered.script());
}

} // namespace

QStringList availableLanguages()
{
    return {kEnglish, QStringLiteral("zh_CN")};
}

QString languageNativeName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (language == kEnglish)
        return QStringLiteral("English");
    return QLocale(language).nativeLanguageName();
}

QString matchLanguage(const QString &name)
{
    const QLocale wanted(name);
    if (name.isEmpty() || wanted.language() == QLocale::C)
        return {};
    for (const QString &language : availableLanguages()) {
        if (fits(wanted, QLocale(language)))
            return language;
    }
    return {};
}

QString languageForLocale(const QLocale &locale)
{
    // uiLanguages() lists the system's preferences in order ("zh-Hans-CN", "zh-CN", "zh"),
    // LANGUAGE included on Linux.
    const QStringList preferred = locale.uiLanguages();
    for (const QString &name : preferred) {
        const QString language = matchLanguage(name);
        if (!language.isEmpty())
            return language;
    }
    return kEnglish;
}

QString storedLanguage()
{
    const QString language = QSettings().value(kLanguageKey).toString();
    return availableLanguages().contains(language) ? language : QString();
}

void storeLanguage(const QString &language)
{
    QSettings settings;
    if (language.isEmpty())
        settings.remove(kLanguageKey);
    else
        settings.setValue(kLanguageKey, language);
}

QString startupLanguage(const QString &requested)
{
    if (!requested.isEmpty())
        return requested;
    const QString stored = storedLanguage();
    return !stored.isEmpty() ? stored : languageForLocale(QLocale::system());
}

bool installTranslator(QCoreApplication &app, const QString &language)
{
    const QList<QTranslator *> old = app.findChildren<QTranslator *>(kTranslatorName);
    for (QTranslator *translator : old) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installed() = kEnglish;

    auto *own = new QTranslator(&app);
    own->setObjectName(kTranslatorName);
    if (!own->load(QStringLiteral("modelbench_%1").arg(language), QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    installed() = language;

    // Qt's own strings (OK, Cancel, the file dialog) come with Qt, not with ModelBench; a
    // system without them shows those few in English.
    if (language != kEnglish) {
        auto *qt = new QTranslator(&app);
        qt->setObjectName(kTranslatorName);
        if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
    }
    return true;
}

QString installedLanguage()
{
    return installed();
}

QString withoutMnemonic(const QString &text)
{
    // The letter in brackets belongs to the '&' in the East Asian style: "文件(&F)…".
    static const QRegularExpression bracketed(QStringLiteral("\\s*[(（]&[^&\\s][)）]"));
    QString bare = QString(text).remove(bracketed);
    QString out;
    out.reserve(bare.size());
    for (qsizetype i = 0; i < bare.size(); ++i) {
        if (bare.at(i) != QLatin1Char('&'))
            out += bare.at(i);
        else if (i + 1 < bare.size() && bare.at(i + 1) == QLatin1Char('&'))
            out += bare.at(++i); // "&&" is a literal '&'
    }
    return out;
}

QMenu *createLanguageMenu(QWidget *parent, std::function<void(const QString &message)> notify)
{
    // Free functions have no tr(); the context is spelled out so lupdate finds every string.
    auto *menu = new QMenu(QCoreApplication::translate("mb::Language", "&Language"), parent);
    menu->setObjectName(QStringLiteral("menuLanguage"));
    menu->menuAction()->setStatusTip(
        QCoreApplication::translate("mb::Language", "Choose the language of ModelBench's windows"));
    auto *group = new QActionGroup(menu);
    group->setExclusive(true);

    const QString stored = storedLanguage();
    const auto addChoice = [&](const QString &text, const QString &language) {
        QAction *action = menu->addAction(text);
        action->setObjectName(QStringLiteral("actionLanguage_%1")
                                  .arg(language.isEmpty() ? QStringLiteral("system") : language));
        action->setCheckable(true);
        action->setChecked(language == stored);
        action->setData(language);
        group->addAction(action);
    };
    addChoice(QCoreApplication::translate("mb::Language", "&System Language (%1)")
                  .arg(languageNativeName(languageForLocale(QLocale::system()))),
              QString());
    menu->addSeparator();
    // Numbered accelerators: a language's own name may have no letter to type.
    int number = 0;
    for (const QString &language : availableLanguages())
        addChoice(QStringLiteral("&%1  %2").arg(++number % 10).arg(languageNativeName(language)),
                  language);

    QObject::connect(
        group, &QActionGroup::triggered, menu, [notify = std::move(notify)](QAction *action) {
            storeLanguage(action->data().toString());
            // Every window sets its words once, when it is made: a new language
            // shows from the next start, unless it is the one in use.
            const QString next = startupLanguage();
            const QString name = languageNativeName(next);
            notify(next == installedLanguage()
                       ? QCoreApplication::translate("mb::Language", "Language: %1.").arg(name)
                       : QCoreApplication::translate(
                             "mb::Language", "Language: %1, from the next start of ModelBench.")
                             .arg(name));
        });
    return menu;
}

} // namespace mb
