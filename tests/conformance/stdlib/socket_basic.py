# The socket module: blocking, timeout and non-blocking modes, TCP, UDP and
# socketpair, makefile, the address and byte-order helpers, error messages.
import socket
s = socket.socket(); print(repr(s).replace(str(s.fileno()), 'N')); s.bind(('127.0.0.1', 0)); print(repr(s).replace(str(s.fileno()), 'N').split('laddr')[0]); s.close(); print(s)
print(socket.AF_INET, repr(socket.AF_INET), socket.SOCK_STREAM | socket.SOCK_CLOEXEC, type(socket.SOCK_STREAM))
a, b = socket.socketpair(); print(a.family, a.type, repr(a).replace(str(a.fileno()), 'N'))
print(socket.getaddrinfo('127.0.0.1', 80, type=socket.SOCK_STREAM))
print(socket.socket.__mro__, socket.timeout, socket.error)
a.sendall(b'hello'); print(b.recv(10))
b.settimeout(0.05)
try:
    b.recv(10)
except socket.timeout as e:
    print('timeout', type(e), e)
b.setblocking(False)
try:
    b.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
print(b.gettimeout(), b.getblocking())
buf = bytearray(8); a.send(b'xyz'); b.setblocking(True); print(b.recv_into(buf), buf)
with socket.create_server(('127.0.0.1', 0)) as srv:
    port = srv.getsockname()[1]
    c = socket.create_connection(('127.0.0.1', port))
    conn, addr = srv.accept()
    print(type(conn).__name__, addr[0], conn.getsockname() == c.getpeername())
    c.sendall(b'ping'); print(conn.recv(4)); conn.sendall(b'pong'); print(c.recv(4))
    f = conn.makefile('rwb'); c.sendall(b'line one\nline two\n'); print(f.readline(), f.readline())
    c.close(); print(conn.recv(10)); conn.close(); f.close()
try:
    socket.socket().connect(('127.0.0.1', 1))
except ConnectionRefusedError as e:
    print('refused', e)
try:
    socket.getaddrinfo('no-such-host.invalid', 80)
except socket.gaierror as e:
    print('gaierror', isinstance(e, OSError), e.errno < 0)
print(socket.htons(1), socket.ntohl(1), socket.inet_aton('1.2.3.4'), socket.inet_ntoa(b'\x7f\x00\x00\x01'))
print(socket.inet_pton(socket.AF_INET6, '::1'), socket.inet_ntop(socket.AF_INET6, b'\x00' * 15 + b'\x01'))
for bad in [lambda: socket.socket().bind('x'), lambda: socket.socket().bind(('h',)), lambda: socket.socket().bind(('127.0.0.1', 70000)), lambda: socket.socket().recv(-1), lambda: socket.socket().send('str'), lambda: socket.htons(-1), lambda: socket.socket().settimeout(-1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', 0))
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.sendto(b'dgram', s.getsockname())
data, frm = s.recvfrom(100); print(data, frm[0], s.type)
print(socket.getdefaulttimeout()); socket.setdefaulttimeout(2.5); print(socket.socket().gettimeout()); socket.setdefaulttimeout(None)
x = socket.socket(); fd = x.detach(); print(x, fd > 0); socket.close(fd)
