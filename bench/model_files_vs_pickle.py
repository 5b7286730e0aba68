#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Model files against scikit-learn's pickle (the seed's way of keeping a model): file size, save
time and load time for a tree, a forest of 100 trees and gradient boosting, in one run.

    model_files_vs_pickle.py [--build build] [--runs 5] [--out bench/out/model_files.md]

Both sides train on bench/out/synth_100k_20_train.csv (75,000 x 20, 3 classes; made by
bench/make_synth.py when missing) with the same hyperparameters (as in learners_vs_sklearn.py;
early stopping off on both sides so that gbt has 100 rounds on each). Times are medians of
RUNS, wall clock, page cache warm, measured inside one process per side:
  - ModelBench: the model is trained by `modelbench-cli train --out` (binary archive), then
    `modelbench-model-io` (bench/model_io.cpp) times, in-process:
      save  = saveModelFile (encode + QSaveFile's temporary file and rename),
      load  = loadModelFile (read, envelope and CRC-32C checks, Boost, self-check),
      and the in-memory parts alone: encodeModelFile and decodeModelFile.
  - scikit-learn: in one Python process after fit():
      save  = pickle.dump into a file (open, write, close),
      load  = open, read and pickle.loads,
      and the in-memory parts alone: pickle.dumps and pickle.loads.
Neither save calls fsync; a CLI process's start-up is not counted on either side.
Writes the Markdown table to --out and prints it.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")

# Our parameters, and the scikit-learn estimator built with the same ones.
LEARNERS = {
    "tree": (["prune=none"], "DecisionTreeClassifier(random_state=0)"),
    "forest": (["n_estimators=100"], "RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0)"),
    "gbt": (["max_iter=100", "max_leaf_nodes=31", "learning_rate=0.1", "early_stopping=off"],
            "HistGradientBoostingClassifier(max_iter=100, max_leaf_nodes=31, learning_rate=0.1, "
            "early_stopping=False, random_state=0)"),
}

SKLEARN_RUNNER = r"""
import json, os, pickle, statistics, sys, time
import numpy as np, pandas as pd
from sklearn.tree import DecisionTreeClassifier
from sklearn.ensemble import RandomForestClassifier, HistGradientBoostingClassifier
train, spec, path, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
tr = pd.read_csv(train)
x, y = tr.iloc[:, :-1].to_numpy(np.float64), tr.iloc[:, -1].to_numpy()
model = eval(spec)
t0 = time.perf_counter(); model.fit(x, y); fit = time.perf_counter() - t0

def median(fn):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter(); fn(); times.append(time.perf_counter() - t0)
    return statistics.median(times)

def save():
    with open(path, "wb") as f:
        pickle.dump(model, f)

def load():
    with open(path, "rb") as f:
        return pickle.loads(f.read())

save()
blob = pickle.dumps(model)
print(json.dumps({"fit": fit, "bytes": os.path.getsize(path), "save_file": median(save),
                  "encode": median(lambda: pickle.dumps(model)), "load_file": median(load),
                  "decode": median(lambda: pickle.loads(blob))}))
"""


def run(cmd, env=None):
    result = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stderr}")
    return result.stdout


def ensure_data():
    train = os.path.join(OUT, "synth_100k_20_train.csv")
    if not os.path.exists(train):
        run([sys.executable, os.path.join(ROOT, "bench", "make_synth.py"), OUT, "100k", "20", "3", "--split"])
    return train


def ours(build, train, algo, params, runs, work):
    model = os.path.join(work, f"{algo}.mbm")
    # --test: fit on every training row, as scikit-learn does (a holdout would fit on 75% of them).
    test = train.replace("_train.csv", "_test.csv")
    cmd = [os.path.join(build, "app", "modelbench-cli"), "train", train, "--algo", algo, "--seed", "0",
           "--test", test, "--out", model, "--format", "binary", "--json"]
    for p in params:
        cmd += ["--param", p]
    report = json.loads(run(cmd))
    timing = json.loads(run([os.path.join(build, "bench", "modelbench-model-io"), model, str(runs)]))
    timing["fit"] = report["fit_seconds"]
    return timing


def sklearn(train, spec, runs, work):
    env = dict(os.environ, OMP_NUM_THREADS="2", OPENBLAS_NUM_THREADS="2")
    path = os.path.join(work, "model.pickle")
    result = json.loads(run([sys.executable, "-c", SKLEARN_RUNNER, train, spec, path, str(runs)], env=env)
                        .strip().splitlines()[-1])
    os.remove(path)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), help="build folder with modelbench-cli")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=os.path.join(OUT, "model_files.md"))
    args = parser.parse_args()
    for tool in (os.path.join(args.build, "app", "modelbench-cli"),
                 os.path.join(args.build, "bench", "modelbench-model-io")):
        if not os.path.exists(tool):
            sys.exit(f"{tool} not found: build it first (or pass --build)")

    train = ensure_data()
    load_before = os.getloadavg()[0]
    mib = lambda b: f"{b / 1048576:.2f} MiB"
    ms = lambda s: f"{s * 1000:.1f}"
    lines = ["| learner | .mbm size | pickle size | pickle / .mbm | save .mbm (ms) | save pickle (ms) "
             "| load .mbm (ms) | load pickle (ms) | load speed-up | decode .mbm in memory (ms) "
             "| pickle.loads (ms) | encode .mbm in memory (ms) | pickle.dumps (ms) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory(prefix="model-files-bench-") as work:
        for algo, (params, spec) in LEARNERS.items():
            a = ours(args.build, train, algo, params, args.runs, work)
            b = sklearn(train, spec, args.runs, work)
            line = (f"| {algo} | {mib(a['bytes'])} | {mib(b['bytes'])} | {b['bytes'] / a['bytes']:.1f}x "
                    f"| {ms(a['save_file'])} | {ms(b['save_file'])} | {ms(a['load_file'])} | {ms(b['load_file'])} "
                    f"| {b['load_file'] / a['load_file']:.1f}x | {ms(a['decode'])} | {ms(b['decode'])} "
                    f"| {ms(a['encode'])} | {ms(b['encode'])} |")
            lines.append(line)
            print(line, flush=True)
    load_after = os.getloadavg()[0]
    note = (f"\nMedians of {args.runs} runs; {os.cpu_count()} cores; load average {load_before:.1f} before and "
            f"{load_after:.1f} after the run.\n")
    print(note)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n" + note)


if __name__ == "__main__":
    main()
