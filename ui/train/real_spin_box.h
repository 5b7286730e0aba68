// SPDX-License-Identifier: MIT
#pragma once

#include <QDoubleSpinBox>

namespace mb {

/// A QDoubleSpinBox that shows numbers the short way ("0.1", "1e-07", "1000000") rather
/// than with a fixed count of decimals, so both tiny tolerances and huge bounds stay readable.
/// Text that is not a number in range is Intermediate: hasAcceptableInput() tells.
class RealSpinBox : public QDoubleSpinBox
{
    Q_OBJECT
public:
    explicit RealSpinBox(QWidget *parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString &text) const override;
    QValidator::State validate(QString &text, int &pos) const override;
    void fixup(QString &text) const override;
};

} // namespace mb
