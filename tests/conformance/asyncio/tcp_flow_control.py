# Write flow control: a peer that stops reading makes the writer's buffer
# pass its high-water mark (pause_writing), and reading again drains it
# (resume_writing); a stream writer's drain() waits for that.
import asyncio

SIZE = 8 * 1024 * 1024


class Slow(asyncio.Protocol):
    def __init__(self):
        self.received = 0
        self.done = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport
        transport.pause_reading()
        asyncio.get_running_loop().call_later(0.2, transport.resume_reading)

    def data_received(self, data):
        self.received += len(data)
        if self.received == SIZE:
            self.done.set_result(self.received)


class Writer(asyncio.Protocol):
    def pause_writing(self):
        print('pause_writing')

    def resume_writing(self):
        print('resume_writing')


async def main():
    loop = asyncio.get_running_loop()
    slow = None

    def factory():
        nonlocal slow
        slow = Slow()
        return slow

    server = await loop.create_server(factory, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    transport, protocol = await loop.create_connection(Writer, '127.0.0.1', port)
    transport.write(b'x' * SIZE)
    print('buffered more than the high-water mark:', transport.get_write_buffer_size() > 65536)
    print('received', await slow.done)
    print('buffer empty:', transport.get_write_buffer_size() == 0)
    transport.close()

    async def sink(reader, writer):
        total = 0
        while chunk := await reader.read(65536):
            total += len(chunk)
        print('sink got', total)
        writer.close()

    server2 = await asyncio.start_server(sink, '127.0.0.1', 0)
    reader, writer = await asyncio.open_connection('127.0.0.1', server2.sockets[0].getsockname()[1])
    for _ in range(16):
        writer.write(b'y' * 1024 * 1024)
        await writer.drain()
        assert writer.transport.get_write_buffer_size() <= 65536
    writer.write_eof()
    print('read back', await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    server2.close()
    await server.wait_closed()
    await server2.wait_closed()


asyncio.run(main())
