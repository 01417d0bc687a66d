// The `_hashlib` module (re-exported by lib/hashlib.py): message digests
// through OpenSSL's EVP interface, as CPython's _hashlib.
//
// A HASH object owns one EVP_MD_CTX; digest() finalizes a copy, so update()
// may go on afterwards. The Python names (sha3_256, blake2b) map to
// OpenSSL's (SHA3-256, BLAKE2B512). shake_128/shake_256 are HASHXOF objects
// whose digest() takes the length.
//
// libcrypto is opened with dlopen when `_hashlib` is first imported, not
// linked: binding its thousands of symbols at every start would cost a
// program that never hashes about a third of coil's start-up time.
#include <dlfcn.h>
#include <openssl/evp.h>

#include <cctype>
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

// The libcrypto functions this module calls, each held as a pointer of the
// type its header declares.
#define COIL_CRYPTO_FUNCTIONS(X)                                                           \
  X(EVP_get_digestbyname) X(EVP_MD_get_flags) X(EVP_MD_get_size) X(EVP_MD_get_block_size) \
  X(EVP_MD_CTX_get0_md) X(EVP_MD_CTX_new) X(EVP_MD_CTX_free) X(EVP_MD_CTX_copy_ex)         \
  X(EVP_DigestInit_ex) X(EVP_DigestUpdate) X(EVP_DigestFinal_ex) X(EVP_DigestFinalXOF)     \
  X(PKCS5_PBKDF2_HMAC)

struct Crypto {
#define COIL_CRYPTO_FIELD(name) decltype(&::name) name = nullptr;
  COIL_CRYPTO_FUNCTIONS(COIL_CRYPTO_FIELD)
#undef COIL_CRYPTO_FIELD
};

Crypto crypto;

#define COIL_STRINGIFY_VALUE(x) #x
#define COIL_STRINGIFY(x) COIL_STRINGIFY_VALUE(x)

// Opens the libcrypto of the headers coil was built with (its soname
// carries the major version) and looks up every function; ImportError if
// it cannot, as CPython's hashlib when _hashlib is missing.
bool load_crypto() {
  if (crypto.PKCS5_PBKDF2_HMAC != nullptr) return true;
  static const char kLibrary[] = "libcrypto.so." COIL_STRINGIFY(OPENSSL_VERSION_MAJOR);
  void* library = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    raise_format(&import_error_type, "%s", dlerror());
    return false;
  }
  Crypto loaded;
