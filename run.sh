#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds Release, and starts ModelBench. Arguments go to the app,
# e.g. ./run.sh sample:iris.csv
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh
build_dir=${MB_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" -j"$(nproc)" --target modelbench modelbench-cli
exec "$build_dir/app/modelbench" "$@"
