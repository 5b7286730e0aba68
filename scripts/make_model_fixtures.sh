#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Writes the model-file fixtures of format version 1 under tests/data/models/: every learner,
# every archive kind, trained on the iris and weather.nominal samples, plus the probabilities
# each must keep predicting. Run once per format version; the committed files are then loaded
# by tst_model_fixtures on every build, forever. Usage: scripts/make_model_fixtures.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${1:-build}/app/modelbench-cli
out=tests/data/models
mkdir -p "$out"
for data in iris.csv weather.nominal.arff; do
    stem=${data%%.*}
    for algo in tree forest gbt logreg knn nb; do
        params=()
        # Small forests keep the fixtures small; what matters is that every part is stored.
        [ "$algo" = forest ] && params=(--param n_estimators=10)
        [ "$algo" = gbt ] && params=(--param max_iter=10)
        for kind in binary text xml; do
            "$cli" train "sample:$data" --algo "$algo" "${params[@]}" --seed 1 --threads 1 \
                --out "$out/$stem-$algo.$kind.mbm" --format "$kind" >/dev/null
        done
        "$cli" predict "$out/$stem-$algo.binary.mbm" "sample:$data" --proba --out "$out/$stem-$algo.expected.csv"
    done
done
echo "wrote $(ls "$out" | wc -l) files to $out"
