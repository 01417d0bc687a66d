# TCP errors: a refused connection, an address in use, a protocol that
# raises (the loop's exception handler reports it and the connection
# ends), abort(), and writes after the connection is lost.
import asyncio


class Failing(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        raise ValueError(f'cannot take {data!r}')

    def connection_lost(self, exc):
        print('failing protocol lost', repr(exc))


class Recorder(asyncio.Protocol):
    def __init__(self):
        self.lost = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport

    def eof_received(self):
        print('recorder eof')

    def connection_lost(self, exc):
        print('recorder lost', repr(exc))
        self.lost.set_result(None)


def handler(loop, context):
    print('handler:', context['message'])
    print('  exception:', repr(context.get('exception')))
    print('  has transport:', 'transport' in context, 'has protocol:', 'protocol' in context)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    server = await loop.create_server(Failing, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]

    try:
        await loop.create_server(Failing, '127.0.0.1', port)
    except OSError as e:
        print(type(e).__name__, e.errno == 98, str(e).replace(str(port), 'PORT'))

    transport, protocol = await loop.create_connection(Recorder, '127.0.0.1', port)
    transport.write(b'data')
    await protocol.lost
    print('closing', transport.is_closing())
    for _ in range(3):
        transport.write(b'more')
    print('writes after loss ignored')

    transport, protocol = await loop.create_connection(Recorder, '127.0.0.1', port)
    transport.abort()
    print('aborted, closing', transport.is_closing())
    await protocol.lost

    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError as e:
        print('ConnectionRefusedError', e.errno, str(e).replace(str(port), 'PORT'))

    async with await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0) as server:
        print('in async with', server.is_serving())
    print('after async with', server.is_serving())


asyncio.run(main())
