# Two tasks passing the ball through a pair of queues.
import asyncio

async def player(name, inbox, outbox, rounds):
    for _ in range(rounds):
        ball = await inbox.get()
        print(name, 'hits', ball)
        await outbox.put(ball + 1)

async def main():
    a_box, b_box = asyncio.Queue(), asyncio.Queue()
    ping = asyncio.create_task(player('ping', a_box, b_box, 3))
    pong = asyncio.create_task(player('pong', b_box, a_box, 3))
    await a_box.put(0)
    await asyncio.gather(ping, pong)
    print('final ball', a_box.get_nowait())

asyncio.run(main())
