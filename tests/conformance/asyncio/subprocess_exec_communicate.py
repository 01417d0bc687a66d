# create_subprocess_exec: communicate() with and without input, the return
# code, and a child that is this interpreter again (sys.executable).
import asyncio
import sys
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec('echo', 'hello', 'world', stdout=PIPE)
    print('stdin', proc.stdin, 'stderr', proc.stderr)
    out, err = await proc.communicate()
    print(out, err, proc.returncode)

    proc = await asyncio.create_subprocess_exec('cat', stdin=PIPE, stdout=PIPE)
    out, err = await proc.communicate(b'line one\nline two\n')
    print(out, err, proc.returncode)

    # Input larger than a pipe holds: written while the output is read.
    data = b''.join(b'%05d\n' % i for i in range(40000))
    proc = await asyncio.create_subprocess_exec('cat', stdin=PIPE, stdout=PIPE)
    out, err = await proc.communicate(data)
    print(len(out), out == data, proc.returncode)

    code = 'import sys; data = sys.stdin.read(); print(data.upper(), end=""); print(sys.version_info[:2], file=sys.stderr); sys.exit(4)'
    proc = await asyncio.create_subprocess_exec(sys.executable, '-c', code,
                                                stdin=PIPE, stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate(b'shout\n')
    print(out, err, proc.returncode)
    print(await proc.wait(), proc.returncode)

    # Path-like and bytes arguments.
    proc = await asyncio.create_subprocess_exec(b'echo', b'bytes', 'str', stdout=PIPE)
    print(await proc.communicate())

asyncio.run(main())
