"""Generates tests/unit/parser_test.cpp: each case's expected tree or
SyntaxError is what CPython 3.11 (python3) gives for it.

    python3 tests/unit/gen/parser_test_gen.py > tests/unit/parser_test.cpp
"""
import ast
import sys

# Trees, by construct family: (family, [source, ...]).
TREES = [
    ("SimpleStatements", [
        "x = 1\n",
        "a = b = c\n",
        "a, *b = c\n",
        "[a, (b, c)] = d\n",
        "a.b[c] = d\n",
        "x = yield\n",
        "x = yield from y\n",
        "x += 1\n",
        "a.b **= c\n",
        "a[b] //= c\n",
        "x @= y\n",
        "x: int\n",
        "x: int = 1\n",
        "(x): int = 1\n",
        "a.b: int\n",
        "a[0]: int = yield\n",
        "del a, b.c, d[e]\n",
        "del (a, b), [c]\n",
        "del a,\n",
        "pass; break; continue\n",
        "return\n",
        "return *a, b\n",
        "return a,\n",
        "raise\n",
        "raise E\n",
        "raise E from e\n",
        "global a, b\n",
        "nonlocal a\n",
        "assert x\n",
        "assert x, 'message'\n",
        "import a\n",
        "import a.b.c as d, e\n",
        "from a import b\n",
        "from a.b import (c as d, e,)\n",
        "from . import a\n",
        "from .. import a\n",
        "from ... import a\n",
        "from .... import a\n",
        "from ...a.b import *\n",
        "from .a import b as c\n",
        "x = 1;\n",
        "*a, = b\n",
        "a = *b, c\n",
    ]),
    ("CompoundStatements", [
        "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass\n",
        "while x:\n    break\nelse:\n    pass\n",
        "for x in y:\n    continue\nelse:\n    pass\n",
        "for x, *y in *a, b:\n    pass\n",
        "for (a, b), c, in d: pass\n",
        "async def f():\n    async for x in y: pass\n    async with a as b, c: pass\n    await z\n",
        "with a: pass\n",
        "with a as b, c as (d, e): pass\n",
        "with (a as b, c as d): pass\n",
        "with (a as b, c as d,): pass\n",
        "with (a, b): pass\n",
        "with (a, b) as c: pass\n",
        "with (a): pass\n",
        "with (a), b: pass\n",
        "with (a, *b): pass\n",
        "with (yield): pass\n",
        "with (x := f()): pass\n",
        "with (a.b as c[0]): pass\n",
        "try:\n    pass\nexcept:\n    pass\n",
        "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
        "try:\n    pass\nfinally:\n    pass\n",
        "try:\n    pass\nexcept* E:\n    pass\nexcept* (A, B) as e:\n    pass\nelse:\n    pass\n",
        "def f(): pass\n",
        "def f(a, b=1, *args, c, d=2, **kwargs): pass\n",
        "def f(a, /, b, *, c): pass\n",
        "def f(a=1, /, b=2, *c, d): pass\n",
        "def f(a: int, *b: str, c: 'x' = 1, **d: float) -> None: pass\n",
        "def f(*args: *Ts): pass\n",
        "def f(a, b,): pass\n",
        "def f(**kw,): pass\n",
        "@dec\n@dec.attr(1)\n@(lambda f: f)\n@a[0] if b else c\ndef f(): pass\n",
        "async def f(): pass\n",
        "@d\nasync def f(): return await x\n",
        "class A: pass\n",
        "class A(): pass\n",
        "class A(B, C, metaclass=M, *a, **k): pass\n",
        "@d\nclass A(B,): x = 1\n",
        "if x: a; b\n",
        "if x:\n    if y:\n        pass\n    a = 1\nb = 2\n",
    ]),
    ("Match", [
        "match x:\n    case 1:\n        pass\n",
        "match x:\n    case -1 | 1.5 | -2j | 1+2j | -1-2j | 'a' 'b' | b'c' | None | True | False:\n        pass\n",
        "match x:\n    case y:\n        pass\n    case _:\n        pass\n",
        "match x:\n    case a.b | a.b.c:\n        pass\n",
        "match x:\n    case (a):\n        pass\n    case (a,):\n        pass\n    case ():\n        pass\n    case []:\n        pass\n",
        "match x:\n    case [a, *rest]:\n        pass\n    case (a, b, *_):\n        pass\n    case a, *b:\n        pass\n",
        "match x:\n    case {}:\n        pass\n    case {'k': v, 1: w, a.b: c, **rest}:\n        pass\n    case {**rest}:\n        pass\n    case {None: a, True: b,}:\n        pass\n",
        "match x:\n    case Point():\n        pass\n    case Point(1, y=2):\n        pass\n    case a.B(c, d=[e], f={}):\n        pass\n    case C(x=1,):\n        pass\n",
        "match x:\n    case [1, 2] as y if y > 0:\n        pass\n    case (1 | 2) as z:\n        pass\n",
        "match a, *b:\n    case _:\n        pass\n",
        "match (a, b):\n    case _:\n        pass\n",
        "match x,:\n    case _:\n        pass\n",
        "match = 1\ncase = 2\nmatch.case = match[case]\n",
        "match(x)\n",
        "_ = 1\n",
    ]),
    ("Expressions", [
        "a + b * c - d / e // f % g @ h ** i ** j\n",
        "-a + +b - ~c\n",
        "a | b ^ c & d << e >> f\n",
        "a < b <= c == d != e > f >= g is h is not i in j not in k\n",
        "not a and b or c and not d\n",
        "a or b or c\n",
        "a and b and c\n",
        "(a or b) or c\n",
        "a if b else c if d else e\n",
        "lambda: 0\n",
        "lambda a, b=1, *c, d, e=2, **f: 0\n",
        "lambda a, /, b: 0\n",
        "lambda *, a: 0\n",
        "lambda *a, **b: a\n",
        "lambda a=lambda: 1: a\n",
        "(x := 1)\n",
        "[y := f(x), y**2]\n",
        "f(x := 1)\n",
        "a[b := 1]\n",
        "await x\n",
        "await x ** 2\n",
        "-x ** 2\n",
        "(yield)\n",
        "(yield a, b)\n",
        "x = yield *a, b\n",
        "f(a)(b)[c].d\n",
        "a[1:2]\n",
        "a[1:2, ::3]\n",
        "a[:]\n",
        "a[::]\n",
        "a[1:2:]\n",
        "a[x, y]\n",
        "a[x,]\n",
        "a[*b]\n",
        "a[*b, c]\n",
        "a[b, *c]\n",
        "a[()]\n",
        "f()\n",
        "f(a, b=1, *c, d=2, **e)\n",
        "f(*a, *b, c=1, **d, **e)\n",
        "f(a=1, *b)\n",
        "f(x for x in y)\n",
        "f((x for x in y), z)\n",
        "f(a)(x for x in y if z)\n",
        "f(a,)\n",
        "print(*a, **k)\n",
        "a.b.c\n",
        "...\n",
        "None, True, False\n",
        "1, 1.5, 1j, 1e10, 0x1F, 0o17, 0b101, 1_000_000, 10**100\n",
        "0xFFFFFFFFFFFFFFFFFFFFFFFF\n",
        "1.5j + .5 + 5.\n",
        "()\n",
        "(a)\n",
        "(a,)\n",
        "((a, b),)\n",
        "[]\n",
        "[a, *b, c]\n",
        "{}\n",
        "{a: b, **c, d: e}\n",
        "{a, *b}\n",
        "{a,}\n",
        "*a, b\n",
        "[x for x in y]\n",
        "[x for x in y if a if b for z in w]\n",
        "{x for x in y}\n",
        "{k: v for k, v in items}\n",
        "(x for x in y)\n",
        "[x async for x in y]\n",
        "[x for x, in y]\n",
        "[(x, y) for x in a for y in b]\n",
        "[x for x in a if x if not x]\n",
        "[lambda: x for x in y]\n",
        "[x if y else z for x in w]\n",
        "[x for x in (yield)]\n",
    ]),
    ("Strings", [
        "'a'\n",
        "'a' 'b'\n",
        "u'a' 'b'\n",
        "'a' u'b'\n",
        "r'\\n' '\\n'\n",
        "b'a' b'b'\n",
        "'''a\nb'''\n",
        "f'a{x}b'\n",
        "f'{x!r}{y!s}{z!a}'\n",
        "f'{x:>10}'\n",
        "f'{x:{w}.{p}}'\n",
        "f'{x:}'\n",
        "f'{x=}'\n",
        "f'{x = }'\n",
        "f'{x=!s}'\n",
        "f'{x=:>5}'\n",
        "f'a' 'b' f'{c}'\n",
        "'a' f'{b}' 'c'\n",
        "f''\n",
        "f'' ''\n",
        "'' f''\n",
        "f'{{}}'\n",
        "f'{a}{b}'\n",
        "f'{a, b}'\n",
        "f'{x for x in y}'\n",
        "f'{yield}'\n",
        "f'{a!r:^{w}}'\n",
        "f'{f\"{x}\"}'\n",
        "f'''{\nx\n}'''\n",
        "F'a' if Rb'' else rf'{x}'\n",
    ]),
]

