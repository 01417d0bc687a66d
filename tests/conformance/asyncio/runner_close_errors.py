# A closed Runner refuses to run or give its loop; close is idempotent.
import asyncio

async def job():
    return 1

runner = asyncio.Runner()
print(runner.run(job()))
runner.close()
runner.close()
c = job()
try:
    runner.run(c)
except RuntimeError as e:
    print('RuntimeError:', e)
c.close()
try:
    runner.get_loop()
except RuntimeError as e:
    print('RuntimeError:', e)
