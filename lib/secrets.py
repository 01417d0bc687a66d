"""Random numbers for secrets (passwords, tokens), from the system's
randomness source, as CPython's secrets."""

import base64
import binascii

from hmac import compare_digest
from random import SystemRandom

__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom', 'token_bytes', 'token_hex', 'token_urlsafe',
           'compare_digest']

_sysrand = SystemRandom()

randbits = _sysrand.getrandbits
choice = _sysrand.choice

# Bytes of randomness when a token's size is not given (CPython's choice).
DEFAULT_ENTROPY = 32


def randbelow(exclusive_upper_bound):
    """A random int in the range [0, n)."""
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _sysrand._randbelow(exclusive_upper_bound)


def token_bytes(nbytes=None):
    """`nbytes` random bytes."""
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    import os
    return os.urandom(nbytes)


def token_hex(nbytes=None):
    """A random text string of 2 * nbytes hexadecimal digits."""
    return binascii.hexlify(token_bytes(nbytes)).decode('ascii')


def token_urlsafe(nbytes=None):
    """A random URL-safe text string, base64 of `nbytes` bytes."""
    tok = token_bytes(nbytes)
    return base64.urlsafe_b64encode(tok).rstrip(b'=').decode('ascii')
