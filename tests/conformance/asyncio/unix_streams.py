# Unix socket streams: start_unix_server, open_unix_connection, a stale
# socket file replaced, the argument checks.
import asyncio
import os
import socket
import tempfile


async def main():
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, 'echo.sock')

        async def handle(reader, writer):
            data = await reader.readline()
            writer.write(b"echo: " + data)
            await writer.drain()
            writer.close()
            await writer.wait_closed()

        server = await asyncio.start_unix_server(handle, path)
        print(os.path.exists(path), server.sockets[0].getsockname() == path, server.is_serving())
        for i in range(3):
            reader, writer = await asyncio.open_unix_connection(path)
            writer.write(f"message {i}\n".encode())
            print(await reader.readline(), writer.get_extra_info('peername') == path)
            print(await reader.read())
            writer.close()
            await writer.wait_closed()
        server.close()
        await server.wait_closed()
        # A stale socket file is replaced by the next server.
        server = await asyncio.start_unix_server(handle, path)
        server.close()
        await server.wait_closed()
        try:
            await asyncio.open_unix_connection(os.path.join(directory, 'missing.sock'))
        except FileNotFoundError as e:
            print("FileNotFoundError", e.errno)
        for call in (lambda: asyncio.open_unix_connection(),
                     lambda: asyncio.open_unix_connection(path, sock=socket.socket(socket.AF_UNIX)),
                     lambda: asyncio.start_unix_server(handle),
                     lambda: asyncio.start_unix_server(handle, sock=socket.socket())):
            try:
                await call()
            except ValueError as e:
                print("ValueError", str(e).split(' fd=')[0])


asyncio.run(main())
