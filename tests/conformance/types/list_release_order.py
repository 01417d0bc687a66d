# The order in which a list releases the items it drops, seen through
# __del__: a slice deleted or replaced (step 1), clear(), *= 0 and a
# second __init__ release last first; an extended slice, in slice order.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
    def __repr__(self): return 'D%d' % self.n
def fresh(): return [D(i) for i in range(6)]
l = fresh()
print('del slice'); del l[1:4]
print('assign slice'); l[0:2] = [D(10)]
print('replace all'); l[:] = [D(11)]
l = fresh()
print('ext assign'); l[::2] = [D(20), D(21), D(22)]
print('ext assign reversed'); l[::-2] = [D(30), D(31), D(32)]
print('del ext'); del l[::2]
l = fresh()
print('del ext reversed'); del l[::-2]
print('del step -1'); del l[::-1]
l = fresh()
print('clear'); l.clear()
l = fresh()
print('imul 0'); l *= 0
l = fresh()
print('del all'); del l[:]
l = fresh()
print('pop'); l.pop(); l.pop(0)
print('remove'); l.remove(l[1])
print('del index'); del l[0]
print('setitem'); l[0] = D(40)
print('sort'); l.sort(key=lambda d: -d.n)
print(l)
print('drop list'); del l
print('done')
l = [D(i) for i in range(3)]
print('reinit'); l.__init__([D(9)])
print('end')
