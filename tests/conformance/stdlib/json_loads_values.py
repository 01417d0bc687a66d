# loads: every JSON value type, escapes, numbers and the hooks.
import json

for doc in ['null', 'true', 'false', '0', '-0', '123', '-45', '1.5', '-0.0',
            '1e5', '1E+2', '2.50e-3', '1e400', '-1e400', '123456789012345678901234567890',
            'NaN', 'Infinity', '-Infinity', '""', '"abc"', '[]', '{}', '[[]]',
            ' [ 1 , 2 , [ 3 , { "a" : null } ] ] ', '{"a": {"b": [true, false]}}',
            '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '"\\u00e9\\u20AC"', '"\\ud83d\\ude00"',
            '"\\ud800"', '"\\ud800x"', '"\\ud800\\u0041"', '"\\udc00\\ud800"',
            '"caf\u00e9 \U0001f600"', '{"a": 1, "a": 2}', '\n\t 7 \r\n']:
    print(repr(doc), repr(json.loads(doc)))

print(json.loads(b'{"x": [1, 2.5, "s"]}'))
print(json.loads(bytearray(b'[null]')))
print(json.loads('\ufeff[1]'.encode('utf-8')))

print(json.loads('[1, 2.5, 3e2]', parse_float=str))
print(json.loads('[1, 2.5, -7]', parse_int=lambda s: 'int:' + s))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: '<' + s + '>'))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=list))
print(json.loads('{"b": 1, "a": {}}', object_hook=lambda d: sorted(d)))
print(json.loads('{"b": 1}', object_hook=len, object_pairs_hook=tuple))


def as_point(d):
    if set(d) == {'x', 'y'}:
        return (d['x'], d['y'])
    return d


print(json.loads('{"pts": [{"x": 1, "y": 2}, {"x": 3, "y": 4}], "n": 2}', object_hook=as_point))


class Upper(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=lambda d: {k.upper(): v for k, v in d.items()}, **kw)


print(json.loads('{"a": {"b": 1}}', cls=Upper))
print(json.JSONDecoder().decode('{"k": [1, "2"]}'))
big = json.loads('[' + ','.join(str(i) for i in range(1000)) + ']')
print(len(big), sum(big))
deep = json.loads('[' * 200 + ']' * 200)
print(type(deep).__name__)
