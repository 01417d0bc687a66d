"""Generates tests/unit/compiler_test.cpp: the SyntaxErrors the compiler
raises, and the shape of the code objects it makes (names, counts, flags,
qualified names), each expectation being what CPython 3.11 (python3) gives.

    python3 tests/unit/gen/compiler_test_gen.py > tests/unit/compiler_test.cpp

The instructions themselves are checked by the golden tests of tests/dis/.
"""
import sys

from cxx import cxx_string

TOP_LEVEL_AWAIT = 0x2000  # PyCF_ALLOW_TOP_LEVEL_AWAIT

# Sources CPython's compiler (not its parser or symbol table) rejects.
ERRORS = [
    "return 1\n",
    "class A:\n  return 2\n",
    "yield 1\n",
    "(yield)\n",
    "class A:\n  yield\n",
    "await x\n",
    "def f():\n  await x\n",
    "def f():\n  x = await y\n",
    "lambda: await x\n",
    "async def f():\n  lambda: await x\n",
    "def f():\n  class C:\n    await x\n",
    "def f():\n  async with x: pass\n",
    "def f():\n  async for x in y: pass\n",
    "def f():\n  [x async for x in y]\n",
    "def f():\n  [await x for y in z]\n",
    "def f():\n  {x async for x in y}\n",
    "async def f():\n  def g():\n    [x async for x in y]\n",
    "class C:\n  [x async for x in y]\n",
    "[x async for x in y]\n",
    "async with x: pass\n",
    "async for x in y: pass\n",
    "async def f():\n  yield 1\n  return 2\n",
    "async def f():\n  yield from x\n",
    "break\n",
    "with x:\n    break\n",
    "for x in y:\n  pass\nbreak\n",
    "continue\n",
    "try:\n  pass\nfinally:\n  continue\n",
    "while x:\n  def f():\n    break\n",
    "*a = 1\n",
    "x = *a\n",
    "a, *b, *c = d\n",
    "[a, *b, *c] = d\n",
    "a, " + ", ".join("b%d" % i for i in range(300)) + ", *c = d\n",
    "try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n",
    "f(a=1, a=2)\n",
    "f(x, b=1, c=2, b=3)\n",
    "class A(x=1, x=2): pass\n",
    "__debug__ = 1\n",
    "del __debug__\n",
    "def f(__debug__): pass\n",
    "def f(*, __debug__=1): pass\n",
    "lambda __debug__: 0\n",
    "f(__debug__=1)\n",
    "import __debug__\n",
    "from x import __debug__\n",
    "x.__debug__ = 1\n",
    "for __debug__ in x: pass\n",
    "__debug__: int = 1\n",
    "try:\n  pass\nexcept* A:\n  break\n",
    "for x in y:\n  try:\n    pass\n  except* A:\n    continue\n",
    "def f():\n  try:\n    pass\n  except* A:\n    return\n",
    "match x:\n  case a:\n    pass\n  case 1:\n    pass\n",
    "match x:\n  case _:\n    pass\n  case 1:\n    pass\n",
    "match x:\n  case a | b:\n    pass\n",
    "match x:\n  case [a, a]:\n    pass\n",
    "match x:\n  case {'k': a, **a}:\n    pass\n",
    "match x:\n  case 1 | a:\n    pass\n",
    "match x:\n  case [a] | [b]:\n    pass\n",
    "match x:\n  case (a, b) | (a, c):\n    pass\n",
    "match x:\n  case {1: a, 1: b}:\n    pass\n",
    "match x:\n  case {1: a, True: b}:\n    pass\n",
    "match x:\n  case {'a': a, 'a': b}:\n    pass\n",
    "match x:\n  case A(a=1, a=2):\n    pass\n",
    "match x:\n  case A(__debug__=1):\n    pass\n",
    "match x:\n  case [*a, *b]:\n    pass\n",
    "match x:\n  case __debug__:\n    pass\n",
    "for x in y:\n" + "".join("  " * (i + 1) + "for x%d in y:\n" % i for i in range(20))
    + "  " * 21 + "pass\n",
]

# Sources for which CPython's compiler issues SyntaxWarnings.
WARNINGS = [
    "x is 1\n",
    "if x is not (): pass\n",
    "x is None or x is ... or x is True\n",
    "a is b is -1\n",
    "(1, 2)(3)\n",
    "[x for x in y]()\n",
    "f'{x}'()\n",
    "None[0]\n",
    "(lambda: 0)[0]\n",
    "[1, 2][3, 4]\n",
    "'abc'['a']\n",
    "x[()] + 'a'[1]\n",
    "assert (x, 'message')\n",
    "def f():\n    return x is 'a' and y is not 2\n",
]

