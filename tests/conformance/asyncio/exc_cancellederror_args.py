# CancelledError can be raised and caught directly, with or without args.
import asyncio

for e in (asyncio.CancelledError(), asyncio.CancelledError('why')):
    try:
        raise e
    except asyncio.CancelledError as caught:
        print(repr(caught), caught.args, str(caught) == (caught.args[0] if caught.args else ''))
