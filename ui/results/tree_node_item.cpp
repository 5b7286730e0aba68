// SPDX-License-Identifier: MIT
#include "ui/results/tree_node_item.h"

#include "ui/results/chart_palette.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace mb {

namespace {

constexpr double kRadius = 4;
// Below this scale the text is too small to read: boxes are painted without it.
constexpr double kTextDetail = 0.35;

double textLeft(const TreeBoxStyle &style)
{
    return style.band + style.padding;
}

} // namespace

TreeNodeItem::TreeNodeItem(TreeBoxContent content, const TreeBoxStyle &style)
    : m_content(std::move(content))
    , m_style(style)
{
    const double height = heightOf(m_content, style);
    m_rect = QRectF(-style.width / 2, 0, style.width, height);
    const double room = style.width - textLeft(style) - style.padding;
    m_shownTitle = QFontMetricsF(style.titleFont).elidedText(m_content.title, Qt::ElideRight, room);
    const QFontMetricsF metrics(style.font);
    for (const QString &line : m_content.lines)
        m_shownLines.append(metrics.elidedText(line, Qt::ElideRight, room));
    setToolTip(m_content.toolTip);
}

double TreeNodeItem::heightOf(const TreeBoxContent &content, const TreeBoxStyle &style)
{
    double h = 2 * style.padding;
    if (!content.title.isEmpty())
        h += QFontMetricsF(style.titleFont).height();
    h += content.lines.size() * QFontMetricsF(style.font).height();
    if (!content.shares.empty())
        h += style.padding / 2 + style.barHeight;
    return h;
}

QString TreeNodeItem::text() const
{
    QStringList all;
    if (!m_content.title.isEmpty())
        all.append(m_content.title);
    all.append(m_content.lines);
    return all.join(QLatin1Char('\n'));
}

void TreeNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double detail = option->levelOfDetailFromTransform(painter->worldTransform());
    QPainterPath outline;
    outline.addRoundedRect(m_rect, kRadius, kRadius);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->fillPath(outline, m_style.base);
    if (m_content.majorityClass >= 0) {
        painter->save();
        painter->setClipPath(outline);
        painter->fillRect(QRectF(m_rect.left(), m_rect.top(), m_style.band, m_rect.height()),
                          seriesColour(m_content.majorityClass));
        painter->restore();
    }
    painter->setPen(QPen(m_style.border, 1));
    painter->drawPath(outline);

    const double left = m_rect.left() + textLeft(m_style);
    const double right = m_rect.right() - m_style.padding;
    if (detail >= kTextDetail) {
        double y = m_rect.top() + m_style.padding;
        painter->setPen(m_style.text);
        if (!m_shownTitle.isEmpty()) {
            painter->setFont(m_style.titleFont);
            const QFontMetricsF metrics(m_style.titleFont);
            painter->drawText(QPointF(left, y + metrics.ascent()), m_shownTitle);
            y += metrics.height();
        }
        painter->setFont(m_style.font);
        const QFontMetricsF metrics(m_style.font);
        for (const QString &line : m_shownLines) {
            painter->drawText(QPointF(left, y + metrics.ascent()), line);
            y += metrics.height();
        }
    }
    if (m_content.shares.empty())
        return;
    // The class shares left to right in class order, in the charts' colours, at the bottom.
    const QRectF bar(left, m_rect.bottom() - m_style.padding - m_style.barHeight, right - left,
                     m_style.barHeight);
    double x = bar.left();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (std::size_t k = 0; k < m_content.shares.size(); ++k) {
        const double w = m_content.shares[k] * bar.width();
        if (w > 0)
            painter->fillRect(QRectF(x, bar.top(), w, bar.height()), seriesColour(int(k)));
        x += w;
    }
    painter->setPen(QPen(m_style.border, 0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(bar);
}

} // namespace mb
