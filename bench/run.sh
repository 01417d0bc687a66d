#!/usr/bin/env bash
# `make bench`: coil side by side with Debian's optimized CPython
# (/usr/bin/python3), alternating runs, median of RUNS (default 5), printed
# as the ratio coil / CPython (below 1 means coil is faster).
#
# Measured: parsing the whole standard library (coil --parse against
# CPython's ast.parse of the same files), importing json, re, collections,
# dataclasses, logging, datetime and asyncio, then the interpreter scripts of
# ../shared/bench through its run_peers.sh, Debian's CPython first so that
# each ratio is coil's time over CPython's, then the event-loop scripts with
# uvloop on Debian's CPython first, so that each ratio is over uvloop's.
set -uo pipefail
cd "$(dirname "$0")/.."
coil=${1:-build/coil}
runs=${RUNS:-5}
python=${BENCH_PYTHON:-/usr/bin/python3}
[ -x "$python" ] || python=python3

stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
files=$(mktemp)
trap 'rm -f "$files"' EXIT
find "$stdlib" -name '*.py' -not -path '*/site-packages/*' | sort > "$files"

# Wall time of one run of a command, in seconds.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {print b - a}' 
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

coil_times=()
cpython_times=()
for ((i = 0; i < runs; i++)); do
  coil_times+=("$(seconds xargs -a "$files" "$coil" --parse)")
  cpython_times+=("$(seconds xargs -a "$files" "$python" bench/parse_stdlib.py)")
done
coil_median=$(printf '%s\n' "${coil_times[@]}" | median)
cpython_median=$(printf '%s\n' "${cpython_times[@]}" | median)
ratio=$(awk -v a="$coil_median" -v b="$cpython_median" 'BEGIN {print a / b}')

printf '%-24s %10s %10s %8s\n' benchmark "coil s" "cpython s" ratio
printf '%-24s %10.3f %10.3f %8.2f\n' "parse stdlib ($(wc -l < "$files") files)" \
  "$coil_median" "$cpython_median" "$ratio"

# Importing the modules real async scripts start with.
imports='import json, re, collections, dataclasses, logging, datetime, asyncio'
coil_times=()
cpython_times=()
for ((i = 0; i < runs; i++)); do
  coil_times+=("$(seconds "$coil" -c "$imports")")
  cpython_times+=("$(seconds "$python" -c "$imports")")
done
coil_median=$(printf '%s\n' "${coil_times[@]}" | median)
cpython_median=$(printf '%s\n' "${cpython_times[@]}" | median)
ratio=$(awk -v a="$coil_median" -v b="$cpython_median" 'BEGIN {print a / b}')
printf '%-24s %10.3f %10.3f %8.2f\n' "import json, re, …" "$coil_median" "$cpython_median" "$ratio"

# The interpreter benchmarks, side by side (../shared/bench/README.md).
peers=../shared/bench/run_peers.sh
if [ -x "$peers" ] || [ -f "$peers" ]; then
  echo
  bash "$peers" --no-defaults -n "$runs" \
    -b "${BENCHES:-empty fib loop_sum nbody dict_str oop list_sort generators exceptions}" \
    cpython="$python" coil="$PWD/$coil"
  if "$python" -c 'import uvloop' 2> /dev/null; then
    echo
    bash "$peers" --no-defaults -n "$runs" \
      -b "${LOOP_BENCHES:-spawn_gather ping_pong ping_pong_queue sleep_switch many_timers semaphore lock tcp_echo idle_tasks}" \
      uvloop="env USE_UVLOOP=1 $python" cpython="$python" coil="$PWD/$coil"
  fi
fi
