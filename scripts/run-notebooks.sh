#!/usr/bin/env bash
# `make run`: runs each of the documents' notebooks (notebooks/*.ipynb) with
# coil, printing every cell's output, then checks each against the outputs
# CPython gave (stored in the notebook). Virtual time: the documents' sleeps
# cost nothing and print the same.
set -uo pipefail
cd "$(dirname "$0")/.."
coil=${1:-build/coil}
status=0
for notebook in notebooks/*.ipynb; do
  echo "== $notebook"
  "$coil" --virtual-time "$notebook" || status=1
done
echo
echo "== checking every cell against CPython's stored output"
for notebook in notebooks/*.ipynb; do
  "$coil" --virtual-time --check "$notebook" || status=1
done
exit $status
