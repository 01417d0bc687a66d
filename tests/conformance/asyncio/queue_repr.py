# Queue str/repr show maxsize and contents (the address part of repr is cut).
import asyncio

async def main():
    q = asyncio.Queue(maxsize=3)
    print(str(q))
    q.put_nowait(1)
    q.put_nowait('two')
    print(str(q))
    r = repr(q)
    print(r[:r.index(' at ')] + r[r.index(' maxsize'):])

asyncio.run(main())
