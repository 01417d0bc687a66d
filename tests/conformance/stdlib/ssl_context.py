# SSLContext: the defaults of client and server contexts, the settings and
# how they interact, the deprecation warnings, and the errors of loading
# certificates, keys and CAs.
import os
import ssl
import warnings

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')


def cert(name):
    return os.path.join(CERTS, name)


def attempt(label, function):
    try:
        result = function()
    except Exception as e:
        print(f'{label}: {type(e).__name__}: {e}')
        for attribute in ('errno', 'reason', 'library'):
            if hasattr(e, attribute):
                print(f'    {attribute} = {getattr(e, attribute)!r}')
    else:
        print(f'{label}: {result!r}')


def show(context):
    print('   ', repr(context.protocol), repr(context.verify_mode), context.check_hostname)
    print('   ', repr(context.options))
    print('   ', repr(context.minimum_version), repr(context.maximum_version), repr(context.verify_flags))
    print('   ', context.hostname_checks_common_name, context.post_handshake_auth, context.security_level,
          context.sni_callback, type(context).__name__, isinstance(context, ssl._ssl._SSLContext))


print('client context')
show(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
print('server context')
show(ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER))
print('default context')
show(ssl.create_default_context(cafile=cert('ca.pem')))
print('default server context')
show(ssl.create_default_context(ssl.Purpose.CLIENT_AUTH))
print('unverified context')
show(ssl._create_unverified_context())

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    context = ssl.SSLContext()
    ssl.SSLContext(ssl.PROTOCOL_TLS)
    ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)
    context.options |= ssl.OP_NO_TLSv1_1
    context.minimum_version = ssl.TLSVersion.TLSv1
    context.options |= ssl.OP_NO_TICKET
for warning in caught:
    print(warning.category.__name__, warning.message, os.path.basename(warning.filename))
print(repr(context.protocol), repr(context.minimum_version), ssl.OP_NO_TICKET in context.options)

context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
attempt('verify_mode NONE with check_hostname', lambda: setattr(context, 'verify_mode', ssl.CERT_NONE))
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE
print(repr(context.verify_mode))
context.check_hostname = True
print('check_hostname turns verification on:', repr(context.verify_mode))
context.check_hostname = False
context.verify_mode = ssl.CERT_OPTIONAL
print(repr(context.verify_mode))
attempt('verify_mode 5', lambda: setattr(context, 'verify_mode', 5))
attempt('verify_mode str', lambda: setattr(context, 'verify_mode', 'x'))
attempt('verify_mode huge', lambda: setattr(context, 'verify_mode', 2 ** 70))
context.minimum_version = ssl.TLSVersion.TLSv1_3
context.maximum_version = ssl.TLSVersion.TLSv1_3
print(repr(context.minimum_version), repr(context.maximum_version))
context.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
context.maximum_version = ssl.TLSVersion.MAXIMUM_SUPPORTED
print(repr(context.minimum_version), repr(context.maximum_version))
attempt('minimum_version 5', lambda: setattr(context, 'minimum_version', 5))
attempt('minimum_version float', lambda: setattr(context, 'minimum_version', 1.5))
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    legacy = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)
attempt('legacy minimum_version', lambda: setattr(legacy, 'minimum_version', ssl.TLSVersion.TLSv1_3))
context.verify_flags = ssl.VERIFY_X509_STRICT | ssl.VERIFY_X509_TRUSTED_FIRST
print(repr(context.verify_flags))
attempt('verify_flags str', lambda: setattr(context, 'verify_flags', 'x'))
context.options = ssl.OP_ALL
print(repr(context.options))
attempt('options str', lambda: setattr(context, 'options', 'x'))
context.hostname_checks_common_name = False
print(context.hostname_checks_common_name, context._host_flags)
context.hostname_checks_common_name = True
print(context.hostname_checks_common_name, context._host_flags)
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
print(server.num_tickets)
server.num_tickets = 1
print(server.num_tickets)
attempt('num_tickets -1', lambda: setattr(server, 'num_tickets', -1))
attempt('num_tickets on a client', lambda: setattr(context, 'num_tickets', 1))
server.post_handshake_auth = True
print(server.post_handshake_auth)
attempt('sni_callback on a client', lambda: setattr(context, 'sni_callback', None))
attempt('sni_callback not callable', lambda: server.set_servername_callback(5))
server.set_servername_callback(None)

