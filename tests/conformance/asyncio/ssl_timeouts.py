# TLS timeouts under asyncio: a server that never answers the client's
# hello (ssl_handshake_timeout), and a peer that never answers the TLS
# shutdown (ssl_shutdown_timeout): the connection is aborted in time.
import asyncio
import os
import ssl

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')

server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
server_context.load_cert_chain(os.path.join(CERTS, 'server.pem'), os.path.join(CERTS, 'server_key.pem'))
client_context = ssl.create_default_context(cafile=os.path.join(CERTS, 'ca.pem'))


class Silent(asyncio.Protocol):
    """Takes whatever comes and never answers."""

    def connection_made(self, transport):
        self.transport = transport


class Deaf(asyncio.Protocol):
    """A TLS server's protocol that stops reading once connected, so that
    it never sees the client's close_notify."""

    def connection_made(self, transport):
        transport.pause_reading()


class Client(asyncio.Protocol):
    def __init__(self):
        self.lost = asyncio.get_running_loop().create_future()

    def connection_lost(self, exc):
        self.lost.set_result(exc)


async def main():
    loop = asyncio.get_running_loop()
    silent = await loop.create_server(Silent, '127.0.0.1', 0)
    port = silent.sockets[0].getsockname()[1]
    started = loop.time()
    try:
        await asyncio.open_connection('127.0.0.1', port, ssl=client_context, server_hostname='localhost',
                                      ssl_handshake_timeout=0.2)
    except ConnectionAbortedError as e:
        print(type(e).__name__, e)
        print('after the timeout', 0.19 < loop.time() - started < 5)
    silent.close()
    await silent.wait_closed()

    deaf = await loop.create_server(Deaf, '127.0.0.1', 0, ssl=server_context)
    port = deaf.sockets[0].getsockname()[1]
    transport, client = await loop.create_connection(Client, '127.0.0.1', port, ssl=client_context,
                                                     server_hostname='localhost', ssl_shutdown_timeout=0.2)
    started = loop.time()
    transport.close()
    exc = await client.lost
    print(type(exc).__name__, exc)
    print('after the timeout', 0.19 < loop.time() - started < 5)
    deaf.close()
    await deaf.wait_closed()


asyncio.run(main())
