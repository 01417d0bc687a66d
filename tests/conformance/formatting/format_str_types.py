print(format('abc'), format('abc', 's'), format('abc', '>5s'), format('', '*^4'))
try:
    format('abc', 'x')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format('abc', '=5')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format('abc', '+')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format('abc', '#')
except ValueError as e:
    print(type(e).__name__, e)
