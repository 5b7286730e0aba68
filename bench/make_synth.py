#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes the benchmark's synthetic data with scikit-learn's make_classification (fixed seed).

    make_synth.py OUT_DIR ROWS FEATURES CLASSES [--split]

Writes OUT_DIR/synth_<rows>_<features>.csv (ROWS counted in thousands when suffixed 'k',
millions with 'm'); with --split also ..._train.csv and ..._test.csv (stratified 75/25, seed 0).
Numbers are written with 9 significant digits (float32 round trip).
"""
import os
import sys

import numpy as np
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split


def count(text):
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1].lower(), 1)
    return int(text.rstrip("kKmM")) * scale


def write_csv(path, x, y):
    tmp = path + ".tmp"
    header = ",".join(f"f{i}" for i in range(x.shape[1])) + ",label\n"
    with open(tmp, "w") as f:
        f.write(header)
        block = 50_000
        for start in range(0, len(x), block):
            xs = x[start:start + block]
            ys = y[start:start + block]
            lines = [",".join(format(v, ".9g") for v in row) + f",c{label}\n"
                     for row, label in zip(xs.tolist(), ys.tolist())]
            f.writelines(lines)
    os.replace(tmp, path)


def main():
    out_dir, rows, features, classes = sys.argv[1], count(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    split = "--split" in sys.argv
    os.makedirs(out_dir, exist_ok=True)
    stem = os.path.join(out_dir, f"synth_{sys.argv[2]}_{features}")
    x, y = make_classification(n_samples=rows, n_features=features, n_informative=max(2, features * 3 // 5),
                               n_redundant=features // 5, n_classes=classes, n_clusters_per_class=2,
                               class_sep=1.0, flip_y=0.01, random_state=42)
    x = x.astype(np.float32)
    if split:
        xtr, xte, ytr, yte = train_test_split(x, y, test_size=0.25, stratify=y, random_state=0)
        write_csv(stem + "_train.csv", xtr, ytr)
        write_csv(stem + "_test.csv", xte, yte)
    else:
        write_csv(stem + ".csv", x, y)


if __name__ == "__main__":
    main()
