#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fuzzes the model file loader: kept for old habits, same as scripts/fuzz.sh model [RUNS] [...].
exec "$(dirname "$0")/fuzz.sh" model "$@"
