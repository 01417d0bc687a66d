"""The front-end corpus: `coil --ast` against CPython's ast.dump, file by file
(or, with --symtable, `coil --symtable` against CPython's symtable module).

Runs under python3 (CPython 3.11, the reference). For every file it parses
the source with CPython's ast.parse and compares ast.dump's output with what
`coil --ast FILE` prints. A file CPython rejects must be rejected by coil with
the same error, printed the same way (file, line, source line, caret, message).

By default the files are every .py of the standard library python3 was
installed with (site-packages excepted), tests/corpus/extra/, and each code
cell of the documents' notebooks (notebooks/*.ipynb), written to a file of
its own. Prints a
line per failing file and ends with `N passed, M failed`; exit status 1 if any
failed.

    python3 tests/corpus/ast_corpus.py --coil build/coil [--positions | --symtable] [FILE...]
"""
import argparse
import ast
import concurrent.futures
import json
import os
import subprocess
import symtable
import sys
import sysconfig
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def stdlib_files():
    root = sysconfig.get_paths()["stdlib"]
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d != "site-packages")
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(directory, name)


def extra_files():
    root = os.path.join(HERE, "extra")
    if os.path.isdir(root):
        for name in sorted(os.listdir(root)):
            if name.endswith(".py"):
                yield os.path.join(root, name)


def notebook_cells(directory):
    """Writes each code cell of notebooks/*.ipynb to a file in `directory`."""
    root = os.path.join(HERE, "..", "..", "notebooks")
    if not os.path.isdir(root):
        return
    for name in sorted(os.listdir(root)):
        if not name.endswith(".ipynb"):
            continue
        with open(os.path.join(root, name), encoding="utf-8") as f:
            cells = json.load(f)["cells"]
        for index, cell in enumerate(cells):
            if cell["cell_type"] != "code":
                continue
            source = cell["source"]
            path = os.path.join(directory, "%s_cell%d.py" % (name[:-len(".ipynb")], index))
            with open(path, "w", encoding="utf-8") as out:
                out.write("".join(source) if isinstance(source, list) else source)
            yield path


def symtable_dump(table, depth=0):
    """The text `coil --symtable` prints for a table of CPython's symtable
    module: each block with its parameters, then its symbols by name with
    their raw flags (CPython's DEF_* bits and the scope at bit 11)."""
    raw = table._table
    indent = "  " * depth
    lines = ["%s%d %s line %d%s params=[%s]" % (indent, raw.type, raw.name, raw.lineno,
                                                 " nested" if raw.nested else "",
                                                 ", ".join(raw.varnames))]
    for name in sorted(raw.symbols):
        lines.append("%s  %s %d" % (indent, name, raw.symbols[name]))
    text = "\n".join(lines) + "\n"
    for child in table.get_children():
        text += symtable_dump(child, depth + 1)
    return text


PARSE_CODE = ("import ast, sys\n"
              "source = open(sys.argv[1], 'rb').read()\n"
              "compile(source, sys.argv[1], 'exec', ast.PyCF_ONLY_AST)\n")
SYMTABLE_CODE = ("import symtable, sys\n"
                 "source = open(sys.argv[1], 'rb').read()\n"
                 "symtable.symtable(source, sys.argv[1], 'exec')\n")


def cpython_error_text(path, code=PARSE_CODE):
    """What CPython prints for an uncaught SyntaxError from parsing `path`,
    from the `  File "…", line N` line on."""
    result = subprocess.run([sys.executable, "-c", code, path], capture_output=True)
    lines = result.stderr.decode("utf-8", "replace").splitlines(keepends=True)
    marker = '  File "%s"' % path
    for index, line in enumerate(lines):
        if line.startswith(marker):
            return "".join(lines[index:])
    return "".join(lines)


def expected(path, mode):
    """(kind, text): ("ast", dump) or ("error", CPython's printed error)."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return "error", cpython_error_text(path)
    if mode == "symtable":
        try:
            return "ast", symtable_dump(symtable.symtable(source, path, "exec"))
        except SyntaxError:
            return "error", cpython_error_text(path, SYMTABLE_CODE)
    return "ast", ast.dump(tree, include_attributes=(mode == "positions")) + "\n"


def check(coil, path, mode):
    """Returns None when coil agrees with CPython, else a description."""
    kind, want = expected(path, mode)
    option = {"ast": "--ast", "positions": "--ast-positions", "symtable": "--symtable"}[mode]
    try:
        result = subprocess.run([coil, option, path], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "timed out"
    out = result.stdout.decode("utf-8", "surrogateescape")
    err = result.stderr.decode("utf-8", "surrogateescape")
    if result.returncode < 0 or "Sanitizer" in err or "runtime error:" in err:
        return "crashed (status %d): %s" % (result.returncode, err[-2000:])
    if kind == "ast":
        if result.returncode != 0:
            return "rejected a valid file:\n" + err
        if out != want:
            return "tree differs:\n" + first_difference(want, out)
        return None
    if result.returncode != 1:
        return "accepted a file CPython rejects with:\n" + want
    if err != want:
        return "error differs:\n--- CPython\n%s--- coil\n%s" % (want, err)
    return None


def first_difference(want, got):
    index = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
    start = max(0, index - 300)
    return "  CPython: ...%s\n  coil:    ...%s\n" % (want[start:index + 200], got[start:index + 200])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="files to check (default: the stdlib and extra/)")
    parser.add_argument("--coil", default=os.path.join(HERE, "..", "..", "build", "coil"))
    parser.add_argument("--positions", action="store_true",
                        help="compare positions too (ast.dump with include_attributes=True)")
    parser.add_argument("--symtable", action="store_true",
                        help="compare symbol tables (coil --symtable) instead of trees")
    parser.add_argument("--show", type=int, default=5, help="print details of this many failures")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()

    cells = tempfile.TemporaryDirectory(prefix="coil-cells-")
    files = args.files or (list(stdlib_files()) + list(extra_files()) +
                           list(notebook_cells(cells.name)))
    failures = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        mode = "symtable" if args.symtable else "positions" if args.positions else "ast"
        results = pool.map(lambda path: (path, check(args.coil, path, mode)), files)
        for path, problem in results:
            if problem is not None:
                failures.append((path, problem))
                print("FAIL", path, "-", problem.splitlines()[0])
    for path, problem in failures[:args.show]:
        print("\n=== %s\n%s" % (path, problem))
    print("%d passed, %d failed" % (len(files) - len(failures), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
