# A child gets its three standard streams and no other descriptor of the
# parent (CPython's close_fds=True), files the parent has open included.
import asyncio
import os
import tempfile


async def main():
    with tempfile.TemporaryDirectory() as folder:
        f = open(os.path.join(folder, 'file'), 'w')
        fd = os.open(os.path.join(folder, 'other'), os.O_CREAT | os.O_WRONLY)
        proc = await asyncio.create_subprocess_exec('sh', '-c', 'ls /proc/$$/fd',
                                                    stdout=asyncio.subprocess.PIPE)
        out, _ = await proc.communicate()
        print(out.split())
        # A descriptor given as a stream is the child's stream all the same.
        proc = await asyncio.create_subprocess_exec('sh', '-c', 'echo to fd; ls /proc/$$/fd >&2',
                                                    stdout=fd, stderr=asyncio.subprocess.PIPE)
        out, err = await proc.communicate()
        print(out, err.split())
        f.close()
        os.close(fd)
        with open(os.path.join(folder, 'other')) as written:
            print(repr(written.read()))


asyncio.run(main())
