d = {}
for k in ['zeta', 'alpha', 'mid', 'beta']:
    d[k] = len(k)
print(list(d))
d['alpha'] = 'updated'
print(list(d))
del d['zeta']
d['zeta'] = 'reinserted'
print(list(d), d)
print({3: 'c', 1: 'a', 2: 'b'}, dict(b=1, a=2))
print(dict([(2, 'x'), (1, 'y')]), dict(zip('cab', range(3))))
