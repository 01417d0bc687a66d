# basicConfig: level, format, style, stream, handlers, force, errors.
import io
import logging
import sys

sys.stderr = sys.stdout  # default handlers print to stderr; show it in order

logging.warning('before config goes to the root: %s', 'configured now')
logging.info('not shown: root level is WARNING')
print(logging.root.handlers, logging.root.level)
logging.basicConfig(level=logging.DEBUG)  # no effect: root has a handler
print(logging.root.level)

buf = io.StringIO()
logging.basicConfig(force=True, stream=buf, level='DEBUG',
                    format='%(levelname)s|%(name)s|%(message)s')
logging.debug('debug %d', 1)
logging.info('info %s', 'two')
logging.getLogger('app.db').error('%(key)s=%(value)s', {'key': 'k', 'value': 3})
logging.critical('crit')
logging.log(25, 'level 25')
print(buf.getvalue(), end='')
print(logging.root.level, logging.getLevelName(logging.root.level))

buf = io.StringIO()
logging.basicConfig(force=True, stream=buf, style='{', format='{levelname:>8} {message}')
logging.warning('brace %s', 'style')
logging.basicConfig(force=True, stream=buf, style='$', format='$levelname ${name}: $message $$')
logging.warning('dollar')
logging.basicConfig(force=True, stream=buf, style='{')
logging.error('default brace format')
print(buf.getvalue(), end='')

h1, h2 = logging.StreamHandler(sys.stdout), logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter('h2: %(message)s'))
logging.basicConfig(force=True, handlers=[h1, h2], format='h1: %(message)s')
logging.warning('two handlers')
print(h1.formatter._fmt, h2.formatter._fmt)

for kwargs in ({'stream': sys.stdout, 'filename': 'x.log'},
               {'handlers': [h1], 'stream': sys.stdout},
               {'style': '#'},
               {'format': 'no fields'},
               {'format': 'nothing', 'style': '{'},
               {'bogus': 1, 'other': 2},
               {'level': 'LOUD'}):
    try:
        logging.basicConfig(force=True, **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
