#!/usr/bin/env python3
"""The notebook runner's tests (cli/notebook.cpp, DESIGN §6).

    python3 tests/notebook/run.py --coil build/coil [test names...]

Each tests/notebook/*.ipynb pins one behaviour of `coil NOTEBOOK.ipynb`,
`--check` and `--execute`. Their stored outputs are CPython's, made by
Jupyter itself:

    /usr/bin/python3 scripts/make-notebook-outputs.py tests/notebook/*.ipynb

(the outputs of a person pausing up to 60 s after each cell; a cell calling
asyncio.run() holds what python3 prints for it as a script). Where what is
checked is coil's own — which cell a task's late output lands in under a
short --settle, the exit status, the diff --check prints — the expectation
is written in the test below. tests/notebook/malformed/ holds files that are
not nbformat 4 notebooks: each must end in an error message, never a crash.

Every test returns a list of problems (empty when it passes). Ends with a
`N passed, N failed` line.
"""
import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MALFORMED = os.path.join(HERE, "malformed")
CRASH_SIGNS = ("terminate called", "Sanitizer", "runtime error:", "Segmentation fault", "Aborted")


class Coil:
    def __init__(self, path, scratch):
        self.path = path
        self.scratch = scratch

    def run(self, *args, timeout=60):
        """Runs coil; returns (status, stdout, stderr) as text."""
        result = subprocess.run([self.path, *args], capture_output=True, timeout=timeout)
        return (result.returncode, result.stdout.decode("utf-8", "replace"),
                result.stderr.decode("utf-8", "replace"))

    def copy(self, name_or_notebook, as_name=None):
        """A fixture (by name) or a notebook (a dict) written to the scratch
        folder, for runs that change it (--execute) or variants of it."""
        if isinstance(name_or_notebook, str):
            source = fixture_path(name_or_notebook)
            target = os.path.join(self.scratch, as_name or os.path.basename(source))
            shutil.copyfile(source, target)
        else:
            target = os.path.join(self.scratch, as_name or "variant.ipynb")
            with open(target, "w") as f:
                json.dump(name_or_notebook, f, indent=1)
        return target


def fixture_path(name):
    return os.path.join(HERE, name if name.endswith(".ipynb") else name + ".ipynb")


def load(path_or_name):
    path = path_or_name if os.path.exists(path_or_name) else fixture_path(path_or_name)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def text(value):
    return value if isinstance(value, str) else "".join(value)


def code_cells(notebook):
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def cell_outputs(cell):
    """A cell's stored outputs as {stdout, stderr, result, error}."""
    out = {"stdout": "", "stderr": "", "result": None, "error": None}
    for output in cell.get("outputs", []):
        kind = output["output_type"]
        if kind == "stream":
            out[output["name"]] += text(output["text"])
        elif kind == "execute_result":
            out["result"] = text(output["data"]["text/plain"])
        elif kind == "error":
            out["error"] = (output["ename"], output["evalue"])
    return out


def crashed(status, stderr):
    return status < 0 or status >= 128 or any(sign in stderr for sign in CRASH_SIGNS)


def expect(problems, what, expected, actual):
    if expected != actual:
        problems.append(f"{what}: expected {expected!r}, got {actual!r}")


def expect_in(problems, what, needle, haystack):
    if needle not in haystack:
        problems.append(f"{what}: {needle!r} not in {haystack!r}")


def check(coil, path, *options):
    """`coil --virtual-time [options] --check PATH`: (status, stdout, stderr)."""
    return coil.run("--virtual-time", *options, "--check", path)


def expect_check_passes(problems, coil, path, *options):
    status, out, err = check(coil, path, *options)
    if status != 0 or not out.endswith("every cell matches\n") or crashed(status, err):
        problems.append(f"--check {os.path.basename(path)}: status {status}\n{out}{err}")


def expect_check_fails(problems, coil, path, needles, *options):
    """--check must exit 1, print "differs" last and each of `needles`."""
    status, out, err = check(coil, path, *options)
    if status != 1 or not out.endswith("differs\n") or crashed(status, err):
        problems.append(f"--check {os.path.basename(path)} should fail: status {status}\n{out}{err}")
        return
    for needle in needles:
        expect_in(problems, "--check's report", needle, out)


