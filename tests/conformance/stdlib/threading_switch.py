# The GIL changes hands while a thread busy-waits: the waiting thread asks
# for it after the switch interval, and the running one lets it go.
import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in (0, -1):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    sys.setswitchinterval('x')
except TypeError as e:
    print('TypeError:', e)

flag = False


def setter():
    global flag
    flag = True


t = threading.Thread(target=setter)
t.start()
spins = 0
while not flag:
    spins += 1
t.join()
print('the other thread ran')

# Two threads computing at once both finish, with the right results.
totals = {}


def compute(name, n):
    total = 0
    for i in range(n):
        total += i * i
    totals[name] = total


threads = [threading.Thread(target=compute, args=(name, 200000)) for name in 'ab']
for t in threads:
    t.start()
for t in threads:
    t.join()
print(totals == {'a': sum(i * i for i in range(200000)), 'b': sum(i * i for i in range(200000))})
