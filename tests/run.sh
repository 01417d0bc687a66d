#!/usr/bin/env bash
# Runs every test suite against one build directory (build/ or build-asan/)
# and ends with a `N passed, N failed` line summing them all.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
coil=$build/coil
passed=0
failed=0

# Adds a suite's result to the totals, from its own closing line.
tally() {
  local summary=$1
  local p f
  p=$(sed -n 's/.*\b\([0-9]\+\) passed.*/\1/p' <<<"$summary" | tail -1)
  f=$(sed -n 's/.* \([0-9]\+\) failed.*/\1/p' <<<"$summary" | tail -1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-1}))
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "== unit tests ($build)"
if out=$("$build/unit_tests" --gtest_brief=1 2>&1); then status=0; else status=1; fi
echo "$out" | tail -20
p=$(sed -n 's/.*PASSED.* \([0-9]\+\) test.*/\1/p' <<<"$out")
f=$(sed -n 's/.*FAILED.* \([0-9]\+\) test.*/\1/p' <<<"$out" | head -1)
[ "$status" -ne 0 ] && [ -z "$f" ] && f=1
tally "${p:-0} passed, ${f:-0} failed"

for mode in "" --positions --symtable; do
  echo "== front-end corpus ${mode:---ast}: the standard library, tests/corpus/extra, the notebooks ($build)"
  out=$(python3 tests/corpus/ast_corpus.py --coil "$coil" --show 3 $mode)
  echo "$out" | tail -25
  tally "$(tail -1 <<<"$out")"
done

echo "== syntax errors ($build)"
out=$(python3 tests/corpus/ast_corpus.py --coil "$coil" --show 5 tests/syntax_errors/*.py)
echo "$out" | tail -25
tally "$(tail -1 <<<"$out")"

# Inputs that once crashed coil (found by `make fuzz`): each must end in a
# tree or an error, exit status 0 or 1, with nothing from the sanitizers.
echo "== fuzz regressions ($build)"
fuzz_passed=0
fuzz_failed=0
for input in tests/fuzz/regressions/*; do
  "$coil" --ast "$input" > /dev/null 2> "$build/fuzz-stderr"
  status=$?
  if [ $status -le 1 ] && ! grep -q "Sanitizer\|runtime error:" "$build/fuzz-stderr"; then
    fuzz_passed=$((fuzz_passed + 1))
  else
    fuzz_failed=$((fuzz_failed + 1))
    echo "FAIL $input (exit status $status)"
    tail -5 "$build/fuzz-stderr"
  fi
done
echo "$fuzz_passed passed, $fuzz_failed failed"
tally "$fuzz_passed passed, $fuzz_failed failed"

# The compiler's golden tests: the exact bytecode of key constructs.
echo "== dis golden tests ($build)"
out=$(bash tests/dis/run.sh "$PWD/$coil")
echo "$out" | tail -10
tally "$(tail -1 <<<"$out")"

# The conformance scripts' expectations are checked against python3 once, in
# the release run; under the sanitizers only coil's answers are checked.
echo "== conformance ($build)"
drift=""
[ "$build" != "build" ] && drift="--no-cpython"
out=$(python3 tests/conformance/run.py --coil "$coil" $drift)
echo "$out" | tail -25
tally "$(tail -1 <<<"$out")"

# The asyncio scripts once more on the real clock (release run only): the
# simulated clock must not be what makes them pass.
if [ "$build" = "build" ]; then
  echo "== asyncio conformance in real time ($build)"
  out=$(python3 tests/conformance/run.py --coil "$coil" --no-cpython --real-time asyncio)
  echo "$out" | tail -25
  tally "$(tail -1 <<<"$out")"
fi

# The documents' notebooks: every cell prints what CPython printed
# (stored in the notebook), under virtual time.
echo "== notebooks ($build)"
nb_passed=0
nb_failed=0
for notebook in notebooks/*.ipynb; do
  if out=$("$coil" --virtual-time --check "$notebook" 2>&1) && ! grep -q "Sanitizer\|runtime error:" <<<"$out"; then
    nb_passed=$((nb_passed + 1))
  else
    nb_failed=$((nb_failed + 1))
    echo "FAIL $notebook"
    echo "$out" | tail -20
  fi
done
echo "$nb_passed passed, $nb_failed failed"
tally "$nb_passed passed, $nb_failed failed"

# The notebook runner itself (tests/notebook/): one small notebook per
# behaviour of `coil NOTEBOOK`, --check and --execute, and malformed files.
echo "== notebook runner ($build)"
out=$(python3 tests/notebook/run.py --coil "$coil" 2>&1)
echo "$out" | tail -25
tally "$(tail -1 <<<"$out")"

# coil's deliberate differences from CPython (tests/differences/): each
# example prints its .out, with nothing on stderr.
echo "== differences ($build)"
diff_passed=0
diff_failed=0
for example in tests/differences/*.py; do
  if COIL_VIRTUAL_TIME=1 timeout 60 "$coil" "$example" > "$build/difference-stdout" 2> "$build/difference-stderr" &&
     cmp -s "$build/difference-stdout" "${example%.py}.out" && [ ! -s "$build/difference-stderr" ]; then
    diff_passed=$((diff_passed + 1))
  else
    diff_failed=$((diff_failed + 1))
    echo "FAIL $example"
    diff "$build/difference-stdout" "${example%.py}.out" | head -5
    head -5 "$build/difference-stderr"
  fi
done
echo "$diff_passed passed, $diff_failed failed"
tally "$diff_passed passed, $diff_failed failed"

# The REPL, typed at through a pseudo-terminal (tests/repl/).
echo "== repl ($build)"
if python3 -c "import pty" 2>/dev/null; then
  out=$(python3 tests/repl/run.py --coil "$coil" 2>&1)
  echo "$out" | tail -25
  tally "$(tail -1 <<<"$out")"
else
  echo "python3 has no pty module: the REPL tests are skipped"
fi

echo "$build: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
