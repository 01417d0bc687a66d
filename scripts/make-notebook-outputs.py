#!/usr/bin/python3
"""Stores CPython's outputs in the documents' notebooks (notebooks/*.ipynb).

Run it with Debian's Python, which has the Jupyter stack
(apt-get install -y python3-nbclient python3-ipykernel python3-nbformat):

    /usr/bin/python3 scripts/make-notebook-outputs.py [notebook.ipynb ...]

With no argument it does every notebook in notebooks/. For each notebook:

* Every code cell is executed in order by nbclient in one python3 kernel
  (allow_errors=True, 120 s per cell), except cells tagged `nbval-skip`
  (network or third-party packages), which are not run and keep no output.
* Jupyter's kernel already runs an event loop, so a cell calling asyncio.run()
  fails there with "RuntimeError: asyncio.run() cannot be called from a running
  event loop" (and one running an asyncio.Runner or loop.run_until_complete()
  with its kin: "Cannot run the event loop while another loop is running"). For
  exactly those cells the stored output is instead what
  `python3` prints when the cell's code is run as a script: its stdout and
  stderr become the cell's stream outputs, with no error output. When the cell
  uses names it does not define itself (say `asyncio`, imported by an earlier
  cell), the script is preceded by the earlier cells' top-level statements that
  define them (imports, functions, classes, assignments: the nearest earlier
  definition of each name, and what those need in turn); statements that only
  do something, like a call that prints, are not copied.
* After each cell, the kernel waits (up to 60 s) until the tasks the notebook's
  own code started have finished, as a person pausing before the next cell
  would; what they print then (a fire-and-forget task's line) is stored with
  the cell that started them, where Jupyter shows it live.
* Executed cells are numbered 1, 2, 3... in order; skipped cells have none.

Re-running it regenerates the same outputs (up to what the cells print that
varies by nature: measured timings, tagged approx-output). Notebooks are
written the way Jupyter writes them (JSON, indent 1).
"""
import argparse
import ast
import builtins
import pathlib
import re
import subprocess
import sys

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CELL_TIMEOUT = 120
SKIP_TAG = "nbval-skip"
# What Jupyter's running loop makes asyncio.run(), Runner.run() and
# loop.run_until_complete() raise.
RUNNING_LOOP_ERRORS = (
    "asyncio.run() cannot be called from a running event loop",
    "Runner.run() cannot be called from a running event loop",
    "Cannot run the event loop while another loop is running",
    "This event loop is already running",
)
# ipykernel compiles each cell into /tmp/ipykernel_<pid>/<hash>.py, and warnings
# name that file: the pid changes from run to run, so it is replaced by a fixed one.
IPYKERNEL_TMP = re.compile(r"(ipykernel_)\d+([\\/])")


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


# Run silently in the kernel after a cell failed on asyncio.run(): the coroutine
# it was handed never started, and the failed call's traceback (kept in
# sys.last_traceback) holds it; when a later cell's error frees it, Python would
# print "coroutine ... was never awaited" into that later cell. Closing it here
# keeps such leftovers of the Jupyter run (whose own outputs are replaced) out of
# the other cells.
CLOSE_UNSTARTED_COROUTINES = """\
def _close_unstarted_coroutines():
    import inspect, sys
    tb = sys.last_traceback
    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            if inspect.iscoroutine(value) and inspect.getcoroutinestate(value) == inspect.CORO_CREATED:
                value.close()
        tb = tb.tb_next
_close_unstarted_coroutines()
del _close_unstarted_coroutines
"""


# Run after each cell: waits while tasks started by the notebook's code (their
# coroutines come from the kernel's cell files) are still running.
SETTLE = """\
async def _settle():
    import asyncio
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    def started_by_cells(task):
        code = getattr(task.get_coro(), 'cr_code', None)
        return code is not None and 'ipykernel_' in code.co_filename
    while loop.time() < deadline:
        if not any(started_by_cells(t) and not t.done() for t in asyncio.all_tasks()
                   if t is not asyncio.current_task()):
            break
        await asyncio.sleep(0.05)
await _settle()
del _settle
"""


class SkippingClient(NotebookClient):
    """NotebookClient that leaves cells tagged nbval-skip unexecuted, and
    stores with each cell what its tasks print after it ends."""

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if cell.cell_type == "code" and SKIP_TAG in tags(cell):
            cell.outputs = []
            cell.execution_count = None
            return cell
        cell = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        if cell.cell_type != "code":
            return cell
        settle = nbformat.v4.new_code_cell(SETTLE)
        settle = await super().async_execute_cell(settle, cell_index, None, False)
        self.nb.cells[cell_index] = cell  # nbclient stored the settle cell in its place
        cell.outputs.extend(o for o in settle.outputs if o.output_type == "stream")
        if failed_on_asyncio_run(cell):
            msg_id = self.kc.execute(CLOSE_UNSTARTED_COROUTINES, silent=True, store_history=False)
            await self.async_wait_for_reply(msg_id)
        return cell


