// SPDX-License-Identifier: MIT
#include "ui/predict/scenario_store.h"

#include "core/ml/model.h"

#include <QCollator>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSettings>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mb {

namespace {

QJsonObject parseObject(const QVariant &stored)
{
    if (!stored.isValid())
        return {};
    return QJsonDocument::fromJson(stored.toString().toUtf8()).object();
}

QString compactText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QString modelKey(const Model &model, const QString &source)
{
    const TrainingRecipe &recipe = model.recipe();
    QByteArray text;
    const auto add = [&text](std::string_view part) {
        text.append(part.data(), qsizetype(part.size()));
        text.append('\x1f'); // unit separator: no part can run into the next
    };
    add(model.algo());
    for (const auto &[name, value] : recipe.params) {
        add(name);
        add(value);
    }
    add(std::to_string(recipe.seed));
    add(recipe.validation);
    add(std::to_string(recipe.fingerprint));
    add(std::to_string(recipe.rows));
    for (const FeatureSchema &feature : model.schema().features) {
        add(feature.name);
        add(feature.categorical ? "c" : "n");
    }
    for (const std::string &name : model.schema().classes)
        add(name);
    if (recipe.fingerprint == 0)
        add(source.toStdString());
    return QString::fromLatin1(
        QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(24));
}

QJsonObject inputsToJson(const InputSchema &schema, std::span<const double> row)
{
    QJsonObject inputs;
    for (std::size_t j = 0; j < schema.features.size() && j < row.size(); ++j) {
        const FeatureSchema &feature = schema.features[j];
        const QString name = QString::fromStdString(feature.name);
        const double value = row[j];
        const bool knownLevel = value >= 0 && value < double(feature.levels.size());
        if (std::isnan(value) || (feature.categorical && !knownLevel))
            inputs.insert(name, QJsonValue::Null);
        else if (feature.categorical)
            inputs.insert(name, QString::fromStdString(feature.levels[std::size_t(value)]));
        else
            inputs.insert(name, value);
    }
    return inputs;
}

std::vector<double> inputsFromJson(const InputSchema &schema, const QJsonObject &inputs)
{
    constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> row;
    row.reserve(schema.features.size());
    for (const FeatureSchema &feature : schema.features) {
        const double fallback = feature.categorical ? double(feature.mode) : feature.median;
        const auto found = inputs.find(QString::fromStdString(feature.name));
        if (found == inputs.end()) {
            row.push_back(fallback);
        } else if (found->isNull()) {
            row.push_back(kMissing);
        } else if (feature.categorical) {
            const std::string level = found->toString().toStdString();
            const auto at = std::find(feature.levels.begin(), feature.levels.end(), level);
            row.push_back(at == feature.levels.end() ? kMissing
                                                     : double(at - feature.levels.begin()));
        } else {
            row.push_back(found->isDouble() ? found->toDouble() : fallback);
        }
    }
    return row;
}

ScenarioStore::ScenarioStore(QString modelKey)
    : m_key(std::move(modelKey))
{
}

QString ScenarioStore::settingsKey(const char *what) const
{
    return QStringLiteral("Predict/%1/%2").arg(m_key, QLatin1String(what));
}

std::optional<QJsonObject> ScenarioStore::lastInputs() const
{
    if (m_key.isEmpty())
        return std::nullopt;
    const QVariant stored = QSettings().value(settingsKey("lastInputs"));
    if (!stored.isValid())
        return std::nullopt;
    return parseObject(stored);
}

void ScenarioStore::setLastInputs(const QJsonObject &inputs)
{
    if (!m_key.isEmpty())
        QSettings().setValue(settingsKey("lastInputs"), compactText(inputs));
}

QJsonObject ScenarioStore::scenarios() const
{
    if (m_key.isEmpty())
        return {};
    // One JSON object per model rather than one settings key per scenario: a name may hold
    // any character, "/" included, which QSettings would take for a group.
    return parseObject(QSettings().value(settingsKey("scenarios")));
}

void ScenarioStore::setScenarios(const QJsonObject &scenarios)
{
    if (!m_key.isEmpty())
        QSettings().setValue(settingsKey("scenarios"), compactText(scenarios));
}

QStringList ScenarioStore::scenarioNames() const
{
    QStringList names = scenarios().keys();
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), collator);
    return names;
}

std::optional<QJsonObject> ScenarioStore::scenario(const QString &name) const
{
    const QJsonObject all = scenarios();
    const auto found = all.find(name);
    if (found == all.end() || !found->isObject())
        return std::nullopt;
    return found->toObject();
}

void ScenarioStore::saveScenario(const QString &name, const QJsonObject &inputs)
{
    if (m_key.isEmpty() || name.isEmpty())
        return;
    QJsonObject all = scenarios();
    all.insert(name, inputs);
    setScenarios(all);
}

bool ScenarioStore::removeScenario(const QString &name)
{
    QJsonObject all = scenarios();
    if (!all.contains(name))
        return false;
    all.remove(name);
    setScenarios(all);
    return true;
}

} // namespace mb
