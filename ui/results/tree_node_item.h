// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QStringList>

#include <vector>

namespace mb {

/// How every box of one tree drawing looks; owned by the view, shared by its boxes.
struct TreeBoxStyle
{
    QFont font;
    QFont titleFont;
    QColor base; ///< box fill
    QColor text;
    QColor border;
    QColor edge; ///< lines from parents to children
    double width = 200; ///< every box is this wide (the widest text, within limits)
    double padding = 6;
    double band = 5; ///< the majority class's colour band on the left
    double barHeight = 10;
};

/// What one box says: a bold title (the split, or a leaf's class), lines of text, and the class
/// shares as a bar under them.
struct TreeBoxContent
{
    QString title;
    QStringList lines;
    std::vector<double> shares; ///< per class, summing to 1; empty: no bar
    int majorityClass = -1; ///< its colour bands the box; -1: no band
    QString toolTip; ///< the whole story, for text cut short in the box
};

/// One box of a tree drawing: the item's origin is the top centre of the box. Texts that do
/// not fit the width are elided once, here, so painting a large tree stays cheap; zoomed far
/// out only the outline, band and bar are painted.
class TreeNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 61 };

    TreeNodeItem(TreeBoxContent content, const TreeBoxStyle &style);

    /// The height of a box with `content` drawn in `style`.
    static double heightOf(const TreeBoxContent &content, const TreeBoxStyle &style);

    const TreeBoxContent &content() const { return m_content; }
    /// Title and lines, one per line of text.
    QString text() const;

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    TreeBoxContent m_content;
    const TreeBoxStyle &m_style;
    QRectF m_rect;
    QString m_shownTitle;
    QStringList m_shownLines;
};

} // namespace mb
