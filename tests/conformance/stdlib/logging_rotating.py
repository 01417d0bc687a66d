# logging.handlers: RotatingFileHandler by size with backups and a namer,
# TimedRotatingFileHandler's settings and errors, WatchedFileHandler reopening.
import logging
import logging.handlers
import os
import tempfile


def listing(d):
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name)) as f:
            print(' ', name, f.read().splitlines())


with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'app.log')
    h = logging.handlers.RotatingFileHandler(path, mode='w', maxBytes=40, backupCount=2)
    print(h.mode, h.maxBytes, h.backupCount)
    h.setFormatter(logging.Formatter('%(levelname)s %(message)s'))
    log = logging.getLogger('rotating')
    log.propagate = False
    log.addHandler(h)
    for i in range(9):
        log.warning('message %d', i)
    h.close()
    log.removeHandler(h)
    listing(d)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'named.log')
    h = logging.handlers.RotatingFileHandler(path, maxBytes=10, backupCount=3, delay=True)
    h.namer = lambda name: name.replace('.log.', '-') + '.old'
    print('delayed stream:', h.stream)
    log = logging.getLogger('named')
    log.propagate = False
    log.addHandler(h)
    for word in ['alpha', 'beta', 'gamma', 'delta', 'epsilon']:
        log.error(word)
    h.close()
    listing(d)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'never.log')
    h = logging.handlers.RotatingFileHandler(path, maxBytes=0)
    h.emit(logging.makeLogRecord({'msg': 'x' * 100}))
    h.close()
    listing(d)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'timed.log')
    for when in ['S', 'm', 'H', 'D', 'midnight', 'W0', 'w6']:
        h = logging.handlers.TimedRotatingFileHandler(path, when=when, interval=2)
        print(when, h.when, h.interval, h.suffix, h.extMatch.match('2024-01-02') is not None)
        h.close()
    for when in ['X', 'W', 'W7', 'W12']:
        try:
            logging.handlers.TimedRotatingFileHandler(path, when=when)
        except ValueError as e:
            print(type(e).__name__, e)
    h = logging.handlers.TimedRotatingFileHandler(path, when='S', backupCount=1)
    h.setFormatter(logging.Formatter('%(message)s'))
    record = logging.makeLogRecord({'msg': 'before'})
    h.emit(record)
    print('should roll over now:', h.shouldRollover(record))
    h.rolloverAt = 0
    print('should roll over at 0:', h.shouldRollover(record))
    h.doRollover()
    h.emit(logging.makeLogRecord({'msg': 'after'}))
    h.close()
    names = sorted(os.listdir(d))
    print(len(names), names[0], h.extMatch.match(names[1][len('timed.log.'):]) is not None)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'watched.log')
    h = logging.handlers.WatchedFileHandler(path)
    h.setFormatter(logging.Formatter('%(message)s'))
    log = logging.getLogger('watched')
    log.propagate = False
    log.addHandler(h)
    log.warning('one')
    os.rename(path, os.path.join(d, 'watched.log.moved'))
    log.warning('two')
    os.remove(path)
    log.warning('three')
    h.close()
    listing(d)