# Positions: dumps with include_attributes=True.
POSITIONS = [
    "x = 1, 2,\n",
    "if x: a;\n",
    "def f(a, *b, c=1):\n    return a\n",
    "@d\nclass A(B):\n    x: int = 1\n",
    "f(x for x in y)\n",
    "a[1:2, ::3]\n",
    "with (a as b, c):\n    pass\n",
    "try:\n    pass\nexcept E as e:\n    pass\nfinally:\n    pass\n",
    "f'a{x!r:>{w}}' 'b'\n",
    "f'{a, b}'\n",
    "from . import (a as b, c)\n",
    "lambda a, /, b=1, *c, d, **e: 0\n",
    "match x:\n    case [1, *r] | {'k': v, **m} | P(a, b=c) as z if z:\n        pass\n",
    "x = (  # comment\n    1 +\n    2\n)\n",
    "caf\u00e9 = '\u00e9t\u00e9'\n",
    "async def f():\n    async with a as b:\n        await c\n",
    "for x in y:\n    pass\nelse:\n    pass\n",
    "while 1:\n    pass\n",
    "del a, b;\n",
    "global a\n",
    "import a.b as c\n",
]

# SyntaxErrors: (family, [source, ...]).
ERRORS = [
    ("Indentation", [
        "x\n  y\n",
        "if x:\npass\n",
        "if x:\n    pass\nelif y:\npass\n",
        "if x:\n    pass\nelse:\npass\n",
        "for x in y:\npass\n",
        "while x:\npass\n",
        "with x:\npass\n",
        "try:\npass\n",
        "try:\n    pass\nexcept:\npass\n",
        "try:\n    pass\nexcept E:\npass\n",
        "try:\n    pass\nexcept* E:\npass\n",
        "try:\n    pass\nfinally:\npass\n",
        "def f():\npass\n",
        "async def f():\npass\n",
        "class A:\npass\n",
        "match x:\ncase 1: pass\n",
        "match x:\n    case 1:\n    pass\n",
        "if x:\n",
        "if x:",
        "if x:\n\n# comment\n",
        "def f():\n    # only a comment\n",
        "class A:\n    def f(self):\n",
        "class A:\n    @d\n",
        "def f():\n    x = 1\n    if x:\n",
        "if x:\n    pass\nelse:\n",
        "x = 1\n    y = 2\n",
    ]),
    ("Targets", [
        "f() = 1\n",
        "f() = 1 = 2\n",
        "x = f() = 1\n",
        "1 = 2\n",
        "a + 1 = 2\n",
        "a < b = 2\n",
        "not a = 1\n",
        "(a, f()) = 1\n",
        "[a, f()] = 1\n",
        "a, f() = 1\n",
        "f(), a = 1\n",
        "x = a < b = 1\n",
        "x.y = a < b = 1\n",
        "x if y else z = 1\n",
        "lambda: 1 = 1\n",
        "(x := 1) = 2\n",
        "(yield) = 1\n",
        "x = yield = 1\n",
        "a[1:2] = 3 = 4\n",
        "None = 1\n",
        "... = 1\n",
        "'abc' = 1\n",
        "f'{x}' = 1\n",
        "{a: b} = c\n",
        "{a} = b\n",
        "[i for i in x] = 1\n",
        "(i for i in x) = 1\n",
        "del f()\n",
        "del a, 1\n",
        "del *a\n",
        "del f(x), y\n",
        "for f() in y: pass\n",
        "for 1 in x: pass\n",
        "for a, f() in x: pass\n",
        "[x for 1 in y]\n",
        "with a as f(): pass\n",
        "with a as 1: pass\n",
        "f() += 1\n",
        "a, b += 1\n",
        "[a, b] += c\n",
        "a, b: int\n",
        "(a, b): int\n",
        "[a]: int\n",
        "a + 1: int\n",
        "f(): int\n",
        "(*a) = 1\n",
    ]),
    ("Expressions", [
        "[1, 2 3]\n",
        "f(a b)\n",
        "x = a b\n",
        "[x + y z]\n",
        "(a b c)\n",
        "x = [1,\n2 3]\n",
        "f(a, b c)\n",
        "x = {'a': 1 'b': 2}\n",
        "print x\n",
        "print 'hello'\n",
        "exec 'x'\n",
        "x = print y\n",
        "[print x]\n",
        "print x\n(\n",
        "a if b\n",
        "[a if b]\n",
        "a = 1 if b\n",
        "(*a)\n",
        "x = (*a)\n",
        "x := 1\n",
        "(a.b := 1)\n",
        "if x = 1: pass\n",
        "if f() = 1: pass\n",
        "[x = 1]\n",
        "x = (a as b)\n",
        "[*a for a in b]\n",
        "[a, b for a in c]\n",
        "[a, for a in c]\n",
        "{**a for a in b}\n",
        "x = {'a': }\n",
        "b'a' 'b'\n",
        "'a' b'b'\n",
        "x = 1 2\n",
        "x = 1 +\n",
        "x = \n",
        "a.1\n",
        "@\ndef f(): pass\n",
        "@d\n",
        "f'{x!z}'\n",
        "f'{a b}'\n",
        "f'{*a}'\n",
        "else\n",
        "{a: *b + c, d: e}\n",
        "{a: b, c}\n",
        "{a: b, c d}\n",
        "{**c, d}\n",
        "[c d]\n",
        "[ma y]\n",
        "f(a.b := 1)\n",
        "a.b := 1\n",
        "f'{lambda x: 1}'\n",
        "f'{a if b}'\n",
        "x = a $ b\n",
        "[a $ b]\n",
        "iflimit is not None:\n",
        "f() = 1 +\n",
        "s = f'{x'\n",
        "['a'async 'b']\n",
        "['a', 'b' async 'c']\n",
        "[a, b for x in]\n",
        "[a, b for x in y z]\n",
        "[a, b for x in y if]\n",
        "(a, b for x in y)\n",
        "[a, for x in]\n",
        "{a: b, c: d for x in y}\n",
        "[a, b async for x in y]\n",
        "x = (1, 'a' as b, 2)\n",
        "x = y if z is from None else w\n",
        "def f(a, *f'{x}', **k): pass\n",
        "for s| in (a, b): pass\n",
        "for a |: pass\n",
        "x = {'k':\n 'a'\n 'b', 'c'}\n",
        "if s.starts{h(1):\n    pass\n",
        "'value': str(obj),\n",
        "f'{**a}'\n",
        "(**a)\n",
        "(): int\n",
    ]),
    ("Arguments", [
        "f(a=1, b)\n",
        "f(**a, b)\n",
        "f(**a, *b)\n",
        "f(a, *b, c=1, **d, e)\n",
        "f(a, x for x in y)\n",
        "f(x for x in y, a)\n",
        "f(x for x in y,)\n",
        "f(x=1 for x in y)\n",
        "f(a.b=1)\n",
        "f(True=1)\n",
        "class A(x for x in y): pass\n",
        "def f(*): pass\n",
        "def f(*, **k): pass\n",
        "lambda *: 0\n",
        "lambda *,: 1\n",
        "def f(a=1, b): pass\n",
        "lambda a=1, b: 0\n",
        "def f(**k, a): pass\n",
        "def f(x, **y, *z): pass\n",
        "def f(**k=1): pass\n",
        "def f(*a=1): pass\n",
        "def f(/, a): pass\n",
        "def f(a, /, b, /): pass\n",
        "def f(*, a, /): pass\n",
        "def f(x, *, y, *z): pass\n",
        "def f(a, b=1, /, c): pass\n",
        "lambda **k, a: 1\n",
        "def foo(/,a,b=,c):\n   pass\n",
        "def foo(a,*b: int=,c):\n   pass\n",
        "def foo(a=1,/*,b,c):\n   pass\n",
        "def foo(a=1,d=,c):\n   pass\n",
        "def f(x, (y, z), w):\n   pass\n",
        "lambda x, (y, z), w: None\n",
        "def f(/): pass\n",
        "def se(tUpClass(cls):\n    pass\n",
        "f(**x, *)\n",
    ]),
    ("Statements", [
        "if x\n    pass\n",
        "while x\n    pass\n",
        "for x in y\n    pass\n",
        "def f()\n    pass\n",
        "class A\n    pass\n",
        "try\n    pass\n",
        "def f() -> int x: pass\n",
        "def f:\n    pass\n",
        "with a, b\n    pass\n",
        "with (a, b)\n    pass\n",
        "match x:\n    case 1\n        pass\n",
        "match x\n    case 1:\n        pass\n",
        "try:\n    pass\nexcept\n    pass\n",
        "try:\n    pass\nexcept ValueError\n    pass\n",
        "try:\n    pass\nfinally\n    pass\n",
        "if x:\n    pass\nelse\n    pass\n",
        "try:\n    pass\nx = 1\n",
        "try:\n    pass\nexcept a, b:\n    pass\n",
        "try:\n    pass\nexcept E:\n    pass\nexcept* F:\n    pass\n",
        "try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass\n",
        "import a.b,\n",
        "from a import b,\n",
        "except a, b:\n",
        "with (a as b).c: pass\n",
        "match x:\n    case _ as _: pass\n",
        "match x:\n    case A(x=1, 2): pass\n",
        "match x:\n    case 1 + 2: pass\n",
        "match x:\n    case 1j + 2j: pass\n",
        "match x:\n    case {**_}: pass\n",
        "match x:\n    case {**a, 'b': 1}: pass\n",
        "match x:\n    case a as 1: pass\n",
        "match *a:\n    case _: pass\n",
        "for a, b, (c + 1, d()): pass\n",
        "match ...:\n  case C(a=b, c, d=e, f, g=h, i, j=k, ...):\n    ...\n",
        "try:\n  pass\nexcept A, B, C as blech:\n  pass\n",
        "try:\n    pass\nexcept* :\n    pass\n",
        "try:\n    pass\nexcept*\n    pass\n",
        "try:\n    pass\n",
        "try:\n    pass\n:= x\n",
        "def se!tsockopt(self): pass\n",
        "def f$(): pass\n",
        "if x:\n  pass\nelse",
        "def f(): pass\nclass",
        "lambda x=a#: y\n",
        "with # c\n    pass\n",
    ]),
    ("Tokenizer", [
        "x = (1, 2\n",
        "x = (1 2\n",
        "x = 1 = 2\n\"unterminated\n",
        "x = [1, 2\ny = 3\n",
        "x = 'abc\n",
        "(" * 1000,
    ]),
]


