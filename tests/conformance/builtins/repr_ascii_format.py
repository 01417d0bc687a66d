print(repr('a\nb'), repr(1.0), repr([1, 'x']), repr({'k': (1,)}), ascii('héllo'), ascii(['ü']))
print(format(3.14159, '.2f'), format(42), format(42, 'x'), format('s', '>3'), format(1234567, ','))
try:
    format(1, 'q')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format('s', 'd')
except ValueError as e:
    print(type(e).__name__, e)
