# create_subprocess_shell: /bin/sh runs the command; stderr=STDOUT, cwd, env.
import asyncio
import os
from asyncio.subprocess import PIPE, STDOUT


async def main():
    proc = await asyncio.create_subprocess_shell('echo out; echo err >&2; exit 3',
                                                 stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate()
    print(out, err, proc.returncode)

    proc = await asyncio.create_subprocess_shell('echo one; echo two >&2; echo three',
                                                 stdout=PIPE, stderr=STDOUT)
    print('stderr', proc.stderr)
    out, err = await proc.communicate()
    print(out, err, proc.returncode)

    proc = await asyncio.create_subprocess_shell('pwd', stdout=PIPE, cwd='/')
    print(await proc.communicate())

    proc = await asyncio.create_subprocess_shell('echo "$GREETING $OTHER"', stdout=PIPE,
                                                 env={'GREETING': 'hi', 'OTHER': 'there'})
    print(await proc.communicate())

    env = dict(os.environ)
    env['EXTRA'] = 'extra value'
    proc = await asyncio.create_subprocess_shell(b'echo $EXTRA | tr a-z A-Z', stdout=PIPE, env=env)
    print(await proc.communicate())

    proc = await asyncio.create_subprocess_shell('read a b; echo "[$b] [$a]"', stdin=PIPE, stdout=PIPE)
    print(await proc.communicate(b'first second\n'))

    proc = await asyncio.create_subprocess_shell('exit 0')
    print(await proc.wait())

asyncio.run(main())
