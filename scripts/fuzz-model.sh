#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fuzzes the model file loader (tests/fuzz/fuzz_model_file.cpp) with libFuzzer, ASan and UBSan.
#   scripts/fuzz-model.sh [RUNS] [libFuzzer options...]    RUNS defaults to 10,000,000
# Builds into build-fuzz (clang), starts from the seed files in tests/data/fuzz/model, keeps the
# growing corpus in build-fuzz/fuzz-corpus and any crashing input in build-fuzz/fuzz-findings.
# Prints the executions and findings at the end; exits 1 when something was found.
# MB_FUZZ_JOBS sets the build's parallelism (default 1: the machine is shared).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10000000}
[ $# -gt 0 ] && shift
build=build-fuzz
cxx=${MB_FUZZ_CXX:-clang++-16}

scripts/install-deps.sh --fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
      -DMB_FUZZ=ON -DMB_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"${MB_FUZZ_JOBS:-1}" --target fuzz_model_file

corpus=$build/fuzz-corpus
findings=$build/fuzz-findings
log=$build/fuzz-model.log
mkdir -p "$corpus" "$findings"
# Stack traces with function names and lines (any llvm-symbolizer will do).
for s in llvm-symbolizer-16 llvm-symbolizer-14 llvm-symbolizer; do
    if command -v "$s" >/dev/null; then
        export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v "$s")}
        break
    fi
done
# Limits: a model file may never make the loader use more than these, so exceeding one is a
# finding too (oom-*, timeout-*).
set +e
"$build/tests/fuzz/fuzz_model_file" "$corpus" tests/data/fuzz/model \
    -runs="$runs" -rss_limit_mb=1024 -malloc_limit_mb=256 -timeout=5 \
    -dict=tests/fuzz/model_file.dict -artifact_prefix="$findings/" -print_final_stats=1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
found=$(find "$findings" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
echo
echo "fuzz-model: ${executions:-?} executions in ${seconds:-?} s (${per_second:-?} exec/s), $found finding(s) in $findings, libFuzzer exit $status"
[ "$found" -eq 0 ] && [ "$status" -eq 0 ]
