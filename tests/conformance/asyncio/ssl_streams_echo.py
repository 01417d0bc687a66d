# TLS streams over loopback TCP: start_server(ssl=...) and
# open_connection(ssl=...), lines echoed both ways, what get_extra_info()
# tells on each side, and the orderly close of both ends.
import asyncio
import os
import ssl

CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'certs')

server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
server_context.load_cert_chain(os.path.join(CERTS, 'server.pem'), os.path.join(CERTS, 'server_key.pem'))
client_context = ssl.create_default_context(cafile=os.path.join(CERTS, 'ca.pem'))

server_log = []
server_done = None


async def handle(reader, writer):
    transport = writer.transport
    server_log.append(('transport', type(transport).__name__, transport.is_closing(),
                       transport.can_write_eof()))
    server_log.append(('sslcontext is server_context', writer.get_extra_info('sslcontext') is server_context))
    server_log.append(('peercert', writer.get_extra_info('peercert')))
    server_log.append(('cipher', writer.get_extra_info('cipher')))
    server_log.append(('compression', writer.get_extra_info('compression')))
    ssl_object = writer.get_extra_info('ssl_object')
    server_log.append(('ssl_object', type(ssl_object).__name__, ssl_object.server_side, ssl_object.version()))
    server_log.append(('peername host', writer.get_extra_info('peername')[0]))
    server_log.append(('unknown', writer.get_extra_info('nothing', 'default')))
    async for line in reader:
        if line == b'quit\n':
            break
        writer.write(line.upper())
        await writer.drain()
    writer.write(b'bye')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    server_log.append(('server closed', writer.is_closing()))
    server_done.set_result(None)


async def main():
    global server_done
    server_done = asyncio.get_running_loop().create_future()
    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=server_context)
    print('serving', server.is_serving())
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port, ssl=client_context,
                                                   server_hostname='localhost')
    print('client transport', type(writer.transport).__name__)
    print('client sslcontext is client_context', writer.get_extra_info('sslcontext') is client_context)
    peercert = writer.get_extra_info('peercert')
    print('client peercert subject', peercert['subject'])
    print('client peercert SAN', peercert['subjectAltName'])
    print('client cipher', writer.get_extra_info('cipher'))
    ssl_object = writer.get_extra_info('ssl_object')
    print('client ssl_object', type(ssl_object).__name__, ssl_object.server_side, ssl_object.server_hostname)
    print('client sockname host', writer.get_extra_info('sockname')[0])
    writer.write(b'hello\n')
    print(await reader.readline())
    writer.writelines([b'abc', b'def\n', b'xyz\n'])
    print(await reader.readexactly(4))
    print(await reader.readuntil(b'\n'))
    print(await reader.readline())
    writer.write(b'x' * 50000 + b'\n')
    await writer.drain()
    line = await reader.readline()
    print('long line', len(line), line[:3])
    writer.write(b'quit\n')
    print(await reader.read())
    print('client at eof', reader.at_eof())
    await server_done
    for entry in server_log:
        print('server:', *entry)
    writer.close()
    print('is_closing', writer.is_closing())
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print('done')


asyncio.run(main())
