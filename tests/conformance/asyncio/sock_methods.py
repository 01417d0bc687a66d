# loop.add_reader/add_writer/remove_reader/remove_writer and the sock_*
# methods over non-blocking sockets.
import asyncio
import socket


async def wait_for_data():
    # As the asyncio documentation's example's "watch a file descriptor for read events".
    loop = asyncio.get_running_loop()
    rsock, wsock = socket.socketpair()
    fut = loop.create_future()

    def reader():
        data = rsock.recv(100)
        print("Received:", data.decode())
        fut.set_result(None)
        print("removed:", loop.remove_reader(rsock), loop.remove_reader(rsock))

    loop.add_reader(rsock, reader)
    loop.call_soon(wsock.send, 'abc'.encode())
    await fut
    rsock.close()
    wsock.close()


async def echo_server_and_client():
    loop = asyncio.get_running_loop()
    server = socket.socket()
    server.bind(('127.0.0.1', 0))
    server.listen()
    server.setblocking(False)
    client = socket.socket()
    client.setblocking(False)

    async def serve():
        conn, _ = await loop.sock_accept(server)
        with conn:
            while data := await loop.sock_recv(conn, 4):
                await loop.sock_sendall(conn, data.upper())
        print("server done")

    task = asyncio.create_task(serve())
    await loop.sock_connect(client, server.getsockname())
    await loop.sock_sendall(client, b"hello world" * 1000)
    received = b""
    while len(received) < 11000:
        received += await loop.sock_recv(client, 65536)
    print(received[:22], len(received))
    buf = bytearray(5)
    await loop.sock_sendall(client, b"xy")
    n = await loop.sock_recv_into(client, buf)
    print(n, buf)
    client.close()
    await task
    server.close()


async def writer_and_errors():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    done = loop.create_future()
    loop.add_writer(a, lambda: (print("writable"), loop.remove_writer(a), done.set_result(1)))
    await done
    for bad in (-1, "x", object()):
        try:
            loop.add_reader(bad, print)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, str(e).split(' at ')[0])
    try:
        await loop.sock_recv(object(), 1)
    except AttributeError as e:
        print("AttributeError", e)
    c = socket.socket()
    c.setblocking(False)
    port = socket.create_server(('127.0.0.1', 0))
    p = port.getsockname()[1]
    port.close()
    try:
        await loop.sock_connect(c, ('127.0.0.1', p))
    except ConnectionRefusedError as e:
        print("refused", e.errno, str(e).startswith("[Errno 111] Connect call failed"))
    c.close()
    a.close()
    b.close()
    # a reader added then removed before it runs never runs
    r, w = socket.socketpair()
    w.send(b"z")
    loop.add_reader(r, print, "never")
    await asyncio.sleep(0)
    loop.remove_reader(r)
    loop.add_reader(r, lambda: (print("replaced reader", r.recv(1)), loop.remove_reader(r)))
    await asyncio.sleep(0.01)
    r.close()
    w.close()


asyncio.run(wait_for_data())
asyncio.run(echo_server_and_client())
asyncio.run(writer_and_errors())
