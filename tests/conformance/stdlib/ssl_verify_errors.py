# Certificate verification failing, over memory buffers: a self-signed
# certificate, a CA the client does not trust, a host name or an IP address
# the certificate is not for, a client certificate the server requires,
# and what each side is told (messages, reasons, verify codes).
import os
import ssl

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')


def cert(name):
    return os.path.join(CERTS, name)


def handshake(client_context, server_context, hostname='localhost'):
    """Runs a handshake to its end; prints what each side raised."""
    bios = [ssl.MemoryBIO() for _ in range(4)]
    client = client_context.wrap_bio(bios[0], bios[1], server_hostname=hostname)
    server = server_context.wrap_bio(bios[2], bios[3], server_side=True)
    done = {'client': False, 'server': False}
    for _ in range(6):
        for name, side in (('client', client), ('server', server)):
            if done[name]:
                continue
            try:
                side.do_handshake()
                done[name] = True
                print(f'  {name}: handshake done')
            except ssl.SSLWantReadError:
                pass
            except ssl.SSLError as e:
                done[name] = True
                print(f'  {name}: {type(e).__name__}: {e}')
                print(f'    errno={e.errno} reason={e.reason} library={e.library}')
                if isinstance(e, ssl.SSLCertVerificationError):
                    print(f'    verify_code={e.verify_code} verify_message={e.verify_message!r}')
                    print(f'    is a ValueError: {isinstance(e, ValueError)}, CertificateError: '
                          f'{isinstance(e, ssl.CertificateError)}')
        bios[2].write(bios[1].read())
        bios[0].write(bios[3].read())
    return client, server


server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
server_context.load_cert_chain(cert('server.pem'), cert('server_key.pem'))
self_signed_server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
self_signed_server.load_cert_chain(cert('selfsigned.pem'), cert('selfsigned_key.pem'))
trusting = ssl.create_default_context(cafile=cert('ca.pem'))

print('self-signed certificate')
handshake(trusting, self_signed_server)
print('unknown CA')
handshake(ssl.create_default_context(cafile=cert('selfsigned.pem')), server_context)
print('host name mismatch')
handshake(trusting, server_context, 'example.com')
print('IP address')
handshake(trusting, server_context, '127.0.0.1')
print('IP address mismatch')
handshake(trusting, server_context, '127.0.0.2')
print('no host name check')
relaxed = ssl.create_default_context(cafile=cert('ca.pem'))
relaxed.check_hostname = False
client, server = handshake(relaxed, server_context, 'example.com')
print(' ', client.getpeercert()['subject'][-1])
print('no verification at all')
unverified = ssl._create_unverified_context()
client, server = handshake(unverified, self_signed_server)
print(' ', client.getpeercert(), len(client.getpeercert(True)) > 0)
print('client certificate required but missing')
strict_server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=cert('ca.pem'))
strict_server.load_cert_chain(cert('server.pem'), cert('server_key.pem'))
strict_server.verify_mode = ssl.CERT_REQUIRED
handshake(trusting, strict_server)
print('client certificate only good for servers')
with_certificate = ssl.create_default_context(cafile=cert('ca.pem'))
with_certificate.load_cert_chain(cert('server.pem'), cert('server_key.pem'))
handshake(with_certificate, strict_server)

print('host names')
for hostname in ('', '.example.com', 'a\0b', 5, b'localhost', 'lab\u00e9l.example'):
    try:
        obj = trusting.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname=hostname)
        print(repr(hostname), '->', repr(obj.server_hostname))
    except Exception as e:
        print(repr(hostname), '->', type(e).__name__, e)
for wrong in ((trusting, True, 'Cannot create a server socket'), (server_context, False, 'client')):
    try:
        wrong[0].wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_side=wrong[1])
    except ssl.SSLError as e:
        print(type(e).__name__, e.errno, e.reason, e.library, e)
try:
    trusting._wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), False, 'x', owner=5)
except TypeError as e:
    print('TypeError', e)
