// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/param_spec.h"

#include <QList>
#include <QWidget>

#include <span>

class QFormLayout;

namespace mb {

class ParamEditor;

/// The parameter form of one learner, generated from its ParamSpec table: one labelled
/// ParamEditor per parameter. Says whether the values on show can be submitted (problem()).
class ParamForm : public QWidget
{
    Q_OBJECT
public:
    explicit ParamForm(QWidget *parent = nullptr);

    /// Replaces the form with one row per spec, each showing its default.
    void setSpecs(std::span<const ParamSpec> specs);

    /// Every parameter's value, as text.
    ParamValues values() const;
    /// Shows the values given; names unknown to the form and values that do not fit are
    /// skipped (a remembered value from an older version must not break the form).
    void setValues(const ParamValues &values);
    void resetToDefaults();
    /// Whether every value on show differs in nothing from the defaults.
    bool isAtDefaults() const;

    /// Why the values cannot be submitted, for people; empty when they can.
    QString problem() const;

    const QList<ParamEditor *> &editors() const { return m_editors; }
    /// The editor of parameter `name`, or nullptr.
    ParamEditor *editor(const QString &name) const;

Q_SIGNALS:
    /// A value or its validity changed.
    void changed();

private:
    QFormLayout *m_layout = nullptr;
    std::span<const ParamSpec> m_specs;
    QList<ParamEditor *> m_editors;
};

} // namespace mb