def run_stdout_of(notebook):
    """What `coil NOTEBOOK` prints on stdout for a notebook whose stored
    outputs it reproduces: each cell's stdout, then its echoed result."""
    printed = ""
    for cell in code_cells(notebook):
        if "nbval-skip" in tags(cell):
            continue
        out = cell_outputs(cell)
        printed += out["stdout"] + (out["result"] + "\n" if out["result"] is not None else "")
    return printed


# --- Running: one namespace, one loop, settling, echo, errors ---------------------

def test_namespace(coil):
    """Names defined in one cell (a variable, a function, an import) are seen
    by the next ones; the namespace is __main__'s, as in Jupyter."""
    problems = []
    status, out, err = coil.run("--virtual-time", fixture_path("namespace"))
    expect(problems, "exit status", 0, status)
    expect(problems, "stdout", "[1, 42] 2\n'__main__'\n", out)
    expect(problems, "stdout as CPython's", run_stdout_of(load("namespace")), out)
    expect(problems, "stderr", "", err)
    expect_check_passes(problems, coil, fixture_path("namespace"))
    return problems


def test_loop_across_cells(coil):
    """A task created in cell 1 waits on a future that cell 2 resolves and is
    awaited in cell 3: one loop, alive between cells; what the task prints
    once woken belongs to cell 2 (it ran in cell 2's pause)."""
    problems = []
    status, out, err = coil.run("--virtual-time", fixture_path("loop_across_cells"))
    expect(problems, "exit status", 0, status)
    expect(problems, "stdout",
           "task created\nstill pending: True\nsame loop: True\nwaiter got 21\n42\n", out)
    expect(problems, "stderr", "", err)
    expect_check_passes(problems, coil, fixture_path("loop_across_cells"))
    # The same on the real clock: nothing here sleeps.
    status, out, err = coil.run("--check", fixture_path("loop_across_cells"))
    expect(problems, "--check in real time", (0, "every cell matches\n"), (status, out[-19:]))
    return problems


def executed_stdout(coil, path, *options):
    """Runs `coil [options] --execute PATH`; each code cell's stdout as stored."""
    status, out, err = coil.run(*options, "--execute", path)
    if status != 0 or crashed(status, err):
        return None, f"--execute: status {status}\n{out}{err}"
    return [cell_outputs(cell)["stdout"] for cell in code_cells(load(path))], None


def test_settle_default(coil):
    """A fire-and-forget task (it sleeps 2.5 s) finishes in the pause after
    its cell, well within the default 60 s: its output is that cell's."""
    problems = []
    expect_check_passes(problems, coil, fixture_path("settle"))
    status, out, err = coil.run("--virtual-time", fixture_path("settle"))
    expect(problems, "exit status", 0, status)
    expect(problems, "stdout", run_stdout_of(load("settle")), out)
    return problems


def test_settle_cut_short(coil):
    """--settle 1: the pause after a cell ends after 1 s of loop time, the
    task still sleeping; each later cell's pause lets another second pass,
    and the task's last line (at 2.5 s) lands in cell 4, whose pause spans
    2 s to 3 s. `--check` with CPython's outputs (a full pause) then fails."""
    problems = []
    path = coil.copy("settle")
    stdout, problem = executed_stdout(coil, path, "--virtual-time", "--settle", "1")
    if problem:
        return [problem]
    expect(problems, "stdout of each cell", [
        "",
        "cell 2 ends\nfire-and-forget starts\n",
        "cell 3\n",
        "cell 4\nfire-and-forget ends\n",
        "cell 5\n",
    ], stdout)
    expect_check_fails(problems, coil, fixture_path("settle"),
                       ["cell 2 differs", "  - fire-and-forget ends", "cell 4 differs", "  + fire-and-forget ends"],
                       "--settle", "1")
    return problems


def test_settle_cut_short_real_time(coil):
    """The same on the real clock, with the task sleeping 0.5 s and pauses of
    0.3 s: its last line comes during cell 3's pause (0.3 s to 0.6 s)."""
    problems = []
    notebook = load("settle")
    cell = code_cells(notebook)[1]
    cell["source"] = text(cell["source"]).replace("2.5", "0.5")
    path = coil.copy(notebook, "settle_real_time.ipynb")
    stdout, problem = executed_stdout(coil, path, "--settle", "0.3")
    if problem:
        return [problem]
    expect(problems, "stdout of each cell", [
        "",
        "cell 2 ends\nfire-and-forget starts\n",
        "cell 3\nfire-and-forget ends\n",
        "cell 4\n",
        "cell 5\n",
    ], stdout)
    return problems


