for i in range(3):
    pass
print(i)
for j in []:
    pass
print('j' in globals())
[k for k in range(3)]
print('k' in globals())
try:
    raise ValueError('v')
except ValueError as err:
    pass
print('err' in globals())
