class Store:
    def __init__(self):
        self.data = {}
    def __setitem__(self, key, value):
        print('set', key, value)
        self.data[key] = value
    def __getitem__(self, key):
        return self.data[key]
    def __delitem__(self, key):
        print('del', key)
        del self.data[key]
s = Store()
s['a'] = 1
s[1, 2] = 'tuple key'
s['a'] += 5
print(s['a'])
del s['a']
print(s.data)