def test_settle_zero_loop_time(coil):
    """--settle 0: no loop time passes between cells; the sleeping task's
    last line comes when a later cell gives the loop time (here none does),
    and the run still ends at once with status 0."""
    problems = []
    path = coil.copy("settle")
    stdout, problem = executed_stdout(coil, path, "--virtual-time", "--settle", "0")
    if problem:
        return [problem]
    expect(problems, "stdout of each cell", [
        "", "cell 2 ends\nfire-and-forget starts\n", "cell 3\n", "cell 4\n", "cell 5\n"], stdout)
    return problems


def test_virtual_time(coil):
    """--virtual-time: the notebooks' sleeps (2.5 s in settle, 0.5 s in tags)
    take no real time."""
    problems = []
    start = time.monotonic()
    expect_check_passes(problems, coil, fixture_path("settle"))
    elapsed = time.monotonic() - start
    if elapsed > 2:
        problems.append(f"settle.ipynb took {elapsed:.1f} s under --virtual-time")
    return problems


def test_echo(coil):
    """A cell's last expression is echoed as Jupyter echoes it: its repr,
    not None, not after a `;`, not inside a block; after `;`-separated
    statements on its line it is still echoed (`y = 3; y`)."""
    problems = []
    notebook = load("echo")
    status, out, err = coil.run("--virtual-time", fixture_path("echo"))
    expect(problems, "exit status", 0, status)
    expect(problems, "stdout", run_stdout_of(notebook), out)
    expect(problems, "stderr", "", err)
    expect_check_passes(problems, coil, fixture_path("echo"))
    # The cells CPython echoes, by source, as a cross-check of the fixture.
    echoed = [text(c["source"]) for c in code_cells(notebook) if cell_outputs(c)["result"] is not None]
    expect(problems, "the cells Jupyter echoed", [
        "1 + 1", "x  # a comment", "'text'", "[x, None, 'a']", "1; 2", "y = 3; y", "(1,\n 2)",
        "x\n# a comment on the last line\n", "import asyncio\nawait asyncio.sleep(0, 'awaited')",
        "class Shape:\n    def __repr__(self):\n        return 'Shape()'\n\nShape()", "print('a'); 'b'",
    ], echoed)
    return problems


def test_error_continues(coil):
    """A cell that raises shows its traceback on stderr; the next cell runs;
    the exit status is 1. Under --check the error matches CPython's, but an
    untagged raising cell is still a failure."""
    problems = []
    status, out, err = coil.run("--virtual-time", fixture_path("errors"))
    expect(problems, "exit status", 1, status)
    expect(problems, "stdout", "before\npartial output\nafter\n", out)
    expect_in(problems, "stderr", "Traceback (most recent call last):\n", err)
    expect_in(problems, "stderr", "ValueError: bad value\n", err)
    if crashed(status, err):
        problems.append("crashed: " + err)
    status, out, err = check(coil, fixture_path("errors"))
    expect(problems, "--check exit status", 1, status)
    expect_in(problems, "--check's report", "cell 2 raised ValueError: bad value, and is not tagged raises-exception", out)
    if "differs (" in out:
        problems.append("--check found outputs differing: " + out)
    return problems


def test_echo_before_pause_output(coil):
    """In a plain run, a cell's echoed result comes when the cell ends, before
    what its tasks print in the pause after it (Jupyter shows the result
    first too)."""
    source = ("import asyncio\n"
              "async def later():\n"
              "    await asyncio.sleep(1)\n"
              "    print('printed in the pause')\n"
              "task = asyncio.create_task(later())\n"
              "41 + 1\n")
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                           "source": source}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    status, out, err = coil.run("--virtual-time", coil.copy(notebook, "echo_order.ipynb"))
    problems = []
    expect(problems, "exit status", 0, status)
    expect(problems, "stdout", "42\nprinted in the pause\n", out)
    return problems


# python3's report of running `source` as the file `filename` (its source
# lines known to linecache), without the frame of the program running it.
CPYTHON_REPORT = """
import linecache, sys, traceback
source, filename = sys.argv[1], sys.argv[2]
linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
try:
    exec(compile(source, filename, "exec"), {})
except BaseException as error:
    chunks = traceback.format_exception(error)
    print("".join(c for c in chunks if not c.startswith('  File "<string>"')), end="")
"""


