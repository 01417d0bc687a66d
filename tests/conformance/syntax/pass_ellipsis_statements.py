def f():
    pass
def g():
    ...
class C:
    pass
print(f(), g(), C.__name__)
if True:
    pass
for i in range(2):
    pass
print(i)
