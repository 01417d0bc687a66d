// The docstrings of the built-in functions, CPython 3.11's, in its internal
// form: "name(signature)\n--\n\n" before the text where the function has a
// text signature (see doc_text / text_signature in runtime/native.h), so
// that __doc__, __text_signature__ and inspect.signature match CPython's.
#pragma once

namespace coil {

struct BuiltinDoc {
  const char* name;
  const char* doc;
};

inline constexpr BuiltinDoc kBuiltinDocs[] = {
    {"print",
    "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n"
    "--\n"
    "\n"
    "Prints the values to a stream, or to sys.stdout by default.\n"
    "\n"
    "  sep\n"
    "    string inserted between values, default a space.\n"
    "  end\n"
    "    string appended after the last value, default a newline.\n"
    "  file\n"
    "    a file-like object (stream); defaults to the current sys.stdout.\n"
    "  flush\n"
    "    whether to forcibly flush the stream."},
    {"len",
    "len($module, obj, /)\n"
    "--\n"
    "\n"
    "Return the number of items in a container."},
    {"repr",
    "repr($module, obj, /)\n"
    "--\n"
    "\n"
    "Return the canonical string representation of the object.\n"
    "\n"
    "For many object types, including most builtins, eval(repr(obj)) == obj."},
    {"ascii",
    "ascii($module, obj, /)\n"
    "--\n"
    "\n"
    "Return an ASCII-only representation of an object.\n"
    "\n"
    "As repr(), return a string containing a printable representation of an\n"
    "object, but escape the non-ASCII characters in the string returned by\n"
    "repr() using \\\\x, \\\\u or \\\\U escapes. This generates a string similar\n"
    "to that returned by repr() in Python 2."},
    {"format",
    "format($module, value, format_spec='', /)\n"
    "--\n"
    "\n"
    "Return value.__format__(format_spec)\n"
    "\n"
    "format_spec defaults to the empty string.\n"
    "See the Format Specification Mini-Language section of help('FORMATTING') for\n"
    "details."},
    {"hash",
    "hash($module, obj, /)\n"
    "--\n"
    "\n"
    "Return the hash value for the given object.\n"
    "\n"
    "Two objects that compare equal must also have the same hash value, but the\n"
    "reverse is not necessarily true."},
    {"id",
    "id($module, obj, /)\n"
    "--\n"
    "\n"
    "Return the identity of an object.\n"
    "\n"
    "This is guaranteed to be unique among simultaneously existing objects.\n"
    "(CPython uses the object's memory address.)"},
    {"abs",
    "abs($module, x, /)\n"
    "--\n"
    "\n"
    "Return the absolute value of the argument."},
    {"isinstance",
    "isinstance($module, obj, class_or_tuple, /)\n"
    "--\n"
    "\n"
    "Return whether an object is an instance of a class or of a subclass thereof.\n"
    "\n"
    "A tuple, as in ``isinstance(x, (A, B, ...))``, may be given as the target to\n"
    "check against. This is equivalent to ``isinstance(x, A) or isinstance(x, B)\n"
    "or ...`` etc."},
    {"issubclass",
    "issubclass($module, cls, class_or_tuple, /)\n"
    "--\n"
    "\n"
    "Return whether 'cls' is derived from another class or is the same class.\n"
    "\n"
    "A tuple, as in ``issubclass(x, (A, B, ...))``, may be given as the target to\n"
    "check against. This is equivalent to ``issubclass(x, A) or issubclass(x, B)\n"
    "or ...``."},
    {"getattr",
    "getattr(object, name[, default]) -> value\n"
    "\n"
    "Get a named attribute from an object; getattr(x, 'y') is equivalent to x.y.\n"
    "When a default argument is given, it is returned when the attribute doesn't\n"
    "exist; without it, an exception is raised in that case."},
    {"setattr",
    "setattr($module, obj, name, value, /)\n"
    "--\n"
    "\n"
    "Sets the named attribute on the given object to the specified value.\n"
    "\n"
    "setattr(x, 'y', v) is equivalent to ``x.y = v``"},
    {"delattr",
    "delattr($module, obj, name, /)\n"
    "--\n"
    "\n"
    "Deletes the named attribute from the given object.\n"
    "\n"
    "delattr(x, 'y') is equivalent to ``del x.y``"},
    {"hasattr",
    "hasattr($module, obj, name, /)\n"
    "--\n"
    "\n"
    "Return whether the object has an attribute with the given name.\n"
    "\n"
    "This is done by calling getattr(obj, name) and catching AttributeError."},
    {"callable",
    "callable($module, obj, /)\n"
    "--\n"
    "\n"
    "Return whether the object is callable (i.e., some kind of function).\n"
    "\n"
    "Note that classes are callable, as are instances of classes with a\n"
    "__call__() method."},
    {"chr",
    "chr($module, i, /)\n"
    "--\n"
    "\n"
    "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"ord",
    "ord($module, c, /)\n"
    "--\n"
    "\n"
    "Return the Unicode code point for a one-character string."},
    {"hex",
    "hex($module, number, /)\n"
    "--\n"
    "\n"
    "Return the hexadecimal representation of an integer.\n"
    "\n"
    "   >>> hex(12648430)\n"
    "   '0xc0ffee'"},
    {"oct",
    "oct($module, number, /)\n"
    "--\n"
    "\n"
    "Return the octal representation of an integer.\n"
    "\n"
    "   >>> oct(342391)\n"
    "   '0o1234567'"},
    {"bin",
    "bin($module, number, /)\n"
    "--\n"
    "\n"
    "Return the binary representation of an integer.\n"
    "\n"
    "   >>> bin(2796202)\n"
    "   '0b1010101010101010101010'"},
    {"iter",
    "iter(iterable) -> iterator\n"
    "iter(callable, sentinel) -> iterator\n"
    "\n"
    "Get an iterator from an object.  In the first form, the argument must\n"
    "supply its own iterator, or be a sequence.\n"
    "In the second form, the callable is called until it returns the sentinel."},
    {"next",
    "next(iterator[, default])\n"
    "\n"
    "Return the next item from the iterator. If default is given and the iterator\n"
    "is exhausted, it is returned instead of raising StopIteration."},
    {"min",
    "min(iterable, *[, default=obj, key=func]) -> value\n"
    "min(arg1, arg2, *args, *[, key=func]) -> value\n"
    "\n"
    "With a single iterable argument, return its smallest item. The\n"
    "default keyword-only argument specifies an object to return if\n"
    "the provided iterable is empty.\n"
    "With two or more arguments, return the smallest argument."},
    {"max",
    "max(iterable, *[, default=obj, key=func]) -> value\n"
    "max(arg1, arg2, *args, *[, key=func]) -> value\n"
    "\n"
    "With a single iterable argument, return its biggest item. The\n"
    "default keyword-only argument specifies an object to return if\n"
    "the provided iterable is empty.\n"
    "With two or more arguments, return the largest argument."},
    {"sum",
    "sum($module, iterable, /, start=0)\n"
    "--\n"
    "\n"
    "Return the sum of a 'start' value (default: 0) plus an iterable of numbers\n"
    "\n"
    "When the iterable is empty, return the start value.\n"
    "This function is intended specifically for use with numeric values and may\n"
    "reject non-numeric types."},
    {"any",
    "any($module, iterable, /)\n"
    "--\n"
    "\n"
    "Return True if bool(x) is True for any x in the iterable.\n"
    "\n"
    "If the iterable is empty, return False."},
    {"all",
    "all($module, iterable, /)\n"
    "--\n"
    "\n"
    "Return True if bool(x) is True for all values x in the iterable.\n"
    "\n"
    "If the iterable is empty, return True."},
    {"sorted",
    "sorted($module, iterable, /, *, key=None, reverse=False)\n"
    "--\n"
    "\n"
    "Return a new list containing all items from the iterable in ascending order.\n"
    "\n"
    "A custom key function can be supplied to customize the sort order, and the\n"
    "reverse flag can be set to request the result in descending order."},
    {"round",
    "round($module, /, number, ndigits=None)\n"
    "--\n"
    "\n"
    "Round a number to a given precision in decimal digits.\n"
    "\n"
    "The return value is an integer if ndigits is omitted or None.  Otherwise\n"
    "the return value has the same type as the number.  ndigits may be negative."},
    {"pow",
    "pow($module, /, base, exp, mod=None)\n"
    "--\n"
    "\n"
    "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments\n"
    "\n"
    "Some types, such as ints, are able to use a more efficient algorithm when\n"
    "invoked using the three argument form."},
    {"divmod",
    "divmod($module, x, y, /)\n"
    "--\n"
    "\n"
    "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"vars",
    "vars([object]) -> dictionary\n"
    "\n"
    "Without arguments, equivalent to locals().\n"
    "With an argument, equivalent to object.__dict__."},
    {"dir",
    "dir([object]) -> list of strings\n"
    "\n"
    "If called without an argument, return the names in the current scope.\n"
    "Else, return an alphabetized list of names comprising (some of) the attributes\n"
    "of the given object, and of attributes reachable from it.\n"
    "If the object supplies a method named __dir__, it will be used; otherwise\n"
    "the default dir() logic is used and returns:\n"
    "  for a module object: the module's attributes.\n"
    "  for a class object:  its attributes, and recursively the attributes\n"
    "    of its bases.\n"
    "  for any other object: its attributes, its class's attributes, and\n"
    "    recursively the attributes of its class's base classes."},
    {"globals",
    "globals($module, /)\n"
    "--\n"
    "\n"
    "Return the dictionary containing the current scope's global variables.\n"
    "\n"
    "NOTE: Updates to this dictionary *will* affect name lookups in the current\n"
    "global scope and vice-versa."},
    {"locals",
    "locals($module, /)\n"
    "--\n"
    "\n"
    "Return a dictionary containing the current scope's local variables.\n"
    "\n"
    "NOTE: Whether or not updates to this dictionary will affect name lookups in\n"
    "the local scope and vice-versa is *implementation dependent* and not\n"
    "covered by any backwards compatibility guarantees."},
    {"__build_class__",
    "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n"
    "\n"
    "Internal helper function used by the class statement."},
    {"__import__",
    "__import__($module, /, name, globals=None, locals=None, fromlist=(),\n"
    "           level=0)\n"
    "--\n"
    "\n"
    "Import a module.\n"
    "\n"
    "Because this function is meant for use by the Python\n"
    "interpreter and not for general use, it is better to use\n"
    "importlib.import_module() to programmatically import a module.\n"
    "\n"
    "The globals argument is only used to determine the context;\n"
    "they are not modified.  The locals argument is unused.  The fromlist\n"
    "should be a list of names to emulate ``from name import ...``, or an\n"
    "empty list to emulate ``import name``.\n"
    "When importing a module from a package, note that __import__('A.B', ...)\n"
    "returns package A when fromlist is empty, but its submodule B when\n"
    "fromlist is not empty.  The level argument is used to determine whether to\n"
    "perform absolute or relative imports: 0 is absolute, while a positive number\n"
    "is the number of parent directories to search relative to the current module."},
    {"exec",
    "exec($module, source, globals=None, locals=None, /, *, closure=None)\n"
    "--\n"
    "\n"
    "Execute the given source in the context of globals and locals.\n"
    "\n"
    "The source may be a string representing one or more Python statements\n"
    "or a code object as returned by compile().\n"
    "The globals must be a dictionary and locals can be any mapping,\n"
    "defaulting to the current globals and locals.\n"
    "If only globals is given, locals defaults to it.\n"
    "The closure must be a tuple of cellvars, and can only be used\n"
    "when source is a code object requiring exactly that many cellvars."},
    {"eval",
    "eval($module, source, globals=None, locals=None, /)\n"
    "--\n"
    "\n"
    "Evaluate the given source in the context of globals and locals.\n"
    "\n"
    "The source may be a string representing a Python expression\n"
    "or a code object as returned by compile().\n"
    "The globals must be a dictionary and locals can be any mapping,\n"
    "defaulting to the current globals and locals.\n"
    "If only globals is given, locals defaults to it."},
    {"compile",
    "compile($module, /, source, filename, mode, flags=0,\n"
    "        dont_inherit=False, optimize=-1, *, _feature_version=-1)\n"
    "--\n"
    "\n"
    "Compile source into a code object that can be executed by exec() or eval().\n"
    "\n"
    "The source code may represent a Python module, statement or expression.\n"
    "The filename will be used for run-time error messages.\n"
    "The mode must be 'exec' to compile a module, 'single' to compile a\n"
    "single (interactive) statement, or 'eval' to compile an expression.\n"
    "The flags argument, if present, controls which future statements influence\n"
    "the compilation of the code.\n"
    "The dont_inherit argument, if true, stops the compilation inheriting\n"
    "the effects of any future statements in effect in the code calling\n"
    "compile; if absent or false these statements do influence the compilation,\n"
    "in addition to any features explicitly specified."},
    {"input",
    "input($module, prompt='', /)\n"
    "--\n"
    "\n"
    "Read a string from standard input.  The trailing newline is stripped.\n"
    "\n"
    "The prompt string, if given, is printed to standard output without a\n"
    "trailing newline before reading input.\n"
    "\n"
    "If the user hits EOF (*nix: Ctrl-D, Windows: Ctrl-Z+Return), raise EOFError.\n"
    "On *nix systems, readline is used if available."},
    {"aiter",
    "aiter($module, async_iterable, /)\n"
    "--\n"
    "\n"
    "Return an AsyncIterator for an AsyncIterable object."},
    {"breakpoint",
    "breakpoint(*args, **kws)\n"
    "\n"
    "Call sys.breakpointhook(*args, **kws).  sys.breakpointhook() must accept\n"
    "whatever arguments are passed.\n"
    "\n"
    "By default, this drops you into the pdb debugger."},
    {"anext",
    "anext($module, aiterator, default=<unrepresentable>, /)\n"
    "--\n"
    "\n"
    "async anext(aiterator[, default])\n"
    "\n"
    "Return the next item from the async iterator.  If default is given and the async\n"
    "iterator is exhausted, it is returned instead of raising StopAsyncIteration."},
};

}  // namespace coil
