"""Parses every .py file of the standard library with CPython's ast.parse.

The CPython side of the parser benchmark: bench/run.sh times this against
`coil --parse` over the same file list. Prints the number of files parsed.
"""
import ast
import sys

files = sys.argv[1:]
parsed = 0
for path in files:
    with open(path, "rb") as f:
        source = f.read()
    try:
        ast.parse(source)
        parsed += 1
    except (SyntaxError, ValueError):
        pass
print(parsed, "files parsed")
