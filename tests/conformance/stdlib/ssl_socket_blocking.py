# SSLSocket on blocking sockets: a server thread and a client over a
# socket pair and over TCP, sendall/recv/recv_into/makefile, timeouts and
# non-blocking sockets, unwrap back to plain text, and the errors of
# sockets closed, unwrapped or never connected.
import os
import socket
import ssl
import threading

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')

server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
server_context.load_cert_chain(os.path.join(CERTS, 'server.pem'), os.path.join(CERTS, 'server_key.pem'))
client_context = ssl.create_default_context(cafile=os.path.join(CERTS, 'ca.pem'))

log = []


def serve(sock):
    with server_context.wrap_socket(sock, server_side=True) as conn:
        log.append(('server version', conn.version()))
        data = conn.recv(1024)
        log.append(('server got', data))
        conn.sendall(data.upper())
        with conn.makefile('rb') as reader:
            line = reader.readline()
        log.append(('server line', line))
        conn.sendall(b'line one\nline two\n')
        # The client's close_notify, then plain text again.
        plain = conn.unwrap()
        log.append(('server unwrapped', type(plain).__name__))
        plain.sendall(b'plain text')
        plain.close()


a, b = socket.socketpair()
thread = threading.Thread(target=serve, args=(b,))
thread.start()
with client_context.wrap_socket(a, server_hostname='localhost') as client:
    print(repr(client).split(' fd=')[0], client.server_side, client.server_hostname, client.version())
    print(client.cipher()[1], client.getpeercert()['subjectAltName'], client.pending())
    print(client.context is client_context, client.session is not None, client.session_reused)
    client.sendall(b'hello')
    print(client.recv(1024))
    client.send(b'a line\n')
    buffer = bytearray(20)
    count = client.recv_into(buffer)
    while b'two' not in buffer[:count]:
        count += client.recv_into(memoryview(buffer)[count:])
    print(count, bytes(buffer[:count]))
    plain = client.unwrap()
    print(type(plain).__name__, plain.recv(100))
    plain.close()
thread.join()
for entry in log:
    print(*entry)

for bad in ('recv', 'send', 'sendall', 'recv_into'):
    try:
        getattr(client, bad)(*{'recv': (1,), 'send': (b'x',), 'sendall': (b'x',),
                               'recv_into': (bytearray(1),)}[bad])
    except OSError as e:
        print(bad, 'on a closed SSLSocket:', type(e).__name__, e.errno)
for call in (lambda: client.read(1), lambda: client.write(b'x')):
    try:
        call()
    except ValueError as e:
        print('ValueError', e)
try:
    client.unwrap()
except ValueError as e:
    print('ValueError', str(e).split(' fd=')[0])

print('timeouts')
a, b = socket.socketpair()
ready = threading.Event()
done = threading.Event()


def quiet_server(sock):
    with server_context.wrap_socket(sock, server_side=True) as conn:
        ready.set()
        done.wait()


thread = threading.Thread(target=quiet_server, args=(b,))
thread.start()
client = client_context.wrap_socket(a, server_hostname='localhost')
ready.wait()
client.settimeout(0.05)
try:
    client.recv(10)
except TimeoutError as e:
    print('TimeoutError', e)
client.setblocking(False)
try:
    client.recv(10)
except ssl.SSLWantReadError as e:
    print(type(e).__name__, e)
print(client.recv_into(bytearray(0)))
done.set()
thread.join()
client.close()

print('handshake timeout')
a, b = socket.socketpair()
client = client_context.wrap_socket(a, server_hostname='localhost', do_handshake_on_connect=False)
client.settimeout(0.05)
try:
    client.do_handshake()
except TimeoutError as e:
    print('TimeoutError', e)
b.close()
client.settimeout(None)
try:
    client.do_handshake()
except OSError as e:
    print(type(e).__name__, e.errno)
client.close()

a, b = socket.socketpair()
a.setblocking(False)
try:
    client_context.wrap_socket(a, server_hostname='localhost')
except ValueError as e:
    print('ValueError', e)
b.close()

print('not connected')
unconnected = client_context.wrap_socket(socket.socket(), server_hostname='localhost')
print(unconnected.version(), unconnected.cipher(), unconnected.pending(), unconnected.get_channel_binding())
for call in (unconnected.getpeercert, lambda: unconnected.recv(1)):
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno)
try:
    unconnected.dup()
except NotImplementedError as e:
    print('NotImplementedError', e)
try:
    client_context.wrap_socket(socket.socket())
except ValueError as e:
    print('ValueError', e)
try:
    server_context.wrap_socket(socket.socket(), server_side=True, server_hostname='x')
except ValueError as e:
    print('ValueError', e)
try:
    ssl.SSLSocket()
except TypeError as e:
    print('TypeError', e)
unconnected.close()

print('over TCP')
listener = socket.create_server(('127.0.0.1', 0))
port = listener.getsockname()[1]
secure_listener = server_context.wrap_socket(listener, server_side=True)


def accept_one():
    conn, address = secure_listener.accept()
    with conn:
        log.append(('accepted', type(conn).__name__, conn.server_side))
        conn.sendall(conn.recv(100)[::-1])


log.clear()
thread = threading.Thread(target=accept_one)
thread.start()
with socket.create_connection(('127.0.0.1', port)) as raw:
    with client_context.wrap_socket(raw, server_hostname='localhost') as client:
        client.sendall(b'abcdef')
        print(client.recv(100))
thread.join()
secure_listener.close()
print(log)
with client_context.wrap_socket(socket.socket(), server_hostname='localhost') as client:
    try:
        client.connect(('127.0.0.1', port))
    except ConnectionRefusedError as e:
        print('ConnectionRefusedError', e.errno)

print('get_server_certificate, ssl.wrap_socket, sendfile')
import tempfile
import warnings

listener = socket.create_server(('127.0.0.1', 0))
port = listener.getsockname()[1]
received = []


def serve_twice():
    for expected in (0, 30000):
        conn, address = listener.accept()
        with server_context.wrap_socket(conn, server_side=True) as tls:
            data = b''
            while len(data) < expected:
                data += tls.recv(65536)
            received.append(len(data))
            if expected:
                tls.sendall(b'done')


thread = threading.Thread(target=serve_twice)
thread.start()
pem = ssl.get_server_certificate(('127.0.0.1', port), ca_certs=os.path.join(CERTS, 'ca.pem'))
with open(os.path.join(CERTS, 'server.pem')) as f:
    print(pem == f.read())
with tempfile.TemporaryFile() as f:
    f.write(b'q' * 50000)
    f.seek(0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        tls = ssl.wrap_socket(socket.create_connection(('127.0.0.1', port)))
    print([str(w.message) for w in caught], tls.version())
    print(tls.sendfile(f, 100, 30000), f.tell())
    print(tls.recv(10))
    tls.close()
thread.join()
listener.close()
print(received)