def c_string(text):
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append("\\%03o" % code)
        elif code < 0x80:
            out.append(ch)
        elif code < 0x10000:
            out.append("\\u%04x" % code)
        else:
            out.append("\\U%08x" % code)
    out.append('"')
    return "".join(out)


def error_fields(source):
    try:
        ast.parse(source)
    except SyntaxError as e:
        return (type(e).__name__, e.msg, e.lineno or 0, e.offset or 0, e.end_lineno or 0,
                e.end_offset or 0)
    raise SystemExit("CPython accepts error case %r" % source)


def main():
    out = sys.stdout
    out.write("// The parser: trees and SyntaxErrors, against what CPython 3.11 gives.\n")
    out.write("// Generated by tests/unit/gen/parser_test_gen.py from python3's output;\n")
    out.write("// add cases there, not here.\n")
    out.write('#include <gtest/gtest.h>\n\n#include <string>\n\n'
              '#include "parser/ast.h"\n#include "parser/parser.h"\n\n')
    out.write("namespace {\n\n")
    out.write("""// The tree of `source` as ast.dump prints it, or the error's message.
std::string dump(const char* source, bool positions = false) {
  coil::Arena arena;
  coil::ParseResult result = coil::parse_module(source, arena);
  if (!result.ok) return "error: " + result.error.message;
  return coil::ast::dump(*result.module, positions);
}

// The error as "Kind: message (lineno, offset, end_lineno, end_offset)".
std::string error(const char* source) {
  coil::Arena arena;
  coil::ParseResult result = coil::parse_module(source, arena);
  if (result.ok) return "accepted";
  const coil::SyntaxErrorInfo& e = result.error;
  return std::string(coil::name_of(e.kind)) + ": " + e.message + " (" +
         std::to_string(e.lineno) + ", " + std::to_string(e.offset) + ", " +
         std::to_string(e.end_lineno) + ", " + std::to_string(e.end_offset) + ")";
}

struct Case {
  const char* source;
  const char* expected;
};

}  // namespace
""")
    for family, sources in TREES:
        out.write("\nTEST(ParserTrees, %s) {\n  static const Case kCases[] = {\n" % family)
        for source in sources:
            expected = ast.dump(ast.parse(source))
            out.write("      {%s,\n       %s},\n" % (c_string(source), c_string(expected)))
        out.write("  };\n  for (const Case& c : kCases) EXPECT_EQ(dump(c.source), c.expected) << c.source;\n}\n")
    out.write("\nTEST(ParserTrees, Positions) {\n  static const Case kCases[] = {\n")
    for source in POSITIONS:
        expected = ast.dump(ast.parse(source), include_attributes=True)
        out.write("      {%s,\n       %s},\n" % (c_string(source), c_string(expected)))
    out.write("  };\n  for (const Case& c : kCases) EXPECT_EQ(dump(c.source, true), c.expected) << c.source;\n}\n")
    for family, sources in ERRORS:
        out.write("\nTEST(ParserErrors, %s) {\n  static const Case kCases[] = {\n" % family)
        for source in sources:
            kind, msg, lineno, offset, end_lineno, end_offset = error_fields(source)
            expected = "%s: %s (%d, %d, %d, %d)" % (kind, msg, lineno, offset, end_lineno, end_offset)
            out.write("      {%s,\n       %s},\n" % (c_string(source), c_string(expected)))
        out.write("  };\n  for (const Case& c : kCases) EXPECT_EQ(error(c.source), c.expected) << c.source;\n}\n")
    out.write("""
// Deep nesting never overflows the C++ stack: Bison's stack is a vector, no
// check recurses through operators, and a tree deeper than ast::kMaxDepth is
// refused with the RecursionError CPython raises compiling it.
TEST(ParserLimits, DeepNesting) {
  const char* too_deep =
      "RecursionError: maximum recursion depth exceeded during compilation (0, 0, 0, 0)";
  EXPECT_EQ(error((std::string(2900, '-') + "1\\n").c_str()), "accepted");
  EXPECT_EQ(error((std::string(100000, '-') + "1\\n").c_str()), too_deep);
  std::string nots;
  for (int i = 0; i < 100000; ++i) nots += "not ";
  EXPECT_EQ(error((nots + "x\\n").c_str()), too_deep);
  std::string sums = "1";
  for (int i = 0; i < 100000; ++i) sums += "+1";
  EXPECT_EQ(error((sums + "\\n").c_str()), too_deep);
  std::string elifs = "if x: pass\\n";
  for (int i = 0; i < 20000; ++i) elifs += "elif y: pass\\n";
  EXPECT_EQ(error(elifs.c_str()), too_deep);
}
""")


main()
