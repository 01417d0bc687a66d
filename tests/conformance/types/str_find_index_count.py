s = 'hello world hello'
print(s.find('hello'), s.find('hello', 1), s.find('xyz'), s.rfind('hello'), s.find('o', 5, 8), s.find(''))
print(s.index('world'), s.rindex('l'), s.count('l'), s.count('hello'), s.count(''), 'aaaa'.count('aa'))
print(s.find('', 100), s.count('l', 3, 10), s.rfind('l', 0, 4))
try:
    s.index('xyz')
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex('xyz')
except ValueError as e:
    print(type(e).__name__, e)
