# Protocols and transports: the order of the protocol callbacks on both
# ends, transport state, flow-control limits and the transport's errors.
import asyncio

events = []


class Server(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        events.append('server made')

    def data_received(self, data):
        events.append(f'server data {data!r}')
        self.transport.write(data[::-1])
        if data.endswith(b'!'):
            self.transport.close()

    def eof_received(self):
        events.append('server eof')

    def connection_lost(self, exc):
        events.append(f'server lost {exc!r}')


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        events.append('client made')

    def data_received(self, data):
        events.append(f'client data {data!r}')

    def eof_received(self):
        events.append('client eof')
        return False

    def connection_lost(self, exc):
        events.append(f'client lost {exc!r}')
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), '127.0.0.1', port)
    print(type(protocol).__name__, transport.get_protocol() is protocol)
    print('limits', transport.get_write_buffer_limits())
    transport.set_write_buffer_limits(high=1000)
    print('limits', transport.get_write_buffer_limits())
    transport.set_write_buffer_limits(low=10)
    print('limits', transport.get_write_buffer_limits())
    for bad in [dict(high=1, low=5), dict(high=-1)]:
        try:
            transport.set_write_buffer_limits(**bad)
        except ValueError as e:
            print('ValueError', e)
    try:
        transport.write('text')
    except TypeError as e:
        print('TypeError', e)
    print('size', transport.get_write_buffer_size(), 'reading', transport.is_reading())
    print('can_write_eof', transport.can_write_eof(), 'closing', transport.is_closing())
    transport.write(b'abc')
    await asyncio.sleep(0.05)
    transport.pause_reading()
    print('reading', transport.is_reading())
    transport.resume_reading()
    transport.write(bytearray(b'xyz!'))
    await done
    print('client closing', transport.is_closing())
    server.close()
    await server.wait_closed()
    for event in events:
        print(event)


asyncio.run(main())
