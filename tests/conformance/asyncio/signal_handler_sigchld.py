# A SIGCHLD handler and asyncio's own children side by side: the handler
# hears children end, and the children are still waited for, whichever
# comes first and after the handler is removed.
import asyncio
import signal


async def main():
    loop = asyncio.get_running_loop()
    first = await asyncio.create_subprocess_exec('true')
    print('first', await first.wait())

    heard = asyncio.Event()
    loop.add_signal_handler(signal.SIGCHLD, heard.set)
    proc = await asyncio.create_subprocess_exec('sh', '-c', 'exit 3')
    print('with a handler', await asyncio.wait_for(proc.wait(), 10))
    await asyncio.wait_for(heard.wait(), 10)
    print('heard SIGCHLD', heard.is_set())

    print('removed', loop.remove_signal_handler(signal.SIGCHLD))
    procs = [await asyncio.create_subprocess_exec('sh', '-c', f'exit {n}') for n in range(3)]
    print('after removal', [await asyncio.wait_for(p.wait(), 10) for p in procs])

    # A Python-level handler set before is replaced, then the default.
    signal.signal(signal.SIGUSR1, lambda *args: print('python-level handler'))
    loop.add_signal_handler(signal.SIGUSR1, heard.set)
    print('removed', loop.remove_signal_handler(signal.SIGUSR1))
    print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)


asyncio.run(main())
