# create_connection/create_server (open_connection/start_server) over a
# socket object given with sock=, as the asyncio documentation's
# "register an open socket to wait for data using streams".
import asyncio
import socket


async def wait_for_data():
    # A TCP connection's accepted socket, given to open_connection().
    listener = socket.create_server(('127.0.0.1', 0))
    wsock = socket.create_connection(listener.getsockname())
    rsock, _ = listener.accept()
    listener.close()
    reader, writer = await asyncio.open_connection(sock=rsock)
    loop = asyncio.get_running_loop()
    loop.call_soon(wsock.send, 'abc'.encode())
    data = await reader.read(100)
    print("Received:", data.decode())
    print(writer.get_extra_info('peername') == wsock.getsockname())
    writer.close()
    await writer.wait_closed()
    print(rsock.fileno())
    wsock.close()


async def server_on_socket():
    sock = socket.create_server(('127.0.0.1', 0))
    port = sock.getsockname()[1]

    async def handle(reader, writer):
        line = await reader.readline()
        writer.write(line.upper())
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, sock=sock)
    async with server:
        print(len(server.sockets), server.sockets[0].getsockname()[1] == port)
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        writer.write(b"over a given socket\n")
        print(await reader.readline())
        writer.close()
        await writer.wait_closed()
    print(sock.fileno())
    for bad in [lambda: asyncio.open_connection('127.0.0.1', 1, sock=sock),
                lambda: asyncio.start_server(handle, sock=socket.socket(socket.AF_INET, socket.SOCK_DGRAM))]:
        try:
            await bad()
        except ValueError as e:
            print("ValueError", str(e).split(' fd=')[0])

async def documentation_example():
    # Get a reference to the current event loop because
    # we want to access low-level APIs.
    loop = asyncio.get_running_loop()

    # Create a pair of connected sockets.
    rsock, wsock = socket.socketpair()

    # Register the open socket to wait for data.
    reader, writer = await asyncio.open_connection(sock=rsock)

    # Simulate the reception of data from the network
    loop.call_soon(wsock.send, 'abc'.encode())

    # Wait for data
    data = await reader.read(100)

    # Got data, we are done: close the socket
    print("Received:", data.decode())
    print(repr(writer.get_extra_info('peername')), repr(writer.get_extra_info('sockname')))
    writer.close()
    await writer.wait_closed()

    # Close the second socket
    wsock.close()


asyncio.run(wait_for_data())
asyncio.run(documentation_example())
asyncio.run(server_on_socket())
