# UDP: create_datagram_endpoint with local_addr and remote_addr, as the
# asyncio documentation's UDP echo server and client; argument errors.
import asyncio


class EchoServerProtocol(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        message = data.decode()
        print('Received %r' % message)
        print('Send %r' % message)
        self.transport.sendto(data, addr)


class EchoClientProtocol:
    def __init__(self, message, on_con_lost):
        self.message = message
        self.on_con_lost = on_con_lost
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        print('Send:', self.message)
        self.transport.sendto(self.message.encode())

    def datagram_received(self, data, addr):
        print("Received:", data.decode())
        print("Close the socket")
        self.transport.close()

    def error_received(self, exc):
        print('Error received:', exc)

    def connection_lost(self, exc):
        print("Connection closed", exc)
        self.on_con_lost.set_result(True)


async def main():
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_datagram_endpoint(
        lambda: EchoServerProtocol(), local_addr=('127.0.0.1', 0))
    port = transport.get_extra_info('sockname')[1]
    print(repr(transport).replace(f"fd={transport.get_extra_info('socket').fileno()}", "fd=N"))
    on_con_lost = loop.create_future()
    client, _ = await loop.create_datagram_endpoint(
        lambda: EchoClientProtocol("Hello World!", on_con_lost), remote_addr=('127.0.0.1', port))
    print(client.get_extra_info('peername') == ('127.0.0.1', port), client.is_closing())
    await on_con_lost
    print(client.is_closing())
    for call in (lambda: loop.create_datagram_endpoint(asyncio.DatagramProtocol),
                 lambda: loop.create_datagram_endpoint(asyncio.DatagramProtocol, local_addr=('127.0.0.1', 0), reuse_address=True),
                 lambda: loop.create_datagram_endpoint(asyncio.DatagramProtocol, local_addr='x')):
        try:
            await call()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        transport.sendto('text', ('127.0.0.1', port))
    except TypeError as e:
        print(e)
    transport.close()
    await asyncio.sleep(0)


asyncio.run(main())