def cpython_report(source, filename):
    result = subprocess.run([sys.executable, "-c", CPYTHON_REPORT, source, filename], capture_output=True,
                            text=True)
    return result.stdout.splitlines()


def test_execute_stores_traceback(coil):
    """--execute stores an error's traceback as its lines, as python3 prints
    them (the cell's file and line, the source line, the exception), and a
    SyntaxError's report the same way."""
    sources = ["def f():\n    raise ValueError('bad')\nf()\n", "x = (1,\n"]
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                           "source": source} for source in sources],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = coil.copy(notebook, "traceback_stored.ipynb")
    status, out, err = coil.run("--virtual-time", "--execute", path)
    problems = []
    expect(problems, "exit status", 1, status)
    errors = [output for cell in code_cells(load(path)) for output in cell["outputs"]
              if output["output_type"] == "error"]
    if len(errors) != 2:
        return problems + [f"expected 2 error outputs, found {len(errors)}"]
    expect(problems, "the traceback", cpython_report(sources[0], "<cell 1>"), errors[0]["traceback"])
    expect(problems, "the SyntaxError's last line", cpython_report(sources[1], "<cell 2>")[-1],
           errors[1]["traceback"][-1] if errors[1]["traceback"] else None)
    return problems


def test_traceback_of_echoed_expression(coil):
    """An error in the echoed expression after `;` shows the cell's line with
    the carets under the expression, as python3 shows that line of a script."""
    source = "x = 1; undefined_name\n"
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                           "source": source}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    status, out, err = coil.run(coil.copy(notebook, "echoed_error.ipynb"))
    script = os.path.join(coil.scratch, "echoed_error.py")
    with open(script, "w") as f:
        f.write(source)
    cpython = subprocess.run([sys.executable, script], capture_output=True, text=True).stderr
    problems = []
    expect(problems, "exit status", 1, status)
    expect(problems, "the traceback's last lines", cpython.splitlines()[-3:], err.splitlines()[-3:])
    return problems


def test_raises_exception(coil):
    """Cells tagged raises-exception (a ValueError, a SyntaxError, a
    NameError) show their errors and are not failures, in a run as under
    --check; the cell after them runs."""
    problems = []
    status, out, err = coil.run("--virtual-time", fixture_path("raises_exception"))
    expect(problems, "exit status", 0, status)
    expect(problems, "stdout", "partial output\nafter\n", out)
    for line in ("ValueError: bad value\n", "SyntaxError: invalid syntax\n",
                 "NameError: name 'undefined_name' is not defined\n"):
        expect_in(problems, "stderr", line, err)
    expect_check_passes(problems, coil, fixture_path("raises_exception"))
    # Without its tag, each raising cell fails --check.
    notebook = load("raises_exception")
    for cell in code_cells(notebook):
        cell["metadata"].pop("tags", None)
    status, out, err = check(coil, coil.copy(notebook, "untagged.ipynb"))
    expect(problems, "untagged: --check exit status", 1, status)
    for number in (1, 2, 3):
        expect_in(problems, "untagged: --check's report", f"cell {number} raised ", out)
    return problems


def test_asyncio_run(coil):
    """asyncio.run() in a cell runs its coroutine to the end, as python3 runs
    it in a script; top-level await works; asyncio.run() inside a coroutine
    raises CPython's RuntimeError; the top-level loop still runs after."""
    problems = []
    status, out, err = coil.run("--virtual-time", fixture_path("asyncio_run"))
    expect(problems, "exit status", 0, status)
    expect(problems, "stdout", run_stdout_of(load("asyncio_run")), out)
    expect_in(problems, "stdout", "in main\ndone\n", out)
    expect_in(problems, "stdout", "asyncio.run() cannot be called from a running event loop\n", out)
    expect(problems, "stderr", "", err)
    expect_check_passes(problems, coil, fixture_path("asyncio_run"))
    return problems


def test_sources(coil):
    """Markdown and raw cells are neither run nor counted; a code cell's
    source may be one string or a list of lines (nbformat allows both)."""
    problems = []
    status, out, err = coil.run("--virtual-time", fixture_path("sources"))
    expect(problems, "exit status", 0, status)
    expect(problems, "stdout", "line one\nline two\n", out)
    expect_check_passes(problems, coil, fixture_path("sources"))
    for form, convert in (("strings", text), ("lists", lambda s: text(s).splitlines(keepends=True))):
        notebook = load("sources")
        for cell in notebook["cells"]:
            cell["source"] = convert(cell["source"])
        expect_check_passes(problems, coil, coil.copy(notebook, f"sources_{form}.ipynb"))
    return problems


