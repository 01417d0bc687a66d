# Return codes: normal exits, death by a signal (negative), terminate(),
# kill(), send_signal().
import asyncio
import signal
from asyncio.subprocess import PIPE


async def main():
    for command in ('exit 0', 'exit 1', 'exit 255', 'kill -9 $$', 'kill -TERM $$'):
        proc = await asyncio.create_subprocess_shell(command)
        print(repr(command), await proc.wait())

    proc = await asyncio.create_subprocess_exec('sleep', '30')
    print('running', proc.returncode)
    proc.terminate()
    print('terminate', await proc.wait(), proc.returncode)

    proc = await asyncio.create_subprocess_exec('sleep', '30')
    proc.kill()
    print('kill', await proc.wait())

    proc = await asyncio.create_subprocess_exec('sleep', '30')
    proc.send_signal(signal.SIGINT)
    print('SIGINT', await proc.wait())

    # A child that ignores SIGTERM lives on until it is killed.
    proc = await asyncio.create_subprocess_shell("trap '' TERM; echo ready; while :; do sleep 0.05; done", stdout=PIPE)
    print(await proc.stdout.readline())
    proc.terminate()
    try:
        await asyncio.wait_for(proc.wait(), 0.3)
    except asyncio.TimeoutError:
        print('still running', proc.returncode)
    proc.kill()
    print('killed', await proc.wait())

    # Once the transport has closed (no pipes left, the child reaped), the
    # process cannot be signalled.
    proc = await asyncio.create_subprocess_exec('sleep', '30')
    proc.kill()
    print(await proc.wait())
    for method in (proc.kill, proc.terminate, lambda: proc.send_signal(signal.SIGTERM)):
        try:
            method()
        except ProcessLookupError as exc:
            print('ProcessLookupError', repr(exc))

asyncio.run(main())
