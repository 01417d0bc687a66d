# loop.subprocess_exec/subprocess_shell with a SubprocessProtocol, and the
# transport's methods.
import asyncio
import sys


class Collect(asyncio.SubprocessProtocol):
    def __init__(self, done):
        self.done = done
        self.output = {1: b'', 2: b''}
        self.lost = []
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        print('connection_made', isinstance(transport, asyncio.SubprocessTransport))

    def pipe_data_received(self, fd, data):
        self.output[fd] += data

    def pipe_connection_lost(self, fd, exc):
        # Pipes that end together may be reported in either order.
        self.lost.append((fd, exc))

    def process_exited(self):
        print('process_exited', self.transport.get_returncode())

    def connection_lost(self, exc):
        print('pipes lost', sorted(self.lost))
        print('connection_lost', exc)
        self.done.set_result(self.output)


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    transport, protocol = await loop.subprocess_exec(
        lambda: Collect(done), sys.executable, '-c',
        'import sys; sys.stdout.write(sys.stdin.read()[::-1]); sys.stderr.write("e")')
    print(type(transport.get_pid()) is int, transport.get_pid() > 0)
    print('returncode', transport.get_returncode())
    print('protocol', transport.get_protocol() is protocol)
    stdin = transport.get_pipe_transport(0)
    print('pipes', [transport.get_pipe_transport(fd) is not None for fd in (0, 1, 2, 3)])
    print('closing', transport.is_closing(), stdin.is_closing())
    stdin.write(b'abc\n')
    stdin.close()
    print('stdin closing', stdin.is_closing())
    output = await done
    print(output, transport.get_returncode())
    transport.close()
    print('closing', transport.is_closing())

    # Only stdout a pipe: the other streams have no transport.
    done = loop.create_future()
    transport, protocol = await loop.subprocess_shell(
        lambda: Collect(done), 'sleep 0.1; echo shell; exit 2', stdin=None, stderr=None)
    print('pipes', [transport.get_pipe_transport(fd) is not None for fd in (0, 1, 2)])
    print(await done, transport.get_returncode())
    transport.close()

    # close() kills a child that is still running.
    done = loop.create_future()
    transport, protocol = await loop.subprocess_exec(lambda: Collect(done), 'sleep', '30',
                                                     stdin=None, stdout=None, stderr=None)
    transport.close()
    print(await done, transport.get_returncode())

    # send_signal/terminate/kill through the transport.
    done = loop.create_future()
    transport, protocol = await loop.subprocess_exec(lambda: Collect(done), 'sleep', '30',
                                                     stdin=None, stdout=None, stderr=None)
    transport.terminate()
    await done
    print('terminated', transport.get_returncode())
    try:
        transport.kill()
    except ProcessLookupError:
        print('ProcessLookupError')
    transport.close()

asyncio.run(main())
