// SPDX-License-Identifier: MIT
#include "core/cli/json_output.h"

#include "core/cli/cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>

namespace mb::cli {

QJsonValue jsonNumber(double value)
{
    if (!std::isfinite(value))
        return QJsonValue(QJsonValue::Null);
    return QJsonValue(value);
}

void printJson(const QJsonValue &value)
{
    QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray())
                                        : QJsonDocument(value.toObject());
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void print(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
}

int reportError(const Error &error)
{
    print(stderr, QStringLiteral("modelbench-cli: ")
                          + QString::fromStdString(error.describe()).simplified()
                          + QLatin1Char('\n'));
    return error.code == ErrorCode::Usage ? kUsage : kBadInput;
}

int reportUsage(const QString &verb, const QString &message)
{
    const QString help = verb.isEmpty() ? QStringLiteral("modelbench-cli --help")
                                        : QStringLiteral("modelbench-cli %1 --help").arg(verb);
    print(stderr, QStringLiteral("modelbench-cli: %1 (see '%2')\n").arg(message, help));
    return kUsage;
}

QString formatNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("?");
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

} // namespace mb::cli
