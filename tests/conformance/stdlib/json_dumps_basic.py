# dumps: values, floats, string escaping in both ensure_ascii modes.
import json

values = [None, True, False, 0, -1, 10**30, 1.0, -0.0, 0.1, 1e16, 1.5e-7,
          3.141592653589793, 1e300 * 10, -1e300 * 10, float('nan'), '', 'abc',
          [], {}, (), [1, [2, [3]]], (1, 'a'), {'a': 1, 'b': [None]},
          {1: 'int', 2.5: 'float', True: 'bool', None: 'none'}]
for v in values:
    print(json.dumps(v))

strings = ['quote " backslash \\ slash /', 'ctl \x00\x01\x1f\b\f\n\r\t\x7f',
           'caf\u00e9', '\u2028\u2029', '\U0001f600', '\ud800', 'mixed \u00e9"\n\U00010000']
for s in strings:
    print(json.dumps(s))
    print(json.dumps(s, ensure_ascii=False).encode('utf-8', 'surrogatepass'))
    print(json.loads(json.dumps(s)) == s, json.loads(json.dumps(s, ensure_ascii=False)) == s)

print(json.dumps({'k\u00e9y': ['v\u00e9']}))
print(json.dumps({'k\u00e9y': ['v\u00e9']}, ensure_ascii=False).encode('utf-8'))
print(json.dumps(True), json.dumps({False: True}))


class MyInt(int):
    def __repr__(self):
        return 'MyInt!'


class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'


class MyStr(str):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


print(json.dumps([MyInt(5), MyFloat(2.5), MyStr('s'), MyList([1]), MyDict(a=1)]))
import math
print(json.dumps([math.pi, math.e, 1/3, 2**53 + 0.0, 123456789.125]))
print(json.JSONEncoder().encode({'a': 'b'}), json.JSONEncoder().encode('x\u00e9'))
print(list(json.JSONEncoder().iterencode([1, 'a'])) and ''.join(json.JSONEncoder().iterencode([1, 'a'])))
