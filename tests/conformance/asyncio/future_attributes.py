# Futures and tasks take attributes (kept aside: they have no __dict__, as
# CPython's), which may shadow methods.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.tag = "x"; print(f.tag)
    del f.tag
    try: f.tag
    except AttributeError as e: print("AE", e)
    try: del f.tag
    except AttributeError as e: print("AE", e)
    try: f.__dict__
    except AttributeError as e: print("AE", e)
    t = asyncio.current_task()
    t.request_id = 7
    print(t.request_id, hasattr(t, "nope"))
    class MyFut(asyncio.Future): pass
    m = MyFut(); m.a = 1; print(m.a)
    f.done = lambda: "shadowed"; print(f.done()); del f.done; print(f.done())
    f.cycle = f   # a cycle through the attribute dict
    f.set_result(None)
asyncio.run(main())
import gc; print(gc.collect() >= 0)
