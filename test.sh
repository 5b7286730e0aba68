#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds, and runs every test (offscreen) with CTest.
#   ./test.sh            the whole suite
#   ./test.sh -R csv     only tests whose name matches (passed to ctest)
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh
build_dir=${MB_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMB_BUILD_TESTS=ON >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" "$@"
