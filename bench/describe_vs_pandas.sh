#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Load throughput and peak memory: `modelbench-cli describe` against pandas.read_csv on the same
# 1,000,000 x 50 CSV, in one run, median of RUNS (default 3). Writes bench/out/describe.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
scripts/install-deps.sh --bench
build_dir=${MB_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" -j"$(nproc)" --target modelbench-cli >/dev/null

out=bench/out
data=$out/synth_1m_50.csv
[ -f "$data" ] || { echo "generating $data ..."; /usr/bin/python3 bench/make_synth.py "$out" 1m 50 5; }
bytes=$(stat -c %s "$data")

measure() {  # prints "seconds peak_kib cpu_seconds" of the command, median over runs
    local results=()
    for _ in $(seq "$runs"); do
        # -o: the report goes to its own file, apart from the command's output.
        /usr/bin/time -o "$out/time.txt" -f "%e %M %U %S" "$@" >/dev/null 2>/dev/null
        results+=("$(tail -n 1 "$out/time.txt" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}')")
    done
    printf '%s\n' "${results[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

load=$(cut -d' ' -f1-3 /proc/loadavg)
# Warm the page cache so both readers see the same conditions.
cat "$data" >/dev/null
read -r mb_s mb_kib mb_cpu < <(measure "$build_dir/app/modelbench-cli" describe "$data" --json)
read -r pd_s pd_kib pd_cpu < <(measure /usr/bin/python3 -c "import pandas as pd, sys; pd.read_csv(sys.argv[1])" "$data")
read -r py_s py_kib py_cpu < <(measure /usr/bin/python3 -c "import pandas")

{
    echo "| reader | wall s | CPU s | MB/s (wall) | MB/s (CPU) | peak RSS (MiB) |"
    echo "|---|---:|---:|---:|---:|---:|"
    awk -v b="$bytes" -v s="$mb_s" -v c="$mb_cpu" -v k="$mb_kib" 'BEGIN{printf "| modelbench-cli describe | %.2f | %.2f | %.0f | %.0f | %.0f |\n", s, c, b/1e6/s, b/1e6/c, k/1024}'
    awk -v b="$bytes" -v s="$pd_s" -v c="$pd_cpu" -v k="$pd_kib" -v i="$py_s" -v ic="$py_cpu" 'BEGIN{printf "| pandas.read_csv (less %.2f s import) | %.2f | %.2f | %.0f | %.0f | %.0f |\n", i, s-i, c-ic, b/1e6/(s-i), b/1e6/(c-ic), k/1024}'
    awk -v a="$mb_s" -v p="$pd_s" -v i="$py_s" -v ac="$mb_cpu" -v pc="$pd_cpu" -v ic="$py_cpu" 'BEGIN{printf "\nThroughput ratio, pandas / ours: %.1fx wall, %.1fx CPU\n", (p-i)/a, (pc-ic)/ac}'
    echo "File: $data, $bytes bytes, 1,000,000 rows x 50 features + label; values as double: 400 MB."
    echo "Load average at the start: $load"
} | tee $out/describe.md
