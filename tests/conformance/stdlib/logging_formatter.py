# Formatter fields, times, exceptions, styles and defaults; LoggerAdapter.
import io
import os
import logging
import time

record = logging.LogRecord('app.mod', logging.WARNING, '/src/pkg/mod.py', 42,
                           'value %s of %d', ('x', 7), None, func='handler')
record.created = 86400 * 365 + 0.25
record.msecs = 250.0
print(record.getMessage(), record.levelname, record.levelno, record.filename, record.module,
      record.pathname, record.lineno, record.funcName, record.threadName, record.processName)
print(isinstance(record.process, int), repr(record).startswith('<LogRecord: app.mod, 30'))

f = logging.Formatter('%(asctime)s %(levelname)-8s %(name)s %(filename)s:%(lineno)d %(funcName)s %(module)s %(message)s')
f.converter = time.gmtime
print(f.format(record))
f = logging.Formatter('[%(asctime)s] %(message)s', datefmt='%d/%m/%Y %H:%M')
f.converter = time.gmtime
print(f.format(record), f.usesTime())
f = logging.Formatter('{asctime} {levelname:^9} {message!r}', style='{')
f.converter = time.gmtime
print(f.format(record), f.usesTime())
f = logging.Formatter('${asctime} $levelname $message', style='$')
f.converter = time.gmtime
print(f.format(record), f.usesTime())
f = logging.Formatter('%(message)s %(extra)s', defaults={'extra': 'default-extra'})
print(f.format(record))
print(logging.Formatter().format(record), logging.Formatter(None, None, '{').format(record))
try:
    logging.Formatter('%(missing)s').format(record)
except (KeyError, ValueError) as e:
    print(type(e).__name__, e)

exc = KeyError('k')
import sys
er = logging.LogRecord('n', logging.ERROR, 'p.py', 1, 'failed', (), (type(exc), exc, None))
text = logging.Formatter('%(levelname)s %(message)s').format(er)
print(text)
print(er.exc_text == text.split('\n', 1)[1])

out = io.StringIO()
log = logging.getLogger('fmt')
log.propagate = False
handler = logging.StreamHandler(out)
handler.setFormatter(logging.Formatter('%(levelname)s %(message)s'))
log.addHandler(handler)
try:
    1 / 0
except ZeroDivisionError:
    log.exception('division failed: %s', 'oops')
try:
    int('x')
except ValueError as e:
    log.error('with exc_info instance', exc_info=e)
    log.warning('with exc_info True', exc_info=True)
log.info('not enabled')
log.warning('no exception', exc_info=False)
log.warning('with extra: %(user)s', extra={'user': 'ann'})
lines = out.getvalue().splitlines()
print('\n'.join(line for line in lines if not line.startswith('  ')))
# The traceback's file line, with the script's folder left out.
print([line.replace(os.path.dirname(os.path.abspath(__file__)), '$DIR') for line in lines[2:4]])
try:
    log.warning('bad extra', extra={'message': 'x'})
except KeyError as e:
    print(type(e).__name__, e)

out.truncate(0)
out.seek(0)
handler.setFormatter(logging.Formatter('%(levelname)s %(message)s %(user)s'))


class Adapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return '[%s] %s' % (self.extra['user'], msg), kwargs


adapter = logging.LoggerAdapter(log, {'user': 'bob'})
adapter.warning('plain adapter %d', 1)
adapter.info('not enabled')
adapter.setLevel(logging.DEBUG)
adapter.debug('now enabled')
print(adapter.isEnabledFor(logging.DEBUG), adapter.getEffectiveLevel(), adapter.name, repr(adapter))
custom = Adapter(log, {'user': 'cy'})
custom.error('custom', extra={'user': 'kw'})
print(out.getvalue(), end='')
print(repr(log), repr(handler).startswith('<StreamHandler'), adapter.manager is log.manager)
