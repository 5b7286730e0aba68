#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds, and runs every test (offscreen) with CTest.
#   ./test.sh            the whole suite
#   ./test.sh -R csv     only tests whose name matches (passed to ctest)
# With MB_SANITIZERS=1, then the same suite again in build-asan: clang with AddressSanitizer and
# UndefinedBehaviorSanitizer, where any report fails its test (tests/CMakeLists.txt sets the
# options, tests/sanitizers holds the leak suppressions). Not yet by default: it adds about 30
# minutes on 2 cores.
# After the suites, a short fuzz run of each libFuzzer target (model, csv, arff, catalog; clang,
# ASan + UBSan, 30 s each), built in build-fuzz, or in build-asan when the sanitizer stage ran;
# MB_SKIP_FUZZ=1 skips it, MB_FUZZ_SECONDS sets each run's length.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh
build_dir=${MB_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMB_BUILD_TESTS=ON >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" "$@"

fuzz_build=
if [ "${MB_SANITIZERS:-0}" = 1 ]; then
    # MB_FUZZ=ON: instrumented for libFuzzer as well as ASan + UBSan, so that the fuzz targets
    # can come from this folder too. -O1 without full debug information keeps the build short;
    # line tables keep file:line in the reports.
    scripts/install-deps.sh --fuzz
    asan_dir=${MB_ASAN_BUILD_DIR:-build-asan}
    cmake -S . -B "$asan_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++-16 \
          -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
          -DMB_FUZZ=ON -DMB_BUILD_TESTS=ON >/dev/null
    cmake --build "$asan_dir" -j"$(nproc)"
    # tst_deb_package packages this folder with cpack and inspects the .deb: no code of ours
    # runs instrumented there that the rest of the suite does not run, and the Release run
    # above already checks the package.
    ctest --test-dir "$asan_dir" --output-on-failure -j"$(nproc)" -E '^tst_deb_package$' "$@"
    fuzz_build=$asan_dir
fi

if [ "${MB_SKIP_FUZZ:-0}" != 1 ] && [ $# -eq 0 ]; then
    fuzz_failed=0
    for target in model csv arff catalog; do
        MB_FUZZ_BUILD_DIR=$fuzz_build MB_FUZZ_JOBS=$(nproc) scripts/fuzz.sh "$target" 100000000 \
            -max_total_time="${MB_FUZZ_SECONDS:-30}" || fuzz_failed=1
    done
    [ "$fuzz_failed" -eq 0 ]
fi
