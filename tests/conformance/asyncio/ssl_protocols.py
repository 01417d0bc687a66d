# TLS under asyncio protocols: the order of a client protocol's calls,
# the TLS transport's methods (write_eof refused, buffer limits, reading
# paused and resumed, abort), a BufferedProtocol behind TLS, and a large
# transfer with write flow control.
import asyncio
import os
import ssl

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')

server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
server_context.load_cert_chain(os.path.join(CERTS, 'server.pem'), os.path.join(CERTS, 'server_key.pem'))
client_context = ssl.create_default_context(cafile=os.path.join(CERTS, 'ca.pem'))

TOTAL = 1_000_000


class Server(asyncio.Protocol):
    """Answers 'big' with TOTAL bytes and anything else with its reverse;
    counts what it receives."""

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        if data == b'big':
            self.transport.write(b'z' * TOTAL)
            self.transport.write(b'END')
        elif data == b'close':
            self.transport.close()
        else:
            self.transport.write(data[::-1])


class Client(asyncio.Protocol):
    def __init__(self):
        self.events = []
        self.received = bytearray()
        self.waiter = None
        self.lost = asyncio.get_running_loop().create_future()
        self.paused = 0

    def connection_made(self, transport):
        self.transport = transport
        self.events.append(('connection_made', type(transport).__name__))

    def data_received(self, data):
        self.received += data
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)

    def eof_received(self):
        self.events.append(('eof_received',))

    def pause_writing(self):
        self.paused += 1

    def connection_lost(self, exc):
        self.events.append(('connection_lost', exc))
        self.lost.set_result(None)

    async def wait_for(self, ending):
        while not self.received.endswith(ending):
            self.waiter = asyncio.get_running_loop().create_future()
            await self.waiter


class Buffered(asyncio.BufferedProtocol):
    def __init__(self):
        self.buffer = bytearray(16)
        self.chunks = []
        self.done = asyncio.get_running_loop().create_future()

    def get_buffer(self, sizehint):
        return self.buffer

    def buffer_updated(self, nbytes):
        self.chunks.append(bytes(self.buffer[:nbytes]))
        if b''.join(self.chunks).endswith(b'olleh'):
            self.done.set_result(None)

    def connection_lost(self, exc):
        self.chunks.append(('lost', exc))


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, '127.0.0.1', 0, ssl=server_context)
    port = server.sockets[0].getsockname()[1]

    transport, client = await loop.create_connection(Client, '127.0.0.1', port, ssl=client_context,
                                                     server_hostname='localhost')
    print(client.events, transport.is_closing(), transport.is_reading())
    print(transport.can_write_eof(), transport.get_write_buffer_size(), transport.get_read_buffer_size())
    print(transport.get_write_buffer_limits(), transport.get_read_buffer_limits())
    transport.set_write_buffer_limits(high=1000)
    print(transport.get_write_buffer_limits())
    transport.set_write_buffer_limits()
    try:
        transport.set_write_buffer_limits(high=1, low=2)
    except ValueError as e:
        print('ValueError', e)
    try:
        transport.write_eof()
    except NotImplementedError:
        print('write_eof: NotImplementedError')
    try:
        transport.write('text')
    except TypeError as e:
        print('TypeError', e)
    transport.write(b'')
    transport.writelines([b'abc', bytearray(b'def')])
    await client.wait_for(b'fedcba')
    print(bytes(client.received))

    transport.pause_reading()
    print('reading', transport.is_reading())
    client.received.clear()
    transport.write(b'paused')
    await asyncio.sleep(0.05)
    print('while paused', bytes(client.received))
    transport.resume_reading()
    await client.wait_for(b'desuap')
    print('after resume', bytes(client.received), transport.is_reading())

    client.received.clear()
    transport.write(b'big')
    await client.wait_for(b'END')
    print('received', len(client.received) - 3, client.received.count(b'z'))

    transport.write(b'close')
    await client.lost
    print(client.events, transport.is_closing())
    transport.write(b'after the end')

    transport, client = await loop.create_connection(Client, '127.0.0.1', port, ssl=client_context,
                                                     server_hostname='localhost')
    transport.set_write_buffer_limits(high=0)
    transport.write(b'y' * 100000)
    print('paused writing', client.paused >= 1)
    transport.abort()
    await client.lost
    print(client.events, transport.is_closing())

    transport, buffered = await loop.create_connection(Buffered, '127.0.0.1', port, ssl=client_context,
                                                       server_hostname='localhost')
    transport.write(b'hello')
    await buffered.done
    transport.close()
    await asyncio.sleep(0.05)
    print(buffered.chunks)
    server.close()
    await server.wait_closed()


asyncio.run(main())
