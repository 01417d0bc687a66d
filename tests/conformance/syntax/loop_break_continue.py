out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
n = 0
while True:
    n += 1
    if n < 3:
        continue
    break
print(n)
