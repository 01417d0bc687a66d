print('{} {}'.format('a', 'b'), '{1} {0} {1}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2))
print('{0[1]} {0[key]}'.format({1: 'one', 'key': 'k'}), '{0.real}'.format(3 + 4j))
print('{:>6}|{:<6}|{:^6}'.format('r', 'l', 'c'), '{!r}'.format('s'), '{{}}'.format())
print('{m:{w}}|'.format(m='x', w=4), 'Hello, {name}!'.format_map({'name': 'map'}))
class Default(dict):
    def __missing__(self, key):
        return f'<{key}>'
print('{a} {b}'.format_map(Default(a=1)))
