# Reading a child's stdout line by line while it runs.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_shell(
        'for i in 1 2 3; do echo "line $i"; sleep 0.05; done; printf tail', stdout=PIPE)
    while True:
        line = await proc.stdout.readline()
        if not line:
            break
        print('got', line)
    print('at eof', proc.stdout.at_eof(), await proc.wait())

    proc = await asyncio.create_subprocess_exec('printf', 'a\\nb\\nc\\n', stdout=PIPE)
    lines = [line async for line in proc.stdout]
    print(lines, await proc.wait())

    proc = await asyncio.create_subprocess_exec('printf', 'key=value;rest', stdout=PIPE)
    print(await proc.stdout.readuntil(b'='))
    print(await proc.stdout.readexactly(5))
    print(await proc.stdout.read())
    print(await proc.wait())

    # A small limit: a long line is an error.
    proc = await asyncio.create_subprocess_shell('echo 0123456789abcdef', stdout=PIPE, limit=8)
    try:
        await proc.stdout.readline()
    except ValueError as exc:
        print('ValueError', exc)
    print(await proc.wait())

    # stdin written step by step, answered line by line.
    proc = await asyncio.create_subprocess_exec('cat', stdin=PIPE, stdout=PIPE)
    for word in (b'alpha', b'beta', b'gamma'):
        proc.stdin.write(word + b'\n')
        await proc.stdin.drain()
        print('echoed', await proc.stdout.readline())
    proc.stdin.close()
    await proc.stdin.wait_closed()
    print('rest', await proc.stdout.read(), await proc.wait())

asyncio.run(main())
