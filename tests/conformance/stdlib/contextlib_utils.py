import contextlib
import io
import sys
from contextlib import (suppress, closing, nullcontext, redirect_stdout, redirect_stderr,
                        AbstractContextManager, AbstractAsyncContextManager)

with suppress(KeyError, IndexError):
    {}['x']
print('after KeyError')
with suppress(LookupError):
    [][1]
print('subclass suppressed')
try:
    with suppress(KeyError):
        raise ValueError('not suppressed')
except ValueError as e:
    print(type(e).__name__, e)
with suppress():
    pass
print('empty suppress ok')


class Thing:
    def close(self):
        print('closed')

with closing(Thing()) as t:
    print(type(t).__name__)

with nullcontext() as n:
    print(n)
with nullcontext(42) as n:
    print(n)

buf = io.StringIO()
with redirect_stdout(buf) as target:
    print('captured')
    print(target is buf)
print(repr(buf.getvalue()))

ebuf = io.StringIO()
with redirect_stderr(ebuf):
    print('err line', file=sys.stderr)
print(repr(ebuf.getvalue()), sys.stderr is sys.__stderr__)

# re-entrant redirect
outer = io.StringIO()
r = redirect_stdout(outer)
with r:
    print('one')
    with r:
        print('two')
print(repr(outer.getvalue()))


class Custom:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None

print(isinstance(Custom(), AbstractContextManager), isinstance(object(), AbstractContextManager),
      issubclass(type(open), AbstractContextManager))

class Impl(AbstractContextManager):
    def __exit__(self, *a):
        return None
with Impl() as i:
    print(type(i).__name__)
try:
    AbstractContextManager()
except TypeError as e:
    print(type(e).__name__)

class AsyncCM:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        pass
print(isinstance(AsyncCM(), AbstractAsyncContextManager), isinstance(Custom(), AbstractAsyncContextManager))
print(sorted(contextlib.__all__))
