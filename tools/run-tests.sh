#!/usr/bin/env bash
# Runs every test project (the fault drills last) and prints one closing line 'N passed, N failed, N skipped' summed over the trx reports.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS="$ROOT/.accessgrid/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

run() { dotnet test "$@" -c Release --nologo -v quiet --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS"; }
# Everything but the fault drills, test projects side by side; then the drills alone, because they time recovery
# and start silos of their own (a busy machine would measure the other tests, not the fault).
if [[ " $* " == *" --filter "* ]]; then
  run "$ROOT/AccessGrid.sln" "$@"; rc=$?     # the caller chose the tests
else
  run "$ROOT/AccessGrid.sln" --filter "Category!=Drill" "$@"; rc=$?
  run "$ROOT/tests/Ops.Tests" --no-build --filter "Category=Drill" "$@" || rc=$?
fi

sum() { grep -ho "$1=\"[0-9]*\"" "$RESULTS"/*.trx 2>/dev/null | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
passed=$(sum passed); failed=$(sum failed); total=$(sum total); executed=$(sum executed)
skipped=$((total - executed))
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "the test run itself failed (build error or crashed host); see above" >&2; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
