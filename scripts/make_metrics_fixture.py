#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes the fixtures that tests/core/tst_metrics.cpp checks core/eval/metrics against.

Run with Debian's scikit-learn 1.2:  /usr/bin/python3 scripts/make_metrics_fixture.py
It writes tests/data/metrics/<case>.csv (columns: truth, p0, p1, ...; numbers in Python's
shortest round-trip form) and tests/data/metrics/sklearn_metrics.json with scikit-learn's
numbers for every case. The probabilities are small integer counts divided by a total, so
scores tie often (between rows and inside a row), which is where metric definitions differ.

Cases:
  binary      2 classes, tied scores, probabilities of exactly 0 and 1 (log-loss clipping),
              a row tied 0.5/0.5 (argmax takes the lower class).
  multiclass  4 classes, all present in the truth, class 3 never predicted, argmax ties.
  absent      4 classes, class 2 absent from the truth but predicted for some rows.
"""
import json
import math
import os
import sys

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, confusion_matrix, log_loss,
                             precision_recall_fscore_support, roc_auc_score, roc_curve)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "metrics")


def binary_case(rng):
    n = 40
    truth = rng.randint(0, 2, size=n)
    # Score of class 1 in tenths, leaning towards the truth so that the AUC is informative.
    tenths = np.clip(truth * 3 + rng.randint(0, 8, size=n), 0, 10)
    tenths[0], truth[0] = 10, 0   # a wrong prediction made with certainty: log loss clips 0
    tenths[1], truth[1] = 0, 0    # p1 = 0 exactly
    tenths[2], truth[2] = 5, 1    # 0.5 / 0.5: argmax goes to class 0
    p1 = tenths / 10.0
    return truth, np.column_stack([1.0 - p1, p1])


def counts_case(rng, n, classes, total, truth_classes, never_predicted=None):
    truth = rng.choice(truth_classes, size=n)
    counts = np.zeros((n, classes), dtype=int)
    for i in range(n):
        weights = np.ones(classes)
        weights[truth[i]] += 2.0  # mostly right, often tied
        if never_predicted is not None:
            weights[never_predicted] = 0.15
        draw = rng.multinomial(total, weights / weights.sum())
        if never_predicted is not None and draw[never_predicted] >= draw.max():
            # Keep the class below the row's maximum so that it is never predicted.
            spare = draw[never_predicted] - draw.max() + 1
            draw[never_predicted] -= spare
            others = [c for c in range(classes) if c != never_predicted]
            draw[others[int(np.argmax(draw[others]))]] += spare
        counts[i] = draw
    return truth, counts / float(total)


def nan_to_none(values):
    return [None if (isinstance(v, float) and math.isnan(v)) else v for v in values]


def sklearn_numbers(truth, proba):
    k = proba.shape[1]
    labels = list(range(k))
    predicted = np.argmax(proba, axis=1)  # numpy: ties to the lowest index
    present = [c for c in labels if np.any(truth == c)]
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    # average= without labels: scikit-learn averages over the labels in the truth or the
    # predictions, which is the definition ModelBench follows.
    mp, mr, mf, _ = precision_recall_fscore_support(truth, predicted, average="macro", zero_division=0)
    wp, wr, wf, _ = precision_recall_fscore_support(truth, predicted, average="weighted", zero_division=0)

    per_class_auc = []
    for c in labels:
        if c in present and len(present) > 1:
            per_class_auc.append(float(roc_auc_score((truth == c).astype(int), proba[:, c])))
        else:
            per_class_auc.append(float("nan"))
    if k == 2:
        auc = float(roc_auc_score(truth, proba[:, 1]))
    elif len(present) == k:
        auc = float(roc_auc_score(truth, proba, multi_class="ovr", average="macro", labels=labels))
    else:
        # scikit-learn refuses one-vs-rest AUC when a class is absent from the truth
        # ("Only one class present in y_true"); ModelBench averages over the classes present,
        # which is the mean of scikit-learn's binary AUCs of those classes.
        try:
            roc_auc_score(truth, proba, multi_class="ovr", average="macro", labels=labels)
            sys.exit("expected scikit-learn to refuse the absent-class AUC")
        except ValueError:
            pass
        auc = float(np.mean([per_class_auc[c] for c in present]))

    positive = 1
    fpr, tpr, _ = roc_curve((truth == positive).astype(int), proba[:, positive], drop_intermediate=False)
    return {
        "classes": k,
        "rows": int(len(truth)),
        "predicted": [int(x) for x in predicted],
        "accuracy": float(accuracy_score(truth, predicted)),
        "balanced_accuracy": float(balanced_accuracy_score(truth, predicted)),
        "precision": [float(x) for x in p],
        "recall": [float(x) for x in r],
        "f1": [float(x) for x in f],
        "support": [int(x) for x in s],
        "macro_precision": float(mp), "macro_recall": float(mr), "macro_f1": float(mf),
        "weighted_precision": float(wp), "weighted_recall": float(wr), "weighted_f1": float(wf),
        # scikit-learn 1.2's default eps is "auto" (2.2e-16); ModelBench clips at 1e-15 as
        # earlier releases did, so the fixture passes it explicitly.
        "log_loss": float(log_loss(truth, proba, eps=1e-15, labels=labels)),
        "roc_auc": auc,
        "roc_auc_per_class": nan_to_none(per_class_auc),
        "confusion": confusion_matrix(truth, predicted, labels=labels).tolist(),
        "roc_curve": {"positive": positive, "fpr": [float(x) for x in fpr], "tpr": [float(x) for x in tpr]},
    }


def write_csv(path, truth, proba):
    with open(path, "w", newline="\n") as f:
        f.write("truth," + ",".join("p%d" % c for c in range(proba.shape[1])) + "\n")
        for t, row in zip(truth, proba):
            f.write("%d,%s\n" % (t, ",".join(repr(float(v)) for v in row)))


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.RandomState(20240601)
    cases = {
        "binary": binary_case(rng),
        "multiclass": counts_case(rng, 60, 4, 10, [0, 1, 2, 3], never_predicted=3),
        "absent": counts_case(rng, 50, 4, 8, [0, 1, 3]),
    }
    report = {"generator": "scripts/make_metrics_fixture.py", "sklearn": sklearn.__version__, "cases": {}}
    for name, (truth, proba) in cases.items():
        write_csv(os.path.join(OUT, name + ".csv"), truth, proba)
        report["cases"][name] = dict(file=name + ".csv", **sklearn_numbers(truth, proba))
    absent = report["cases"]["absent"]
    assert absent["support"][2] == 0 and absent["confusion"][0][2] + absent["confusion"][1][2] + absent["confusion"][3][2] > 0, \
        "the absent case must predict the absent class somewhere"
    assert report["cases"]["multiclass"]["predicted"].count(3) == 0
    with open(os.path.join(OUT, "sklearn_metrics.json"), "w") as f:
        json.dump(report, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
