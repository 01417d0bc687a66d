rows = [('apple', 1.5, 10), ('kiwi', 0.25, 150), ('watermelon', 3.0, 2)]
widths = [max(len(r[0]) for r in rows), 6, 5]
for name, price, qty in rows:
    print('{0:<{w0}} {1:>{w1}.2f} {2:>{w2}d}'.format(name, price, qty, w0=widths[0], w1=widths[1], w2=widths[2]))
print('{:-^{}}'.format(' total ', sum(widths) + 2))
print('{0:{fmt}}'.format(255, fmt='#010b'))
