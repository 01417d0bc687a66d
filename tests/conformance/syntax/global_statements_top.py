if 1:
    a = 1
elif 2:
    a = 2
else:
    a = 3
print(a)
x = [1, 2, 3]; y = x; print(y)
if a: print('one-line if')
for i in range(2): print('one-line for', i)
while a < 3: a += 1
print(a)
class C: z = 5
print(C.z)
