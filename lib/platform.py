"""What the program runs on, as CPython's platform answers it on Linux:
system, node, release, version, machine, processor, uname, platform,
architecture, and the Python version and implementation.

python_implementation() says 'coil' (CPython's says 'CPython'); the
version is the one of the Python coil implements.
"""

import collections
import os
import sys

__version__ = '1.0.8'


class uname_result(collections.namedtuple("uname_result_base", "system node release version machine")):
    """platform.uname()'s result: the os.uname() fields and processor."""

    __slots__ = ()

    @property
    def processor(self):
        return _processor()

    def __iter__(self):
        return iter(tuple(super().__iter__()) + (self.processor,))

    def __getitem__(self, key):
        return tuple(iter(self))[key]

    def __len__(self):
        return len(tuple(iter(self)))

    def __reduce__(self):
        return uname_result, tuple(self)[:len(self._fields)]

    def __repr__(self):
        return 'uname_result(system=%r, node=%r, release=%r, version=%r, machine=%r)' % tuple(self)[:5]


uname_result.__module__ = 'platform'

_uname_cache = None


def _processor():
    # As CPython on Linux: `uname -p`, which most systems answer with ''.
    try:
        import subprocess
        output = subprocess.check_output(['uname', '-p'], stderr=subprocess.DEVNULL, text=True).strip()
    except (OSError, Exception):
        return ''
    return '' if output == 'unknown' else output


def uname():
    """(system, node, release, version, machine, processor)."""
    global _uname_cache
    if _uname_cache is None:
        names = os.uname()
        _uname_cache = uname_result(names.sysname, names.nodename, names.release, names.version, names.machine)
    return _uname_cache


def system():
    """'Linux', 'Darwin', ..."""
    return uname().system


def node():
    """The computer's network name."""
    return uname().node


def release():
    """The system's release ('6.1.0-18-amd64')."""
    return uname().release


def version():
    """The system's version string."""
    return uname().version


def machine():
    """The machine type ('x86_64', 'aarch64')."""
    return uname().machine


def processor():
    """The processor name ('' where the system does not tell)."""
    return uname().processor


def python_implementation():
    """'coil'."""
    return 'coil'


def python_version():
    """'major.minor.patchlevel' of the Python language implemented."""
    return '%d.%d.%d' % sys.version_info[:3]


def python_version_tuple():
    """(major, minor, patchlevel) as strings."""
    return tuple(str(part) for part in sys.version_info[:3])


def python_branch():
    return ''


def python_revision():
    return ''


def python_build():
    return ('', '')


def python_compiler():
    return ''


def architecture(executable=sys.executable, bits='', linkage=''):
    """(bits, linkage): the pointer size of this process, and 'ELF' on Linux."""
    import struct
    if not bits:
        bits = str(struct.calcsize('P') * 8) + 'bit'
    if not linkage and system() == 'Linux':
        linkage = 'ELF'
    return bits, linkage


def platform(aliased=False, terse=False):
    """'Linux-6.1.0-18-amd64-x86_64-with-glibc2.36': system, release,
    machine, processor and the C library (terse, elsewhere than on Linux:
    system and release only)."""
    system_name, _, release_name, _, machine_name, processor_name = uname()
    if system_name == 'Linux':
        # As CPython: on Linux, terse changes nothing.
        libc, libc_version = libc_ver()
        parts = [system_name, release_name, machine_name, processor_name, 'with', libc + libc_version]
    elif terse:
        parts = [system_name, release_name]
    else:
        parts = [system_name, release_name, machine_name, processor_name]
    text = '-'.join(part.strip() for part in parts if part)
    for c in ' /\\:;"()':
        text = text.replace(c, '-')
    while '--' in text:
        text = text.replace('--', '-')
    return text.rstrip('-')


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    """('glibc', '2.36') from the C library's confstr, or (lib, version)."""
    try:
        import subprocess
        output = subprocess.check_output(['getconf', 'GNU_LIBC_VERSION'], stderr=subprocess.DEVNULL, text=True)
    except Exception:
        return lib, version
    parts = output.split()
    if len(parts) == 2 and parts[0] == 'glibc':
        return 'glibc', parts[1]
    return lib, version
