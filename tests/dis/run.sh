#!/usr/bin/env bash
# The compiler's golden tests: each tests/dis/NAME.py's `coil --dis` listing
# must equal NAME.dis, a listing reviewed against what CPython 3.11's dis
# shows for the same source (tests/dis/compare_cpython.py checks the two
# instruction by instruction).
#
#   tests/dis/run.sh [--regen] [COIL]     COIL defaults to build/coil
#
# --regen rewrites the .dis files from the current compiler; review the diff
# before committing it. Ends with "dis: N passed, M failed".
set -uo pipefail
regen=0
if [ "${1:-}" = "--regen" ]; then
  regen=1
  shift
fi
here="$(cd "$(dirname "$0")" && pwd)"
coil=${1:-$here/../../build/coil}
# A relative COIL is taken from where the script is run.
case "$coil" in
  /*) ;;
  *) coil="$(cd "$(dirname "$coil")" && pwd)/$(basename "$coil")" ;;
esac
cd "$here"
passed=0
failed=0
for source in *.py; do
  [ "$source" = compare_cpython.py ] && continue
  expected="${source%.py}.dis"
  if ! actual=$("$coil" --dis "$source" 2>&1); then
    echo "FAIL $source: coil --dis failed"
    echo "$actual" | tail -5
    failed=$((failed + 1))
    continue
  fi
  if [ $regen -eq 1 ]; then
    printf '%s\n' "$actual" > "$expected"
    passed=$((passed + 1))
  elif [ -f "$expected" ] && [ "$actual" = "$(cat "$expected")" ]; then
    passed=$((passed + 1))
  else
    echo "FAIL $source"
    diff <(printf '%s\n' "$actual") "$expected" | head -20
    failed=$((failed + 1))
  fi
done
echo "dis: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
