# logging.handlers: QueueHandler/QueueListener across a thread, BufferingHandler,
# MemoryHandler flushing on capacity, level and close.
import logging
import logging.handlers
import queue


class Collect(logging.Handler):
    def __init__(self, tag, level=logging.NOTSET):
        logging.Handler.__init__(self, level)
        self.tag = tag

    def emit(self, record):
        print(self.tag, record.levelname, record.getMessage())


q = queue.Queue()
qh = logging.handlers.QueueHandler(q)
qh.setFormatter(logging.Formatter('[%(name)s] %(message)s'))
log = logging.getLogger('producer')
log.propagate = False
log.addHandler(qh)
log.warning('count=%d', 3)
try:
    1 / 0
except ZeroDivisionError:
    log.exception('failed')
r1 = q.get_nowait()
print(r1.msg, r1.args, r1.getMessage(), r1.exc_info, r1.exc_text)
r2 = q.get_nowait()
print(r2.msg.splitlines()[0], r2.msg.splitlines()[-1], r2.exc_info)
print(q.empty())

listener = logging.handlers.QueueListener(q, Collect('all'), Collect('errors', logging.ERROR))
listener.start()
log.info('info is below the logger level')
log.warning('warned')
log.error('erred')
listener.stop()
print('listener thread:', listener._thread)

listener = logging.handlers.QueueListener(q, Collect('all'), Collect('errors', logging.ERROR),
                                          respect_handler_level=True)
listener.start()
log.warning('warned again')
log.critical('critical')
listener.stop()

buffering = logging.handlers.BufferingHandler(2)
blog = logging.getLogger('buffered')
blog.propagate = False
blog.addHandler(buffering)
blog.warning('a')
print(len(buffering.buffer), buffering.shouldFlush(logging.makeLogRecord({})))
blog.warning('b')
print(len(buffering.buffer))
buffering.close()

target = Collect('target')
memory = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
mlog = logging.getLogger('memory')
mlog.propagate = False
mlog.setLevel(logging.DEBUG)
mlog.addHandler(memory)
mlog.debug('d1')
mlog.info('i1')
print('buffered:', len(memory.buffer))
mlog.info('i2')
print('after capacity:', len(memory.buffer))
mlog.debug('d2')
mlog.error('e1')
print('after error:', len(memory.buffer))
mlog.info('kept until close')
memory.close()
print('target after close:', memory.target)

memory = logging.handlers.MemoryHandler(10, flushOnClose=False)
memory.handle(logging.makeLogRecord({'msg': 'no target', 'levelno': logging.INFO}))
memory.flush()
print('no target, still buffered:', len(memory.buffer))
memory.setTarget(Collect('late'))
memory.handle(logging.makeLogRecord({'msg': 'now', 'levelno': logging.CRITICAL, 'levelname': 'CRITICAL'}))
memory.close()
