# An error escaping the program after asyncio.run: main hands back the
# exception it caught and the top level raises it again. Its traceback holds
# only the coroutines' frames (no asyncio internals), and the exit status is 1.
import asyncio

async def parse(text):
    await asyncio.sleep(0)
    return int(text)

async def main():
    try:
        return await parse('not a number')
    except ValueError as e:
        return e

result = asyncio.run(main())
print('asyncio.run returned', type(result).__name__)
raise result