# --- --check: what it compares, and the tags ---------------------------------------

def mutated(name, change):
    notebook = load(name)
    change(code_cells(notebook))
    return notebook


def output_of(cell, kind, name=None):
    for output in cell["outputs"]:
        if output["output_type"] == kind and (name is None or output.get("name") == name):
            return output
    raise KeyError(kind)


def test_check_reports_differences(coil):
    """--check compares stdout, stderr, the echoed result and the error's
    name and message; a stored output changed in any of them is reported
    (the part, "-" stored, "+" coil's) with exit status 1."""
    problems = []
    expect_check_passes(problems, coil, fixture_path("streams"))

    def set_stream(number, name, value):
        return lambda cells: output_of(cells[number], "stream", name).update(text=value)

    def set_result(value):
        return lambda cells: output_of(cells[1], "execute_result")["data"].update({"text/plain": value})

    def set_error(field, value):
        return lambda cells: output_of(cells[2], "error").update({field: value})

    def drop(number, kind):
        return lambda cells: cells[number].update(
            outputs=[o for o in cells[number]["outputs"] if o["output_type"] != kind])

    cases = [
        ("stdout", set_stream(0, "stdout", "to stdout!\n"),
         ["cell 1 differs", "  stdout:\n  - to stdout!\n  + to stdout\n"]),
        ("stdout line missing", set_stream(0, "stdout", "to stdout\nmore\n"),
         ["cell 1 differs", "  - more\n"]),
        ("stderr", set_stream(0, "stderr", "to the other stream\n"),
         ["cell 1 differs", "  stderr:\n  - to the other stream\n  + to stderr\n"]),
        ("result", set_result("'another result'"),
         ["cell 2 differs", "  result:\n  - 'another result'\n  + 'a result'\n"]),
        ("no result stored", drop(1, "execute_result"), ["cell 2 differs", "  result:\n  + 'a result'\n"]),
        ("error message", set_error("evalue", "'elsewhere'"),
         ["cell 3 differs", "  error:\n  - KeyError: 'elsewhere'\n  + KeyError: 'missing'\n"]),
        ("error name", set_error("ename", "IndexError"),
         ["cell 3 differs", "  - IndexError: 'missing'\n"]),
        ("no error stored", drop(2, "error"), ["cell 3 differs", "  error:\n  + KeyError: 'missing'\n"]),
    ]
    for what, change, needles in cases:
        before = len(problems)
        expect_check_fails(problems, coil, coil.copy(mutated("streams", change), "streams_changed.ipynb"), needles)
        for i in range(before, len(problems)):
            problems[i] = f"[{what}] {problems[i]}"
    return problems


def test_tag_nbval_skip(coil):
    """nbval-skip: the cell is not run (its name stays undefined, its print
    is not seen), in a run as under --check."""
    problems = []
    status, out, err = coil.run("--virtual-time", fixture_path("tags"))
    expect(problems, "exit status", 0, status)
    if "must not run" in out:
        problems.append("the nbval-skip cell ran: " + out)
    expect(problems, "cell 2's line", "False", out.splitlines()[0] if out else None)
    expect_check_passes(problems, coil, fixture_path("tags"))
    return problems


def test_tag_nbval_ignore_output(coil):
    """nbval-ignore-output: the cell runs (a random number) but its output is
    not compared; without the tag it differs."""
    problems = []
    expect_check_passes(problems, coil, fixture_path("tags"))

    def untag(cells):
        cells[2]["metadata"]["tags"].remove("nbval-ignore-output")
    expect_check_fails(problems, coil, coil.copy(mutated("tags", untag), "untagged.ipynb"), ["cell 3 differs"])
    return problems


