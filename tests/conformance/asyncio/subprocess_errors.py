# Errors of create_subprocess_exec/shell, with CPython's types and messages.
import asyncio


async def attempt(function, *args, **kwargs):
    try:
        proc = await function(*args, **kwargs)
    except Exception as exc:
        print(type(exc).__name__, exc)
    else:
        print('started', await proc.wait())


async def main():
    exec_ = asyncio.create_subprocess_exec
    shell = asyncio.create_subprocess_shell
    await attempt(exec_, 'no-such-program-anywhere')
    await attempt(exec_, '/no/such/directory/program')
    await attempt(exec_, '/etc/passwd')
    await attempt(exec_, 'echo', cwd='/no/such/directory')
    await attempt(exec_, 'echo', cwd='/etc/passwd')
    await attempt(exec_, 'echo', shell=True)
    await attempt(exec_, 'echo', universal_newlines=True)
    await attempt(exec_, 'echo', bufsize=1)
    await attempt(exec_, 'echo', text=True)
    await attempt(exec_, 'echo', encoding='utf-8')
    await attempt(exec_, 'echo', errors='strict')
    await attempt(exec_, 42)
    await attempt(exec_, 'echo', 3)
    await attempt(exec_)
    await attempt(shell, ['echo', 'hi'])
    await attempt(shell, 42)
    await attempt(shell, 'echo', shell=False)
    await attempt(shell, 'echo', universal_newlines=True)
    await attempt(shell, 'echo', bufsize=0, text=False, stdout=asyncio.subprocess.DEVNULL)
    await attempt(exec_, 'echo', stdout=-7)
    await attempt(exec_, 'echo', stdin=9999)
    await attempt(exec_, 'echo', stderr=2 ** 80)
    await attempt(exec_, 'echo', stdin='not a file')
    await attempt(exec_, 'echo', env={'A=B': 'c'})
    await attempt(exec_, 'echo', env={'A': 'c\0d'})
    await attempt(exec_, 'echo', 'a\0b')
    # The shell itself reports a missing command: exit status 127.
    await attempt(shell, 'no-such-program-anywhere 2>/dev/null')
    print('PIPE', asyncio.subprocess.PIPE, 'STDOUT', asyncio.subprocess.STDOUT,
          'DEVNULL', asyncio.subprocess.DEVNULL)

asyncio.run(main())
