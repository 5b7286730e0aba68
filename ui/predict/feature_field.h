// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/input_schema.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace mb {

/// The input for one model feature, made from its FeatureSchema: a line edit for a number
/// (typed in the user's locale, the training range beside it) or a combo box of the training
/// levels, plus a "Missing" check box. Values go in and out encoded as the model reads them:
/// the number, the level code, NaN for missing. A number outside the training range is
/// accepted but flagged (a warning icon, a tinted field and a tooltip naming the range), since
/// a model's answer there is an extrapolation. GUI thread only.
class FeatureField : public QWidget
{
    Q_OBJECT
public:
    explicit FeatureField(const FeatureSchema &feature, QWidget *parent = nullptr);

    const FeatureSchema &feature() const { return m_feature; }
    /// The feature's name as a QString.
    QString name() const;

    /// The encoded value: a number, a level code, or NaN when missing.
    double value() const;
    /// Shows an encoded value; NaN (or a code that names no level) ticks "Missing".
    void setValue(double value);
    /// Shows the training median (numbers) or the most frequent level, not missing.
    void reset();
    /// The value a reset shows, encoded.
    double defaultValue() const;

    bool isMissing() const;
    void setMissing(bool missing);
    /// Whether a number on show lies outside the training range (never for a missing value).
    bool isOutOfRange() const;
    /// Whether the typed text is a number; while it is not, value() is the last number typed.
    bool hasAcceptableInput() const;

    /// "4.3 – 7.9": the training range in the user's locale, exactly (empty for categorical
    /// features). The hint beside the field shows it rounded to six digits.
    QString rangeText() const;

    QLineEdit *lineEdit() const { return m_line; }
    QComboBox *comboBox() const { return m_combo; }
    QCheckBox *missingBox() const { return m_missing; }
    /// The warning icon, shown for out-of-range and half-typed numbers.
    QLabel *flag() const { return m_flag; }
    /// The line edit or the combo box.
    QWidget *editor() const;

Q_SIGNALS:
    /// The encoded value changed, by the user or by setValue().
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildNumber();
    void buildLevels();
    void onTextEdited(const QString &text);
    void onMissingToggled(bool missing);
    void updateFlag();

    FeatureSchema m_feature;
    double m_number = 0; ///< the last valid number typed or set
    QLineEdit *m_line = nullptr;
    QComboBox *m_combo = nullptr;
    QLabel *m_flag = nullptr;
    QLabel *m_hint = nullptr;
    QCheckBox *m_missing = nullptr;
};

} // namespace mb
