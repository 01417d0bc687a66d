from collections import ChainMap

base = {'color': 'red', 'user': 'guest'}
over = {'user': 'admin'}
cm = ChainMap(over, base)
print(cm, cm['user'], cm['color'], len(cm), list(cm), sorted(cm.items()), 'color' in cm)
print(cm.get('nope'), cm.get('user'), bool(cm), bool(ChainMap()), bool(ChainMap({})), ChainMap())
cm['color'] = 'blue'
print(over, base)
del cm['color']
print(over)
try:
    del cm['color']
except KeyError as e:
    print(type(e).__name__, e)
try:
    cm['missing']
except KeyError as e:
    print(type(e).__name__, e)
child = cm.new_child()
child['x'] = 1
print(child, child.parents, child.maps[0])
print(cm.new_child({'a': 1}), cm.new_child(b=2))
print(cm.pop('user'), over)
try:
    cm.pop('user')
except KeyError as e:
    print(type(e).__name__, e)
print(cm.pop('user', 'dflt'))
try:
    cm.popitem()
except KeyError as e:
    print(type(e).__name__, e)
c2 = cm.copy()
c2['k'] = 'v'
print(cm, c2)
print(ChainMap.fromkeys('ab', 0), dict(ChainMap({'a': 1}, {'a': 2, 'b': 3})))
print(ChainMap({'a': 1}) | {'b': 2}, {'b': 2} | ChainMap({'a': 1}))
x = ChainMap({'a': 1})
x |= {'c': 3}
print(x)
x.clear()
print(x, list(ChainMap({'b': 1}, {'a': 1, 'b': 2})))
class Default(ChainMap):
    def __missing__(self, key):
        return 'default'
print(Default({})['q'])
