// SPDX-License-Identifier: MIT
#include "ui/results/tree_layout.h"

#include <algorithm>

namespace mb {

namespace {

/// The outline of a laid-out subtree: per level below its root (0: the root), the leftmost
/// and rightmost box centre, relative to the root.
struct Contour
{
    std::vector<double> left;
    std::vector<double> right;
};

/// The two subtrees side by side: returns how far apart their roots must be, and the outline
/// of both under a parent centred between them.
double joinSubtrees(const Contour &a, const Contour &b, double slotWidth, Contour &joined)
{
    const std::size_t common = std::min(a.left.size(), b.left.size());
    double apart = slotWidth;
    for (std::size_t d = 0; d < common; ++d)
        apart = std::max(apart, a.right[d] - b.left[d] + slotWidth);
    const double half = apart / 2;
    const std::size_t levels = std::max(a.left.size(), b.left.size());
    joined.left.assign(1, 0.0);
    joined.right.assign(1, 0.0);
    for (std::size_t d = 0; d < levels; ++d) {
        // Where one subtree is deeper than the other, its own outline is the outline.
        joined.left.push_back(d < a.left.size() ? a.left[d] - half : b.left[d] + half);
        joined.right.push_back(d < b.right.size() ? b.right[d] + half : a.right[d] - half);
    }
    return apart;
}

} // namespace

std::vector<QPointF> layoutTree(std::span<const TreeNodeInfo> nodes, double slotWidth,
                                double levelHeight)
{
    const std::size_t n = nodes.size();
    std::vector<QPointF> at(n);
    if (n == 0)
        return at;
    // Children follow their parent in pre-order, so going backwards lays out every subtree
    // before its parent; a child's outline is released once its parent has used it.
    std::vector<Contour> outline(n);
    std::vector<double> offset(n, 0.0); // from the parent's centre
    for (std::size_t i = n; i-- > 0;) {
        const TreeNodeInfo &node = nodes[i];
        if (node.isLeaf()) {
            outline[i].left.assign(1, 0.0);
            outline[i].right.assign(1, 0.0);
            continue;
        }
        const auto left = static_cast<std::size_t>(node.left);
        const auto right = static_cast<std::size_t>(node.right);
        const double apart = joinSubtrees(outline[left], outline[right], slotWidth, outline[i]);
        offset[left] = -apart / 2;
        offset[right] = apart / 2;
        outline[left] = {};
        outline[right] = {};
    }
    // Forwards, every parent is placed before its children.
    for (std::size_t i = 0; i < n; ++i) {
        const TreeNodeInfo &node = nodes[i];
        at[i].setY(node.depth * levelHeight);
        if (!node.isLeaf()) {
            for (const std::int32_t child : {node.left, node.right})
                at[static_cast<std::size_t>(child)].setX(at[i].x()
                                                         + offset[static_cast<std::size_t>(child)]);
        }
    }
    return at;
}

} // namespace mb
