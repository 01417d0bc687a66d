café = 'coffee'
π = 3.14159
变量 = 'chinese'
print(café, π, 变量)
def ñandú(Δ):
    return Δ * 2
print(ñandú(21), ñandú.__name__)
ﬁ = 'ligature normalized'
print(fi)
