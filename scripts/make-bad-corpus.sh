#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Writes the bad-input corpus under tests/data/bad/: broken CSV, ARFF, model files and
# catalogs, one file per case (tests/core/make_bad_corpus.cpp says how each is made). The files
# are committed; tst_bad_inputs opens each and checks what the user is told (docs/errors.md).
# Run again only to add a case or after a format change, then commit the files with the new
# rows of tst_bad_inputs. Usage: scripts/make-bad-corpus.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" -j1 --target make_bad_corpus
out=tests/data/bad
rm -rf "$out"/csv "$out"/arff "$out"/model "$out"/catalog  # keeps .gitattributes
"$build/tests/make_bad_corpus" "$PWD" "$out"
echo "$(find "$out" -type f ! -name .gitattributes | wc -l) files, $(du -sk "$out" | cut -f1) KiB in $out"
