# Streams over loopback TCP: a server echoing lines, clients reading them
# back with readline, readexactly, readuntil, read and async for.
import asyncio


async def handle(reader, writer):
    peer = writer.get_extra_info('peername')
    print('server: client from', type(peer).__name__, peer[0])
    async for line in reader:
        if line == b'quit\n':
            break
        writer.write(line.upper())
        await writer.drain()
    writer.write(b'bye')
    writer.write_eof()
    await writer.drain()
    print('server: reader at eof', reader.at_eof())
    writer.close()
    await writer.wait_closed()
    print('server: closed')


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    print('serving', server.is_serving(), len(server.sockets))
    host, port = server.sockets[0].getsockname()
    print('host', host, 'port is int', isinstance(port, int) and port > 0)
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('client sockname host', writer.get_extra_info('sockname')[0])
    writer.write(b'hello\n')
    print(await reader.readline())
    writer.writelines([b'abc', b'def\n', b'xyz\n'])
    print(await reader.readexactly(4))
    print(await reader.readuntil(b'\n'))
    print(await reader.readuntil(b'Z\n'))
    writer.write(b'quit\n')
    print(await reader.read())
    print('client at eof', reader.at_eof())
    try:
        await reader.readexactly(3)
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError', e.partial, e.expected, e)
    print('readline at eof', await reader.readline())
    writer.close()
    print('is_closing', writer.is_closing())
    await writer.wait_closed()
    server.close()
    print('serving after close', server.is_serving(), server.sockets)
    await server.wait_closed()
    print('done')


asyncio.run(main())
