import asyncio
from contextlib import asynccontextmanager, AsyncExitStack, aclosing, nullcontext


@asynccontextmanager
async def resource(name, log):
    log.append('open ' + name)
    try:
        yield name
    finally:
        log.append('close ' + name)


@asynccontextmanager
async def swallow():
    try:
        yield
    except KeyError:
        print('swallowed')


@asynccontextmanager
async def no_yield():
    if False:
        yield


class AsyncThing:
    async def aclose(self):
        print('aclosed')


async def main():
    log = []
    async with resource('a', log) as r:
        print('got', r)
    print(log)

    async with swallow():
        raise KeyError('x')

    try:
        async with resource('b', log):
            raise ValueError('inner')
    except ValueError as e:
        print('propagated', e, log[-1])

    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)

    log = []
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(resource('x', log))
        b = stack.enter_context(nullcontext('sync'))
        async def acb(tag):
            log.append('async cb ' + tag)
        stack.push_async_callback(acb, 't')
        stack.callback(log.append, 'sync cb')
        print(a, b)
    print(log)

    async def suppressor(*exc):
        print('suppressor saw', exc[0].__name__)
        return True
    async with AsyncExitStack() as stack:
        stack.push_async_exit(suppressor)
        raise IndexError
    print('after suppressed')

    try:
        await AsyncExitStack().enter_async_context(object())
    except TypeError as e:
        print(type(e).__name__, e)

    stack = AsyncExitStack()
    stack.callback(print, 'closing via aclose')
    await stack.aclose()

    async with aclosing(AsyncThing()) as t:
        print(type(t).__name__)

    async with nullcontext(5) as n:
        print('null', n)

    @resource('deco', log)
    async def decorated():
        return 'decorated result'
    log.clear()
    print(await decorated(), log)

asyncio.run(main())
