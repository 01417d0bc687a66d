# cancel(msg): the message becomes the CancelledError's args; cancel returns
# False on a done future.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.cancel('stop now'))
    print(f.cancelled(), f.done())
    try:
        f.result()
    except asyncio.CancelledError as e:
        print('result:', type(e).__name__, e.args)
    try:
        f.exception()
    except asyncio.CancelledError as e:
        print('exception:', type(e).__name__, e.args)
    print(f.cancel('again'))
    g = loop.create_future()
    g.cancel()
    try:
        g.result()
    except asyncio.CancelledError as e:
        print('no message:', e.args)
    h = loop.create_future()
    h.set_result(5)
    print(h.cancel(), h.cancelled())

asyncio.run(main())
