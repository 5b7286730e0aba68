#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fuzzes one reader with libFuzzer, ASan and UBSan (the targets are in tests/fuzz).
#   scripts/fuzz.sh TARGET [RUNS] [libFuzzer options...]    RUNS defaults to 10,000,000
# TARGET is one of
#   model     the model file loader (fuzz_model_file)
#   csv       the CSV reader and its type inference (fuzz_csv_reader)
#   arff      the ARFF reader: dense and sparse rows, dates (fuzz_arff_reader)
#   catalog   catalog file -> list -> bytes -> model (fuzz_catalog)
# Builds into build-fuzz (clang; or MB_FUZZ_BUILD_DIR), starts from the seed files in
# tests/data/fuzz/TARGET, keeps the growing corpus in BUILD/fuzz-corpus/TARGET and any crashing
# input in BUILD/fuzz-findings/TARGET. Prints the executions, coverage and findings at the end;
# exits 1 when something was found. Options after RUNS go to libFuzzer, e.g.
# -max_total_time=30 to stop after 30 s, or -jobs=2 -workers=2 for two processes of RUNS each.
# MB_FUZZ_JOBS sets the build's parallelism (default 1: the machine is shared).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '3,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
target=$1
shift
case $target in
    model) binary=fuzz_model_file dict=tests/fuzz/model_file.dict ;;
    csv) binary=fuzz_csv_reader dict=tests/fuzz/csv.dict ;;
    arff) binary=fuzz_arff_reader dict=tests/fuzz/arff.dict ;;
    catalog) binary=fuzz_catalog dict=tests/fuzz/catalog.dict ;;
    *) echo "fuzz.sh: unknown target '$target'" >&2; usage ;;
esac
runs=10000000
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then
    runs=$1
    shift
fi
# MB_FUZZ_BUILD_DIR names a folder already configured with MB_FUZZ=ON (./test.sh passes its
# sanitizer build, which has the targets too); without it, build-fuzz is configured here.
build=${MB_FUZZ_BUILD_DIR:-build-fuzz}
cxx=${MB_FUZZ_CXX:-clang++-16}

scripts/install-deps.sh --fuzz
if [ -z "${MB_FUZZ_BUILD_DIR:-}" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
          -DMB_FUZZ=ON -DMB_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j"${MB_FUZZ_JOBS:-1}" --target "$binary"

seeds=tests/data/fuzz/$target
corpus=$build/fuzz-corpus/$target
findings=$build/fuzz-findings/$target
log=$build/fuzz-$target.log
mkdir -p "$corpus" "$findings"
# Stack traces with function names and lines (any llvm-symbolizer will do).
for s in llvm-symbolizer-16 llvm-symbolizer-14 llvm-symbolizer; do
    if command -v "$s" >/dev/null; then
        export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v "$s")}
        break
    fi
done
# ASan keeps the stack of every allocation in a depot that never shrinks. Beyond a caller or
# two the fast unwinder walks through Boost, Qt and libstdc++ frames without frame pointers and
# records garbage, so nearly every stack is new: after 2.7 million inputs the depot held 9.9
# million stacks (567 MB) and the run neared -rss_limit_mb. Two frames name the allocation
# well enough; rerun a finding with the default to see its whole stack.
export ASAN_OPTIONS="malloc_context_size=2${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# With -jobs=N, libFuzzer runs N processes of RUNS inputs each on the shared corpus and each
# writes its own fuzz-J.log here; the summary below adds them up.
jobs=0
if printf '%s\n' "$@" | grep -q '^-jobs='; then
    jobs=1
    rm -f fuzz-[0-9]*.log
fi
# Limits: an input may never make a reader use more than these, so exceeding one is a finding
# too (oom-*, timeout-*). -max_len follows the largest seed unless given.
set +e
"$build/tests/fuzz/$binary" "$corpus" "$seeds" \
    -runs="$runs" -rss_limit_mb=1024 -malloc_limit_mb=256 -timeout=5 \
    -dict="$dict" -artifact_prefix="$findings/" -print_final_stats=1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

logs=("$log")
[ "$jobs" = 0 ] || logs=(fuzz-[0-9]*.log)
executions=$(cat "${logs[@]}" | sed -n 's/^stat::number_of_executed_units: *//p' | awk '{n += $1} END {if (NR) print n}')
seconds=$(cat "${logs[@]}" | sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' | sort -n | tail -1)
per_second=$(cat "${logs[@]}" | sed -n 's/^stat::average_exec_per_sec: *//p' | awk '{n += $1} END {if (NR) print n}')
coverage=$(cat "${logs[@]}" | grep -o 'cov: [0-9]* ft: [0-9]*' | sort -t' ' -k2,2n | tail -1)
found=$(find "$findings" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
echo
echo "fuzz $target: ${executions:-?} executions in ${seconds:-?} s (${per_second:-?} exec/s)," \
     "${coverage:-cov: ? ft: ?}, $found finding(s) in $findings, libFuzzer exit $status"
[ "$found" -eq 0 ] && [ "$status" -eq 0 ]
