// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <QString>

#include <optional>

namespace mb {

/// A reference to one version of a registered model, as users type it: "churn" (the latest
/// version), "churn:3" (version 3) or "churn@production" (whatever the alias points to).
/// Names never contain ':' or '@', so the first of them ends the name.
struct ModelRef
{
    QString name;
    std::optional<int> version; ///< set for NAME:VERSION
    QString alias; ///< set for NAME@ALIAS

    bool isLatest() const { return !version && alias.isEmpty(); }

    /// "churn", "churn:3", "churn@production".
    QString toString() const;

    /// Parses NAME[:VERSION|@ALIAS]; every part is checked (see checkModelName, checkLabel) and
    /// the name is made canonical (canonicalModelName).
    static Expected<ModelRef> parse(const QString &text);
};

/// Limits on what users may type. Names: 1 to 200 characters (counted in NFC), none of them
/// ':', '@', a control character or an invisible format character (Unicode category Cf: zero-width
/// space, right-to-left override, ...), no leading or trailing white space. Aliases and tags: 1
/// to 64 of [A-Za-z0-9_.-].
inline constexpr int kMaxModelNameLength = 200;
inline constexpr int kMaxLabelLength = 64;

/// A model name in the one form the catalog stores and looks up: Unicode NFC, so that "é" typed
/// as one code point or as "e" plus a combining accent names the same model.
QString canonicalModelName(const QString &name);

/// Checks a model name (in its canonical form); the error says what is wrong with it.
Expected<void> checkModelName(const QString &name);

/// Checks an alias or a tag; `what` is "alias" or "tag", for the message.
Expected<void> checkLabel(const QString &label, const char *what);

} // namespace mb
