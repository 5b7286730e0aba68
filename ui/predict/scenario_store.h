// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/input_schema.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <vector>

namespace mb {

class Model;

/// A key naming a model for its stored inputs: a hash of what made it (learner, parameters,
/// seed, validation, the training rows' fingerprint) and its schema, so the model trained on
/// the Train page and the same model opened later from its file share their inputs. A model
/// whose file records no recipe falls back to `source` (its path or catalog reference).
QString modelKey(const Model &model, const QString &source);

/// Inputs as they are stored: feature name to number, level text, or null for missing. Names
/// and level texts, not positions and codes, so stored inputs survive a retrained model whose
/// schema lists features or levels in another order.
QJsonObject inputsToJson(const InputSchema &schema, std::span<const double> row);
/// Stored inputs back to an encoded row for `schema`: a feature they do not name gets its
/// default (median or most frequent level); a level the model does not know becomes missing.
std::vector<double> inputsFromJson(const InputSchema &schema, const QJsonObject &inputs);

/// The Predict page's memory of one model, in QSettings: the last inputs on show (restored when
/// the model is shown again, also after a restart) and named scenarios. Plain value; every call
/// reads or writes QSettings, so two stores of one key agree. GUI thread only.
class ScenarioStore
{
public:
    explicit ScenarioStore(QString modelKey = {});

    const QString &modelKey() const { return m_key; }

    std::optional<QJsonObject> lastInputs() const;
    void setLastInputs(const QJsonObject &inputs);

    /// Saved scenario names, sorted for people (case-insensitive).
    QStringList scenarioNames() const;
    std::optional<QJsonObject> scenario(const QString &name) const;
    /// Saves (or replaces) scenario `name`.
    void saveScenario(const QString &name, const QJsonObject &inputs);
    /// Forgets scenario `name`; false when there was none.
    bool removeScenario(const QString &name);

private:
    QString settingsKey(const char *what) const;
    QJsonObject scenarios() const;
    void setScenarios(const QJsonObject &scenarios);

    QString m_key;
};

} // namespace mb
