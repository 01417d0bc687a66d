# loop.add_signal_handler/remove_signal_handler: the callback runs on the
# loop, with its arguments, each time the signal arrives.
import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    received = asyncio.Queue()

    def on_signal(name, *extra):
        print('callback', name, extra, asyncio.get_running_loop() is loop)
        received.put_nowait(name)

    print(loop.add_signal_handler(signal.SIGUSR1, on_signal, 'usr1'))
    os.kill(os.getpid(), signal.SIGUSR1)
    print('after kill')
    print('got', await received.get())

    os.kill(os.getpid(), signal.SIGUSR1)
    print('got', await received.get())

    # Another signal, more arguments; a new handler replaces the old one.
    loop.add_signal_handler(signal.SIGUSR2, on_signal, 'usr2', 1, 2)
    loop.add_signal_handler(signal.SIGUSR1, on_signal, 'usr1 again')
    os.kill(os.getpid(), signal.SIGUSR2)
    print('got', await received.get())
    os.kill(os.getpid(), signal.SIGUSR1)
    print('got', await received.get())

    # A signal from another process wakes the loop while it waits.
    proc = await asyncio.create_subprocess_exec('sh', '-c', 'sleep 0.1; kill -USR2 $PPID')
    print('got', await asyncio.wait_for(received.get(), 10))
    print('child', await proc.wait())

    print('removed', loop.remove_signal_handler(signal.SIGUSR1))
    print('removed', loop.remove_signal_handler(signal.SIGUSR1))
    print('removed', loop.remove_signal_handler(signal.SIGUSR2))
    print('default', signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)

    # SIGINT's handler goes back to raising KeyboardInterrupt.
    loop.add_signal_handler(signal.SIGINT, on_signal, 'int')
    os.kill(os.getpid(), signal.SIGINT)
    print('got', await received.get())
    print('removed', loop.remove_signal_handler(signal.SIGINT))
    print('default', signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        await asyncio.sleep(0.1)
    except KeyboardInterrupt:
        print('KeyboardInterrupt')

    # A handler left in place goes when the loop closes.
    loop.add_signal_handler(signal.SIGUSR2, on_signal, 'left')


asyncio.run(main())
print('after run', signal.getsignal(signal.SIGUSR2) == signal.SIG_DFL)
