# gc.callbacks are called with "start" and "stop" and an info dict around
# each collection; DEBUG_SAVEALL keeps the unreachable objects in
# gc.garbage instead of freeing them.
import gc

gc.disable()
gc.collect()


def callback(phase, info):
    print(phase, info)


gc.callbacks.append(callback)


class Node:
    pass


a = Node()
a.me = a
del a
print("returned", gc.collect())
print("returned", gc.collect(1))
gc.callbacks.remove(callback)

gc.set_debug(gc.DEBUG_SAVEALL)
lst = [1, 2]
lst.append(lst)
del lst
print("saved:", gc.collect())
print(len(gc.garbage), type(gc.garbage[0]).__name__, gc.garbage[0][:2])
gc.set_debug(0)
gc.garbage.clear()
print("left:", gc.collect())