def test_tag_unordered_output(coil):
    """unordered-output: lines compared as a multiset (a set's iteration
    order); the stored lines in another order still match, a missing one
    does not; without the tag, order counts."""
    problems = []
    stored = cell_outputs(code_cells(load("tags"))[3])["stdout"].splitlines(keepends=True)

    def store(lines, keep_tag=True):
        def change(cells):
            output_of(cells[3], "stream", "stdout")["text"] = lines
            if not keep_tag:
                cells[3]["metadata"]["tags"].remove("unordered-output")
        return change
    for lines in (sorted(stored), sorted(stored, reverse=True)):
        expect_check_passes(problems, coil, coil.copy(mutated("tags", store(lines)), "reordered.ipynb"))
    expect_check_fails(problems, coil, coil.copy(mutated("tags", store(stored[1:])), "fewer.ipynb"), ["cell 4 differs"])
    expect_check_fails(problems, coil, coil.copy(mutated("tags", store(stored + ["fig\n"])), "more.ipynb"),
                       ["cell 4 differs"])
    # Two different orders cannot both be coil's.
    failures = 0
    for lines in (sorted(stored), sorted(stored, reverse=True)):
        status, out, err = check(coil, coil.copy(mutated("tags", store(lines, keep_tag=False)), "ordered.ipynb"))
        failures += status == 1 and "cell 4 differs" in out
    expect(problems, "untagged: orders that fail", True, failures >= 1)
    return problems


def test_tag_approx_output(coil):
    """approx-output: numbers compared within 10% (a timing printed as
    "took 0.50 s"); 5% off matches, 30% off does not; without the tag, 5%
    off does not either."""
    problems = []
    stored = cell_outputs(code_cells(load("tags"))[4])["stdout"]
    seconds = float(stored.split()[1])

    def store(factor, keep_tag=True):
        def change(cells):
            output_of(cells[4], "stream", "stdout")["text"] = f"took {seconds * factor:.2f} s\n"
            if not keep_tag:
                cells[4]["metadata"]["tags"].remove("approx-output")
        return change
    expect_check_passes(problems, coil, coil.copy(mutated("tags", store(1.05)), "near.ipynb"))
    expect_check_fails(problems, coil, coil.copy(mutated("tags", store(1.3)), "far.ipynb"), ["cell 5 differs"])
    expect_check_fails(problems, coil, coil.copy(mutated("tags", store(1.05, keep_tag=False)), "exact.ipynb"),
                       ["cell 5 differs"])
    return problems


def test_tag_raises_exception(coil):
    """raises-exception on a cell whose error matches: --check passes; the
    tag removed: --check fails though every output matches."""
    problems = []
    expect_check_passes(problems, coil, fixture_path("streams"))

    def untag(cells):
        cells[2]["metadata"]["tags"].remove("raises-exception")
    status, out, err = check(coil, coil.copy(mutated("streams", untag), "untagged.ipynb"))
    expect(problems, "exit status", 1, status)
    expect_in(problems, "--check's report", "cell 3 raised KeyError: 'missing', and is not tagged raises-exception", out)
    return problems


# --- --execute ---------------------------------------------------------------------

OUTPUT_KEYS = {
    "stream": {"output_type", "name", "text"},
    "execute_result": {"output_type", "data", "metadata", "execution_count"},
    "error": {"output_type", "ename", "evalue", "traceback"},
}


def format_problems(notebook):
    """The nbformat 4 rules for what --execute writes, checked by hand (the
    schema's required keys and types for code cells and their outputs)."""
    problems = []
    if notebook.get("nbformat") != 4 or not isinstance(notebook.get("nbformat_minor"), int):
        problems.append("nbformat version")
    count = 0
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        where = f"cell {index + 1}"
        number = cell.get("execution_count")
        if "nbval-skip" in tags(cell):
            if number is not None:
                problems.append(f"{where}: a skipped cell has execution_count {number}")
            continue
        count += 1
        if number != count:
            problems.append(f"{where}: execution_count {number}, expected {count}")
        if not isinstance(cell.get("outputs"), list):
            problems.append(f"{where}: outputs not a list")
            continue
        for output in cell["outputs"]:
            kind = output.get("output_type")
            if kind not in OUTPUT_KEYS or set(output) != OUTPUT_KEYS[kind]:
                problems.append(f"{where}: output {output}")
            elif kind == "stream":
                if output["name"] not in ("stdout", "stderr") or not isinstance(output["text"], (str, list)):
                    problems.append(f"{where}: stream {output}")
            elif kind == "execute_result":
                if (output["execution_count"] != number or not isinstance(output["data"].get("text/plain"), (str, list))
                        or output["metadata"] != {}):
                    problems.append(f"{where}: execute_result {output}")
            elif kind == "error":
                if not (isinstance(output["ename"], str) and isinstance(output["evalue"], str)
                        and isinstance(output["traceback"], list)
                        and all(isinstance(line, str) for line in output["traceback"])):
                    problems.append(f"{where}: error {output}")
    return problems


