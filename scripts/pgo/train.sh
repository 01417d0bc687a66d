#!/usr/bin/env bash
# The workload a profile-guided build is trained on (see the Makefile's
# `build`): the programs beside this script, which exercise what ordinary
# Python code spends its time on, and the parser over the modules of lib/.
# Usage: train.sh COIL
set -euo pipefail
coil=$1
here=$(dirname "$0")
for program in "$here"/*.py; do
  "$coil" "$program" 3 > /dev/null
done
find "$here/../../lib" -name '*.py' -print0 | xargs -0 "$coil" --parse > /dev/null
