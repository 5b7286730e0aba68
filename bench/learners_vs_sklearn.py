#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Fit time, batch predict time and test accuracy: modelbench-cli against scikit-learn, in one run.

    bench/learners_vs_sklearn.py [--sets 100k_20,1m_50] [--learners tree,forest,...] [--out FILE.md]

Both sides read the same train/test CSV files (bench/make_synth.py, 75/25 stratified split) and use the
same hyperparameters. Our times are the CLI's own fit_seconds/predict_seconds (file reading excluded);
scikit-learn's are measured around fit() and predict_proba() in this process. scikit-learn's OpenMP
estimators (HistGradientBoosting, k-NN) run with 1 and 2 threads and keep the faster figure, as its
2-thread runs can be slower on a 2-core machine. Run scripts/install-deps.sh --bench first (OpenBLAS).
"""
import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("MB_BUILD_DIR", os.path.join(ROOT, "build"))
CLI = os.path.join(BUILD, "app", "modelbench-cli")
OUT = os.path.join(ROOT, "bench", "out")

SETS = {"100k_20": ("100k", 20, 3), "1m_50": ("1m", 50, 5)}

# Our parameters, and the scikit-learn estimator built with the same ones.
LEARNERS = {
    "tree": (["prune=none"], "DecisionTreeClassifier(random_state=0)", False),
    "forest": (["n_estimators=100"], "RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0)", False),
    "gbt": (["max_iter=100", "max_leaf_nodes=31", "learning_rate=0.1"],
            "HistGradientBoostingClassifier(max_iter=100, max_leaf_nodes=31, learning_rate=0.1, random_state=0)", True),
    "logreg": ([], "make_pipeline(StandardScaler(), LogisticRegression(C=1.0))", False),
    "knn": (["n_neighbors=5"], "make_pipeline(StandardScaler(), KNeighborsClassifier(5))", True),
    "nb": ([], "GaussianNB()", False),
}

SKLEARN_RUNNER = r"""
import json, os, sys, time
import numpy as np, pandas as pd
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier
from sklearn.ensemble import RandomForestClassifier, HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.naive_bayes import GaussianNB
train, test, spec = sys.argv[1], sys.argv[2], sys.argv[3]
tr = pd.read_csv(train); te = pd.read_csv(test)
xtr, ytr = tr.iloc[:, :-1].to_numpy(np.float64), tr.iloc[:, -1].to_numpy()
xte, yte = te.iloc[:, :-1].to_numpy(np.float64), te.iloc[:, -1].to_numpy()
model = eval(spec)
t0 = time.perf_counter(); model.fit(xtr, ytr); fit = time.perf_counter() - t0
t0 = time.perf_counter(); proba = model.predict_proba(xte); predict = time.perf_counter() - t0
acc = float(np.mean(model.classes_[proba.argmax(axis=1)] == yte))
row = xte[:1]
lat = []
for _ in range(200):
    t0 = time.perf_counter(); model.predict_proba(row); lat.append(time.perf_counter() - t0)
print(json.dumps({"fit": fit, "predict": predict, "accuracy": acc, "row_latency": float(np.median(lat))}))
"""


def ensure_data(name):
    rows, features, classes = SETS[name]
    stem = os.path.join(OUT, f"synth_{rows}_{features}")
    if not os.path.exists(stem + "_train.csv"):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_synth.py"), OUT, rows, str(features),
                        str(classes), "--split"], check=True)
    return stem + "_train.csv", stem + "_test.csv"


def ours(train, test, algo, params):
    cmd = [CLI, "train", train, "--test", test, "--algo", algo, "--json", "--seed", "0"]
    for p in params:
        cmd += ["--param", p]
    model = os.path.join(OUT, f"bench_{algo}.mbm")
    cmd += ["--out", model]
    result = subprocess.run(cmd, check=True, capture_output=True, text=True)
    report = json.loads(result.stdout)
    return {"fit": report["fit_seconds"], "predict": report["predict_seconds"],
            "accuracy": report["metrics"]["accuracy"], "model": model}


def sklearn(train, test, spec, openmp):
    best = None
    for threads in (["1", "2"] if openmp else ["2"]):
        env = dict(os.environ, OMP_NUM_THREADS=threads, OPENBLAS_NUM_THREADS=threads)
        env.pop("OPENBLAS_CORETYPE", None)
        env.pop("OPENBLAS_L2_SIZE", None)
        result = subprocess.run([sys.executable, "-c", SKLEARN_RUNNER, train, test, spec], check=True,
                                capture_output=True, text=True, env=env)
        r = json.loads(result.stdout.strip().splitlines()[-1])
        r["threads"] = threads
        if best is None or r["fit"] + r["predict"] < best["fit"] + best["predict"]:
            best = r
    return best


def latency(model):
    tool = os.path.join(BUILD, "bench", "modelbench-latency")
    if not os.path.exists(tool):
        return None
    result = subprocess.run([tool, model], check=True, capture_output=True, text=True)
    return float(result.stdout.split()[0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default="100k_20,1m_50")
    parser.add_argument("--learners", default=",".join(LEARNERS))
    parser.add_argument("--out", default=os.path.join(OUT, "learners.md"))
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    lines = ["| data | learner | fit ours (s) | fit sklearn (s) | fit ratio | predict ours (s) | predict sklearn (s) "
             "| predict ratio | acc ours | acc sklearn | diff (points) | 1-row ours (us) | 1-row sklearn (us) |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    print("\n".join(lines), flush=True)
    load = open("/proc/loadavg").read().split()[:3]
    for name in args.sets.split(","):
        train, test = ensure_data(name)
        for algo in args.learners.split(","):
            params, spec, openmp = LEARNERS[algo]
            a = ours(train, test, algo, params)
            b = sklearn(train, test, spec, openmp)
            lat = latency(a["model"])
            line = (f"| {name} | {algo} | {a['fit']:.3f} | {b['fit']:.3f} | {b['fit'] / max(a['fit'], 1e-9):.1f}x "
                    f"| {a['predict']:.4f} | {b['predict']:.4f} | {b['predict'] / max(a['predict'], 1e-9):.1f}x "
                    f"| {100 * a['accuracy']:.2f} | {100 * b['accuracy']:.2f} | {100 * (a['accuracy'] - b['accuracy']):+.2f} "
                    f"| {'n/a' if lat is None else f'{lat:.2f}'} | {1e6 * b['row_latency']:.0f} |")
            lines.append(line)
            print(line, flush=True)
    lines.append(f"\nLoad average at the start: {' '.join(load)}; {os.cpu_count()} cores.")
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
