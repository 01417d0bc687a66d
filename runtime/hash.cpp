// SipHash-1-3 and the hash secret (runtime/hash.h).
#include "runtime/hash.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string_view>

namespace coil {

namespace {

inline uint64_t rotate_left(uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }

inline void sip_round(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
  v0 += v1;
  v1 = rotate_left(v1, 13) ^ v0;
  v0 = rotate_left(v0, 32);
  v2 += v3;
  v3 = rotate_left(v3, 16) ^ v2;
  v0 += v3;
  v3 = rotate_left(v3, 21) ^ v0;
  v2 += v1;
  v1 = rotate_left(v1, 17) ^ v2;
  v2 = rotate_left(v2, 32);
}

inline uint64_t load_le64(const unsigned char* p) {
  uint64_t value = 0;
  for (int i = 7; i >= 0; --i) value = (value << 8) | p[i];
  return value;
}

// CPython's lcg_urandom: the bytes of the secret for PYTHONHASHSEED=N.
void lcg_bytes(uint32_t seed, unsigned char* buffer, size_t size) {
  uint32_t x = seed;
  for (size_t i = 0; i < size; ++i) {
    x = x * 214013u + 2531011u;
    buffer[i] = static_cast<unsigned char>((x >> 16) & 0xFF);
  }
}

// Parses PYTHONHASHSEED as CPython does (a decimal integer in
// [0, 4294967295]); false means "random".
bool parse_seed(const char* text, uint32_t& seed) {
  if (text == nullptr || *text == '\0' || std::string_view(text) == "random") return false;
  char* end = nullptr;
  errno = 0;
  unsigned long long value = std::strtoull(text, &end, 10);
  if (*end != '\0' || errno != 0 || value > 4294967295ull || text[0] == '-') return false;
  seed = static_cast<uint32_t>(value);
  return true;
}

HashSecret make_secret() {
  // CPython's _Py_HashSecret_t is 24 bytes; SipHash's key is its first 16.
  unsigned char bytes[24] = {};
  HashSecret secret{0, 0, true};
  uint32_t seed = 0;
  if (parse_seed(std::getenv("PYTHONHASHSEED"), seed)) {
    if (seed == 0) {
      secret.randomized = false;
      return secret;
    }
    lcg_bytes(seed, bytes, sizeof bytes);
  } else if (getrandom(bytes, sizeof bytes, 0) != ssize_t(sizeof bytes)) {
    std::random_device device;
    for (unsigned char& byte : bytes) byte = static_cast<unsigned char>(device());
  }
  secret.k0 = load_le64(bytes);
  secret.k1 = load_le64(bytes + 8);
  return secret;
}

}  // namespace

const HashSecret& hash_secret() {
  static const HashSecret secret = make_secret();
  return secret;
}

uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t size) {
  const unsigned char* in = static_cast<const unsigned char*>(data);
  uint64_t b = uint64_t(size) << 56;
  uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
  uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
  uint64_t v3 = k1 ^ 0x7465646279746573ULL;
  while (size >= 8) {
    uint64_t m = load_le64(in);
    in += 8;
    size -= 8;
    v3 ^= m;
    sip_round(v0, v1, v2, v3);
    v0 ^= m;
  }
  uint64_t tail = 0;
  for (size_t i = 0; i < size; ++i) tail |= uint64_t(in[i]) << (8 * i);
  b |= tail;
  v3 ^= b;
  sip_round(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  sip_round(v0, v1, v2, v3);
  sip_round(v0, v1, v2, v3);
  sip_round(v0, v1, v2, v3);
  // CPython's variant folds the state as (v0 ^ v1) ^ (v2 ^ v3).
  return (v0 ^ v1) ^ (v2 ^ v3);
}

int64_t hash_bytes(const void* data, size_t size) {
  if (size == 0) return 0;
  const HashSecret& secret = hash_secret();
  int64_t hash = static_cast<int64_t>(siphash13(secret.k0, secret.k1, data, size));
  return hash == -1 ? -2 : hash;
}

}  // namespace coil
