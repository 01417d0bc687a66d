# The ssl module's constants and enums: values, reprs, aliases, and the
# exception classes with their hierarchy and str().
import ssl

for enum in (ssl.Options, ssl.VerifyMode, ssl.VerifyFlags, ssl.TLSVersion, ssl.AlertDescription,
             ssl.SSLErrorNumber, ssl._SSLMethod):
    print(enum.__name__, enum.__module__, len(enum.__members__))
    for name, member in enum.__members__.items():
        print('   ', name, repr(member), str(member), int(member))

print(repr(ssl.OP_ALL | ssl.OP_NO_TLSv1), repr(ssl.CERT_REQUIRED), repr(ssl.VERIFY_X509_STRICT | ssl.VERIFY_CRL_CHECK_LEAF))
print(ssl.PROTOCOL_SSLv23 is ssl.PROTOCOL_TLS, repr(ssl._SSLMethod.PROTOCOL_SSLv23))
print(ssl.get_protocol_name(ssl.PROTOCOL_TLS_CLIENT), ssl.get_protocol_name(99), sorted(ssl._PROTOCOL_NAMES.values()))
print(ssl.OP_SINGLE_DH_USE is ssl.OP_NO_SSLv2, repr(ssl.OP_SINGLE_ECDH_USE))
print([ssl.TLSVersion(v) for v in (-2, -1, 771, 772)])

for name in ('HAS_SNI', 'HAS_ALPN', 'HAS_ECDH', 'HAS_NPN', 'HAS_SSLv2', 'HAS_SSLv3', 'HAS_TLSv1_2', 'HAS_TLSv1_3',
             'HAS_NEVER_CHECK_COMMON_NAME', 'CHANNEL_BINDING_TYPES'):
    print(name, getattr(ssl, name))
for name in ('HOSTFLAG_ALWAYS_CHECK_SUBJECT', 'HOSTFLAG_NEVER_CHECK_SUBJECT', 'HOSTFLAG_NO_WILDCARDS',
             'HOSTFLAG_NO_PARTIAL_WILDCARDS', 'HOSTFLAG_MULTI_LABEL_WILDCARDS', 'HOSTFLAG_SINGLE_LABEL_SUBDOMAINS',
             'PROTO_MINIMUM_SUPPORTED', 'PROTO_MAXIMUM_SUPPORTED', 'PROTO_SSLv3', 'PROTO_TLSv1_3',
             'ENCODING_PEM', 'ENCODING_DER'):
    print(name, getattr(ssl._ssl, name))

print(ssl.OPENSSL_VERSION.startswith('OpenSSL '), type(ssl.OPENSSL_VERSION_NUMBER).__name__,
      type(ssl.OPENSSL_VERSION_INFO).__name__, len(ssl.OPENSSL_VERSION_INFO))
print(ssl._DEFAULT_CIPHERS)

for cls in (ssl.SSLError, ssl.SSLZeroReturnError, ssl.SSLWantReadError, ssl.SSLWantWriteError,
            ssl.SSLSyscallError, ssl.SSLEOFError, ssl.SSLCertVerificationError):
    print(cls, [base.__name__ for base in cls.__mro__[1:]], repr(cls.__doc__))
print(ssl.CertificateError is ssl.SSLCertVerificationError, ssl.socket_error is OSError)
print(issubclass(ssl.CertificateError, ValueError))

for args in ((), (5,), (1, 'text'), (1, 2), (1, 'text', 'file')):
    error = ssl.SSLError(*args)
    print(repr(error), '|', str(error), '|', error.errno, error.strerror)
error = ssl.SSLWantReadError(2, 'The operation did not complete (read)')
print(repr(error), isinstance(error, OSError), error.args)

print(repr(ssl.Purpose.SERVER_AUTH))
print(repr(ssl.Purpose.CLIENT_AUTH), ssl.Purpose.CLIENT_AUTH.oid)
print(ssl._ASN1Object('1.3.6.1.5.5.7.3.1'))
print(ssl._ASN1Object.fromnid(13), ssl._ASN1Object.fromname('CN'), ssl._ASN1Object.fromname('commonName'))
for bad in (lambda: ssl._ASN1Object('nope'), lambda: ssl._ASN1Object.fromnid(-1),
            lambda: ssl._ASN1Object.fromnid(123456), lambda: ssl._ASN1Object.fromname('no such name')):
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
