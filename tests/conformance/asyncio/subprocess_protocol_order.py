# The order of a SubprocessProtocol's callbacks: connection_made first, each
# pipe's data before its pipe_connection_lost, process_exited, and
# connection_lost last. The child spaces its steps so that the order is the
# same however the loop polls.
import asyncio

STEPS = '''
sleep 0.1
echo out1
sleep 0.1
echo err1 >&2
sleep 0.1
echo out2
sleep 0.1
exec 1>&-
sleep 0.1
echo err2 >&2
sleep 0.1
exec 2>&-
sleep 0.1
exit 6
'''


class Record(asyncio.SubprocessProtocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        print('connection_made')
        self.transport = transport
        # Closing stdin at once: its pipe is lost first.
        transport.get_pipe_transport(0).close()

    def pipe_data_received(self, fd, data):
        print('pipe_data_received', fd, data)

    def pipe_connection_lost(self, fd, exc):
        print('pipe_connection_lost', fd, exc)

    def process_exited(self):
        print('process_exited', self.transport.get_returncode())

    def connection_lost(self, exc):
        print('connection_lost', exc)
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    transport, protocol = await loop.subprocess_shell(lambda: Record(done), STEPS)
    print('subprocess_shell returned')
    await done
    print('returncode', transport.get_returncode())
    transport.close()


asyncio.run(main())
