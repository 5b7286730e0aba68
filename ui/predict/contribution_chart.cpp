// SPDX-License-Identifier: MIT
#include "ui/predict/contribution_chart.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace mb {

namespace {

// Names and values longer than these are elided in the chart; tool tips and the accessible
// text keep them whole.
constexpr int kMaxNameWidthChars = 22;
constexpr int kMaxValueWidthChars = 16;

} // namespace

ContributionChart::ContributionChart(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Contributions of the inputs"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ContributionChart::setBars(const QList<ContributionBar> &bars, const QString &positive,
                                const QColor &positiveColour, const QString &negative,
                                const QColor &negativeColour)
{
    m_bars = bars;
    m_positiveName = positive;
    m_negativeName = negative;
    m_positive = positiveColour;
    m_negative = negativeColour;
    updateAccessibleText();
    updateGeometry();
    update();
}

void ContributionChart::clear()
{
    setBars({}, {}, {}, {}, {});
}

QString ContributionChart::signedText(double value)
{
    // Three decimals say enough for a log-odds; very large terms (a narrow Gaussian far from
    // its mean) would only get longer.
    const QString digits = QLocale().toString(std::abs(value), 'f', std::abs(value) < 100 ? 3 : 1);
    if (value > 0)
        return QLocale().positiveSign() + digits;
    if (value < 0)
        return QLocale().negativeSign() + digits;
    return digits;
}

QString ContributionChart::amountText(int index) const
{
    if (index < 0 || index >= m_bars.size())
        return {};
    return signedText(m_bars[index].amount);
}

int ContributionChart::rowHeight() const
{
    return fontMetrics().height() + 6;
}

int ContributionChart::barsTop() const
{
    return 2 + rowHeight();
}

int ContributionChart::nameWidth() const
{
    int widest = 0;
    for (const ContributionBar &bar : m_bars)
        widest = std::max(widest, fontMetrics().horizontalAdvance(bar.feature));
    return std::min(widest, fontMetrics().averageCharWidth() * kMaxNameWidthChars) + 10;
}

int ContributionChart::valueWidth() const
{
    int widest = 0;
    for (const ContributionBar &bar : m_bars)
        widest = std::max(widest, fontMetrics().horizontalAdvance(bar.value));
    return std::min(widest, fontMetrics().averageCharWidth() * kMaxValueWidthChars) + 10;
}

int ContributionChart::amountWidth() const
{
    int widest = fontMetrics().horizontalAdvance(signedText(-99.999));
    for (int i = 0; i < m_bars.size(); ++i)
        widest = std::max(widest, fontMetrics().horizontalAdvance(amountText(i)));
    return widest + 8;
}

QSize ContributionChart::sizeHint() const
{
    return {nameWidth() + valueWidth() + amountWidth() + 240,
            barsTop() + rowHeight() * int(std::max<qsizetype>(1, m_bars.size())) + 4};
}

QSize ContributionChart::minimumSizeHint() const
{
    return {nameWidth() + valueWidth() + amountWidth() + 80, sizeHint().height()};
}

void ContributionChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int names = nameWidth();
    const int values = valueWidth();
    const int amounts = amountWidth();
    const int barLeft = names + values;
    const int barSpace = std::max(20, width() - barLeft - amounts);
    const double centre = barLeft + barSpace / 2.0;
    const int height = rowHeight();
    const QColor text = palette().color(QPalette::WindowText);
    const QColor faint = palette().color(QPalette::PlaceholderText);
    double largest = 0;
    for (const ContributionBar &bar : m_bars)
        largest = std::max(largest, std::abs(bar.amount));

    const QFontMetrics metrics = fontMetrics();
    if (!m_bars.isEmpty()) {
        // Which side speaks for which class, in words as well as in colour.
        painter.setPen(faint);
        const int half = barSpace / 2 - 4;
        painter.drawText(QRect(int(centre) - half - 4, 2, half, height),
                         Qt::AlignVCenter | Qt::AlignRight,
                         metrics.elidedText(tr("← %1").arg(m_negativeName), Qt::ElideRight, half));
        painter.drawText(QRect(int(centre) + 6, 2, half, height), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(tr("%1 →").arg(m_positiveName), Qt::ElideRight, half));
    }
    for (int i = 0; i < m_bars.size(); ++i) {
        const ContributionBar &bar = m_bars[i];
        const int top = barsTop() + i * height;
        painter.setPen(text);
        const QRect nameRect(0, top, names - 8, height);
        painter.drawText(nameRect, Qt::AlignVCenter | Qt::AlignRight,
                         metrics.elidedText(bar.feature, Qt::ElideRight, nameRect.width()));
        painter.setPen(faint);
        const QRect valueRect(names, top, values - 8, height);
        painter.drawText(valueRect, Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(bar.value, Qt::ElideRight, valueRect.width()));
        if (largest > 0 && bar.amount != 0) {
            const double length = std::abs(bar.amount) / largest * (barSpace / 2.0 - 2);
            const QRectF rect(bar.amount > 0 ? centre : centre - length, top + 3,
                              std::max(1.0, length), height - 6);
            // A dark outline keeps the light colours visible on white and in greyscale.
            painter.setPen(QPen(text, 1.0));
            painter.setBrush(bar.amount > 0 ? m_positive : m_negative);
            painter.drawRect(rect);
        }
        painter.setPen(text);
        painter.drawText(QRect(barLeft + barSpace + 6, top, amounts, height),
                         Qt::AlignVCenter | Qt::AlignLeft, amountText(i));
    }
    if (!m_bars.isEmpty()) {
        // The zero line, over the bars' inner ends.
        painter.setPen(QPen(text, 1.0));
        painter.drawLine(QPointF(centre, barsTop()),
                         QPointF(centre, barsTop() + 2 + m_bars.size() * height));
    }
}

bool ContributionChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int y = help->pos().y() - barsTop();
        const int row = y < 0 ? -1 : y / rowHeight();
        if (row >= 0 && row < m_bars.size() && !m_bars[row].toolTip.isEmpty())
            QToolTip::showText(help->globalPos(), m_bars[row].toolTip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void ContributionChart::updateAccessibleText()
{
    QStringList parts;
    if (!m_bars.isEmpty())
        parts.append(tr("positive for %1, negative for %2").arg(m_positiveName, m_negativeName));
    for (int i = 0; i < m_bars.size(); ++i)
        parts.append(tr("%1 (%2): %3").arg(m_bars[i].feature, m_bars[i].value, amountText(i)));
    setAccessibleDescription(parts.join(QStringLiteral("; ")));
}

} // namespace mb
