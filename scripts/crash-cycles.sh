#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The long crash runs of issue 8: SIGKILL a registering process CYCLES times (SQLite catalog,
# then PostgreSQL) and a saving process CYCLES times, checking after every kill that nothing
# acknowledged was lost and that a model file is always complete. The test suite runs the
# same cases 100 times each.
#   scripts/crash-cycles.sh [BUILD_DIR] [CYCLES]     (defaults: build, 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
export MB_CRASH_CYCLES=${2:-1000}
export QT_QPA_PLATFORM=offscreen
# 1,000 cycles outlast Qt Test's default of 5 minutes per test function.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-7200000}

run() {
    echo "== $*"
    "$@" 2>&1 | grep -E "QINFO|FAIL|SKIP|Totals"
    return "${PIPESTATUS[0]}"
}
status=0
run "$build/tests/tst_catalog_concurrency" sigkillNeverLosesAnAcknowledgedRegistration || status=1
MB_TEST_CATALOG_BACKEND=postgresql \
    run "$build/tests/tst_catalog_concurrency" sigkillNeverLosesAnAcknowledgedRegistration || status=1
run "$build/tests/tst_model_save_crash" sigkillDuringSaveLeavesTheOldOrTheNewFile || status=1
exit $status
