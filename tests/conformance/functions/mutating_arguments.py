def add_item(lst, item):
    lst.append(item)
def rebind(lst):
    lst = ['new']
    return lst
values = [1]
add_item(values, 2)
print(values)
print(rebind(values), values)
def kw(d):
    d['k'] = 'v'
config = {}
kw(config)
print(config)
