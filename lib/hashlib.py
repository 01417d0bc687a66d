"""Secure hashes and message digests, on OpenSSL (the native `_hashlib`)."""

import _hashlib
from _hashlib import new, pbkdf2_hmac

__always_supported = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b',
                      'blake2s', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128',
                      'shake_256')

algorithms_guaranteed = set(__always_supported)
algorithms_available = set(__always_supported)

__all__ = __always_supported + ('new', 'algorithms_guaranteed', 'algorithms_available',
                                'pbkdf2_hmac', 'file_digest')

md5 = _hashlib.openssl_md5
sha1 = _hashlib.openssl_sha1
sha224 = _hashlib.openssl_sha224
sha256 = _hashlib.openssl_sha256
sha384 = _hashlib.openssl_sha384
sha512 = _hashlib.openssl_sha512
sha3_224 = _hashlib.openssl_sha3_224
sha3_256 = _hashlib.openssl_sha3_256
sha3_384 = _hashlib.openssl_sha3_384
sha3_512 = _hashlib.openssl_sha3_512
blake2b = _hashlib.openssl_blake2b
blake2s = _hashlib.openssl_blake2s
shake_128 = _hashlib.openssl_shake_128
shake_256 = _hashlib.openssl_shake_256


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """The digest of a file object opened for reading in binary mode."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    while True:
        data = fileobj.read(_bufsize)
        if not data:
            break
        digestobj.update(data)
    return digestobj
