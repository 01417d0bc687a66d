class NonData:
    def __get__(self, obj, objtype=None):
        return 'from non-data descriptor'
class Data:
    def __get__(self, obj, objtype=None):
        return 'from data descriptor'
    def __set__(self, obj, value):
        print('data __set__', value)
class C:
    nd = NonData()
    d = Data()
c = C()
print(c.nd, c.d)
c.__dict__['nd'] = 'instance dict wins over non-data'
c.__dict__['d'] = 'instance dict loses to data'
print(c.nd, c.d)
c.d = 5
print(C.nd, C.d)
