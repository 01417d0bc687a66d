# loop.connect_accepted_socket(ssl=...): a connection accepted outside
# asyncio becomes the server's end of TLS; ssl=True and the argument
# checks refuse what CPython refuses.
import asyncio
import os
import socket
import ssl

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')

server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
server_context.load_cert_chain(os.path.join(CERTS, 'server.pem'), os.path.join(CERTS, 'server_key.pem'))
client_context = ssl.create_default_context(cafile=os.path.join(CERTS, 'ca.pem'))


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        print('server side', transport.get_extra_info('ssl_object').server_side)

    def data_received(self, data):
        self.transport.write(data.upper())


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.create_server(('127.0.0.1', 0))
    listener.setblocking(False)
    port = listener.getsockname()[1]

    async def client():
        reader, writer = await asyncio.open_connection('127.0.0.1', port, ssl=client_context,
                                                       server_hostname='localhost')
        writer.write(b'accepted\n')
        print(await reader.readline())
        writer.close()
        await writer.wait_closed()

    task = asyncio.create_task(client())
    conn, address = await loop.sock_accept(listener)
    transport, protocol = await loop.connect_accepted_socket(Echo, conn, ssl=server_context)
    print(type(transport).__name__, type(protocol).__name__)
    await task
    transport.close()

    for kwargs in ({'ssl': True}, {'ssl_handshake_timeout': 1}, {'ssl_shutdown_timeout': 1}):
        sock = socket.socket()
        try:
            await loop.connect_accepted_socket(Echo, sock, **kwargs)
        except ValueError as e:
            print('ValueError', e)
        sock.close()
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        await loop.connect_accepted_socket(Echo, udp)
    except ValueError as e:
        print('ValueError', str(e).split(' fd=')[0])
    udp.close()
    listener.close()


asyncio.run(main())
