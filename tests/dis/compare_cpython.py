#!/usr/bin/env python3
"""Compares `coil --dis` with what CPython 3.11 compiles, instruction by
instruction, for each code object of each file given.

Both listings are reduced to what the two instruction sets share: CPython's
RESUME, PRECALL, CACHE and generator prologue (RETURN_GENERATOR, POP_TOP)
are dropped; its JUMP_FORWARD / JUMP_BACKWARD / POP_JUMP_FORWARD_IF_* …
become coil's JUMP / POP_JUMP_IF_*; jump targets and exception-table
offsets become instruction numbers. Then the opcodes, the arguments'
meanings, the source positions, the exception table and the stack size are
compared.

    python3 tests/dis/compare_cpython.py --coil build/coil FILE...
    python3 tests/dis/compare_cpython.py --coil build/coil --stdlib [--show N]

Prints the first differences of each file that differs and ends with
"N files identical, M differ, K failed to compile".
"""
import argparse
import dis
import os
import re
import subprocess
import sys
import sysconfig

DROP = {"RESUME", "PRECALL", "CACHE", "RETURN_GENERATOR", "EXTENDED_ARG"}
RENAME = {
    "JUMP_FORWARD": "JUMP",
    "JUMP_BACKWARD": "JUMP",
    "JUMP_BACKWARD_NO_INTERRUPT": "JUMP",
    "POP_JUMP_FORWARD_IF_FALSE": "POP_JUMP_IF_FALSE",
    "POP_JUMP_BACKWARD_IF_FALSE": "POP_JUMP_IF_FALSE",
    "POP_JUMP_FORWARD_IF_TRUE": "POP_JUMP_IF_TRUE",
    "POP_JUMP_BACKWARD_IF_TRUE": "POP_JUMP_IF_TRUE",
    "POP_JUMP_FORWARD_IF_NONE": "POP_JUMP_IF_NONE",
    "POP_JUMP_BACKWARD_IF_NONE": "POP_JUMP_IF_NONE",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
}
JUMPS = {"JUMP", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE", "POP_JUMP_IF_NONE",
         "POP_JUMP_IF_NOT_NONE", "JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP",
         "FOR_ITER", "SEND"}
CODE_REPR = re.compile(r"<code object (\S+)(?: at 0x[0-9a-f]+)?, file \"[^\"]*\", line (\d+)>")


def normalize_arg(opname, argrepr):
    if opname == "KW_NAMES":
        return ""
    argrepr = CODE_REPR.sub(r"<code \1 line \2>", argrepr or "")
    if argrepr.startswith("frozenset({"):
        # The order of a frozenset of strings changes with the hash seed.
        return "frozenset(%d chars)" % len(argrepr)
    return argrepr


class Code:
    """One code object, reduced: name, first line, instructions as
    (opname, argument, position), exception table as instruction numbers."""

    def __init__(self, name, firstlineno):
        self.name = name
        self.firstlineno = firstlineno
        self.instructions = []
        self.exception_table = []
        self.stacksize = None


def cpython_codes(path):
    with open(path, "rb") as f:
        source = f.read()
    top = compile(source, path, "exec", flags=0x2000, dont_inherit=True)  # top-level await
    out = []

    def visit(co):
        code = Code(co.co_name, co.co_firstlineno)
        code.stacksize = co.co_stacksize
        instructions = list(dis.get_instructions(co))
        # The generator prologue: RETURN_GENERATOR, POP_TOP.
        for k, i in enumerate(instructions):
            if i.opname == "RETURN_GENERATOR":
                del instructions[k + 1]
                break
        kept = [i for i in instructions if i.opname not in DROP]
        index_of = {}
        for n, i in enumerate(kept):
            index_of[i.offset] = n
        offsets = [i.offset for i in kept]

        def index_at_or_after(offset):
            for n, o in enumerate(offsets):
                if o >= offset:
                    return n
            return len(offsets)

        def index_at_or_before(offset):
            best = -1
            for n, o in enumerate(offsets):
                if o <= offset:
                    best = n
            return best

        for i in kept:
            name = RENAME.get(i.opname, i.opname)
            if name in JUMPS:
                arg = "to #%d" % index_at_or_after(i.argval)
            else:
                arg = normalize_arg(name, i.argrepr)
            p = i.positions
            pos = (p.lineno, p.col_offset, p.end_lineno, p.end_col_offset) if p else None
            code.instructions.append((name, arg, pos))
        for entry in dis._parse_exception_table(co):
            start = index_at_or_after(entry.start)
            end = index_at_or_before(entry.end - 2)
            if end < start:
                continue
            code.exception_table.append(
                (start, end, index_at_or_after(entry.target), entry.depth, entry.lasti))
        code.exception_table = merge_entries(code.exception_table)
        out.append(code)
        for c in co.co_consts:
            if hasattr(c, "co_code"):
                visit(c)

    visit(top)
    return out


def merge_entries(entries):
    merged = []
    for e in entries:
        if merged and merged[-1][1] + 1 == e[0] and merged[-1][2:] == e[2:]:
            merged[-1] = (merged[-1][0], e[1]) + e[2:]
        else:
            merged.append(e)
    return merged


