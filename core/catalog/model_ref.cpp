// SPDX-License-Identifier: MIT
#include "core/catalog/model_ref.h"

#include <QList>

namespace mb {

namespace {

std::string quoted(const QString &text)
{
    // Built with append(): g++ 12 warns falsely (-Wrestrict) on "literal" + std::string.
    std::string out(1, '\'');
    out.append(text.toStdString()).push_back('\'');
    return out;
}

/// "U+200B"
std::string codePointName(uint c)
{
    return "U+"
        + QString::number(c, 16).toUpper().rightJustified(4, QLatin1Char('0')).toStdString();
}

} // namespace

QString ModelRef::toString() const
{
    if (version)
        return name + QLatin1Char(':') + QString::number(*version);
    if (!alias.isEmpty())
        return name + QLatin1Char('@') + alias;
    return name;
}

Expected<ModelRef> ModelRef::parse(const QString &text)
{
    ModelRef ref;
    qsizetype cut = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char(':') || text[i] == QLatin1Char('@')) {
            cut = i;
            break;
        }
    }
    ref.name = canonicalModelName(cut < 0 ? text : text.left(cut));
    if (auto ok = checkModelName(ref.name); !ok)
        return std::unexpected(ok.error());
    if (cut < 0)
        return ref;

    const QString rest = text.mid(cut + 1);
    if (text[cut] == QLatin1Char('@')) {
        if (auto ok = checkLabel(rest, "alias"); !ok)
            return std::unexpected(ok.error());
        ref.alias = rest;
        return ref;
    }
    // Digits only: toInt() alone would accept "+3" and " 3".
    bool digitsOnly = !rest.isEmpty() && rest.size() <= 9;
    for (QChar c : rest)
        digitsOnly = digitsOnly && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    const int version = digitsOnly ? rest.toInt() : 0;
    if (version < 1) {
        return fail(ErrorCode::Usage,
                    "the version in " + quoted(text)
                        + " must be a whole number from 1, e.g. churn:3");
    }
    ref.version = version;
    return ref;
}

QString canonicalModelName(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C);
}

Expected<void> checkModelName(const QString &typed)
{
    const QString name = canonicalModelName(typed);
    if (name.isEmpty())
        return fail(ErrorCode::Usage, "the model name is empty");
    const QList<uint> codePoints = name.toUcs4();
    if (codePoints.size() > kMaxModelNameLength) {
        return fail(ErrorCode::Usage,
                    "the model name is " + std::to_string(codePoints.size())
                        + " characters long; at most " + std::to_string(kMaxModelNameLength)
                        + " are allowed");
    }
    for (const uint c : codePoints) {
        if (c == ':' || c == '@') {
            return fail(ErrorCode::Usage,
                        "the model name " + quoted(name) + " contains '" + std::string(1, char(c))
                            + "', which separates a name from a version "
                              "(NAME:VERSION) or an alias (NAME@ALIAS)");
        }
        const QChar::Category category = QChar::category(char32_t(c));
        if (category == QChar::Other_Control)
            return fail(ErrorCode::Usage, "the model name contains a control character");
        // Invisible characters make two names look alike (or a name read backwards).
        if (category == QChar::Other_Format) {
            return fail(ErrorCode::Usage,
                        "the model name contains the invisible format character " + codePointName(c)
                            + " (zero-width and text-direction characters are not allowed)");
        }
    }
    if (name.front().isSpace() || name.back().isSpace())
        return fail(ErrorCode::Usage,
                    "the model name " + quoted(name) + " starts or ends with a space");
    return {};
}

Expected<void> checkLabel(const QString &label, const char *what)
{
    const std::string kind(what);
    if (label.isEmpty())
        return fail(ErrorCode::Usage, "the " + kind + " is empty");
    if (label.size() > kMaxLabelLength) {
        return fail(ErrorCode::Usage,
                    "the " + kind + " " + quoted(label) + " is longer than "
                        + std::to_string(kMaxLabelLength) + " characters");
    }
    for (QChar c : label) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
            || c == QLatin1Char('.') || c == QLatin1Char('-');
        if (!allowed) {
            return fail(ErrorCode::Usage,
                        "the " + kind + " " + quoted(label)
                            + " may use only letters A-Z and a-z, digits, '_', "
                              "'.' and '-'");
        }
    }
    return {};
}

} // namespace mb
