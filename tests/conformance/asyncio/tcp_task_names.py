# Default task names count the tasks asyncio makes for a server: one per
# host it resolves and one per connection it accepts.
import asyncio
async def handle(r, w):
    print('handler task', asyncio.current_task().get_name())
    w.close()
async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    print(await r.read())
    t = asyncio.create_task(asyncio.sleep(0))
    print('next task', t.get_name())
    await t
    w.close()
    server.close()
asyncio.run(main())
