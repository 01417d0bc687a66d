# Ctrl-C during asyncio.run cancels the main task, which may clean up, and
# asyncio.run then raises KeyboardInterrupt, as CPython 3.11 does.
import asyncio
import signal

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.01, signal.raise_signal, signal.SIGINT)
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('main cancelled')
        raise

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print('KeyboardInterrupt from asyncio.run')
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
