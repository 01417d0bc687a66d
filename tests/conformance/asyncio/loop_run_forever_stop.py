# run_forever runs until stop() is called; callbacks already ready in that
# iteration still run; run_forever can be called again.
import asyncio

loop = asyncio.new_event_loop()
def tick(n):
    print('tick', n)
    if n == 3:
        loop.stop()
        loop.call_soon(print, 'scheduled after stop')
    else:
        loop.call_soon(tick, n + 1)

loop.call_soon(tick, 1)
loop.run_forever()
print('stopped', loop.is_running())
loop.call_soon(loop.stop)
loop.run_forever()
print('stopped again')
loop.close()
