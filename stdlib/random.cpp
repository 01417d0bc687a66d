// The `_random` module: CPython's Mersenne Twister (MT19937), bit for bit,
// under lib/random.py.
//
// Seeding follows CPython's random_seed: an int seed's absolute value is cut
// into 32-bit words, least significant first, and fed to init_by_array (0
// gives the one word 0); any other object seeds with its hash(). No seed
// reads 624 words from /dev/urandom. random() combines two outputs into 53
// bits as genrand_res53 does; getrandbits(k) fills 32-bit words from the low
// end, dropping the low bits of the last word, so a seeded program prints the
// same numbers as CPython.
#include <gmp.h>

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

constexpr int kN = 624;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

struct RandomObject : Object {
  uint32_t m_state[kN];
  int m_index;
};

Type random_type;

void init_genrand(RandomObject* r, uint32_t seed) {
  uint32_t* mt = r->m_state;
  mt[0] = seed;
  for (int i = 1; i < kN; ++i) {
    mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + uint32_t(i);
  }
  r->m_index = kN;
}

void init_by_array(RandomObject* r, const uint32_t* key, size_t key_length) {
  uint32_t* mt = r->m_state;
  init_genrand(r, 19650218U);
  size_t i = 1, j = 0;
  for (size_t k = kN > key_length ? kN : key_length; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + uint32_t(j);
    ++i;
    ++j;
    if (i >= size_t(kN)) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (size_t k = kN - 1; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - uint32_t(i);
    ++i;
    if (i >= size_t(kN)) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;  // a non-zero initial state is assured
}

uint32_t genrand_uint32(RandomObject* r) {
  uint32_t* mt = r->m_state;
  if (r->m_index >= kN) {
    int k = 0;
    for (; k < kN - kM; ++k) {
      uint32_t y = (mt[k] & kUpperMask) | (mt[k + 1] & kLowerMask);
      mt[k] = mt[k + kM] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    }
    for (; k < kN - 1; ++k) {
      uint32_t y = (mt[k] & kUpperMask) | (mt[k + 1] & kLowerMask);
      mt[k] = mt[k + (kM - kN)] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    }
    uint32_t y = (mt[kN - 1] & kUpperMask) | (mt[0] & kLowerMask);
    mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    r->m_index = 0;
  }
  uint32_t y = mt[r->m_index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

// Fills `out` from the system's entropy; false if it cannot be read.
bool read_urandom(void* out, size_t size) {
  FILE* file = std::fopen("/dev/urandom", "rb");
  if (file == nullptr) return false;
  bool ok = std::fread(out, 1, size, file) == size;
  std::fclose(file);
  return ok;
}

bool seed_from(RandomObject* r, Value arg) {
  if (!arg || is_none(arg)) {
    uint32_t key[kN];
    if (!read_urandom(key, sizeof key)) {
      // No entropy: the time and the address, as CPython's fallback.
      auto now = std::chrono::system_clock::now().time_since_epoch().count();
      uint32_t fallback[4] = {uint32_t(now), uint32_t(uint64_t(now) >> 32),
                              uint32_t(reinterpret_cast<uintptr_t>(r)), uint32_t(getpid())};
      init_by_array(r, fallback, 4);
      return true;
    }
    init_by_array(r, key, kN);
    return true;
  }
  Ref number;
  if (is_int(arg)) {
    number = ref(arg);
  } else {
    auto h = hash(arg);
    if (!h) return false;
    number = make_int(*h);
    if (!number) return false;
  }
  Mpz magnitude;
  int_to_mpz(number, magnitude);
  mpz_abs(magnitude, magnitude);
  std::vector<uint32_t> key;
  size_t words = (mpz_sizeinbase(magnitude, 2) + 31) / 32;
  if (mpz_sgn(magnitude) == 0) words = 1;
  key.assign(words, 0);
  size_t written = 0;
  mpz_export(key.data(), &written, -1, sizeof(uint32_t), 0, 0, magnitude);
  init_by_array(r, key.data(), key.size());
  return true;
}

Ref random_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  // Random(x) seeds with x; subclasses may take other arguments in __init__.
  if (type == &random_type && kwnames != nullptr && tuple_size(Value(kwnames)) != 0) {
    return raise(&type_error_type, "Random() takes no keyword arguments");
  }
  if (type == &random_type && nargs > 1) {
    return raise_format(&type_error_type, "Random() expected at most 1 argument, got %zu", nargs);
  }
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* r = construct_body<RandomObject>(object);
  Ref owner = Ref::steal(object);
  // A subclass's __init__ (random.Random's) seeds with its own arguments.
  if (!seed_from(r, type == &random_type && nargs >= 1 ? args[0] : Value())) return {};
  return owner;
}

RandomObject* as_random(Value v) { return v.as<RandomObject>(); }

Ref random_seed(Value self, Args args) {
  if (!check_positional("seed", args, 0, 1)) return {};
  if (!seed_from(as_random(self), args.count ? args[0] : Value())) return {};
  return new_none();
}

Ref random_random(Value self, Args) {
  RandomObject* r = as_random(self);
  uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
  return make_float((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Ref random_getrandbits(Value self, Args args) {
  auto k = index_as_int64(args[0]);
  if (!k) return {};
  if (*k < 0) return raise(&value_error_type, "number of bits must be non-negative");
  RandomObject* r = as_random(self);
  if (*k == 0) return make_int(int64_t(0));
  if (*k <= 32) return make_int(int64_t(genrand_uint32(r) >> (32 - *k)));
  if (*k > (int64_t(1) << 32)) return raise_no_memory();  // 512 MiB of words: refuse, not abort
  size_t words = size_t((*k - 1) / 32 + 1);
  std::vector<uint32_t> array(words);
  int64_t remaining = *k;
  for (size_t i = 0; i < words; ++i, remaining -= 32) {
    uint32_t value = genrand_uint32(r);
    if (remaining < 32) value >>= (32 - remaining);  // drop the least significant bits
    array[i] = value;
  }
  Mpz result;
  mpz_import(result, words, -1, sizeof(uint32_t), 0, 0, array.data());
  return make_int(result);
}

Ref random_getstate(Value self, Args) {
  RandomObject* r = as_random(self);
  Ref state = make_tuple(kN + 1);
  if (!state) return {};
  for (int i = 0; i < kN; ++i) tuple_set(state, size_t(i), make_int(int64_t(r->m_state[i])));
  tuple_set(state, kN, make_int(int64_t(r->m_index)));
  return state;
}

Ref random_setstate(Value self, Args args) {
  Value state = args[0];
  if (!is_tuple(state)) return raise(&type_error_type, "state vector must be a tuple");
  if (tuple_size(state) != size_t(kN + 1)) return raise(&value_error_type, "state vector is the wrong size");
  uint32_t words[kN];
  for (int i = 0; i < kN; ++i) {
    Value item = tuple_item(state, size_t(i));
    if (!is_int(item)) return raise_type_error_for("'%s' object cannot be interpreted as an integer", item);
    IntView view(item);
    if (mpz_sgn(view) < 0 || mpz_sizeinbase(view, 2) > 32) {
      return raise(&overflow_error_type, "Python int too large to convert to C unsigned long");
    }
    words[i] = uint32_t(mpz_get_ui(view));
  }
  auto index = index_as_int64(tuple_item(state, kN));
  if (!index) return {};
  if (*index < 0 || *index > kN) return raise(&value_error_type, "invalid state");
  RandomObject* r = as_random(self);
  std::memcpy(r->m_state, words, sizeof words);
  r->m_index = int(*index);
  return new_none();
}

// _random._urandom(n): n bytes from the system (os.urandom where os has none).
Ref random_urandom(Value, Args args) {
  auto n = index_as_int64(args[0]);
  if (!n) return {};
  if (*n < 0) return raise(&value_error_type, "negative argument not allowed");
  std::string out(size_t(*n), '\0');
  if (*n && !read_urandom(out.data(), out.size())) return raise_os_error_from_errno(errno);
  return make_bytes(out);
}

const MethodDef kRandomMethods[] = {
    {"seed", random_seed, ArgKind::VarArgs},
    {"random", random_random, ArgKind::NoArgs},
    {"getrandbits", random_getrandbits, ArgKind::OneArg},
    {"getstate", random_getstate, ArgKind::NoArgs},
    {"setstate", random_setstate, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const MethodDef kRandomFunctions[] = {
    {"_urandom", random_urandom, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_random(Value module) {
  if (!module_add_functions(module, kRandomFunctions)) return false;
  return dict_setitem_str(module_dict(module), "Random", Value(&random_type));
}

}  // namespace

static struct RandomTypesSetup {
  RandomTypesSetup() {
    random_type.m_tp_name = "_random.Random";
    random_type.m_size = sizeof(RandomObject);
    random_type.m_flags = kTypeBaseType;
    random_type.m_new = random_new;
    random_type.m_methods = kRandomMethods;
  }
} random_types_setup;

COIL_REGISTER_TYPE(random_type);
COIL_REGISTER_MODULE("_random", init_random);

}  // namespace coil
