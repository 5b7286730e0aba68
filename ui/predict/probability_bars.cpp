// SPDX-License-Identifier: MIT
#include "ui/predict/probability_bars.h"

#include "ui/results/chart_palette.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace mb {

namespace {

// Class names longer than this are elided in the bars; the accessible text keeps them whole.
constexpr int kMaxNameWidthChars = 22;

} // namespace

ProbabilityBars::ProbabilityBars(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Class probabilities"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ProbabilityBars::setClasses(const QStringList &classes)
{
    m_classes = classes;
    m_probabilities.clear();
    m_winner = -1;
    updateAccessibleText();
    updateGeometry();
    update();
}

void ProbabilityBars::setProbabilities(const std::vector<double> &probabilities, int winner)
{
    m_probabilities = probabilities;
    m_winner = winner;
    updateAccessibleText();
    update();
}

QString ProbabilityBars::percentText(int index) const
{
    if (index < 0 || std::size_t(index) >= m_probabilities.size())
        return {};
    return tr("%1 %").arg(QLocale().toString(100.0 * m_probabilities[std::size_t(index)], 'f', 1));
}

int ProbabilityBars::rowHeight() const
{
    return fontMetrics().height() + 10;
}

int ProbabilityBars::nameWidth() const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int widest = 0;
    for (const QString &name : m_classes)
        widest = std::max(widest, metrics.horizontalAdvance(name));
    return std::min(widest, metrics.averageCharWidth() * kMaxNameWidthChars) + 12;
}

QSize ProbabilityBars::sizeHint() const
{
    return {nameWidth() + 320, rowHeight() * int(std::max<qsizetype>(1, m_classes.size())) + 4};
}

QSize ProbabilityBars::minimumSizeHint() const
{
    return {nameWidth() + 140, sizeHint().height()};
}

void ProbabilityBars::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int names = nameWidth();
    const int percentWidth = fontMetrics().horizontalAdvance(QStringLiteral("100.0 %")) + 12;
    const int barLeft = names;
    const int barSpace = std::max(10, width() - names - percentWidth);
    const int height = rowHeight();
    const QColor text = palette().color(QPalette::WindowText);
    // The track behind each bar shows where 100 % would end.
    const QColor track = palette().color(QPalette::Mid);

    for (int k = 0; k < int(m_classes.size()); ++k) {
        const int top = 2 + k * height;
        const bool winner = k == m_winner;
        QFont font = this->font();
        font.setBold(winner);
        painter.setFont(font);
        painter.setPen(text);
        const QRect nameRect(0, top, names - 8, height);
        painter.drawText(
            nameRect, Qt::AlignVCenter | Qt::AlignRight,
            QFontMetrics(font).elidedText(m_classes[k], Qt::ElideRight, nameRect.width()));

        const QRectF trackRect(barLeft, top + 3, barSpace, height - 6);
        painter.setPen(QPen(track, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(trackRect);
        if (std::size_t(k) < m_probabilities.size()) {
            const double p = std::clamp(m_probabilities[std::size_t(k)], 0.0, 1.0);
            QRectF bar = trackRect;
            bar.setWidth(std::max(0.0, p * trackRect.width()));
            // A dark outline keeps the light colours (yellow, sky blue) visible on white and
            // in greyscale; the winner's is thicker.
            painter.setPen(QPen(text, winner ? 2.0 : 1.0));
            painter.setBrush(seriesColour(k));
            if (bar.width() > 0)
                painter.drawRect(bar);
            painter.setPen(text);
            painter.drawText(QRect(barLeft + barSpace + 6, top, percentWidth, height),
                             Qt::AlignVCenter | Qt::AlignLeft, percentText(k));
        }
    }
}

void ProbabilityBars::updateAccessibleText()
{
    QStringList parts;
    for (int k = 0; k < int(m_classes.size()) && std::size_t(k) < m_probabilities.size(); ++k)
        parts.append(tr("%1: %2").arg(m_classes[k], percentText(k)));
    setAccessibleDescription(parts.join(QStringLiteral("; ")));
}

} // namespace mb
