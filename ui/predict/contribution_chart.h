// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

namespace mb {

/// One row of a ContributionChart: an input, its value as shown, and its signed part.
struct ContributionBar
{
    QString feature;
    QString value; ///< the input as the form holds it ("4.9"; "missing: 4.35 used")
    double amount = 0; ///< positive: towards the chart's first class; negative: the second
    QString toolTip; ///< the numbers behind it, per class
};

/// A diverging bar per input: right of the centre line (in the first class's colour) what
/// speaks for the first class, left (in the second's) what speaks for the second, as a line
/// above the bars says; each bar with the input's name and value before it and its signed
/// number after it, so it reads without colour. Rows keep the order they are given in; all
/// share one scale. Paints only what it is given. GUI thread only.
class ContributionChart : public QWidget
{
    Q_OBJECT
public:
    explicit ContributionChart(QWidget *parent = nullptr);

    /// The bars, and the two classes they weigh: `positive` (right, in `positiveColour`)
    /// against `negative` (left).
    void setBars(const QList<ContributionBar> &bars, const QString &positive,
                 const QColor &positiveColour, const QString &negative,
                 const QColor &negativeColour);
    void clear();
    const QList<ContributionBar> &bars() const { return m_bars; }

    /// The number beside bar `index`: "+1.234", "−0.05" in the user's locale.
    QString amountText(int index) const;
    /// A signed number as the chart writes it.
    static QString signedText(double value);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int rowHeight() const;
    int nameWidth() const;
    int valueWidth() const;
    int amountWidth() const;
    void updateAccessibleText();

    /// Where the bars begin: below the line that names the two sides.
    int barsTop() const;

    QList<ContributionBar> m_bars;
    QString m_positiveName;
    QString m_negativeName;
    QColor m_positive;
    QColor m_negative;
};

} // namespace mb