NBFORMAT_VALIDATE = """\
import os, sys, nbformat
for path in sys.argv[1:]:
    try:
        nbformat.validate(nbformat.read(path, as_version=nbformat.NO_CONVERT))
    except Exception as error:
        print(os.path.basename(path) + ": " + str(error).splitlines()[0])
"""
NBFORMAT_PYTHON = []  # the python3 that can import nbformat, once found


def nbformat_python():
    if not NBFORMAT_PYTHON:
        candidates = [sys.executable, shutil.which("python3"), "/usr/bin/python3"]
        found = ""
        for python in candidates:
            if python and subprocess.run([python, "-c", "import nbformat"], capture_output=True).returncode == 0:
                found = python
                break
        NBFORMAT_PYTHON.append(found)
    return NBFORMAT_PYTHON[0]


def nbformat_problems(paths):
    """nbformat.validate's verdict on the files, when a python3 here has nbformat."""
    python = nbformat_python()
    if not python:
        return []
    result = subprocess.run([python, "-c", NBFORMAT_VALIDATE, *paths], capture_output=True, text=True)
    return ["nbformat.validate: " + line for line in (result.stdout + result.stderr).splitlines()]


def without_file_name(outputs):
    """A SyntaxError's message names the cell's file, which Jupyter and coil
    call differently: "invalid syntax (1850221797.py, line 1)"."""
    if outputs["error"] and outputs["error"][0] == "SyntaxError":
        outputs["error"] = (outputs["error"][0], re.sub(r" \(.*, line \d+\)$", "", outputs["error"][1]))
    return outputs


def test_execute(coil):
    """--execute stores each cell's outputs as nbformat 4 output objects:
    the file stays valid JSON that nbformat accepts, the outputs are
    CPython's (those stored in the fixture), and --check then passes."""
    problems = []
    written = []
    for name in ("streams", "echo", "namespace", "loop_across_cells", "settle", "asyncio_run", "sources", "tags",
                 "raises_exception", "errors"):
        original = load(name)
        cleared = copy.deepcopy(original)
        for cell in code_cells(cleared):
            cell["outputs"] = []
            cell["execution_count"] = None
        path = coil.copy(cleared, f"executed_{name}.ipynb")
        status, out, err = coil.run("--virtual-time", "--execute", path)
        expected_status = 1 if name == "errors" else 0
        if status != expected_status or crashed(status, err) or out:
            problems.append(f"{name}: --execute status {status}\n{out}{err}")
            continue
        try:
            executed = load(path)
        except ValueError as error:
            problems.append(f"{name}: --execute wrote no JSON: {error}")
            continue
        written.append(path)
        problems += [f"{name}: {p}" for p in format_problems(executed)]
        for number, (mine, theirs) in enumerate(zip(code_cells(executed), code_cells(original)), 1):
            cell_tags = tags(theirs)
            if {"nbval-skip", "nbval-ignore-output", "unordered-output", "approx-output"} & set(cell_tags):
                continue
            expect(problems, f"{name} cell {number}'s outputs",
                   without_file_name(cell_outputs(theirs)), without_file_name(cell_outputs(mine)))
        status, out, err = check(coil, path)
        if status != expected_status or (name != "errors" and not out.endswith("every cell matches\n")):
            problems.append(f"{name}: --check after --execute: status {status}\n{out}{err}")
    return problems + nbformat_problems(written)


def test_execute_stores_undecodable_output(coil):
    """Bytes that are not UTF-8, written to file descriptor 1, are stored as
    U+FFFD: the notebook stays JSON (and is not emptied by a failed write)."""
    problems = []
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                           "source": "import os\nos.write(1, b'caf\\xe9\\n');"}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = coil.copy(notebook, "undecodable.ipynb")
    status, out, err = coil.run("--execute", path)
    expect(problems, "exit status", 0, status)
    try:
        stored = cell_outputs(code_cells(load(path))[0])["stdout"]
        expect(problems, "stored stdout", "caf\ufffd\n", stored)
    except ValueError as error:
        problems.append(f"the notebook is no longer JSON: {error}")
    if crashed(status, err):
        problems.append("crashed: " + err)
    return problems


# --- Malformed notebooks -----------------------------------------------------------

