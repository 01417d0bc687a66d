for a in (7, -7, 0):
    for b in (3, -3):
        print(a, b, a // b, a % b)
print(-1 // 10 ** 20, -1 % 10 ** 20)
try:
    5 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
