// The hash of byte strings, as CPython 3.11 computes it (Python/pyhash.c):
// SipHash-1-3 keyed by the process's hash secret. str, bytes and memoryview
// hash their contents with it, so that dict and set orders of str keys are
// CPython's under the same PYTHONHASHSEED.
#pragma once

#include <cstddef>
#include <cstdint>

namespace coil {

// The secret is chosen the first time it is needed, as CPython's
// _Py_HashRandomization_Init does at start-up: PYTHONHASHSEED unset or
// "random" gives a random key from the OS; "0" gives the zero key (no
// randomization); another integer N up to 4294967295 gives the key CPython
// derives from N with its linear congruential generator.
struct HashSecret {
  uint64_t k0;
  uint64_t k1;
  bool randomized;  // sys.flags.hash_randomization
};
const HashSecret& hash_secret();

// SipHash-1-3 of `size` bytes with the secret's key. As CPython's
// _Py_HashBytes: the empty input hashes to 0, and -1 (the error value of
// hash slots) becomes -2.
int64_t hash_bytes(const void* data, size_t size);

// The raw SipHash-1-3 function, for tests.
uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t size);

}  // namespace coil
