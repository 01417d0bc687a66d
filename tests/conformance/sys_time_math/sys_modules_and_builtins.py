import sys
print(sorted(m for m in ('sys', 'builtins', '__main__') if m in sys.modules))
print(sys.modules['builtins'].len is len, type(sys.builtin_module_names).__name__, 'sys' in sys.builtin_module_names)
print(sys.getdefaultencoding(), sys.getsizeof(0) > 0, callable(sys.intern))
print(sys.intern('abc') == 'abc', sys.flags.optimize, sys.dont_write_bytecode in (True, False))
