# gc.get_referents, gc.get_referrers, gc.get_objects, gc.is_tracked, and
# gc.freeze/unfreeze.
import gc

gc.disable()


class Node:
    pass


inner = [1, "two"]
outer = [inner, (3, inner)]
print(gc.get_referents(outer) == [inner, (3, inner)])
print(gc.get_referents([1, "a", None]))
print(gc.get_referents(1, "a"))
print(sorted(map(repr, gc.get_referents({"k": inner}))))

target = Node()
holder = [target]
second = {"x": target}
referrers = gc.get_referrers(target)
print(any(r is holder for r in referrers), any(r is second for r in referrers))
print(all(gc.is_tracked(r) for r in referrers))

print(any(o is holder for o in gc.get_objects()))
print(gc.is_tracked(holder), gc.is_tracked(1))

# Frozen objects are left alone by collections until unfrozen.
cycle = Node()
cycle.me = cycle
gc.freeze()
print(gc.get_freeze_count() > 0)
del cycle
print("while frozen:", gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print("after unfreeze:", gc.collect())