print('certificates')
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
attempt('missing certfile', lambda: server.load_cert_chain(cert('missing.pem')))
attempt('missing keyfile', lambda: server.load_cert_chain(cert('server.pem'), cert('missing.pem')))
attempt('certfile not a path', lambda: server.load_cert_chain(5))
attempt('keyfile not a path', lambda: server.load_cert_chain(cert('server.pem'), 5))
attempt('no certificate in file', lambda: server.load_cert_chain(cert('server_key.pem')))
attempt('key of another certificate', lambda: server.load_cert_chain(cert('server.pem'), cert('selfsigned_key.pem')))
attempt('no key in file', lambda: server.load_cert_chain(cert('server.pem')))
attempt('good pair', lambda: server.load_cert_chain(cert('server.pem'), cert('server_key.pem')))
encrypted = cert('server_key_encrypted.pem')
attempt('password str', lambda: server.load_cert_chain(cert('server.pem'), encrypted, password='secret'))
attempt('password bytes', lambda: server.load_cert_chain(cert('server.pem'), encrypted, password=b'secret'))
attempt('password bytearray', lambda: server.load_cert_chain(cert('server.pem'), encrypted, password=bytearray(b'secret')))
attempt('password callable', lambda: server.load_cert_chain(cert('server.pem'), encrypted, password=lambda: 'secret'))
attempt('wrong password', lambda: server.load_cert_chain(cert('server.pem'), encrypted, password='wrong'))
attempt('password of a bad type', lambda: server.load_cert_chain(cert('server.pem'), encrypted, password=5))
attempt('callable returning an int', lambda: server.load_cert_chain(cert('server.pem'), encrypted, password=lambda: 5))
attempt('callable raising', lambda: server.load_cert_chain(cert('server.pem'), encrypted, password=lambda: 1 / 0))
attempt('password too long', lambda: server.load_cert_chain(cert('server.pem'), encrypted, password='x' * 2000))

print('CA certificates')
client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
print(client.cert_store_stats(), client.get_ca_certs())
attempt('nothing', lambda: client.load_verify_locations())
attempt('missing cafile', lambda: client.load_verify_locations(cert('missing.pem')))
attempt('cafile not a path', lambda: client.load_verify_locations(cafile=5))
attempt('capath not a path', lambda: client.load_verify_locations(capath=5))
attempt('key file as cafile', lambda: client.load_verify_locations(cert('server_key.pem')))
attempt('empty cadata', lambda: client.load_verify_locations(cadata=''))
attempt('cadata of a bad type', lambda: client.load_verify_locations(cadata=5))
attempt('non-ASCII cadata', lambda: client.load_verify_locations(cadata='é'))
attempt('cadata text without certificate', lambda: client.load_verify_locations(cadata='hello'))
attempt('cadata bytes without certificate', lambda: client.load_verify_locations(cadata=b'\x30\x03\x01\x01\x01'))
with open(cert('ca.pem')) as f:
    ca_text = f.read()
attempt('cadata text', lambda: client.load_verify_locations(cadata=ca_text))
attempt('same cadata again', lambda: client.load_verify_locations(cadata=ca_text + ca_text))
print(client.cert_store_stats())
der = ssl.PEM_cert_to_DER_cert(ca_text)
other = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
attempt('cadata DER', lambda: other.load_verify_locations(cadata=der))
attempt('DER with garbage after', lambda: other.load_verify_locations(cadata=der + b'\x31\x01\x01'))
attempt('cafile', lambda: other.load_verify_locations(cert('ca.pem')))
attempt('cafile with two certificates', lambda: other.load_verify_locations(os.path.join(CERTS, 'selfsigned.pem')))
print(other.cert_store_stats())
print(client.get_ca_certs())
print(client.get_ca_certs(binary_form=True) == [der])

print('ciphers and ALPN')
attempt('set_ciphers unknown', lambda: client.set_ciphers('nothing-like-this'))
attempt('set_ciphers int', lambda: client.set_ciphers(5))
attempt('set_ciphers NUL', lambda: client.set_ciphers('A\0B'))
attempt('set_ciphers', lambda: client.set_ciphers('ECDHE+AESGCM'))
names = [c['name'] for c in client.get_ciphers()]
print('TLS_AES_256_GCM_SHA384' in names, all(isinstance(c['strength_bits'], int) for c in client.get_ciphers()))
print(sorted(client.get_ciphers()[0]))
attempt('ALPN empty name', lambda: client.set_alpn_protocols(['h2', '']))
attempt('ALPN long name', lambda: client.set_alpn_protocols(['x' * 256]))
attempt('ALPN non-ASCII', lambda: client.set_alpn_protocols(['é']))
attempt('ALPN', lambda: client.set_alpn_protocols(['h2', 'http/1.1']))
attempt('_set_alpn_protocols str', lambda: client._set_alpn_protocols('h2'))
attempt('set_ecdh_curve', lambda: server.set_ecdh_curve('prime256v1'))
attempt('set_ecdh_curve unknown', lambda: server.set_ecdh_curve('no-such-curve'))
attempt('load_default_certs bad purpose', lambda: client.load_default_certs('x'))
attempt('create_default_context bad purpose', lambda: ssl.create_default_context('x'))
attempt('keyfile without certfile', lambda: ssl._create_unverified_context(keyfile='k'))
print(sorted(client.session_stats()))
