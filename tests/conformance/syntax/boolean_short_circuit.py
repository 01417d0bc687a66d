def t(name, value):
    print('eval', name)
    return value
print(t('a', 0) and t('b', 1))
print(t('a', 1) and t('b', 2))
print(t('a', 0) or t('b', 0))
print(t('a', 'x') or t('b', 'y'))
print(not t('a', []))
print([] or {} or 0 or '' or None)
print(1 and 'yes' and [3])
