// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/param_spec.h"

#include <QString>
#include <QWidget>

class QAbstractSpinBox;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace mb {

/// The input for one learner parameter, made from its ParamSpec: a spin box with the spec's
/// range for Int and Real, a combo box for Choice, a check box for Bool. Numbers that also
/// accept words ('none', 'sqrt') get a combo box beside the spin box to pick one. The tooltip
/// is the spec's help text. Values go in and out as the text the CLI and checkParams read.
class ParamEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ParamEditor(const ParamSpec &spec, QWidget *parent = nullptr);

    const ParamSpec &spec() const { return m_spec; }
    /// The parameter's name as a QString ("max_depth").
    QString name() const;
    /// The label for people, translated.
    QString label() const;

    /// The value as text: "100", "0.1", "none", "gini", "true".
    QString value() const;
    /// Shows `text`; returns false (and changes nothing) when it does not fit the spec.
    bool setValue(const QString &text);
    /// Shows the spec's default.
    void reset();
    /// Why the value on show cannot be used (a half-typed or out-of-range number), or empty.
    QString problem() const;

    /// The spin box, combo box or check box holding the value.
    QWidget *valueWidget() const;
    /// The combo box choosing between a number and a special word, or nullptr.
    QComboBox *specialCombo() const { return m_special; }

Q_SIGNALS:
    /// The value or its validity changed (also while a number is being typed).
    void changed();

private:
    void buildNumber();
    void watchTyping(QAbstractSpinBox *spin);
    void updateSpecialState();
    QString rangeText() const;

    ParamSpec m_spec;
    QSpinBox *m_int = nullptr;
    QDoubleSpinBox *m_real = nullptr;
    QComboBox *m_special = nullptr;
    QComboBox *m_choice = nullptr;
    QCheckBox *m_bool = nullptr;
};

/// `text` from a parameter table (a label, a help text) through the translator.
QString translatedSpecText(std::string_view text);

} // namespace mb
