# dumps options: indent, separators, sort_keys, skipkeys, allow_nan, default.
import json

data = {'b': [1, 2, {'x': None}], 'a': {'nested': {'deep': [[], {}]}}, 'c': 'str'}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=0))
print(json.dumps(data, indent='\t', sort_keys=True))
print(json.dumps(data, indent='--'))
print(json.dumps([1, [2, 3]], indent=1, separators=(',', ': ')))
print(json.dumps(data, separators=(',', ':'), sort_keys=True))
print(json.dumps(data, separators=(' ; ', ' = ')))
print(json.dumps([], indent=4), json.dumps({}, indent=4), json.dumps([[]], indent=4))
print(json.dumps({3: 1, 1: 2, 2: 3}, sort_keys=True))

try:
    json.dumps({1: 1, 'a': 2}, sort_keys=True)
except TypeError as e:
    print(type(e).__name__, e)

print(json.dumps({(1, 2): 'skip', 'keep': 1, frozenset(): 2}, skipkeys=True))
try:
    json.dumps({(1, 2): 1})
except TypeError as e:
    print(type(e).__name__, e)

for bad in [float('nan'), float('inf'), [float('-inf')], {'k': float('nan')}, {float('inf'): 1}]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except ValueError as e:
        print(type(e).__name__, e)
print(json.dumps({float('nan'): 1, float('inf'): 2, -0.5: 3}))

for bad in [{1, 2}, object, b'bytes', [1, {'a': complex(1, 2)}]]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print(type(e).__name__, e)

print(json.dumps({'s': {3, 1, 2}}, default=sorted))
print(json.dumps([b'ab'], default=lambda o: o.decode()))

a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(type(e).__name__, e)
d = {}
d['self'] = d
try:
    json.dumps(d)
except ValueError as e:
    print(type(e).__name__, e)


class Loop:
    pass


try:
    json.dumps(Loop(), default=lambda o: o)
except ValueError as e:
    print(type(e).__name__, e)
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print(type(e).__name__)
shared = [1]
print(json.dumps([shared, shared, {'x': shared}]))
