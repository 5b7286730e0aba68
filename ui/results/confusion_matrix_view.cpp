// SPDX-License-Identifier: MIT
#include "ui/results/confusion_matrix_view.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace mb {

namespace {

constexpr int kMargin = 8;
constexpr int kMinCell = 44;
constexpr int kMaxCell = 150;
constexpr int kMaxLabelWidth = 140;

// Endpoints of a sequential blue scale (ColorBrewer "Blues"): its lightness falls steadily, so
// a darker cell always means a larger share, with or without colour vision.
const QColor kLight(247, 251, 255);
const QColor kDark(8, 48, 107);

QString percentText(double share)
{
    return QLocale().toString(share * 100, 'f', 1) + QStringLiteral(" %");
}

} // namespace

ConfusionMatrixView::ConfusionMatrixView(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Confusion matrix"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConfusionMatrixView::setMatrix(std::vector<std::vector<std::size_t>> counts,
                                    const QStringList &classes)
{
    m_counts = std::move(counts);
    m_classes = classes;
    updateGeometry();
    update();
}

void ConfusionMatrixView::clear()
{
    setMatrix({}, {});
}

std::size_t ConfusionMatrixView::count(int truth, int predicted) const
{
    if (truth < 0 || truth >= classCount() || predicted < 0
        || predicted >= int(m_counts[std::size_t(truth)].size()))
        return 0;
    return m_counts[std::size_t(truth)][std::size_t(predicted)];
}

double ConfusionMatrixView::rowShare(int truth, int predicted) const
{
    if (truth < 0 || truth >= classCount())
        return 0;
    const auto &row = m_counts[std::size_t(truth)];
    std::size_t total = 0;
    for (std::size_t n : row)
        total += n;
    return total == 0 ? 0.0 : double(count(truth, predicted)) / double(total);
}

QString ConfusionMatrixView::cellText(int truth, int predicted) const
{
    return QStringLiteral("%1\n(%2)")
        .arg(QLocale().toString(qulonglong(count(truth, predicted))),
             percentText(rowShare(truth, predicted)));
}

int ConfusionMatrixView::labelWidth() const
{
    const QFontMetrics metrics(font());
    int widest = metrics.horizontalAdvance(tr("True class"));
    for (const QString &name : m_classes)
        widest = std::max(widest, metrics.horizontalAdvance(name));
    return std::min(widest + 2 * kMargin, kMaxLabelWidth);
}

ConfusionMatrixView::Geometry ConfusionMatrixView::geometry() const
{
    const int n = std::max(classCount(), 1);
    const QFontMetrics metrics(font());
    // Left: the axis title turned on its side, then the class names; top: the same across.
    const int left = metrics.height() + kMargin + labelWidth();
    const int top = 2 * metrics.height() + 2 * kMargin;
    const int cell
        = std::clamp(std::min((width() - left - kMargin) / n, (height() - top - kMargin) / n),
                     kMinCell / 2, kMaxCell);
    // Centred in the room to the right of the labels, so a small matrix does not hug the left.
    const int spare = std::max(0, width() - left - kMargin - cell * n);
    return {QRect(left + spare / 2, top, cell * n, cell * n), cell};
}

QSize ConfusionMatrixView::sizeHint() const
{
    const int n = std::max(classCount(), 1);
    const QFontMetrics metrics(font());
    return {metrics.height() + labelWidth() + 2 * kMargin + n * 80,
            2 * metrics.height() + 3 * kMargin + n * 80};
}

QSize ConfusionMatrixView::minimumSizeHint() const
{
    const int n = std::max(classCount(), 1);
    const QFontMetrics metrics(font());
    return {metrics.height() + labelWidth() + 2 * kMargin + n * kMinCell / 2,
            2 * metrics.height() + 3 * kMargin + n * kMinCell / 2};
}

QColor ConfusionMatrixView::cellColour(double share) const
{
    const double t = std::clamp(share, 0.0, 1.0);
    const auto mix = [t](int a, int b) {
        return int(a + (b - a) * t + 0.5);
    };
    return QColor(mix(kLight.red(), kDark.red()), mix(kLight.green(), kDark.green()),
                  mix(kLight.blue(), kDark.blue()));
}

void ConfusionMatrixView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics metrics(font());
    if (m_counts.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("No confusion matrix: the model was not validated."));
        return;
    }
    const Geometry g = geometry();
    const int n = classCount();
    const QColor text = palette().color(QPalette::WindowText);

    // Axis titles.
    painter.setPen(text);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRect(g.grid.left(), kMargin, g.grid.width(), metrics.height()),
                     Qt::AlignCenter, tr("Predicted class"));
    painter.save();
    const int labelLeft = g.grid.left() - labelWidth();
    painter.translate(labelLeft - metrics.height(), g.grid.top() + g.grid.height() / 2);
    painter.rotate(-90);
    painter.drawText(QRect(-g.grid.height() / 2, 0, g.grid.height(), metrics.height()),
                     Qt::AlignCenter, tr("True class"));
    painter.restore();
    painter.setFont(font());

    for (int i = 0; i < n; ++i) {
        const QString name = i < m_classes.size() ? m_classes[i] : QString::number(i);
        const QString across = metrics.elidedText(name, Qt::ElideRight, g.cell - 4);
        painter.drawText(QRect(g.grid.left() + i * g.cell, g.grid.top() - metrics.height() - 4,
                               g.cell, metrics.height()),
                         Qt::AlignCenter, across);
        const QString down = metrics.elidedText(name, Qt::ElideRight, labelWidth() - kMargin);
        painter.drawText(
            QRect(labelLeft, g.grid.top() + i * g.cell, labelWidth() - kMargin, g.cell),
            Qt::AlignRight | Qt::AlignVCenter, down);
    }

    const bool roomForShare = g.cell >= 2 * metrics.height() + 4;
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
            const QRect cell(g.grid.left() + c * g.cell, g.grid.top() + r * g.cell, g.cell, g.cell);
            const QColor fill = cellColour(rowShare(r, c));
            painter.fillRect(cell, fill);
            // White on dark cells, black on light ones: judged by lightness, so grey prints keep
            // it.
            painter.setPen(fill.lightnessF() < 0.55 ? Qt::white : Qt::black);
            const QString label
                = roomForShare ? cellText(r, c) : QLocale().toString(qulonglong(count(r, c)));
            painter.drawText(cell, Qt::AlignCenter, label);
        }
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(g.grid.adjusted(0, 0, -1, -1));
}

bool ConfusionMatrixView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && !m_counts.empty()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Geometry g = geometry();
        if (g.grid.contains(help->pos())) {
            const int c = (help->pos().x() - g.grid.left()) / g.cell;
            const int r = (help->pos().y() - g.grid.top()) / g.cell;
            if (r < classCount() && c < classCount()) {
                QToolTip::showText(help->globalPos(),
                                   tr("True %1, predicted %2: %3 rows (%4 of the true %1 rows)")
                                       .arg(m_classes.value(r), m_classes.value(c))
                                       .arg(count(r, c))
                                       .arg(percentText(rowShare(r, c))),
                                   this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace mb
