é(a for a in b, c)
