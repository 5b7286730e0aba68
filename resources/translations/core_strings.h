// SPDX-License-Identifier: MIT
// Strings from core's plain-C++ tables that the UI translates at run time: the learners'
// names and descriptions (context mb::LearnerInfo), their parameters' labels and help
// (mb::ParamSpec) and the built-in samples' descriptions (mb::MainWindow). lupdate cannot see
// them in core/, so they are listed here for scripts/update-translations.sh; tst_translations
// checks this list against the tables both ways, so a new parameter is not forgotten.
#pragma once

#include <QtGlobal>

namespace mb::translations {

inline constexpr const char *kLearnerStrings[] = {
    QT_TRANSLATE_NOOP("mb::LearnerInfo", "Decision tree"),
    QT_TRANSLATE_NOOP("mb::LearnerInfo",
                      "CART tree, pruned by cross-validation: readable rules, fast to train and "
                      "to apply."),
    QT_TRANSLATE_NOOP("mb::LearnerInfo", "Random forest"),
    QT_TRANSLATE_NOOP("mb::LearnerInfo",
                      "Many trees on bootstrap samples, voting: accurate with little tuning."),
    QT_TRANSLATE_NOOP("mb::LearnerInfo", "Gradient boosting"),
    QT_TRANSLATE_NOOP("mb::LearnerInfo",
                      "Histogram-based boosted trees (like LightGBM): often the most accurate on "
                      "tables."),
    QT_TRANSLATE_NOOP("mb::LearnerInfo", "Logistic regression"),
    QT_TRANSLATE_NOOP("mb::LearnerInfo",
                      "Multinomial linear model on standardised features: probabilities you can "
                      "explain."),
    QT_TRANSLATE_NOOP("mb::LearnerInfo", "k nearest neighbours"),
    QT_TRANSLATE_NOOP("mb::LearnerInfo",
                      "Votes of the k most similar training rows (standardised distance)."),
    QT_TRANSLATE_NOOP("mb::LearnerInfo", "Naive Bayes"),
    QT_TRANSLATE_NOOP("mb::LearnerInfo",
                      "Gaussian for numbers, categorical with smoothing for nominal features; "
                      "skips missing values."),
};

inline constexpr const char *kParamStrings[] = {
    // tree
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Split criterion"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "How the quality of a split is measured: Gini impurity, or entropy "
                      "(information gain; log_loss is the same)."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Maximum depth"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "The longest path from the root to a leaf; 'none' grows until the leaves "
                      "are pure or too small."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Minimum rows to split"),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "A node with fewer rows than this becomes a leaf."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Minimum rows per leaf"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "A split is allowed only when both sides keep at least this many rows."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Features per split"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Features drawn at random at each node: all ('none'), the square root or "
                      "log2 of their number, a count (>= 1) or a fraction (< 1)."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Class weights"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "'balanced' weighs each class inversely to its frequency, so that rare "
                      "classes count as much as common ones."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Pruning strength (ccp_alpha)"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Minimal cost-complexity pruning: splits that lower the weighted impurity "
                      "by at most this much per leaf are removed. Used as given when prune is "
                      "'none'."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Pruning"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "'cv' chooses ccp_alpha by 5-fold cross-validation on the training rows "
                      "(the largest alpha within one standard error of the best); 'none' uses "
                      "ccp_alpha as given."),
    // forest
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Trees"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Number of trees; more trees vote more smoothly but take longer to train "
                      "and apply."),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "The longest path from the root to a leaf; 'none' grows every tree until "
                      "its leaves are pure or too small."),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Features drawn at random at each node: the square root or log2 of their "
                      "number, all ('none'), a count (>= 1) or a fraction (< 1). Fewer make the "
                      "trees more different."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Bootstrap samples"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Grow each tree on a sample of the rows drawn with replacement (and report "
                      "the out-of-bag accuracy); false grows every tree on all rows."),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "'balanced' weighs each class inversely to its frequency in the training "
                      "rows, 'balanced_subsample' in each tree's bootstrap sample."),
    // gbt
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Learning rate"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Shrinks each tree's contribution; smaller values need more iterations but "
                      "generalise better."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Iterations"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Boosting iterations (one tree per class each, one in all for two "
                      "classes)."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Max leaves"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Leaves per tree; trees grow best-first until they have this many. 'none' "
                      "for no limit."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Max depth"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Edges from the root to the deepest leaf; 'none' leaves depth to the leaf "
                      "budget."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Min samples per leaf"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "A split must leave at least this many training rows on each side."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "L2 regularisation"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Added to each leaf's hessian sum: larger values shrink leaf outputs "
                      "towards zero."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Max bins"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Bins per numeric feature; split thresholds are searched between bins."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Early stopping"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Stop when the validation loss stops improving; 'auto' turns it on above "
                      "10,000 rows."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Validation fraction"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Share of the training rows held out (stratified) to score early stopping."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Patience"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Early stopping ends after this many iterations without improving the "
                      "validation loss by tol."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Tolerance"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "The least improvement of the validation loss that counts, for early "
                      "stopping."),
    // logreg
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Inverse regularisation (C)"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Inverse strength of the L2 penalty: smaller values shrink the "
                      "coefficients more and give smoother probabilities."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Solver"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "lbfgs: limited-memory BFGS (fast, the default); newton: Newton-CG, Newton "
                      "steps solved by conjugate gradients on Hessian-vector products."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Maximum iterations"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Upper bound on solver iterations; training stops earlier once the "
                      "gradient is below tol."),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Training stops when no component of the gradient of the mean penalised "
                      "log loss exceeds this."),
    // knn
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Neighbours (k)"),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "How many nearest training rows vote on a prediction."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Vote weights"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "uniform: every neighbour counts the same; distance: neighbours count by "
                      "the inverse of their distance (an exact match takes all the weight)."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Search"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "How neighbours are found; every choice gives the same neighbours. auto "
                      "uses a k-d tree up to 6 encoded columns and a blocked brute force above."),
    // nb
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Variance smoothing"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Share of the largest feature variance added to every Gaussian's variance, "
                      "for numerical stability (as scikit-learn's GaussianNB)."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Smoothing (alpha)"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Additive (Laplace) smoothing of the level counts of categorical features; "
                      "1 adds one pseudo-row per level and class."),
    QT_TRANSLATE_NOOP("mb::ParamSpec", "Precision floor"),
    QT_TRANSLATE_NOOP("mb::ParamSpec",
                      "Keep every Gaussian's standard deviation at least a sixth of the "
                      "feature's precision (mean gap between its distinct values), as Weka's "
                      "NaiveBayes does, so that a feature constant within a class cannot veto "
                      "that class. false: exactly scikit-learn's GaussianNB."),
};