# Code objects whose attributes are compared: (name of the test, source).
# Every code object of the module is visited, in constant order.
CODES = [
    ("Locals", "def f(a, b=1, *args, c, d=2, **kw):\n    e = a\n    return e\n"),
    ("LocalsInCompileOrder", "def f():\n    a = b\n    b = 1\n    for i in c: pass\n"),
    ("PositionalOnly", "def f(a, /, b, *, c): pass\n"),
    ("Closure", "def f(p, *, k):\n    def h(): return p + z + k\n    z = 1\n    return h\n"),
    ("NestedClosure",
     "def f():\n    x = 1\n    def g():\n        def h():\n            return x\n        return h\n"
     "    return g\n"),
    ("ClassCell", "class A:\n    def m(self):\n        return super().m()\n    def n(self):\n"
     "        return __class__\n"),
    ("ClassFreeVariable",
     "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self): return x\n    return C\n"),
    ("MethodNamedAsClassVariable",
     "def f():\n    m = 1\n    class C:\n        def m(self): return m\n        m = 2\n    return C\n"),
    ("Generators",
     "def g():\n    yield 1\nasync def c():\n    await x\nasync def ag():\n    yield 1\n"
     "def ge():\n    return (x for x in y)\n"),
    ("Comprehensions",
     "def f(y):\n    return [x for x in y], {x for x in y}, {x: 1 for x in y}, "
     "[(a, b) for a in y if a for b in a]\n"),
    ("QualifiedNames",
     "class A:\n    def f(self):\n        def g():\n            class B:\n                def h(self): pass\n"
     "            return lambda: [x for x in ()]\n        return g\n"),
    ("GlobalQualifiedName",
     "def outer():\n    global inner\n    def inner(): pass\n    class Cls:\n        def m(self): pass\n"),
    ("Decorated", "@dec\n@other(1)\ndef f():\n    pass\n@dec\nclass C: pass\n"),
    ("Docstrings", "def f():\n    'doc'\n    return 1\nclass C:\n    'class doc'\nlambda: 'x'\n"),
    ("WalrusInComprehension",
     "def f(y):\n    [z := x for x in y]\n    return z\n"),
    ("Mangling",
     "class C:\n    def __m(self, __a):\n        self.__x = __a\n        def __g(): return __a\n"
     "        return __g\n"),
    ("TopLevelAwait", "import asyncio\nawait asyncio.sleep(0)\n"),
    ("TopLevelAsyncFor", "async for x in y:\n    pass\n"),
    ("TopLevelAsyncComprehension", "x = [a async for a in b]\n"),
    ("ExceptAs", "def f():\n    try:\n        pass\n    except E as e:\n        return e\n"),
    ("MatchCaptures", "def f(x):\n    match x:\n        case [a, *b] | (a, b):\n            return a\n"),
    ("StarredAssignment", "def f(x):\n    a, *b, c = x\n    return b\n"),
]


def error_of(source):
    try:
        compile(source, "<test>", "exec", dont_inherit=True)
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)" % (type(e).__name__, e.msg, e.lineno, e.offset,
                                           e.end_lineno, e.end_offset)
    return "accepted"


def warnings_of(source):
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(source, "<test>", "exec", dont_inherit=True)
    return "".join("%d: %s\n" % (w.lineno, w.message) for w in caught)


def code_summary(source):
    top = compile(source, "<test>", "exec", flags=TOP_LEVEL_AWAIT, dont_inherit=True)
    lines = []

    def visit(co):
        flags = co.co_flags
        # CO_COROUTINE on a module with top-level await is coil's kCodeTopLevelAwait.
        if co.co_name == "<module>" and flags & 0x80:
            flags = (flags & ~0x80) | 0x2000
        lines.append("%s %s args=%d/%d/%d nlocals=%d flags=0x%x line=%d varnames=%s cellvars=%s "
                     "freevars=%s names=%s" % (
                         co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount,
                         co.co_kwonlyargcount, co.co_nlocals, flags, co.co_firstlineno,
                         ",".join(co.co_varnames), ",".join(co.co_cellvars),
                         ",".join(co.co_freevars), ",".join(co.co_names)))
        for c in co.co_consts:
            if hasattr(c, "co_code"):
                visit(c)

    visit(top)
    return "\n".join(lines) + "\n"


