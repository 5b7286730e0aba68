// SPDX-License-Identifier: MIT
#include "core/io/arff_date.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>

namespace mb {

namespace {

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Qt formats quote literal text the way Java does: '...' with '' for a quote.
void appendLiteral(QString &format, const std::string &literal)
{
    if (literal.empty())
        return;
    QString text = QString::fromUtf8(literal);
    text.replace(QLatin1Char('\''), QStringLiteral("''"));
    format += QLatin1Char('\'') + text + QLatin1Char('\'');
}

std::string unsupportedLetter(char letter, std::size_t count)
{
    return "uses '" + std::string(count, letter)
        + "', which ModelBench cannot read; supported are y, M, d, H, h, m, s, SSS, a, E, "
          "Z, X and text in single quotes";
}

// Java places a two-digit year in the 100 years that start 80 years before today.
int expandTwoDigitYear(int twoDigits)
{
    const int start = QDate::currentDate().year() - 80;
    int year = start - start % 100 + twoDigits;
    if (year < start)
        year += 100;
    return year;
}

} // namespace

std::expected<ArffDateFormat, std::string> ArffDateFormat::compile(std::string_view javaPattern)
{
    ArffDateFormat result;
    result.m_pattern = std::string(javaPattern);

    QString format;
    std::string literal;
    char lastLetter = 0; // last Qt field letter written, to refuse fields that would merge
    std::size_t i = 0;
    while (i < javaPattern.size()) {
        const char c = javaPattern[i];
        if (c == '\'') {
            if (i + 1 < javaPattern.size() && javaPattern[i + 1] == '\'') {
                literal += '\'';
                i += 2;
                continue;
            }
            // Quoted text runs to the next lone quote; '' inside stands for one quote.
            std::size_t j = i + 1;
            for (;;) {
                if (j >= javaPattern.size())
                    return std::unexpected(std::string("has a quote that is never closed"));
                if (javaPattern[j] == '\'') {
                    if (j + 1 < javaPattern.size() && javaPattern[j + 1] == '\'') {
                        literal += '\'';
                        j += 2;
                        continue;
                    }
                    break;
                }
                literal += javaPattern[j++];
            }
            i = j + 1;
            lastLetter = 0;
            continue;
        }
        if (!isAsciiLetter(c)) {
            literal += c;
            lastLetter = 0;
            ++i;
            continue;
        }

        std::size_t count = 1;
        while (i + count < javaPattern.size() && javaPattern[i + count] == c)
            ++count;
        i += count;

        QString field;
        switch (c) {
        case 'y':
            if (count == 2) {
                field = QStringLiteral("yy");
                result.m_twoDigitYear = true;
            } else {
                field = QStringLiteral("yyyy");
            }
            break;
        case 'M':
            field = count <= 2 ? QStringLiteral("M")
                               : (count == 3 ? QStringLiteral("MMM") : QStringLiteral("MMMM"));
            break;
        case 'd':
            field = QStringLiteral("d");
            break;
        case 'H':
            field = QStringLiteral("H");
            break;
        case 'h':
            field = QStringLiteral("h");
            break;
        case 'm':
            field = QStringLiteral("m");
            break;
        case 's':
            field = QStringLiteral("s");
            break;
        case 'S':
            if (count != 3)
                return std::unexpected(unsupportedLetter(c, count));
            field = QStringLiteral("zzz");
            break;
        case 'a':
            field = QStringLiteral("AP");
            break;
        case 'E':
            field = count <= 3 ? QStringLiteral("ddd") : QStringLiteral("dddd");
            break;
        case 'Z':
        case 'X':
            field = QStringLiteral("t");
            result.m_hasZone = true;
            break;
        default:
            return std::unexpected(unsupportedLetter(c, count));
        }

        appendLiteral(format, literal);
        literal.clear();
        // "EEEd" would become "dddd" in Qt, a different field: refuse rather than misread.
        if (lastLetter != 0 && field.front() == QLatin1Char(lastLetter))
            return std::unexpected(std::string("has two fields next to each other that Qt "
                                               "cannot tell apart; put a separator between them"));
        format += field;
        lastLetter = field.back().toLatin1();
    }
    appendLiteral(format, literal);

    // Without a zone in the value, read it as UTC: asking Qt for local time would depend on
    // the machine and fail for times that a daylight-saving change skips.
    if (!result.m_hasZone)
        format += QStringLiteral(" t");
    result.m_qtFormat = format;
    return result;
}

std::optional<double> ArffDateFormat::parse(std::string_view text) const
{
    QString value = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    if (!m_hasZone)
        value += QStringLiteral(" UTC");
    QDateTime when = QLocale::c().toDateTime(value, m_qtFormat);
    if (!when.isValid())
        return std::nullopt;
    if (m_twoDigitYear) {
        const int year = when.date().year();
        when = when.addYears(expandTwoDigitYear(year % 100) - year);
    }
    return static_cast<double>(when.toMSecsSinceEpoch());
}

} // namespace mb
