// The `_ssl` module (lib/ssl.py builds `ssl` on it): TLS through OpenSSL's
// libssl, as CPython's _ssl exposes it.
//
//   _SSLContext  an SSL_CTX: protocol, verification, certificates, ciphers,
//                ALPN, the server name callback; lib/ssl.py's SSLContext
//                subclasses it.
//   _SSLSocket   an SSL: the handshake, read, write, shutdown and what the
//                connection negotiated. Made by _SSLContext._wrap_socket over
//                a `_socket.socket` (blocking I/O on its descriptor, in the
//                socket's own mode) or by _wrap_bio over two MemoryBIOs (no
//                I/O at all: asyncio's SSL protocol pumps the bytes).
//   MemoryBIO    a memory BIO, the buffer between an SSL object and whoever
//                moves its bytes.
//   SSLSession   a session a client may resume.
//   SSLError and its subclasses, with CPython's messages: "[LIB: REASON]
//   text (_ssl.c:LINE)", LINE being the line of CPython 3.11's _ssl.c that
//   raises at the same place, so that programs print what CPython prints.
//
// Modes of a wrapped socket, as CPython's: timeout None blocks in OpenSSL's
// own reads and writes with the GIL let go; a timeout waits with poll() for
// each step up to the deadline (TimeoutError); a non-blocking socket raises
// SSLWantReadError/SSLWantWriteError for the caller to retry.
//
// libssl and libcrypto are opened with dlopen when `_ssl` is first imported,
// not linked (stdlib/hashlib.cpp says why). Every OpenSSL function called
// here is looked up into one table (the X-macro lists below); the headers'
// macros and inline functions that would call OpenSSL themselves
// (SSL_CTX_set_mode, sk_X509_num, BIO_set_nbio…) are written out over those
// pointers instead.
#include <arpa/inet.h>
#include <dlfcn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <utf8proc.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/signals.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"
#include "runtime/weakref.h"
#include "runtime/loop/clock.h"
#include "stdlib/socket.h"
#include "vm/import.h"

