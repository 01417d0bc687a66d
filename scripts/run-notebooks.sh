#!/usr/bin/env bash
# `make run`: runs each of the documents' notebooks (notebooks/*.ipynb) with coil
# and prints their output.
#
# coil cannot execute Python yet (the compiler and VM come next); until it can,
# this parses every code cell of every notebook with coil and prints each cell
# with coil's verdict, so that `make run` shows what coil already does.
set -uo pipefail
cd "$(dirname "$0")/.."
coil=${1:-build/coil}
cells=$(mktemp -d)
trap 'rm -rf "$cells"' EXIT
status=0
for notebook in notebooks/*.ipynb; do
  echo "== $notebook"
  python3 - "$notebook" "$cells" <<'PY'
import json, os, sys
notebook, directory = sys.argv[1], sys.argv[2]
for old in os.listdir(directory):
    os.remove(os.path.join(directory, old))
cells = [c for c in json.load(open(notebook, encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
for number, cell in enumerate(cells, 1):
    with open(os.path.join(directory, "cell%02d.py" % number), "w", encoding="utf-8") as out:
        out.write("".join(cell["source"]))
PY
  for cell in "$cells"/cell*.py; do
    name=$(basename "$cell" .py)
    if "$coil" --parse "$cell" 2> "$cells/error"; then
      echo "-- $name: parsed"
    else
      echo "-- $name: SyntaxError (as in CPython when the cell is tagged raises-exception):"
      sed 's/^/   /' "$cells/error"
    fi
  done
done
exit $status
