#!/usr/bin/env bash
# `make run`: runs each of the documents' notebooks (notebooks/*.ipynb) with coil
# and prints their output.
set -uo pipefail
cd "$(dirname "$0")/.."
coil=${1:-build/coil}
shopt -s nullglob
notebooks=(notebooks/*.ipynb)
if [ ${#notebooks[@]} -eq 0 ]; then
  echo "run-notebooks: notebooks/ holds no notebook yet; coil is built at $coil"
  exit 0
fi
status=0
for notebook in "${notebooks[@]}"; do
  echo "== $notebook"
  "$coil" "$notebook" || status=1
done
exit $status
