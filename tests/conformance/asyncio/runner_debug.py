# Runner(debug=True) runs its loop in debug mode.
import asyncio

async def debug_flag():
    return asyncio.get_running_loop().get_debug()

with asyncio.Runner(debug=True) as r:
    print(r.run(debug_flag()))
with asyncio.Runner(debug=False) as r:
    print(r.run(debug_flag()))