inline constexpr const char *kSampleStrings[] = {
    QT_TRANSLATE_NOOP("mb::MainWindow",
                      "Fisher's iris flowers: 150 rows, 4 numeric features, 3 classes"),
    QT_TRANSLATE_NOOP("mb::MainWindow",
                      "Wine recognition: 178 rows, 13 numeric features, 3 cultivars"),
    QT_TRANSLATE_NOOP("mb::MainWindow",
                      "Breast cancer (Wisconsin): 569 rows, 30 features, 2 classes"),
    QT_TRANSLATE_NOOP("mb::MainWindow",
                      "Handwritten digits: 1,797 rows, 64 pixel features, 10 classes"),
    QT_TRANSLATE_NOOP("mb::MainWindow", "Iris in Weka's ARFF format"),
    QT_TRANSLATE_NOOP("mb::MainWindow", "Play tennis? 14 rows, all nominal (Weka)"),
    QT_TRANSLATE_NOOP("mb::MainWindow", "Play tennis? 14 rows, numeric and nominal (Weka)"),
    QT_TRANSLATE_NOOP("mb::MainWindow", "Pima Indians diabetes: 768 rows, 8 features, 2 classes"),
    QT_TRANSLATE_NOOP("mb::MainWindow", "Contact lenses: 24 rows, nominal, 3 classes"),
    QT_TRANSLATE_NOOP("mb::MainWindow", "Glass identification: 214 rows, 9 features, 6 classes"),
};

} // namespace mb::translations
