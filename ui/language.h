// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QCoreApplication;
class QLocale;
class QMenu;
class QWidget;

namespace mb {

// The interface language: which ones ModelBench ships, which one a start uses, and loading it.
// Languages are named like locales: "en" (the source language) and "zh_CN". Only the words
// change with the language; numbers keep following the system's locale (QLocale()), as the
// user set it, whatever language the interface speaks.

/// The interface languages, "en" first.
QStringList availableLanguages();

/// A language's name in that language ("English", "简体中文"), so a person finds theirs in
/// any interface.
QString languageNativeName(const QString &language);

/// The available language `name` asks for ("zh_CN", "zh-CN", "zh", "en_GB"...), or an empty
/// string when none fits: for --lang, which takes no language it cannot show.
QString matchLanguage(const QString &name);

/// The available language that best fits `locale`'s interface languages, in their order of
/// preference; "en" when none does.
QString languageForLocale(const QLocale &locale);

/// The language chosen in the Settings menu, or an empty string for "follow the system".
QString storedLanguage();
void storeLanguage(const QString &language);

/// The language a start uses: `requested` (--lang, already matched) when not empty, else the
/// stored choice, else the system locale's.
QString startupLanguage(const QString &requested = {});

/// Installs the translations of `language` into `app`: ModelBench's own (":/i18n/
/// modelbench_<language>.qm", for English only its plural forms) and, where the system has
/// them, Qt's (standard buttons, file dialogs). Replaces what an earlier call installed.
/// Returns false when ModelBench's translation could not be loaded. GUI thread, before the
/// widgets are made: texts set earlier keep their language.
bool installTranslator(QCoreApplication &app, const QString &language);

/// The language installTranslator() last installed ("en" before any call).
QString installedLanguage();

/// `text` without its mnemonic, for where Qt shows it bare (tool buttons, accessible names):
/// "&File" gives "File", and the Chinese "文件(&F)" gives "文件", not Qt's "文件(F)".
QString withoutMnemonic(const QString &text);

/// A "Language" menu: follow the system, then each language by its own name, the stored
/// choice checked. Choosing one stores it for the next start and passes `notify` a message
/// saying so, for the status bar.
QMenu *createLanguageMenu(QWidget *parent, std::function<void(const QString &message)> notify);

} // namespace mb