LINE = re.compile(r"^\s*(\d+)?\s+(>>)?\s*(\d+) (\w+)(?:\s+(\d+))?(?: \((.*)\))?(?:  @(\S+))?$")
ENTRY = re.compile(r"^  (\d+) to (\d+) -> (\d+) \[(\d+)\]( lasti)?$")
HEADER = re.compile(r"^Disassembly of <code object (.*), file \"[^\"]*\", line (\d+)>:$")


def coil_codes(coil, path):
    env = dict(os.environ, COIL_DIS_POSITIONS="1")
    result = subprocess.run([coil, "--dis", path], capture_output=True, text=True, env=env,
                            timeout=120)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip()
                           else "exit status %d" % result.returncode)
    codes = []
    current = Code("<module>", 1)
    raw = []
    table = []

    def finish():
        offsets = [r[0] for r in raw]

        def index_at_or_after(offset):
            for n, o in enumerate(offsets):
                if o >= offset:
                    return n
            return len(offsets)

        def index_at_or_before(offset):
            best = -1
            for n, o in enumerate(offsets):
                if o <= offset:
                    best = n
            return best

        for offset, name, arg, argrepr, pos in raw:
            if name == "EXTENDED_ARG":
                continue
            if name in JUMPS:
                a = "to #%d" % index_at_or_after(int(arg))
            else:
                a = normalize_arg(name, argrepr)
            current.instructions.append((name, a, pos))
        ext = [n for n, r in enumerate(raw) if r[1] == "EXTENDED_ARG"]
        entries = []
        for start, end, target, depth, lasti in table:
            entries.append((index_at_or_after(start), index_at_or_before(end),
                            index_at_or_after(target), depth, lasti))
        # EXTENDED_ARG units are dropped from the numbering.
        def shift(n):
            return n - sum(1 for e in ext if e < n)
        current.exception_table = merge_entries(
            [(shift(a), shift(b), shift(c), d, e) for a, b, c, d, e in entries])
        codes.append(current)

    for line in result.stdout.splitlines():
        if line.startswith("StackSize: "):
            current.stacksize = int(line.split()[1])
            continue
        m = HEADER.match(line)
        if m:
            finish()
            current = Code(m.group(1), int(m.group(2)))
            raw = []
            table = []
            continue
        m = ENTRY.match(line)
        if m:
            table.append((int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)),
                          bool(m.group(5))))
            continue
        m = LINE.match(line)
        if m:
            pos = None
            if m.group(7):
                start, end = m.group(7).split("-")
                l1, c1 = start.split(":")
                l2, c2 = end.split(":")
                conv = lambda v: None if v == "?" else int(v)
                pos = (conv(l1), conv(c1), conv(l2), conv(c2))
            raw.append((int(m.group(3)), m.group(4), m.group(5), m.group(6) or "", pos))
    finish()
    return codes


def compare(coil, path, show):
    try:
        expected = cpython_codes(path)
    except (SyntaxError, ValueError):
        return None, []
    try:
        actual = coil_codes(coil, path)
    except Exception as e:  # noqa: BLE001 - report and go on
        return False, ["coil failed: %s" % e]
    problems = []
    by_key = {}
    for c in actual:
        by_key.setdefault((c.name, c.firstlineno), []).append(c)
    for want in expected:
        candidates = by_key.get((want.name, want.firstlineno))
        if not candidates:
            problems.append("%s (line %d): missing in coil" % (want.name, want.firstlineno))
            continue
        got = candidates.pop(0)
        where = "%s (line %d)" % (want.name, want.firstlineno)
        for n, (w, g) in enumerate(zip(want.instructions, got.instructions)):
            if w[:2] != g[:2]:
                problems.append("%s #%d: CPython %s %s, coil %s %s" % (where, n, w[0], w[1], g[0], g[1]))
                break
            if w[2] != g[2] and not (w[2] is None or g[2] is None and w[2][0] is None):
                problems.append("%s #%d %s: CPython position %s, coil %s" % (where, n, w[0], w[2], g[2]))
                break
        else:
            if len(want.instructions) != len(got.instructions):
                problems.append("%s: CPython has %d instructions, coil %d" %
                                (where, len(want.instructions), len(got.instructions)))
            elif want.exception_table != got.exception_table:
                problems.append("%s: exception table CPython %s, coil %s" %
                                (where, want.exception_table, got.exception_table))
            elif want.stacksize != got.stacksize:
                problems.append("%s: stack size CPython %s, coil %s" %
                                (where, want.stacksize, got.stacksize))
        if len(problems) >= show:
            break
    return not problems, problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coil", required=True)
    parser.add_argument("--stdlib", action="store_true", help="every .py file of python3's stdlib")
    parser.add_argument("--show", type=int, default=3, help="differences shown per file")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = list(args.files)
    if args.stdlib:
        root = sysconfig.get_paths()["stdlib"]
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
            files += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py")]
    same = differ = failed = 0
    for path in files:
        ok, problems = compare(args.coil, path, args.show)
        if ok is None:
            continue
        if ok:
            same += 1
            continue
        if problems and problems[0].startswith("coil failed"):
            failed += 1
        else:
            differ += 1
        print(path)
        for p in problems:
            print("   ", p)
    print("%d files identical, %d differ, %d failed to compile" % (same, differ, failed))
    return 0 if differ == 0 and failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
