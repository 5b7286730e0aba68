// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/flat_tree.h"
#include "core/ml/input_schema.h"
#include "core/ml/tree_summary.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mb {

/// One node of a fitted decision tree as a reader (the tree drawing, a description) sees it:
/// its split or its prediction, and what the training rows did there when that was stored.
struct TreeNodeInfo {
    std::int32_t left = -1;   ///< index of the left ("yes") child in the node list; -1 for a leaf
    std::int32_t right = -1;  ///< index of the right ("no") child; -1 for a leaf
    std::int32_t depth = 0;   ///< edges from the root
    std::int32_t feature = -1;  ///< the split's feature (index into InputSchema::features); -1 for a leaf
    bool categorical = false;
    double threshold = 0;                  ///< numeric split: values <= threshold go left
    std::vector<std::int32_t> leftLevels;  ///< categorical split: level codes that go left
    /// Leaves: the class probabilities the leaf predicts (every tree has them).
    std::vector<double> proba;
    /// The class the node would predict: for a leaf its most probable class; for an internal
    /// node with statistics the class of the largest (weighted) share; else -1.
    std::int32_t majorityClass = -1;

    /// Training statistics (all empty when the model does not store them; see TreeSummary).
    bool hasStats = false;
    std::uint64_t rows = 0;                ///< training rows that reached the node
    std::vector<std::uint32_t> classRows;  ///< of those, the rows of each class
    std::vector<double> classWeights;      ///< the weight of each class; empty when rows weighed 1

    bool isLeaf() const { return feature < 0; }
};

/// The nodes of `tree` in pre-order (root first, then the left subtree, then the right),
/// with the statistics of `summary` when it is not empty. Never empty for a fitted tree.
std::vector<TreeNodeInfo> treeNodes(const FlatTree &tree, const TreeSummary &summary);

/// The names of the levels `codes` of categorical `feature` (as TreeNodeInfo::leftLevels gives
/// them), in code order. Codes from 254 on share one bin in the trees (see BinnedMatrix), so
/// code 254 stands for every level from the 255th on; codes past the training levels are
/// skipped.
std::vector<std::string> levelNames(const FeatureSchema &feature, const std::vector<std::int32_t> &codes);

} // namespace mb
