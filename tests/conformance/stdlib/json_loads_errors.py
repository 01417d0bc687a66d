# JSONDecodeError messages and positions match CPython's scanner.
import json

docs = ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '{a:1}', '[1 2]', '"abc',
        '"a\\qb"', '"\\u12"', '"\\u12x4"', '"a\nb"', '01', '1.', '-', '-x',
        '[', '{', '{"a":', 'nul', '[1,2', '"\\', '[-]', '\ufeff1',
        '{"a":1 "b"}', '{"a":1,"b"', '"\\u00"', '1 2', '"\\ud800\\u12"',
        '"\\ud800\\uzzzz"', '"\\u-123"', '"\\u 123"', '"\\u0x12"',
        '[1,\n 2,\n  x]', '{"a":1}\n\n x', '"\\ud800\\', '"abc\\', '[1,2,]',
        '1.5e', '-01', 'Infinityx', 'tru', '[true false]', '{"a":1}}',
        '"tab\there"', 'nan', '[1,\t\r\n]', '"ab\\q', '"abc\\x"', '["a\\"]', '"\\z',
        '"ctl\x01 no end', '"a\\"b', '{"a\\u00"}']
for doc in docs:
    try:
        print(repr(doc), repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), type(e).__name__, e)
        print('  ', e.msg, e.pos, e.lineno, e.colno, e.doc == doc)

print(issubclass(json.JSONDecodeError, ValueError))
for bad in [3, None, [1]]:
    try:
        json.loads(bad)
    except TypeError as e:
        print(type(e).__name__, e)

# strict=False lets control characters through.
print(repr(json.loads('"a\nb\x00"', strict=False)))
try:
    json.JSONDecoder().raw_decode(' 1')
except ValueError as e:
    print(type(e).__name__, e)
print(json.JSONDecoder().raw_decode('[1, 2] tail'))
print(json.JSONDecoder().raw_decode('xx{"a": 1}', 2))
err = json.JSONDecodeError('Boom', 'ab\ncd\nef', 7)
print(err, err.lineno, err.colno)
