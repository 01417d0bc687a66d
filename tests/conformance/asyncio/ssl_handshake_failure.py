# TLS handshakes that fail under asyncio: a server whose CA the client does
# not trust, a host name the certificate is not for, a server that speaks
# no TLS, and a server that closes during the handshake. open_connection() raises; the
# server's side ends quietly (reported only in debug mode).
import asyncio
import os
import ssl

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')

server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
server_context.load_cert_chain(os.path.join(CERTS, 'server.pem'), os.path.join(CERTS, 'server_key.pem'))
trusting = ssl.create_default_context(cafile=os.path.join(CERTS, 'ca.pem'))
distrusting = ssl.create_default_context(cafile=os.path.join(CERTS, 'selfsigned.pem'))

handled = []


def handler(loop, context):
    print('exception handler:', context['message'], type(context.get('exception')).__name__)


async def handle(reader, writer):
    handled.append(writer.get_extra_info('peername')[0])
    writer.close()


async def attempt(label, port, **kwargs):
    try:
        reader, writer = await asyncio.open_connection('127.0.0.1', port, **kwargs)
    except ssl.SSLCertVerificationError as e:
        print(label, type(e).__name__, e.reason, e.verify_code, repr(e.verify_message))
        print('   ', e)
    except (ssl.SSLError, ConnectionError) as e:
        print(label, type(e).__name__, getattr(e, 'reason', None), e)
    else:
        print(label, 'connected', writer.get_extra_info('cipher')[1])
        writer.close()
        await writer.wait_closed()


async def plain_server(reader, writer):
    await reader.read(10)
    writer.write(b'HTTP/1.0 400 Bad Request\r\n\r\n')
    await writer.drain()
    writer.close()


async def closing_server(reader, writer):
    # The client's hello read, so that the close is an orderly end of the
    # stream (unread data would make it a reset).
    await reader.read(65536)
    writer.close()


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=server_context)
    port = server.sockets[0].getsockname()[1]
    await attempt('untrusted CA:', port, ssl=distrusting, server_hostname='localhost')
    await attempt('wrong host name:', port, ssl=trusting, server_hostname='example.com')
    await attempt('default context:', port, ssl=True, server_hostname='localhost')
    await attempt('trusted:', port, ssl=trusting, server_hostname='localhost')
    await asyncio.sleep(0.01)
    print('server handled', handled)
    loop.set_debug(True)
    await attempt('untrusted CA in debug mode:', port, ssl=distrusting, server_hostname='localhost')
    await asyncio.sleep(0.01)
    loop.set_debug(False)
    server.close()
    await server.wait_closed()

    plain = await asyncio.start_server(plain_server, '127.0.0.1', 0)
    await attempt('not a TLS server:', plain.sockets[0].getsockname()[1], ssl=trusting,
                  server_hostname='localhost')
    plain.close()
    await plain.wait_closed()
    closing = await asyncio.start_server(closing_server, '127.0.0.1', 0)
    await attempt('server closing during the handshake:', closing.sockets[0].getsockname()[1], ssl=trusting,
                  server_hostname='localhost')
    closing.close()
    await closing.wait_closed()


asyncio.run(main())
