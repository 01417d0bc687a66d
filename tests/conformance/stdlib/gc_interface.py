# The gc module's interface: switches, thresholds, debug flags, errors.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5, 7)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold())

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
print(gc.get_debug())

print(type(gc.garbage), gc.garbage)
print(type(gc.callbacks), gc.callbacks)
print(len(gc.get_count()), all(isinstance(n, int) for n in gc.get_count()))
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))


class C:
    pass


print(gc.is_tracked([]), gc.is_tracked(C()), gc.is_tracked(C))
print(gc.is_tracked(1), gc.is_tracked("text"), gc.is_tracked(None), gc.is_tracked(2.5))

for call in (
    lambda: gc.collect(3),
    lambda: gc.collect(-1),
    lambda: gc.collect("0"),
    lambda: gc.get_objects(3),
    lambda: gc.get_objects(-1),
    lambda: gc.set_threshold(),
    lambda: gc.set_threshold("a"),
):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(gc.collect(generation=0) >= 0)
print(gc.get_objects(0) is not None, isinstance(gc.get_objects(generation=None), list))
