# platform and os.uname: the answers agree with each other and have the
# expected shapes (their values depend on the machine, so only those print).
import os
import platform
import sys

u = os.uname()
print(type(u).__name__, len(u))
print(u.sysname == u[0], u.machine == u[4], all(isinstance(part, str) for part in u))
print(repr(u).startswith('posix.uname_result(sysname='))
print(platform.system() == u.sysname, platform.machine() == u.machine, platform.node() == u.nodename,
      platform.release() == u.release, platform.version() == u.version)
print(platform.system())
pu = platform.uname()
print(type(pu).__name__, len(pu), pu.system == platform.system(), pu[4] == platform.machine(),
      tuple(pu)[:5] == tuple(u), isinstance(pu.processor, str), pu.processor == platform.processor())
print(repr(pu).startswith("uname_result(system='Linux', node="))
print(platform.python_version().startswith('3.11.'),
      platform.python_version_tuple()[:2], platform.python_version() == '%d.%d.%d' % sys.version_info[:3])
print(platform.python_implementation() in ('CPython', 'coil'))
print(platform.architecture()[1], platform.architecture()[0] in ('32bit', '64bit'))
p = platform.platform()
print(p.startswith(platform.system() + '-' + platform.release()), platform.machine() in p,
      platform.platform(terse=True) == p)
