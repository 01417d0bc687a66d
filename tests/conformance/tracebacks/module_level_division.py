x = 0
print('before')
result = 10 / x
