# DEVNULL, inherited streams (None), and a file or descriptor as a stream.
import asyncio
import os
import sys
import tempfile
from asyncio.subprocess import PIPE, DEVNULL


async def main():
    proc = await asyncio.create_subprocess_exec('cat', stdin=DEVNULL, stdout=PIPE)
    print(await proc.communicate())

    proc = await asyncio.create_subprocess_shell('echo gone; echo gone too >&2',
                                                 stdout=DEVNULL, stderr=DEVNULL)
    print(proc.stdout, proc.stderr, await proc.communicate(), proc.returncode)

    print('before the child', flush=True)
    proc = await asyncio.create_subprocess_exec('echo', 'the child writes here')
    print(await proc.wait())
    print('after the child', flush=True)

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, 'out.txt')
        with open(path, 'w') as f:
            proc = await asyncio.create_subprocess_exec('echo', 'into a file', stdout=f)
            print(await proc.wait())
        with open(path) as f:
            print(repr(f.read()))
        with open(path, 'a') as f:
            proc = await asyncio.create_subprocess_shell('echo by descriptor', stdout=f.fileno())
            print(await proc.wait())
        with open(path, 'rb') as f:
            proc = await asyncio.create_subprocess_exec('cat', stdin=f, stdout=PIPE)
            print(await proc.communicate())

asyncio.run(main())
