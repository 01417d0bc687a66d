# TLS over memory buffers: MemoryBIO, and a client and a server SSLObject
# in one thread, the bytes pumped between their BIOs by hand: the
# handshake, what it negotiated, data both ways, and the shutdown.
import os
import ssl

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')

bio = ssl.MemoryBIO()
print(bio.pending, bio.eof, bio.read(), bio.write(b'hello'), bio.write(bytearray(b' world')), bio.pending)
print(bio.read(3), bio.read(-1), bio.pending, bio.eof)
bio.write(memoryview(b'abc'))
bio.write_eof()
print(bio.eof, bio.read(1), bio.eof, bio.read(), bio.eof)
for bad in (lambda: bio.write(b'x'), lambda: bio.write('text'), lambda: bio.read('x'),
            lambda: ssl.MemoryBIO(1), lambda: ssl.MemoryBIO(x=1), lambda: setattr(bio, 'pending', 1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_context.load_cert_chain(os.path.join(CERTS, 'server.pem'), os.path.join(CERTS, 'server_key.pem'))
server_context.set_alpn_protocols(['h2', 'http/1.1'])
client_context = ssl.create_default_context(cafile=os.path.join(CERTS, 'ca.pem'))
client_context.set_alpn_protocols(['spdy', 'http/1.1'])

client_in, client_out, server_in, server_out = (ssl.MemoryBIO() for _ in range(4))
client = client_context.wrap_bio(client_in, client_out, server_hostname='localhost')
server = server_context.wrap_bio(server_in, server_out, server_side=True)
print(type(client).__name__, client.server_side, client.server_hostname, server.server_side, server.server_hostname)
print(client.context is client_context, client.version(), client.cipher(), client.pending())
try:
    client.getpeercert()
except ValueError as e:
    print('ValueError', e)


def pump():
    """Moves what each side wrote to the other; how many bytes moved."""
    moved = 0
    for source, target in ((client_out, server_in), (server_out, client_in)):
        data = source.read()
        moved += len(data)
        target.write(data)
    return moved


def step(name, obj, operation, *args):
    try:
        result = getattr(obj, operation)(*args)
    except ssl.SSLError as e:
        print(f'{name}.{operation}: {type(e).__name__}({e.args[0]}, {e.strerror!r})')
        return None
    print(f'{name}.{operation}: {result!r}')
    return result


step('client', client, 'do_handshake')
print('client hello is', 'large' if client_out.pending > 100 else 'small')
step('server', server, 'do_handshake')
pump()
step('server', server, 'do_handshake')
pump()
step('client', client, 'do_handshake')
pump()
step('server', server, 'do_handshake')
pump()

print(client.version(), server.version())
print(client.cipher(), server.cipher() == client.cipher())
print(client.selected_alpn_protocol(), server.selected_alpn_protocol())
print(client.compression(), client.pending(), client.session_reused, client.shared_ciphers())
print(server.shared_ciphers()[0])
peer = client.getpeercert()
for key in sorted(peer):
    print('   ', key, peer[key])
der = client.getpeercert(binary_form=True)
with open(os.path.join(CERTS, 'server.pem')) as f:
    print(der == ssl.PEM_cert_to_DER_cert(f.read()))
print(server.getpeercert(), server.getpeercert(True))
binding = client.get_channel_binding()
print(type(binding).__name__, len(binding), binding == server.get_channel_binding('tls-unique'))
try:
    client.get_channel_binding('tls-server-end-point')
except ValueError as e:
    print('ValueError', e)

print(client.write(b'ping'), client_out.pending > 4)
pump()
print(server.pending(), server.read(2), server.pending(), server.read(100))
step('server', server, 'read', 10)
buffer = bytearray(10)
server.write(b'pong' * 3)
pump()
print(client.read(5, buffer), buffer)
print(client.read(0, buffer), buffer)
print(client.read(0))
step('client', client, 'read', 5)
try:
    client.read(-1)
except ValueError as e:
    print('ValueError', e)
for bad in (lambda: client.read(5, b'immutable'), lambda: client.read('x'), lambda: client.write('text'),
            lambda: client._sslobj.read()):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)

big = b'x' * 100000
print(client.write(big))
pump()
received = b''
while True:
    try:
        chunk = server.read(65536)
    except ssl.SSLWantReadError:
        break
    received += chunk
print(len(received), received == big)

step('client', client, 'unwrap')
pump()
step('server', server, 'read', 10)
step('server', server, 'unwrap')
pump()
step('client', client, 'unwrap')
step('client', client, 'read', 10)
step('client', client, 'write', b'more')
step('server', server, 'write', b'more')

# A server that is handed garbage.
garbage_in, garbage_out = ssl.MemoryBIO(), ssl.MemoryBIO()
victim = server_context.wrap_bio(garbage_in, garbage_out, server_side=True)
garbage_in.write(b'GET / HTTP/1.0\r\n\r\n')
try:
    victim.do_handshake()
except ssl.SSLError as e:
    print(type(e).__name__, e.reason, e.library, e)

# The peer's stream ends in the middle of the handshake.
early_in, early_out = ssl.MemoryBIO(), ssl.MemoryBIO()
early = client_context.wrap_bio(early_in, early_out, server_hostname='localhost')
early_in.write_eof()
try:
    early.do_handshake()
except ssl.SSLError as e:
    print(type(e).__name__, e.errno, e.reason, e)

try:
    ssl.SSLObject()
except TypeError as e:
    print('TypeError', e)
