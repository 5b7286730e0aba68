#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The model catalog beside the seed's way of keeping models: pickle.dumps of a scikit-learn
RandomForestClassifier(100) stored as a BLOB with Python's sqlite3, then selected and unpickled.

    catalog_vs_pickle.py [--cli build/app/modelbench-cli] [--runs 5] [--versions 10000]

Both sides train 100 trees on bench/out/synth_100k_20_train.csv (75,000 x 20, 5 classes; made
by bench/make_synth.py when missing). Times are medians of RUNS, wall clock:
  - scikit-learn: pickle.dumps; INSERT + COMMIT into a fresh sqlite3 file; SELECT; pickle.loads.
  - ModelBench: `catalog add` (a whole process: open with quick_check, full load and self-check
    of the model file, SHA-256, one write transaction) and `catalog export` (a whole process:
    open, read, SHA-256 check, atomic write of the file); plus `catalog list` with VERSIONS
    versions in the catalog (copies of a small model, made with SQL).
Writes bench/out/catalog.md and prints it.
"""
import argparse
import os
import pickle
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_process(cmd, runs, before=None):
    """Median wall-clock and CPU (user + system) seconds of a command; `before` runs untimed first."""
    walls, cpus = [], []
    for _ in range(runs):
        if before:
            before()
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        run(cmd() if callable(cmd) else cmd)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - usage.ru_utime + after.ru_stime - usage.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def run(cmd, **kwargs):
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stderr.decode()}")
    return result.stdout


def ensure_data():
    train = os.path.join(OUT, "synth_100k_20_train.csv")
    if not os.path.exists(train):
        run([sys.executable, os.path.join(ROOT, "bench", "make_synth.py"), OUT, "100k", "20", "5", "--split"])
    return train


def sklearn_side(train, runs, work):
    import numpy as np
    from sklearn.ensemble import RandomForestClassifier

    with open(train) as f:
        features = len(f.readline().split(",")) - 1
    x = np.loadtxt(train, delimiter=",", skiprows=1, usecols=range(features))
    y = np.loadtxt(train, delimiter=",", skiprows=1, usecols=features, dtype=str)
    start = time.perf_counter()
    forest = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=-1).fit(x, y)
    fit = time.perf_counter() - start

    blob = pickle.dumps(forest)
    dumps = median_time(lambda: pickle.dumps(forest), runs)

    counter = [0]

    def insert():
        counter[0] += 1
        path = os.path.join(work, f"seed-{counter[0]}.sqlite")
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE models (name TEXT, version INTEGER, model BLOB)")
        con.commit()
        pickled = pickle.dumps(forest)
        start_insert = time.perf_counter()
        con.execute("INSERT INTO models VALUES (?, ?, ?)", ("forest", 1, pickled))
        con.commit()
        insert.times.append(time.perf_counter() - start_insert)
        con.close()

    insert.times = []
    for _ in range(runs):
        insert()
    insert_time = statistics.median(insert.times)

    path = os.path.join(work, "seed-1.sqlite")

    def select():
        con = sqlite3.connect(path)
        (stored,) = con.execute("SELECT model FROM models WHERE name = ? AND version = ?", ("forest", 1)).fetchone()
        con.close()
        return stored

    select_time = median_time(select, runs)
    stored = select()
    loads = median_time(lambda: pickle.loads(stored), runs)
    return {"fit": fit, "bytes": len(blob), "dumps": dumps, "insert": insert_time, "select": select_time,
            "loads": loads}


def modelbench_side(cli, train, runs, work):
    model = os.path.join(work, "forest.mbm")
    test = train.replace("_train.csv", "_test.csv")
    start = time.perf_counter()
    run([cli, "train", train, "--algo", "forest", "--param", "n_estimators=100", "--seed", "0", "--test", test,
         "--out", model])
    fit = time.perf_counter() - start

    counter = [0]

    def next_db():
        counter[0] += 1
        return os.path.join(work, f"mb-{counter[0]}.sqlite")

    add_time = median_process(lambda: [cli, "catalog", "--db", next_db(), "add", model, "--name", "forest"], runs)
    db = os.path.join(work, "mb-1.sqlite")
    out = os.path.join(work, "exported.mbm")
    export_time = median_process([cli, "catalog", "--db", db, "export", "forest:1", "--out", out], runs)
    with open(model, "rb") as a, open(out, "rb") as b:
        if a.read() != b.read():
            sys.exit("export is not byte-identical")
    predict_time = median_process([cli, "predict", "catalog:forest", test, "--db", db, "--json"], runs)
    startup = median_process([cli, "--version"], runs)
    return {"fit": fit, "bytes": os.path.getsize(model), "add": add_time, "export": export_time,
            "predict": predict_time, "startup": startup}


def list_side(cli, train, runs, work, versions):
    # A small model registered once, then copied into VERSIONS versions with SQL (registering
    # 10,000 models one by one would time the registrations, not the listing).
    small = os.path.join(work, "small.mbm")
    run([cli, "train", os.path.join(ROOT, "resources", "samples", "iris.csv"), "--algo", "nb", "--out", small])
    db = os.path.join(work, "list.sqlite")
    run([cli, "catalog", "--db", db, "add", small, "--name", "bulk", "--tag", "t"])
    con = sqlite3.connect(db)
    # Each copy gets its own accuracy (and so its own metrics text), as real versions would.
    con.execute("BEGIN")
    con.execute("WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
                " INSERT INTO versions (version, model_id, algo, classes, dataset_name, dataset_fingerprint, rows,"
                " metrics, accuracy, created, registered, size, sha256, archive, format_version, description)"
                " SELECT n.i, model_id, algo, classes, dataset_name, dataset_fingerprint, rows,"
                " json_set(metrics, '$.accuracy', accuracy - n.i * 1e-6), accuracy - n.i * 1e-6, created,"
                " registered, size, sha256, archive, format_version, description FROM versions, n WHERE version = 1",
                (versions,))
    con.execute("INSERT INTO blobs (version_id, bytes) SELECT v.id, b.bytes FROM versions v, blobs b"
                " WHERE v.version > 1 AND b.version_id = (SELECT id FROM versions WHERE version = 1)")
    con.execute("INSERT INTO tags (version_id, tag) SELECT id, 't' FROM versions WHERE version > 1")
    con.execute("UPDATE models SET last_version = ?", (versions,))
    con.commit()
    con.close()
    listing = median_process([cli, "catalog", "--db", db, "list", "--json"], runs)
    text = median_process([cli, "catalog", "--db", db, "list"], runs)
    show = median_process([cli, "catalog", "--db", db, "show", "bulk:5000"], runs)
    raw = median_time(lambda: sqlite3.connect(db).execute(
        "SELECT m.name, v.* FROM versions v JOIN models m ON m.id = v.model_id ORDER BY m.name, v.version").fetchall(),
        runs)
    return {"versions": versions, "db_bytes": os.path.getsize(db), "list_json": listing, "list_text": text,
            "show": show, "raw_select": raw}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=os.path.join(ROOT, "build", "app", "modelbench-cli"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--versions", type=int, default=10000)
    args = parser.parse_args()
    if not os.path.exists(args.cli):
        sys.exit(f"{args.cli} not found: build modelbench-cli first (or pass --cli)")

    train = ensure_data()
    work = tempfile.mkdtemp(prefix="catalog-bench-")
    try:
        os.environ["XDG_DATA_HOME"] = work  # never touch the user's own catalog
        sk = sklearn_side(train, args.runs, work)
        mb = modelbench_side(args.cli, train, args.runs, work)
        ls = list_side(args.cli, train, args.runs, work, args.versions)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    ms = lambda s: f"{s * 1000:.1f} ms"
    proc = lambda t: f"{t[0] * 1000:.0f} ms wall, {t[1] * 1000:.0f} ms CPU"
    mib = lambda b: f"{b / 1048576:.1f} MiB"
    load = os.getloadavg()[0]
    lines = [
        "# Model catalog vs pickle + sqlite3",
        "",
        f"100 trees on {os.path.basename(train)} (75,000 x 20, 5 classes); medians of {args.runs} runs; "
        f"{os.cpu_count()} cores, load average {load:.1f} at the end (wall-clock times of whole processes "
        f"suffer from other load; CPU = user + system time of the process).",
        "",
        "| step | scikit-learn + pickle + sqlite3 (in one Python process) | ModelBench catalog (whole CLI processes) |",
        "|---|---|---|",
        f"| fit 100 trees | {sk['fit']:.1f} s (n_jobs=-1) | {mb['fit']:.1f} s (`train --test`, whole process) |",
        f"| stored bytes | {mib(sk['bytes'])} (pickle) | {mib(mb['bytes'])} (.mbm file) |",
        f"| serialize | {ms(sk['dumps'])} (pickle.dumps) | (part of `train --out`) |",
        f"| register | {ms(sk['insert'])} (INSERT + COMMIT) | {proc(mb['add'])} (`catalog add`: checks, full "
        f"load + self-check, SHA-256, one transaction) |",
        f"| fetch | {ms(sk['select'])} (SELECT) + {ms(sk['loads'])} (pickle.loads) | {proc(mb['export'])} "
        f"(`catalog export`: SHA-256 check, atomic write) |",
        f"| fetch and use | - | {proc(mb['predict'])} (`predict catalog:forest` on the 25,000-row test file) |",
        f"| process start-up | - | {proc(mb['startup'])} (`modelbench-cli --version`) |",
        "",
        f"Listing {ls['versions']:,} versions ({mib(ls['db_bytes'])} catalog), whole processes including the "
        f"quick_check on open: `catalog list` {proc(ls['list_text'])}; `catalog list --json` "
        f"{proc(ls['list_json'])}; `catalog show bulk:5000` {proc(ls['show'])}. A bare sqlite3 SELECT of the "
        f"same rows in Python: {ms(ls['raw_select'])}.",
        "",
    ]
    text = "\n".join(lines)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "catalog.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
