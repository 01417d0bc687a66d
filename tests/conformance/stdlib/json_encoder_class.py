# JSONEncoder subclasses, cls=, dump/load with file objects.
import json


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps([Point(1, 2), {3, 1}], cls=PointEncoder))
print(json.dumps({'p': Point(0, 0)}, cls=PointEncoder, indent=2, sort_keys=True))
print(PointEncoder(separators=(',', ':')).encode({'a': Point(1, 1)}))
try:
    json.dumps([object()], cls=PointEncoder)
except TypeError as e:
    print(type(e).__name__, e)

enc = json.JSONEncoder(indent=3, sort_keys=True)
print(enc.indent, enc.sort_keys, enc.item_separator, repr(enc.key_separator))
enc = json.JSONEncoder()
print(enc.item_separator, repr(enc.key_separator), enc.skipkeys, enc.ensure_ascii,
      enc.check_circular, enc.allow_nan)
print(''.join(enc.iterencode({'a': [1, 2]})))


class Recorder:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def read(self):
        return ''.join(self.parts)


f = Recorder()
json.dump({'x': [1, 'two', None]}, f)
print(f.read())
print(json.load(f))
f = Recorder()
json.dump([1, {'b': 2, 'a': 1}], f, indent=1, sort_keys=True)
print(f.read())
print(json.load(f, object_pairs_hook=dict))
print(json.dumps('plain', cls=PointEncoder), json.dumps('x', indent=2))
print(json.__all__)
