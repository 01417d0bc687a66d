# pprint: pformat/pprint/pp with width, indent, depth, compact, sort_dicts.
import pprint

data = {'name': 'coil', 'versions': [3.11, 3.12, 3.13], 'nested': {'b': [1, 2, {'deep': list(range(30))}],
        'a': ('tuple', 'of', 'strings', 'that', 'is', 'rather', 'long', 'indeed', 'yes')},
        'set': {5, 3, 1, 4}, 'frozen': frozenset({7, 8}), 'empty': {}, 'none': None, 10: 'int key'}
try:
    pprint.pprint(data)
except TypeError as e:
    print('TypeError', e)
data.pop(10)
pprint.pprint(data)
pprint.pprint(data, width=40, indent=4)
pprint.pprint(data, depth=2)
pprint.pprint(data, compact=True, width=50)
pprint.pp(data, width=60)
pprint.pprint(data, sort_dicts=False, width=120)
print(pprint.pformat(list(range(40)), width=30, compact=True))
print(pprint.pformat(list(range(12)), width=20))
print(pprint.pformat(('single',)), pprint.pformat((1,)), pprint.pformat([[[[1]]]], depth=2))
long_text = 'This is a long string that will need to be split across several lines when printed. ' * 2
pprint.pprint(long_text, width=40)
pprint.pprint({'key': long_text, 'lines': 'first line\nsecond line\n' * 3}, width=50)
pprint.pprint([b'bytes are here and they are quite long indeed, yes', 12345678901234567890], width=30)
pprint.pprint(123456789, underscore_numbers=True)
rec = [1, 2]
rec.append(rec)
print(pprint.isrecursive(rec), pprint.isreadable(rec), pprint.isreadable([1, 'a']),
      pprint.isreadable(object), pprint.saferepr({'b': 1, 'a': [2]}))
print(pprint.pformat({3: 'c', 1: 'a', 2: 'b'}), pprint.pformat({'x': 1, 1: 'y'}) in ("{1: 'y', 'x': 1}", "{'x': 1, 1: 'y'}"))
pp = pprint.PrettyPrinter(indent=2, width=30)
print(pp.pformat({'alpha': [1, 2, 3], 'beta': {'gamma': 'delta', 'epsilon': 'zeta'}}))
pp.pprint(set(range(20)))
for kwargs in ({'indent': -1}, {'depth': 0}, {'width': 0}):
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as e:
        print('ValueError', e)
from dataclasses import dataclass, field
@dataclass
class Config:
    name: str
    options: dict = field(default_factory=dict)
    items: list = field(default_factory=list)
cfg = Config('server', {'port': 8080, 'host': 'localhost', 'debug': True}, list(range(15)))
pprint.pprint(cfg, width=40)
pprint.pprint([cfg, 'x'], width=200)