# Each file of tests/notebook/malformed/, and what coil's message says.
MALFORMED_MESSAGES = {
    "bad_json.ipynb": "parse error at line 1, column 64: syntax error while parsing value - unexpected '}'",
    "empty.ipynb": "parse error at line 1, column 1: syntax error while parsing value - unexpected end of input",
    "not_utf8.ipynb": "ill-formed UTF-8 byte",
    "not_an_object.ipynb": "it is not a JSON object",
    "nbformat3.ipynb": "it is nbformat 3, and coil runs nbformat 4",
    "no_version.ipynb": "it has no nbformat version",
    "no_cells.ipynb": "it has no list of cells",
    "cells_not_a_list.ipynb": "it has no list of cells",
    "cell_not_an_object.ipynb": "cell 2 of the notebook is not an object",
    "cell_type_not_a_string.ipynb": "cell 1 of the notebook has no cell_type",
    "source_not_text.ipynb": "cell 1 of the notebook has no source text",
    "source_list_of_numbers.ipynb": "cell 1 of the notebook has no source text",
    "outputs_not_a_list.ipynb": "cell 1 of the notebook has outputs that are not a list",
    "output_not_an_object.ipynb": "cell 1 of the notebook has an output that is not one",
}


def malformed_cases(coil):
    """(name, path, the message's end) for each malformed file."""
    cases = [(name, os.path.join(MALFORMED, name), message) for name, message in sorted(MALFORMED_MESSAGES.items())]
    folder = os.path.join(coil.scratch, "folder.ipynb")
    os.makedirs(folder, exist_ok=True)
    cases.append(("folder.ipynb", folder, "it is a folder"))
    return cases


def test_malformed(coil):
    """Each malformed file (tests/notebook/malformed/, listed with what
    its message says in MALFORMED_MESSAGES) ends, in each mode, in one line on stderr
    "coil: FILE is not a notebook: WHY" and exit status 1, never a crash;
    --execute leaves the file as it was."""
    problems = []
    listed = set()
    for name, path, message in malformed_cases(coil):
        listed.add(name)
        for mode in ((), ("--check",), ("--execute",)):
            target = path
            if mode == ("--execute",) and os.path.isfile(path):
                target = os.path.join(coil.scratch, name)
                shutil.copyfile(path, target)
            status, out, err = coil.run(*mode, target)
            what = f"{name} {' '.join(mode) or '(run)'}"
            if crashed(status, err):
                problems.append(f"{what}: crashed, status {status}: {err}")
                continue
            expect(problems, f"{what}: exit status", 1, status)
            expect(problems, f"{what}: stdout", "", out)
            if not (err.startswith(f"coil: {target} is not a notebook: ") and message in err
                    and err.count("\n") == 1):
                problems.append(f"{what}: stderr {err!r}, expected a message with {message!r}")
            if target != path:
                with open(path, "rb") as a, open(target, "rb") as b:
                    if a.read() != b.read():
                        problems.append(f"{what}: the file was changed")
    on_disk = {f for f in os.listdir(MALFORMED) if f.endswith(".ipynb")}
    if on_disk - listed:
        problems.append(f"not in MALFORMED_MESSAGES: {sorted(on_disk - listed)}")
    return problems


def test_missing_file(coil):
    """A notebook that does not exist: "can't open file", status 2, as
    coil (and CPython) answer for a missing script."""
    problems = []
    path = os.path.join(coil.scratch, "missing.ipynb")
    for mode in ((), ("--check",), ("--execute",)):
        status, out, err = coil.run(*mode, path)
        expect(problems, f"{mode} exit status", 2, status)
        expect(problems, f"{mode} stderr", f"coil: can't open file '{path}'\n", err)
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coil", default="build/coil")
    parser.add_argument("names", nargs="*", help="run only these tests")
    args = parser.parse_args()
    coil_path = os.path.abspath(args.coil)
    tests = [(name, f) for name, f in globals().items() if name.startswith("test_") and callable(f)]
    if args.names:
        tests = [(name, f) for name, f in tests if name in args.names or name[5:] in args.names]
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="coil-notebook-tests-") as scratch:
        coil = Coil(coil_path, scratch)
        for name, test in tests:
            try:
                problems = test(coil)
            except Exception as error:  # a test that cannot finish is a failure
                problems = [f"{type(error).__name__}: {error}"]
            if problems:
                failed += 1
                print(f"FAIL {name}: {test.__doc__.split(chr(10))[0]}")
                for problem in problems:
                    print("  " + problem.replace("\n", "\n  "))
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
