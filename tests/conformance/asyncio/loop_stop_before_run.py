# stop() called before run_forever makes it run one iteration then return.
import asyncio

loop = asyncio.new_event_loop()
loop.call_soon(print, 'ready callback')
loop.stop()
loop.run_forever()
print('returned')
loop.call_later(0.01, print, 'timer')
loop.call_later(0.02, loop.stop)
loop.run_forever()
print('returned after timer')
loop.close()