# ---------------------------------------------------------------------------
# Which earlier definitions a cell rerun as a script needs

BUILTINS = set(dir(builtins)) | {"__name__", "__file__", "__doc__", "__builtins__"}


def bound_names(stmt):
    """Names a top-level statement binds in the module namespace."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {stmt.name}
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in stmt.names}
    names = set()
    if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        for target in targets:
            for node in ast.walk(target):
                if isinstance(node, ast.Name):
                    names.add(node.id)
    return names


def all_bound_names(tree):
    """Every name the code binds at module level, including in if/for/with/try blocks."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def used_names(tree):
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def parse(source):
    try:
        return ast.parse(source)
    except SyntaxError:
        return None


def statement_source(source, stmt):
    lines = source.splitlines()
    first = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", [])])
    return "\n".join(lines[first - 1:stmt.end_lineno])


def prelude_for(cells, index):
    """Source of the earlier top-level definitions cell `index` depends on."""
    tree = parse(cells[index].source)
    if tree is None:
        return ""
    # Definitions available before the cell: (cell index, statement), newest last.
    definitions = []
    for i in range(index):
        cell = cells[i]
        if cell.cell_type != "code" or SKIP_TAG in tags(cell):
            continue
        earlier = parse(cell.source)
        if earlier is None:
            continue
        for stmt in earlier.body:
            if bound_names(stmt):
                definitions.append((i, stmt, cell.source))
    chosen = {}
    missing = used_names(tree) - all_bound_names(tree) - BUILTINS
    seen = set()
    while missing:
        name = missing.pop()
        seen.add(name)
        for i, stmt, source in reversed(definitions):
            if name in bound_names(stmt):
                key = (i, stmt.lineno)
                if key not in chosen:
                    chosen[key] = statement_source(source, stmt)
                    needs = used_names(stmt) - bound_names(stmt) - BUILTINS
                    missing |= needs - seen
                break
    return "\n\n".join(chosen[key] for key in sorted(chosen))


def run_as_script(code, python, cwd):
    result = subprocess.run(
        [python, "-"], input=code, capture_output=True, text=True,
        cwd=cwd, timeout=CELL_TIMEOUT,
    )
    outputs = []
    if result.stdout:
        outputs.append(nbformat.v4.new_output("stream", name="stdout", text=result.stdout))
    if result.stderr:
        outputs.append(nbformat.v4.new_output("stream", name="stderr", text=result.stderr))
    return outputs


def failed_on_asyncio_run(cell):
    return any(
        out.output_type == "error" and out.ename == "RuntimeError"
        and any(message in out.evalue for message in RUNNING_LOOP_ERRORS)
        for out in cell.get("outputs", [])
    )


def coalesce_streams(outputs):
    """Joins consecutive stream outputs of one stream (the kernel flushes them in
    pieces whose boundaries depend on timing), as Jupyter shows them."""
    merged = []
    for output in outputs:
        if (output.output_type == "stream" and merged and merged[-1].output_type == "stream"
                and merged[-1].name == output.name):
            merged[-1].text += output.text
        else:
            merged.append(output)
    return merged


def normalise(output):
    if output.output_type == "stream":
        output.text = IPYKERNEL_TMP.sub(r"\g<1>0\2", output.text)
    elif output.output_type == "error":
        output.traceback = [IPYKERNEL_TMP.sub(r"\g<1>0\2", line) for line in output.traceback]
    return output


def make_outputs(path, python):
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)

    client = SkippingClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()

    count = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or SKIP_TAG in tags(cell):
            continue
        count += 1
        cell.execution_count = count
        for output in cell.outputs:
            if "execution_count" in output:
                output.execution_count = count
        if failed_on_asyncio_run(cell):
            prelude = prelude_for(nb.cells, index)
            code = (prelude + "\n\n" if prelude else "") + cell.source + "\n"
            cell.outputs = run_as_script(code, python, str(path.parent))
            print(f"  cell {index}: asyncio.run() -> rerun as a script"
                  + (" after earlier definitions" if prelude else ""))
        cell.outputs = [normalise(out) for out in coalesce_streams(cell.outputs)]

    nbformat.validate(nb)
    nbformat.write(nb, str(path))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=pathlib.Path)
    parser.add_argument("--python", default=sys.executable,
                        help="the python3 that runs asyncio.run() cells as scripts (default: this one)")
    args = parser.parse_args()
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        print(f"== {path}", flush=True)
        make_outputs(path.resolve(), args.python)


if __name__ == "__main__":
    main()