#define COIL_CRYPTO_LOOKUP(name)                                                          \
  loaded.name = reinterpret_cast<decltype(&::name)>(dlsym(library, #name));               \
  if (loaded.name == nullptr) {                                                           \
    raise_format(&import_error_type, "%s: undefined symbol %s", kLibrary, #name);         \
    return false;                                                                         \
  }
  COIL_CRYPTO_FUNCTIONS(COIL_CRYPTO_LOOKUP)
#undef COIL_CRYPTO_LOOKUP
  crypto = loaded;
  return true;
}

struct Algorithm {
  const char* python_name;
  const char* openssl_name;
};

// The algorithms CPython guarantees (hashlib.algorithms_guaranteed).
constexpr Algorithm kAlgorithms[] = {
    {"md5", "MD5"},           {"sha1", "SHA1"},         {"sha224", "SHA224"},
    {"sha256", "SHA256"},     {"sha384", "SHA384"},     {"sha512", "SHA512"},
    {"sha3_224", "SHA3-224"}, {"sha3_256", "SHA3-256"}, {"sha3_384", "SHA3-384"},
    {"sha3_512", "SHA3-512"}, {"blake2b", "BLAKE2B512"}, {"blake2s", "BLAKE2S256"},
    {"shake_128", "SHAKE128"}, {"shake_256", "SHAKE256"},
};

struct HashObject : Object {
  EVP_MD_CTX* m_context = nullptr;
  const char* m_name = nullptr;  // the Python name, from kAlgorithms
  bool m_xof = false;
};

Type hash_type, hash_xof_type;

const Algorithm* find_algorithm(std::string_view name) {
  for (const Algorithm& algorithm : kAlgorithms) {
    if (name == algorithm.python_name) return &algorithm;
  }
  // OpenSSL's spellings, upper or lower case (hashlib.new('SHA256')).
  std::string lower(name);
  for (char& c : lower) c = char(std::tolower((unsigned char)c));
  for (const Algorithm& algorithm : kAlgorithms) {
    std::string openssl(algorithm.openssl_name);
    for (char& c : openssl) c = char(std::tolower((unsigned char)c));
    if (lower == algorithm.python_name || lower == openssl) return &algorithm;
  }
  return nullptr;
}

bool hash_update_with(HashObject* hash, Value data) {
  if (is_str(data)) {
    raise(&type_error_type, "Strings must be encoded before hashing");
    return false;
  }
  std::string_view view;
  if (!buffer_view(data, view)) {
    clear_exception();
    raise(&type_error_type, "object supporting the buffer API required");
    return false;
  }
  if (crypto.EVP_DigestUpdate(hash->m_context, view.data(), view.size()) != 1) {
    raise(&value_error_type, "digest update failed");
    return false;
  }
  return true;
}

Ref make_hash(const Algorithm* algorithm, Value data) {
  const EVP_MD* md = crypto.EVP_get_digestbyname(algorithm->openssl_name);
  if (md == nullptr) return raise_format(&value_error_type, "unsupported hash type %s", algorithm->python_name);
  bool xof = (crypto.EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
  Object* object = allocate_object(xof ? &hash_xof_type : &hash_type);
  if (object == nullptr) return raise_no_memory();
  auto* hash = construct_body<HashObject>(object);
  Ref owner = Ref::steal(object);
  hash->m_name = algorithm->python_name;
  hash->m_xof = xof;
  hash->m_context = crypto.EVP_MD_CTX_new();
  if (hash->m_context == nullptr) return raise_no_memory();
  if (crypto.EVP_DigestInit_ex(hash->m_context, md, nullptr) != 1) {
    return raise_format(&value_error_type, "unsupported hash type %s", algorithm->python_name);
  }
  if (data && !hash_update_with(hash, data)) return {};
  return owner;
}

// The data argument of a constructor: `data` or its old name `string`,
// positional or keyword; usedforsecurity is accepted and ignored.
// The constructors' names, as CPython's messages give them.
constexpr const char* kConstructorNames[] = {
    "openssl_md5",      "openssl_sha1",     "openssl_sha224",   "openssl_sha256",
    "openssl_sha384",   "openssl_sha512",   "openssl_sha3_224", "openssl_sha3_256",
    "openssl_sha3_384", "openssl_sha3_512", "openssl_blake2b",  "openssl_blake2s",
    "openssl_shake_128", "openssl_shake_256",
};

// hashlib.sha256(string=b'', *, usedforsecurity=True): usedforsecurity is
// accepted and ignored.
template <int Index>
Ref hash_constructor(Value, Args args) {
  static const ArgSpec spec{kConstructorNames[Index], {"string", "usedforsecurity"}, 0, 1, 0};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  return make_hash(&kAlgorithms[Index], bound[0]);
}

// hashlib.new(name, string=b'', *, usedforsecurity=True)
Ref hashlib_new(Value, Args args) {
  static const ArgSpec spec{"new", {"name", "string", "usedforsecurity"}, 0, 2, 1};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  if (!is_str(bound[0])) return raise(&type_error_type, "name must be a string");
  const Algorithm* algorithm = find_algorithm(str_view(bound[0]));
  if (algorithm == nullptr) {
    return raise_format(&value_error_type, "unsupported hash type %s", str_cstr(bound[0]));
  }
  return make_hash(algorithm, bound[1]);
}

// _hashlib.UnsupportedDigestmodError (a ValueError), made at import.
Value g_unsupported_digestmod_error;

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)
Ref hashlib_pbkdf2_hmac(Value, Args args) {
  static const ArgSpec spec{"pbkdf2_hmac", {"hash_name", "password", "salt", "iterations", "dklen"}, 0, SIZE_MAX, 4};
  Value bound[5];
  if (!bind_arguments(spec, args, bound)) return {};
  if (!is_str(bound[0])) {
    return raise_type_error_for("pbkdf2_hmac() argument 'hash_name' must be str, not %s", bound[0]);
  }
  std::string_view password, salt;
  for (int i = 1; i <= 2; ++i) {
    std::string_view& view = i == 1 ? password : salt;
    if (is_str(bound[i]) || !buffer_view(bound[i], view)) {
      clear_exception();
      return raise_type_error_for("a bytes-like object is required, not '%s'", bound[i]);
    }
  }
  auto iterations = index_as_int64(bound[3]);
  if (!iterations) return {};
  if (*iterations < 1) return raise(&value_error_type, "iteration value must be greater than 0.");
  if (*iterations > INT32_MAX) return raise(&overflow_error_type, "iteration value is too great.");
  const Algorithm* algorithm = find_algorithm(str_view(bound[0]));
  const EVP_MD* md = algorithm ? crypto.EVP_get_digestbyname(algorithm->openssl_name) : nullptr;
  if (md == nullptr || (crypto.EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0) {
    return raise(g_unsupported_digestmod_error.as<Type>(), "[digital envelope routines] unsupported");
  }
  int64_t length = crypto.EVP_MD_get_size(md);
  if (bound[4] && !is_none(bound[4])) {
    auto n = index_as_int64(bound[4]);
    if (!n) return {};
    if (*n < 1) return raise(&value_error_type, "key length must be greater than 0.");
    if (*n > INT32_MAX) return raise(&overflow_error_type, "key length is too great.");
    length = *n;
  }
  std::string key(size_t(length), '\0');
  if (crypto.PKCS5_PBKDF2_HMAC(password.data(), int(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()), int(salt.size()),
                        int(*iterations), md, int(length), reinterpret_cast<unsigned char*>(key.data())) != 1) {
    return raise(&value_error_type, "pbkdf2_hmac failed");
  }
  return make_bytes(key);
}

// compare_digest(a, b): equality that takes the same time wherever the
// inputs differ (CPython's _operator._compare_digest).
Ref hashlib_compare_digest(Value, Args args) {
  if (!check_positional("compare_digest", args, 2, 2)) return {};
  std::string_view a, b;
  if (is_str(args[0]) && is_str(args[1])) {
    if (!str_is_ascii(args[0]) || !str_is_ascii(args[1])) {
      return raise(&type_error_type, "comparing strings with non-ASCII characters is not supported");
    }
    a = str_view(args[0]);
    b = str_view(args[1]);
  } else {
    bool a_is_buffer = !is_str(args[0]) && buffer_view(args[0], a);
    clear_exception();
    bool b_is_buffer = !is_str(args[1]) && buffer_view(args[1], b);
    clear_exception();
    if (!a_is_buffer && !b_is_buffer) {
      return raise_format(&type_error_type,
                          "unsupported operand types(s) or combination of types: '%s' and '%s'",
                          type_name(args[0].type()).data(), type_name(args[1].type()).data());
    }
    if (!a_is_buffer || !b_is_buffer) {
      return raise_type_error_for("a bytes-like object is required, not '%s'", a_is_buffer ? args[1] : args[0]);
    }
  }
  // Always walk all of b, so that the time depends only on its length.
  unsigned char difference = a.size() == b.size() ? 0 : 1;
  std::string_view left = a.size() == b.size() ? a : b;
  for (size_t i = 0; i < b.size(); ++i) difference |= (unsigned char)(left[i] ^ b[i]);
  return new_bool(difference == 0);
}

HashObject* as_hash(Value v) { return v.as<HashObject>(); }

Ref hash_update(Value self, Args args) {
  if (!hash_update_with(as_hash(self), args[0])) return {};
  return new_none();
}

// Finalizes a copy of the context into `out` (`length` bytes for XOFs).
bool finish(HashObject* hash, std::string& out, size_t length) {
  EVP_MD_CTX* copy = crypto.EVP_MD_CTX_new();
  if (copy == nullptr) {
    raise_no_memory();
    return false;
  }
  bool ok = crypto.EVP_MD_CTX_copy_ex(copy, hash->m_context) == 1;
  if (ok && hash->m_xof) {
    out.assign(length, '\0');
    ok = length == 0 || crypto.EVP_DigestFinalXOF(copy, reinterpret_cast<unsigned char*>(out.data()), length) == 1;
  } else if (ok) {
    unsigned char buffer[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    ok = crypto.EVP_DigestFinal_ex(copy, buffer, &size) == 1;
    out.assign(reinterpret_cast<char*>(buffer), size);
  }
  crypto.EVP_MD_CTX_free(copy);
  if (!ok) raise(&value_error_type, "digest failed");
  return ok;
}

bool xof_length(const ArgSpec& spec, Args args, size_t& length) {
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return false;
  auto n = index_as_int64(bound[0]);
  if (!n) return false;
  if (*n < 0) {
    raise(&value_error_type, "length must be non-negative");
    return false;
  }
  if (*n >= (int64_t(1) << 29)) {
    raise(&value_error_type, "digest length is too large");
    return false;
  }
  length = size_t(*n);
  return true;
}

std::string to_hex(const std::string& digest) {
  static const char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(digest.size() * 2);
  for (unsigned char c : digest) {
    text += kHex[c >> 4];
    text += kHex[c & 15];
  }
  return text;
}

Ref hash_digest(Value self, Args) {
  std::string out;
  if (!finish(as_hash(self), out, 0)) return {};
  return make_bytes(out);
}

Ref hash_hexdigest(Value self, Args) {
  std::string out;
  if (!finish(as_hash(self), out, 0)) return {};
  return make_str(to_hex(out));
}

Ref hash_xof_digest(Value self, Args args) {
  static const ArgSpec spec{"digest", {"length"}, 0, SIZE_MAX, 1};
  size_t length = 0;
  std::string out;
  if (!xof_length(spec, args, length) || !finish(as_hash(self), out, length)) return {};
  return make_bytes(out);
}

Ref hash_xof_hexdigest(Value self, Args args) {
  static const ArgSpec spec{"hexdigest", {"length"}, 0, SIZE_MAX, 1};
  size_t length = 0;
  std::string out;
  if (!xof_length(spec, args, length) || !finish(as_hash(self), out, length)) return {};
  return make_str(to_hex(out));
}

Ref hash_copy(Value self, Args) {
  HashObject* hash = as_hash(self);
  Object* object = allocate_object(self.type());
  if (object == nullptr) return raise_no_memory();
  auto* copy = construct_body<HashObject>(object);
  Ref owner = Ref::steal(object);
  copy->m_name = hash->m_name;
  copy->m_xof = hash->m_xof;
  copy->m_context = crypto.EVP_MD_CTX_new();
  if (copy->m_context == nullptr) return raise_no_memory();
  if (crypto.EVP_MD_CTX_copy_ex(copy->m_context, hash->m_context) != 1) {
    return raise(&value_error_type, "copy failed");
  }
  return owner;
}

Ref hash_name(Value self) { return make_str(as_hash(self)->m_name); }
Ref hash_digest_size(Value self) {
  if (as_hash(self)->m_xof) return make_int(int64_t(0));
  return make_int(int64_t(crypto.EVP_MD_get_size(crypto.EVP_MD_CTX_get0_md(as_hash(self)->m_context))));
}
Ref hash_block_size(Value self) {
  return make_int(int64_t(crypto.EVP_MD_get_block_size(crypto.EVP_MD_CTX_get0_md(as_hash(self)->m_context))));
}

Ref hash_repr(Value self) {
  char text[128];
  snprintf(text, sizeof text, "<%s %s object @ %p>", as_hash(self)->m_name, type_name(self.type()).data(),
           static_cast<void*>(self.as_object()));
  return make_str(text);
}

void hash_destroy(Object* object) {
  auto* hash = static_cast<HashObject*>(object);
  if (hash->m_context) crypto.EVP_MD_CTX_free(hash->m_context);
  hash->~HashObject();
}

const MethodDef kHashMethods[] = {
    {"update", hash_update, ArgKind::OneArg},
    {"digest", hash_digest, ArgKind::NoArgs},
    {"hexdigest", hash_hexdigest, ArgKind::NoArgs},
    {"copy", hash_copy, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const MethodDef kHashXofMethods[] = {
    {"digest", hash_xof_digest, ArgKind::Keywords},
    {"hexdigest", hash_xof_hexdigest, ArgKind::Keywords},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kHashGetSet[] = {
    {"name", hash_name},
    {"digest_size", hash_digest_size},
    {"block_size", hash_block_size},
    {nullptr, nullptr},
};

const MethodDef kHashlibFunctions[] = {
    {"new", hashlib_new, ArgKind::Keywords},
    {"pbkdf2_hmac", hashlib_pbkdf2_hmac, ArgKind::Keywords},
    {"compare_digest", hashlib_compare_digest, ArgKind::VarArgs},
    {"openssl_md5", hash_constructor<0>, ArgKind::Keywords},
    {"openssl_sha1", hash_constructor<1>, ArgKind::Keywords},
    {"openssl_sha224", hash_constructor<2>, ArgKind::Keywords},
    {"openssl_sha256", hash_constructor<3>, ArgKind::Keywords},
    {"openssl_sha384", hash_constructor<4>, ArgKind::Keywords},
    {"openssl_sha512", hash_constructor<5>, ArgKind::Keywords},
    {"openssl_sha3_224", hash_constructor<6>, ArgKind::Keywords},
    {"openssl_sha3_256", hash_constructor<7>, ArgKind::Keywords},
    {"openssl_sha3_384", hash_constructor<8>, ArgKind::Keywords},
    {"openssl_sha3_512", hash_constructor<9>, ArgKind::Keywords},
    {"openssl_blake2b", hash_constructor<10>, ArgKind::Keywords},
    {"openssl_blake2s", hash_constructor<11>, ArgKind::Keywords},
    {"openssl_shake_128", hash_constructor<12>, ArgKind::Keywords},
    {"openssl_shake_256", hash_constructor<13>, ArgKind::Keywords},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_hashlib(Value module) {
  if (!load_crypto()) return false;
  if (!module_add_functions(module, kHashlibFunctions)) return false;
  Value dict = module_dict(module);
  if (!g_unsupported_digestmod_error) {
    // class UnsupportedDigestmodError(ValueError), kept for the whole run.
    Ref name = TRY(make_str("UnsupportedDigestmodError"));
    Ref bases = TRY(make_tuple({Value(&value_error_type)}));
    Ref namespace_dict = TRY(make_dict());
    Ref module_name = TRY(make_str("_hashlib"));
    if (!dict_setitem_str(namespace_dict, "__module__", module_name)) return false;
    g_unsupported_digestmod_error = TRY(call(Value(&type_type), {name, bases, namespace_dict})).release();
  }
  if (!dict_setitem_str(dict, "UnsupportedDigestmodError", g_unsupported_digestmod_error)) return false;
  return dict_setitem_str(dict, "HASH", Value(&hash_type)) &&
         dict_setitem_str(dict, "HASHXOF", Value(&hash_xof_type));
}

}  // namespace

static struct HashTypesSetup {
  HashTypesSetup() {
    hash_type.m_tp_name = "_hashlib.HASH";
    hash_type.m_size = sizeof(HashObject);
    hash_type.m_flags = kTypeBaseType;
    hash_type.m_destroy = hash_destroy;
    hash_type.m_repr = hash_repr;
    hash_type.m_methods = kHashMethods;
    hash_type.m_getset = kHashGetSet;
    hash_xof_type.m_tp_name = "_hashlib.HASHXOF";
    hash_xof_type.m_base = &hash_type;
    hash_xof_type.m_size = sizeof(HashObject);
    hash_xof_type.m_destroy = hash_destroy;
    hash_xof_type.m_repr = hash_repr;
    hash_xof_type.m_methods = kHashXofMethods;
  }
} hash_types_setup;

COIL_REGISTER_TYPE(hash_type);
COIL_REGISTER_TYPE(hash_xof_type);
COIL_REGISTER_MODULE("_hashlib", init_hashlib);

}  // namespace coil
