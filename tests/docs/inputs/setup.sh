#!/usr/bin/env bash
# Run in the example folder before a document's examples: the model files they start from.
set -e
modelbench-cli train sample:iris.csv --algo nb --out churn.mbm > /dev/null
