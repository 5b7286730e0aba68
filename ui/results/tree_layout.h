// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/tree_nodes.h"

#include <QPointF>

#include <span>
#include <vector>

namespace mb {

/// Where each box of a tree drawing goes: the top centre of node i's box, depth d at
/// d * levelHeight. A tidy layout after Reingold and Tilford (1981): each subtree is laid out
/// on its own, then the right one is pushed just far enough from the left one that no two
/// boxes of a level come closer than `slotWidth` (centre to centre), and their parent is
/// centred over the two. Subtrees keep their shape wherever they are, and a shallow subtree
/// does not widen the levels below it. Loops only (no recursion) and O(nodes x depth), so
/// trees with thousands of leaves lay out at once. `nodes` are in pre-order, as treeNodes()
/// gives them.
std::vector<QPointF> layoutTree(std::span<const TreeNodeInfo> nodes, double slotWidth,
                                double levelHeight);

} // namespace mb
