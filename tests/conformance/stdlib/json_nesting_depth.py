# Deeply nested documents: loads and dumps go about as deep as the recursion limit, then raise RecursionError.
import json

for n in [300, 900, 5000]:
    for doc in ['[' * n + ']' * n, '{"a":' * n + '1' + '}' * n]:
        try:
            value = json.loads(doc)
            print(n, 'loads ok', json.dumps(value) == doc.replace(':', ': '))
        except RecursionError:
            print(n, 'loads RecursionError')
    x = []
    for i in range(n):
        x = [x, {'k': x}] if i % 100 == 0 else [x]
    try:
        print(n, 'dumps ok', len(json.dumps(x)) > n)
    except RecursionError:
        print(n, 'dumps RecursionError')
