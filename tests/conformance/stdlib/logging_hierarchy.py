# Logger names form a tree: parents, propagation, effective levels, handlers.
import io
import logging

root = logging.getLogger()
print(root is logging.root, logging.getLogger('root') is root, root.name, repr(root))
a = logging.getLogger('a')
abc = logging.getLogger('a.b.c')
print(abc.parent is a, a.parent is root)
ab = logging.getLogger('a.b')
print(abc.parent is ab, ab.parent is a, logging.getLogger('a.b') is ab)
print(a.getChild('b') is ab, root.getChild('a') is a, ab.getChild('c.d').name)
x = logging.getLogger('x.y')
print(x.parent is root)
logging.getLogger('x')
print(x.parent.name)
print(repr(abc), abc.getEffectiveLevel(), abc.level)
a.setLevel(logging.INFO)
print(repr(abc), abc.getEffectiveLevel(), abc.isEnabledFor(logging.DEBUG), abc.isEnabledFor(logging.INFO))
ab.setLevel('ERROR')
print(abc.getEffectiveLevel(), abc.isEnabledFor(logging.WARNING))

out = io.StringIO()
ha = logging.StreamHandler(out)
ha.setFormatter(logging.Formatter('A %(name)s %(levelname)s %(message)s'))
a.addHandler(ha)
hb = logging.StreamHandler(out)
hb.setFormatter(logging.Formatter('B %(name)s %(message)s'))
hb.setLevel(logging.CRITICAL)
ab.addHandler(hb)
abc.error('from abc')
abc.critical('critical from abc')
ab.propagate = False
abc.critical('no propagation past a.b')
ab.propagate = True
a.info('info at a')
a.debug('debug at a: dropped')
ab.removeHandler(hb)
abc.error('only A now')
print(out.getvalue(), end='')
print(abc.hasHandlers(), logging.getLogger('zzz').hasHandlers(), a.handlers == [ha])

logging.disable(logging.ERROR)
abc.error('disabled')
abc.critical('still on')
logging.disable(logging.NOTSET)
abc.error('enabled again')
a.disabled = True
abc.error('through a disabled logger')
a.error('from a disabled logger')
print(out.getvalue().splitlines()[-3:])

for bad in (lambda: logging.getLogger(5), lambda: a.setLevel('NOPE'), lambda: a.setLevel(1.5),
            lambda: a.log('INFO', 'x')):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(logging.getLevelName(10), logging.getLevelName('INFO'), logging.getLevelName(15),
      logging.getLevelName('WARN'), logging.getLevelName('FOO'))
logging.addLevelName(15, 'VERBOSE')
print(logging.getLevelName(15), logging.getLevelName('VERBOSE'))
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.WARN, logging.ERROR,
      logging.CRITICAL, logging.FATAL, logging.NOTSET)
print(sorted(logging.getLevelNamesMapping().items()))
