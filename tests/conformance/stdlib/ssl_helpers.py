# The ssl module's helpers: certificate times, PEM and DER forms, decoding
# a certificate with every kind of field, the default verify paths,
# OpenSSL's objects and random bytes, and what bad arguments raise.
import os
import pprint
import ssl

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')

for text in ('Jan  1 00:00:00 2000 GMT', 'Dec 31 23:59:59 2099 GMT', 'May  9 00:00:00 2007 GMT',
             'feb 29 12:34:56 2024 GMT', 'Xyz  1 00:00:00 2000 GMT', 'Jan  1 00:00:00 2000 UTC'):
    try:
        print(repr(text), ssl.cert_time_to_seconds(text))
    except ValueError as e:
        print(repr(text), 'ValueError', e)

with open(os.path.join(CERTS, 'server.pem')) as f:
    pem = f.read()
der = ssl.PEM_cert_to_DER_cert(pem)
print(type(der).__name__, len(der) > 300, der[:2])
again = ssl.DER_cert_to_PEM_cert(der)
print(again == pem, again.splitlines()[0], again.endswith('-----END CERTIFICATE-----\n'))
for bad in ('no header', ssl.PEM_HEADER + '\nabc\n'):
    try:
        ssl.PEM_cert_to_DER_cert(bad)
    except ValueError as e:
        print('ValueError', e)

pprint.pprint(ssl._ssl._test_decode_cert(os.path.join(CERTS, 'extensions.pem')))
pprint.pprint(ssl._ssl._test_decode_cert(os.path.join(CERTS, 'ca.pem')))
for bad in (os.path.join(CERTS, 'missing.pem'), os.path.join(CERTS, 'server_key.pem'), 5):
    try:
        ssl._ssl._test_decode_cert(bad)
    except (ssl.SSLError, TypeError) as e:
        print(type(e).__name__, e)

paths = ssl.get_default_verify_paths()
print(type(paths).__name__, paths._fields)
print(paths.openssl_cafile_env, paths.openssl_capath_env, type(paths.openssl_cafile).__name__)
print(ssl._ssl.get_default_verify_paths()[0::2])

print(ssl._ssl.txt2obj('1.3.6.1.5.5.7.3.2'), ssl._ssl.txt2obj('CN', name=True), ssl._ssl.nid2obj(129))
for call in (lambda: ssl._ssl.txt2obj('CN'), lambda: ssl._ssl.txt2obj(5), lambda: ssl._ssl.txt2obj('1.2.3.4.5'),
             lambda: ssl._ssl.nid2obj('x'), lambda: ssl._ssl.nid2obj(0)):
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(ssl.RAND_status(), len(ssl.RAND_bytes(16)), ssl.RAND_bytes(0), ssl.RAND_add('entropy', 1.5),
      ssl.RAND_add(b'entropy', 2))
for call in (lambda: ssl.RAND_bytes(-1), lambda: ssl.RAND_bytes('x'), lambda: ssl.RAND_add(b'x', 'y'),
             lambda: ssl.RAND_add(5, 1.0)):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
