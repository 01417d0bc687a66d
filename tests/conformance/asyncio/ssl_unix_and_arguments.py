# TLS over Unix sockets (start_unix_server and open_unix_connection with
# ssl=), and the TLS arguments create_connection, create_server and their
# Unix and stream forms refuse, with CPython's messages.
import asyncio
import os
import socket
import ssl
import tempfile

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')

server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
server_context.load_cert_chain(os.path.join(CERTS, 'server.pem'), os.path.join(CERTS, 'server_key.pem'))
client_context = ssl.create_default_context(cafile=os.path.join(CERTS, 'ca.pem'))


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(b'echo: ' + data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def refused(label, coroutine):
    try:
        await coroutine
    except (ValueError, TypeError, AssertionError) as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'accepted')


async def main():
    loop = asyncio.get_running_loop()
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, 'tls.sock')
        server = await asyncio.start_unix_server(handle, path, ssl=server_context)
        for i in range(2):
            reader, writer = await asyncio.open_unix_connection(path, ssl=client_context,
                                                                server_hostname='localhost')
            print(type(writer.transport).__name__, writer.get_extra_info('peername') == path,
                  writer.get_extra_info('cipher')[1])
            writer.write(f'message {i}\n'.encode())
            print(await reader.readline(), await reader.read())
            writer.close()
            await writer.wait_closed()
        await refused('unix without server_hostname:', asyncio.open_unix_connection(path, ssl=client_context))
        await refused('unix server_hostname without ssl:',
                      asyncio.open_unix_connection(path, server_hostname='localhost'))
        await refused('unix handshake timeout without ssl:',
                      asyncio.open_unix_connection(path, ssl_handshake_timeout=1))
        await refused('unix shutdown timeout without ssl:',
                      asyncio.open_unix_connection(path, ssl_shutdown_timeout=1))
        await refused('unix server_hostname not a str:',
                      asyncio.open_unix_connection(path, ssl=client_context, server_hostname=5))
        await refused('unix server ssl=True:', asyncio.start_unix_server(handle, path + '2', ssl=True))
        await refused('unix server handshake timeout without ssl:',
                      asyncio.start_unix_server(handle, path + '2', ssl_handshake_timeout=1))
        server.close()
        await server.wait_closed()

    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=server_context)
    port = server.sockets[0].getsockname()[1]
    await refused('server_hostname without ssl:',
                  asyncio.open_connection('127.0.0.1', port, server_hostname='localhost'))
    await refused('handshake timeout without ssl:',
                  asyncio.open_connection('127.0.0.1', port, ssl_handshake_timeout=1))
    await refused('shutdown timeout without ssl:',
                  asyncio.open_connection('127.0.0.1', port, ssl_shutdown_timeout=1))
    await refused('ssl without a host:', loop.create_connection(asyncio.Protocol, ssl=client_context,
                                                                 sock=socket.socket()))
    await refused('negative handshake timeout:',
                  asyncio.open_connection('127.0.0.1', port, ssl=client_context, server_hostname='localhost',
                                          ssl_handshake_timeout=-1))
    await refused('zero shutdown timeout:',
                  asyncio.open_connection('127.0.0.1', port, ssl=client_context, server_hostname='localhost',
                                          ssl_shutdown_timeout=0))
    await refused('server ssl=True:', asyncio.start_server(handle, '127.0.0.1', 0, ssl=True))
    await refused('server ssl=False:', asyncio.start_server(handle, '127.0.0.1', 0, ssl=False))
    await refused('server handshake timeout without ssl:',
                  asyncio.start_server(handle, '127.0.0.1', 0, ssl_handshake_timeout=1))
    await refused('server shutdown timeout without ssl:',
                  asyncio.start_server(handle, '127.0.0.1', 0, ssl_shutdown_timeout=1))
    wrapped = client_context.wrap_socket(socket.socket(), server_hostname='localhost')
    await refused('an SSLSocket as sock:', loop.create_connection(asyncio.Protocol, sock=wrapped))
    await refused('an SSLSocket for a server:', loop.create_server(asyncio.Protocol, sock=wrapped))
    wrapped.close()

    # ssl=True: the default context, which does not know the test CA; an
    # empty server_hostname turns the host name check off.
    try:
        await asyncio.open_connection('127.0.0.1', port, ssl=True, server_hostname='')
    except ssl.SSLCertVerificationError as e:
        print('ssl=True:', e.verify_message)
    # The host name defaults to the host.
    try:
        await asyncio.open_connection('127.0.0.1', port, ssl=client_context)
    except ssl.SSLCertVerificationError as e:
        print('host as server_hostname:', e.verify_message)
    else:
        print('host as server_hostname: verified')
    reader, writer = await asyncio.open_connection('localhost', port, ssl=client_context, family=socket.AF_INET)
    writer.write(b'by name\n')
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
