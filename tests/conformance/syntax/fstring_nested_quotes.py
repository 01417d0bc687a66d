d = {'key': 'value', 'n': [1, 2, 3]}
print(f"{d['key']}")
print(f'{d["n"][1:]}')
print(f"{'-'.join(str(i) for i in d['n'])}")
print(f"{f'{1 + 1}'}")
print(f"{'a' if d else 'b'}")
print(f"{(lambda v: v * 2)(4)}")
