#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds, and runs every test (offscreen) with CTest.
#   ./test.sh            the whole suite
#   ./test.sh -R csv     only tests whose name matches (passed to ctest)
# After the suite, a short fuzz run of the model-file loader (clang, ASan + UBSan, 30 s);
# MB_SKIP_FUZZ=1 skips it, MB_FUZZ_SECONDS sets its length.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh
build_dir=${MB_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMB_BUILD_TESTS=ON >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" "$@"

if [ "${MB_SKIP_FUZZ:-0}" != 1 ] && [ $# -eq 0 ]; then
    MB_FUZZ_JOBS=$(nproc) scripts/fuzz-model.sh 100000000 -max_total_time="${MB_FUZZ_SECONDS:-30}"
fi
