# add_signal_handler/remove_signal_handler errors, as CPython's unix loop.
import asyncio
import signal


async def main():
    loop = asyncio.get_running_loop()

    async def coroutine_function():
        pass

    cases = [(signal.SIGKILL, print), (signal.SIGSTOP, print), (0, print), (65, print),
             (-1, print), ('x', print), (1.5, print), (None, print),
             (signal.SIGUSR1, coroutine_function)]
    for sig, callback in cases:
        try:
            loop.add_signal_handler(sig, callback)
            print('added', sig)
        except Exception as exc:
            print(type(exc).__name__, exc)
    coro = coroutine_function()
    try:
        loop.add_signal_handler(signal.SIGUSR1, coro)
    except TypeError as exc:
        print('TypeError', exc)
    coro.close()
    for sig in [signal.SIGUSR1, signal.SIGKILL, 0, 'x', 65]:
        try:
            print('removed', loop.remove_signal_handler(sig))
        except Exception as exc:
            print(type(exc).__name__, exc)

    # A callback that is not callable fails when the signal comes, as a
    # failing callback does: reported, and the loop goes on.
    def handler(loop, context):
        print('handler:', type(context['exception']).__name__, context['exception'])

    loop.set_exception_handler(handler)
    loop.add_signal_handler(signal.SIGUSR1, 42)
    signal.raise_signal(signal.SIGUSR1)
    await asyncio.sleep(0.1)

    def failing():
        raise ValueError('from the callback')

    loop.add_signal_handler(signal.SIGUSR1, failing)
    signal.raise_signal(signal.SIGUSR1)
    await asyncio.sleep(0.1)
    print('removed', loop.remove_signal_handler(signal.SIGUSR1))

    loop2 = asyncio.new_event_loop()
    loop2.close()
    try:
        loop2.add_signal_handler(signal.SIGUSR1, print)
    except RuntimeError as exc:
        print('RuntimeError', exc)


asyncio.run(main())
