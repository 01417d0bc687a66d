# Handlers and filters: levels, StreamHandler, FileHandler, NullHandler, lastResort.
import logging
import os
import sys
import tempfile

sys.stderr = sys.stdout
log = logging.getLogger('demo')
log.warning('no handlers anywhere: last resort prints the bare message')
log.info('below the last resort level')
print(repr(logging.lastResort))
print(repr(logging.StreamHandler()), repr(logging.StreamHandler(sys.stdout)))
h = logging.Handler()
print(repr(h), h.level, h.formatter, h.name)
h.set_name('mine')
print(h.name, h.get_name())
try:
    h.emit(None)
except NotImplementedError as e:
    print(type(e).__name__, e)

null = logging.NullHandler()
log.addHandler(null)
log.warning('swallowed by the NullHandler')
log.removeHandler(null)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'out.log')
    fh = logging.FileHandler(path, mode='w')
    fh.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))
    log.addHandler(fh)
    log.setLevel(logging.DEBUG)
    log.debug('to the file')
    log.info('second %s', 'line')
    print(repr(fh).replace(d, 'DIR'))
    fh.close()
    log.removeHandler(fh)
    with open(path) as f:
        print(repr(f.read()))
    delayed = logging.FileHandler(os.path.join(d, 'delayed.log'), delay=True)
    print(delayed.stream, os.path.exists(os.path.join(d, 'delayed.log')))
    log.addHandler(delayed)
    log.error('now it opens')
    delayed.close()
    log.removeHandler(delayed)
    print(open(os.path.join(d, 'delayed.log')).read(), end='')

sh = logging.StreamHandler(sys.stdout)
log.addHandler(sh)


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args and record.args[0] % 2 == 1


sh.addFilter(OnlyOdd())
for i in range(4):
    log.info('n=%d', i)
sh.filters.clear()
log.addFilter(lambda record: 'secret' not in record.getMessage())
log.info('a secret')
log.info('public')
log.filters.clear()
named = logging.Filter('demo.sub')
log.addFilter(named)
log.info('rejected by the name filter')
log.removeFilter(named)
sub = logging.getLogger('demo.sub.x')
f = logging.Filter('demo.sub')
print(f.filter(logging.makeLogRecord({'name': 'demo.sub.x'})), f.filter(logging.makeLogRecord({'name': 'demo.subway'})),
      f.filter(logging.makeLogRecord({'name': 'demo.sub'})), logging.Filter().filter(logging.makeLogRecord({'name': 'q'})))
sh.setLevel(logging.ERROR)
log.warning('below the handler level')
log.error('at the handler level')
print(sh.setStream(sys.stdout))


import io
sh.setLevel(logging.DEBUG)
sh.setFormatter(logging.Formatter('%(message)s'))
sys.stderr = io.StringIO()
log.info('%d', 'not a number')
report = sys.stderr.getvalue().splitlines()
sys.stderr = sys.stdout
print(report[0], report[1], [line for line in report if not line.startswith(' ')][-3:], sep='\n')
print('after the logging error')
logging.raiseExceptions = False
log.info('%d', 'silent')
print('silently dropped')
