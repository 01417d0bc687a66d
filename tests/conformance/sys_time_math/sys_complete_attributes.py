# The sys attributes programs look at: their types, the attribute sets of
# the named tuples and of sys.implementation, and the functions' results.
import sys

impl = sys.implementation
print(type(impl).__name__, sorted(vars(impl)))
print(impl.version == sys.version_info, impl.hexversion == sys.hexversion)
print(isinstance(impl.name, str), isinstance(impl.cache_tag, str))
print(sys.hexversion >> 16 == 0x30B, sys.api_version)

for name in ["flags", "float_info", "int_info", "hash_info", "thread_info"]:
    value = getattr(sys, name)
    print(name, type(value).__name__, len(value), value._fields if hasattr(value, "_fields") else "")
print(sys.thread_info.name, sys.thread_info.lock)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit, sys.int_info.default_max_str_digits)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan)
print(sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags.dev_mode, sys.flags.utf8_mode)

print(type(sys.meta_path).__name__, type(sys.path_hooks).__name__, type(sys.path_importer_cache).__name__)
print(sys.warnoptions, sys._xoptions, sys.dont_write_bytecode)
print(type(sys.stdlib_module_names).__name__, "asyncio" in sys.stdlib_module_names,
      "json" in sys.stdlib_module_names, "numpy" in sys.stdlib_module_names)
print(type(sys.builtin_module_names).__name__, "sys" in sys.builtin_module_names)
print(type(sys.orig_argv).__name__, sys.orig_argv[-1] == sys.argv[0] or sys.orig_argv[-1].endswith(sys.argv[0]))
print(sys.copyright.splitlines()[0])
for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix", "platlibdir", "abiflags",
             "float_repr_style", "executable", "platform", "byteorder"]:
    print(name, type(getattr(sys, name)).__name__)
print(sys.float_repr_style, sys.abiflags == "", sys.platlibdir, sys.pycache_prefix)
print(sys.maxsize == 2**63 - 1, sys.maxunicode)

print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors, sys.stdin.errors)
print(sys.is_finalizing(), sys.getdlopenflags())
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(2)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(0)
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)
print(sys.displayhook is sys.__displayhook__, sys.excepthook is sys.__excepthook__,
      sys.breakpointhook is sys.__breakpointhook__)
print(callable(sys.get_asyncgen_hooks), sys.get_asyncgen_hooks())
s = sys.intern("hello" + str(1))
print(s, s is sys.intern("hello1"))
print(type(sys.getrefcount(object())).__name__)
print(sys.call_tracing(divmod, (17, 5)))
print(list(sys._current_frames().values())[0].f_code.co_name)

for call in [lambda: sys.call_tracing(len, [1]), lambda: sys.call_tracing(len),
             lambda: sys.intern(1), lambda: sys.intern(), lambda: sys.setswitchinterval(0),
             lambda: sys.setswitchinterval("a"), lambda: sys.getdefaultencoding(1),
             lambda: sys.audit(), lambda: sys.set_coroutine_origin_tracking_depth(-1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
