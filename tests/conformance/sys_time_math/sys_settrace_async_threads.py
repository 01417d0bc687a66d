# sys.settrace under asyncio (the StopIteration 'exception' events of awaits
# that finish), a generator thrown into, and threading.settrace for a new thread.
import sys, asyncio
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((frame.f_code.co_name, event, frame.f_lineno))
        return tracer
async def child(n):
    await asyncio.sleep(0)
    return n * 2
async def main():
    r = await asyncio.gather(child(1), child(2))
    try:
        await asyncio.wait_for(child(3), 1)
    except Exception:
        pass
    return r
sys.settrace(tracer)
print(asyncio.run(main()))
sys.settrace(None)
for e in events: print(e)
def g():
    try:
        yield 1
    except KeyError:
        yield 2
sys.settrace(tracer)
it = g(); next(it); it.throw(KeyError)
import threading
def work(): 
    x = 1
    return x
threading.settrace(tracer)
t = threading.Thread(target=work); t.start(); t.join()
sys.settrace(None)
threading.settrace(None)
for e in events: print(e)
print(len(events))