namespace coil {

namespace {

// --- The libraries ---------------------------------------------------------------

#define COIL_LIBSSL_FUNCTIONS(X)                                                                          \
  X(OPENSSL_init_ssl) X(TLS_method) X(TLS_client_method) X(TLS_server_method)                             \
  X(SSL_CTX_new) X(SSL_CTX_free) X(SSL_CTX_ctrl) X(SSL_CTX_set_options) X(SSL_CTX_clear_options)          \
  X(SSL_CTX_get_options) X(SSL_CTX_set_verify) X(SSL_CTX_get_verify_mode) X(SSL_CTX_get_verify_callback)  \
  X(SSL_CTX_set_cipher_list) X(SSL_CTX_get_cert_store) X(SSL_CTX_use_certificate_chain_file)              \
  X(SSL_CTX_use_PrivateKey_file) X(SSL_CTX_check_private_key) X(SSL_CTX_set_default_passwd_cb)            \
  X(SSL_CTX_set_default_passwd_cb_userdata) X(SSL_CTX_get_default_passwd_cb)                              \
  X(SSL_CTX_get_default_passwd_cb_userdata) X(SSL_CTX_load_verify_locations)                              \
  X(SSL_CTX_set_default_verify_paths) X(SSL_CTX_set_alpn_protos) X(SSL_CTX_set_alpn_select_cb)            \
  X(SSL_CTX_get0_param) X(SSL_CTX_set_num_tickets) X(SSL_CTX_get_num_tickets)                             \
  X(SSL_CTX_get_security_level) X(SSL_CTX_set_post_handshake_auth) X(SSL_CTX_set_session_id_context)      \
  X(SSL_select_next_proto) X(SSL_new) X(SSL_free) X(SSL_set_fd) X(SSL_set_bio) X(SSL_set_connect_state)   \
  X(SSL_set_accept_state) X(SSL_do_handshake) X(SSL_read_ex) X(SSL_write_ex) X(SSL_pending)               \
  X(SSL_shutdown) X(SSL_get_shutdown) X(SSL_set_read_ahead) X(SSL_get_error) X(SSL_ctrl) X(SSL_get0_param) \
  X(SSL_get_verify_result) X(SSL_get1_peer_certificate) X(SSL_get_current_cipher) X(SSL_CIPHER_get_name)  \
  X(SSL_CIPHER_get_version) X(SSL_CIPHER_get_bits) X(SSL_CIPHER_get_id) X(SSL_CIPHER_description)         \
  X(SSL_CIPHER_is_aead) X(SSL_CIPHER_get_cipher_nid) X(SSL_CIPHER_get_digest_nid)                         \
  X(SSL_CIPHER_get_kx_nid) X(SSL_CIPHER_get_auth_nid) X(SSL_get_ciphers) X(SSL_get_client_ciphers)        \
  X(SSL_get_version) X(SSL_get0_alpn_selected) X(SSL_session_reused) X(SSL_get_finished)                  \
  X(SSL_get_peer_finished) X(SSL_is_init_finished) X(SSL_get_rbio) X(SSL_get_wbio) X(SSL_set_SSL_CTX)     \
  X(SSL_get_SSL_CTX) X(SSL_get_verify_mode) X(SSL_get_verify_callback) X(SSL_set_verify)                  \
  X(SSL_set_post_handshake_auth) X(SSL_verify_client_post_handshake) X(SSL_get1_session)                  \
  X(SSL_get0_session) X(SSL_set_session) X(SSL_SESSION_free) X(SSL_SESSION_get_time)                      \
  X(SSL_SESSION_get_timeout) X(SSL_SESSION_get_ticket_lifetime_hint) X(SSL_SESSION_get_id)                \
  X(SSL_SESSION_has_ticket) X(SSL_set_ex_data) X(SSL_get_ex_data) X(SSL_get_servername)                   \
  X(SSL_CTX_callback_ctrl)

#define COIL_LIBCRYPTO_FUNCTIONS(X)                                                                      \
  X(ERR_peek_last_error) X(ERR_clear_error) X(ERR_reason_error_string) X(ERR_get_error) X(BIO_new)       \
  X(BIO_s_mem) X(BIO_free) X(BIO_read) X(BIO_write) X(BIO_ctrl) X(BIO_up_ref) X(BIO_new_mem_buf)          \
  X(BIO_ctrl_pending) X(BIO_set_flags) X(BIO_clear_flags) X(BIO_new_file) X(X509_free)                   \
  X(X509_get_subject_name) X(X509_get_issuer_name) X(X509_get_version) X(X509_get_serialNumber)          \
  X(X509_get0_notBefore) X(X509_get0_notAfter) X(X509_get_ext_d2i) X(X509_NAME_entry_count)              \
  X(X509_NAME_get_entry) X(X509_NAME_ENTRY_get_object) X(X509_NAME_ENTRY_get_data)                       \
  X(X509_NAME_ENTRY_set) X(OBJ_obj2txt) X(OBJ_obj2nid) X(OBJ_nid2ln) X(OBJ_nid2sn) X(OBJ_nid2obj)         \
  X(OBJ_txt2obj) X(OBJ_sn2nid) X(ASN1_OBJECT_free) X(ASN1_STRING_to_UTF8) X(ASN1_STRING_get0_data)       \
  X(ASN1_STRING_length) X(ASN1_TIME_print) X(i2a_ASN1_INTEGER) X(i2t_ASN1_OBJECT) X(i2d_X509)             \
  X(d2i_X509_bio) X(PEM_read_bio_X509) X(CRYPTO_free) X(GENERAL_NAME_print) X(GENERAL_NAMES_free)        \
  X(AUTHORITY_INFO_ACCESS_free) X(CRL_DIST_POINTS_free) X(OPENSSL_sk_num) X(OPENSSL_sk_value)            \
  X(OPENSSL_sk_find) X(X509_STORE_add_cert) X(X509_STORE_get0_objects) X(X509_OBJECT_get_type)           \
  X(X509_OBJECT_get0_X509) X(X509_check_ca) X(X509_VERIFY_PARAM_set1_host) X(X509_VERIFY_PARAM_set1_ip) \
  X(X509_VERIFY_PARAM_set_hostflags) X(X509_VERIFY_PARAM_get_flags) X(X509_VERIFY_PARAM_set_flags)       \
  X(X509_VERIFY_PARAM_clear_flags) X(X509_verify_cert_error_string) X(X509_get_default_cert_file_env)    \
  X(X509_get_default_cert_file) X(X509_get_default_cert_dir_env) X(X509_get_default_cert_dir)            \
  X(RAND_bytes) X(RAND_status) X(RAND_add) X(OpenSSL_version) X(OpenSSL_version_num) X(a2i_IPADDRESS)    \
  X(ASN1_OCTET_STRING_free)

// The methods of PROTOCOL_TLSv1, _1 and _2, deprecated since OpenSSL 1.1:
// typed here (their declarations warn) and looked up without failing, a
// build of OpenSSL that lacks them leaving those protocols unavailable.
#define COIL_LEGACY_METHODS(X) X(TLSv1_method) X(TLSv1_1_method) X(TLSv1_2_method)

struct OpenSsl {
#define COIL_SSL_FIELD(name) decltype(&::name) name = nullptr;
  COIL_LIBSSL_FUNCTIONS(COIL_SSL_FIELD)
  COIL_LIBCRYPTO_FUNCTIONS(COIL_SSL_FIELD)
#undef COIL_SSL_FIELD
#define COIL_SSL_LEGACY_FIELD(name) const SSL_METHOD* (*name)() = nullptr;
  COIL_LEGACY_METHODS(COIL_SSL_LEGACY_FIELD)
#undef COIL_SSL_LEGACY_FIELD
};

OpenSsl ossl;

#define COIL_SSL_STRINGIFY_VALUE(x) #x
#define COIL_SSL_STRINGIFY(x) COIL_SSL_STRINGIFY_VALUE(x)

// Opens the libssl and libcrypto of the headers coil was built with (their
// sonames carry the major version) and looks every function up; ImportError
// if that fails, as CPython's `import ssl` without _ssl.
bool load_openssl() {
  if (ossl.OPENSSL_init_ssl != nullptr) return true;
  static const char kCrypto[] = "libcrypto.so." COIL_SSL_STRINGIFY(OPENSSL_VERSION_MAJOR);
  static const char kSsl[] = "libssl.so." COIL_SSL_STRINGIFY(OPENSSL_VERSION_MAJOR);
  void* crypto = dlopen(kCrypto, RTLD_NOW | RTLD_LOCAL);
  void* ssl = crypto ? dlopen(kSsl, RTLD_NOW | RTLD_LOCAL) : nullptr;
  if (ssl == nullptr) {
    raise_format(&import_error_type, "%s", dlerror());
    return false;
  }
  OpenSsl loaded;
#define COIL_SSL_LOOKUP(library, file, name)                                          \
  loaded.name = reinterpret_cast<decltype(&::name)>(dlsym(library, #name));           \
  if (loaded.name == nullptr) {                                                       \
    raise_format(&import_error_type, "%s: undefined symbol %s", file, #name);         \
    return false;                                                                     \
  }
#define COIL_SSL_LOOKUP_SSL(name) COIL_SSL_LOOKUP(ssl, kSsl, name)
#define COIL_SSL_LOOKUP_CRYPTO(name) COIL_SSL_LOOKUP(crypto, kCrypto, name)
  COIL_LIBSSL_FUNCTIONS(COIL_SSL_LOOKUP_SSL)
  COIL_LIBCRYPTO_FUNCTIONS(COIL_SSL_LOOKUP_CRYPTO)
#undef COIL_SSL_LOOKUP_CRYPTO
#undef COIL_SSL_LOOKUP_SSL
#undef COIL_SSL_LOOKUP
#define COIL_SSL_LOOKUP_LEGACY(name) \
  loaded.name = reinterpret_cast<const SSL_METHOD* (*)()>(dlsym(ssl, #name));
  COIL_LEGACY_METHODS(COIL_SSL_LOOKUP_LEGACY)
#undef COIL_SSL_LOOKUP_LEGACY
  // The error strings, for messages built before any context exists.
  loaded.OPENSSL_init_ssl(OPENSSL_INIT_LOAD_SSL_STRINGS | OPENSSL_INIT_LOAD_CRYPTO_STRINGS, nullptr);
  ossl = loaded;
  return true;
}

// The headers' macros, over the looked-up functions.
long ctx_ctrl(SSL_CTX* ctx, int command, long argument, void* pointer = nullptr) {
  return ossl.SSL_CTX_ctrl(ctx, command, argument, pointer);
}
int stack_count(const void* stack) { return ossl.OPENSSL_sk_num(static_cast<const OPENSSL_STACK*>(stack)); }
template <class T>
T* stack_item(const void* stack, int i) {
  return static_cast<T*>(ossl.OPENSSL_sk_value(static_cast<const OPENSSL_STACK*>(stack), i));
}
void openssl_free(void* pointer) { ossl.CRYPTO_free(pointer, __FILE__, __LINE__); }
void set_bio_nonblocking(BIO* bio, bool nonblocking) {
  ossl.BIO_ctrl(bio, BIO_C_SET_NBIO, nonblocking ? 1 : 0, nullptr);
}
// The text a memory BIO holds.
std::string memory_bio_text(BIO* bio) {
  char* data = nullptr;
  long size = ossl.BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data);
  return size > 0 && data != nullptr ? std::string(data, size_t(size)) : std::string();
}

// --- CPython's values ---------------------------------------------------------------

// CPython's enum py_ssl_error: SSL_get_error()'s codes and its own.
enum PyErrorCode {
  kErrorNone = 0, kErrorSsl = 1, kErrorWantRead = 2, kErrorWantWrite = 3, kErrorWantX509Lookup = 4,
  kErrorSyscall = 5, kErrorZeroReturn = 6, kErrorWantConnect = 7, kErrorEof = 8, kErrorNoSocket = 9,
  kErrorInvalidErrorCode = 10,
};

// PROTOCOL_* values (enum py_ssl_version).
enum ProtocolVersion { kProtocolTls = 2, kProtocolTls1 = 3, kProtocolTls1_1 = 4, kProtocolTls1_2 = 5,
                       kProtocolTlsClient = 0x10, kProtocolTlsServer = 0x11 };
// TLSVersion values (enum py_proto_version).
constexpr int kProtoMinimumSupported = -2, kProtoMaximumSupported = -1;

enum CertRequirement { kCertNone = 0, kCertOptional = 1, kCertRequired = 2 };

constexpr const char* kDefaultCiphers =
    "@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM";

// The line of CPython 3.11.7's _ssl.c that raises at each place, for the
// "(_ssl.c:LINE)" of messages: a program that prints an SSLError prints
// what CPython prints. (Sites no test of a real connection reaches, such
// as a failed SSL_new(), carry the line of the nearest call in CPython.)
enum CPythonLine {
  kLineNewSsl = 791, kLineServerWithClientContext = 802, kLineClientWithServerContext = 809,
  kLineServerName = 730, kLineHostName = 739, kLineHostIp = 746, kLineHandshakeTimeout = 989,
  kLineHandshakeClosed = 993, kLineHandshake = 1006, kLineNoSocket = 2372,
  kLineWrite = 2427, kLinePending = 2469, kLineRead = 2580, kLineShutdown = 2706,
  kLinePostHandshake = 2781, kLineContextNew = 3080, kLineVerifyFlags = 3356, kLineCertificateChain = 3905,
  kLinePrivateKey = 3926, kLineCheckPrivateKey = 3937, kLineCaBuffer = 3969, kLineCaData = 4020,
  kLineCaDataError = 4035, kLineVerifyLocations = 4154, kLineDefaultVerifyPaths = 4311,
  kLineEcdhCurve = 4357, kLineDer = 1628, kLineBioRead = 4930, kLineBioWrite = 4966, kLineSession = 2983,
};

// --- Errors -------------------------------------------------------------------------

// ssl.SSLError and its subclasses. SSLCertVerificationError derives from
// ValueError too: it is a class made at the first import, the others are
// built-in types.
Type ssl_error_type, ssl_zero_return_error_type, ssl_want_read_error_type, ssl_want_write_error_type,
    ssl_syscall_error_type, ssl_eof_error_type;
Value g_cert_verification_error;

// str(SSLError): the message alone, as CPython's SSLError_str.
Ref ssl_error_str(Value self) {
  auto* e = as_exception(self);
  if (e->m_strerror && is_str(e->m_strerror)) return e->m_strerror;
  return str(e->m_args ? e->m_args.get() : empty_tuple());
}

// CPython's lib_codes_to_names: the short names of OpenSSL's libraries.
struct LibraryName {
  int code;
  const char* name;
};
constexpr LibraryName kLibraryNames[] = {
    {ERR_LIB_ASN1, "ASN1"}, {ERR_LIB_ASYNC, "ASYNC"}, {ERR_LIB_BIO, "BIO"}, {ERR_LIB_BN, "BN"},
    {ERR_LIB_BUF, "BUF"}, {ERR_LIB_CMP, "CMP"}, {ERR_LIB_CMS, "CMS"}, {ERR_LIB_COMP, "COMP"},
    {ERR_LIB_CONF, "CONF"}, {ERR_LIB_CRMF, "CRMF"}, {ERR_LIB_CRYPTO, "CRYPTO"}, {ERR_LIB_CT, "CT"},
    {ERR_LIB_DH, "DH"}, {ERR_LIB_DSA, "DSA"}, {ERR_LIB_DSO, "DSO"}, {ERR_LIB_EC, "EC"}, {ERR_LIB_ECDH, "ECDH"},
    {ERR_LIB_ECDSA, "ECDSA"}, {ERR_LIB_ENGINE, "ENGINE"}, {ERR_LIB_ESS, "ESS"}, {ERR_LIB_EVP, "EVP"},
    {ERR_LIB_FIPS, "FIPS"}, {ERR_LIB_HMAC, "HMAC"}, {ERR_LIB_HTTP, "HTTP"}, {ERR_LIB_KDF, "KDF"},
    {ERR_LIB_MASK, "MASK"}, {ERR_LIB_NONE, "NONE"}, {ERR_LIB_OBJ, "OBJ"}, {ERR_LIB_OCSP, "OCSP"},
    {ERR_LIB_OFFSET, "OFFSET"}, {ERR_LIB_OSSL_DECODER, "OSSL_DECODER"}, {ERR_LIB_OSSL_ENCODER, "OSSL_ENCODER"},
    {ERR_LIB_OSSL_STORE, "OSSL_STORE"}, {ERR_LIB_PEM, "PEM"}, {ERR_LIB_PKCS12, "PKCS12"},
    {ERR_LIB_PKCS7, "PKCS7"}, {ERR_LIB_PROP, "PROP"}, {ERR_LIB_PROV, "PROV"}, {ERR_LIB_RAND, "RAND"},
    {ERR_LIB_RSA, "RSA"}, {ERR_LIB_SM2, "SM2"}, {ERR_LIB_SSL, "SSL"}, {ERR_LIB_SYS, "SYS"}, {ERR_LIB_TS, "TS"},
    {ERR_LIB_UI, "UI"}, {ERR_LIB_USER, "USER"}, {ERR_LIB_X509, "X509"}, {ERR_LIB_X509V3, "X509V3"},
};

// The mnemonics of CPython's err_codes_to_names that differ from what
// reason_name() derives from OpenSSL's text of the reason.
struct ReasonName {
  int library, reason;
  const char* name;
};
constexpr ReasonName kReasonNameExceptions[] = {
    {ERR_LIB_DH, 102, "INVALID_PUBKEY"}, {ERR_LIB_DSA, 110, "SEED_LEN_SMALL"},
    {ERR_LIB_DSO, 100, "CTRL_FAILED"}, {ERR_LIB_DSO, 102, "FINISH_FAILED"}, {ERR_LIB_DSO, 103, "LOAD_FAILED"},
    {ERR_LIB_DSO, 104, "NULL_HANDLE"}, {ERR_LIB_DSO, 105, "STACK_ERROR"}, {ERR_LIB_DSO, 106, "SYM_FAILURE"},
    {ERR_LIB_DSO, 107, "UNLOAD_FAILED"}, {ERR_LIB_DSO, 108, "UNSUPPORTED"},
    {ERR_LIB_ENGINE, 105, "ENGINE_IS_NOT_IN_LIST"}, {ERR_LIB_EVP, 219, "EXPECTING_A_ECX_KEY"},
    {ERR_LIB_EVP, 142, "EXPECTING_A_EC_KEY"}, {ERR_LIB_EVP, 162, "PARTIALLY_OVERLAPPING"},
    {ERR_LIB_RAND, 101, "FUNC_NOT_IMPLEMENTED"}, {ERR_LIB_RAND, 123, "FWRITE_ERROR"},
    {ERR_LIB_RSA, 136, "SLEN_CHECK_FAILED"}, {ERR_LIB_RSA, 135, "SLEN_RECOVERY_FAILED"},
    {ERR_LIB_SSL, 158, "AT_LEAST_TLS_1_2_NEEDED_IN_SUITEB_MODE"}, {ERR_LIB_SSL, 380, "ILLEGAL_SUITEB_DIGEST"},
    {ERR_LIB_SSL, 358, "MISSING_SRP_PARAM"}, {ERR_LIB_SSL, 330, "NO_GOST_CERTIFICATE_SENT_BY_PEER"},
    {ERR_LIB_SSL, 361, "SRP_A_CALC"}, {ERR_LIB_TS, 137, "CANNOT_LOAD_CERT"}, {ERR_LIB_TS, 138, "CANNOT_LOAD_KEY"},
    {ERR_LIB_TS, 136, "VAR_LOOKUP_FAILURE"}, {ERR_LIB_UI, 109, "SYSASSIGN_ERROR"},
    {ERR_LIB_UI, 110, "SYSDASSGN_ERROR"}, {ERR_LIB_UI, 111, "SYSQIOW_ERROR"},
};

const char* library_name(int library) {
  for (const LibraryName& entry : kLibraryNames) {
    if (entry.code == library) return entry.name;
  }
  return nullptr;
}

// The mnemonic of a reason, as CPython's err_codes_to_names gives it (the
// name of OpenSSL's <LIB>_R_<NAME> macro): OpenSSL's text of the reason in
// capitals, with `_` between words ("certificate verify failed" is
// CERTIFICATE_VERIFY_FAILED), save the few listed above. Reasons shared by
// every library (ERR_R_*, flagged) and system errors have none.
std::string reason_name(int library, int reason) {
  if (library == ERR_LIB_SYS || reason <= 0 || (reason >> ERR_RFLAGS_OFFSET) != 0) return {};
  for (const ReasonName& entry : kReasonNameExceptions) {
    if (entry.library == library && entry.reason == reason) return entry.name;
  }
  const char* text = ossl.ERR_reason_error_string(ERR_PACK(library, 0, reason));
  if (text == nullptr) return {};
  std::string name;
  bool gap = false;
  for (const char* p = text; *p; ++p) {
    if (std::isalnum(static_cast<unsigned char>(*p))) {
      if (gap && !name.empty()) name += '_';
      gap = false;
      name += char(std::toupper(static_cast<unsigned char>(*p)));
    } else {
      gap = true;
    }
  }
  return name;
}

struct SslSocketObject;
Ref weak_referent(Value weak);

// fill_and_set_sslerror: raises `type`(errno, "[LIB: REASON] text (_ssl.c:LINE)")
// with .library and .reason set from OpenSSL's `errcode`, and, for a
// certificate that failed verification, .verify_code and .verify_message.
// `py_error` becomes errno (its reason part, as CPython).
Raised raise_ssl_error(Value type, SslSocketObject* socket, unsigned long py_error, const char* errstr, int line,
                       unsigned long errcode);

// _setSSLError: SSLError with `errstr`, or from the last error OpenSSL
// queued when it is null; the queue is cleared.
Raised raise_library_error(const char* errstr, int line) {
  unsigned long errcode = errstr == nullptr ? ossl.ERR_peek_last_error() : 0;
  raise_ssl_error(Value(&ssl_error_type), nullptr, errcode, errstr, line, errcode);
  ossl.ERR_clear_error();
  return Raised();
}

// SSLError(message) with only the message, as CPython's PyErr_SetString.
Raised raise_plain_ssl_error(const char* message) { return raise(&ssl_error_type, message); }

// --- Arguments ----------------------------------------------------------------------

// A C int, as Argument Clinic's `int` converter reads one.
bool int_argument(Value v, int& out) {
  auto n = int_as_int64(v);
  if (!n) return false;
  if (*n > INT32_MAX || *n < INT32_MIN) {
    raise(&overflow_error_type, "Python int too large to convert to C int");
    return false;
  }
  out = int(*n);
  return true;
}

// A C long ("l"): any object with __index__.
bool long_argument(Value v, int64_t& out) {
  auto n = int_as_int64(v);
  if (!n) return false;
  out = *n;
  return true;
}

// An unsigned long without overflow check ("k"): only ints, wrapped.
bool unsigned_long_argument(Value v, uint64_t& out) {
  if (!is_int(v)) {
    raise_type_error_for("argument must be int, not %s", v);
    return false;
  }
  int64_t small;
  if (int_fits_int64(v, small)) {
    out = uint64_t(small);
    return true;
  }
  Ref mask = make_int(uint64_t(UINT64_MAX));
  Ref masked = mask ? binary_op(v, mask, BinaryOp::And) : Ref();
  if (!masked) return false;
  mpz_t value;
  mpz_init(value);
  int_to_mpz(masked, value);
  out = mpz_get_ui(value);
  mpz_clear(value);
  return true;
}

// A str without NUL characters ("s" / Argument Clinic's str), as UTF-8.
bool text_argument(Value v, const char* function, const char* parameter, std::string& out) {
  if (!is_str(v)) {
    if (parameter != nullptr) {
      raise_format(&type_error_type, "%s() argument '%s' must be str, not %s", function, parameter,
                   value_type_name(v).data());
    } else {
      raise_format(&type_error_type, "%s() argument must be str, not %s", function, value_type_name(v).data());
    }
    return false;
  }
  out = std::string(str_view(v));
  if (out.find('\0') != std::string::npos) {
    raise(&value_error_type, "embedded null character");
    return false;
  }
  return true;
}

// A filesystem path (PyUnicode_FSConverter): a str, bytes, or os.PathLike.
// False with the exception pending; TypeError for other objects.
bool path_argument(Value v, std::string& out) {
  Ref path = ref(v);
  if (!is_str(v) && !is_bytes(v)) {
    bool found = false;
    path = call_special(v, "__fspath__", {}, found);
    if (!found) {
      if (!error_pending()) raise_type_error_for("expected str, bytes or os.PathLike object, not %s", v);
      return false;
    }
    if (!path) return false;
    if (!is_str(path) && !is_bytes(path)) {
      raise_format(&type_error_type, "expected %s.__fspath__() to return str or bytes, not %s",
                   value_type_name(v).data(), value_type_name(path).data());
      return false;
    }
  }
  out = std::string(is_str(path) ? str_view(path) : bytes_view(path));
  if (out.find('\0') != std::string::npos) {
    raise(&value_error_type, "embedded null byte");
    return false;
  }
  return true;
}

// As path_argument, but any TypeError becomes `message` (load_cert_chain's
// "certfile should be a valid filesystem path").
bool path_argument_or(Value v, const char* message, std::string& out) {
  if (path_argument(v, out)) return true;
  if (exception_matches(&type_error_type)) {
    clear_exception();
    raise(&type_error_type, message);
  }
  return false;
}

void deprecation_warning(const char* message, int stacklevel = 2);

// --- The context --------------------------------------------------------------------

struct ContextObject : Object {
  SSL_CTX* m_ctx = nullptr;
  int m_protocol = 0;
  bool m_check_hostname = false;
  bool m_post_handshake_auth = false;
  // OpenSSL cannot tell the host flags it holds: _host_flags keeps a copy.
  unsigned m_host_flags = 0;
  // The ALPN protocols in wire format, for the selection callback.
  std::string m_alpn;
  // sni_callback, or null.
  Ref m_sni_callback;
};

Type context_type;

ContextObject* as_context(Value v) { return v.as<ContextObject>(); }
bool is_context(Value v) { return v.is_object() && isinstance(v, &context_type); }

// _set_verify_mode: CERT_* into OpenSSL's verification flags, keeping the
// callback.
bool set_verify_mode(ContextObject* context, int mode) {
  int flags;
  switch (mode) {
    case kCertNone: flags = SSL_VERIFY_NONE; break;
    case kCertOptional: flags = SSL_VERIFY_PEER; break;
    case kCertRequired: flags = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT; break;
    default: raise(&value_error_type, "invalid value for verify_mode"); return false;
  }
  ossl.SSL_CTX_set_verify(context->m_ctx, flags, ossl.SSL_CTX_get_verify_callback(context->m_ctx));
  return true;
}

// _SSLContext(protocol): as CPython, a client context checks host names
// and certificates; every context gets CPython's options, its cipher list,
// TLS 1.2 at least and trusted-first chain building.
Ref context_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames != nullptr && tuple_size(Value(kwnames)) > 0) {
    return raise(&type_error_type, "_SSLContext() takes no keyword arguments");
  }
  if (nargs != 1) return raise_format(&type_error_type, "_SSLContext expected 1 argument, got %zu", nargs);
  if (!load_openssl()) return {};
  int protocol;
  if (!int_argument(args[0], protocol)) return {};
  const SSL_METHOD* method = nullptr;
  auto legacy = [](const char* warning, const SSL_METHOD* (*function)()) -> const SSL_METHOD* {
    if (function == nullptr) return nullptr;
    deprecation_warning(warning);
    return error_pending() ? nullptr : function();
  };
  switch (protocol) {
    case kProtocolTls:
      deprecation_warning("ssl.PROTOCOL_TLS is deprecated");
      if (error_pending()) return {};
      method = ossl.TLS_method();
      break;
    case kProtocolTls1: method = legacy("ssl.PROTOCOL_TLSv1 is deprecated", ossl.TLSv1_method); break;
    case kProtocolTls1_1: method = legacy("ssl.PROTOCOL_TLSv1_1 is deprecated", ossl.TLSv1_1_method); break;
    case kProtocolTls1_2: method = legacy("ssl.PROTOCOL_TLSv1_2 is deprecated", ossl.TLSv1_2_method); break;
    case kProtocolTlsClient: method = ossl.TLS_client_method(); break;
    case kProtocolTlsServer: method = ossl.TLS_server_method(); break;
    default: break;
  }
  if (error_pending()) return {};
  if (method == nullptr) {
    return raise_format(&value_error_type, "invalid or unsupported protocol version %d", protocol);
  }
  SSL_CTX* ctx = ossl.SSL_CTX_new(method);
  if (ctx == nullptr) return raise_library_error(nullptr, kLineContextNew);
  Object* object = allocate_object(type);
  if (object == nullptr) {
    ossl.SSL_CTX_free(ctx);
    return raise_no_memory();
  }
  auto* context = construct_body<ContextObject>(object);
  Ref owner = Ref::steal(object);
  context->m_ctx = ctx;
  context->m_protocol = protocol;
  context->m_host_flags = X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
  context->m_check_hostname = protocol == kProtocolTlsClient;
  if (!set_verify_mode(context, protocol == kProtocolTlsClient ? kCertRequired : kCertNone)) return {};
  uint64_t options = (SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) | SSL_OP_NO_SSLv3 | SSL_OP_NO_COMPRESSION |
                     SSL_OP_CIPHER_SERVER_PREFERENCE;
  ossl.SSL_CTX_set_options(ctx, options);
  if (ossl.SSL_CTX_set_cipher_list(ctx, kDefaultCiphers) == 0) {
    ossl.ERR_clear_error();
    return raise_plain_ssl_error("No cipher can be selected.");
  }
  bool versatile = protocol == kProtocolTls || protocol == kProtocolTlsClient || protocol == kProtocolTlsServer;
  if (versatile && ctx_ctrl(ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, TLS1_2_VERSION) == 0) {
    return raise_format(&value_error_type, "Failed to set minimum protocol 0x%x", TLS1_2_VERSION);
  }
  ctx_ctrl(ctx, SSL_CTRL_MODE, SSL_MODE_RELEASE_BUFFERS);
  static const char kSessionContext[] = "Python";
  ossl.SSL_CTX_set_session_id_context(ctx, reinterpret_cast<const unsigned char*>(kSessionContext),
                                      sizeof kSessionContext);
  X509_VERIFY_PARAM* params = ossl.SSL_CTX_get0_param(ctx);
  ossl.X509_VERIFY_PARAM_set_flags(params, X509_V_FLAG_TRUSTED_FIRST);
  ossl.X509_VERIFY_PARAM_set_hostflags(params, context->m_host_flags);
  ossl.SSL_CTX_set_post_handshake_auth(ctx, 0);
  return owner;
}

void set_servername_callback(SSL_CTX* ctx, int (*callback)(SSL*, int*, void*), void* argument) {
  ossl.SSL_CTX_callback_ctrl(ctx, SSL_CTRL_SET_TLSEXT_SERVERNAME_CB, reinterpret_cast<void (*)()>(callback));
  ctx_ctrl(ctx, SSL_CTRL_SET_TLSEXT_SERVERNAME_ARG, 0, argument);
}

void context_destroy(Object* object) {
  auto* context = static_cast<ContextObject*>(object);
  if (context->m_ctx != nullptr) {
    // Connections may hold the SSL_CTX longer: its callbacks must not
    // reach this object any more.
    set_servername_callback(context->m_ctx, nullptr, nullptr);
    ossl.SSL_CTX_set_alpn_select_cb(context->m_ctx, nullptr, nullptr);
    ossl.SSL_CTX_free(context->m_ctx);
  }
  context->~ContextObject();
}

void context_traverse(Object* object, VisitFn visit, void* argument) {
  visit(static_cast<ContextObject*>(object)->m_sni_callback, argument);
}

void context_clear(Object* object) {
  auto* context = static_cast<ContextObject*>(object);
  if (context->m_sni_callback) {
    set_servername_callback(context->m_ctx, nullptr, nullptr);
    context->m_sni_callback.reset();
  }
}

Ref context_protocol(Value self) { return make_int(int64_t(as_context(self)->m_protocol)); }

Ref context_verify_mode(Value self) {
  int mask = SSL_VERIFY_NONE | SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  switch (ossl.SSL_CTX_get_verify_mode(as_context(self)->m_ctx) & mask) {
    case SSL_VERIFY_NONE: return make_int(int64_t(kCertNone));
    case SSL_VERIFY_PEER: return make_int(int64_t(kCertOptional));
    case SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT: return make_int(int64_t(kCertRequired));
  }
  return raise_plain_ssl_error("invalid return value from SSL_CTX_get_verify_mode");
}

// A setter given no value (`del`): PyArg_Parse's complaint.
bool deleting(Value value) {
  if (value) return false;
  raise(&type_error_type, "function takes at least one argument");
  return true;
}

bool context_set_verify_mode(Value self, Value value) {
  int mode;
  if (deleting(value) || !int_argument(value, mode)) return false;
  ContextObject* context = as_context(self);
  if (mode == kCertNone && context->m_check_hostname) {
    raise(&value_error_type, "Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
    return false;
  }
  return set_verify_mode(context, mode);
}

Ref context_check_hostname(Value self) { return new_bool(as_context(self)->m_check_hostname); }

// check_hostname = True makes a context that verified nothing verify
// certificates, as CPython's.
bool context_set_check_hostname(Value self, Value value) {
  if (deleting(value)) return false;
  int truth = is_true(value);
  if (truth < 0) return false;
  ContextObject* context = as_context(self);
  if (truth && ossl.SSL_CTX_get_verify_mode(context->m_ctx) == SSL_VERIFY_NONE &&
      !set_verify_mode(context, kCertRequired)) {
    return false;
  }
  context->m_check_hostname = truth != 0;
  return true;
}

// As a C long, as CPython reads it: with the top bit set, negative.
Ref context_options(Value self) { return make_int(int64_t(ossl.SSL_CTX_get_options(as_context(self)->m_ctx))); }

// Turning on one of the OP_NO_SSL*/OP_NO_TLS* options is deprecated
// (minimum_version and maximum_version replace them).
bool context_set_options(Value self, Value value) {
  int64_t requested;
  if (deleting(value) || !long_argument(value, requested)) return false;
  SSL_CTX* ctx = as_context(self)->m_ctx;
  uint64_t wanted = uint64_t(requested);
  uint64_t current = ossl.SSL_CTX_get_options(ctx);
  uint64_t clear = current & ~wanted;
  uint64_t set = ~current & wanted;
  constexpr uint64_t kVersionOptions = SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 |
                                       SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3;
  if ((set & kVersionOptions) != 0) {
    deprecation_warning("ssl.OP_NO_SSL*/ssl.OP_NO_TLS* options are deprecated");
    if (error_pending()) return false;
  }
  if (clear) ossl.SSL_CTX_clear_options(ctx, clear);
  if (set) ossl.SSL_CTX_set_options(ctx, set);
  return true;
}

Ref context_version_limit(Value self, bool maximum) {
  long version = ctx_ctrl(as_context(self)->m_ctx,
                          maximum ? SSL_CTRL_GET_MAX_PROTO_VERSION : SSL_CTRL_GET_MIN_PROTO_VERSION, 0);
  if (version == 0) version = maximum ? kProtoMaximumSupported : kProtoMinimumSupported;
  return make_int(int64_t(version));
}

Ref context_minimum_version(Value self) { return context_version_limit(self, false); }
Ref context_maximum_version(Value self) { return context_version_limit(self, true); }

// set_min_max_proto_version: MINIMUM_SUPPORTED and MAXIMUM_SUPPORTED stand
// for no limit, or for the extreme versions on the other end.
bool context_set_version_limit(Value self, Value value, bool maximum) {
  int64_t version;
  if (deleting(value) || !long_argument(value, version)) return false;
  if (version > INT32_MAX) {
    raise(&overflow_error_type, "Option is too long");
    return false;
  }
  ContextObject* context = as_context(self);
  if (context->m_protocol != kProtocolTls && context->m_protocol != kProtocolTlsClient &&
      context->m_protocol != kProtocolTlsServer) {
    raise(&value_error_type, "The context's protocol doesn't support modification of highest and lowest version.");
    return false;
  }
  switch (version) {
    case SSL3_VERSION: deprecation_warning("ssl.TLSVersion.SSLv3 is deprecated"); break;
    case TLS1_VERSION: deprecation_warning("ssl.TLSVersion.TLSv1 is deprecated"); break;
    case TLS1_1_VERSION: deprecation_warning("ssl.TLSVersion.TLSv1_1 is deprecated"); break;
    case kProtoMinimumSupported:
    case kProtoMaximumSupported:
    case TLS1_2_VERSION:
    case TLS1_3_VERSION: break;
    default:
      raise_format(&value_error_type, "Unsupported TLS/SSL version 0x%x", unsigned(version));
      return false;
  }
  if (error_pending()) return false;
  if (!maximum) {
    if (version == kProtoMinimumSupported) version = 0;
    if (version == kProtoMaximumSupported) version = TLS1_3_VERSION;
  } else {
    if (version == kProtoMaximumSupported) version = 0;
    if (version == kProtoMinimumSupported) version = SSL3_VERSION;
  }
  if (ctx_ctrl(context->m_ctx, maximum ? SSL_CTRL_SET_MAX_PROTO_VERSION : SSL_CTRL_SET_MIN_PROTO_VERSION,
               long(version)) == 0) {
    raise_format(&value_error_type, "Unsupported protocol version 0x%x", unsigned(version));
    return false;
  }
  return true;
}

bool context_set_minimum_version(Value self, Value value) { return context_set_version_limit(self, value, false); }
bool context_set_maximum_version(Value self, Value value) { return context_set_version_limit(self, value, true); }

Ref context_verify_flags(Value self) {
  return make_int(uint64_t(ossl.X509_VERIFY_PARAM_get_flags(ossl.SSL_CTX_get0_param(as_context(self)->m_ctx))));
}

bool context_set_verify_flags(Value self, Value value) {
  uint64_t wanted;
  if (deleting(value) || !unsigned_long_argument(value, wanted)) return false;
  X509_VERIFY_PARAM* params = ossl.SSL_CTX_get0_param(as_context(self)->m_ctx);
  uint64_t current = ossl.X509_VERIFY_PARAM_get_flags(params);
  uint64_t clear = current & ~wanted;
  uint64_t set = ~current & wanted;
  if ((clear && !ossl.X509_VERIFY_PARAM_clear_flags(params, clear)) ||
      (set && !ossl.X509_VERIFY_PARAM_set_flags(params, set))) {
    return raise_library_error(nullptr, kLineVerifyFlags);
  }
  return true;
}

Ref context_host_flags(Value self) { return make_int(uint64_t(as_context(self)->m_host_flags)); }

bool context_set_host_flags(Value self, Value value) {
  uint64_t flags;
  if (deleting(value) || !unsigned_long_argument(value, flags)) return false;
  ContextObject* context = as_context(self);
  context->m_host_flags = unsigned(flags);
  ossl.X509_VERIFY_PARAM_set_hostflags(ossl.SSL_CTX_get0_param(context->m_ctx), context->m_host_flags);
  return true;
}

Ref context_post_handshake_auth(Value self) { return new_bool(as_context(self)->m_post_handshake_auth); }

bool context_set_post_handshake_auth(Value self, Value value) {
  if (!value) {
    raise(&attribute_error_type, "cannot delete attribute");
    return false;
  }
  int truth = is_true(value);
  if (truth < 0) return false;
  as_context(self)->m_post_handshake_auth = truth != 0;
  return true;
}

Ref context_security_level(Value self) {
  return make_int(int64_t(ossl.SSL_CTX_get_security_level(as_context(self)->m_ctx)));
}

Ref context_num_tickets(Value self) {
  return make_int(uint64_t(ossl.SSL_CTX_get_num_tickets(as_context(self)->m_ctx)));
}

bool context_set_num_tickets(Value self, Value value) {
  int64_t count;
  if (deleting(value) || !long_argument(value, count)) return false;
  if (count < 0) {
    raise(&value_error_type, "value must be non-negative");
    return false;
  }
  ContextObject* context = as_context(self);
  if (context->m_protocol != kProtocolTlsServer) {
    raise(&value_error_type, "SSLContext is not a server context.");
    return false;
  }
  if (ossl.SSL_CTX_set_num_tickets(context->m_ctx, size_t(count)) != 1) {
    raise(&value_error_type, "failed to set num tickets.");
    return false;
  }
  return true;
}

Ref context_sni_callback(Value self) {
  ContextObject* context = as_context(self);
  return context->m_sni_callback ? context->m_sni_callback : new_none();
}

int servername_callback(SSL* ssl, int* alert, void* argument);

// sni_callback = f: f(ssl_object, server_name, context) runs in a server's
// handshake once the client said which host it wants; it may switch the
// connection to another context. None takes it away.
bool context_set_sni_callback(Value self, Value value) {
  ContextObject* context = as_context(self);
  if (context->m_protocol == kProtocolTlsClient) {
    raise(&value_error_type, "sni_callback cannot be set on TLS_CLIENT context");
    return false;
  }
  context->m_sni_callback.reset();
  if (!value || is_none(value)) {
    set_servername_callback(context->m_ctx, nullptr, nullptr);
    return true;
  }
  if (!is_callable(value)) {
    set_servername_callback(context->m_ctx, nullptr, nullptr);
    raise(&type_error_type, "not a callable object");
    return false;
  }
  context->m_sni_callback = ref(value);
  set_servername_callback(context->m_ctx, servername_callback, context);
  return true;
}

// The password of load_cert_chain, given or asked of a callable when
// OpenSSL needs it (CPython's _PySSLPasswordInfo).
struct PasswordInfo {
  Value callable;
  std::string password;
  bool failed = false;
};

// _pwinfo_set: a str (UTF-8), bytes or bytearray.
bool set_password(PasswordInfo& info, Value value, const char* bad_type) {
  if (is_str(value)) {
    info.password = std::string(str_view(value));
  } else if (is_bytes(value)) {
    info.password = std::string(bytes_view(value));
  } else if (is_bytearray(value)) {
    info.password = std::string(bytearray_view(value));
  } else {
    raise(&type_error_type, bad_type);
    return false;
  }
  return true;
}

// OpenSSL's pem_password_cb. The GIL is held: load_cert_chain does not let
// it go, so that the callable may run here.
int password_callback(char* buffer, int size, int, void* userdata) {
  auto* info = static_cast<PasswordInfo*>(userdata);
  // OpenSSL may ask again after a failure: the first exception stands.
  if (info->failed) return -1;
  if (info->callable) {
    Ref result = call(info->callable, {});
    if (!result || !set_password(*info, result, "password callback must return a string")) {
      info->failed = true;
      return -1;
    }
  }
  if (info->password.size() > size_t(size)) {
    raise_format(&value_error_type, "password cannot be longer than %d bytes", size);
    info->failed = true;
    return -1;
  }
  std::memcpy(buffer, info->password.data(), info->password.size());
  return int(info->password.size());
}

// A load that failed: the password callback's exception, an OSError for a
// file that could not be opened, or OpenSSL's error.
Raised raise_load_error(const PasswordInfo& info, int saved_errno, int line) {
  if (info.failed) {
    ossl.ERR_clear_error();
    return Raised();
  }
  if (saved_errno != 0) {
    ossl.ERR_clear_error();
    return raise_os_error_from_errno(saved_errno);
  }
  return raise_library_error(nullptr, line);
}

// load_cert_chain(certfile, keyfile=None, password=None)
Ref context_load_cert_chain(Value self, Args args) {
  static const ArgSpec spec{"load_cert_chain", {"certfile", "keyfile", "password"}, 0, SIZE_MAX, 1};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string certfile, keyfile;
  if (!path_argument_or(bound[0], "certfile should be a valid filesystem path", certfile)) return {};
  bool has_keyfile = bound[1] && !is_none(bound[1]);
  if (has_keyfile && !path_argument_or(bound[1], "keyfile should be a valid filesystem path", keyfile)) return {};
  PasswordInfo info;
  SSL_CTX* ctx = as_context(self)->m_ctx;
  pem_password_cb* original_callback = ossl.SSL_CTX_get_default_passwd_cb(ctx);
  void* original_userdata = ossl.SSL_CTX_get_default_passwd_cb_userdata(ctx);
  if (bound[2] && !is_none(bound[2])) {
    if (is_callable(bound[2])) {
      info.callable = bound[2];
    } else if (!set_password(info, bound[2], "password should be a string or callable")) {
      return {};
    }
    ossl.SSL_CTX_set_default_passwd_cb(ctx, password_callback);
    ossl.SSL_CTX_set_default_passwd_cb_userdata(ctx, &info);
  }
  auto restore = [&] {
    ossl.SSL_CTX_set_default_passwd_cb(ctx, original_callback);
    ossl.SSL_CTX_set_default_passwd_cb_userdata(ctx, original_userdata);
  };
  errno = 0;
  if (ossl.SSL_CTX_use_certificate_chain_file(ctx, certfile.c_str()) != 1) {
    int saved = errno;
    restore();
    return raise_load_error(info, saved, kLineCertificateChain);
  }
  errno = 0;
  if (ossl.SSL_CTX_use_PrivateKey_file(ctx, (has_keyfile ? keyfile : certfile).c_str(), SSL_FILETYPE_PEM) != 1) {
    int saved = errno;
    restore();
    return raise_load_error(info, saved, kLinePrivateKey);
  }
  restore();
  if (ossl.SSL_CTX_check_private_key(ctx) != 1) return raise_library_error(nullptr, kLineCheckPrivateKey);
  return new_none();
}

// _add_ca_certs: every certificate of `data` (PEM text, or DER) into the
// store; a certificate already there is no error.
bool add_ca_certificates(ContextObject* context, std::string_view data, bool pem) {
  if (data.empty()) {
    raise(&value_error_type, "Empty certificate data");
    return false;
  }
  if (data.size() > size_t(INT32_MAX)) {
    raise(&overflow_error_type, "Certificate data is too long.");
    return false;
  }
  BIO* buffer = ossl.BIO_new_mem_buf(data.data(), int(data.size()));
  if (buffer == nullptr) return raise_library_error("Can't allocate buffer", kLineCaBuffer);
  X509_STORE* store = ossl.SSL_CTX_get_cert_store(context->m_ctx);
  int loaded = 0;
  for (;;) {
    X509* certificate = pem ? ossl.PEM_read_bio_X509(buffer, nullptr,
                                                     ossl.SSL_CTX_get_default_passwd_cb(context->m_ctx),
                                                     ossl.SSL_CTX_get_default_passwd_cb_userdata(context->m_ctx))
                            : ossl.d2i_X509_bio(buffer, nullptr);
    if (certificate == nullptr) break;
    int added = ossl.X509_STORE_add_cert(store, certificate);
    ossl.X509_free(certificate);
    if (!added) {
      unsigned long error = ossl.ERR_peek_last_error();
      if (ERR_GET_LIB(error) != ERR_LIB_X509 || ERR_GET_REASON(error) != X509_R_CERT_ALREADY_IN_HASH_TABLE) break;
      ossl.ERR_clear_error();
    }
    ++loaded;
  }
  ossl.BIO_free(buffer);
  unsigned long error = ossl.ERR_peek_last_error();
  if (loaded == 0) {
    raise_library_error(pem ? "no start line: cadata does not contain a certificate"
                            : "not enough data: cadata does not contain a certificate",
                        kLineCaData);
    return false;
  }
  // The end of the data shows as these errors.
  if ((!pem && ERR_GET_LIB(error) == ERR_LIB_ASN1 && ERR_GET_REASON(error) == ASN1_R_HEADER_TOO_LONG) ||
      (pem && ERR_GET_LIB(error) == ERR_LIB_PEM && ERR_GET_REASON(error) == PEM_R_NO_START_LINE)) {
    ossl.ERR_clear_error();
    return true;
  }
  if (error != 0) {
    raise_library_error(nullptr, kLineCaDataError);
    return false;
  }
  return true;
}

// load_verify_locations(cafile=None, capath=None, cadata=None)
Ref context_load_verify_locations(Value self, Args args) {
  static const ArgSpec spec{"load_verify_locations", {"cafile", "capath", "cadata"}, 0, SIZE_MAX, 0};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  for (Value& v : bound) {
    if (v && is_none(v)) v = Value();
  }
  if (!bound[0] && !bound[1] && !bound[2]) {
    return raise(&type_error_type, "cafile, capath and cadata cannot be all omitted");
  }
  std::string cafile, capath;
  if (bound[0] && !path_argument_or(bound[0], "cafile should be a valid filesystem path", cafile)) return {};
  if (bound[1] && !path_argument_or(bound[1], "capath should be a valid filesystem path", capath)) return {};
  ContextObject* context = as_context(self);
  if (Value cadata = bound[2]) {
    std::string_view data;
    if (is_str(cadata)) {
      if (!str_is_ascii(cadata)) {
        return raise(&type_error_type, "cadata should be an ASCII string or a bytes-like object");
      }
      if (!add_ca_certificates(context, str_view(cadata), true)) return {};
    } else if (buffer_view(cadata, data)) {
      std::string copy(data);
      if (!add_ca_certificates(context, copy, false)) return {};
    } else {
      clear_exception();
      return raise(&type_error_type, "cadata should be an ASCII string or a bytes-like object");
    }
  }
  if (bound[0] || bound[1]) {
    errno = 0;
    if (ossl.SSL_CTX_load_verify_locations(context->m_ctx, bound[0] ? cafile.c_str() : nullptr,
                                           bound[1] ? capath.c_str() : nullptr) != 1) {
      if (errno != 0) {
        int saved = errno;
        ossl.ERR_clear_error();
        return raise_os_error_from_errno(saved);
      }
      return raise_library_error(nullptr, kLineVerifyLocations);
    }
  }
  return new_none();
}

Ref context_set_default_verify_paths(Value self, Args) {
  if (!ossl.SSL_CTX_set_default_verify_paths(as_context(self)->m_ctx)) {
    return raise_library_error(nullptr, kLineDefaultVerifyPaths);
  }
  return new_none();
}

Ref context_set_ciphers(Value self, Args args) {
  std::string ciphers;
  if (!text_argument(args[0], "set_ciphers", nullptr, ciphers)) return {};
  if (ossl.SSL_CTX_set_cipher_list(as_context(self)->m_ctx, ciphers.c_str()) == 0) {
    // OpenSSL would report the failure again at the next call.
    ossl.ERR_clear_error();
    return raise_plain_ssl_error("No cipher can be selected.");
  }
  return new_none();
}

// The server's choice among the client's ALPN protocols: the first of its
// own the client offers, or no ALPN at all (CPython's _selectALPN_cb).
int select_alpn(SSL*, const unsigned char** out, unsigned char* out_length, const unsigned char* client,
                unsigned client_length, void* argument) {
  auto* context = static_cast<ContextObject*>(argument);
  static const unsigned char kEmpty[] = "";
  if (client == nullptr) {
    client = kEmpty;
    client_length = 0;
  }
  const auto* server = reinterpret_cast<const unsigned char*>(context->m_alpn.data());
  int result = ossl.SSL_select_next_proto(const_cast<unsigned char**>(out), out_length, server,
                                          unsigned(context->m_alpn.size()), client, client_length);
  return result == OPENSSL_NPN_NEGOTIATED ? SSL_TLSEXT_ERR_OK : SSL_TLSEXT_ERR_NOACK;
}

// _set_alpn_protocols(protos): the list in wire format (ssl.py builds it).
Ref context_set_alpn_protocols(Value self, Args args) {
  std::string_view data;
  if (is_str(args[0]) || !buffer_view(args[0], data)) {
    clear_exception();
    return raise_type_error_for("a bytes-like object is required, not '%s'", args[0]);
  }
  if (data.size() > UINT32_MAX) return raise_format(&overflow_error_type, "protocols longer than %u bytes", UINT32_MAX);
  ContextObject* context = as_context(self);
  context->m_alpn = std::string(data);
  if (ossl.SSL_CTX_set_alpn_protos(context->m_ctx, reinterpret_cast<const unsigned char*>(context->m_alpn.data()),
                                   unsigned(context->m_alpn.size())) != 0) {
    return raise_no_memory();
  }
  ossl.SSL_CTX_set_alpn_select_cb(context->m_ctx, select_alpn, context);
  return new_none();
}

Ref decode_certificate(X509* certificate);
Ref certificate_to_der(X509* certificate);

// get_ca_certs(binary_form=False): the store's CA certificates.
Ref context_get_ca_certs(Value self, Args args) {
  static const ArgSpec spec{"get_ca_certs", {"binary_form"}, 0, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  int binary = bound[0] ? is_true(bound[0]) : 0;
  if (binary < 0) return {};
  Ref list = make_list();
  if (!list) return {};
  const auto* objects = ossl.X509_STORE_get0_objects(ossl.SSL_CTX_get_cert_store(as_context(self)->m_ctx));
  for (int i = 0; i < stack_count(objects); ++i) {
    auto* object = stack_item<X509_OBJECT>(objects, i);
    if (ossl.X509_OBJECT_get_type(object) != X509_LU_X509) continue;
    X509* certificate = ossl.X509_OBJECT_get0_X509(object);
    if (!ossl.X509_check_ca(certificate)) continue;
    Ref item = binary ? certificate_to_der(certificate) : decode_certificate(certificate);
    if (!item) return {};
    list_append(list, std::move(item));
  }
  return list;
}

Ref context_cert_store_stats(Value self, Args) {
  int64_t x509 = 0, crl = 0, ca = 0;
  const auto* objects = ossl.X509_STORE_get0_objects(ossl.SSL_CTX_get_cert_store(as_context(self)->m_ctx));
  for (int i = 0; i < stack_count(objects); ++i) {
    auto* object = stack_item<X509_OBJECT>(objects, i);
    switch (ossl.X509_OBJECT_get_type(object)) {
      case X509_LU_X509:
        ++x509;
        if (ossl.X509_check_ca(ossl.X509_OBJECT_get0_X509(object))) ++ca;
        break;
      case X509_LU_CRL: ++crl; break;
      default: break;
    }
  }
  Ref dict = make_dict();
  if (!dict) return {};
  for (auto [name, count] : {std::pair{"x509", x509}, std::pair{"crl", crl}, std::pair{"x509_ca", ca}}) {
    Ref value = make_int(count);
    if (!value || !dict_setitem_str(dict, name, value)) return {};
  }
  return dict;
}

Ref context_session_stats(Value self, Args) {
  static const struct {
    const char* name;
    int command;
  } kStats[] = {
      {"number", SSL_CTRL_SESS_NUMBER}, {"connect", SSL_CTRL_SESS_CONNECT},
      {"connect_good", SSL_CTRL_SESS_CONNECT_GOOD}, {"connect_renegotiate", SSL_CTRL_SESS_CONNECT_RENEGOTIATE},
      {"accept", SSL_CTRL_SESS_ACCEPT}, {"accept_good", SSL_CTRL_SESS_ACCEPT_GOOD},
      {"accept_renegotiate", SSL_CTRL_SESS_ACCEPT_RENEGOTIATE}, {"hits", SSL_CTRL_SESS_HIT},
      {"misses", SSL_CTRL_SESS_MISSES}, {"timeouts", SSL_CTRL_SESS_TIMEOUTS}, {"cache_full", SSL_CTRL_SESS_CACHE_FULL},
  };
  Ref dict = make_dict();
  if (!dict) return {};
  for (const auto& stat : kStats) {
    Ref value = make_int(int64_t(ctx_ctrl(as_context(self)->m_ctx, stat.command, 0)));
    if (!value || !dict_setitem_str(dict, stat.name, value)) return {};
  }
  return dict;
}

// cipher_to_dict: a cipher as get_ciphers() lists it.
Ref cipher_dict(const SSL_CIPHER* cipher) {
  char description[512] = {0};
  ossl.SSL_CIPHER_description(cipher, description, sizeof description - 1);
  size_t length = std::strlen(description);
  if (length > 1 && description[length - 1] == '\n') description[length - 1] = '\0';
  int alg_bits = 0;
  int strength_bits = ossl.SSL_CIPHER_get_bits(cipher, &alg_bits);
  auto nid_name = [](int nid) -> Ref {
    if (nid == NID_undef) return new_none();
    const char* name = ossl.OBJ_nid2ln(nid);
    return name ? make_str(name) : new_none();
  };
  auto text = [](const char* s) -> Ref { return s ? make_str(s) : new_none(); };
  Ref dict = make_dict();
  if (!dict) return {};
  struct Entry {
    const char* key;
    Ref value;
  };
  Entry entries[] = {
      {"id", make_int(uint64_t(ossl.SSL_CIPHER_get_id(cipher)))},
      {"name", text(ossl.SSL_CIPHER_get_name(cipher))},
      {"protocol", text(ossl.SSL_CIPHER_get_version(cipher))},
      {"description", make_str(description)},
      {"strength_bits", make_int(int64_t(strength_bits))},
      {"alg_bits", make_int(int64_t(alg_bits))},
      {"aead", new_bool(ossl.SSL_CIPHER_is_aead(cipher) != 0)},
      {"symmetric", nid_name(ossl.SSL_CIPHER_get_cipher_nid(cipher))},
      {"digest", nid_name(ossl.SSL_CIPHER_get_digest_nid(cipher))},
      {"kea", nid_name(ossl.SSL_CIPHER_get_kx_nid(cipher))},
      {"auth", nid_name(ossl.SSL_CIPHER_get_auth_nid(cipher))},
  };
  for (Entry& entry : entries) {
    if (!entry.value || !dict_setitem_str(dict, entry.key, entry.value)) return {};
  }
  return dict;
}

Ref context_get_ciphers(Value self, Args) {
  SSL* ssl = ossl.SSL_new(as_context(self)->m_ctx);
  if (ssl == nullptr) return raise_library_error(nullptr, kLineNewSsl);
  const auto* ciphers = ossl.SSL_get_ciphers(ssl);
  Ref list = make_list();
  for (int i = 0; list && i < stack_count(ciphers); ++i) {
    Ref item = cipher_dict(stack_item<const SSL_CIPHER>(ciphers, i));
    if (!item) list.reset();
    else list_append(list, std::move(item));
  }
  ossl.SSL_free(ssl);
  return list;
}

// set_ecdh_curve(name): the one group key exchanges use.
Ref context_set_ecdh_curve(Value self, Args args) {
  std::string name;
  if (!path_argument(args[0], name)) return {};
  int nid = ossl.OBJ_sn2nid(name.c_str());
  if (nid == 0) {
    Ref shown = repr(args[0]);
    if (!shown) return {};
    return raise_format(&value_error_type, "unknown elliptic curve name %s", str_cstr(shown));
  }
  if (!ctx_ctrl(as_context(self)->m_ctx, SSL_CTRL_SET_GROUPS, 1, &nid)) {
    return raise_library_error(nullptr, kLineEcdhCurve);
  }
  return new_none();
}

Ref make_ssl_socket(ContextObject* context, Value socket, BIO* incoming, BIO* outgoing, bool server_side,
                    Value hostname, Value owner, Value session);

// The server_hostname argument: None, or an ASCII str without NULs.
bool hostname_argument(Value v, Ref& out) {
  if (!v || is_none(v)) return true;
  if (!is_str(v)) {
    raise_type_error_for("argument must be str, not %s", v);
    return false;
  }
  if (!str_is_ascii(v)) {
    Ref encoded = call_method(v, "encode", {make_str("ascii").get()});
    if (!encoded) return false;
  }
  if (str_view(v).find('\0') != std::string_view::npos) {
    raise(&type_error_type, "argument must be encoded string without null bytes, not str");
    return false;
  }
  out = ref(v);
  return true;
}

// _wrap_socket(sock, server_side, server_hostname=None, *, owner=None, session=None)
Ref context_wrap_socket(Value self, Args args) {
  static const ArgSpec spec{"_wrap_socket", {"sock", "server_side", "server_hostname", "owner", "session"}, 0, 3, 2};
  Value bound[5];
  if (!bind_arguments(spec, args, bound)) return {};
  if (!is_socket_object(bound[0])) {
    return raise_type_error_for("_wrap_socket() argument 'sock' must be _socket.socket, not %s", bound[0]);
  }
  int server_side;
  Ref hostname;
  if (!int_argument(bound[1], server_side) || !hostname_argument(bound[2], hostname)) return {};
  return make_ssl_socket(as_context(self), bound[0], nullptr, nullptr, server_side != 0, hostname, bound[3], bound[4]);
}

struct MemoryBioObject : Object {
  BIO* m_bio = nullptr;
  bool m_eof_written = false;
};

Type memory_bio_type;

// _wrap_bio(incoming, outgoing, server_side, server_hostname=None, *, owner=None, session=None)
Ref context_wrap_bio(Value self, Args args) {
  static const ArgSpec spec{
      "_wrap_bio", {"incoming", "outgoing", "server_side", "server_hostname", "owner", "session"}, 0, 4, 3};
  Value bound[6];
  if (!bind_arguments(spec, args, bound)) return {};
  for (int i = 0; i < 2; ++i) {
    if (!bound[i].is_object() || !isinstance(bound[i], &memory_bio_type)) {
      return raise_format(&type_error_type, "_wrap_bio() argument '%s' must be _ssl.MemoryBIO, not %s",
                          i == 0 ? "incoming" : "outgoing", value_type_name(bound[i]).data());
    }
  }
  int server_side;
  Ref hostname;
  if (!int_argument(bound[2], server_side) || !hostname_argument(bound[3], hostname)) return {};
  return make_ssl_socket(as_context(self), Value(), bound[0].as<MemoryBioObject>()->m_bio,
                         bound[1].as<MemoryBioObject>()->m_bio, server_side != 0, hostname, bound[4], bound[5]);
}

const MethodDef kContextMethods[] = {
    {"_wrap_socket", context_wrap_socket, ArgKind::Keywords},
    {"_wrap_bio", context_wrap_bio, ArgKind::Keywords},
    {"load_cert_chain", context_load_cert_chain, ArgKind::Keywords},
    {"load_verify_locations", context_load_verify_locations, ArgKind::Keywords},
    {"set_default_verify_paths", context_set_default_verify_paths, ArgKind::NoArgs},
    {"set_ciphers", context_set_ciphers, ArgKind::OneArg},
    {"get_ciphers", context_get_ciphers, ArgKind::NoArgs},
    {"_set_alpn_protocols", context_set_alpn_protocols, ArgKind::OneArg},
    {"get_ca_certs", context_get_ca_certs, ArgKind::Keywords},
    {"cert_store_stats", context_cert_store_stats, ArgKind::NoArgs},
    {"session_stats", context_session_stats, ArgKind::NoArgs},
    {"set_ecdh_curve", context_set_ecdh_curve, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kContextGetSet[] = {
    {"protocol", context_protocol},
    {"verify_mode", context_verify_mode, context_set_verify_mode},
    {"check_hostname", context_check_hostname, context_set_check_hostname},
    {"options", context_options, context_set_options},
    {"minimum_version", context_minimum_version, context_set_minimum_version},
    {"maximum_version", context_maximum_version, context_set_maximum_version},
    {"verify_flags", context_verify_flags, context_set_verify_flags},
    {"_host_flags", context_host_flags, context_set_host_flags},
    {"post_handshake_auth", context_post_handshake_auth, context_set_post_handshake_auth},
    {"security_level", context_security_level},
    {"num_tickets", context_num_tickets, context_set_num_tickets},
    {"sni_callback", context_sni_callback, context_set_sni_callback},
    {nullptr, nullptr},
};

// --- Memory BIOs ---------------------------------------------------------------------

MemoryBioObject* as_memory_bio(Value v) { return v.as<MemoryBioObject>(); }

// MemoryBIO(): empty, and a read of nothing asks to be retried (more may
// come) until write_eof().
Ref memory_bio_new(Type* type, const Value*, size_t nargs, TupleObject* kwnames) {
  if (nargs > 0) return raise(&type_error_type, "MemoryBIO() takes no positional arguments");
  if (kwnames != nullptr && tuple_size(Value(kwnames)) > 0) {
    return raise(&type_error_type, "MemoryBIO() takes no keyword arguments");
  }
  if (!load_openssl()) return {};
  BIO* bio = ossl.BIO_new(ossl.BIO_s_mem());
  if (bio == nullptr) return raise_plain_ssl_error("failed to allocate BIO");
  ossl.BIO_set_flags(bio, BIO_FLAGS_READ | BIO_FLAGS_SHOULD_RETRY);
  ossl.BIO_ctrl(bio, BIO_C_SET_BUF_MEM_EOF_RETURN, -1, nullptr);
  Object* object = allocate_object(type);
  if (object == nullptr) {
    ossl.BIO_free(bio);
    return raise_no_memory();
  }
  auto* memory = construct_body<MemoryBioObject>(object);
  memory->m_bio = bio;
  return Ref::steal(object);
}

void memory_bio_destroy(Object* object) {
  auto* memory = static_cast<MemoryBioObject*>(object);
  if (memory->m_bio != nullptr) ossl.BIO_free(memory->m_bio);
  memory->~MemoryBioObject();
}

Ref memory_bio_pending(Value self) { return make_int(uint64_t(ossl.BIO_ctrl_pending(as_memory_bio(self)->m_bio))); }

Ref memory_bio_eof(Value self) {
  MemoryBioObject* memory = as_memory_bio(self);
  return new_bool(ossl.BIO_ctrl_pending(memory->m_bio) == 0 && memory->m_eof_written);
}

// read(size=-1): up to `size` bytes, everything for a negative size.
Ref memory_bio_read(Value self, Args args) {
  static const ArgSpec spec{"read", {"size"}, 1, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  int wanted = -1;
  if (bound[0] && !int_argument(bound[0], wanted)) return {};
  MemoryBioObject* memory = as_memory_bio(self);
  size_t pending = ossl.BIO_ctrl_pending(memory->m_bio);
  int available = int(pending > size_t(INT32_MAX) ? INT32_MAX : pending);
  if (wanted < 0 || wanted > available) wanted = available;
  std::string data(size_t(wanted), '\0');
  if (wanted > 0) {
    int count = ossl.BIO_read(memory->m_bio, data.data(), wanted);
    if (count < 0) return raise_library_error(nullptr, kLineBioRead);
    data.resize(size_t(count));
  }
  return make_bytes(data);
}

Ref memory_bio_write(Value self, Args args) {
  std::string_view data;
  if (is_str(args[0]) || !buffer_view(args[0], data)) {
    clear_exception();
    return raise_type_error_for("a bytes-like object is required, not '%s'", args[0]);
  }
  if (data.size() > size_t(INT32_MAX)) {
    return raise_format(&overflow_error_type, "string longer than %d bytes", INT32_MAX);
  }
  MemoryBioObject* memory = as_memory_bio(self);
  if (memory->m_eof_written) return raise_plain_ssl_error("cannot write() after write_eof()");
  int count = ossl.BIO_write(memory->m_bio, data.data(), int(data.size()));
  if (count < 0) return raise_library_error(nullptr, kLineBioWrite);
  return make_int(int64_t(count));
}

// write_eof(): from now on an empty read is the end, not "try again".
Ref memory_bio_write_eof(Value self, Args) {
  MemoryBioObject* memory = as_memory_bio(self);
  memory->m_eof_written = true;
  ossl.BIO_clear_flags(memory->m_bio, BIO_FLAGS_RWS | BIO_FLAGS_SHOULD_RETRY);
  ossl.BIO_ctrl(memory->m_bio, BIO_C_SET_BUF_MEM_EOF_RETURN, 0, nullptr);
  return new_none();
}

const MethodDef kMemoryBioMethods[] = {
    {"read", memory_bio_read, ArgKind::Keywords},
    {"write", memory_bio_write, ArgKind::OneArg},
    {"write_eof", memory_bio_write_eof, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kMemoryBioGetSet[] = {
    {"pending", memory_bio_pending},
    {"eof", memory_bio_eof},
    {nullptr, nullptr},
};

// --- Sessions ------------------------------------------------------------------------

struct SessionObject : Object {
  SSL_SESSION* m_session = nullptr;
  Ref m_context;
};

Type session_type;

SessionObject* as_session(Value v) { return v.as<SessionObject>(); }

Ref session_new(Type*, const Value*, size_t, TupleObject*) {
  return raise(&type_error_type, "cannot create '_ssl.SSLSession' instances");
}

void session_destroy(Object* object) {
  auto* session = static_cast<SessionObject*>(object);
  if (session->m_session != nullptr) ossl.SSL_SESSION_free(session->m_session);
  session->~SessionObject();
}

std::string_view session_id(Value self) {
  unsigned length = 0;
  const unsigned char* id = ossl.SSL_SESSION_get_id(as_session(self)->m_session, &length);
  return std::string_view(reinterpret_cast<const char*>(id), length);
}

// Two sessions are equal when their ids are.
Ref session_richcompare(Value self, Value other, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !other.is_object() || other.type() != &session_type) {
    return Ref::borrow(Value(&not_implemented_object));
  }
  bool equal = self.is(other) || session_id(self) == session_id(other);
  return new_bool(op == CompareOp::Eq ? equal : !equal);
}

Ref session_time(Value self) { return make_int(int64_t(ossl.SSL_SESSION_get_time(as_session(self)->m_session))); }
Ref session_timeout(Value self) {
  return make_int(int64_t(ossl.SSL_SESSION_get_timeout(as_session(self)->m_session)));
}
Ref session_ticket_lifetime_hint(Value self) {
  return make_int(uint64_t(ossl.SSL_SESSION_get_ticket_lifetime_hint(as_session(self)->m_session)));
}
Ref session_id_value(Value self) { return make_bytes(session_id(self)); }
Ref session_has_ticket(Value self) { return new_bool(ossl.SSL_SESSION_has_ticket(as_session(self)->m_session)); }

const GetSetDef kSessionGetSet[] = {
    {"time", session_time},
    {"timeout", session_timeout},
    {"ticket_lifetime_hint", session_ticket_lifetime_hint},
    {"id", session_id_value},
    {"has_ticket", session_has_ticket},
    {nullptr, nullptr},
};

// --- SSL objects ------------------------------------------------------------------------

// What an operation left: SSL_get_error()'s code and errno.
struct SslErrno {
  int ssl = 0;
  int c = 0;
};

struct SslSocketObject : Object {
  SSL* m_ssl = nullptr;
  Ref m_context;          // the _SSLContext
  Ref m_socket;           // a weak reference to the socket; null over memory BIOs
  Ref m_owner;            // a weak reference to the SSLSocket or SSLObject, or null
  Ref m_server_hostname;  // str, or null
  bool m_server_side = false;
  bool m_shutdown_seen_zero = false;
  SslErrno m_err;
};

Type ssl_socket_type;

SslSocketObject* as_ssl(Value v) { return v.as<SslSocketObject>(); }

Ref weak_referent(Value weak) {
  if (!weak) return new_none();
  return call(weak, {});
}

Ref make_weak(Value object) { return call(Value(&weakref_type), {object}); }

Raised raise_ssl_error(Value type, SslSocketObject* socket, unsigned long py_error, const char* errstr, int line,
                       unsigned long errcode) {
  std::string reason, library;
  if (errcode != 0) {
    int lib = ERR_GET_LIB(errcode);
    reason = reason_name(lib, ERR_GET_REASON(errcode));
    if (const char* name = library_name(lib)) library = name;
    if (errstr == nullptr) errstr = ossl.ERR_reason_error_string(errcode);
  }
  if (errstr == nullptr) errstr = "unknown error";
  Ref verify_code, verify_message;
  if (socket != nullptr && type.is(g_cert_verification_error)) {
    long code = ossl.SSL_get_verify_result(socket->m_ssl);
    verify_code = make_int(int64_t(code));
    if (!verify_code) return Raised();
    if (code == X509_V_ERR_HOSTNAME_MISMATCH || code == X509_V_ERR_IP_ADDRESS_MISMATCH) {
      Ref host = socket->m_server_hostname ? str(socket->m_server_hostname) : make_str("None");
      if (!host) return Raised();
      verify_message = make_str(std::string(code == X509_V_ERR_HOSTNAME_MISMATCH ? "Hostname" : "IP address") +
                                " mismatch, certificate is not valid for '" + std::string(str_view(host)) + "'.");
    } else if (const char* text = ossl.X509_verify_cert_error_string(code)) {
      verify_message = make_str(text);
    } else {
      verify_message = new_none();
    }
    if (!verify_message) return Raised();
  }
  std::string message;
  if (!library.empty()) message = "[" + library + (reason.empty() ? "" : ": " + reason) + "] ";
  message += errstr;
  if (verify_message && !library.empty() && !reason.empty()) {
    Ref shown = str(verify_message);
    if (!shown) return Raised();
    message += ": " + std::string(str_view(shown));
  }
  message += " (_ssl.c:" + std::to_string(line) + ")";
  Ref number = make_int(int64_t(ERR_GET_REASON(py_error)));
  Ref text = make_str(message);
  Ref exception = number && text ? call(type, {number.get(), text.get()}) : Ref();
  if (!exception) return Raised();
  Ref reason_value = reason.empty() ? new_none() : make_str(reason);
  Ref library_value = library.empty() ? new_none() : make_str(library);
  if (!reason_value || !library_value || !setattr(exception, "reason", reason_value) ||
      !setattr(exception, "library", library_value)) {
    return Raised();
  }
  if (verify_code && (!setattr(exception, "verify_code", verify_code) ||
                      !setattr(exception, "verify_message", verify_message))) {
    return Raised();
  }
  return raise_value(exception);
}

// PySSL_SetError: the exception for an operation that returned `ret` and
// left `socket->m_err`, from what SSL_get_error() said and OpenSSL queued.
Raised raise_operation_error(SslSocketObject* socket, int ret, int line) {
  Value type(&ssl_error_type);
  const char* errstr = nullptr;
  int code = kErrorNone;
  unsigned long error = ossl.ERR_peek_last_error();
  switch (socket->m_err.ssl) {
    case SSL_ERROR_ZERO_RETURN:
      errstr = "TLS/SSL connection has been closed (EOF)";
      type = Value(&ssl_zero_return_error_type);
      code = kErrorZeroReturn;
      break;
    case SSL_ERROR_WANT_READ:
      errstr = "The operation did not complete (read)";
      type = Value(&ssl_want_read_error_type);
      code = kErrorWantRead;
      break;
    case SSL_ERROR_WANT_WRITE:
      errstr = "The operation did not complete (write)";
      type = Value(&ssl_want_write_error_type);
      code = kErrorWantWrite;
      break;
    case SSL_ERROR_WANT_X509_LOOKUP:
      errstr = "The operation did not complete (X509 lookup)";
      code = kErrorWantX509Lookup;
      break;
    case SSL_ERROR_WANT_CONNECT:
      errstr = "The operation did not complete (connect)";
      code = kErrorWantConnect;
      break;
    case SSL_ERROR_SYSCALL:
      if (error == 0) {
        bool has_socket = bool(socket->m_socket);
        if (ret == 0) {
          code = kErrorEof;
          type = Value(&ssl_eof_error_type);
          errstr = "EOF occurred in violation of protocol";
        } else if (has_socket && ret == -1) {
          // The socket's own error.
          ossl.ERR_clear_error();
          if (socket->m_err.c != 0) return raise_os_error_from_errno(socket->m_err.c);
          code = kErrorEof;
          type = Value(&ssl_eof_error_type);
          errstr = "EOF occurred in violation of protocol";
        } else {
          code = kErrorSyscall;
          type = Value(&ssl_syscall_error_type);
          errstr = "Some I/O error occurred";
        }
      } else {
        if (ERR_GET_LIB(error) == ERR_LIB_SSL && ERR_GET_REASON(error) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
          type = Value(&ssl_eof_error_type);
        }
        code = kErrorSyscall;
      }
      break;
    case SSL_ERROR_SSL:
      code = kErrorSsl;
      if (error == 0) errstr = "A failure in the SSL library occurred";
      if (ERR_GET_LIB(error) == ERR_LIB_SSL && ERR_GET_REASON(error) == SSL_R_CERTIFICATE_VERIFY_FAILED) {
        type = g_cert_verification_error;
      }
      if (ERR_GET_LIB(error) == ERR_LIB_SSL && ERR_GET_REASON(error) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
        code = kErrorEof;
        type = Value(&ssl_eof_error_type);
        errstr = "EOF occurred in violation of protocol";
      }
      break;
    default:
      code = kErrorInvalidErrorCode;
      errstr = "Invalid error code";
      break;
  }
  raise_ssl_error(type, socket, unsigned(code), errstr, line, error);
  ossl.ERR_clear_error();
  return Raised();
}

// _ssl_configure_hostname: the name for SNI (not for an IP address) and,
// when the context checks host names, for OpenSSL's verification.
bool configure_hostname(SslSocketObject* socket, ContextObject* context, Value hostname) {
  std::string name(str_view(hostname));
  if (name.empty() || name[0] == '.') {
    raise(&value_error_type, "server_hostname cannot be an empty string or start with a leading dot.");
    return false;
  }
  ASN1_OCTET_STRING* ip = ossl.a2i_IPADDRESS(name.c_str());
  if (ip == nullptr) ossl.ERR_clear_error();
  socket->m_server_hostname = ref(hostname);
  bool ok = true;
  if (ip == nullptr && !ossl.SSL_ctrl(socket->m_ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                                      name.data())) {
    raise_library_error(nullptr, kLineServerName);
    ok = false;
  }
  if (ok && context->m_check_hostname) {
    X509_VERIFY_PARAM* params = ossl.SSL_get0_param(socket->m_ssl);
    if (ip == nullptr) {
      if (!ossl.X509_VERIFY_PARAM_set1_host(params, name.c_str(), name.size())) {
        raise_library_error(nullptr, kLineHostName);
        ok = false;
      }
    } else if (!ossl.X509_VERIFY_PARAM_set1_ip(params, ossl.ASN1_STRING_get0_data(ip),
                                              size_t(ossl.ASN1_STRING_length(ip)))) {
      raise_library_error(nullptr, kLineHostIp);
      ok = false;
    }
  }
  if (ip != nullptr) ossl.ASN1_OCTET_STRING_free(ip);
  return ok;
}

bool ssl_set_session(SslSocketObject* socket, Value value);

// newPySSLSocket: an SSL object of `context` over the socket (its
// descriptor) or over the two memory BIOs.
Ref make_ssl_socket(ContextObject* context, Value sock, BIO* incoming, BIO* outgoing, bool server_side,
                    Value hostname, Value owner, Value session) {
  if (server_side && context->m_protocol == kProtocolTlsClient) {
    return raise_library_error("Cannot create a server socket with a PROTOCOL_TLS_CLIENT context",
                               kLineServerWithClientContext);
  }
  if (!server_side && context->m_protocol == kProtocolTlsServer) {
    return raise_library_error("Cannot create a client socket with a PROTOCOL_TLS_SERVER context",
                               kLineClientWithServerContext);
  }
  Object* object = allocate_object(&ssl_socket_type);
  if (object == nullptr) return raise_no_memory();
  auto* socket = construct_body<SslSocketObject>(object);
  Ref result = Ref::steal(object);
  socket->m_context = ref(Value(context));
  socket->m_server_side = server_side;
  // Stale errors would be taken for this object's (OpenSSL's advice).
  ossl.ERR_clear_error();
  socket->m_ssl = ossl.SSL_new(context->m_ctx);
  if (socket->m_ssl == nullptr) return raise_library_error(nullptr, kLineNewSsl);
  // The server name callback finds the object from its SSL.
  ossl.SSL_set_ex_data(socket->m_ssl, 0, socket);
  if (sock) {
    ossl.SSL_set_fd(socket->m_ssl, socket_object_fd(sock));
  } else {
    // SSL_set_bio takes over a reference to each; the MemoryBIOs keep theirs.
    ossl.BIO_up_ref(incoming);
    ossl.BIO_up_ref(outgoing);
    ossl.SSL_set_bio(socket->m_ssl, incoming, outgoing);
  }
  ossl.SSL_ctrl(socket->m_ssl, SSL_CTRL_MODE, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_AUTO_RETRY, nullptr);
  if (context->m_post_handshake_auth) {
    if (server_side) {
      // Asked for only with peer verification (OpenSSL does not ignore it).
      int mode = ossl.SSL_get_verify_mode(socket->m_ssl);
      if (mode & SSL_VERIFY_PEER) {
        ossl.SSL_set_verify(socket->m_ssl, mode | SSL_VERIFY_POST_HANDSHAKE,
                            ossl.SSL_get_verify_callback(socket->m_ssl));
      }
    } else {
      ossl.SSL_set_post_handshake_auth(socket->m_ssl, 1);
    }
  }
  if (hostname && !configure_hostname(socket, context, hostname)) return {};
  if (sock && socket_object_timeout(sock) >= 0) {
    set_bio_nonblocking(ossl.SSL_get_rbio(socket->m_ssl), true);
    set_bio_nonblocking(ossl.SSL_get_wbio(socket->m_ssl), true);
  }
  if (server_side) {
    ossl.SSL_set_accept_state(socket->m_ssl);
  } else {
    ossl.SSL_set_connect_state(socket->m_ssl);
  }
  if (sock) {
    socket->m_socket = make_weak(sock);
    if (!socket->m_socket) return {};
  }
  if (owner && !is_none(owner)) {
    socket->m_owner = make_weak(owner);
    if (!socket->m_owner) return {};
  }
  if (session && !is_none(session) && !ssl_set_session(socket, session)) return {};
  return result;
}

void ssl_socket_destroy(Object* object) {
  auto* socket = static_cast<SslSocketObject*>(object);
  if (socket->m_ssl != nullptr) ossl.SSL_free(socket->m_ssl);
  socket->~SslSocketObject();
}

// OpenSSL's server name callback (CPython's _servername_callback): calls
// the context's sni_callback with the Python-level object of the
// connection (its SSLObject or SSLSocket), the name as an ASCII str (None
// if the client sent none) and the context. None lets the handshake go on;
// an int is the alert that ends it; an exception is unraisable and ends it
// with a handshake_failure alert. The handshake of a blocking socket runs
// with the GIL let go: it is taken back for the call.
int servername_callback(SSL* ssl, int* alert, void* argument) {
  EnsureGil gil;
  auto* context = static_cast<ContextObject*>(argument);
  if (!context->m_sni_callback) return SSL_TLSEXT_ERR_OK;
  Ref callback = context->m_sni_callback;
  auto* socket = static_cast<SslSocketObject*>(ossl.SSL_get_ex_data(ssl, 0));
  Ref target = socket->m_owner    ? weak_referent(socket->m_owner)
               : socket->m_socket ? weak_referent(socket->m_socket)
                                  : ref(Value(socket));
  if (!target || is_none(target)) {
    if (!target) write_unraisable(Value(context), fetch_exception());
    *alert = SSL_AD_INTERNAL_ERROR;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  const char* servername = ossl.SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  Ref name;
  if (servername == nullptr) {
    name = new_none();
  } else {
    Ref bytes = make_bytes(servername);
    name = bytes ? call_method(bytes, "decode", {make_str("ascii").get()}) : Ref();
    if (!name) {
      write_unraisable(bytes ? bytes.get() : Value(context), fetch_exception());
      *alert = SSL_AD_INTERNAL_ERROR;
      return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
  }
  Ref result = call(callback, {target.get(), name.get(), Value(context)});
  if (!result) {
    write_unraisable(callback, fetch_exception());
    *alert = SSL_AD_HANDSHAKE_FAILURE;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  if (is_none(result)) return SSL_TLSEXT_ERR_OK;
  auto code = int_as_int64(result);
  if (!code) {
    write_unraisable(result, fetch_exception());
    *alert = SSL_AD_INTERNAL_ERROR;
  } else {
    *alert = int(*code);
  }
  return SSL_TLSEXT_ERR_ALERT_FATAL;
}

// The socket under the object for one operation (CPython's GET_SOCKET):
// `has_socket` false over memory BIOs. "Underlying socket connection gone"
// once the socket object is no more.
struct Transport {
  bool has_socket = false;
  Ref socket;
  double timeout = 0;  // the socket's; 0 (non-blocking) over memory BIOs
};

bool current_transport(SslSocketObject* s, Transport& out, bool allow_closed = false) {
  if (!s->m_socket) return true;
  out.socket = weak_referent(s->m_socket);
  if (!out.socket) return false;
  if (is_none(out.socket)) {
    raise_library_error("Underlying socket connection gone", kLineNoSocket);
    return false;
  }
  out.has_socket = true;
  // A closed socket: OpenSSL would use a descriptor number that may be
  // another file's by now. CPython's read of it fails with EBADF.
  if (socket_object_fd(out.socket) < 0 && !allow_closed) {
    raise_os_error_from_errno(EBADF);
    return false;
  }
  out.timeout = socket_object_timeout(out.socket);
  // The socket's mode may have changed since the last operation.
  bool nonblocking = out.timeout >= 0;
  set_bio_nonblocking(ossl.SSL_get_rbio(s->m_ssl), nonblocking);
  set_bio_nonblocking(ossl.SSL_get_wbio(s->m_ssl), nonblocking);
  return true;
}

// PySSL_select's answers.
enum class SocketState { NonBlocking, Blocking, TimedOut, Closed, Ready };

// Waits, with the GIL let go, until the socket is readable (or writable)
// or `remaining` seconds pass.
SocketState wait_for_socket(const Transport& t, bool writing, double remaining) {
  if (!t.has_socket || remaining == 0) return SocketState::NonBlocking;
  if (remaining < 0) return t.timeout > 0 ? SocketState::TimedOut : SocketState::Blocking;
  int fd = socket_object_fd(t.socket);
  if (fd < 0) return SocketState::Closed;
  struct pollfd entry = {fd, short(writing ? POLLOUT : POLLIN), 0};
  int count;
  {
    ReleaseGil release;
    count = poll(&entry, 1, int(std::ceil(remaining * 1000)));
  }
  return count == 0 ? SocketState::TimedOut : SocketState::Ready;
}

// The deadline of an operation under a socket timeout, and what is left
// of it (CPython's _PyDeadline_Get): the socket's timeout itself when it
// has none.
struct Deadline {
  bool active = false;
  double at = 0;
  explicit Deadline(const Transport& t) : active(t.timeout > 0), at(active ? clock_real_monotonic() + t.timeout : 0) {}
  double remaining(const Transport& t) const { return active ? at - clock_real_monotonic() : t.timeout; }
};

// One call into OpenSSL, with the GIL let go around it, capturing errno
// and SSL_get_error() when `failed(result)`.
template <class Call, class Failed>
int ssl_call(SslSocketObject* s, Call call, Failed failed) {
  int result;
  SslErrno err;
  {
    ReleaseGil release;
    result = call();
    if (failed(result)) {
      err.c = errno;
      err.ssl = ossl.SSL_get_error(s->m_ssl, result);
    }
  }
  s->m_err = err;
  return result;
}

Ref ssl_do_handshake(Value self, Args) {
  SslSocketObject* s = as_ssl(self);
  Transport t;
  if (!current_transport(s, t)) return {};
  Deadline deadline(t);
  int ret;
  do {
    ret = ssl_call(s, [&] { return ossl.SSL_do_handshake(s->m_ssl); }, [](int r) { return r < 1; });
    if (!check_signals()) return {};
    double remaining = deadline.remaining(t);
    SocketState state = SocketState::Ready;
    if (s->m_err.ssl == SSL_ERROR_WANT_READ) {
      state = wait_for_socket(t, false, remaining);
    } else if (s->m_err.ssl == SSL_ERROR_WANT_WRITE) {
      state = wait_for_socket(t, true, remaining);
    }
    if (state == SocketState::TimedOut) {
      // CPython's ERRSTR(): these two messages carry their line in front.
      return raise_format(&timeout_error_type, "_ssl.c:%d: The handshake operation timed out", int(kLineHandshakeTimeout));
    }
    if (state == SocketState::Closed) {
      return raise_format(&ssl_error_type, "_ssl.c:%d: Underlying socket has been closed.", int(kLineHandshakeClosed));
    }
    if (state == SocketState::NonBlocking) break;
  } while (s->m_err.ssl == SSL_ERROR_WANT_READ || s->m_err.ssl == SSL_ERROR_WANT_WRITE);
  if (ret < 1) return raise_operation_error(s, ret, kLineHandshake);
  return new_none();
}

// read(size[, buffer]): up to `size` bytes, as bytes or into `buffer`
// (then the count; all of the buffer for a size of 0 or less).
Ref ssl_read(Value self, Args args) {
  if (args.keyword_count() > 0 || args.count < 1 || args.count > 2) {
    return raise(&type_error_type, "_ssl._SSLSocket.read requires 1 to 2 arguments");
  }
  SslSocketObject* s = as_ssl(self);
  int64_t size;
  if (!long_argument(args[0], size)) return {};
  Value buffer = args.count == 2 ? args[1] : Value();
  size_t capacity = 0;
  if (buffer) {
    std::string_view view;
    if (is_str(buffer) || is_bytes(buffer) || !buffer_view(buffer, view)) {
      clear_exception();
      return raise_type_error_for("read() argument 2 must be read-write bytes-like object, not %s", buffer);
    }
    capacity = view.size();
    if (size <= 0 || size_t(size) > capacity) size = int64_t(capacity);
  } else if (size < 0) {
    return raise(&value_error_type, "size should not be negative");
  }
  Transport t;
  if (!current_transport(s, t)) return {};
  if (size == 0) return buffer ? make_int(int64_t(0)) : make_bytes("");
  // SSL_read_ex() hands over one record at most (16 KiB of plain text):
  // a larger request needs no larger buffer.
  constexpr int64_t kLargestRead = 256 * 1024;
  std::string data(size_t(std::min(size, kLargestRead)), '\0');
  size_t count = 0;
  Deadline deadline(t);
  int ret;
  bool closed_cleanly = false;
  do {
    ret = ssl_call(s, [&] { return ossl.SSL_read_ex(s->m_ssl, data.data(), data.size(), &count); },
                   [](int r) { return r == 0; });
    if (!check_signals()) return {};
    double remaining = deadline.remaining(t);
    SocketState state = SocketState::Ready;
    if (s->m_err.ssl == SSL_ERROR_WANT_READ) {
      state = wait_for_socket(t, false, remaining);
    } else if (s->m_err.ssl == SSL_ERROR_WANT_WRITE) {
      state = wait_for_socket(t, true, remaining);
    } else if (s->m_err.ssl == SSL_ERROR_ZERO_RETURN &&
               ossl.SSL_get_shutdown(s->m_ssl) == SSL_RECEIVED_SHUTDOWN) {
      // The peer's close_notify: the end of the data.
      count = 0;
      closed_cleanly = true;
      break;
    }
    if (state == SocketState::TimedOut) return raise(&timeout_error_type, "The read operation timed out");
    if (state == SocketState::NonBlocking) break;
  } while (s->m_err.ssl == SSL_ERROR_WANT_READ || s->m_err.ssl == SSL_ERROR_WANT_WRITE);
  if (ret == 0 && !closed_cleanly) return raise_operation_error(s, ret, kLineRead);
  data.resize(count);
  if (!buffer) return make_bytes(data);
  if (count > 0) {
    Ref bytes = make_bytes(data);
    Ref window = make_slice(Value::small_int(0), Value::small_int(int64_t(count)), none());
    if (!bytes || !window || !setitem(buffer, window, bytes)) return {};
  }
  return make_int(uint64_t(count));
}

Ref ssl_write(Value self, Args args) {
  SslSocketObject* s = as_ssl(self);
  std::string_view view;
  if (is_str(args[0]) || !buffer_view(args[0], view)) {
    clear_exception();
    return raise_type_error_for("a bytes-like object is required, not '%s'", args[0]);
  }
  // The GIL goes while OpenSSL reads it: a bytearray could change meanwhile.
  std::string data(view);
  Transport t;
  if (!current_transport(s, t)) return {};
  Deadline deadline(t);
  SocketState state = wait_for_socket(t, true, t.timeout);
  if (state == SocketState::TimedOut) return raise(&timeout_error_type, "The write operation timed out");
  if (state == SocketState::Closed) {
    return raise(&ssl_error_type, "Underlying socket has been closed.");
  }
  size_t count = 0;
  int ret;
  do {
    ret = ssl_call(s, [&] { return ossl.SSL_write_ex(s->m_ssl, data.data(), data.size(), &count); },
                   [](int r) { return r == 0; });
    if (!check_signals()) return {};
    double remaining = deadline.remaining(t);
    state = SocketState::Ready;
    if (s->m_err.ssl == SSL_ERROR_WANT_READ) {
      state = wait_for_socket(t, false, remaining);
    } else if (s->m_err.ssl == SSL_ERROR_WANT_WRITE) {
      state = wait_for_socket(t, true, remaining);
    }
    if (state == SocketState::TimedOut) return raise(&timeout_error_type, "The write operation timed out");
    if (state == SocketState::Closed) return raise(&ssl_error_type, "Underlying socket has been closed.");
    if (state == SocketState::NonBlocking) break;
  } while (s->m_err.ssl == SSL_ERROR_WANT_READ || s->m_err.ssl == SSL_ERROR_WANT_WRITE);
  if (ret == 0) return raise_operation_error(s, ret, kLineWrite);
  return make_int(uint64_t(count));
}

Ref ssl_pending(Value self, Args) {
  SslSocketObject* s = as_ssl(self);
  int count = ssl_call(s, [&] { return ossl.SSL_pending(s->m_ssl); }, [](int r) { return r < 0; });
  if (count < 0) return raise_operation_error(s, count, kLinePending);
  return make_int(int64_t(count));
}

// shutdown(): sends close_notify and waits for the peer's; the socket
// (None over memory BIOs) once both went. As CPython, SSL_shutdown() is
// tried at most twice when it reports only its own half done.
Ref ssl_shutdown(Value self, Args) {
  SslSocketObject* s = as_ssl(self);
  Transport t;
  if (!current_transport(s, t, true)) return {};
  if (t.has_socket && socket_object_fd(t.socket) < 0) {
    return raise_library_error("Underlying socket connection gone", kLineNoSocket);
  }
  Deadline deadline(t);
  int zeros = 0;
  int ret;
  for (;;) {
    ret = ssl_call(
        s,
        [&] {
          // Without read-ahead, OpenSSL reads no further than the peer's
          // close_notify: what follows it is the caller's plain text.
          if (s->m_shutdown_seen_zero) ossl.SSL_set_read_ahead(s->m_ssl, 0);
          return ossl.SSL_shutdown(s->m_ssl);
        },
        [](int r) { return r < 0; });
    if (ret > 0) break;
    if (ret == 0) {
      if (++zeros > 1) break;
      s->m_shutdown_seen_zero = true;
      continue;
    }
    double remaining = deadline.remaining(t);
    SocketState state;
    if (s->m_err.ssl == SSL_ERROR_WANT_READ) {
      state = wait_for_socket(t, false, remaining);
    } else if (s->m_err.ssl == SSL_ERROR_WANT_WRITE) {
      state = wait_for_socket(t, true, remaining);
    } else {
      break;
    }
    if (state == SocketState::TimedOut) {
      return raise(&timeout_error_type, s->m_err.ssl == SSL_ERROR_WANT_READ ? "The read operation timed out"
                                                                            : "The write operation timed out");
    }
    if (state != SocketState::Ready) break;
  }
  if (ret < 0) return raise_operation_error(s, ret, kLineShutdown);
  return t.has_socket ? std::move(t.socket) : new_none();
}

// getpeercert(der=False): None without a certificate; {} for one that was
// not verified (CERT_NONE); else its fields, or its DER bytes.
Ref ssl_getpeercert(Value self, Args args) {
  static const ArgSpec spec{"getpeercert", {"der"}, 1, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  int binary = bound[0] ? is_true(bound[0]) : 0;
  if (binary < 0) return {};
  SslSocketObject* s = as_ssl(self);
  if (!ossl.SSL_is_init_finished(s->m_ssl)) return raise(&value_error_type, "handshake not done yet");
  X509* certificate = ossl.SSL_get1_peer_certificate(s->m_ssl);
  if (certificate == nullptr) return new_none();
  Ref result;
  if (binary) {
    result = certificate_to_der(certificate);
  } else if ((ossl.SSL_CTX_get_verify_mode(ossl.SSL_get_SSL_CTX(s->m_ssl)) & SSL_VERIFY_PEER) == 0) {
    result = make_dict();
  } else {
    result = decode_certificate(certificate);
  }
  ossl.X509_free(certificate);
  return result;
}

// (name, protocol version, secret bits)
Ref cipher_tuple(const SSL_CIPHER* cipher) {
  const char* name = ossl.SSL_CIPHER_get_name(cipher);
  const char* version = ossl.SSL_CIPHER_get_version(cipher);
  Ref name_value = name ? make_str(name) : new_none();
  Ref version_value = version ? make_str(version) : new_none();
  Ref bits = make_int(int64_t(ossl.SSL_CIPHER_get_bits(cipher, nullptr)));
  if (!name_value || !version_value || !bits) return {};
  return make_tuple({name_value.get(), version_value.get(), bits.get()});
}

Ref ssl_cipher(Value self, Args) {
  const SSL_CIPHER* cipher = ossl.SSL_get_current_cipher(as_ssl(self)->m_ssl);
  if (cipher == nullptr) return new_none();
  return cipher_tuple(cipher);
}

// shared_ciphers(): the server's ciphers the client offered too, in the
// server's order (None on the client side).
Ref ssl_shared_ciphers(Value self, Args) {
  SSL* ssl = as_ssl(self)->m_ssl;
  const auto* server = ossl.SSL_get_ciphers(ssl);
  const auto* client = ossl.SSL_get_client_ciphers(ssl);
  if (server == nullptr || client == nullptr) return new_none();
  Ref list = make_list();
  if (!list) return {};
  for (int i = 0; i < stack_count(server); ++i) {
    auto* cipher = stack_item<const SSL_CIPHER>(server, i);
    if (ossl.OPENSSL_sk_find(reinterpret_cast<OPENSSL_STACK*>(const_cast<STACK_OF(SSL_CIPHER)*>(client)),
                             cipher) < 0) {
      continue;
    }
    Ref item = cipher_tuple(cipher);
    if (!item) return {};
    list_append(list, std::move(item));
  }
  return list;
}

Ref ssl_version(Value self, Args) {
  SSL* ssl = as_ssl(self)->m_ssl;
  if (!ossl.SSL_is_init_finished(ssl)) return new_none();
  const char* version = ossl.SSL_get_version(ssl);
  if (std::strcmp(version, "unknown") == 0) return new_none();
  return make_str(version);
}

Ref ssl_selected_alpn_protocol(Value self, Args) {
  const unsigned char* data = nullptr;
  unsigned length = 0;
  ossl.SSL_get0_alpn_selected(as_ssl(self)->m_ssl, &data, &length);
  if (data == nullptr) return new_none();
  return make_str(std::string_view(reinterpret_cast<const char*>(data), length));
}

// compression(): always None. CPython's contexts set OP_NO_COMPRESSION and
// the OpenSSL coil is built with compresses nothing by default.
Ref ssl_compression(Value, Args) { return new_none(); }

// get_channel_binding(cb_type='tls-unique'): the first Finished message
// of the handshake (RFC 5929).
Ref ssl_get_channel_binding(Value self, Args args) {
  static const ArgSpec spec{"get_channel_binding", {"cb_type"}, 0, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string type = "tls-unique";
  if (bound[0] && !text_argument(bound[0], "get_channel_binding", "cb_type", type)) return {};
  if (type != "tls-unique") {
    return raise_format(&value_error_type, "'%s' channel binding type not implemented", type.c_str());
  }
  SslSocketObject* s = as_ssl(self);
  char buffer[128];
  size_t length;
  // The client's Finished comes first in a new session, the server's in a
  // resumed one.
  if (ossl.SSL_session_reused(s->m_ssl) ^ !s->m_server_side) {
    length = ossl.SSL_get_finished(s->m_ssl, buffer, sizeof buffer);
  } else {
    length = ossl.SSL_get_peer_finished(s->m_ssl, buffer, sizeof buffer);
  }
  if (length == 0) return new_none();
  return make_bytes(std::string_view(buffer, length));
}

Ref ssl_verify_client_post_handshake(Value self, Args) {
  if (ossl.SSL_verify_client_post_handshake(as_ssl(self)->m_ssl) == 0) {
    return raise_library_error(nullptr, kLinePostHandshake);
  }
  return new_none();
}

Ref ssl_context(Value self) { return as_ssl(self)->m_context; }

// context = ctx: the connection goes on under another context (a server
// choosing one by the name the client asked for).
bool ssl_set_context(Value self, Value value) {
  if (!value || !is_context(value)) {
    raise(&type_error_type, "The value must be a SSLContext");
    return false;
  }
  SslSocketObject* s = as_ssl(self);
  s->m_context = ref(value);
  ossl.SSL_set_SSL_CTX(s->m_ssl, as_context(value)->m_ctx);
  return true;
}

Ref ssl_server_side(Value self) { return new_bool(as_ssl(self)->m_server_side); }

Ref ssl_server_hostname(Value self) {
  SslSocketObject* s = as_ssl(self);
  return s->m_server_hostname ? s->m_server_hostname : new_none();
}

Ref ssl_owner(Value self) { return weak_referent(as_ssl(self)->m_owner); }

bool ssl_set_owner(Value self, Value value) {
  if (!value) {
    raise(&type_error_type, "can't delete attribute");
    return false;
  }
  Ref weak = make_weak(value);
  if (!weak) return false;
  as_ssl(self)->m_owner = std::move(weak);
  return true;
}

Ref ssl_session(Value self) {
  SslSocketObject* s = as_ssl(self);
  if (ossl.SSL_get0_session(s->m_ssl) == nullptr) return new_none();
  SSL_SESSION* session = ossl.SSL_get1_session(s->m_ssl);
  if (session == nullptr) return new_none();
  Object* object = allocate_object(&session_type);
  if (object == nullptr) {
    ossl.SSL_SESSION_free(session);
    return raise_no_memory();
  }
  auto* wrapper = construct_body<SessionObject>(object);
  wrapper->m_session = session;
  wrapper->m_context = s->m_context;
  return Ref::steal(object);
}

bool ssl_set_session(SslSocketObject* s, Value value) {
  if (!value || !value.is_object() || value.type() != &session_type) {
    raise(&type_error_type, "Value is not a SSLSession.");
    return false;
  }
  SessionObject* session = as_session(value);
  if (as_context(s->m_context)->m_ctx != as_context(session->m_context)->m_ctx) {
    raise(&value_error_type, "Session refers to a different SSLContext.");
    return false;
  }
  if (s->m_server_side) {
    raise(&value_error_type, "Cannot set session for server-side SSLSocket.");
    return false;
  }
  if (ossl.SSL_is_init_finished(s->m_ssl)) {
    raise(&value_error_type, "Cannot set session after handshake.");
    return false;
  }
  if (ossl.SSL_set_session(s->m_ssl, session->m_session) == 0) return raise_library_error(nullptr, kLineSession);
  return true;
}

bool ssl_set_session_attribute(Value self, Value value) { return ssl_set_session(as_ssl(self), value); }

Ref ssl_session_reused(Value self) { return new_bool(ossl.SSL_session_reused(as_ssl(self)->m_ssl) != 0); }

const MethodDef kSslSocketMethods[] = {
    {"do_handshake", ssl_do_handshake, ArgKind::NoArgs},
    {"read", ssl_read, ArgKind::VarArgs},
    {"write", ssl_write, ArgKind::OneArg},
    {"pending", ssl_pending, ArgKind::NoArgs},
    {"shutdown", ssl_shutdown, ArgKind::NoArgs},
    {"getpeercert", ssl_getpeercert, ArgKind::Keywords},
    {"cipher", ssl_cipher, ArgKind::NoArgs},
    {"shared_ciphers", ssl_shared_ciphers, ArgKind::NoArgs},
    {"version", ssl_version, ArgKind::NoArgs},
    {"selected_alpn_protocol", ssl_selected_alpn_protocol, ArgKind::NoArgs},
    {"compression", ssl_compression, ArgKind::NoArgs},
    {"get_channel_binding", ssl_get_channel_binding, ArgKind::Keywords},
    {"verify_client_post_handshake", ssl_verify_client_post_handshake, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kSslSocketGetSet[] = {
    {"context", ssl_context, ssl_set_context},
    {"server_side", ssl_server_side},
    {"server_hostname", ssl_server_hostname},
    {"owner", ssl_owner, ssl_set_owner},
    {"session", ssl_session, ssl_set_session_attribute},
    {"session_reused", ssl_session_reused},
    {nullptr, nullptr},
};

// --- Certificates -----------------------------------------------------------------------

// ((('countryName', 'XY'),), (('commonName', 'localhost'),)): the relative
// distinguished names in order, each a tuple of (attribute, value) pairs.
Ref name_tuple(const X509_NAME* name) {
  Ref names = make_list();
  Ref current = make_list();
  if (!names || !current) return {};
  int level = -1;
  int count = ossl.X509_NAME_entry_count(name);
  for (int i = 0; i < count; ++i) {
    X509_NAME_ENTRY* entry = ossl.X509_NAME_get_entry(name, i);
    int set = ossl.X509_NAME_ENTRY_set(entry);
    if (level >= 0 && set != level) {
      Ref group = tuple_from_iterable(current);
      if (!group) return {};
      list_append(names, std::move(group));
      current = make_list();
      if (!current) return {};
    }
    level = set;
    char attribute[256];
    int length = ossl.OBJ_obj2txt(attribute, sizeof attribute, ossl.X509_NAME_ENTRY_get_object(entry), 0);
    if (length < 0) return raise_library_error(nullptr, kLineDer);
    Ref key = make_str(std::string_view(attribute, size_t(std::min(length, int(sizeof attribute - 1)))));
    unsigned char* utf8 = nullptr;
    int utf8_length = ossl.ASN1_STRING_to_UTF8(&utf8, ossl.X509_NAME_ENTRY_get_data(entry));
    if (utf8_length < 0) return raise_library_error(nullptr, kLineDer);
    Ref value = make_str(std::string_view(reinterpret_cast<char*>(utf8), size_t(utf8_length)));
    openssl_free(utf8);
    Ref pair = key && value ? make_tuple({key.get(), value.get()}) : Ref();
    if (!pair) return {};
    list_append(current, std::move(pair));
  }
  if (as_list(current)->m_items.size() > 0) {
    Ref group = tuple_from_iterable(current);
    if (!group) return {};
    list_append(names, std::move(group));
  }
  return tuple_from_iterable(names);
}

Ref pair_tuple(const char* kind, Ref value) {
  Ref name = make_str(kind);
  if (!name || !value) return {};
  return make_tuple({name.get(), value.get()});
}

Ref asn1_text(const ASN1_STRING* s) {
  return make_str(std::string_view(reinterpret_cast<const char*>(ossl.ASN1_STRING_get0_data(s)),
                                   size_t(ossl.ASN1_STRING_length(s))));
}

// subjectAltName: (('DNS', 'localhost'), ('IP Address', '127.0.0.1'), ...),
// or None for a certificate without one.
Ref alt_names(X509* certificate) {
  auto* names = static_cast<GENERAL_NAMES*>(ossl.X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
  if (names == nullptr) return new_none();
  Ref list = make_list();
  BIO* bio = ossl.BIO_new(ossl.BIO_s_mem());
  bool ok = list && bio != nullptr;
  for (int i = 0; ok && i < stack_count(names); ++i) {
    auto* name = stack_item<GENERAL_NAME>(names, i);
    Ref item;
    switch (name->type) {
      case GEN_DIRNAME: item = pair_tuple("DirName", name_tuple(name->d.directoryName)); break;
      case GEN_EMAIL: item = pair_tuple("email", asn1_text(name->d.rfc822Name)); break;
      case GEN_DNS: item = pair_tuple("DNS", asn1_text(name->d.dNSName)); break;
      case GEN_URI: item = pair_tuple("URI", asn1_text(name->d.uniformResourceIdentifier)); break;
      case GEN_RID: {
        char buffer[2048];
        int length = ossl.i2t_ASN1_OBJECT(buffer, sizeof buffer - 1, name->d.registeredID);
        if (length < 0) {
          raise_library_error(nullptr, kLineDer);
        } else {
          item = pair_tuple("Registered ID", length >= int(sizeof buffer) ? make_str("<INVALID>")
                                                                          : make_str(std::string_view(buffer, size_t(length))));
        }
        break;
      }
      case GEN_IPADD: {
        // OpenSSL's own form of IPv6 addresses differs across versions:
        // CPython writes them out itself.
        const ASN1_OCTET_STRING* ip = name->d.iPAddress;
        const unsigned char* p = ossl.ASN1_STRING_get0_data(ip);
        char buffer[64];
        if (ossl.ASN1_STRING_length(ip) == 4) {
          std::snprintf(buffer, sizeof buffer, "%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
        } else if (ossl.ASN1_STRING_length(ip) == 16) {
          std::snprintf(buffer, sizeof buffer, "%X:%X:%X:%X:%X:%X:%X:%X", p[0] << 8 | p[1], p[2] << 8 | p[3],
                        p[4] << 8 | p[5], p[6] << 8 | p[7], p[8] << 8 | p[9], p[10] << 8 | p[11],
                        p[12] << 8 | p[13], p[14] << 8 | p[15]);
        } else {
          std::snprintf(buffer, sizeof buffer, "<invalid>");
        }
        item = pair_tuple("IP Address", make_str(buffer));
        break;
      }
      default: {
        // othername, X400, EDI party: OpenSSL's printed form, "kind:value".
        ossl.BIO_ctrl(bio, BIO_CTRL_RESET, 0, nullptr);
        ossl.GENERAL_NAME_print(bio, name);
        std::string text = memory_bio_text(bio);
        size_t colon = text.find(':');
        if (colon == std::string::npos) {
          raise_format(&value_error_type, "Invalid value %.200s", text.c_str());
        } else {
          Ref value = make_str(text.substr(colon + 1));
          Ref kind = make_str(text.substr(0, colon));
          if (value && kind) item = make_tuple({kind.get(), value.get()});
        }
        break;
      }
    }
    if (!item) ok = false;
    else list_append(list, std::move(item));
  }
  if (bio != nullptr) ossl.BIO_free(bio);
  ossl.GENERAL_NAMES_free(names);
  if (!ok) return error_pending() ? Ref() : raise_no_memory();
  return tuple_from_iterable(list);
}

// The URIs of the Authority Information Access extension for `method`
// (OCSP, caIssuers), or None.
Ref access_uris(X509* certificate, int method) {
  auto* info = static_cast<AUTHORITY_INFO_ACCESS*>(
      ossl.X509_get_ext_d2i(certificate, NID_info_access, nullptr, nullptr));
  if (info == nullptr) return new_none();
  Ref list = make_list();
  for (int i = 0; list && i < stack_count(info); ++i) {
    auto* description = stack_item<ACCESS_DESCRIPTION>(info, i);
    if (ossl.OBJ_obj2nid(description->method) != method || description->location->type != GEN_URI) continue;
    Ref uri = asn1_text(description->location->d.uniformResourceIdentifier);
    if (!uri) list.reset();
    else list_append(list, std::move(uri));
  }
  ossl.AUTHORITY_INFO_ACCESS_free(info);
  if (!list) return {};
  if (as_list(list)->m_items.empty()) return new_none();
  return tuple_from_iterable(list);
}

// The URIs of the CRL distribution points, or None.
Ref crl_distribution_points(X509* certificate) {
  auto* points = static_cast<CRL_DIST_POINTS*>(
      ossl.X509_get_ext_d2i(certificate, NID_crl_distribution_points, nullptr, nullptr));
  if (points == nullptr) return new_none();
  Ref list = make_list();
  for (int i = 0; list && i < stack_count(points); ++i) {
    auto* point = stack_item<DIST_POINT>(points, i);
    // An empty point is skipped (CVE-2019-5010).
    if (point->distpoint == nullptr) continue;
    const GENERAL_NAMES* names = point->distpoint->name.fullname;
    for (int j = 0; list && j < stack_count(names); ++j) {
      auto* name = stack_item<GENERAL_NAME>(names, j);
      if (name->type != GEN_URI) continue;
      Ref uri = asn1_text(name->d.uniformResourceIdentifier);
      if (!uri) list.reset();
      else list_append(list, std::move(uri));
    }
  }
  ossl.CRL_DIST_POINTS_free(points);
  if (!list) return {};
  if (as_list(list)->m_items.empty()) return new_none();
  return tuple_from_iterable(list);
}

// What a memory BIO holds after `print` wrote into it.
template <class Print>
Ref printed(Print print) {
  BIO* bio = ossl.BIO_new(ossl.BIO_s_mem());
  if (bio == nullptr) return raise_no_memory();
  print(bio);
  std::string text = memory_bio_text(bio);
  ossl.BIO_free(bio);
  return make_str(text);
}

// _decode_certificate: a certificate as getpeercert() shows it.
Ref decode_certificate(X509* certificate) {
  Ref dict = make_dict();
  if (!dict) return {};
  Ref subject = name_tuple(ossl.X509_get_subject_name(certificate));
  if (!subject || !dict_setitem_str(dict, "subject", subject)) return {};
  Ref issuer = name_tuple(ossl.X509_get_issuer_name(certificate));
  if (!issuer || !dict_setitem_str(dict, "issuer", issuer)) return {};
  Ref version = make_int(int64_t(ossl.X509_get_version(certificate) + 1));
  if (!version || !dict_setitem_str(dict, "version", version)) return {};
  Ref serial = printed([&](BIO* bio) { ossl.i2a_ASN1_INTEGER(bio, ossl.X509_get_serialNumber(certificate)); });
  if (!serial || !dict_setitem_str(dict, "serialNumber", serial)) return {};
  Ref not_before = printed([&](BIO* bio) { ossl.ASN1_TIME_print(bio, ossl.X509_get0_notBefore(certificate)); });
  if (!not_before || !dict_setitem_str(dict, "notBefore", not_before)) return {};
  Ref not_after = printed([&](BIO* bio) { ossl.ASN1_TIME_print(bio, ossl.X509_get0_notAfter(certificate)); });
  if (!not_after || !dict_setitem_str(dict, "notAfter", not_after)) return {};
  struct Optional {
    const char* key;
    Ref value;
  };
  Optional optional[] = {
      {"subjectAltName", alt_names(certificate)},
      {"OCSP", access_uris(certificate, NID_ad_OCSP)},
      {"caIssuers", access_uris(certificate, NID_ad_ca_issuers)},
      {"crlDistributionPoints", crl_distribution_points(certificate)},
  };
  for (Optional& entry : optional) {
    if (!entry.value) return {};
    if (!is_none(entry.value) && !dict_setitem_str(dict, entry.key, entry.value)) return {};
  }
  return dict;
}

Ref certificate_to_der(X509* certificate) {
  unsigned char* der = nullptr;
  int length = ossl.i2d_X509(certificate, &der);
  if (length < 0) return raise_library_error(nullptr, kLineDer);
  Ref bytes = make_bytes(std::string_view(reinterpret_cast<char*>(der), size_t(length)));
  openssl_free(der);
  return bytes;
}

// --- Module functions ---------------------------------------------------------------------

void deprecation_warning(const char* message, int stacklevel) {
  Ref warnings = import_module("warnings");
  Ref text = warnings ? make_str(message) : Ref();
  if (text) call_method(warnings, "warn", {text.get(), Value(&deprecation_warning_type), Value::small_int(stacklevel)});
}

// _test_decode_cert(path): the first certificate of a PEM file, decoded.
Ref module_test_decode_cert(Value, Args args) {
  std::string path;
  if (!path_argument(args[0], path)) return {};
  BIO* bio = ossl.BIO_new_file(path.c_str(), "r");
  if (bio == nullptr) {
    ossl.ERR_clear_error();
    return raise_plain_ssl_error("Can't open file");
  }
  X509* certificate = ossl.PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  ossl.BIO_free(bio);
  if (certificate == nullptr) {
    ossl.ERR_clear_error();
    return raise_plain_ssl_error("Error decoding PEM-encoded file");
  }
  Ref result = decode_certificate(certificate);
  ossl.X509_free(certificate);
  return result;
}

Ref module_rand_bytes(Value, Args args) {
  int count;
  if (!int_argument(args[0], count)) return {};
  if (count < 0) return raise(&value_error_type, "num must be positive");
  std::string data;
  try {
    data.assign(size_t(count), '\0');
  } catch (const std::bad_alloc&) {
    return raise_no_memory();
  }
  if (ossl.RAND_bytes(reinterpret_cast<unsigned char*>(data.data()), count) != 1) {
    unsigned long error = ossl.ERR_get_error();
    const char* text = ossl.ERR_reason_error_string(error);
    Ref code = make_int(uint64_t(error));
    Ref message = text ? make_str(text) : new_none();
    Ref exception = code && message ? call(Value(&ssl_error_type), {code.get(), message.get()}) : Ref();
    if (!exception) return {};
    return raise_value(exception);
  }
  return make_bytes(data);
}

// RAND_pseudo_bytes(n): (bytes, is_cryptographic), deprecated.
Ref module_rand_pseudo_bytes(Value self, Args args) {
  deprecation_warning("ssl.RAND_pseudo_bytes() is deprecated", 1);
  if (error_pending()) return {};
  Ref data = module_rand_bytes(self, args);
  if (!data) return {};
  return make_tuple({data.get(), py_bool(true)});
}

Ref module_rand_status(Value, Args) { return new_bool(ossl.RAND_status() == 1); }

// RAND_add(string, entropy): a str (as UTF-8) or bytes-like, and a number.
Ref module_rand_add(Value, Args args) {
  if (!check_positional("RAND_add", args, 2, 2)) return {};
  std::string data;
  std::string_view view;
  if (is_str(args[0])) {
    data = std::string(str_view(args[0]));
  } else if (buffer_view(args[0], view)) {
    data = std::string(view);
  } else {
    clear_exception();
    return raise_type_error_for("a bytes-like object is required, not '%s'", args[0]);
  }
  double entropy;
  if (!float_as_double(args[1], entropy)) {
    clear_exception();
    return raise_type_error_for("must be real number, not %s", args[1]);
  }
  ossl.RAND_add(data.data(), int(data.size()), entropy);
  return new_none();
}

Ref module_get_default_verify_paths(Value, Args) {
  Ref parts[4] = {make_str(ossl.X509_get_default_cert_file_env()), make_str(ossl.X509_get_default_cert_file()),
                  make_str(ossl.X509_get_default_cert_dir_env()), make_str(ossl.X509_get_default_cert_dir())};
  for (Ref& part : parts) {
    if (!part) return {};
  }
  return make_tuple({parts[0].get(), parts[1].get(), parts[2].get(), parts[3].get()});
}

// (nid, short name, long name, dotted OID) of an ASN.1 object.
Ref object_tuple(const ASN1_OBJECT* object) {
  int nid = ossl.OBJ_obj2nid(object);
  if (nid == NID_undef) return raise(&value_error_type, "Unknown object");
  char buffer[256];
  int length = ossl.OBJ_obj2txt(buffer, sizeof buffer, object, 1);
  if (length < 0) return raise_library_error(nullptr, kLineDer);
  std::string oid;
  if (length >= int(sizeof buffer)) {
    oid.assign(size_t(length) + 1, '\0');
    ossl.OBJ_obj2txt(oid.data(), length + 1, object, 1);
    oid.resize(size_t(length));
  } else {
    oid.assign(buffer, size_t(length));
  }
  const char* short_name = ossl.OBJ_nid2sn(nid);
  const char* long_name = ossl.OBJ_nid2ln(nid);
  Ref number = make_int(int64_t(nid));
  Ref sn = short_name ? make_str(short_name) : new_none();
  Ref ln = long_name ? make_str(long_name) : new_none();
  Ref dotted = make_str(oid);
  if (!number || !sn || !ln || !dotted) return {};
  return make_tuple({number.get(), sn.get(), ln.get(), dotted.get()});
}

// txt2obj(txt, name=False): by dotted OID, or also by name.
Ref module_txt2obj(Value, Args args) {
  static const ArgSpec spec{"txt2obj", {"txt", "name"}, 0, SIZE_MAX, 1};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string text;
  if (!text_argument(bound[0], "txt2obj", "txt", text)) return {};
  int by_name = bound[1] ? is_true(bound[1]) : 0;
  if (by_name < 0) return {};
  ASN1_OBJECT* object = ossl.OBJ_txt2obj(text.c_str(), by_name ? 0 : 1);
  if (object == nullptr) {
    ossl.ERR_clear_error();
    return raise_format(&value_error_type, "unknown object '%.100s'", text.c_str());
  }
  Ref result = object_tuple(object);
  ossl.ASN1_OBJECT_free(object);
  return result;
}

Ref module_nid2obj(Value, Args args) {
  int nid;
  if (!int_argument(args[0], nid)) return {};
  if (nid < NID_undef) return raise(&value_error_type, "NID must be positive.");
  ASN1_OBJECT* object = ossl.OBJ_nid2obj(nid);
  if (object == nullptr) {
    ossl.ERR_clear_error();
    return raise_format(&value_error_type, "unknown NID %d", nid);
  }
  Ref result = object_tuple(object);
  ossl.ASN1_OBJECT_free(object);
  return result;
}

// _nameprep(label): a host name's label as IDNA's nameprep maps it before
// its Punycode form (lib/ssl.py's stand-in for the `idna` codec): NFKC
// with case folding, characters that map to nothing dropped. Nameprep's
// checks for prohibited characters and bidirectional text are not made.
Ref module_nameprep(Value, Args args) {
  if (!is_str(args[0])) return raise_type_error_for("_nameprep() argument must be str, not %s", args[0]);
  std::string_view label = str_view(args[0]);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(label.data()),
                                         utf8proc_ssize_t(label.size()), &mapped,
                                         utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                           UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
  if (length < 0) return raise_format(&unicode_error_type, "%s", utf8proc_errmsg(length));
  Ref result = make_str(std::string_view(reinterpret_cast<char*>(mapped), size_t(length)));
  std::free(mapped);
  return result;
}

const MethodDef kSslFunctions[] = {
    {"_nameprep", module_nameprep, ArgKind::OneArg},
    {"_test_decode_cert", module_test_decode_cert, ArgKind::OneArg},
    {"RAND_bytes", module_rand_bytes, ArgKind::OneArg},
    {"RAND_pseudo_bytes", module_rand_pseudo_bytes, ArgKind::OneArg},
    {"RAND_status", module_rand_status, ArgKind::NoArgs},
    {"RAND_add", module_rand_add, ArgKind::VarArgs},
    {"get_default_verify_paths", module_get_default_verify_paths, ArgKind::NoArgs},
    {"txt2obj", module_txt2obj, ArgKind::Keywords},
    {"nid2obj", module_nid2obj, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// (major, minor, fix, patch, status) of an OpenSSL version number, as
// CPython's parse_openssl_version.
Ref version_info(unsigned long number) {
  unsigned long status = number & 0xF;
  number >>= 4;
  unsigned long patch = number & 0xFF;
  number >>= 8;
  unsigned long fix = number & 0xFF;
  number >>= 8;
  unsigned long minor = number & 0xFF;
  number >>= 8;
  unsigned long major = number & 0xFF;
  Ref parts[5] = {make_int(uint64_t(major)), make_int(uint64_t(minor)), make_int(uint64_t(fix)),
                  make_int(uint64_t(patch)), make_int(uint64_t(status))};
  for (Ref& part : parts) {
    if (!part) return {};
  }
  return make_tuple({parts[0].get(), parts[1].get(), parts[2].get(), parts[3].get(), parts[4].get()});
}

bool init_ssl(Value module) {
  if (!load_openssl()) return false;
  if (!module_add_functions(module, kSslFunctions)) return false;
  Value dict = module_dict(module);
  if (!g_cert_verification_error) {
    // class SSLCertVerificationError(SSLError, ValueError), made once.
    Ref name = TRY(make_str("SSLCertVerificationError"));
    Ref bases = TRY(make_tuple({Value(&ssl_error_type), Value(&value_error_type)}));
    Ref namespace_dict = TRY(make_dict());
    Ref module_name = TRY(make_str("ssl"));
    Ref doc = TRY(make_str("A certificate could not be verified."));
    if (!dict_setitem_str(namespace_dict, "__module__", module_name) ||
        !dict_setitem_str(namespace_dict, "__doc__", doc)) {
      return false;
    }
    g_cert_verification_error = TRY(call(Value(&type_type), {name, bases, namespace_dict})).release();
  }
  struct Constant {
    const char* name;
    int64_t value;
  };
  static const Constant kConstants[] = {
      {"SSL_ERROR_ZERO_RETURN", kErrorZeroReturn}, {"SSL_ERROR_WANT_READ", kErrorWantRead},
      {"SSL_ERROR_WANT_WRITE", kErrorWantWrite}, {"SSL_ERROR_WANT_X509_LOOKUP", kErrorWantX509Lookup},
      {"SSL_ERROR_SYSCALL", kErrorSyscall}, {"SSL_ERROR_SSL", kErrorSsl},
      {"SSL_ERROR_WANT_CONNECT", kErrorWantConnect}, {"SSL_ERROR_EOF", kErrorEof},
      {"SSL_ERROR_INVALID_ERROR_CODE", kErrorInvalidErrorCode},
      {"CERT_NONE", kCertNone}, {"CERT_OPTIONAL", kCertOptional}, {"CERT_REQUIRED", kCertRequired},
      {"VERIFY_DEFAULT", 0}, {"VERIFY_CRL_CHECK_LEAF", X509_V_FLAG_CRL_CHECK},
      {"VERIFY_CRL_CHECK_CHAIN", X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL},
      {"VERIFY_X509_STRICT", X509_V_FLAG_X509_STRICT}, {"VERIFY_ALLOW_PROXY_CERTS", X509_V_FLAG_ALLOW_PROXY_CERTS},
      {"VERIFY_X509_TRUSTED_FIRST", X509_V_FLAG_TRUSTED_FIRST},
      {"VERIFY_X509_PARTIAL_CHAIN", X509_V_FLAG_PARTIAL_CHAIN},
      {"ALERT_DESCRIPTION_CLOSE_NOTIFY", SSL_AD_CLOSE_NOTIFY},
      {"ALERT_DESCRIPTION_UNEXPECTED_MESSAGE", SSL_AD_UNEXPECTED_MESSAGE},
      {"ALERT_DESCRIPTION_BAD_RECORD_MAC", SSL_AD_BAD_RECORD_MAC},
      {"ALERT_DESCRIPTION_RECORD_OVERFLOW", SSL_AD_RECORD_OVERFLOW},
      {"ALERT_DESCRIPTION_DECOMPRESSION_FAILURE", SSL_AD_DECOMPRESSION_FAILURE},
      {"ALERT_DESCRIPTION_HANDSHAKE_FAILURE", SSL_AD_HANDSHAKE_FAILURE},
      {"ALERT_DESCRIPTION_BAD_CERTIFICATE", SSL_AD_BAD_CERTIFICATE},
      {"ALERT_DESCRIPTION_UNSUPPORTED_CERTIFICATE", SSL_AD_UNSUPPORTED_CERTIFICATE},
      {"ALERT_DESCRIPTION_CERTIFICATE_REVOKED", SSL_AD_CERTIFICATE_REVOKED},
      {"ALERT_DESCRIPTION_CERTIFICATE_EXPIRED", SSL_AD_CERTIFICATE_EXPIRED},
      {"ALERT_DESCRIPTION_CERTIFICATE_UNKNOWN", SSL_AD_CERTIFICATE_UNKNOWN},
      {"ALERT_DESCRIPTION_ILLEGAL_PARAMETER", SSL_AD_ILLEGAL_PARAMETER},
      {"ALERT_DESCRIPTION_UNKNOWN_CA", SSL_AD_UNKNOWN_CA}, {"ALERT_DESCRIPTION_ACCESS_DENIED", SSL_AD_ACCESS_DENIED},
      {"ALERT_DESCRIPTION_DECODE_ERROR", SSL_AD_DECODE_ERROR},
      {"ALERT_DESCRIPTION_DECRYPT_ERROR", SSL_AD_DECRYPT_ERROR},
      {"ALERT_DESCRIPTION_PROTOCOL_VERSION", SSL_AD_PROTOCOL_VERSION},
      {"ALERT_DESCRIPTION_INSUFFICIENT_SECURITY", SSL_AD_INSUFFICIENT_SECURITY},
      {"ALERT_DESCRIPTION_INTERNAL_ERROR", SSL_AD_INTERNAL_ERROR},
      {"ALERT_DESCRIPTION_USER_CANCELLED", SSL_AD_USER_CANCELLED},
      {"ALERT_DESCRIPTION_NO_RENEGOTIATION", SSL_AD_NO_RENEGOTIATION},
      {"ALERT_DESCRIPTION_UNSUPPORTED_EXTENSION", SSL_AD_UNSUPPORTED_EXTENSION},
      {"ALERT_DESCRIPTION_CERTIFICATE_UNOBTAINABLE", SSL_AD_CERTIFICATE_UNOBTAINABLE},
      {"ALERT_DESCRIPTION_UNRECOGNIZED_NAME", SSL_AD_UNRECOGNIZED_NAME},
      {"ALERT_DESCRIPTION_BAD_CERTIFICATE_STATUS_RESPONSE", SSL_AD_BAD_CERTIFICATE_STATUS_RESPONSE},
      {"ALERT_DESCRIPTION_BAD_CERTIFICATE_HASH_VALUE", SSL_AD_BAD_CERTIFICATE_HASH_VALUE},
      {"ALERT_DESCRIPTION_UNKNOWN_PSK_IDENTITY", SSL_AD_UNKNOWN_PSK_IDENTITY},
      {"PROTOCOL_SSLv23", kProtocolTls}, {"PROTOCOL_TLS", kProtocolTls},
      {"PROTOCOL_TLS_CLIENT", kProtocolTlsClient}, {"PROTOCOL_TLS_SERVER", kProtocolTlsServer},
      {"PROTOCOL_TLSv1", kProtocolTls1}, {"PROTOCOL_TLSv1_1", kProtocolTls1_1}, {"PROTOCOL_TLSv1_2", kProtocolTls1_2},
      {"OP_ALL", int64_t(SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS)}, {"OP_NO_SSLv2", 0},
      {"OP_NO_SSLv3", int64_t(SSL_OP_NO_SSLv3)}, {"OP_NO_TLSv1", int64_t(SSL_OP_NO_TLSv1)},
      {"OP_NO_TLSv1_1", int64_t(SSL_OP_NO_TLSv1_1)}, {"OP_NO_TLSv1_2", int64_t(SSL_OP_NO_TLSv1_2)},
      {"OP_NO_TLSv1_3", int64_t(SSL_OP_NO_TLSv1_3)},
      {"OP_CIPHER_SERVER_PREFERENCE", int64_t(SSL_OP_CIPHER_SERVER_PREFERENCE)}, {"OP_SINGLE_DH_USE", 0},
      {"OP_NO_TICKET", int64_t(SSL_OP_NO_TICKET)}, {"OP_SINGLE_ECDH_USE", 0},
      {"OP_NO_COMPRESSION", int64_t(SSL_OP_NO_COMPRESSION)},
      {"OP_ENABLE_MIDDLEBOX_COMPAT", int64_t(SSL_OP_ENABLE_MIDDLEBOX_COMPAT)},
      {"OP_NO_RENEGOTIATION", int64_t(SSL_OP_NO_RENEGOTIATION)},
      {"OP_IGNORE_UNEXPECTED_EOF", int64_t(SSL_OP_IGNORE_UNEXPECTED_EOF)},
      {"HOSTFLAG_ALWAYS_CHECK_SUBJECT", X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT},
      {"HOSTFLAG_NEVER_CHECK_SUBJECT", X509_CHECK_FLAG_NEVER_CHECK_SUBJECT},
      {"HOSTFLAG_NO_WILDCARDS", X509_CHECK_FLAG_NO_WILDCARDS},
      {"HOSTFLAG_NO_PARTIAL_WILDCARDS", X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS},
      {"HOSTFLAG_MULTI_LABEL_WILDCARDS", X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS},
      {"HOSTFLAG_SINGLE_LABEL_SUBDOMAINS", X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS},
      {"PROTO_MINIMUM_SUPPORTED", kProtoMinimumSupported}, {"PROTO_MAXIMUM_SUPPORTED", kProtoMaximumSupported},
      {"PROTO_SSLv3", SSL3_VERSION}, {"PROTO_TLSv1", TLS1_VERSION}, {"PROTO_TLSv1_1", TLS1_1_VERSION},
      {"PROTO_TLSv1_2", TLS1_2_VERSION}, {"PROTO_TLSv1_3", TLS1_3_VERSION},
      {"ENCODING_PEM", 1}, {"ENCODING_DER", 2},
  };
  for (const Constant& constant : kConstants) {
    Ref value = make_int(constant.value);
    if (!value || !dict_setitem_str(dict, constant.name, value)) return false;
  }
  static const struct {
    const char* name;
    bool value;
  } kFlags[] = {
      {"HAS_SNI", true}, {"HAS_TLS_UNIQUE", true}, {"HAS_ECDH", true}, {"HAS_NPN", false}, {"HAS_ALPN", true},
      {"HAS_SSLv2", false}, {"HAS_SSLv3", false}, {"HAS_TLSv1", true}, {"HAS_TLSv1_1", true},
      {"HAS_TLSv1_2", true}, {"HAS_TLSv1_3", true},
  };
  for (const auto& flag : kFlags) {
    if (!dict_setitem_str(dict, flag.name, py_bool(flag.value))) return false;
  }
  unsigned long number = ossl.OpenSSL_version_num();
  Ref version = TRY(make_str(ossl.OpenSSL_version(OPENSSL_VERSION)));
  Ref version_number = TRY(make_int(uint64_t(number)));
  Ref info = TRY(version_info(number));
  Ref api_info = TRY(version_info(OPENSSL_VERSION_NUMBER));
  Ref ciphers = TRY(make_str(kDefaultCiphers));
  return dict_setitem_str(dict, "OPENSSL_VERSION", version) &&
         dict_setitem_str(dict, "OPENSSL_VERSION_NUMBER", version_number) &&
         dict_setitem_str(dict, "OPENSSL_VERSION_INFO", info) && dict_setitem_str(dict, "_OPENSSL_API_VERSION", api_info) &&
         dict_setitem_str(dict, "_DEFAULT_CIPHERS", ciphers) &&
         dict_setitem_str(dict, "_SSLContext", Value(&context_type)) &&
         dict_setitem_str(dict, "_SSLSocket", Value(&ssl_socket_type)) &&
         dict_setitem_str(dict, "MemoryBIO", Value(&memory_bio_type)) &&
         dict_setitem_str(dict, "SSLSession", Value(&session_type)) &&
         dict_setitem_str(dict, "SSLError", Value(&ssl_error_type)) &&
         dict_setitem_str(dict, "SSLZeroReturnError", Value(&ssl_zero_return_error_type)) &&
         dict_setitem_str(dict, "SSLWantReadError", Value(&ssl_want_read_error_type)) &&
         dict_setitem_str(dict, "SSLWantWriteError", Value(&ssl_want_write_error_type)) &&
         dict_setitem_str(dict, "SSLSyscallError", Value(&ssl_syscall_error_type)) &&
         dict_setitem_str(dict, "SSLEOFError", Value(&ssl_eof_error_type)) &&
         dict_setitem_str(dict, "SSLCertVerificationError", g_cert_verification_error);
}

// An SSLError class: OSError's layout, with SSLError's str().
void setup_error_type(Type& type, const char* name, Type* base, const char* doc) {
  type.m_tp_name = name;
  type.m_base = base;
  type.m_doc = doc;
  type.m_size = sizeof(BaseExceptionObject);
  type.m_flags = kTypeBaseType | kTypeHasGC | kTypeBaseExcSubclass | kTypeHasDict;
  type.m_str = ssl_error_str;
}

}  // namespace

static struct SslTypesSetup {
  SslTypesSetup() {
    setup_error_type(ssl_error_type, "ssl.SSLError", &os_error_type, "An error occurred in the SSL implementation.");
    setup_error_type(ssl_zero_return_error_type, "ssl.SSLZeroReturnError", &ssl_error_type,
                     "SSL/TLS session closed cleanly.");
    setup_error_type(ssl_want_read_error_type, "ssl.SSLWantReadError", &ssl_error_type,
                     "Non-blocking SSL socket needs to read more data\n"
                     "before the requested operation can be completed.");
    setup_error_type(ssl_want_write_error_type, "ssl.SSLWantWriteError", &ssl_error_type,
                     "Non-blocking SSL socket needs to write more data\n"
                     "before the requested operation can be completed.");
    setup_error_type(ssl_syscall_error_type, "ssl.SSLSyscallError", &ssl_error_type,
                     "System error when attempting SSL operation.");
    setup_error_type(ssl_eof_error_type, "ssl.SSLEOFError", &ssl_error_type, "SSL/TLS connection terminated abruptly.");

    context_type.m_tp_name = "_ssl._SSLContext";
    context_type.m_size = sizeof(ContextObject);
    context_type.m_flags = kTypeBaseType | kTypeHasGC;
    context_type.m_new = context_new;
    context_type.m_destroy = context_destroy;
    context_type.m_traverse = context_traverse;
    context_type.m_clear = context_clear;
    context_type.m_methods = kContextMethods;
    context_type.m_getset = kContextGetSet;

    ssl_socket_type.m_tp_name = "_ssl._SSLSocket";
    ssl_socket_type.m_size = sizeof(SslSocketObject);
    ssl_socket_type.m_destroy = ssl_socket_destroy;
    ssl_socket_type.m_methods = kSslSocketMethods;
    ssl_socket_type.m_getset = kSslSocketGetSet;

    memory_bio_type.m_tp_name = "_ssl.MemoryBIO";
    memory_bio_type.m_size = sizeof(MemoryBioObject);
    memory_bio_type.m_new = memory_bio_new;
    memory_bio_type.m_destroy = memory_bio_destroy;
    memory_bio_type.m_methods = kMemoryBioMethods;
    memory_bio_type.m_getset = kMemoryBioGetSet;

    session_type.m_tp_name = "_ssl.SSLSession";
    session_type.m_size = sizeof(SessionObject);
    session_type.m_new = session_new;
    session_type.m_destroy = session_destroy;
    session_type.m_richcompare = session_richcompare;
    session_type.m_getset = kSessionGetSet;
  }
} ssl_types_setup;

COIL_REGISTER_TYPE(ssl_error_type);
COIL_REGISTER_TYPE(ssl_zero_return_error_type);
COIL_REGISTER_TYPE(ssl_want_read_error_type);
COIL_REGISTER_TYPE(ssl_want_write_error_type);
COIL_REGISTER_TYPE(ssl_syscall_error_type);
COIL_REGISTER_TYPE(ssl_eof_error_type);
COIL_REGISTER_TYPE(context_type);
COIL_REGISTER_TYPE(ssl_socket_type);
COIL_REGISTER_TYPE(memory_bio_type);
COIL_REGISTER_TYPE(session_type);
COIL_REGISTER_MODULE("_ssl", init_ssl);

}  // namespace coil
