"""Packing and unpacking binary data: the native `_struct` (stdlib/struct.cpp)."""

__all__ = [
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct', 'error',
]

from _struct import *
from _struct import _clearcache
