# Difference: the top level of a script runs with coil's event loop running,
# as a notebook cell does, so `await`, `async for`, `async with` and
# asyncio.get_running_loop() work outside any function.
#
# CPython 3.11 rejects the script before running it:
#     SyntaxError: 'await' outside function
# (exit status 1).
#
# Why: coil runs scripts, the REPL and notebooks with one model, and the
# notebooks in notebooks/ await at the top level (`await main()`); a script
# is a notebook with one cell.
import asyncio

async def greet(name):
    await asyncio.sleep(0.01)
    return f'hello {name}'

async def countdown(n):
    while n:
        yield n
        n -= 1
        await asyncio.sleep(0)

print(await greet('world'))
async for i in countdown(3):
    print(i)
async with asyncio.Lock():
    print('inside async with')
# The loop top-level code sees is the one get_event_loop() returns there.
print(asyncio.get_running_loop() is asyncio.get_event_loop())
