# timeit: Timer with strings, callables and globals, timeit/repeat/autorange
# (only what does not depend on the clock is printed), and its errors.
import timeit

calls = []


def work():
    calls.append(1)


t = timeit.Timer(work)
print(type(t.timeit(number=5)).__name__, len(calls))
print(len(t.repeat(repeat=3, number=2)), len(calls))
print(len(timeit.repeat('x = 1', repeat=4, number=10)))

namespace = {'items': []}
timeit.timeit('items.append(n)', setup='n = 3', number=4, globals=namespace)
print(namespace['items'])
timeit.timeit('items.append(len(items))', number=3, globals=namespace)
print(namespace['items'])

counter = {'setup': 0}


def setup():
    counter['setup'] += 1


timeit.Timer(work, setup=setup).repeat(repeat=2, number=1)
print(counter, len(calls))


def fake_clock(state=[0.0]):
    state[0] += 0.125
    return state[0]


print(timeit.timeit('pass', timer=fake_clock, number=100))
print(timeit.Timer('pass', timer=fake_clock).repeat(repeat=2, number=1))
steps = []
print(timeit.Timer('pass', timer=lambda s=[0]: s.append(0) or len(s) ** 2 * 0.01).autorange(
    lambda number, taken: steps.append(number)), steps)
print(timeit.default_timer is __import__('time').perf_counter, timeit.default_number, timeit.default_repeat)

for stmt, setup in [(42, 'pass'), ('pass', 42)]:
    try:
        timeit.Timer(stmt, setup)
    except ValueError as e:
        print(type(e).__name__, e)
for stmt, setup in [('x = ', 'pass'), ('pass', 'y = ('), ('return 1', 'pass')]:
    try:
        timeit.Timer(stmt, setup)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename)
try:
    timeit.timeit('1 / 0', number=1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