def main():
    out = sys.stdout
    out.write('''// The compiler: the SyntaxErrors it raises and the code objects it makes,
// against what CPython 3.11 gives. Generated by
// tests/unit/gen/compiler_test_gen.py from python3's output; add cases
// there, not here. (The instructions are checked by tests/dis/.)
#include <gtest/gtest.h>

#include <string>

#include "runtime/errors.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/compiler.h"

namespace {

using namespace coil;

class CompilerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(init_runtime()); }
};

// The error as "Kind: message (lineno, offset, end_lineno, end_offset)".
std::string error(const char* source, bool top_level_await) {
  SyntaxErrorInfo e;
  Ref code = compile_source(source, "<test>", CompileMode::Exec, top_level_await, e);
  if (code) return "accepted";
  if (error_pending()) {
    clear_exception();
    return "exception";
  }
  return std::string(name_of(e.kind)) + ": " + e.message + " (" + std::to_string(e.lineno) +
         ", " + std::to_string(e.offset) + ", " + std::to_string(e.end_lineno) + ", " +
         std::to_string(e.end_offset) + ")";
}

std::string join(const CodeObject* code, uint8_t kind, bool all_locals) {
  std::string out;
  for (size_t i = 0; i < code->m_localsplus_names.size(); ++i) {
    uint8_t k = code->m_localsplus_kinds[i];
    bool take = all_locals ? i < code->m_nlocals : (k & kind) != 0;
    if (!take) continue;
    if (!out.empty()) out += ',';
    out += str_view(code->m_localsplus_names[i]);
  }
  return out;
}

// One line per code object, as the generator writes them from CPython's
// code objects (CO_NOFREE, which CPython 3.11 no longer sets, left out).
void summarize(const CodeObject* code, std::string& out) {
  std::string names;
  for (const Ref& name : code->m_names) {
    if (!names.empty()) names += ',';
    names += str_view(name);
  }
  char flags[32];
  std::snprintf(flags, sizeof flags, "0x%x", code->m_flags & ~uint32_t(kCodeNoFree));
  out += std::string(str_view(code->m_name)) + " " + std::string(str_view(code->m_qualname)) +
         " args=" + std::to_string(code->m_argcount) + "/" +
         std::to_string(code->m_posonlyargcount) + "/" + std::to_string(code->m_kwonlyargcount) +
         " nlocals=" + std::to_string(code->m_nlocals) + " flags=" + flags +
         " line=" + std::to_string(code->m_firstlineno) +
         " varnames=" + join(code, 0, true) + " cellvars=" + join(code, kLocalCell, false) +
         " freevars=" + join(code, kLocalFree, false) + " names=" + names + "\\n";
  for (const Ref& constant : code->m_consts)
    if (is_code(constant)) summarize(constant.as<CodeObject>(), out);
}

std::string g_warnings;

bool record_warning(std::string_view filename, int lineno, std::string_view message,
                    std::string_view line) {
  g_warnings += std::to_string(lineno) + ": " + std::string(message) + "\\n";
  return true;
}

// The SyntaxWarnings compiling `source` issues, one "line: message" each.
std::string warnings(const char* source) {
  g_warnings.clear();
  set_compile_warning_handler(record_warning);
  SyntaxErrorInfo e;
  Ref code = compile_source(source, "<test>", CompileMode::Exec, false, e);
  set_compile_warning_handler(nullptr);
  if (!code) return "error: " + e.message;
  return g_warnings;
}

std::string summary(const char* source) {
  SyntaxErrorInfo e;
  Ref code = compile_source(source, "<test>", CompileMode::Exec, true, e);
  if (!code) return "error: " + e.message;
  std::string out;
  summarize(code.as<CodeObject>(), out);
  return out;
}

}  // namespace

''')
    out.write("TEST_F(CompilerTest, SyntaxErrors) {\n")
    for source in ERRORS:
        out.write("  EXPECT_EQ(error(%s, false),\n            %s);\n" % (
            cxx_string(source), cxx_string(error_of(source))))
    out.write("}\n\n")
    out.write("TEST_F(CompilerTest, SyntaxWarnings) {\n")
    for source in WARNINGS:
        out.write("  EXPECT_EQ(warnings(%s),\n            %s);\n" % (
            cxx_string(source), cxx_string(warnings_of(source))))
    out.write("}\n\n")
    out.write("TEST_F(CompilerTest, TopLevelAwaitNeedsTheFlag) {\n")
    for source in ["await x\n", "async for x in y: pass\n", "async with x: pass\n",
                   "[x async for x in y]\n"]:
        out.write("  EXPECT_EQ(error(%s, false), %s);\n" % (cxx_string(source),
                                                          cxx_string(error_of(source))))
        out.write("  EXPECT_EQ(error(%s, true), \"accepted\");\n" % cxx_string(source))
    out.write("}\n")
    for name, source in CODES:
        out.write("\nTEST_F(CompilerTest, %s) {\n" % name)
        out.write("  EXPECT_EQ(summary(%s),\n            %s);\n" % (cxx_string(source),
                                                                  cxx_string(code_summary(source))))
        out.write("}\n")


if __name__ == "__main__":
    main()
