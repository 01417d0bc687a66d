# Inside the timeout block the body sees CancelledError; outside, the
# timeout turns it into TimeoutError whose cause is that CancelledError.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print('body saw CancelledError')
                raise
    except TimeoutError as e:
        print('TimeoutError, cause:', type(e.__cause__).__name__)
    print('task not cancelled:', asyncio.current_task().cancelling())

asyncio.run(main())
