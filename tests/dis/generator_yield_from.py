# Generators: YIELD_VALUE, `yield from` as the GET_YIELD_FROM_ITER / SEND /
# YIELD_VALUE loop, and `await` (the same loop after GET_AWAITABLE).
def chain(first, second):
    yield from first
    result = yield from second
    yield result


async def fetch(client, url):
    response = await client.get(url)
    return response.body
