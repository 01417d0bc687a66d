# Upgrading a plain connection to TLS: StreamWriter.start_tls() on both
# ends of a STARTTLS exchange, loop.start_tls() under a protocol, and the
# arguments start_tls() refuses.
import asyncio
import os
import ssl

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')

server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
server_context.load_cert_chain(os.path.join(CERTS, 'server.pem'), os.path.join(CERTS, 'server_key.pem'))
client_context = ssl.create_default_context(cafile=os.path.join(CERTS, 'ca.pem'))

server_log = []


async def handle(reader, writer):
    command = await reader.readline()
    server_log.append(('command', command, writer.get_extra_info('sslcontext')))
    writer.write(b'OK\n')
    await writer.drain()
    await writer.start_tls(server_context)
    server_log.append(('upgraded', type(writer.transport).__name__,
                       writer.get_extra_info('ssl_object').server_side))
    line = await reader.readline()
    server_log.append(('secret', line))
    writer.write(line[::-1])
    await writer.drain()
    writer.close()
    await writer.wait_closed()


class Client(asyncio.Protocol):
    def __init__(self):
        self.events = []
        self.lines = asyncio.Queue()

    def connection_made(self, transport):
        self.events.append(('connection_made', type(transport).__name__))

    def data_received(self, data):
        self.lines.put_nowait(data)

    def eof_received(self):
        self.events.append(('eof_received',))

    def connection_lost(self, exc):
        self.events.append(('connection_lost', exc))
        self.lines.put_nowait(None)


class Opaque:
    def __repr__(self):
        return '<Opaque>'


async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]

    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('plain transport', type(writer.transport).__name__, writer.get_extra_info('sslcontext'))
    writer.write(b'STARTTLS\n')
    print(await reader.readline())
    await writer.start_tls(client_context, server_hostname='localhost')
    print('upgraded transport', type(writer.transport).__name__)
    print('cipher', writer.get_extra_info('cipher'))
    print('peer', writer.get_extra_info('peercert')['subject'][-1])
    writer.write(b'secret\n')
    print(await reader.readline())
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    for entry in server_log:
        print('server:', *entry)

    server_log.clear()
    transport, protocol = await loop.create_connection(Client, '127.0.0.1', port)
    transport.write(b'STARTTLS\n')
    print(await protocol.lines.get())
    tls_transport = await loop.start_tls(transport, protocol, client_context, server_hostname='localhost')
    print('start_tls returned', type(tls_transport).__name__, tls_transport.is_closing())
    print('same protocol', tls_transport.get_protocol() is protocol, transport.get_protocol() is protocol)
    tls_transport.write(b'protocol\n')
    print(await protocol.lines.get())
    print(await protocol.lines.get())
    print(protocol.events)
    print('server:', server_log[-1])

    for arguments in ((transport, protocol, None), (Opaque(), protocol, client_context)):
        try:
            await loop.start_tls(*arguments)
        except TypeError as e:
            print('TypeError', e)
    server.close()
    await server.wait_closed()


asyncio.run(main())
