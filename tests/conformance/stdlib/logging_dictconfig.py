# logging.config.dictConfig: formatters, filters, handlers (with ext:// and
# cfg:// values, a MemoryHandler target), loggers, root, incremental, and
# the errors it reports.
import logging
import logging.config
import sys


class Upper(logging.Filter):
    def filter(self, record):
        record.msg = record.msg.upper()
        return True


def make_formatter(prefix):
    return logging.Formatter(prefix + '%(message)s')


existing = logging.getLogger('existing')
existing_child = logging.getLogger('app.child')

config = {
    'version': 1,
    'settings': {'stream': 'ext://sys.stdout'},
    'formatters': {
        'brief': {'format': '%(levelname)s:%(name)s:%(message)s'},
        'braces': {'format': '{levelname}|{message}', 'style': '{'},
        'custom': {'()': make_formatter, 'prefix': '>> '},
    },
    'filters': {
        'only_app': {'name': 'app'},
        'upper': {'()': Upper},
    },
    'handlers': {
        'console': {'class': 'logging.StreamHandler', 'formatter': 'brief', 'level': 'INFO',
                    'stream': 'cfg://settings.stream'},
        'braces': {'class': 'logging.StreamHandler', 'formatter': 'braces', 'stream': 'ext://sys.stdout',
                   'filters': ['upper']},
        'buffer': {'class': 'logging.handlers.MemoryHandler', 'capacity': 2, 'target': 'custom'},
        'custom': {'class': 'logging.StreamHandler', 'formatter': 'custom', 'stream': 'ext://sys.stdout'},
    },
    'loggers': {
        'app': {'level': 'DEBUG', 'handlers': ['console'], 'propagate': False, 'filters': ['only_app']},
        'other': {'handlers': ['braces'], 'propagate': False},
        'buffered': {'handlers': ['buffer'], 'propagate': False},
    },
    'root': {'level': 'WARNING', 'handlers': ['console']},
}
logging.config.dictConfig(config)
logging.getLogger('app').debug('debug is below the handler level')
logging.getLogger('app').info('app info')
logging.getLogger('app.child').warning('the child of a configured logger stays enabled')
print('existing disabled:', existing.disabled, 'child disabled:', existing_child.disabled)
existing.error('not shown: disabled')
logging.getLogger('other').warning('shouted')
logging.getLogger('buffered').warning('first')
print('-- nothing yet')
logging.getLogger('buffered').warning('second')
logging.warning('from the root')
print(sorted(h.name for h in logging.getLogger('app').handlers))

logging.config.dictConfig({'version': 1, 'incremental': True,
                           'handlers': {'console': {'level': 'DEBUG'}},
                           'loggers': {'app': {'level': 'ERROR'}}})
logging.getLogger('app').warning('below the new logger level')
logging.getLogger('app').error('app error')

logging.config.dictConfig({
    'version': 1, 'disable_existing_loggers': False,
    'handlers': {'out': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout'}},
    'root': {'handlers': ['out'], 'level': 'DEBUG'},
})
existing.info('existing is enabled again: %s', not existing.disabled)

bad_configs = [
    {},
    {'version': 2},
    {'version': 1, 'handlers': {'h': {'class': 'no_such_module.Handler'}}},
    {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'formatter': 'missing'}}},
    {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'level': 'LOUD'}}},
    {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.nothing'}}},
    {'version': 1, 'formatters': {'f': {'format': '%(message)s', 'style': '!'}}},
    {'version': 1, 'loggers': {'x': {'handlers': ['missing']}}},
    {'version': 1, 'loggers': {'x': {'level': 'NOPE'}}},
    {'version': 1, 'root': {'level': 'NOPE'}},
    {'version': 1, 'incremental': True, 'handlers': {'unknown': {}}},
    {'version': 1, 'filters': {'f': {'()': 'no.such.factory'}}},
]
for bad in bad_configs:
    try:
        logging.config.dictConfig(bad)
    except Exception as e:
        cause = e.__cause__
        print(type(e).__name__, e, '<-', type(cause).__name__, cause)

print(logging.config.valid_ident('name_1'))
try:
    logging.config.valid_ident('1name')
except ValueError as e:
    print(e)
